"""A 変更前 and 変更後 cell merged into one across a ruled row (issues 11 / 12).

A table may print a note that concerns both sides in one cell spanning the 変更前 and 変更後 columns
(「（記載の整理）」 and a sentence across both): the ruling between the two columns stops above the
row and starts again below it.  Read column by column, the sentence is cut at the missing
ruling's place into a before and an after that were never two cells (a new user's Calc table,
set XI c5: a wrong row at confidence 0.96 with no flag).  Such a row's text is one cell: kept
whole as its 変更前 (what the cell prints first, the convention of the new users' truths),
変更後 left empty.  When the rulings prove the merge (the boundary's ruling is absent over the
row, the merged cell's own sides are drawn, no ruling of other columns crosses the row:
``_proven``) the row needs no flag; else (a piece of that ruling drawn in the row, or a row
ruled in other columns than those read: another table's) a ``column_guess`` says it is a guess.
"""

from __future__ import annotations

from bisect import bisect_left

from piatable.models import PageWords
from piatable.settings import GridSettings

from .common import PageRows, covered_length
from .lines import words_to_lines

BEFORE, AFTER = 2, 3
# A row counts as merged across when the ruling at the 変更前 | 変更後 boundary covers less than
# this share of its height, while other rows of the page have it.
MERGED_ACROSS_SHARE = 0.2
# The rulings prove the merge when the boundary's ruling covers at most this share of the row's
# height (the ends of the segments above and below it, a line's width into the row: 0–2 % in
# samples/office-across49 and heldout-across49, LibreOffice Calc): then the row carries no
# ``column_guess``.  Between this and MERGED_ACROSS_SHARE a piece of the ruling is drawn in
# the row, and the merge stays a guess.
MERGED_ACROSS_CLEAR_SHARE = 0.05
# ... and when the merged cell's own sides (the rulings at the 変更前 column's left and the 変更後
# column's right) are drawn over at least this share of the row's height: a row read in another
# table's columns (two tables of other widths on one page, samples/office-twotables50 before
# page_tables) lacks them, and its "merge" is no merge.
MERGED_ACROSS_SIDES_SHARE = 0.8
WHY = (
    "変更前 and 変更後 are one cell in this row (no ruling between them): its text is kept whole "
    "as the before"
)


def _boundary_segments(
    page: PageWords, x: float, hx: float, hy: float, gs: GridSettings
) -> list[tuple[float, float]]:
    """The (top, bottom) of each vertical ruling segment drawn at ``x`` (not clustered: the
    gaps between segments are what this module looks for)."""
    thick, min_len, near = gs.ruling_thickness_em * hx, gs.min_ruling_em * hy, gs.ruling_merge_em * hx
    return [
        (min(t, b), max(t, b))
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= thick and abs(b - t) >= min_len and abs((x0 + x1) / 2 - x) <= near
    ]


def _stray_verticals(
    page: PageWords, bounds: list[float], hx: float, hy: float, gs: GridSettings
) -> list[tuple[float, float]]:
    """The (top, bottom) of each vertical ruling segment of the page that stands at none of the
    column ``bounds`` (another table's rulings, or rulings the columns were not read from)."""
    thick, min_len, near = gs.ruling_thickness_em * hx, gs.min_ruling_em * hy, gs.ruling_merge_em * hx
    ordered = sorted(bounds)
    return [
        (min(t, b), max(t, b))
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= thick and abs(b - t) >= min_len and _far_from_all((x0 + x1) / 2, ordered, near)
    ]


def _far_from_all(x: float, ordered: list[float], near: float) -> bool:
    """``all(abs(x - b) > near for b in ordered)``, ``ordered`` sorted: only the bounds either
    side of ``x`` are the nearest (rounding keeps the differences in order)."""
    k = bisect_left(ordered, x)
    return (k == len(ordered) or abs(x - ordered[k]) > near) and (k == 0 or abs(x - ordered[k - 1]) > near)


def join_merged_across(
    res: PageRows,
    page: PageWords,
    ys: list[float],
    hx: float,
    hy: float,
    gs: GridSettings,
    plain: bool | None,
) -> None:
    """Rows of ``res`` (between the rulings at ``ys``, page units) whose 変更前 | 変更後 ruling is
    missing while the page rules that boundary elsewhere: the two cells' words become one 変更前
    cell (lines remade across both columns), the 変更後 cell empty; unless the rulings prove it
    (``MERGED_ACROSS_CLEAR_SHARE``), each word marked with why (``Word.guess``: the grid's
    ``column_guess``).  Rows whose before or after cell spans
    several rows are left alone."""
    segments = _boundary_segments(page, res.bounds[AFTER], hx, hy, gs)
    if not segments:
        return
    left, right = res.bounds[BEFORE], res.bounds[AFTER + 1]
    sides = [_boundary_segments(page, x, hx, hy, gs) for x in (left, right)]
    stray = _stray_verticals(page, res.bounds, hx, hy, gs)
    for r in range(len(ys) - 1):
        top, bottom = ys[r], ys[r + 1]
        cells = res.rows[r]
        after = cells.get(AFTER) or []
        if bottom <= top or not after or any(res.spans[r].get(c) != (r, r + 1) for c in (BEFORE, AFTER)):
            continue
        share = covered_length(segments, top, bottom) / (bottom - top)
        if share >= MERGED_ACROSS_SHARE:
            continue
        words = [w for ln in (cells.get(BEFORE) or []) + after for w in ln.words]
        if not _proven(share, sides, stray, top, bottom):
            for w in words:
                w.guess = WHY
        lines = words_to_lines(words, hx, hy, gs, plain)
        for ln in lines:
            ln.column, ln.left, ln.width = BEFORE, left, right - left
        if lines:
            lines[-1].reaches_bottom = after[-1].reaches_bottom
        cells[BEFORE], cells[AFTER] = lines, []


def _proven(
    share: float,
    sides: list[list[tuple[float, float]]],
    stray: list[tuple[float, float]],
    top: float,
    bottom: float,
) -> bool:
    """Whether the rulings prove the row's merge across 変更前 | 変更後: the boundary's ruling
    covers at most ``MERGED_ACROSS_CLEAR_SHARE`` of the row's height (``share``) and each of the
    cell's outer sides (``sides``: segments at the 変更前 column's left, the 変更後 column's
    right) at least ``MERGED_ACROSS_SIDES_SHARE`` of it, and no vertical ruling off the table's
    column boundaries (``stray``: (top, bottom) of each) crosses the row (page units)."""
    height = bottom - top
    if any(t < (top + bottom) / 2 < b for t, b in stray):
        return False  # the row is ruled in other columns: the table's columns may not be its
    return share <= MERGED_ACROSS_CLEAR_SHARE and all(
        covered_length(segs, top, bottom) >= MERGED_ACROSS_SIDES_SHARE * height for segs in sides
    )
