"""Rows a text shows by their openings, counted apart from any reader (branch honest67).

A reader that misses the column-label row (labels printed vertically, one character a line, as
pdfplumber lays out a narrow 縦書き header) or that cuts the table elsewhere reads fewer rows than
the table prints, or none, and nothing it looked at says so: set XXVIII's pdfplumber text of a
Word table with vertical labels gave 0 rows, status ``success``, though it printed the title
（別添２）変更箇所 and 12 dates.  Those dates were wrapped in the narrow 変更日 column, one piece
a line, each piece opening its line before the other columns' text (``令和７ Ⅳその他…`` /
``年１⽉ ２．従業者…`` / ``２０⽇ 啓発``), so neither a date line nor the whole text with its
whitespace removed (``shown_table``) held one.

``line_opening_dates`` counts the dates that open lines: a line's first piece (split at
whitespace) that is a date, or the first pieces of up to ``WRAPPED_PIECES_MAX`` consecutive lines
that make one together (each a date's characters only, ``DATE_PIECE``), counted from the table's
head (its title or first label line) on, and only when a 提出時期 (事前 / 事後, whole or one
character a line) is printed within ``TIMING_WITHIN`` lines of the date: a row of the table opens
with its 変更日 and prints its 提出時期 beside it, a cover page's 評価実施日 or 公表日 follows its
label and no 事前 / 事後 stands by it.  Text is folded first (``clean_text``: Kangxi radicals
⽉ ⽇ ⽬ as 月 日 目).

``rows_short_note`` compares that count with the rows read (and the dates read as values of item,
before or after cells, ``DATE_VALUE_CELLS``): a table printing more row openings than rows were
read lost rows, or ran them together, and the input is partial with a note saying what was seen.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import regex

from piatable.models import Record
from piatable.vocabulary import is_label_piece, is_table_start

from .boxes import DATE_PIECE
from .conservation import DATE_VALUE_CELLS
from .dates import is_date_line
from .unicode import clean_text

# Lines over which a date wrapped in a narrow 変更日 column may print its pieces, one a line
# (``令和７`` / ``年１⽉`` / ``２０⽇``; ``2025/`` / ``1/20``; a character a line at most ``令`` …).
WRAPPED_PIECES_MAX = 8
# Lines after a date's first line within which its row prints its 提出時期 (a 事前 / 事後 word,
# or 事 and 前 / 後 as pieces of consecutive lines: a narrow column's wrap).
TIMING_WITHIN = 6
# The note of a text whose row openings outnumber the rows read.
ROWS_SHORT_NOTE = (
    "the text shows the amendment table ({what}) and {shown} dates opening lines beside a 提出時期"
    " (事前 / 事後), but only {read} rows were read{values}: {lost} rows may be missing or run together"
)
_WORD_TIMING = regex.compile(r"事[前後]")
_TIMING_PIECE = regex.compile(r"^[\[［(（]?事[前後][\]］)）]?$")


def _first_piece(line: str) -> str:
    pieces = line.split()
    return pieces[0] if pieces else ""


def _times_near(lines: list[str], k: int) -> bool:
    """Whether a 提出時期 is printed on line ``k`` or within ``TIMING_WITHIN`` lines after it."""
    window = lines[k : k + TIMING_WITHIN + 1]
    if any(_WORD_TIMING.search(t) for t in window):
        return True
    for a, b in itertools.pairwise(window):
        # 事 / 前 one character a line: the narrow column's wrap (a piece alone among others).
        if "事" in a.split() and ({"前", "後"} & set(b.split())):
            return True
    return False


def _head(lines: list[str]) -> int | None:
    """Index of the table's head: the first line printing its title 変更箇所 or two of its column
    labels (a printed sheet's row number before them, or other text beside them, aside); None
    when the text has none."""
    from .grid.unread_pages import PRINTED_LABELS

    for k, t in enumerate(lines):
        if "変更箇所" in t or is_table_start(t) or is_label_piece(t):
            return k
        if sum(label in t for label in PRINTED_LABELS) >= 2:
            return k
    return None


def line_opening_dates(text: str) -> int:
    """How many dates open lines of ``text`` from the table's head on, each with a 提出時期 near
    it (module notes); 0 for a text with no title or label line."""
    lines = clean_text(text).splitlines()
    head = _head(lines)
    if head is None:
        return 0
    count, k, n = 0, head + 1, len(lines)
    while k < n:
        joined, end = "", k
        for j in range(k, min(n, k + WRAPPED_PIECES_MAX)):
            piece = _first_piece(lines[j])
            if not piece or (j > k and not DATE_PIECE.match(piece)):
                break
            joined += piece
            if is_date_line(joined):
                end = j + 1
                break
            if not DATE_PIECE.match(piece):
                break
        if end > k and _times_near(lines, k):
            count += 1
            k = end
        else:
            k += 1
    return min(count, _timings(lines[head + 1 :]))


def _timings(lines: list[str]) -> int:
    """提出時期 the lines print as pieces of their own (``事前``, ``[事後]``), or one character a
    line (``事`` over ``前``): a row prints one, a cell holding two dates (a 変更日 and the date
    it was decided) one, so rows are counted no higher than these."""
    count = sum(1 for t in lines for p in t.split() if _TIMING_PIECE.match(p))
    for a, b in itertools.pairwise(lines):
        count += "事" in a.split() and bool({"前", "後"} & set(b.split()))
    return count


def value_dates(records: Iterable[Record]) -> int:
    """Dates read as the whole value of a record's item, before or after cell (a date item's
    value, ``①実施日``): printed, they may open a line as a 変更日 does."""
    return sum(is_date_line(str(getattr(r, f) or "").strip()) for r in records for f in DATE_VALUE_CELLS)


def rows_short_note(text: str, records: list[Record]) -> str | None:
    """``ROWS_SHORT_NOTE`` when ``text`` shows the table (its title or column labels) and more
    dates opening lines beside a 提出時期 than ``records`` were read (plus their date values),
    else None."""
    from .shown_table import ShownTable, shown_table  # (reads the grid's label lists)

    shown = line_opening_dates(text)
    if not shown:
        return None
    values = value_dates(records)
    lost = shown - len(records) - values
    if lost <= 0:
        return None
    seen = shown_table(text)
    if not (seen.title or seen.labels):
        return None
    what = ShownTable(seen.title, seen.labels, 0).what()
    more = f" and {values} dates held as cell values" if values else ""
    return ROWS_SHORT_NOTE.format(what=what, shown=shown, read=len(records), values=more, lost=lost)
