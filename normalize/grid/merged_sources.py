"""Which row a blank merged value is taken from, on a page read at its 項目 paths
(``anchored._rows_from_paths``): a merged 変更日, 提出時期 or explanation prints once, at the top
of the first row it covers, at the foot of the last, or in the middle of them (centred).
"""

from __future__ import annotations

from .lines import Line

# A centred merged cell inferred from its text must end within this many line heights of a
# row's edge.
MERGED_EDGE_EM = 1.5


# Layout text: a centred merged cell's text stands at most this many line heights from the
# middle of the rows it covers (blank lines dropped by the extractor move it off the middle).
CENTRED_RUN_SLACK_EM = 3.0


def fill_sources(
    rows: list[dict[int, list[Line]]],
    have: list[int],
    c: int,
    mode: str,
    extents: list[tuple[float, float]],
    centres: list[float],
) -> dict[int, int]:
    """Rows without a column-``c`` value → the row whose value they share (a merged cell), read
    with cells aligned ``mode``: its text sits at the top of the first row it covers, at the
    bottom of the last, or in the middle of them (centred)."""
    covers = (
        (_centred_covers(rows, have, c, extents) or _centred_groups(rows, have, c, extents))
        if mode == "centre"
        else {}
    )
    out: dict[int, int] = {}
    for k, row in enumerate(rows):
        if row.get(c):
            continue
        before, after = [j for j in have if j < k], [j for j in have if j > k]
        if mode == "top" and before:
            out[k] = before[-1]
        elif mode == "bottom" and after:
            out[k] = after[0]
        elif k in covers:
            out[k] = covers[k]
        else:
            out[k] = min(have, key=lambda j: (abs(centres[j] - centres[k]), j > k))
    return out


def _centred_covers(
    rows: list[dict[int, list[Line]]], have: list[int], c: int, extents: list[tuple[float, float]]
) -> dict[int, int]:
    """Rows without a column-``c`` value → the row whose centred merged cell covers them.  A
    centred text stands in the middle of its merged cell: the first cell starts where the
    page's first row does, so it ends as far below its text as it starts above it; the next
    starts there, and so on down the page."""
    out: dict[int, int] = {}
    start = extents[0][0]
    # A merged cell spans whole rows: each cell so found must end at a row's edge (else the
    # text is not centred in it, as Writer prints a merged cell cut by a page break, and the
    # caller takes the nearest value instead).
    edges = [e for top, bottom in extents for e in (top, bottom)]
    for n, j in enumerate(have):
        lines = rows[j][c]
        y = (min(ln.top for ln in lines) + max(ln.bottom for ln in lines)) / 2
        end = 2 * y - start
        if n + 1 < len(have) and min(abs(end - e) for e in edges) > MERGED_EDGE_EM:
            return {}
        for k, (top, bottom) in enumerate(extents):
            if k not in have and k not in out and start - 0.5 <= (top + bottom) / 2 < end:
                out[k] = j
        start = max(end, y)
    return out


def _centred_groups(
    rows: list[dict[int, list[Line]]], have: list[int], c: int, extents: list[tuple[float, float]]
) -> dict[int, int]:
    """Rows without a column-``c`` value → the row whose centred merged cell covers them, when
    the text's line spacing does not show the cells' edges (``pdftotext -layout`` drops blank
    lines): the rows are cut into runs, one per printed value, each holding the value's row,
    so that each value stands as near the middle of its run as can be (least squares over the
    runs; a run's middle is halfway between its first row's top and its last row's bottom).
    Empty when a value stands more than ``CENTRED_RUN_SLACK_EM`` from its run's middle (Writer
    prints some merged cells otherwise): the caller takes the nearest value then."""
    n, m = len(rows), len(have)
    ys = []
    for j in have:
        lines = rows[j][c]
        ys.append((min(ln.top for ln in lines) + max(ln.bottom for ln in lines)) / 2)

    def cost(g: int, a: int, b: int) -> float:  # run g holds rows a..b-1
        return ((extents[a][0] + extents[b - 1][1]) / 2 - ys[g]) ** 2

    inf = float("inf")
    # best[g][b]: runs 0..g-1 hold rows 0..b-1; the run g-1 ends at row b-1.
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for g in range(m):
        lo = have[g - 1] + 1 if g else 0  # run g starts after the row of the value before
        for a in range(lo, have[g] + 1):
            if best[g][a] == inf:
                continue
            hi = have[g + 1] if g + 1 < m else n  # ... and ends before the next value's row
            for b in range(have[g] + 1, (hi if g + 1 < m else n) + 1):
                if g + 1 == m and b != n:
                    continue
                v = best[g][a] + cost(g, a, b)
                if v < best[g + 1][b]:
                    best[g + 1][b], back[g + 1][b] = v, a
    if best[m][n] == inf:
        return {}
    out: dict[int, int] = {}
    b = n
    for g in range(m, 0, -1):
        a = back[g][b]
        if cost(g - 1, a, b) > CENTRED_RUN_SLACK_EM**2:
            return {}  # a value far from its run's middle: not centred in merged cells
        for k in range(a, b):
            if k not in have:
                out[k] = have[g - 1]
        b = a
    return out
