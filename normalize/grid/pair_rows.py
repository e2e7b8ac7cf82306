"""Rows that print only their 変更前 / 変更後 beside a 項目, 提出時期 and 説明 merged over them
(branch pairs57, set XVIII kind 4), read out of the row they were glued to.

A change amending two or three values under one 項目 is often typed as rows whose 項目, 提出時期
and 説明 cells (and 変更日) are merged: layout text (``pdftotext -layout``, pdfplumber
``layout=True``, pypdf layout mode, PyMuPDF ``sort=True``) prints the merged values once, and the
second row has no date, no 項目 path (Ⅰ…Ⅵ) and no 提出時期 to anchor it: its 変更前 / 変更後 come
out as more lines of the first row's.  Its lines give it away by where they stand, the cells
being at the top of their rows: its 変更前 and 変更後 open on one printed line, below a blank
line of a body column (a row's foot and the next row's cell padding: no before / after cell of
the samples' 46,976 holds a blank paragraph), every body column's text above it closed (no line
running on, full to the column's wrap).  Such a block is read as a row of its own taking the
row's 変更日, 項目, 提出時期 and 説明 (``merged_cell_filled``); a 項目 / 提出時期 / 説明 line
opening level with the block after a blank line of its own column is the block's own.  Where a
body column printing both above and in the block runs on with no blank line (its line above
ends a sentence or a value), the block is still read apart, in doubt (``SPLIT_GUESS_WHY``): one
cell's paragraphs would look so too.

One cell's paragraphs print apart as well (branch cellsplit58): Writer's paragraph spacing, or a
line of another column printed between two of a cell's (cells centred beside top-aligned ones)
leaves a blank line in every column.  The text tells them from a row's foot: a body column
whose line above the block wraps on into it (full to the column's wrap, no sentence's end, the
block's line opening no paragraph: ``Line.wraps_on``) or whose block opens list entry k+1 of a
list whose entry k it printed above (``(1)…`` / ``(2)…``) continues its cell: every body column
so, no row; one only, a row in doubt (a cell clipped at its row's foot, a list split over
rows).  A merged 説明 / 提出時期 line level with the block that continues its line above across
the blank line says the blank line is inside the cells: no row.  A block beside a date of its
own is a dated row the rows' anchoring missed: read apart with each column's lines its own.
"""

from __future__ import annotations

import itertools

from ..chars import SENTENCE_END
from ..cut_checks import torn_numbering
from .lines import Line

DATE_COLUMN = 0
ITEM_COLUMN = 1
BODY_COLUMNS = (2, 3)  # 変更前, 変更後: every row prints its own
TIMING_COLUMN = 4
EXPLANATION_COLUMN = 5
MERGED_COLUMNS = (DATE_COLUMN, ITEM_COLUMN, TIMING_COLUMN, EXPLANATION_COLUMN)

# A column's line stands apart from its line above when the step between them is wider than
# the column's own line step by this many line heights (one blank printed line; the rule of
# ``lone_explanations.LONE_GAP_EM``).
PAIR_GAP_EM = 0.8
# Two body columns open the block on one printed line when their first lines' tops are within
# this many line heights.
LEVEL_EM = 0.5
# What a closed line of a body cell ends with besides a sentence's end: a bracket, a value.
_CLOSED_ENDINGS = frozenset("）)」』］]＞>】")

SPLIT_GUESS_WHY = (
    "its 変更前 / 変更後 open on one line below the row above's, after a blank line in one column "
    "only: read as a row of its own under a 項目 merged over both, which is a guess (one cell's "
    "paragraphs print so too)"
)

Row = dict[int, list[Line]]


def _closed(line: Line) -> bool:
    """The line ends its cell's paragraph: not running on (``runs_on``), ending a sentence, a
    bracket or a number."""
    text = line.text.rstrip()
    return bool(text) and not line.runs_on and (text[-1] in SENTENCE_END or text[-1] in _CLOSED_ENDINGS)


def _step(lines: list[Line], hy: float) -> float:
    """The column's widest ordinary step from a line to the next (at least a line height, at
    most two: wider steps are the blank lines looked for)."""
    steps = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top - a.top < 2 * hy]
    return max([hy, *steps])


