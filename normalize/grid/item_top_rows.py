"""Rows anchored at 項目 paths printed at the top of their rows beside a body at another height
(issue 10, branch layout23).

A table whose 変更日 is merged over several rows is read row by row at its 項目 paths (Ⅰ…Ⅵ),
each path's lines a span (``anchored._rows_from_paths``), every column fitted to those spans
by one alignment.  A Writer table whose item cells stand at the top of their rows and whose
other cells at the foot (each column its own vertical alignment, or an item long enough to
fill its row while the body is bottom-aligned) fits no one alignment: read bottom-aligned, each
row's body (below its item) lands in the next row's span; read top-aligned, it stands far from
its item's first line.  On such a table (samples/office-layout23 ``*-b-writer-*``) every row
after the first took the row above's 変更前 / 変更後 / 説明, all flagged ``row_split_guess``.

Here each row runs from its path's first line to the line before the next path's (the path
opens its row), the item column read top-aligned, 変更前 and 変更後 by the one alignment that fits
them best, and 提出時期 and 説明 (which a merged cell may leave blank) by the body's too, so that
a merged value is handed to the rows it covers the way the body stands.  The reading is taken
only where the body is not at the top (else it is the one-alignment reading), no item line
stands above the first path (``ITEM_TOP_SLACK_LINES``) and it costs less than the
one-alignment reading by more than ``ITEM_TOP_MARGIN_LINES``: centred, top- or bottom-aligned
tables fit one alignment already and keep it.  ``変更日`` keeps the one-alignment reading (a
merged date centred on its rows is handed out by ``merged_sources.fill_sources``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from .line_groups import group_lines
from .lines import Line

# The per-column reading must beat the one-alignment reading by this many line heights (summed
# over the columns 項目 … 説明) before it is taken: a line or two is the extractor's rounding.
ITEM_TOP_MARGIN_LINES = 2.0
# The item column must fit the row spans top-aligned within this many line heights in all (item
# lines above the first path: a row continued from the page before).
ITEM_TOP_SLACK_LINES = 0.5
MODES = ("top", "centre", "bottom")
BODY_COLUMNS = (2, 3)
# The columns read here (変更日 stays with the one-alignment reading: a merged date centred on
# its rows is placed by ``merged_sources.fill_sources``).
READ_COLUMNS = (1, 2, 3, 4, 5)


def path_row_spans(
    cols: dict[int, list[Line]], paths: list[tuple[float, float]], hy: float
) -> list[tuple[float, float]]:
    """Each row's extent when its path opens it: from the path's first line to a quarter line
    above the next path's (the last to the page's last line), in the lines' units."""
    bottom = max(ln.bottom for lines in cols.values() for ln in lines)
    spans = [(top, nxt - hy / 4) for (top, _), (nxt, _) in itertools.pairwise(paths)]
    spans.append((paths[-1][0], max(bottom, paths[-1][1])))
    return spans


def item_top_reading(
    cols: dict[int, list[Line]],
    paths: list[tuple[float, float]],
    hy: float,
    blanks: list[float],
    whole_value: Callable[[int], Callable[[str], bool] | None],
    single: dict[int, float],
) -> tuple[list[tuple[float, float]], dict[int, str], dict[int, list[int]]] | None:
    """The rows read with each path opening its row (module docstring): (row spans, each read
    column's alignment, each read column's row per line), or None where the item column does
    not fit it top-aligned (item lines above the first path: a row continued from the page
    before), the body fits best at the top, or the reading does not beat the one-alignment
    reading, whose cost per column is ``single`` (line heights, ``line_groups.group_lines``), by
    ``ITEM_TOP_MARGIN_LINES``.  ``paths``: the item paths' extents (``anchored._section_spans``);
    ``whole_value``: column → its test of a whole one-line value (or None)."""
    if len(paths) < 2:
        return None
    spans = path_row_spans(cols, paths, hy)
    fits: dict[int, dict[str, tuple[float, list[int]]]] = {}
    for c in READ_COLUMNS:
        lines = cols.get(c, [])
        fits[c] = {m: group_lines(lines, spans, m, hy, blanks, whole_value(c), lead=False) for m in MODES}
    if fits[1]["top"][0] > ITEM_TOP_SLACK_LINES:
        return None
    body = min(MODES, key=lambda m: sum(fits[c][m][0] for c in BODY_COLUMNS))
    if body == "top":
        return None  # the body at the top too: the one-alignment reading is that
    modes = {1: "top", **{c: body for c in READ_COLUMNS[1:]}}
    cost = sum(fits[c][modes[c]][0] for c in READ_COLUMNS)
    if cost >= sum(single.get(c, 0.0) for c in READ_COLUMNS) - ITEM_TOP_MARGIN_LINES:
        return None
    # Without ``lead`` every line gets a row (none is left above the first path).
    return spans, modes, {c: fits[c][modes[c]][1] for c in READ_COLUMNS}
