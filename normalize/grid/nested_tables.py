"""A table nested inside a cell (Word: a boxed list inside a 変更前 / 変更後 cell): its grid is not the
outer table's columns.

A Word cell may hold a table of its own: a ［○］ list as a one-column boxed table, or a cell's text
in a box.  Its walls stand inside the outer cell, and when the nested table's left wall lies where
the cell's text starts, the 変更前 label's left edge took it for the column's wall and the next one
for its right wall: both 変更前's and 変更後's nested tables were read into 変更前, interleaved line
by line, 変更後 left empty (set XXXIV n08: 7 rows of 13, ``column_guess``).

A wall of the outer grid crosses the label row.  A vertical ruling below the label row only is a
nested table's when its segments are closed at neither end by a row ruling of the outer grid: a
horizontal ruling at that end that reaches the outer walls on both sides of it (within
``GridSettings.ruling_merge_em``).  A sub-column ruled inside a field's column runs from row
ruling to row ruling (``sub_columns``: named, or kept with a ``column_guess``); a nested table's
walls end at its own top and bottom rules, which stop at its walls, inside the outer cell's
margins.  The nested table's walls and its horizontal rules (those ending at its walls) are left
out of the page's rulings: its rows are lines of the outer cell, its columns the cell's text.
A page without a label row keeps its rulings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from piatable.models import PageWords
from piatable.settings import GridSettings

from .ruling_clusters import below_header, vertical_rulings

if TYPE_CHECKING:
    from .labels import Header

Segment = tuple[float, float, float, float]


def _closes(y: float, x: float, left: float, right: float, hs: list[Segment], tol: float) -> bool:
    """Whether the horizontal rulings of ``hs`` at ``y`` run from the outer wall ``left`` to the
    outer wall ``right`` across ``x`` (an outer row ruling ending the wall's segment there).  A
    row ruling drawn cell by cell (Chromium draws each cell's border: office-timing60's 事前 | 事後
    sub-columns) counts as one where its pieces meet within ``tol``."""
    spans = sorted((min(x0, x1), max(x0, x1)) for x0, t, x1, b in hs if abs((t + b) / 2 - y) <= tol)
    reach = None  # the right end of the run of pieces that starts at the left wall
    for lo, hi in spans:
        if reach is None:
            reach = hi if lo <= left + tol else None
        elif lo <= reach + tol:
            reach = max(reach, hi)
        if reach is not None and reach >= right - tol:
            return True
    return False


def table_walls(
    page: PageWords, header: Header | None, hx: float, hy: float, settings: GridSettings
) -> tuple[PageWords, list[tuple[float, float, float]]]:
    """``page`` less the rulings of tables nested in its cells, and its vertical rulings (x, top,
    bottom; clustered) that reach down to the label row ``header`` (``below_header``), nested
    tables' walls left out (module docstring).  ``hx``/``hy``: the page's ems (page units)."""
    verticals = below_header(vertical_rulings(page, hx, hy, settings), header, hy)
    if header is None or len(verticals) < 2:
        return page, verticals
    tol = settings.ruling_merge_em * hx
    band = header.bottom - hy / 2
    outer = sorted(x for x, top, _ in verticals if top <= band)
    if len(outer) < 2:  # no two walls cross the label row (office-gnumeric52 g52-5: none)
        return page, verticals
    inner = [v for v in verticals if v[1] > band and outer[0] + tol < v[0] < outer[-1] - tol]
    if not inner:
        return page, verticals
    thick = settings.ruling_thickness_em * hx
    vs = [s for s in page.rulings if abs(s[2] - s[0]) <= thick]
    hs = [s for s in page.rulings if abs(s[3] - s[1]) <= settings.ruling_thickness_em * hy]
    nested: list[float] = []
    for x, _, _ in inner:
        left = max(o for o in outer if o < x)
        right = min(o for o in outer if o > x)
        segs = [s for s in vs if abs((s[0] + s[2]) / 2 - x) <= tol and min(s[1], s[3]) > band]
        closed = sum(
            _closes(min(s[1], s[3]), x, left, right, hs, tol)
            and _closes(max(s[1], s[3]), x, left, right, hs, tol)
            for s in segs
        )
        if segs and 2 * closed < len(segs):
            nested.append(x)
    if not nested:
        return page, verticals
    xs = sorted(nested)

    def at_wall(x: float) -> bool:
        return any(abs(x - n) <= tol for n in xs)

    def is_nested(s: Segment) -> bool:
        x0, t, x1, b = s
        if abs(x1 - x0) <= thick:
            return at_wall((x0 + x1) / 2) and min(t, b) > band
        # A nested table's rule: an end at its wall, short of the outer walls around it.
        lo, hi = min(x0, x1), max(x0, x1)
        mid = (lo + hi) / 2
        left = max((o for o in outer if o < mid), default=lo)
        right = min((o for o in outer if o > mid), default=hi)
        return (at_wall(lo) or at_wall(hi)) and (lo > left + tol or hi < right - tol)

    kept = [s for s in page.rulings if not is_nested(s)]
    return replace(page, rulings=kept), [v for v in verticals if v[0] not in nested]