def _apart(above: Line, below: Line, step: float, hy: float) -> bool:
    return below.top - above.top >= step + PAIR_GAP_EM * hy


def _cut(row: Row, hy: float) -> tuple[float, bool] | None:
    """The top of the first block of the body columns that opens a row of its own (module
    docstring), and whether every body column printing on both sides shows the blank line."""
    body = {c: sorted(row.get(c, []), key=lambda ln: ln.top) for c in BODY_COLUMNS}
    lines = [ln for ls in body.values() for ln in ls]
    if len(lines) < 2 or len({ln.page for ln in lines}) != 1:
        return None
    for ls in body.values():
        step = _step(ls, hy)
        for a, b in itertools.pairwise(ls):
            if not _apart(a, b, step, hy):
                continue
            y0 = b.top
            sure, ok = True, not _opens_at(row, y0, hy)
            joined = both = 0
            for ols in body.values():
                up = [ln for ln in ols if ln.top < y0 - LEVEL_EM * hy]
                down = [ln for ln in ols if ln.top >= y0 - LEVEL_EM * hy]
                if not ok or not down or abs(down[0].top - y0) > LEVEL_EM * hy:
                    ok = False  # the column opens no paragraph level with the block
                    break
                if not up:
                    continue
                both += 1
                joined += _continues(up, down[0])
                if not _apart(up[-1], down[0], _step(ols, hy), hy):
                    if not _closed(up[-1]):
                        ok = False
                        break
                    sure = False
            if ok and joined:
                # The block's line continues its column's text above (every such column: one
                # cell's paragraphs spaced apart, no row), or one column's only (a cell clipped
                # at its row's foot, a list split over rows: in doubt).
                ok, sure = joined < both, False
            if ok and _runs_across(row, y0, hy):
                ok = False
            if ok:
                return y0, sure
    return None


def _continues(up: list[Line], first: Line) -> bool:
    """The block's first line ``first`` of a body column continues the column's text above it
    (``up``, top down): the line above wraps on into it (``Line.wraps_on``: full to the
    column's wrap, no sentence's end, ``first`` opening no paragraph), or ``first`` opens list
    entry k+1 of a list whose entry k, in the same style, opens a line above
    (``cut_checks.torn_numbering``: ``(1)…`` / ``(2)…``)."""
    return up[-1].wraps_on or bool(torn_numbering([ln.text.strip() for ln in up], [first.text.strip()]))


def _opens_at(row: Row, y0: float, hy: float) -> bool:
    """The row's 項目 prints a line level with ``y0`` after a blank line of its own: the blank
    line runs across the whole row (a taller line beside it: a vertical 提出時期), no row's foot."""
    return _level_after_blank(row, ITEM_COLUMN, y0, hy)


def _level_after_blank(row: Row, c: int, y0: float, hy: float) -> bool:
    """Column ``c`` of ``row`` prints a line level with ``y0`` after a blank line of its own."""
    col = sorted(row.get(c, []), key=lambda ln: ln.top)
    step = _step(col, hy)
    pairs = itertools.pairwise(col)
    return any(abs(b.top - y0) <= LEVEL_EM * hy and _apart(a, b, step, hy) for a, b in pairs)


def _runs_across(row: Row, y0: float, hy: float) -> bool:
    """A merged column's line level with ``y0``, after a blank line of its own column, continues
    the line above it (``Line.wraps_on``): the blank line is the printing's, inside one cell
    (a line of another column printed between), not the foot of a row (``_split`` would give
    that line to the block)."""
    for c in (TIMING_COLUMN, EXPLANATION_COLUMN):
        col = sorted(row.get(c, []), key=lambda ln: ln.top)
        step = _step(col, hy)
        for a, b in itertools.pairwise(col):
            if abs(b.top - y0) <= LEVEL_EM * hy and _apart(a, b, step, hy) and a.wraps_on:
                return True
    return False


