"""Table pages fed out of order put back in their reading order (``restore_page_order``).

A stack fed to a scanner's document feeder the wrong way round gives its pages last first (set
XXIX t12: page 2 first, 0 of 14 rows right, 5 lost: the first page's top row, the rest of the
row the other page ends with, read as a row of its own, and the rows of the page after it
joined to it the wrong way); a PDF assembled from pages in the wrong order does the same to a
text layer.  The pages themselves show their order:

* the page number printed in the page's margin (``- 2 -``, ``2/3``, ``P.2``, ``２頁``:
  ``page_edges.page_mark_of`` on the page's edge lines, ``page_furniture``): when every table
  page prints one and no two print the same, they are read in its order;
* otherwise the title ``…変更箇所`` printed above the column-label row only on the table's
  first page (the label row repeats on every page, the title does not), and the 変更日 column's
  dates: a table's dates run one way (most tables ascending) within each page, so a page whose
  first date goes back against that direction from the last date of the page before it is out
  of place.

Three orders are weighed against the file's order: the reverse of it (the stack fed the other way
round), the file's order turned round to open at the title page (a stack fed from its middle:
office-word72's 4, 1, 2, 3, whose first page held only the rest of a row and no date) and, when
every page prints a date, the title page first and the others by their first date.  A page
printing rows but no date at all, where other pages print theirs, opens with rows begun before
it (``PageSigns.opens_continued``).  Each order counts its faults (``TITLE_FAULT`` for a title
page not first, one for each step between pages against the dates' direction); an order is
taken when it has none and the file's order has at least ``MIN_FAULTS_TO_MOVE`` (one sign alone
is no proof: a table need not be sorted by date, a first row's date may be misread).  When the
file's order has that many faults and no order is clean, the pages are kept as they lie, and a
note says so when the title stands on a later page.

Pages taken in another order are numbered again in that order (the grid joins a row cut at a
page's foot to the next page's top by the pages' numbers), their words with them; the note names
the file's pages in the order read.  Used for every page-reading input (PDF text layer, OCR of a
PDF, image scans) before the page furniture is left out (``arrange_pages``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from piatable.models import PageWords, Reading, Word
from piatable.vocabulary import label_count

from .dates import DATE, DATE_CHARS, ERA_OFFSETS, is_date_head, parse_date
from .page_edges import page_mark_of
from .page_furniture import _edge_lines, _lines, _pieces, _text, drop_page_furniture

# A title page (…変更箇所 above the label row) not first counts this many faults: the title is
# printed once, over the table's first rows; a page holding it elsewhere is out of place.
TITLE_FAULT = 2
# The first page read opens with the rest of a row (its first ruled row below the label row
# prints no date while the page's other rows do): a table's first row prints its date.
OPEN_FAULT = 2
# The file's order must show this many faults before another order is taken: two signs (a first
# page opening with the rest of a row, or the title elsewhere, and the dates stepping back), or
# one sign alone would move a table whose first row was read badly (its date misread).
MIN_FAULTS_TO_MOVE = 3
# The column labels a label row prints (``MIN_LABELS`` of them at least).
LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
MIN_LABELS = 3
# The start of an era's name alone, a narrow column's first line of a date (``令和`` / ``元年`` /
# ``9月`` / ``22`` / ``日``; ``令`` / ``和`` / ``元`` / ``年`` …).
_ERA_STARTS = frozenset(name[:k] for name in ERA_OFFSETS for k in range(1, len(name) + 1))
# … or a year's first digits alone (``201`` / ``9/4/`` / ``1`` in a 13 mm column).
_YEAR_START = regex.compile(r"[0-9０-９]{1,4}")
# A date of the 変更日 column opens its line this close to the column's left edge (points):
# the leftmost dated pieces of the page (a date inside a 変更前 cell is further right).
DATE_COLUMN_SLACK_PT = 40.0
# A 変更日 cell's date wrapped by a narrow column goes on over at most this many lines below
# its first (``令和元年`` / ``７月３`` / ``日``; ``令和`` / ``元年`` / ``9月`` / ``22`` / ``日`` in a
# 12 mm Word column, set XXXIII w02; Writer's narrowest a character or two a line), as a
# flattened text's (``text_page_order.DATE_LINES``: ten lines in all).
DATE_WRAP_LINES = 9
# … looked for among this many lines below it (the other columns' wrapped lines come between).
DATE_WRAP_WINDOW = 16
# A vertical ruling is at most this thick (points).
RULING_THICKNESS_PT = 3.0
# The title stands above the label row within this share of the page's height from its top.
TITLE_BAND = 0.35

# The start of a date in the 変更日 column, whole or not (a wrapped date's first line).
_DATE_START = regex.compile(r"^\s*(?:令和|平成|[RH]\s*[0-9０-９元]|[0-9０-９]{4}\s*[/／.．\-－年])")

REORDER_NOTE = (
    "the table's pages were read in the order {order} of the file's pages ({why}): they were "
    "fed out of order; page numbers of the rows count in the order read"
)
UNDECIDED_NOTE = (
    "the table's pages may be out of order ({why}) but no order fits better: kept in the file's "
    "order; check the rows at the page breaks"
)


@dataclass(slots=True)
class PageSigns:
    """What a page shows of its place: its printed number, its title, its 変更日 dates (ISO,
    top to bottom)."""

    number: int | None
    title: bool
    dates: list[str]
    opens_continued: bool = False  # its first ruled row below the labels prints no date


def arrange_pages(reading: Reading, notes: list[str]) -> list[PageWords]:
    """The reading's table pages in their reading order (``restore_page_order``), then, for a
    text-layer PDF, its page furniture left out (``page_furniture.drop_page_furniture``); the
    notes of both go to ``notes``."""
    pages = restore_page_order(reading, notes)
    if reading.kind == "pdf":  # page numbers, headers and footers in the margins are no cells
        notes.extend(drop_page_furniture(pages))
    return pages


def restore_page_order(reading: Reading, notes: list[str]) -> list[PageWords]:
    """``reading.pages`` in the order they show (module doc), numbered again in it when moved
    (``reading.page_flags`` with them); a note in ``notes`` when moved or when undecided."""
    pages = reading.pages
    if len(pages) < 2:
        return pages
    signs = [_signs(p) for p in pages]
    order, why = choose_order(signs)
    if order is None:
        if why:
            notes.append(UNDECIDED_NOTE.format(why=why))
        return pages
    if order == list(range(len(pages))):
        return pages
    moved = [pages[k] for k in order]
    numbers = sorted(p.page for p in pages)
    renumber = {p.page: n for p, n in zip(moved, numbers, strict=True)}
    notes.append(REORDER_NOTE.format(order=", ".join(str(p.page) for p in moved), why=why))
    reading.page_flags = {renumber.get(n, n): f for n, f in reading.page_flags.items()}
    for p in moved:
        _renumber(p, renumber[p.page])
    return moved


def _renumber(page: PageWords, n: int) -> None:
    page.page = n
    for w in page.words:
        w.page = n
    for u in page.unseen:
        u.word.page = n


def choose_order(signs: list[PageSigns]) -> tuple[list[int] | None, str]:
    """The order to read the pages in (indexes) and why; (None, why) when the file's order
    shows faults and no order is clean; (None, "") when nothing speaks against it."""
    n = len(signs)
    given = list(range(n))
    if not any(s.dates for s in signs):  # no page's dates read: a page without any tells nothing
        signs = [PageSigns(s.number, s.title, s.dates) for s in signs]
    numbers = [s.number for s in signs]
    if all(x is not None for x in numbers) and len(set(numbers)) == n:
        order = sorted(given, key=lambda k: numbers[k])  # type: ignore[arg-type, return-value]
        return order, "by the page numbers printed on them"
    rising = _direction(signs)
    faults = _faults(given, signs, rising)
    if faults < MIN_FAULTS_TO_MOVE:
        return None, ""
    candidates = [given[::-1]]
    if any(s.title for s in signs[1:]):  # a stack fed from its middle: the title page's on first
        t = next(k for k, s in enumerate(signs) if s.title)
        candidates.append(given[t:] + given[:t])
    if all(s.dates for s in signs):
        by_date = sorted(given, key=lambda k: signs[k].dates[0], reverse=not rising)
        candidates.append(sorted(by_date, key=lambda k: not signs[k].title))  # (stable)
    for order in candidates:
        if _faults(order, signs, rising) == 0:
            return order, file_order_doubts(given, signs, rising)
    # Undecided: said only when the title stands on a later page (dates stepping back are a table
    # not sorted by date as often as pages out of order; a first row read without its date, a
    # misread: office-header53's h53-flat said so on pages in order).
    strong = _faults(given, [PageSigns(None, s.title, []) for s in signs], rising)
    return None, file_order_doubts(given, signs, rising) if strong else ""


def _direction(signs: list[PageSigns]) -> bool:
    """True when the table's dates run forward within its pages (as many steps forward as back:
    forward, the common case)."""
    up = down = 0
    for s in signs:
        for a, b in pairwise(s.dates):
            up += a < b
            down += a > b
    return up >= down


def _faults(order: list[int], signs: list[PageSigns], rising: bool) -> int:
    """The faults of reading the pages in ``order``: ``TITLE_FAULT`` when a page printing the
    title is not first, one for each step between pages against the dates' direction."""
    out = TITLE_FAULT if any(signs[k].title for k in order[1:]) and not signs[order[0]].title else 0
    out += OPEN_FAULT if signs[order[0]].opens_continued else 0
    for a, b in pairwise(order):
        if signs[a].dates and signs[b].dates:
            last, first = signs[a].dates[-1], signs[b].dates[0]
            out += (first < last) if rising else (first > last)
    return out


