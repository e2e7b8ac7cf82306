"""Column boundaries of a page without enough vertical rulings: from the rulings around the column
labels and the body's whitespace between them, or from the body's whitespace gaps alone.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from piatable.settings import GridSettings

from .common import N_COLS
from .labels import Header
from .lines import Line


def _gap_boundary(body: list[Line], lo: float, hi: float, step: float) -> float | None:
    """The middle of the widest x range in (lo, hi) that no body line crosses."""
    best = _gap_range(body, lo, hi, step)
    return None if best is None else (best[0] + best[1]) / 2


def _gap_range(body: list[Line], lo: float, hi: float, step: float) -> tuple[float, float] | None:
    """The widest x range in (lo, hi), at least ``step`` wide, that no body line crosses."""
    if hi - lo <= step:
        return None
    spans = sorted((max(ln.x0, lo), min(ln.x1, hi)) for ln in body if ln.x1 > lo and ln.x0 < hi)
    best: tuple[float, float] | None = None
    cur = lo
    for a, b in [*spans, (hi, hi)]:
        if a > cur and (best is None or a - cur > best[1] - best[0]):
            best = (cur, a)
        cur = max(cur, b)
    if best is None or best[1] - best[0] < step:
        return None
    return best


def cells_opening(body: list[Line], lo: float, hi: float, least: int) -> float | None:
    """The x in (lo, hi) where most body segments open, when ``least`` or more and most of
    those opening in (lo, hi) open there; else None.  Cells are set flush left: where two
    columns' text runs on with no gap between
    them (a full cell's line ends one character before the next column's text), the next
    column's cells all open at its padding, and its left edge is there.  The labels' midpoint
    fell inside that column in set XXXIV w04 (a wide 変更後の記載 left of 変更前の記載, -layout
    text): a short ``なし`` opening the column, its centre left of that midpoint, was read into
    the 変更後 beside it.  x in the page's units; ties go to the leftmost, and openings up to 1.5
    units left of the commonest (a line set a character off) move it there."""
    counts: dict[float, int] = {}
    for ln in body:
        if lo < ln.x0 < hi:
            counts[round(ln.x0, 1)] = counts.get(round(ln.x0, 1), 0) + 1
    if not counts:
        return None
    top = min(counts, key=lambda k: (-counts[k], k))
    # The extractor sets a column's lines a character apart now and then: the edge is the
    # leftmost opening next to the commonest, and they count together.
    x = top
    while any(x - 1.5 <= k < x for k in counts):
        x = min(k for k in counts if x - 1.5 <= k < x)
    edge = sum(n for k, n in counts.items() if x <= k <= top)
    if counts[top] < least or 2 * edge <= sum(counts.values()):
        return None  # too few, or no more than the segments opening elsewhere there
    return x


# The narrowest gap (in ems) between the characters of two tightly packed columns that bounds
# them when their text segments run together.
WORD_GAP_EM = 0.15
# A table with one 変更前／変更後 column (``Header.stacked``): the width (ems) of the empty 変更前
# column put just left of it, narrower than any character, so that no text falls in it.
STACKED_BEFORE_WIDTH_EM = 0.05


def bounds_from_labels(
    header: Header,
    verticals: list[float],
    body: Callable[[], list[Line]],
    hx: float,
    settings: GridSettings,
    from_centres: bool = False,
) -> list[float] | None:
    """Seven x boundaries: the rulings around each label, else the body's gaps between labels.
    ``body()`` gives the body's text segments; it is called only where rulings leave a boundary
    or the table's outer edge unfixed.  ``from_centres``: a gap is looked for from the left
    label's centre, not its right edge (flattened text: a wrapped label ``提出時`` fills its
    narrow cell to the last character, and the next column's text opens one character after
    the cell's text ends, inside the label's span: set XXI t11, PyMuPDF ``sort=True``)."""
    bounds: list[float | None] = [None] * (N_COLS + 1)
    slack = settings.ruling_merge_em * hx
    xs = sorted(verticals)
    labels = header.labels
    for col, (x0, x1) in labels.items():
        # A ruling bounds a label only if no other label lies between them: with the inner
        # verticals missing, the table's outer box is not the first label's right edge.
        lo = labels[col - 1][1] - slack if col - 1 in labels else float("-inf")
        hi = labels[col + 1][0] + slack if col + 1 in labels else float("inf")
        left = [x for x in xs if lo <= x <= x0 + slack]
        right = [x for x in xs if x1 - slack <= x <= hi]
        if left:
            bounds[col] = left[-1]
        if right:
            bounds[col + 1] = right[0]
    if header.stacked and bounds[3] is not None:
        # One column prints 変更前 over 変更後 (``Header.stacked``): an empty 変更前 column just
        # left of it (the 項目 label's right ruling is that column's left one too), so that its
        # whole cells go to 変更後 and are split there at their printed markers
        # (normalize/stacked_cells.py).
        bounds[2] = bounds[3] - STACKED_BEFORE_WIDTH_EM * hx
    # Fill the boundaries no label fixed from the neighbouring rulings.
    for _ in range(N_COLS):
        for i in range(N_COLS + 1):
            if bounds[i] is not None or (i - 1 in labels and i in labels):
                continue  # two labels with no ruling between them: the body's gap decides
            if i + 1 <= N_COLS and bounds[i + 1] is not None:
                cand = [x for x in xs if x < bounds[i + 1] - hx]  # type: ignore[operator]
                if cand and (i == 0 or bounds[i - 1] is None or cand[-1] > bounds[i - 1] + hx):  # type: ignore[operator]
                    bounds[i] = cand[-1]
            elif i - 1 >= 0 and bounds[i - 1] is not None:
                cand = [x for x in xs if x > bounds[i - 1] + hx]  # type: ignore[operator]
                if cand:
                    bounds[i] = cand[0]
    # No rulings there: the body's whitespace between the neighbouring labels.
    centres = {c: (a + b) / 2 for c, (a, b) in header.labels.items()}
    if bounds[0] is None and 0 in header.labels:
        bounds[0] = min([header.labels[0][0], *(ln.x0 for ln in body())]) - hx / 2
    for i in range(1, N_COLS):
        if bounds[i] is None and i - 1 in centres and i in centres:
            left_edge = centres[i - 1] if from_centres else max(header.labels[i - 1][1], centres[i - 1])
            g = _gap_range(body(), left_edge, header.labels[i][0], settings.column_gap_em * hx / 2)
            if g is None:
                # Cells packed tight (a spreadsheet's narrow padding): the text segments run on
                # over the boundary, but its characters leave a narrow gap there.
                words = [w for seg in body() for w in seg.words if w.text.strip()]
                g = _gap_range(words, left_edge, header.labels[i][0], WORD_GAP_EM * hx)  # type: ignore[arg-type]
            if g is None:
                opening = cells_opening(body(), left_edge, header.labels[i][0], settings.min_cell_openings)
                if opening is not None:
                    bounds[i] = opening - hx / 4
                else:
                    bounds[i] = (header.labels[i - 1][1] + header.labels[i][0]) / 2
                continue
            bounds[i] = (g[0] + g[1]) / 2
            if bounds[i - 1] is not None:
                # A label centred in its cell puts the cell's right edge as far right of the
                # label's centre as its left edge is left of it: where that falls in the gap, it
                # is the boundary (the text of this page may not fill the cell; the next page's
                # may, and it is read with these bounds).
                mirrored = 2 * centres[i - 1] - bounds[i - 1]  # type: ignore[operator]
                if g[0] - hx / 2 <= mirrored <= g[1] + hx / 2:
                    bounds[i] = min(max(mirrored, g[0]), g[1])
    if bounds[N_COLS] is None and N_COLS - 1 in header.labels:
        bounds[N_COLS] = max([header.labels[N_COLS - 1][1], *(ln.x1 for ln in body())]) + hx / 2
    if any(b is None for b in bounds):
        return None
    out = [float(b) for b in bounds]  # type: ignore[arg-type]
    return out if all(a < b for a, b in itertools.pairwise(out)) else None


def bounds_from_gaps(
    body: list[Line], hx: float, settings: GridSettings, step: float | None = None
) -> list[float] | None:
    """Seven boundaries from the five best whitespace valleys of the body: x ranges that few
    text segments cross (a few may, where an extractor shifted a line)."""
    if not body:
        return None
    step = step or hx / 4
    lo, hi = min(ln.x0 for ln in body), max(ln.x1 for ln in body)
    n = int((hi - lo) / step) + 1
    cover = [0] * n
    for ln in body:
        for k in range(int((ln.x0 - lo) / step), min(int((ln.x1 - lo) / step) + 1, n)):
            cover[k] += 1
    allowed = max(1, int(settings.gap_cross_share * len(body)))
    valleys: list[tuple[float, float, float]] = []  # (score, x0, x1)
    k = 0
    while k < n:
        if cover[k] <= allowed:
            j = k
            while j + 1 < n and cover[j + 1] <= allowed:
                j += 1
            width = (j - k + 1) * step
            if width >= settings.column_gap_em * hx / 2 and k > 0 and j < n - 1:
                crossing = sum(cover[k : j + 1]) / (j - k + 1)
                valleys.append((width - crossing * step, lo + k * step, lo + (j + 1) * step))
            k = j + 1
        else:
            k += 1
    if len(valleys) < N_COLS - 1:
        return None
    best = sorted(sorted(valleys, reverse=True)[: N_COLS - 1], key=lambda v: v[1])
    return [lo - hx / 2, *((a + b) / 2 for _, a, b in best), hi + hx / 2]


# A page with no label row and too few vertical rulings continues the table above when at most
# this share of its body's text segments runs over an inner boundary of the page before.
CONTINUED_CROSS_SHARE = 0.1


def fits_bounds(body: list[Line], bounds: list[float], hx: float, crossed: int = 1) -> bool:
    """Whether the text segments of ``body`` sit in the columns ``bounds`` (the page before's):
    inside the table's outer bounds, and few run over ``crossed`` inner boundaries or more by
    more than an em.  ``crossed=2`` for a page with no rulings, whose cells' text abuts (a date
    run into its item is one segment over one boundary; a note across the page runs over more)."""
    if not body:
        return False
    lo, hi = bounds[0] - hx, bounds[-1] + hx
    if any(ln.x0 < lo or ln.x1 > hi for ln in body):
        return False
    inner = bounds[1:-1]
    crossing = sum(1 for ln in body if sum(ln.x0 + hx < b < ln.x1 - hx for b in inner) >= crossed)
    return crossing <= CONTINUED_CROSS_SHARE * len(body)


def continues_columns(
    vxs: list[float], prev: list[float], body: Callable[[], list[Line]], hx: float, slack: float
) -> bool:
    """Whether a page with no label row, ruled at ``vxs`` (pt; maybe none), continues the table
    whose columns the page before has at ``prev``: ruled in those columns (``slack`` pt), or with
    no stray ruling and either ruled only in the table's outer box or its text (``body()``, made
    on first use) fitting the columns (``fits_bounds``; with no rulings at all a segment counts
    as crossing over two boundaries: a note printed across the page after the table is no row)."""
    matched = sum(1 for b in prev if any(abs(x - b) <= slack for x in vxs))
    if matched >= N_COLS - 1:
        return True
    if any(min(abs(x - b) for b in prev) > slack for x in vxs):
        return False
    box = all(any(abs(x - e) <= slack for x in vxs) for e in (prev[0], prev[-1]))
    return (bool(vxs) and box) or fits_bounds(body(), prev, hx, 1 if vxs else 2)


def shifted_columns(vxs: list[float], prev: list[float], slack: float) -> list[float] | None:
    """``prev`` (the page before's column bounds, pt) moved across by the one offset that puts at
    least ``N_COLS - 1`` of them on the rulings ``vxs`` (within ``slack``), when they do not stand
    there unmoved; None when no offset does (or none is needed).

    A page with no label row continues the table when it is ruled in its columns; a scan places
    each page a little differently (the two halves of a 2-in-1 sheet are cut at their gutter, a
    scanner's feed shifts a sheet), so the same columns stand some points to the side: set XXI
    t01's second half was ruled in the first's widths 10 pt further right, gave "no table columns
    found" and lost 7 rows.  Every column's width must agree, so a grid of other columns is no
    match."""
    if len(vxs) < N_COLS - 1:
        return None
    if sum(1 for b in prev if any(abs(x - b) <= slack for x in vxs)) >= N_COLS - 1:
        return None
    best: tuple[int, float] | None = None
    for d in sorted({x - b for x in vxs for b in prev}):
        matched = sum(1 for b in prev if any(abs(x - b - d) <= slack for x in vxs))
        if matched >= N_COLS - 1 and (best is None or matched > best[0]):
            best = (matched, d)
    return [b + best[1] for b in prev] if best is not None else None