def _split(row: Row, y0: float, hy: float) -> tuple[Row, Row]:
    """``row`` less the lines from ``y0`` down, and the block's own row: its body lines, and
    of each merged column the lines opening level with the block after a blank line of their
    own column, or else the row's (a merged cell's value, printed once)."""
    edge = y0 - LEVEL_EM * hy
    # A block beside a date of its own is a dated row the rows' anchoring missed: no cell of the
    # row above is merged over it, each column's lines from the block down are its own.
    dated = _level_after_blank(row, DATE_COLUMN, y0, hy)
    kept: Row = {}
    new: Row = {}
    for c, lines in row.items():
        ls = sorted(lines, key=lambda ln: ln.top)
        up = [ln for ln in ls if ln.top < edge]
        down = [ln for ln in ls if ln.top >= edge]
        if c in BODY_COLUMNS:
            kept[c], new[c] = up, down
            continue
        own = bool(up and down) and abs(down[0].top - y0) <= LEVEL_EM * hy and _apart(up[-1], down[0], hy, hy)
        if own or dated:
            kept[c], new[c] = up, down
        else:
            kept[c], new[c] = list(ls), list(ls)
    return {c: v for c, v in kept.items() if v}, {c: v for c, v in new.items() if v}


def pair_rows(row: Row, hy: float) -> list[tuple[Row, str | None]]:
    """``row`` as one or more rows (top to bottom), each with why it is in doubt (or None): each
    block of its 変更前 / 変更後 that opens a row of its own under merged 項目 / 提出時期 / 説明
    cells is read apart (module docstring).  A row without a 項目 of its own is left whole."""
    if not row.get(ITEM_COLUMN):
        return [(row, None)]
    found = _cut(row, hy)
    if found is None:
        return [(row, None)]
    y0, sure = found
    kept, new = _split(row, y0, hy)
    if not any(kept.get(c) for c in BODY_COLUMNS):
        return [(row, None)]
    return [(kept, None), *((r, why or (None if sure else SPLIT_GUESS_WHY)) for r, why in pair_rows(new, hy))]


def shares_merged(a: Row, b: Row) -> bool:
    """Row ``b`` holds some of row ``a``'s very lines in a merged column (a value printed once)."""
    return any(
        any(x is y for x in a.get(c, []) for y in b.get(c, [])) for c in MERGED_COLUMNS if c != DATE_COLUMN
    )


def parted(pieces: list[tuple[Row, str | None]], n: int) -> bool:
    """Piece ``n`` of ``pair_rows``' answer was read apart from each neighbouring piece surely
    (a blank line across both body columns): no cut of one printed row in doubt."""
    return len(pieces) > 1 and all(pieces[m][1] is None for m in (n, n + 1) if 0 < m < len(pieces))


def split_pair_rows(
    rows: list[Row], spans: list[tuple[float, float]], doubts: dict[int, str], hy: float
) -> tuple[list[Row], list[tuple[float, float]], dict[int, str], set[int], set[int]]:
    """Rows anchored at their 項目 paths (``spans``: each row's extent; ``doubts``: row → why)
    with each block of 変更前 / 変更後 that is a row of its own read apart (``pair_rows``): the
    rows, their spans (a block's row spans its body lines), the doubts re-indexed, the rows that
    share merged cells (``merged_cell_filled``) and those read apart surely (``parted``)."""
    out: list[Row] = []
    out_spans: list[tuple[float, float]] = []
    out_doubts: dict[int, str] = {}
    shared: set[int] = set()
    sure: set[int] = set()
    for k, row in enumerate(rows):
        pieces = pair_rows(row, hy)
        if k in doubts:
            out_doubts.setdefault(len(out), doubts[k])
        for n, (piece, why) in enumerate(pieces):
            if why:
                out_doubts.setdefault(len(out), why)
            body = [ln for c in BODY_COLUMNS for ln in piece.get(c, [])]
            if len(pieces) > 1:
                shared.add(len(out))
            if parted(pieces, n):
                sure.add(len(out))
            out_spans.append(
                spans[k]
                if len(pieces) == 1 or not body
                else (
                    spans[k][0] if n == 0 else min(ln.top for ln in body),
                    max(ln.bottom for ln in body) if n < len(pieces) - 1 else spans[k][1],
                )
            )
            out.append(piece)
    return out, out_spans, out_doubts, shared, sure
