"""Rows that run on to the next page, read column by column: their other cells' parts may be lost.

Writer lets a tall row run on to the next page; pdfminer and plain ``pdftotext`` then print the
row's part on that page as boxes of its own at the top of each column, with no date before them
(t06_writer_cover row 4 of 8, Noto Serif CJK 10 pt: the item's last headings and the after cell's
second paragraph).  The item's part is joined to the row (``boxes.join_items_over_pages``), but a
before / after box that opens a paragraph of its own cannot be told from the next row's cell by
its text, and the pairing gives it to a later row.  A row whose item runs on to a later page
while none of its before / after / explanation lines was read there may so have lost a
paragraph: it is warned (``column_guess``), as is every row the pairing doubted.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

BODY_COLUMNS = ("before", "after", "explanation")
RUN_ON_WHY = (
    "its item runs on to page {page}, but none of its before/after/explanation text was read there:"
    " a paragraph printed at the top of that page may have gone to another row"
)


def doubt_rows_run_on(rows: list[RawRow]) -> None:
    """Add a ``column_guess`` doubt to each row of ``rows`` (read column by column) whose item
    lines reach a later page than any of its body cells' lines (module docstring)."""
    for row in rows:
        item_pages = [cl.page for cl in row.cells["item"] if cl.page is not None]
        body_pages = [cl.page for key in BODY_COLUMNS for cl in row.cells[key] if cl.page is not None]
        if not item_pages or not body_pages or max(item_pages) <= max(body_pages):
            continue
        row.doubts.append(Doubt("column_guess", None, RUN_ON_WHY.format(page=max(item_pages))))