def file_order_doubts(given: list[int], signs: list[PageSigns], rising: bool) -> str:
    """Why the file's order is in doubt, in words."""
    out: list[str] = []
    titled = [k for k in given if signs[k].title]
    if titled and titled[0] != 0:
        out.append(f"the table's title is printed on page {titled[0] + 1} of {len(given)}")
    if signs[0].opens_continued:
        out.append("page 1 opens with a row without a date, the rest of a row begun elsewhere")
    for a, b in pairwise(given):
        if signs[a].dates and signs[b].dates:
            last, first = signs[a].dates[-1], signs[b].dates[0]
            if (first < last) if rising else (first > last):
                way = "go back" if rising else "go forward in a table of falling dates"
                out.append(f"the dates {way} from {last} to {first} between pages {a + 1} and {b + 1}")
    return "; ".join(out)


def _signs(page: PageWords) -> PageSigns:
    number = None
    for line, _ in _edge_lines(page):
        for piece in _pieces(line):
            mark = page_mark_of(_text(piece))
            if mark and (n := page_number_of(mark)) is not None:
                number = n
    lines = [ln for ln in _lines([w for w in page.words if w.text.strip()]) if ln]
    texts = [" ".join(_text(p) for p in _pieces(ln)) for ln in lines]
    header = next((k for k, t in enumerate(texts) if is_label_row(t)), None)
    title = header is not None and any(
        "変更箇所" in texts[k].replace(" ", "") and lines[k][0].top <= TITLE_BAND * page.height
        for k in range(header)
    )
    body = lines[(header if header is not None else -1) + 1 :]
    dates = column_dates(first_cells(body, page.rulings))
    # (A page whose label row was not read: its first row unknown, never taken as continued.)
    # A page of rows but no date at all goes on with rows begun before it (the rest of a row Word
    # broke over the break, rows under a date merged over it): never the table's first page.
    below = lines[header][-1].bottom if header is not None else 0.0
    opens = header is not None and (_opens_continued(page, body, dates, below) or (not dates and bool(body)))
    return PageSigns(number, title, [iso for _, _, iso in dates], opens)


