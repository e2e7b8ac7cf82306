"""Join a tall row's before / after cells that a page break cut, in column-ordered text, when the
next page holds nothing but their rest (branch subhead66, the last release's unseen set).

Writer lets a tall row run on to the next page under the repeated label row; pdfminer gives the
rest of its before and after cells as boxes of their own on that page.  ``join_cells_over_pages``
joins such a box when it opens mid-phrase; a rest that opens a paragraph (``・端末の操作は…``) was
left a cell of its own, and the pairing (``body_pairing``), which reads each column's cells in row
order, gave it to a row: every row above it on its page took the next row's cells (10 of 10 rows
of a page read wrong, all warned only by ``column_guess``).  A page that opens no row (no date, no
item and no 提出時期 box on it) can only hold the rest of the row that was open at the break: its
before / after boxes (one or two, in the extractor's order) go on the last as many before / after
boxes of the page before, in order.  Where the page before holds fewer, or a box is a line alone
or a heading of the form (an item's last line broken over the page), nothing is joined.

The rows so read carry a ``cut_guess`` doubt (confidence only): the join rests on the pages, not
on the text.  Measured with ``tools/eval_office.py`` on ``samples/office-subhead66`` and
``samples/heldout-subhead66`` (pdfminer).
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH

from .boxes import Box
from .items import is_form_heading

# A row's body cells: at most this many boxes continue on a page of their own.
MAX_CONTINUED_CELLS = 2
# ... and each is at least this many lines (a tall cell's rest, not a heading alone).
MIN_REST_LINES = 2
WHY = "the rest of a cell a page break cut, printed on a page of no row of its own, joined to it"


def _cell_rest(box: Box) -> bool:
    """Whether a box can be the rest of a tall before / after cell: two lines or more, not a
    heading of the form (``② 法令上の根拠`` alone on a page is an item's last line)."""
    return len(box.lines) >= MIN_REST_LINES and not is_form_heading(box.text)


def join_rest_pages(bodies: list[Box], row_boxes: list[Box]) -> tuple[list[Box], set[int]]:
    """``bodies`` with the before / after boxes of each page that opens no row (no box of
    ``row_boxes`` on it: dates, items, timings) appended to the last boxes of the page before (in
    place: those boxes' lines grow); the pages so joined."""
    row_pages = {b.page for b in row_boxes}
    by_page: dict[int, list[Box]] = {}
    for b in bodies:
        if b.page is not None:
            by_page.setdefault(b.page, []).append(b)
    joined: set[int] = set()
    gone: set[int] = set()
    for page in sorted(by_page):
        rest = by_page[page]
        prev = by_page.get(page - 1, [])
        if page in row_pages or page - 1 in joined or not prev:
            continue
        if len(rest) > min(MAX_CONTINUED_CELLS, len(prev)) or not all(_cell_rest(b) for b in rest):
            continue
        for box, target in zip(rest, prev[-len(rest) :], strict=True):
            target.lines.extend(box.lines)
            gone.add(id(box))
        joined.add(page)
    return [b for b in bodies if id(b) not in gone], joined


def doubt_joined_rows(rows: list[RawRow], pages: set[int]) -> None:
    """A ``cut_guess`` doubt on each row whose before or after cell holds lines of a joined page
    (``join_rest_pages``)."""
    if not pages:
        return
    for row in rows:
        for field in ("before", "after"):
            if any(cl.page in pages for cl in row.cells[field]):
                row.doubts.append(Doubt("cut_guess", field, WHY, MENDED_CUT_STRENGTH))
                break
