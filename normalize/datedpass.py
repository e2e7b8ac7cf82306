"""Calc text whose pass 1 holds no date (issue 10): ``twophase``'s order with each row's date
drawn among its wrapped cells (変更日 and 項目 top-aligned, the other cells centred or at the
bottom, or a date cell of rich text).  See ``dated_pages``."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from . import passone
from .dates import is_date_line
from .items import heading_score
from .passone import DATE_QUALIFIER
from .rejoin import same_printed_line
from .twophase import _DATE_PART, ITEM_HEAD_SCORE, _opens_item, _Page, _Row, _wrapped_date


def _opens_dated_row(lines: list[CellLine], k: int) -> bool:
    """Whether ``lines[k]`` is a whole date opening its printed line (alone, or beside the item's
    first line), not a date a cell's words qualify (``平成31年4月1日 時点``)."""
    cl = lines[k]
    if cl.cell_date or not is_date_line(cl.text) or (k and same_printed_line(lines[k - 1], cl)):
        return False
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is not None and not same_printed_line(cl, nxt) and _DATE_PART.match(nxt.text):
        return False  # a date wrapped over lines (``令和5年3月`` / ``31日``): not this order
    wrapped = _wrapped_date(lines, k)
    if wrapped is not None and wrapped[1] > k + 1:
        return False  # ``2019年4月1`` / ``日 Ⅱ特定個人情報…``: wrapped too
    return nxt is None or not same_printed_line(cl, nxt) or not DATE_QUALIFIER.match(nxt.text)


def dated_pages(region: list[CellLine]) -> list[_Page] | None:
    """The region (regrouped) as pages whose pass 1 holds no date: Calc drew each row's date
    with its wrapped cells (a date cell of rich text, or top-aligned beside the item's first
    line while the one-line cells are centred or at the bottom), so a page gives first its rows'
    one-line cells without dates (``事後 システムの追加に伴う記載の追加``, ``削除 事前 …``), one
    or two printed lines per row in row order, and then its rows, each opened by its date
    (``令和6年1月15日 Ⅰ 基本情報``).  None unless every page of the extractor is so: a pass 1
    with a timing and no date, then rows that open with a date and print no timing.

    The dated rows count the rows; pass 1's printed lines are paired with them in order, each
    printed line holding a timing closing one row's group (``_pair_pass_one``).  A one-line item
    printed in pass 1 (an attachment's label, ``（別紙１）事務の流れ``) goes to the row whose
    wrapped cells open with no item.  Where the counts disagree, or a line may belong to either
    of two rows, the page says why (``pairing_why``) and its rows are doubted."""
    pages: list[_Page] = []
    for lines in passone.paged(region):
        b = next((k for k in range(len(lines)) if _opens_dated_row(lines, k)), len(lines))
        singles, rest = lines[:b], lines[b:]
        if not singles or not rest:
            return None
        if not any(TIMING.match(cl.text) for cl in singles) or any(_not_pass_one(cl) for cl in singles):
            return None
        if any(TIMING.match(cl.text) for cl in rest):
            return None
        rows: list[_Row] = []
        for k, cl in enumerate(rest):
            if _opens_dated_row(rest, k):
                rows.append(_Row(cl))
            else:
                rows[-1].lines.append(cl)
        page = _Page(singles, rows, texts=True)
        _pair_pass_one(page)
        if page.pairing_why and all(TIMING.match(cl.text) for cl in singles):
            # Only timings, fewer or more than the rows (timings merged over rows): the usual
            # two-pass reading aligns shared dates and timings.
            return None
        if any(_undated_row_inside(row.lines) for row in rows):
            # A row without a date of its own (a date merged over rows prints once): the
            # usual two-pass reading shares it.
            return None
        pages.append(page)
    return pages or None


def _undated_row_inside(lines: list[CellLine]) -> bool:
    """Whether a dated row's wrapped lines hold a second item's first line (Ⅰ…Ⅵ) on a
    printed line of its own: a row of its own without a date."""
    return any(_opens_item(cl) and not same_printed_line(lines[k], cl) for k, cl in enumerate(lines[1:]))


def _not_pass_one(cl: CellLine) -> bool:
    """Whether a piece cannot be a one-line cell of a pass 1 without dates: a date, a piece of
    a wrapped date (``令和5年3月`` / ``31日``), or an item's first line (Ⅰ…Ⅵ: wrapped cells)."""
    if cl.cell_date:
        return False  # a cell's value (cell_dates): a one-line cell of pass 1 like any other
    return is_date_line(cl.text) or bool(_DATE_PART.match(cl.text)) or _opens_item(cl)


# Why a page's pass-1 pairing is a guess (``dated_pages``).
PAIR_COUNT_WHY = (
    "the page's one-line cells give {groups} rows and its dated lines {rows}: paired in order, a guess"
)
PAIR_LOOSE_WHY = "a one-line cell without a timing may belong to the row above or below: paired by a guess"


def _pair_pass_one(page: _Page) -> None:
    """Pair the page's pass-1 printed lines with its dated rows (``dated_pages``): a printed
    line holding a timing closes one row's group; a printed line without one (drawn higher:
    top-aligned) opens the next group.  With as many groups as rows, such a line that the
    row's wrapped cells need as their item (they open with no item of the form) becomes the
    item's first line; else the alignment of ``passone`` places it and the page is doubted."""
    groups: list[list[CellLine]] = [[]]
    for k, cl in enumerate(page.singles):
        closed = any(TIMING.match(x.text) for x in groups[-1])
        if k and closed and not same_printed_line(page.singles[k - 1], cl):
            groups.append([])
        groups[-1].append(cl)
    page.groups = len(groups)
    if len(groups) != len(page.rows):
        page.pairing_why = PAIR_COUNT_WHY.format(groups=len(groups), rows=len(page.rows))
        return
    moved: list[CellLine] = []
    loose = False
    # The rows a loose line may belong to: the row whose group it opens and the row above (a
    # line printed between two rows' timings is the lower row's, drawn at its top, or the upper
    # row's, drawn at its foot); None: any row of the page.
    near: set[int] | None = set()
    for g, (group, row) in enumerate(zip(groups, page.rows, strict=True)):
        first_timing = next((k for k, cl in enumerate(group) if TIMING.match(cl.text)), None)
        if first_timing is None:
            # The page's last printed lines hold no timing (a timing merged over rows prints
            # once): they may belong to any row.
            loose, near = True, None
            continue
        head = [cl for cl in group[:first_timing] if not same_printed_line(cl, group[first_timing])]
        if not head:
            continue
        text = " ".join(cl.text for cl in head)
        if (row.lines and _opens_item(row.lines[0])) or heading_score(text) < ITEM_HEAD_SCORE:
            # Not plainly the row's missing item: a one-line before / after drawn at the top?
            loose = True
            if near is not None:
                near |= {g - 1, g} - {-1}
            continue
        # The item printed in pass 1, one printed line (its pieces joined again).
        row.item = CellLine(text, head[0].page, head[0].line_no)
        moved += head
    if moved:
        page.singles = [cl for cl in page.singles if not any(cl is x for x in moved)]
    if loose:
        page.pairing_why = PAIR_LOOSE_WHY
        page.loose_rows = None if near is None else frozenset(near)
