"""A page's first row under a merged cell its rulings cannot show (issue 11, scans): a 提出時期
cell one row high right under the label row, empty, after a page break."""

from __future__ import annotations

from .common import PageRows, cell_text
from .lines import Line

# Columns a page's first row may lack because a merged cell above the page break covered them
# though its rulings on this page cannot show it (one row under the label row): the 提出時期
# (every change has one) and, with it, the explanation.
UNSURE_CARRIED = (4, 5)
UNSURE_CARRY_WHY = (
    "the {what} at the top of page {page} is empty in a cell of one row: taken from the row above, "
    "as a cell merged over the page break would give it, which the rulings cannot show"
)


def fill_unsure(
    cells: dict[int, list[Line]], prev: dict[int, list[Line]], unsure: tuple[int, ...], page: int
) -> tuple[dict[int, list[Line]], str | None]:
    """A page's first row whose 提出時期 cell (a cell of one row right under the label row) is
    empty takes the row above's 提出時期, and its explanation too when that is empty: a cell
    merged over the page break prints its text on the page before, and on this page a part one
    row high looks like any cell.  Returns the cells and why the row is in doubt (None: nothing
    taken).  Every change has a 提出時期, so an empty one is no value of the row's own."""
    if 4 not in unsure or cell_text(cells.get(4)) or not cell_text(prev.get(4)):
        return cells, None
    cells = dict(cells)
    taken = [
        c for c in UNSURE_CARRIED if c in unsure and not cell_text(cells.get(c)) and cell_text(prev.get(c))
    ]
    for c in taken:
        cells[c] = list(prev[c])
    what = " and ".join(("提出時期", "explanation")[UNSURE_CARRIED.index(c)] for c in taken)
    return cells, UNSURE_CARRY_WHY.format(what=what, page=page)


def one_row_top(pr: PageRows, r: int, top: int | None) -> tuple[int, ...]:
    """Columns (of ``UNSURE_CARRIED``) whose cell holding row ``r``, the page's first body row
    ``top`` of a ruled page, is one row high: a merged cell's part there would look the same."""
    if top is None or r != top or not pr.ruled or r >= len(pr.spans) or _leaves_timings_empty(pr, top):
        return ()
    spans = pr.spans[r]
    return tuple(c for c in UNSURE_CARRIED if spans.get(c) == (top, top + 1))


def _leaves_timings_empty(pr: PageRows, top: int) -> bool:
    """True when a row below the page's first body row ``top`` prints a 項目 of its own beside
    an empty 提出時期 cell of one row: the table leaves 提出時期 cells empty, so the first row's
    empty one is no part of a cell merged over the break either (a Calc table of issue 12
    gave the first row the 事後 above it, the rows under it none)."""
    return any(
        pr.spans[k].get(4) == (k, k + 1) and cell_text(pr.rows[k].get(1)) and not cell_text(pr.rows[k].get(4))
        for k in range(top + 1, min(len(pr.rows), len(pr.spans)))
    )
