"""Column starts of a ``pdftotext -layout`` page without a header: the previous page's starts
moved to where this page's lines open cells, and the columns a row carried over the page break
runs on in.
"""

from __future__ import annotations

from collections import Counter

from .lines import Line

# The column of 提出時期 (事前/事後).
TIMING_COLUMN = 4

# Body openings at one offset on at least this many lines make a column start (a column's
# lines start at one offset; ``pdftotext -layout`` moves some by a character or two).
OPENER_MIN_LINES = 2


def running_columns(carry: dict[int, list[Line]] | None) -> set[int]:
    """The text columns of the row carried from the page before whose text reaches that
    page's last line (within one line): those the page may go on with."""
    lines = [(c, ln) for c, lns in (carry or {}).items() if c not in (0, TIMING_COLUMN) for ln in lns]
    if not lines:
        return set()
    foot = max(ln.bottom for _, ln in lines)
    return {c for c, ln in lines if ln.bottom >= foot - 1}


def shifted_starts(openers: list[list[float]], prev: list[float], running: set[int] | None) -> list[float]:
    """The previous page's column starts, moved to this page: ``pdftotext -layout`` counts a
    page's offsets from its leftmost text, so a page without a date (a Writer row continued
    over a page break, a merged date printed on another page) starts its first printed column
    at 0.  The shift is the one that puts the offsets where at least ``OPENER_MIN_LINES``
    lines open a cell nearest to the previous starts, the leftmost such offset on a start;
    ties go to a shift that puts it on a column the row carried from the page before runs on
    in (``running``), then to the smallest shift."""
    counts = Counter(round(x) for xs in openers for x in xs)
    clusters = sorted(x for x, n in counts.items() if n >= OPENER_MIN_LINES)
    if not clusters:
        return prev
    left = clusters[0]
    best: tuple[float, int, float, float] | None = None
    for k, start in enumerate(prev):
        d = start - left
        miss = sum(counts[x] * min(abs(x + d - p) for p in prev) for x in clusters)
        key = (miss, 0 if running and k in running else 1, abs(d), d)
        if best is None or key < best:
            best = key
    if best is None or best[3] == 0:
        return prev
    return [p - best[3] for p in prev]
