"""A page of layout text whose rows all lost a column the table's other pages fill (branch order74).

``pdftotext -layout`` sets each page's columns where that page's text falls.  A Calc sheet printed
without its label row repeated (set XXXIV: No.｜項目｜変更前｜変更後｜変更日｜説明｜提出時期｜備考) gives
the pages after the first no labels to place their columns by, and a page whose columns stand a
little apart from the first page's can be read with its 説明 lines put into the 項目 and 変更後
cells beside them: every row of that page then holds an empty 説明 (and cells with foreign text)
at the reader's full confidence.  A 説明 is printed on nearly every row of a form (the rule asks
for one per change), so a page none of whose rows holds one, in a table whose other pages hold
one on most rows of a page, has its columns in doubt: each of its rows is flagged ``column_guess`` and a
note says which page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from .common import cell_text
from .lines import Line

EXPLANATION = 5
# A page is judged when it has at least this many rows (one row without a 説明 is a form's
# ordinary gap, two or more on one page with none is not).
MIN_PAGE_ROWS = 2
# The other pages' share of rows holding a 説明 that makes its absence on a whole page a misread
# column, and how many such rows there must be (on the session 74 sets every Calc and Writer
# table's rows all hold one; set XXXIV's tables too).
FILLED_SHARE = 0.8
MIN_FILLED_ROWS = 3

EMPTIED_NOTE = (
    "page {page}: none of its {n} rows holds a 提出時期に係る説明 while {filled} of {total} rows of "
    "another page of the table do: its columns may be misplaced (rows flagged column_guess)"
)


class GridRow(Protocol):
    """What this module needs of a grid row (``rows._Row``)."""

    cells: dict[int, list[Line]]
    page_start: int
    flags: list[str]
    table: int


def emptied_page_notes(rows: list[GridRow]) -> list[str]:
    """Flag ``column_guess`` on every row of a page (by ``page_start``, within one table of the
    text) whose rows, ``MIN_PAGE_ROWS`` or more, hold no 説明 while at least ``FILLED_SHARE`` of
    the rows of another page of the table (``MIN_FILLED_ROWS`` or more) do; in place.  The notes
    to add, one per such page."""
    notes: list[str] = []
    tables: dict[int, dict[int, list[GridRow]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        tables[r.table][r.page_start].append(r)
    for pages in tables.values():
        for page, here in pages.items():
            if len(here) < MIN_PAGE_ROWS or any(cell_text(r.cells.get(EXPLANATION)) for r in here):
                continue
            # The best-filled other page: the page whose labels placed the columns.
            best = max(
                (
                    (sum(1 for r in rs if cell_text(r.cells.get(EXPLANATION))), len(rs))
                    for p, rs in pages.items()
                    if p != page
                ),
                default=(0, 0),
            )
            filled, total = best
            if filled < MIN_FILLED_ROWS or filled < FILLED_SHARE * total:
                continue
            for r in here:
                if "column_guess" not in r.flags:
                    r.flags.append("column_guess")
            notes.append(EMPTIED_NOTE.format(page=page, n=len(here), filled=filled, total=total))
    return notes
