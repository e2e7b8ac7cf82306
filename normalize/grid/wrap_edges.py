"""Each column's wrap edge: how far its lines reach, so that a line that stops short of it ends
a paragraph and one that reaches it wraps softly (moved out of ``rows``)."""

from __future__ import annotations

import itertools
import statistics

from .lines import Line

# A ruled column whose longest line stops this many ems short of the edge the others reach has
# no full line at all.
UNREACHED_EDGE_EM = 1.5


def _wrap_edge(reaches: list[float], near: float) -> float:
    """The furthest reach that another line comes within ``near`` of (the lines' common edge);
    the furthest of all when no two lines come that close."""
    rs = sorted(reaches, reverse=True)
    for a, b in itertools.pairwise(rs):
        if a - b <= near:
            return a
    return rs[0] if rs else 0.0


def column_limits(
    rows: list[dict[int, list[Line]]], hx: float, companion_em: float = 0.0
) -> dict[int, float]:
    """Per column of ``rows`` (each row's cells: column → lines), the furthest any line reaches
    from the column's left boundary (points): its wrap edge.  ``hx``: the unit (full-width
    character) width; ``companion_em``: how near (in units) another line must come to an edge.

    With ruled cells, a column none of whose lines comes near its right ruling (short entries
    such as [○]紙 only) gets the edge the other columns show (width less their padding), so that
    its longest line is not taken for a full one."""
    reaches: dict[int, list[float]] = {}
    widths: dict[int, float] = {}
    for cells in rows:
        for c, lines in cells.items():
            if not lines:
                continue
            rs = reaches.get(c)
            if rs is None:
                rs = reaches[c] = []
            rs.extend([ln.x1 - ln.left for ln in lines])
            for ln in lines:
                if ln.width is not None:
                    widths[c] = min(widths.get(c, ln.width), ln.width)
    limits = {c: _wrap_edge(rs, companion_em * hx) for c, rs in reaches.items()}
    slack = [widths[c] - limits[c] for c in limits if c in widths and widths[c] - limits[c] >= 0]
    if len(slack) >= 3:
        pad = statistics.median(sorted(slack)[: max(3, len(slack) // 2)])
        for c in limits:
            if c in widths and limits[c] < widths[c] - pad - UNREACHED_EDGE_EM * hx:
                limits[c] = widths[c] - pad
    return limits
