"""Lines at a page's top, above its first row's 項目 and set apart by a blank line: the rest of the
page before's last record, or the first row's own (branch order74).

A Calc author's record that goes on in the next sheet row (set XXXIV: the 説明's last paragraph
typed below, no number nor date) may have that row printed at the top of the next page; in
``pdftotext -layout`` text of a sheet whose label row is not repeated, its lines stand alone above
the page's first record, and the layout reader gives them to that record (a top-aligned cell
never starts above its row's 項目).  A cell's own lines run on with no blank line among them, so a
block of any column but 項目 above the first row's 項目 lines, a blank line under it and more
of the column's lines below, is a rest or the row's own the text does not settle (a page whose
columns were misplaced may put a 説明's rest in the 変更日 column): both rows say so (a
``row_split_guess`` with ``PAGE_TOP_REST_WHY``).
"""

from __future__ import annotations

import itertools
from typing import Protocol

from .lines import Line

DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)
# A blank printed line between two lines of a column: their line numbers this far apart.
BLANK_STEP = 2

PAGE_TOP_REST_WHY = (
    "page {page} opens with {cell} lines above its first row's 項目, a blank line under them: the"
    " rest of the page before's last record (printed in the next sheet row) or the first row's own"
)
_NAMES = {DATE: "変更日", BEFORE: "変更前", AFTER: "変更後", TIMING: "提出時期", EXPLANATION: "説明"}


class GridRow(Protocol):
    """What this module needs of a grid row (``rows._Row``)."""

    cells: dict[int, list[Line]]
    page_start: int
    page_end: int
    doubt: str | None
    table: int


def _detached_top(lines: list[Line], anchor: int, occupied: set[int]) -> bool:
    """``lines`` (one column, one page) hold a block above line ``anchor`` with a blank printed
    line under it (a line number holding no line of the row in any column, ``occupied``: in
    ``-layout`` text two columns' lines may take turns, each column then stepping by two with no
    blank between; samples/office-place61's long 変更前 / 変更後 cells), and more lines below."""
    nos = sorted(ln.line_no for ln in lines if ln.line_no is not None)
    upper = [n for n in nos if n < anchor]
    if not upper or anchor - upper[-1] < BLANK_STEP or upper[-1] + 1 in occupied:
        return False
    below = [n for n in nos if n > upper[-1]]
    return bool(below) and below[0] - upper[-1] >= BLANK_STEP


def page_top_rest_doubts(rows: list[GridRow]) -> None:
    """Set ``PAGE_TOP_REST_WHY`` as the doubt (unless one is set) of each page's first row whose
    column other than 項目 holds a detached block above its 項目 lines, and of the row before it
    (on an earlier page, same table); in place."""
    for above, row in itertools.pairwise(rows):
        page = row.page_start
        if row.table != above.table or above.page_end >= page:
            continue
        anchors = [ln.line_no for ln in row.cells.get(ITEM, []) if ln.page == page and ln.line_no is not None]
        if not anchors:
            continue
        anchor = min(anchors)
        occupied = {
            ln.line_no
            for col in row.cells.values()
            for ln in col
            if ln.page == page and ln.line_no is not None
        }
        for c in (DATE, BEFORE, AFTER, TIMING, EXPLANATION):
            lines = [ln for ln in row.cells.get(c, []) if ln.page == page]
            if _detached_top(lines, anchor, occupied):
                why = PAGE_TOP_REST_WHY.format(page=page, cell=_NAMES[c])
                row.doubt = row.doubt or why
                above.doubt = above.doubt or why
                break
