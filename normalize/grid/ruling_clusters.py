"""Rulings of a page read and clustered: vertical rulings as (x, top, bottom), horizontal ones
as (y, covered x intervals), in the page's units; ``hx`` / ``hy`` are its ems and ``GridSettings``
says how thin a stroke is a ruling, how long at least, and how near two are one
(``ruling_thickness_em``, ``min_ruling_em``, ``ruling_merge_em``).  Moved out of ``ruled.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from piatable.models import PageWords
from piatable.settings import GridSettings

if TYPE_CHECKING:
    from .labels import Header

Segment = tuple[float, float, float, float]


def cluster_segments(
    values: list[tuple[float, float, float]], tol: float
) -> list[tuple[float, float, float, float]]:
    """Cluster (position, start, end) segments by position: (position, start, end, total length)."""
    out: list[list[float]] = []
    for pos, a, b in sorted(values):
        if out and pos - out[-1][0] <= tol:
            c = out[-1]
            c[0] = (c[0] * c[4] + pos) / (c[4] + 1)
            # min and max as comparisons (the same element kept on a tie), without their calls
            lo, hi = c[1], c[2]
            c[1], c[2], c[3], c[4] = a if a < lo else lo, b if b > hi else hi, c[3] + (b - a), c[4] + 1
        else:
            out.append([pos, a, b, b - a, 1])
    return [(c[0], c[1], c[2], c[3]) for c in out]


def vertical_rulings(
    page: PageWords, hx: float, hy: float, settings: GridSettings
) -> list[tuple[float, float, float]]:
    """Vertical rulings as (x, top, bottom), clustered."""
    thick, min_len = settings.ruling_thickness_em * hx, settings.min_ruling_em * hy
    segs = [
        ((x0 + x1) / 2, min(t, b), max(t, b))
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= thick and abs(b - t) >= min_len
    ]
    return [(x, a, b) for x, a, b, _ in cluster_segments(segs, settings.ruling_merge_em * hx)]


def below_header(
    verticals: list[tuple[float, float, float]], header: Header | None, hy: float
) -> list[tuple[float, float, float]]:
    """The vertical rulings (x, top, bottom) that reach down to the label row (``header``, half a
    line's slack ``hy``): one ending above it walls no column of the table.  A 回覧 stamp box
    (課長 / 係長 / 担当) over a scanned table's right side had its walls taken for the
    explanation column's left wall: its first words went to 提出時期 (``事前委託``) or were
    dropped (set XXXIII n10, samples/scan72).  All of them when no label row was read."""
    if header is None:
        return verticals
    return [v for v in verticals if v[2] > header.top - hy / 2]


def is_horizontal(seg: Segment, hx: float, hy: float, settings: GridSettings) -> bool:
    """Whether the stroke ``seg`` (x0, top, x1, bottom) is a horizontal ruling: thin enough and
    at least half ``min_ruling_em`` long."""
    x0, t, x1, b = seg
    return abs(b - t) <= settings.ruling_thickness_em * hy and abs(x1 - x0) >= settings.min_ruling_em * hx / 2


def horizontal_rulings(
    rulings: list[tuple[float, float, float, float]], hx: float, hy: float, settings: GridSettings
) -> list[tuple[float, list[tuple[float, float]]]]:
    """Horizontal rulings as (y, covered x intervals), clustered by y."""
    thick, min_len = settings.ruling_thickness_em * hy, settings.min_ruling_em * hx / 2  # is_horizontal's
    segs = sorted(
        [
            ((t + b) / 2, min(x0, x1), max(x0, x1))
            for x0, t, x1, b in rulings
            if abs(b - t) <= thick and abs(x1 - x0) >= min_len
        ]
    )
    out: list[tuple[float, list[tuple[float, float]]]] = []
    tol = settings.ruling_merge_em * hy
    for y, a, b in segs:
        if out and y - out[-1][0] <= tol:
            out[-1][1].append((a, b))
        else:
            out.append((y, [(a, b)]))
    return out
