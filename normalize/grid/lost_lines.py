"""Layout text: no line of the table's columns lost in silence, and rows that hold two rows' worth
of printed dates, 項目 paths or 提出時期 flagged ``rows_merged``.

Split from ``rows`` (the page-by-page reading of the grid), which calls it once the rows are made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from piatable.vocabulary import ITEM_OPENING, TIMING_WORD

from ..dates import DATE_AT_START, is_date_head
from .common import GridResult
from .lines import Line

if TYPE_CHECKING:
    from .rows import _Row


# Layout text: notes name at most this many lines that landed in no row.
MAX_LOST_NOTES = 5


def _line_key(ln: Line) -> tuple[int, int | None, float, str]:
    return (ln.page, ln.line_no, round(ln.x0, 1), ln.text)


def is_printed_date(text: str) -> bool:
    return bool(DATE_AT_START.match(text)) or is_date_head(text)


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
    for r in rows:
        dates = {_line_key(ln) for ln in r.cells.get(0, []) if is_printed_date(ln.text)}
        paths = {_line_key(ln) for ln in r.cells.get(1, []) if ITEM_OPENING.match(ln.text.strip())}
        timings = len(TIMING_WORD.findall("".join(ln.text for ln in r.cells.get(4, []))))
        if (len(dates) > 1 or len(paths) > 1 or timings > 1) and "rows_merged" not in r.flags:
            r.flags.append("rows_merged")
            result.merged_rows += 1
    if result.merged_rows:
        result.notes.append(
            f"{result.merged_rows} rows hold two or more printed dates, 項目 paths or 提出時期: rows were "
            "probably read as one (flag rows_merged)"
        )