def first_cells(
    lines: list[list[Word]], rulings: list[tuple[float, float, float, float]]
) -> list[list[Word]]:
    """Each line (words left to right) cut at the first vertical ruling (``rulings``: x0, top,
    x1, bottom, points) it crosses after its first word: the line's first cell.  A narrow
    変更日 column's date stands a little way from the item beside it, no further than words
    apart (``令和`` / ``元年`` beside ``Ⅴ開示請求`` / ``１．特定…`` in a 12 mm Word column, set
    XXXIII w02): the ruling between them tells the date's characters from the item's.  Lines
    crossing no ruling (unruled tables, OCR without rulings) come back whole."""
    walls = [(r[0] + r[2]) / 2 for r in rulings if r[2] - r[0] <= RULING_THICKNESS_PT]
    spans = [(r[1], r[3]) for r in rulings if r[2] - r[0] <= RULING_THICKNESS_PT]
    if not walls:
        return lines
    out: list[list[Word]] = []
    for ln in lines:
        mid = (ln[0].top + ln[0].bottom) / 2
        cut = min(
            (x for x, (a, b) in zip(walls, spans, strict=True) if x > ln[0].x1 - 1 and a <= mid <= b),
            default=None,
        )
        # The first word stays even when its middle lies past the cut (an OCR box narrower than
        # the ruling's slack: set XXXV k03's jittered scan left a line empty and crashed).
        out.append(ln if cut is None else [w for w in ln if (w.x0 + w.x1) / 2 < cut] or ln[:1])
    return out


def is_label_row(text: str) -> bool:
    """A line printing ``MIN_LABELS`` of the column labels, glued or apart (``変更日項目``)."""
    flat = "".join(text.split())
    return label_count(text) >= MIN_LABELS or sum(k in flat for k in LABEL_KEYS) >= MIN_LABELS


