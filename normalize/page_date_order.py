"""Doubt on the 変更日 of a page whose date boxes are out of date order, in box-order text
(pdfminer ``extract_text``, plain ``pdftotext``; issues 10 and 12).

A row amending a date (``Ⅵ評価実施手続 / ３．第三者点検 / ①実施日``: before ``令和元年８月２０日``,
after ``令和５年１１月２４日``) prints dates that are whole cells, in boxes of their own like a
変更日's.  Where the page also prints fewer 変更日 than rows (a date merged over several rows),
the counts can match and every date box is handed to a row in order (``columnar``): the
cells' dates become rows' 変更日 and the true ones move down.  Set VIII (a new user's Calc
tables): pdfminer gave two rows another group's date at 0.63 and 0.72, plain pdftotext three at
0.72, none flagged.  A table's 変更日 run in date order (oldest or newest first); a cell's date
is an earlier check's or a later one's.  ``unordered_date_doubts`` raises ``column_guess`` on the
変更日 of the rows of a page whose date boxes, as the text gives them, run neither up nor down,
from the date before the first step against the page's way on (``first_in_doubt``): the rows
given earlier dates keep theirs whatever the cells' dates were.
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import Doubt, RawRow

from .dates import parse_date

UNORDERED_DATES_WHY = (
    "the page's date boxes are out of date order: a before / after cell's date may have been read as a 変更日"
)


def in_date_order(isos: list[str]) -> bool:
    """Whether ISO dates run up (never down) or down (never up)."""
    pairs = list(pairwise(isos))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def first_in_doubt(isos: list[str]) -> int | None:
    """Of a page's dates (ISO, in the text's order), the first whose row may have taken a
    cell's date: None when they run in order; else the one before the first step against the
    way the page runs (first to last date: a cell's date pair may have come in there, or just
    before it, and every later date was handed one row down)."""
    if in_date_order(isos):
        return None
    up = isos[0] <= isos[-1]
    k = next(k for k, (a, b) in enumerate(pairwise(isos)) if (a > b if up else a < b))
    return max(0, k - 1)


def unordered_date_doubts(rows: list[RawRow], item_boxes: list, date_boxes: list) -> None:
    """Add ``column_guess`` on the 変更日 of the rows of each page whose ``date_boxes`` (in the
    text's order) are out of date order, from the row given the date ``first_in_doubt`` names
    on (a row's page: its item box ``item_boxes[k]``'s; its date box: the one its 変更日 came
    from)."""
    pages: dict[int, list[str]] = {}
    index: dict[int, int] = {}  # id of a date box's first line -> its place among its page's dates
    for b in date_boxes:
        iso = parse_date(b.lines[0].text)
        if iso is None:
            return
        isos = pages.setdefault(b.page or 0, [])
        index[id(b.lines[0])] = len(isos)
        isos.append(iso)
    start = {p: k for p, isos in pages.items() if (k := first_in_doubt(isos)) is not None}
    for row, item in zip(rows, item_boxes, strict=False):
        cells = row.cells["change_date"]
        at = index.get(id(cells[0])) if cells else None
        page = item.page or 0
        if page in start and (at is None or at >= start[page]):
            if not any(d.why == UNORDERED_DATES_WHY for d in row.doubts):
                row.doubts.append(Doubt("column_guess", "change_date", UNORDERED_DATES_WHY))
