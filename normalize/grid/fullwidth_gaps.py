"""A full-width space inside a cell that ``pdftotext -layout`` printed as a column gap (``cell``
units): the pieces after it go back to their cell.

``pdftotext -layout`` prints a gap in the PDF as spaces; a full-width space (U+3000) inside a Calc
cell in a small font is a gap of a character or more, printed as two to four spaces, as wide as
the gap between two columns.  On a line whose 変更前 cell reads
``〇〇市市民部市民課　電話　03-1234-5111`` the pieces after the gaps (``電話``,
``03-1234-5111``) then read as the next column's first pieces, the next column's real text
(``〇〇市市民生活部…``) as their continuation.
What tells them apart is where the next column starts in that row: a left-aligned cell prints
all its lines at one offset (``pdftotext -layout`` places them by the x position of the cell's
left edge), so when the next printed line of the row opens that column exactly where a later
piece of this line stands, after a column gap, the pieces before that piece are the previous
cell's: a column gutter is the same down the cell, a full-width space is one character wide
inside it (issue 12, branch layout48; set VIII FAULTS kind 4, ``samples/office-layout48``).

Not on pages showing Word / Writer's autospace (a Writer list's hanging indent puts a cell's
later lines under the text after its marker), nor for a marker alone (``ア``, ``①``: a list's
opening, whose text stands after a gap), nor when the cell has no next line in the row (nothing
tells the two apart: the reading stands as it was).
"""

from __future__ import annotations

from ..chars import MARKER_ALONE
from .lines import Line

# The columns whose first pieces may be the previous column's text after a full-width space:
# 変更前 (after 項目) and 変更後 (after 変更前).
REGAP_COLUMNS = (2, 3)
# The widest gap (characters) that is one space between two pieces (``layout_text._is_soft``):
# a wider one is a column gap or a full-width space.
ONE_SPACE = 1.5
# How far (characters) the next line's opening may stand from the piece it lines up with.
SAME_START = 1.0
# How far left (characters) of that piece the pieces moved back must open (a cell's lines start
# at one offset, moved by a character or two).
MIN_SHIFT = 2.0
# The columns that open a new row on their line: 変更日 and 提出時期.
ROW_COLUMNS = (0, 4)


def _pieces(line: list[Line], cols: list[int], c: int) -> list[int]:
    return [i for i, k in enumerate(cols) if k == c]


def regap_fullwidth_spaces(segs: list[list[Line]], cols: list[list[int]]) -> list[list[int]]:
    """The columns of each line's pieces (``cols``, as ``layout_text._local_columns`` gives them
    for the lines ``segs``, top to bottom), with the pieces of a 変更前 / 変更後 cell's first
    printed line that stand before a full-width space gap moved to the previous column (module
    docstring): line ``j`` gives column ``c`` pieces ``p0 … pm …`` after a piece of column
    ``c - 1``; ``pm`` follows ``p(m-1)`` after a gap wider than one space; the next line, in
    the same row (no 変更日 or 提出時期 on it), opens column ``c`` within ``SAME_START`` of
    ``pm`` and prints nothing of it left of there; ``p0`` opens at least ``MIN_SHIFT`` left of
    ``pm``, after a gap wider than one space from column ``c - 1``'s last piece, and no piece
    moved is a list marker alone."""
    out = [list(cs) for cs in cols]
    for j in range(len(segs) - 1):
        line, cs = segs[j], out[j]
        nxt, ncs = segs[j + 1], out[j + 1]
        if any(k in ROW_COLUMNS for k in ncs):
            continue
        for c in REGAP_COLUMNS:
            own = _pieces(line, cs, c)
            before = _pieces(line, cs, c - 1)
            below = _pieces(nxt, ncs, c)
            if len(own) < 2 or not before or not below or before[-1] + 1 != own[0]:
                continue
            opening = nxt[below[0]].x0
            first = line[own[0]]
            if first.x0 - line[before[-1]].x1 <= ONE_SPACE or abs(first.x0 - opening) <= SAME_START:
                continue
            m = next(
                (
                    n
                    for n in range(1, len(own))
                    if abs(line[own[n]].x0 - opening) <= SAME_START
                    and line[own[n]].x0 - line[own[n - 1]].x1 > ONE_SPACE
                ),
                None,
            )
            if m is None or opening - first.x0 < MIN_SHIFT:
                continue
            moved = own[:m]
            if any(MARKER_ALONE.match(line[i].text.strip()) for i in moved):
                continue
            for i in moved:
                cs[i] = c - 1
    return out