def _opens_continued(
    page: PageWords, body: list[list[Word]], dates: list[tuple[float, float, str]], below: float
) -> bool:
    """The page's first ruled row (between the first two horizontal rulings across the 変更日
    column under the label row, ``below``: its foot in points; the grid's top without one)
    prints text but no 変更日 date, while the page prints dates (a row's date stands anywhere in
    its cell: top, middle, foot; a date merged over rows has no ruling between them)."""
    if not dates:
        return False
    left = min(x for _, x, _ in dates)
    ys: list[float] = []
    for r in sorted(page.rulings, key=lambda r: r[1]):
        # Rulings across the 変更日 column only: a date merged over two rows has none between.
        crosses = r[0] <= left and r[2] >= left + DATE_COLUMN_SLACK_PT / 2
        if r[3] - r[1] <= 3 and crosses and (not ys or r[1] - ys[-1] > 3):
            ys.append(r[1])
    ys = [y for y in ys if y >= below - 2]
    if len(ys) < 2:
        return False
    top, foot = ys[0], ys[1]
    inside = [ln for ln in body if top < (ln[0].top + ln[0].bottom) / 2 < foot]
    if not inside or any(top < mid < foot for mid, _, _ in dates):
        return False
    # A date wrapped in a narrow column (令和6年4月1 / 日) or misread in part still opens the row.
    return not any(
        _DATE_START.match(_text(_pieces(ln)[0])) for ln in inside if ln[0].x0 - left <= DATE_COLUMN_SLACK_PT
    )


def page_number_of(mark: str) -> int | None:
    """The page's own number in a printed page mark (``2/3`` → 2, ``- 2 -`` → 2, ``P.2`` → 2)."""
    import unicodedata

    digits = ""
    for c in unicodedata.normalize("NFKC", mark):
        if c.isdigit():
            digits += c
        elif digits:
            break
    return int(digits) if digits else None


def column_dates(lines: list[list[Word]]) -> list[tuple[float, float, str]]:
    """The dates of the page's 変更日 column, top to bottom, as (line middle, left edge, ISO
    date): the dates opening a line's first piece (OCR glues the item's first line to it), or a
    date's first part there that the first pieces of the next lines, in the same column, complete
    (a narrow 変更日 column wraps ``平成28年2月`` / ``6日``: set XXXI t06, a Calc table fed last page
    first, showed no date at all on two pages and was left in the file's order); those within
    ``DATE_COLUMN_SLACK_PT`` of the leftmost such."""
    found: list[tuple[float, float, str]] = []
    for k, ln in enumerate(lines):
        first = _text(_pieces(ln)[0])
        if (m := DATE.match(first)) and (iso := parse_date(m.group(0))):
            found.append(((ln[0].top + ln[0].bottom) / 2, ln[0].x0, iso))
        elif iso := _wrapped_date(first, ln[0].x0, lines[k + 1 : k + 1 + DATE_WRAP_WINDOW]):
            found.append(((ln[0].top + ln[0].bottom) / 2, ln[0].x0, iso))
    if not found:
        return []
    left = min(x for _, x, _ in found)
    return [d for d in found if d[1] - left <= DATE_COLUMN_SLACK_PT]


def _wrapped_date(first: str, left: float, below: list[list[Word]]) -> str | None:
    """The ISO date that ``first``'s opening date part (``dates.is_date_head``; the item's text
    may follow it glued, as a Calc cell's neighbour does) and the date characters opening the
    first pieces of the lines ``below`` it in the same column (starting within
    ``DATE_COLUMN_SLACK_PT`` of ``left``; lines of the other columns only, printed between, are
    passed over) print together, over at most ``DATE_WRAP_LINES`` more lines; None when they
    make no date."""
    text = _date_chars(first)
    if not _opens_date(text):
        return None
    taken = 0
    for ln in below:
        if ln[0].x0 - left > DATE_COLUMN_SLACK_PT:
            continue  # a wrapped line of another column
        if abs(ln[0].x0 - left) > DATE_COLUMN_SLACK_PT or taken == DATE_WRAP_LINES:
            return None
        taken += 1
        text += _date_chars(_text(_pieces(ln)[0]))
        if (m := DATE.match(text)) and (iso := parse_date(m.group(0))):
            return iso  # (the item's numbering glued after the day is not the date's: ``月4日６．``)
        if not _opens_date(text):
            return None
    return None


def _opens_date(text: str) -> bool:
    """True when ``text`` is a date's first part (``dates.is_date_head``) or its era's name, or
    that name's start, or a year's first digits, alone (a narrow 変更日 column's first line)."""
    return is_date_head(text) or text in _ERA_STARTS or bool(_YEAR_START.fullmatch(text))


def _date_chars(text: str) -> str:
    """The characters a date may print (``dates.DATE_CHARS``: an era's name's, digits, 元, 年月日,
    separators) opening ``text``."""
    m = DATE_CHARS.match(text.strip())
    return m.group(0) if m else ""
