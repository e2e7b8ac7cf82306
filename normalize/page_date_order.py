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
from the date before the first one left out of the page's longest run in date order
(``first_in_doubt``): the rows given earlier dates keep theirs whatever the cells' dates were.
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import Doubt, RawRow

from .chars import without_whitespace
from .dates import is_date_line, parse_date

UNORDERED_DATES_WHY = (
    "the page's date boxes are out of date order: a before / after cell's date may have been read as a 変更日"
)


def in_date_order(isos: list[str]) -> bool:
    """Whether ISO dates run up (never down) or down (never up)."""
    pairs = list(pairwise(isos))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def _kept(isos: list[str], up: bool) -> set[int]:
    """The places of the longest run of ``isos`` in date order (up or down), the earliest
    places where several are as long (the cells' dates are taken to be the later ones)."""
    n = len(isos)

    def fits(i: int, j: int) -> bool:
        return isos[i] <= isos[j] if up else isos[i] >= isos[j]

    longest = [1] * n  # longest run in order starting at each place
    for i in range(n - 1, -1, -1):
        longest[i] = 1 + max((longest[j] for j in range(i + 1, n) if fits(i, j)), default=0)
    k = max(range(n), key=lambda i: (longest[i], -i))
    kept = [k]
    while longest[kept[-1]] > 1:
        i = kept[-1]
        kept.append(next(j for j in range(i + 1, n) if fits(i, j) and longest[j] == longest[i] - 1))
    return set(kept)


def first_in_doubt(isos: list[str]) -> int | None:
    """Of a page's dates (ISO, in the text's order), the first whose row may have taken a
    cell's date: None when they run in order; else the one before the first date left out of
    the longest run in date order (up, or down where that is longer): a cell's date pair came
    in there, and every later date was handed one row down."""
    if in_date_order(isos):
        return None
    up, down = _kept(isos, True), _kept(isos, False)
    kept = up if len(up) >= len(down) else down
    return max(0, min(set(range(len(isos))) - kept) - 1)


def may_have_lost_a_date(row: RawRow) -> bool:
    """Whether the row's before or after cell is a date alone, or both are empty: what a row
    amending a date, one or both of whose dates were read as a 変更日, is left with."""
    texts = [without_whitespace("".join(cl.text for cl in row.cells[f])) for f in ("before", "after")]
    return not any(texts) or any(is_date_line(t) for t in texts)


def unordered_date_doubts(rows: list[RawRow], item_boxes: list, date_boxes: list) -> None:
    """Add ``column_guess`` on the 変更日 of the rows of each page whose ``date_boxes`` (in the
    text's order) are out of date order, from the row given the date ``first_in_doubt`` names
    on (a row's page: its item box ``item_boxes[k]``'s; its date box: the one its 変更日 came
    from), unless no row of the page ``may_have_lost_a_date``: a cell's date read as a 変更日
    leaves its row the other date alone in its before or after cell, or both cells empty, and a page
    without one has lost no cell's date (its 変更日 simply do not run in date order, as the
    generated tables of office-plain50 / -writer47 print them: right rows warned by this
    check alone at 0.58).  Measured with ``tools/warn_reasons.py`` (README, branch honest54)."""
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
    lost = {item.page or 0 for row, item in zip(rows, item_boxes, strict=False) if may_have_lost_a_date(row)}
    start = {p: k for p, k in start.items() if p in lost}
    for row, item in zip(rows, item_boxes, strict=False):
        cells = row.cells["change_date"]
        at = index.get(id(cells[0])) if cells else None
        page = item.page or 0
        if page in start and (at is None or at >= start[page]):
            if not any(d.why == UNORDERED_DATES_WHY for d in row.doubts):
                row.doubts.append(Doubt("column_guess", "change_date", UNORDERED_DATES_WHY))
