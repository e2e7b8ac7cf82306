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
変更日 of every row of a page whose date boxes, as the text gives them, run neither up nor down.
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


def unordered_date_doubts(rows: list[RawRow], item_boxes: list, date_boxes: list) -> None:
    """Add ``column_guess`` on the 変更日 of the rows of each page (row k's page: its item box
    ``item_boxes[k]``'s) whose ``date_boxes`` (in the text's order) are out of date order."""
    pages: dict[int, list[str]] = {}
    for b in date_boxes:
        iso = parse_date(b.lines[0].text)
        if iso is None:
            return
        pages.setdefault(b.page or 0, []).append(iso)
    doubted = {p for p, isos in pages.items() if not in_date_order(isos)}
    for row, item in zip(rows, item_boxes, strict=False):
        if (item.page or 0) in doubted and not any(d.why == UNORDERED_DATES_WHY for d in row.doubts):
            row.doubts.append(Doubt("column_guess", "change_date", UNORDERED_DATES_WHY))
