"""Column starts of a ``pdftotext -layout`` page without a header: the previous page's starts
moved to where this page's lines open cells, and the columns a row carried over the page break
runs on in.
"""

from __future__ import annotations

from collections import Counter

from piatable.settings import GridSettings

from ..chars import display_width
from .layout_words import wrap_width
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


def filled_columns(
    carry: dict[int, list[Line]] | None, running: set[int], settings: GridSettings
) -> set[int]:
    """Of the ``running`` columns, those whose last carried line is as wide as the column's
    wrap width (``wrap_width`` of the carried row's lines in it): a cell cut by the wrap, not
    ended, whose text goes on at the top of the next page (an AbiWord row over a page break,
    set XIV t09)."""
    out: set[int] = set()
    for c in running:
        lines = sorted((carry or {}).get(c, []), key=lambda ln: ln.top)
        widths = [float(display_width(ln.text.strip())) for ln in lines]
        if len(widths) >= 2 and widths[-1] >= wrap_width(widths, settings):
            out.add(c)
    return out


def shifted_starts(
    openers: list[list[float]], prev: list[float], running: set[int] | None, filled: set[int] | None = None
) -> list[float]:
    """The previous page's column starts, moved to this page: ``pdftotext -layout`` counts a
    page's offsets from its leftmost text, so a page without a date (a Writer row continued
    over a page break, a merged date printed on another page) starts its first printed column
    at 0.  The shift is the one that puts the offsets where at least ``OPENER_MIN_LINES``
    lines open a cell nearest to the previous starts, the leftmost such offset on a start;
    ties go to a shift that puts it on a column the row carried from the page before runs on
    in (``running``), first one whose cell the break cut (``filled``), then to the smallest
    shift.  A page whose lines all open at one offset (a cell's tail alone on the page) puts
    that offset on a start too, though fewer than ``OPENER_MIN_LINES`` lines open there."""
    counts = Counter(round(x) for xs in openers for x in xs)
    clusters = sorted(x for x, n in counts.items() if n >= OPENER_MIN_LINES)
    if not clusters and len(counts) == 1 and filled:
        clusters = list(counts)
    if not clusters:
        return prev
    left = clusters[0]
    best: tuple[float, int, float, float] | None = None
    for k, start in enumerate(prev):
        d = start - left
        miss = sum(counts[x] * min(abs(x + d - p) for p in prev) for x in clusters)
        rank = 0 if filled and k in filled else 1 if running and k in running else 2
        key = (miss, rank, abs(d), d)
        if best is None or key < best:
            best = key
    if best is None or best[3] == 0:
        return prev
    return [p - best[3] for p in prev]
