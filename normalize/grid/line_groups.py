"""Cutting one column's lines (top to bottom) into consecutive groups, one per row span (a date
or a 項目 path), at the least cost; and where such a cut is in doubt (``close_boundaries``).
Used by the rows anchored at dates or paths (``anchored.py``)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from .lines import Line

# A cell that runs across a band blank in every column costs this much (in line heights of
# misplacement).
BLANK_CROSS_COST = 3.0


# Ending a cell after a line that runs on into the next (a full line, the next no paragraph's
# start) costs this many line heights of misplacement.
RUN_ON_SPLIT_COST = 2.0


# Lines of one cell follow each other; a gap of more than this many line heights inside a
# group of lines costs what it exceeds it by (text extractors may interleave two columns'
# lines, so a cell's lines can be a line apart).
CELL_GAP_EM = 2.0


# A column's lines cut between two rows where moving the cut one line up or down costs less
# than this many line heights more (``close_boundaries``): the line at the cut fits either
# row, so both rows' boundaries are in doubt (issue 12: 上記を新規追加 read as the first line of
# the next row's 変更後, the last line of one row's cell as the first of the next).
CLOSE_CUT_EM = 0.5


def group_fits(
    first: float, last: float, spans: list[tuple[float, float]], r: int, mode: str, hy: float
) -> bool:
    """Whether lines from ``first`` to ``last`` (centres) can be the cell of date ``r``: a
    top-aligned cell lies between its date's top and the next date's top, a bottom-aligned one
    between the previous date's bottom and its own, a centred one between the neighbours' centres."""
    tol = hy / 4
    if mode == "top":
        return first >= spans[r][0] - tol and (r + 1 == len(spans) or last < spans[r + 1][0] - tol)
    if mode == "bottom":
        return last <= spans[r][1] + tol and (r == 0 or first > spans[r - 1][1] + tol)
    lo = (spans[r - 1][0] + spans[r - 1][1]) / 2 if r else -float("inf")
    hi = (spans[r + 1][0] + spans[r + 1][1]) / 2 if r + 1 < len(spans) else float("inf")
    return lo < first and last < hi


def _group_cost(
    lines: list[Line],
    spans: list[tuple[float, float]],
    mode: str,
    hy: float,
    blanks: list[float] = (),  # type: ignore[assignment]
    whole: Callable[[str], bool] | None = None,
    open_rows: frozenset[int] = frozenset(),
) -> Callable[[int, int, int], float]:
    """The cost of row ``r`` taking ``lines[i:j]`` (0 when ``j == i``): the distance (in line
    heights) between the group and its date by ``mode``, the gaps inside it, and penalties for
    a group that does not fit its date, holds two whole values, cuts a run-on line or crosses
    a blank band.  ``open_rows``: rows (-1: the last) that may be a part of a row broken over a
    page break (Word and Writer break a tall row over pages, each part filled from its date
    down, whatever the alignment): a group of one that runs on below its date is measured from
    the date's top too."""
    m = len(lines)
    tops, bottoms, mids = [ln.top for ln in lines], [ln.bottom for ln in lines], [ln.mid for ln in lines]

    def key(i: int, j: int) -> float:  # lines[i:j], j > i
        top, bottom = tops[i], bottoms[j - 1]
        return top if mode == "top" else bottom if mode == "bottom" else (top + bottom) / 2

    def ref_of(r: int) -> float:
        t, b = spans[r]
        return t if mode == "top" else b if mode == "bottom" else (t + b) / 2

    refs = [ref_of(r) for r in range(len(spans))]
    # Blank bands strictly between two lines' middles, counted by bisection (the DP asks for
    # every pair of lines).
    bands = sorted(blanks)
    # A cell's lines follow each other: a gap of more than CELL_GAP_EM line heights inside a
    # group costs what it exceeds that by (prefix sums over the gaps between lines).
    inner = [0.0]
    for a, b in itertools.pairwise(lines):
        inner.append(inner[-1] + max(0.0, (b.top - a.bottom) / hy - CELL_GAP_EM))
    # Lines that are a whole value each (a date, 事前/事後): a group never holds two.
    values = [0]
    for ln in lines:
        values.append(values[-1] + (1 if whole is not None and whole(ln.text) else 0))

    def cost(r: int, i: int, j: int) -> float:
        if j == i:
            return 0.0
        out = abs(key(i, j) - refs[r]) / hy + inner[j - 1] - inner[i]
        if not group_fits(mids[i], mids[j - 1], spans, r, mode, hy):
            out += m + 1
        if (r in open_rows or (r == len(spans) - 1 and -1 in open_rows)) and (
            mode != "top" and mids[j - 1] > spans[r][1] + hy / 4
        ):
            # A row broken over a page break: its part here is filled from its date down.
            run_on = abs(tops[i] - spans[r][0]) / hy + inner[j - 1] - inner[i]
            if not group_fits(mids[i], mids[j - 1], spans, r, "top", hy) or (
                r and mids[i] <= spans[r - 1][1] + hy / 4
            ):
                run_on += m + 1
            out = min(out, run_on)
        if values[j] - values[i] > 1:
            out += m + 1
        if j < m and lines[j - 1].runs_on:
            out += RUN_ON_SPLIT_COST
        if bands:
            # A cell rarely runs across a line left blank in every column.
            above = bisect.bisect_right(bands, mids[i])
            crossed = max(0, bisect.bisect_left(bands, mids[j - 1]) - above)
            out += BLANK_CROSS_COST * crossed
        return out

    return cost


