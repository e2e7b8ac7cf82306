"""Layout text: no line of the table's columns lost in silence, and rows that hold two rows' worth
of printed dates, 項目 paths or 提出時期 flagged ``rows_merged``.

Split from ``rows`` (the page-by-page reading of the grid), which calls it once the rows are made.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from piatable.vocabulary import ITEM_OPENING

from ..dates import DATE_AT_START, is_date_head
from ..line_dates import several_dates
from ..timing_boxes import printed_timings
from .common import GridResult
from .date_spans import date_spans
from .emptied_columns import emptied_page_notes
from .lines import Line
from .page_top_rests import page_top_rest_doubts
from .timings_count import NOTE as TIMINGS_NOTE
from .timings_count import timings_beyond_layout_rows

if TYPE_CHECKING:
    from .rows import _Row


# Layout text: notes name at most this many lines that landed in no row.
MAX_LOST_NOTES = 5


def _line_key(ln: Line) -> tuple[int, int | None, float, str]:
    return (ln.page, ln.line_no, round(ln.x0, 1), ln.text)


def _place(ln: Line) -> tuple[int, int | None, float, float]:
    """Where a line is printed: two lines of one text printed apart are two (positioned words
    have no line numbers)."""
    return (ln.page, ln.line_no, round(ln.x0, 1), round(ln.top, 1))


def is_printed_date(text: str) -> bool:
    return bool(DATE_AT_START.match(text)) or is_date_head(text)


def _one_value(date_lines: list[Line]) -> bool:
    """Whether ``date_lines`` print one date, the same text each (spaces aside): Calc prints a
    merged 変更日 in each part of a cell a page break cuts, and ``-layout`` text gives the row both
    copies beside its one 項目 path and one 提出時期 (branch quiet69: office-merged56's ``va`` and
    office-carry53's Writer ``-layout`` rows, right, warned ``rows_merged`` alone)."""
    return len({"".join(ln.text.split()) for ln in date_lines}) == 1


def _listed(date_lines: list[Line], item_lines: list[Line]) -> bool:
    """Layout text: a 変更日 cell of whole dates a line each, on lines that follow on each other,
    beside a 項目 cell opening one path: the shape ``date_lists`` reads as one cell."""
    printed = [ln for ln in date_lines if ln.text.strip()]
    numbers = [ln.line_no for ln in printed]
    paths = {_place(ln) for ln in item_lines if ITEM_OPENING.match(ln.text.strip())}
    return (
        bool(several_dates([ln.text.strip() for ln in printed]))
        and None not in numbers
        and all(b == a + 1 for a, b in itertools.pairwise(numbers))  # type: ignore[operator]
        and len(paths) <= 1
    )


def check_layout_rows(rows: list[_Row], page_lines: list[Line], result: GridResult) -> None:
    """No row lost in silence: every line of the table's columns must be in a row (else it is
    counted as unplaced and named in a note), and a row that holds two printed dates, two
    項目 paths or two 提出時期 (事前/事後: the cell prints one) is flagged ``rows_merged`` (two
    rows read as one; a low confidence)."""
    placed = {_line_key(ln) for r in rows for lines in r.cells.values() for ln in lines}
    lost = [ln for ln in page_lines if _line_key(ln) not in placed and ln.text.strip()]
    for ln in lost[:MAX_LOST_NOTES]:
        what = "a date line" if is_printed_date(ln.text) else "a line"
        result.notes.append(
            f"page {ln.page}, line {ln.line_no}: {what} placed in no row: {ln.text.strip()!r}"
        )
    if len(lost) > MAX_LOST_NOTES:
        result.notes.append(f"{len(lost) - MAX_LOST_NOTES} more lines placed in no row")
    result.unplaced += len(lost)
    result.notes.extend(emptied_page_notes(rows))
    page_top_rest_doubts(rows)
    flag_merged_rows(rows, result)
    beyond = timings_beyond_layout_rows(rows)
    if beyond:
        result.notes.append(TIMINGS_NOTE.format(n=beyond))
        result.rows_beyond += beyond


def flag_merged_rows(rows: list[_Row], result: GridResult, hy: float | None = None) -> None:
    """Flag ``rows_merged`` on each row holding two printed dates, two 提出時期 (事前/事後: the
    cell prints one) or two 項目 paths, count them in ``result.merged_rows`` and say so in a note
    (the document is partial: ``pipeline``).  Positioned words (PDF, OCR) pass their line height
    ``hy``: their dates are counted by ``date_spans`` (a date wrapped over four lines, 平成 / 31年 /
    3月 / 31日, is one) and their 項目 paths not (a cell between rulings may list two paths of one
    change, while its 変更日 and 提出時期 cells print one value each); set XIX t06: five rows read
    as one, status success (branch pgbreak58).  A row between rulings whose 変更日 cell prints
    whole dates a line each beside one 提出時期 is one cell listing the dates of two changes of
    its item (``line_dates.several_dates``; set XX t14, Calc, typed with Alt+Enter), no merge."""
    paths = hy is None
    merged = 0
    for r in rows:
        date_lines = r.cells.get(0, [])
        timings = printed_timings("".join(ln.text for ln in r.cells.get(4, [])))  # ■事前□事後: one
        items = {_place(ln) for ln in r.cells.get(1, []) if ITEM_OPENING.match(ln.text.strip())}
        if hy is None:
            printed = [ln for ln in date_lines if is_printed_date(ln.text)]
            dates = len({_place(ln) for ln in printed})
            if dates > 1 and timings <= 1 and _listed(date_lines, r.cells.get(1, [])):
                dates = 1  # one cell listing two changes' dates (``date_lists``)
            if dates > 1 and timings <= 1 and len(items) <= 1 and _one_value(printed):
                dates = 1  # a merged date printed in both parts a page break cut its cell into
        elif r.ruled and timings <= 1 and several_dates([ln.text.strip() for ln in date_lines]):
            dates = 1  # one cell between rulings printing the dates of two changes of its item
        else:
            dates = len(date_spans(date_lines, hy))
        if (dates > 1 or (paths and len(items) > 1) or timings > 1) and "rows_merged" not in r.flags:
            r.flags.append("rows_merged")
            merged += 1
    result.merged_rows += merged
    if merged:
        what = "dates, 項目 paths or 提出時期" if paths else "dates or 提出時期"
        result.notes.append(
            f"{merged} rows hold two or more printed {what}: rows were probably read as one"
            " (flag rows_merged)"
        )
