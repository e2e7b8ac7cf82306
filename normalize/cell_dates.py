"""Which date lines of Calc's two-pass text open rows, and which are a cell's value (issue 10).

A row amending a date (``Ⅵ評価実施手続 / ３．第三者点検 / ①実施日``: before ``令和３年２月１０日``,
after ``令和５年２月２０日``; ``②実施日・期間`` with one date per line) prints dates that are whole
cells.  Flattened by pypdfium2 or ``pdftotext -raw``, such a date stands alone on a line, or
beside the row's timing in pass 1 (``平成２７年７月１２日 平成３０年１月３１日 事後 …``), just as a
変更日 does, and each was read as a new row's date: one table of 11 rows gave 17, rows holding a
date, a timing or an explanation alone.

A date marker opens a row only where the 変更日 column prints it.  ``mark_cell_dates`` tells the
others apart, by what the order of the text shows (``twophase``: on each page pass 1's one-line
cells, then the wrapped cells row by row):

* **position on the printed line**: the 変更日 column is the leftmost, so a date with another
  cell's piece before it on its printed line is that row's before / after value;
* **in pass 2**: on a page whose wrapped cells have begun (an item's first line, Ⅰ…Ⅵ, came
  before), a date that does not open its item (the next piece is no item's first line) is a
  cell's value unless its run of dates is followed by a timing or by a piece of the same printed
  line (a timing is never drawn in pass 2: such a run is the next page's pass 1);
* **by count**: a page each of whose items opens with its own date (the date right before the
  item's first line, or beside it) has given every row's 変更日 there; its other dates are
  cells' values, pass 1's included.

Each such line is returned with ``cell_date`` set; the readers (``twophase``, ``datedpass``,
``passone``) then take it as one-line text, never as a row's date.  A date no rule decides is
left as it was (a 変更日).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from piatable.models import CellLine, Doubt
from piatable.vocabulary import TIMING

from .dates import is_date_line, parse_date
from .items import opens_item
from .rejoin import same_printed_line


def is_row_date(cl: CellLine) -> bool:
    """A whole date that may be a row's 変更日 (not a date marked as a cell's value)."""
    return not cl.cell_date and is_date_line(cl.text)


def _opens_its_item(lines: list[CellLine], k: int) -> bool:
    """The date at ``k`` is followed by an item's first line (beside it or on the next line)."""
    return k + 1 < len(lines) and opens_item(lines[k + 1].text)


def _after_other_piece(lines: list[CellLine], k: int) -> bool:
    """Another cell's piece comes before the date on its printed line."""
    return k > 0 and same_printed_line(lines[k - 1], lines[k])


def _in_pass_two(lines: list[CellLine], k: int, opened: list[bool]) -> bool:
    """The date at ``k`` lies among a page's wrapped cells: an item opened before it on its page,
    it does not open an item, and the first piece after its run of dates is no timing and does
    not share the run's last printed line (both would make the run pass 1's, of the next page:
    ``令和2年4月1日 事後``, ``令和2年4月1日 市民課 事前``)."""
    if not opened[k] or _opens_its_item(lines, k):
        return False
    end = k + 1
    while end < len(lines) and is_date_line(lines[end].text):
        end += 1
    if end == len(lines) or lines[end].page != lines[k].page:
        return True
    nxt = lines[end]
    return not TIMING.match(nxt.text) and not same_printed_line(lines[end - 1], nxt)


def _items_dated(lines: list[CellLine], ks: list[int]) -> set[int]:
    """Of the date lines ``ks`` of one page, those that are not the page's rows' dates when every
    item opening on the page has its own date right before it: all the others."""
    openings = [m for m in ks if opens_item(lines[m].text)]
    if not openings:
        return set()
    own = {m - 1 for m in openings if m and is_date_line(lines[m - 1].text)}
    if len(own) < len(openings):
        return set()
    return {m for m in ks if is_date_line(lines[m].text) and m not in own}