def group_lines(
    lines: list[Line],
    spans: list[tuple[float, float]],
    mode: str,
    hy: float,
    blanks: list[float] = (),  # type: ignore[assignment]
    whole: Callable[[str], bool] | None = None,
    lead: bool = True,
    open_rows: frozenset[int] = frozenset(),
) -> tuple[float, list[int]]:
    """Split one column's lines (top to bottom) into consecutive groups, one per date span, at
    the least total distance between each group and its date (by ``mode``, ``_group_cost``).
    Returns the cost and each line's row (-1: before the first date, a continued row, only
    for ``top`` and when ``lead``: a page with no row before it continues none); ``open_rows``
    as ``_group_cost``."""
    m, n = len(lines), len(spans)
    if m == 0:
        return 0.0, []
    cost = _group_cost(lines, spans, mode, hy, blanks, whole, open_rows)
    inf = float("inf")
    can_lead = lead
    # f[r][i]: best cost with rows < r holding lines < i.  Row -1 (continued) holds a prefix.
    lead = 0
    if mode == "top" and can_lead:
        while lead < m and lines[lead].mid < spans[0][0] - hy / 4:
            lead += 1
    f = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    f[0][lead] = 0.0
    for r in range(n):
        for i in range(m + 1):
            if f[r][i] == inf:
                continue
            # Row r takes lines i..j-1 (none when j == i).
            for j in range(i, m + 1):
                c = f[r][i] + cost(r, i, j)
                if c < f[r + 1][j]:
                    f[r + 1][j] = c
                    back[r + 1][j] = i
    rows_of = [-1] * m
    j = m
    for r in range(n, 0, -1):
        i = back[r][j]
        for k in range(i, j):
            rows_of[k] = r - 1
        j = i
    return f[n][m], rows_of


def close_boundaries(
    lines: list[Line],
    spans: list[tuple[float, float]],
    mode: str,
    hy: float,
    rows_of: list[int],
    blanks: list[float] = (),  # type: ignore[assignment]
    whole: Callable[[str], bool] | None = None,
    open_rows: frozenset[int] = frozenset(),
) -> list[tuple[int, int, float]]:
    """Where one column's lines, grouped by ``group_lines`` (``rows_of``), could as well have
    been cut one line higher or lower: (upper row, lower row, margin) for each pair of
    neighbouring groups, the margin being how much more (in ``_group_cost`` units, about line
    heights) the better of the two shifted cuts costs.  A small margin means a line at the
    boundary (the last line of one row's cell, the first of the next) fits either row."""
    cost = _group_cost(lines, spans, mode, hy, blanks, whole, open_rows)
    groups: list[tuple[int, int, int]] = []  # (row, first line, end line)
    for k, r in enumerate(rows_of):
        if groups and groups[-1][0] == r:
            groups[-1] = (r, groups[-1][1], k + 1)
        else:
            groups.append((r, k, k + 1))
    out: list[tuple[int, int, float]] = []
    for (ra, a, b), (rb, _, e) in itertools.pairwise(groups):
        if ra < 0:
            continue
        now = cost(ra, a, b) + cost(rb, b, e)
        shifted = [cost(ra, a, b2) + cost(rb, b2, e) - now for b2 in (b - 1, b + 1) if a <= b2 <= e]
        if shifted:
            out.append((ra, rb, min(shifted)))
    return out
