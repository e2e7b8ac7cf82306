"""Which rows a merged value covers, read from where its lines stand (issues 10 and 12).

A 提出時期 or explanation merged over several date-anchored rows prints once: at the top of the
first row it covers, in the middle of them, or at the foot of the last, as the merged cell's own
vertical alignment says, which need not be the other cells' (a 提出時期 centred beside text at the
top).  Filling the rows from the side the page's alignment suggests then gives them the wrong
row's value.  Here each column's printed values are laid over the rows as consecutive runs, one
per value, so that each value stands where one alignment (the column's, one for the page) puts
it in its run: the partition that fits best wins.  Rows where another alignment or a run edge
one row over fits about as well are in doubt (a ``row_split_guess``), never filled silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import PageRows, cell_text
from .lines import Line

# A row left out of every run (the rest of a merged cell printed on the page before or after)
# costs this many line heights.
OPEN_ROW_COST_EM = 1.2
# A value whose line stands outside its run's rows costs this much more per line height off.
OUTSIDE_COST = 4.0
# Another reading of the runs that costs less than this many line heights more puts the rows
# whose value it changes in doubt.
RUN_MARGIN_EM = 0.75
# The gap above a page's first row and below its last, in line heights (the cell's padding).
EDGE_GAP_EM = 1.0
# A value's line may stand this far (line heights) inside its row's first or last line and
# still be at the row's top or foot.
EDGE_SLACK_EM = 0.3

ALIGNMENTS = ("top", "centre", "bottom")
OPEN_END_WHY = "its {column} is taken from the row above: the merged cell may go on from the page's foot"
MERGED_RUN_WHY = (
    "its merged {column} may be another row's: the value stands about as well at the {alt} of "
    "the rows it would cover (read at the {mode})"
)


@dataclass(frozen=True, slots=True)
class _Rows:
    """Extents of the rows (own lines), and the gaps between them: ``lo[i]`` / ``hi[i]`` the
    blank band above row ``i`` (``lo[n]`` / ``hi[n]``: the band under the last row)."""

    top: list[float]
    bottom: list[float]
    lo: list[float]
    hi: list[float]


def _off(y: float, lo: float, hi: float) -> float:
    """How far ``y`` lies outside ``[lo, hi]``."""
    return max(lo - y, 0.0, y - hi)


def _cost(
    block: tuple[tuple[float, float], list[int]], a: int, b: int, g: _Rows, mode: str, hy: float
) -> float:
    """Line heights off for a value at ``block`` ((top, bottom), the rows it was given to)
    covering rows ``a..b``, aligned ``mode``."""
    (yt, yb), given = block
    held = sum(OUTSIDE_COST for r in given if not a <= r <= b)
    slack = EDGE_SLACK_EM * hy
    if mode == "top":
        off = _off(yt, g.lo[a], g.top[a] + slack)
    elif mode == "bottom":
        off = _off(yb, g.bottom[b] - slack, g.hi[b + 1])
    else:
        lo, hi = (g.lo[a] + g.bottom[b]) / 2, (g.top[a] + g.hi[b + 1]) / 2
        off = _off((yt + yb) / 2, min(lo, hi), max(lo, hi))
    outside = _off(yt, g.lo[a], g.hi[b + 1]) + _off(yb, g.lo[a], g.hi[b + 1])
    return (off + OUTSIDE_COST * outside) / hy + held


def _best_runs(
    blocks: list[tuple[tuple[float, float], list[int]]], g: _Rows, mode: str, hy: float
) -> tuple[float, list[int | None]]:
    """The cheapest runs (consecutive rows, one per value, in order; rows at either end may
    belong to no value): (cost, the value of each row or None)."""
    n, m = len(g.top), len(blocks)
    inf = float("inf")
    # f[i][j]: rows 0..i-1 placed, values 0..j-1 used; back[i][j]: where value j-1's run starts.
    f = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[-1] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        f[i][0] = i * OPEN_ROW_COST_EM
    for j in range(1, m + 1):
        for i in range(j, n + 1):
            for a in range(j - 1, i):
                if f[a][j - 1] == inf:
                    continue
                c = f[a][j - 1] + _cost(blocks[j - 1], a, i - 1, g, mode, hy)
                if c < f[i][j]:
                    f[i][j], back[i][j] = c, a
    end = min(range(m, n + 1), key=lambda i: (f[i][m] + (n - i) * OPEN_ROW_COST_EM, -i))
    total = f[end][m] + (n - end) * OPEN_ROW_COST_EM
    of: list[int | None] = [None] * n
    i = end
    for j in range(m, 0, -1):
        a = back[i][j]
        for k in range(a, i):
            of[k] = j - 1
        i = a
    return total, of


def merged_runs(
    rows: list[dict[int, list[Line]]],
    first: int,
    c: int,
    own_columns: tuple[int, ...],
    hy: float,
    page_mode: str,
) -> tuple[dict[int, int], dict[int, str], str] | None:
    """Rows (from ``first`` on, those printing cells of their own) → the row whose column-``c``
    value they take, the rows in doubt (→ why) and the alignment read (``page_mode``: the
    page's, for the rows under the last value's run); None when every row
    prints its own value (nothing is merged) or none does."""
    idx = [k for k in range(first, len(rows)) if any(rows[k].get(col) for col in own_columns)]
    have = [k for k in idx if cell_text(rows[k].get(c))]
    if not have or len(have) >= len(idx):
        return None
    own = [[ln for col in own_columns for ln in rows[k].get(col, [])] for k in idx]
    top = [min(ln.top for ln in lines) for lines in own]
    bottom = [max(ln.bottom for ln in lines) for lines in own]
    lo = [top[0] - EDGE_GAP_EM * hy, *(min(b, t) for b, t in zip(bottom[:-1], top[1:], strict=True))]
    hi = [top[0], *top[1:], bottom[-1] + EDGE_GAP_EM * hy]
    lo.append(bottom[-1])
    g = _Rows(top, bottom, lo, hi)
    # One printed value shared by rows already (a row split apart at a shared date) is one
    # value, whose run holds every row it was given to.
    holders: dict[tuple[int, ...], list[int]] = {}
    for k in have:
        holders.setdefault(tuple(id(ln) for ln in rows[k][c]), []).append(idx.index(k))
    spans = sorted((_extent(rows[idx[rs[0]]][c]), rs) for rs in holders.values())
    blocks = [(b, [idx[r] for r in rs]) for b, rs in spans]
    readings = {mode: _best_runs(spans, g, mode, hy) for mode in ALIGNMENTS}
    mode = min(ALIGNMENTS, key=lambda md: readings[md][0])
    best_cost, best = readings[mode]
    texts = [cell_text(rows[ks[0]][c]) for _, ks in blocks]
    doubts: dict[int, str] = {}
    for alt, (cost, of) in readings.items():
        if alt == mode or cost - best_cost >= RUN_MARGIN_EM:
            continue
        for r, (x, y) in enumerate(zip(best, of, strict=True)):
            if x is not None and (y is None or texts[x] != texts[y]):
                doubts.setdefault(idx[r], MERGED_RUN_WHY.format(column=_name(c), alt=alt, mode=mode))
    sources = {idx[r]: blocks[x][1][0] for r, x in enumerate(best) if x is not None}
    last = max((r for r, x in enumerate(best) if x is not None), default=None)
    if last is not None:
        # Rows under the last value's run: a merged cell that goes on over the page's foot
        # printed its value here.  Sure only where the page's alignment reads them so too.
        for r in range(last + 1, len(idx)):
            sources[idx[r]] = blocks[best[last]][1][0]
            if page_mode == "bottom":
                doubts.setdefault(idx[r], OPEN_END_WHY.format(column=_name(c)))
    return sources, doubts, mode


def _extent(lines: list[Line]) -> tuple[float, float]:
    return min(ln.top for ln in lines), max(ln.bottom for ln in lines)


def _name(c: int) -> str:
    return {1: "項目", 4: "提出時期", 5: "explanation"}.get(c, "value")


# A value standing this many line heights or more below its row's first line may be centred
# (or at the foot) over rows above its own.
LOWERED_EM = 0.75


def leading_rows(
    rows: list[dict[int, list[Line]]], c: int, own_columns: tuple[int, ...], hy: float
) -> list[int]:
    """Rows at the top of a page that print no column-``c`` value, above the page's first row
    that prints one level with its row's first line (within ``LOWERED_EM``, above or below):
    such a column
    stands at the top of its rows, and LibreOffice prints a merged cell's text once, at the top
    of its first row, so rows under it on the next page print nothing and no value below them
    can be theirs: they take the value of the row above (the page before's last row), not the
    nearest one below.  Empty when that first value stands lower (it may be centred or at the
    foot of a merged cell over them) or higher (a value at the foot of the row above)."""
    first = next((k for k, row in enumerate(rows) if cell_text(row.get(c))), None)
    if not first:
        return []
    own = [ln for col in own_columns for ln in rows[first].get(col, [])]
    if not own or abs(min(ln.top for ln in rows[first][c]) - min(ln.top for ln in own)) >= LOWERED_EM * hy:
        return []
    return [k for k in range(first) if any(rows[k].get(col) for col in own_columns)]


# The columns every row prints itself (項目, 変更前, 変更後).
ROW_OWN_COLUMNS = (1, 2, 3)


def carry_leading(
    res: PageRows, rows: list[dict[int, list[Line]]], sources: dict[int, int], c: int, mode: str, hy: float
) -> None:
    """Layout text, column ``c`` read at the top of its rows (``mode``): the rows above the
    page's first printed value take the row above's (the page before's last row,
    ``PageRows.carried_cols``), not the nearest one below (``leading_rows``); ``sources`` (row →
    the row whose value it takes) loses them.  Nothing when the page goes on with the row the
    page before ended with (``res.carried``)."""
    if mode != "top" or res.carried:
        return
    for k in leading_rows(rows, c, ROW_OWN_COLUMNS, hy):
        if sources.get(k, -1) > k:
            del sources[k]
            res.carried_cols[k] = (*res.carried_cols.get(k, ()), c)


# A value whose middle stands within this many line heights of the middle of rows ``k..m`` may
# be centred over them (-layout text drops blank lines, moving a centred text off the middle).
CENTRED_FIT_EM = 1.5
BELOW_CENTRED_WHY = (
    "its merged {column} is taken from the row above, but the next {column} below stands below "
    "its row's first line, about in the middle of the rows from this one down: it may be "
    "centred over this row too"
)


def centred_from_below(
    have: list[int], k: int, values: list[tuple[float, float]], extents: list[tuple[float, float]], hy: float
) -> bool:
    """Row ``k`` (no value of its own, given the one above as a top-aligned merged cell's) may
    instead lie under a merged cell centred over it and the rows below: the value above stands
    level with its row's first line (a top-aligned cell) while the next printed value (rows
    ``have``, their values' extents ``values``) stands ``LOWERED_EM`` or more below its row's
    first line (a cell aligned otherwise), its middle within ``CENTRED_FIT_EM`` of the middle
    of rows ``k..m`` for some ``m`` from its row down to the row before the next value.
    (LibreOffice gives each merged cell its own alignment: a centred date among dates at the
    top.)"""
    below = [i for i, j in enumerate(have) if j > k]
    if not below or below[0] == 0:
        return False
    i = below[0]
    j, src = have[i], have[i - 1]
    (yt, yb), own_top = values[i], extents[j][0]
    if yt - own_top < LOWERED_EM * hy or abs(values[i - 1][0] - extents[src][0]) >= LOWERED_EM * hy:
        return False
    end = have[i + 1] if i + 1 < len(have) else len(extents)
    mid = (yt + yb) / 2
    return any(abs((extents[k][0] + extents[m][1]) / 2 - mid) <= CENTRED_FIT_EM * hy for m in range(j, end))
