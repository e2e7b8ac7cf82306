"""Rows of a page whose pass 1 printed more timings than pass 2 opened rows (issues 10 and 12,
branch raw49).

Each row prints its timing once in Calc's pass 1 (``passone``: a timing always fits one line); a
merged timing prints once for its span, so pass 1's timings are never more than the page's rows.
Pass 2 opens a row at each wrapped date or item (``twophase``); a 項目 merged over two or three
rows (one item, several changes) prints once, in its first row, so the later rows of the span
open nothing there, and their wrapped before / after / explanation lines follow the first row's
(new user's set IX c3: 9 rows read as 5 and 17 pieces, the after cell of row 1 holding rows 2-3,
later rows given other rows' items, at 0.917 with no flag).  When a timing of pass 1 is left
untaken, the page's rows are fewer than printed and which wrapped lines are whose is not told:
every row read on that page is doubted (``row_split_guess``), not only the pieces left over.
"""

from __future__ import annotations

from piatable.models import CellLine, Doubt, RawRow
from piatable.vocabulary import TIMING

# Timings left untaken on a page before its rows are doubted: one left over is as often a row
# whose own pieces were misplaced, already kept as a doubted piece of its own (new user's set
# VIII c3: that page's other rows right 9 times in 11); a merged item over rows leaves one per
# row it swallowed (set IX c3: 4, set X C4: 2).
UNTAKEN_TIMINGS_MIN = 2
# Confidence a row is held at when its page printed timings no row took.
UNTAKEN_TIMING_CONFIDENCE = 0.45
UNTAKEN_TIMING_WHY = (
    "the page prints {n} more 提出時期 among its one-line cells than rows open in its wrapped"
    " cells (an item merged over several rows prints once): rows ran together, and which wrapped"
    " lines are this row's is a guess"
)


def doubt_untaken_timings(rows: list[RawRow], rest: list[CellLine]) -> None:
    """Doubt every row of ``rows`` (a page's) when ``rest`` (pass-1 pieces no row took) holds
    ``UNTAKEN_TIMINGS_MIN`` timings or more."""
    n = sum(1 for cl in rest if TIMING.match(cl.text))
    if n < UNTAKEN_TIMINGS_MIN:
        return
    for row in rows:
        row.confidence = min(row.confidence, UNTAKEN_TIMING_CONFIDENCE)
        row.doubts.append(Doubt("row_split_guess", None, UNTAKEN_TIMING_WHY.format(n=n)))
