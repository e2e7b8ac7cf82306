"""A 変更前 and 変更後 cell merged into one across a ruled row (issues 11 / 12).

A table may print a note that concerns both sides in one cell spanning the 変更前 and 変更後 columns
(「（記載の整理）」 and a sentence across both): the ruling between the two columns stops above the
row and starts again below it.  Read column by column, the sentence is cut at the missing
ruling's place into a before and an after that were never two cells (a new user's Calc table,
set XI c5: a wrong row at confidence 0.96 with no flag).  Such a row's text is one cell: kept
whole as its 変更前 (what the cell prints first), 変更後 left empty, with a ``column_guess`` that
says so — which of the two a merged cell "is" the table does not say.
"""

from __future__ import annotations

from piatable.models import PageWords
from piatable.settings import GridSettings

from .common import PageRows, covered_length
from .lines import words_to_lines

BEFORE, AFTER = 2, 3
# A row counts as merged across when the ruling at the 変更前 | 変更後 boundary covers less than
# this share of its height, while other rows of the page have it.
MERGED_ACROSS_SHARE = 0.2
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
    cell (lines remade across both columns), the 変更後 cell empty, each word marked with why
    (``Word.guess``: the grid's ``column_guess``).  Rows whose before or after cell spans
    several rows are left alone."""
    segments = _boundary_segments(page, res.bounds[AFTER], hx, hy, gs)
    if not segments:
        return
    left, right = res.bounds[BEFORE], res.bounds[AFTER + 1]
    for r in range(len(ys) - 1):
        top, bottom = ys[r], ys[r + 1]
        cells = res.rows[r]
        after = cells.get(AFTER) or []
        if bottom <= top or not after or any(res.spans[r].get(c) != (r, r + 1) for c in (BEFORE, AFTER)):
            continue
        if covered_length(segments, top, bottom) >= MERGED_ACROSS_SHARE * (bottom - top):
            continue
        words = [w for ln in (cells.get(BEFORE) or []) + after for w in ln.words]
        for w in words:
            w.guess = WHY
        lines = words_to_lines(words, hx, hy, gs, plain)
        for ln in lines:
            ln.column, ln.left, ln.width = BEFORE, left, right - left
        if lines:
            lines[-1].reaches_bottom = after[-1].reaches_bottom
        cells[BEFORE], cells[AFTER] = lines, []
