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
  cell's piece before it on its printed line is that row's before / after value, unless its
  item's first line follows it (pypdfium2 puts pass 1's pieces first on a baseline they share
  with a 変更日 drawn in pass 2);
* **in pass 2**: on a page printing more dates than items, whose wrapped cells have begun (an
  item's first line, Ⅰ…Ⅵ, came before), a date that does not open its item (the next piece is
  no item's first line) is a cell's value unless its run of dates is followed by a timing or by
  a piece of the same printed line (a timing is never drawn in pass 2: such a run is the next
  page's pass 1);
* **by count**: a page each of whose items opens with its own date (the date right before the
  item's first line, or beside it) has given every row's 変更日 there; its other dates are
  cells' values, pass 1's included; a page whose pass 1 gives as many dates as it has items
  has given every row's 変更日 there: its dates among the wrapped cells are cells' values.

Each such line is returned with ``cell_date`` set; the readers (``twophase``, ``datedpass``,
``passone``) then take it as one-line text, never as a row's date.  A date no rule decides is
left as it was (a 変更日).

Column-ordered text (pdfminer, plain ``pdftotext``) gives boxes, not printed lines: there a page
printing more single-date boxes than items hands its extra dates to the before / after cells
(``with_cell_dates``, ``excess_dates``), and says so with a ``column_guess`` on the 変更日.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import combinations, pairwise
from math import comb

import regex

from piatable.models import CellLine, Doubt, RawRow, Record
from piatable.vocabulary import TIMING

from .chars import paragraphs
from .dates import DATE_AT_START, DATE_TAIL, date_style, is_date_line, parse_date
from .items import opens_item
from .rejoin import same_printed_line

# Dates opening their items, in other styles than a date's, that make the 変更日 column's style
# known enough to call that date a cell's value (``_unlike_runs``).
FIRM_STYLE_MIN = 2
# ... and, all in one style, to call a date alone in a page's pass 1 a cell's (``_lone_unlike``).
FIRM_LONE_MIN = 3
# What a 変更日 wrapped in a narrow column leaves on its next line (``日``, ``0日``), alone or
# before the item's first line.
_DAY_REST = regex.compile(r"^\s*[0-9０-９]{0,2}\s*日(?:\s|$)")


def is_row_date(cl: CellLine) -> bool:
    """A whole date that may be a row's 変更日 (not a date marked as a cell's value)."""
    return not cl.cell_date and is_date_line(cl.text)


def _opens_its_item(lines: list[CellLine], k: int) -> bool:
    """The date at ``k`` is followed by an item's first line (beside it or on the next line), or
    by the rest of a wrapped date (``令和5年2月6`` / ``日``) and then the item's first line."""
    if k + 1 < len(lines) and opens_item(lines[k + 1].text):
        return True
    return k + 2 < len(lines) and bool(DATE_TAIL.match(lines[k + 1].text)) and opens_item(lines[k + 2].text)


def _wrapped_head(lines: list[CellLine], k: int) -> bool:
    """The date at ``k`` is the first line of a 変更日 wrapped in a narrow column: the next line
    opens with the rest of its day (``2019年4月1`` / ``日 Ⅱ特定個人情報…``); never a cell's."""
    return k + 1 < len(lines) and bool(_DAY_REST.match(lines[k + 1].text))


def _after_other_piece(lines: list[CellLine], k: int) -> bool:
    """Another cell's piece comes before the date on its printed line, and the date does not
    open its item (pypdfium2 puts pass 1's pieces first on a baseline they share with a date
    drawn in pass 2: ``事後 令和5年2月6`` / ``日`` / ``Ⅲリスク対策``)."""
    return k > 0 and same_printed_line(lines[k - 1], lines[k]) and not _opens_its_item(lines, k)


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


def _row_date_opening(lines: list[CellLine], m: int) -> bool:
    return is_date_line(lines[m].text) and _opens_its_item(lines, m)


def _pass_one_dated(lines: list[CellLine], ks: list[int], cells: set[int]) -> set[int]:
    """Of the date lines ``ks`` of one page, those among its wrapped cells when its pass 1 (the
    lines before its first item, or before the date opening it) gives as many dates as the page
    has items: every row took its 変更日 there, so a date among the wrapped cells is a cell's,
    even one right before an item."""
    opening = [m for m in ks if opens_item(lines[m].text) or _row_date_opening(lines, m)]
    first = opening[0] if opening else None
    if first is None:
        return set()
    openings = sum(1 for m in ks if opens_item(lines[m].text))
    dated = sum(1 for m in ks if m < first and m not in cells and is_date_line(lines[m].text))
    if dated < openings:
        return set()
    return {m for m in ks if m >= first and is_date_line(lines[m].text)}


def _unwrapped_opening(lines: list[CellLine], m: int) -> bool:
    """A whole date on one printed line (not joined from a wrapped 変更日: ``wraps``) right before
    its item's first line.  Only such a date shows how the 変更日 column prints the dates that
    fit one line: a wrapped one is drawn with the wrapped cells whatever the column's alignment,
    and a table may print its long dates so (``2022年4月`` / ``1日``) and its short ones in pass 1
    (``2023/1/16 事前``: set XI c2_datevalues)."""
    return is_date_line(lines[m].text) and lines[m].wraps is not True and _opens_its_item(lines, m)


def _unlike_runs(lines: list[CellLine], cells: set[int], opened: list[bool]) -> set[int]:
    """Dates printed unlike the table's 変更日 column and beside a date printed alike: cells'
    values.  The 変更日 column keeps the format of its cells (``dates.date_style``), read off the
    dates that open their item (the date right before an item's first line, at least
    ``FIRM_STYLE_MIN`` of them in other styles); a date no other such date shares the style of
    is a cell's value when the piece next to it is a date in its own style: on its printed line
    (Calc's pass 1, ``令和３年２月１０日 令和５年１０月１９日 事前 …``, a before / after pair), or, among
    a page's wrapped cells, on the line before or after (a cell of dates one per line, the last
    right above the next row's item).  Read as 変更日, such a date took a merged row's date and
    its row lost both cells (set XIII t01: 令和３年２月１０日 in a table dated 令和6年3月29日)."""
    firm = Counter(
        date_style(lines[m].text)
        for m in range(len(lines))
        if m not in cells and _unwrapped_opening(lines, m)
    )
    out: set[int] = set()
    for k, cl in enumerate(lines):
        if k in cells or not is_date_line(cl.text):
            continue
        style = date_style(cl.text)
        own = firm[style] - _unwrapped_opening(lines, k)
        if own > 0 or sum(firm.values()) - firm[style] < FIRM_STYLE_MIN:
            continue
        for j in (k - 1, k + 1):
            if not 0 <= j < len(lines) or lines[j].page != cl.page or not is_date_line(lines[j].text):
                continue
            beside = same_printed_line(lines[min(j, k)], lines[max(j, k)])
            if date_style(lines[j].text) == style and (beside or opened[k]):
                out.add(k)
    # The column's style without the dates just found to be cells' values.
    firm -= Counter(date_style(lines[m].text) for m in out if _unwrapped_opening(lines, m))
    for k, cl in enumerate(lines):
        if k not in cells and k not in out and not opened[k] and is_date_line(cl.text):
            if _lone_unlike(lines, k, firm, opened):
                out.add(k)
    return out


def _lone_unlike(lines: list[CellLine], k: int, firm: Counter, opened: list[bool]) -> bool:
    """A date alone in its page's pass 1 (before the page's first item), printed unlike the
    table's 変更日 column where that column is plain: every date opening its item (at least
    ``FIRM_LONE_MIN``) printed in one style, and no date of the page's pass 1 in that style (the
    page draws its 変更日 with the wrapped cells).  A cell's value then (a before cell
    ``平成３０年１２月２８日`` beside a table dated ``令和4年1月4日``), not a merged row's date."""
    if len(firm) != 1 or sum(firm.values()) < FIRM_LONE_MIN:
        return False
    (column,) = firm
    if date_style(lines[k].text) == column:
        return False
    page = lines[k].page
    pass_one = [m for m in range(len(lines)) if lines[m].page == page and not opened[m]]
    return not any(
        is_date_line(lines[m].text) and date_style(lines[m].text) == column and not _opens_its_item(lines, m)
        for m in pass_one
    )


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
        if is_date_line(cl.text) and _after_other_piece(lines, k):
            cells.add(k)
    for ks in by_page.values():
        # Only a page printing more dates than items (an item's first line, wherever printed:
        # an attachment's label may be a one-line cell of pass 1, its row's date in pass 2
        # opening no item) has dates of cells among its wrapped cells.
        dates = [m for m in ks if is_date_line(lines[m].text) and m not in cells]
        if len(dates) > sum(1 for m in ks if opens_item(lines[m].text)):
            cells |= {m for m in dates if _in_pass_two(lines, m, opened)}
    for ks in by_page.values():
        cells |= _items_dated(lines, ks) | _pass_one_dated(lines, ks, cells)
    cells |= _unlike_runs(lines, cells, opened)
    cells = {k for k in cells if not _wrapped_head(lines, k)}
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
    """Of a page's date boxes in column-ordered text (pdfminer, plain ``pdftotext``: their place
    in the text, their ISO date), those that are before / after cells: a page printing more
    single dates than items holds dates of its cells too (a 第三者点検 実施日 alone in its box).
    A cell's date is one its row's change was filed after (a check done, a count's date), and
    its box comes after its row's date: so the ``items`` dates kept as 変更日 are the latest that
    run in date order in the text (a cell's date is earlier than the 変更日 before it); when no
    ``items`` do (the page's rows are not in date order), the ``items`` latest.  Nothing is moved
    when a date does not parse.  Also whether the choice is in doubt: another choice runs in
    order too, or none did."""
    if items <= 0 or len(dates) <= items or any(iso is None for _, iso in dates):
        return set(), False
    isos = [iso or "" for _, iso in dates]
    keep = _chosen(isos, items)
    if keep is None:
        ranked = sorted(range(len(dates)), key=lambda k: (isos[k], -k), reverse=True)
        keep, unsure = ranked[:items], True
    else:
        unsure = _runs_in_order(isos, items) > 1
    kept = {dates[k][0] for k in keep}
    return {place for place, _ in dates if place not in kept}, unsure


def unsure_slots(dates: list[tuple[int, str | None]], items: int) -> set[int] | None:
    """Of the ``items`` rows a page's dates are handed to once the cells' dates are set apart
    (``excess_dates``), the rows (0-based, in order) whose 変更日 is not the same date in every
    choice of ``items`` dates that runs in date order: a row every such choice gives the same
    date is sure of it, however its neighbours' turn out.  None when the choices are more than
    ``CHOICES_MAX`` or none runs in order (every row in doubt)."""
    isos = [iso or "" for _, iso in dates]
    if items <= 0 or any(not s for s in isos) or comb(len(isos), items) > CHOICES_MAX:
        return None
    ords = [_ordinal(s) for s in isos]
    seen: list[set[int]] = [set() for _ in range(items)]
    found = False
    for pick in combinations(range(len(ords)), items):
        if all(ords[a] <= ords[b] for a, b in pairwise(pick)):
            found = True
            for slot, k in enumerate(pick):
                seen[slot].add(ords[k])
    if not found:
        return None
    return {slot for slot, got in enumerate(seen) if len(got) > 1}


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


# Why the rows of a page whose dates were told apart are in doubt (``with_cell_dates``), and how
# strong the doubt is when no other choice of dates runs in order (the choice then fails only for
# a cell's date set ahead of its row's 変更日).
CELL_DATES_WHY = (
    "the page prints more dates than items: those out of date order were taken as cells' values, a guess"
)
CELL_DATES_STRENGTH = 0.3
# Choices of a page's dates tried one by one (``unsure_slots``); beyond, every row is in doubt.
CHOICES_MAX = 5000


# The most date boxes in a run emitted among other cells that can be a cell's values (a before
# and an after date: ``平成28年8月25日`` / ``令和2年11月20日``).
CELL_DATE_RUN_MAX = 2


def dates_among_cells(boxes: list, places: list[int], item_ids: set[int], date_ids: set[int]) -> set[int]:
    """Of the date boxes at ``places`` in ``boxes`` (column-ordered text, in the extractor's
    order), those emitted among other cells: in a run of at most ``CELL_DATE_RUN_MAX`` date boxes
    whose neighbours on both sides, on the same page, are boxes of neither a date nor an item
    (before / after, timing, explanation boxes).  A row's 変更日 is emitted beside its item (before
    it, or after it when bottom-aligned) or in its column's run of dates; a date between a row's
    after cell and the next row's before cell, or between an explanation and a timing, is a
    before / after cell's value (a 第三者点検 実施日)."""
    wanted = set(places)
    out: set[int] = set()
    k = 0
    while k < len(boxes):
        if id(boxes[k]) not in date_ids:
            k += 1
            continue
        end = k
        while end < len(boxes) and id(boxes[end]) in date_ids:
            end += 1
        run = range(k, end)
        if k > 0 and end < len(boxes) and len(run) <= CELL_DATE_RUN_MAX and set(run) <= wanted:
            prev, nxt = boxes[k - 1], boxes[end]
            same_page = prev.page == boxes[k].page == nxt.page
            if same_page and not {id(prev), id(nxt)} & item_ids:
                out |= set(run)
        k = end
    return out


def with_cell_dates(read_dates: Callable, boxes: list, kinds: dict[str, list]) -> tuple:
    """``read_dates(boxes, kinds)`` (``columnar._rows_and_dates``: one row per item box, the
    page's dates handed out in order) after moving each page's date boxes that are cells' values
    to the before / after boxes: on a page printing more date boxes than items, those emitted
    among other cells (``dates_among_cells``, when no more than the excess), then those out of
    date order (``excess_dates``); the rows of such a page get a
    ``column_guess`` on their 変更日 (weak unless the choice was in doubt)."""
    pos = {id(b): k for k, b in enumerate(boxes)}
    item_pages = sorted({b.page or 0 for b in kinds["item"]})
    by_page: dict[int, list] = {}
    for b in kinds["date"]:
        owner = max((p for p in item_pages if p <= (b.page or 0)), default=item_pages[0] if item_pages else 0)
        by_page.setdefault(owner, []).append(b)
    moved: set[int] = set()
    doubtful: dict[int, float] = {}
    item_ids = {id(b) for b in kinds["item"]}
    date_ids = {id(b) for b in kinds["date"]}
    # Per page, the rows (in the page's order) whose own date differs between the choices.
    in_doubt: dict[int, set[int] | None] = {}
    for page, ds in by_page.items():
        items = sum(1 for b in kinds["item"] if (b.page or 0) == page)
        among = dates_among_cells(boxes, [pos[id(b)] for b in ds], item_ids, date_ids)
        if not 0 < len(among) <= len(ds) - items:
            among = set()
        rest = [b for b in ds if pos[id(b)] not in among]
        dates = [(pos[id(b)], parse_date(b.lines[0].text)) for b in rest]
        cells, unsure = excess_dates(dates, items)
        cells |= among
        moved |= cells
        if cells:
            doubtful[page] = 1.0 if unsure else CELL_DATES_STRENGTH
            in_doubt[page] = unsure_slots(dates, items) if unsure else set()
    if moved:
        kinds["date"] = [b for b in kinds["date"] if pos[id(b)] not in moved]
        bodies = kinds["body"] + [b for b in boxes if pos[id(b)] in moved]
        kinds["body"] = sorted(bodies, key=lambda b: pos[id(b)])
    out = read_dates(boxes, kinds)
    counted: dict[int, int] = {}
    for row, item in zip(out[0], kinds["item"], strict=False):
        page = item.page or 0
        slot = counted[page] = counted.get(page, -1) + 1
        strength = doubtful.get(page)
        if strength is None:
            continue
        # A row whose date is the same in every choice running in order is sure of it.
        slots = in_doubt.get(page)
        if strength == 1.0 and slots is not None and slot not in slots:
            strength = CELL_DATES_STRENGTH
        row.doubts.append(Doubt("column_guess", "change_date", CELL_DATES_WHY, strength))
    return out


# Why a row's dates are in doubt (``date_cell_doubts``).
DATE_RUN_WHY = (
    "the before and after cells meet inside a run of dates, one a line: which of them are the"
    " before cell's the text cannot tell"
)
ITEM_DATE_WHY = "the item ends with a date ({}): a before / after cell's value read as a heading?"


def _dates_alone(text: str) -> list[bool]:
    return [is_date_line(p) for p in (p.strip() for p in (text or "").split("\n")) if p]


def date_cell_doubts(row: RawRow, before: str, after: str, item: str) -> list[Doubt]:
    """``column_guess`` on a row of flattened text whose date cells may be cut wrong: its before
    cell ends and its after cell opens with a date alone on its line, one of them holding more
    (``令和元年5月31日`` / ``令和元年7月10日`` / ``令和2年5月8日``: the lines are of one width, so
    the cut between them is a guess); or its item's last line opens with a date (no heading of
    the form does).  Rows read by position (PDF, OCR, ``-layout``) are not checked."""
    if row.positioned or row.ruled:
        return []
    out = []
    b, a = _dates_alone(before), _dates_alone(after)
    if b and a and b[-1] and a[0] and (b[-2:] == [True, True] or a[:2] == [True, True]):
        out.append(Doubt("column_guess", "before", DATE_RUN_WHY))
    last = [p.strip() for p in (item or "").split("\n") if p.strip()][-1:]
    if last and DATE_AT_START.match(last[0].replace("～", " ").replace("〜", " ").replace("から", " ")):
        out.append(Doubt("column_guess", "item", ITEM_DATE_WHY.format(last[0][:14])))
    return out


SHARED_LINE_DATE_WHY = (
    "the row's date was read from a printed line that holds another date as a before / after "
    "cell beside an empty one: the first date may be the before cell's (a 第三者点検 実施日)"
)
COPIED_DOUBTED_DATE_WHY = "the row's date was copied from a row above whose date is in doubt"


def shared_line_date_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row of flattened text, ``column_guess`` on the 変更日 when the date was printed on
    one line with a date alone in the before or after cell while the other of the two is
    empty (``令和３年２月１０日 令和６年２月２０日 事後``: a row's date and its after cell, or the
    before and after dates of a row whose 変更日, merged, is printed elsewhere: the text cannot
    tell); and on the rows that took that date over as a merged cell's (``merged_cell_filled``
    with the same date).  Rows read by position are not checked."""
    out: list[list[Doubt]] = [[] for _ in rows]
    doubted: str | None = None
    for k, row in enumerate(rows):
        date = "".join(cl.text.strip() for cl in row.cells.get("change_date") or [])
        if row.positioned or row.ruled or not date:
            doubted = None
            continue
        if doubted is not None and "merged_cell_filled" in row.flags and date == doubted:
            out[k].append(Doubt("column_guess", "change_date", COPIED_DOUBTED_DATE_WHY))
            continue
        doubted = None
        spots = {(cl.page, cl.line_no) for cl in row.cells.get("change_date") or [] if cl.line_no is not None}
        before, after = row.cells.get("before") or [], row.cells.get("after") or []
        for cell, other in ((before, after), (after, before)):
            if other and any(cl.text.strip() for cl in other):
                continue
            beside = [cl for cl in cell if (cl.page, cl.line_no) in spots]
            if any(DATE_AT_START.match(cl.text.strip()) and is_date_line(cl.text) for cl in beside):
                out[k].append(Doubt("column_guess", "change_date", SHARED_LINE_DATE_WHY))
                doubted = date
                break
    return out


def is_own_date_out_of_place(paragraph: str, record: Record) -> bool:
    """Whether a before/after ``paragraph`` that is the row's own change date is out of place
    (``evidence.column_doubts``: "the cell holds the row's own date"): not where the item's last
    heading names a date (``①実施日``, ``公表日``) and the before and after cells hold only date
    lines, one date replacing another, the after one often the change date itself.  Set V's
    Calc texts (``-layout``, pypdfium2, ``-raw``) and the samples' ``writer-long-h3`` /
    ``writer-narrowtiming-h2`` gave 6 right rows so doubted; the wrong rows the check caught
    (26 on the samples) hold text beside the date or stand under another item."""
    if parse_date(paragraph) != record.change_date:
        return False
    last = (record.item or "").strip().split("\n")[-1].strip()
    cells = [paragraphs(record.before), paragraphs(record.after)]
    return not (last.endswith("日") and all(c and all(is_date_line(p) for p in c) for c in cells))
