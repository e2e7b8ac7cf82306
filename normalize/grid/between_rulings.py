"""Lines printed between two ruled tables of one page of a text-layer PDF (branch between18).

A filing may hold two amendment tables with a paragraph between them (``上記の変更は、…次のとおり
である。``).  The page's vertical rulings, clustered by position, run from the first table's top
to the second's foot, so the paragraph would lie inside the table and become a row; it stands
beside no vertical ruling of the inner column boundaries, which no cell's line does
(``lines_between_tables``).
"""

from __future__ import annotations

from bisect import bisect_right

from piatable.models import PageWords
from piatable.settings import GridSettings
from piatable.vocabulary import TIMING_WORD

from ..dates import DATE
from .common import is_furniture
from .lines import Line


def lines_between_tables(
    page: PageWords, lines: list[Line], bounds: list[float], hx: float, hy: float, settings: GridSettings
) -> set[int]:
    """Indices of ``lines`` printed between two ruled tables of the page (prose such as
    ``上記の変更は、…次のとおりである。`` above a second table's label row): no vertical ruling
    of the table's inner column boundaries runs beside the line, and rulings do above and below
    it.  Such a line is no cell of the row above it."""
    thick, min_len = settings.ruling_thickness_em * hx, settings.min_ruling_em * hy
    slack = settings.ruling_merge_em * hx
    inner = sorted(bounds[1:-1])
    spans = [
        (min(t, b), max(t, b))
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= thick and abs(b - t) >= min_len and _near_any((x0 + x1) / 2, inner, slack)
    ]
    if not spans:
        return set()
    top, bottom = min(a for a, _ in spans), max(b for _, b in spans)
    # A line is beside a ruling when its middle is within a quarter line of the ruling's span:
    # the spans so widened, merged into disjoint intervals (the same union), are searched by
    # bisection instead of trying every ruling for every line.
    reach = hy / 4
    merged: list[list[float]] = []
    for a, b in sorted(spans):
        if merged and a - reach <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b + reach)
        else:
            merged.append([a - reach, b + reach])
    starts = [lo for lo, _ in merged]
    out = set()
    for k, ln in enumerate(lines):
        mid = (ln.top + ln.bottom) / 2
        if not top < mid < bottom:
            continue
        at = bisect_right(starts, mid) - 1
        # Furniture (the title, a page number) is looked for only on a line beside no ruling.
        if (at < 0 or mid > merged[at][1]) and not is_furniture(ln.text):
            out.add(k)
    return out


def _near_any(x: float, xs: list[float], slack: float) -> bool:
    """True when some value of ``xs`` (sorted) lies within ``slack`` of ``x``: the nearest on
    either side of ``x``, found by bisection, is the only one to look at."""
    at = bisect_right(xs, x)
    return (at < len(xs) and xs[at] - x <= slack) or (at > 0 and x - xs[at - 1] <= slack)


# Vertical rulings of one table run on with gaps of at most this many line heights (a dotted or
# dashed ruling's dashes, a row broken by Writer); a wider gap is text printed between tables.
FOOT_GAP_LINES = 1.0


def ruled_foot(
    page: PageWords,
    bounds: list[float],
    top: float,
    bottom: float,
    hx: float,
    hy: float,
    settings: GridSettings,
) -> tuple[float, float]:
    """(The foot of the ruled table whose top is ``top``: where the vertical rulings on the
    column ``bounds`` stop running on from it (gaps of at most ``FOOT_GAP_LINES`` line heights
    ``hy``), at most ``bottom`` (the clustered rulings' foot); ``bottom``).  Rulings found again further down
    are another table's, not this one's: a second small table printed after the body paragraphs
    under the amendment table (Writer, ``問合せ先`` / ``電話`` in a 2-column frame whose outer
    rulings share the table's x), whose clustered rulings made the paragraphs between the two
    (a ``※`` note, 以上, the date, the signature) rows of the table (bt54-writer-juki-v1: 3 rows
    more, below confidence 0.05)."""
    thick, min_len = settings.ruling_thickness_em * hx, settings.min_ruling_em * hy
    slack = settings.ruling_merge_em * hx
    spans = sorted(
        (min(t, b), max(t, b))
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= thick and abs(b - t) >= min_len and _near_any((x0 + x1) / 2, bounds, slack)
    )
    foot = None
    for a, b in spans:
        if b < top:
            continue
        if foot is None:
            foot = b
        elif a <= foot + FOOT_GAP_LINES * hy:
            foot = max(foot, b)
        else:
            break
    inner = sorted(bounds[1:-1])
    if foot is None or any(
        min(t, b) > foot + FOOT_GAP_LINES * hy and _near_any((x0 + x1) / 2, inner, slack)
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= thick and abs(b - t) >= min_len
    ):
        # Rulings on the table's inner column boundaries further down: the table goes on (a
        # second amendment table after a paragraph: ``lines_between_tables``).
        return bottom, bottom
    return min(bottom, foot), bottom


def lines_after_foot(lines: list[Line], foot: float, bottom: float, hy: float) -> set[int]:
    """Indices of ``lines`` printed below the table's ruled ``foot`` (``ruled_foot``) and above
    the clustered rulings' ``bottom``: text after the table, down to the foot of the next ruled
    table on the page (named in a note by the caller, never a row)."""
    if bottom - foot <= hy:
        return set()
    return {k for k, ln in enumerate(lines) if foot + hy / 2 < ln.mid <= bottom + hy / 2}


def reads_as_a_row(text: str) -> bool:
    """Whether a line printed after a table's ruled foot reads as a row of a table (it opens with
    a date and prints 事前 / 事後): its words are unplaced text, and the document partial, not only
    named in a note.  A second table the page split missed had its rows noted as "text printed
    after the table" with the status success.  A body's date line after the table (a signature's
    date) prints no timing and stays a note."""
    return bool(DATE.match(text.lstrip()) and TIMING_WORD.search(text))