def mark_cell_dates(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` (the regrouped region of two-pass text: one cell piece each) with each date that
    is a cell's value, not a 変更日, marked ``cell_date`` (see the module's rules)."""
    if not any(is_date_line(cl.text) for cl in lines):
        return lines
    opened: list[bool] = []
    seen: set[object] = set()
    for cl in lines:
        opened.append(cl.page in seen)
        if opens_item(cl.text):
            seen.add(cl.page)
    cells: set[int] = set()
    by_page: dict[object, list[int]] = {}
    for k, cl in enumerate(lines):
        by_page.setdefault(cl.page, []).append(k)
        if not is_date_line(cl.text):
            continue
        if _after_other_piece(lines, k) or _in_pass_two(lines, k, opened):
            cells.add(k)
    for ks in by_page.values():
        cells |= _items_dated(lines, ks)
    if not cells:
        return lines
    return [replace(cl, cell_date=True) if k in cells else cl for k, cl in enumerate(lines)]


def _chosen(isos: list[str], n: int) -> list[int] | None:
    """Indices of ``n`` of the dates ``isos`` (in the text's order) that run in date order (each
    no earlier than the one before), the latest such choice; None when no ``n`` do."""
    m = len(isos)
    ords = [_ordinal(s) for s in isos]
    # best[k][c]: (sum of ordinals, previous index) of the best run of c dates ending at k.
    best: list[dict[int, tuple[int, int]]] = [{} for _ in range(m)]
    for k in range(m):
        best[k][1] = (ords[k], -1)
        for j in range(k):
            if ords[j] > ords[k]:
                continue
            for c, (s, _) in best[j].items():
                if c < n and (c + 1 not in best[k] or best[k][c + 1][0] < s + ords[k]):
                    best[k][c + 1] = (s + ords[k], j)
    ends = [(best[k][n][0], k) for k in range(m) if n in best[k]]
    if not ends:
        return None
    k, c, out = max(ends)[1], n, []
    while k >= 0:
        out.append(k)
        k, c = best[k][c][1], c - 1
    return out[::-1]


def _ordinal(iso: str) -> int:
    import datetime as dt

    return dt.date.fromisoformat(iso).toordinal()


def excess_dates(dates: list[tuple[int, str | None]], items: int) -> tuple[set[int], bool]:
    """Of a page's date boxes (their place in the text, their ISO date) in column-ordered text
    (pdfminer, plain ``pdftotext``), those that are before / after cells: a page printing more
    dates than items holds dates of its cells too (a 第三者点検 実施日 alone in its box).  The
    rows' 変更日 run in date order down the table; the cells' dates are earlier than their row's
    (a check done before the change was filed).  So the ``items`` dates kept are the latest
    that run in order; the others are cells.  Nothing is moved when no ``items`` dates run in
    order or a date does not parse (the old reading, in text order, stands).  Also whether the
    choice is in doubt: another choice of ``items`` dates runs in order too."""
    if items <= 0 or len(dates) <= items or any(iso is None for _, iso in dates):
        return set(), False
    isos = [iso for _, iso in dates if iso is not None]
    keep = _chosen(isos, items)
    if keep is None:
        return set(), False
    kept = {dates[k][0] for k in keep}
    return {place for place, _ in dates if place not in kept}, _runs_in_order(isos, items) > 1


def out_of_order(dates: list[tuple[int, str | None]]) -> tuple[set[int], bool]:
    """Of a table's date boxes in column-ordered text (their place, their ISO date), those out of
    date order: the rows' 変更日 run in order down the table (merged over rows or not), so a date
    earlier than the 変更日 before it is a cell's value (Writer prints a merged 変更日 once: the
    page's dates are then fewer than its items, and a cell's date was read as a 変更日 of its
    own).  The dates kept are the longest run in order (the latest of such runs); nothing is
    moved unless they are at least ``MIN_IN_ORDER`` and more than those left out (a table not
    kept in date order stays as read), or when a date does not parse.  Also whether another
    run of that length exists (the choice is in doubt)."""
    if len(dates) <= MIN_IN_ORDER or any(iso is None for _, iso in dates):
        return set(), False
    isos = [iso for _, iso in dates if iso is not None]
    ords = [_ordinal(s) for s in isos]
    longest = [1] * len(ords)
    for k in range(len(ords)):
        for j in range(k):
            if ords[j] <= ords[k]:
                longest[k] = max(longest[k], longest[j] + 1)
    n = max(longest)
    if n == len(isos) or n < MIN_IN_ORDER or 2 * n <= len(isos):
        return set(), False
    keep = _chosen(isos, n) or []
    kept = {dates[k][0] for k in keep}
    return {place for place, _ in dates if place not in kept}, _runs_in_order(isos, n) > 1


def _runs_in_order(isos: list[str], n: int) -> int:
    """How many choices of ``n`` of the dates run in date order (counted up to 2)."""
    ords = [_ordinal(s) for s in isos]
    ways: list[list[int]] = [[0] * (n + 1) for _ in ords]
    for k in range(len(ords)):
        ways[k][1] = 1
        for j in range(k):
            if ords[j] <= ords[k]:
                for c in range(1, n):
                    ways[k][c + 1] = min(2, ways[k][c + 1] + ways[j][c])
    return min(2, sum(w[n] for w in ways))


# Dates that must run in order before those out of order are taken as cells' values.
MIN_IN_ORDER = 2
# Why a page's dates were told apart by their order (``with_cell_dates``).
CELL_DATES_WHY = (
    "the page prints more dates than items: the dates that run in order were taken as 変更日, a guess"
)


def with_cell_dates(read_dates: Callable, boxes: list, kinds: dict[str, list]) -> tuple:
    """``read_dates(boxes, kinds)`` (``columnar._rows_and_dates``: one row per item box, the
    page's dates handed out in order) after moving each page's date boxes that are cells' values
    (``excess_dates``) to the before / after boxes; the rows of a page where that choice was in
    doubt get a ``column_guess`` on their 変更日."""
    pos = {id(b): k for k, b in enumerate(boxes)}
    item_pages = sorted({b.page or 0 for b in kinds["item"]})
    by_page: dict[int, list] = {}
    for b in kinds["date"]:
        owner = max((p for p in item_pages if p <= (b.page or 0)), default=item_pages[0] if item_pages else 0)
        by_page.setdefault(owner, []).append(b)
    moved: set[int] = set()
    doubtful: set[int] = set()
    for page, ds in by_page.items():
        items = sum(1 for b in kinds["item"] if (b.page or 0) == page)
        cells, unsure = excess_dates([(pos[id(b)], parse_date(b.lines[0].text)) for b in ds], items)
        moved |= cells
        if cells and unsure:
            doubtful.add(page)
    rest = [b for b in kinds["date"] if pos[id(b)] not in moved]
    cells, unsure = out_of_order([(pos[id(b)], parse_date(b.lines[0].text)) for b in rest])
    moved |= cells
    doubtful |= {b.page or 0 for b in rest if unsure and pos[id(b)] in cells}
    if moved:
        kinds["date"] = [b for b in kinds["date"] if pos[id(b)] not in moved]
        bodies = kinds["body"] + [b for b in boxes if pos[id(b)] in moved]
        kinds["body"] = sorted(bodies, key=lambda b: pos[id(b)])
    out = read_dates(boxes, kinds)
    for row, item in zip(out[0], kinds["item"], strict=False):
        if doubtful & {cl.page or 0 for cl in row.cells["change_date"]} or (item.page or 0) in doubtful:
            row.doubts.append(Doubt("column_guess", "change_date", CELL_DATES_WHY))
    return out
