"""A column gutter that ``pdftotext -layout`` squeezed to one space on some lines of a row, kept
wide on others (``cell`` units): the piece at the gutter opens the next column.

``pdftotext -layout`` places a row's lines by character counts from the text to their left, so a
Calc row whose before cell's lines are full (``ホームページへの掲載``, ``及び市民課窓口での閲``)
prints its after cell's lines one space after them, at one offset (26), while the row's last
line, whose before cell's text is short (``覧``), prints the after cell's text (``載``) at that
same offset after a wide gap.  The one-space pieces read as the before cell's continuation
(``ホームページへの掲載 市ホームページ及び情``, the after cell left with ``載``).  A column's
lines within a cell start at one offset: a piece one space after the previous one, standing
exactly where a nearby line opens the next column after a wide gap, opens that column too
(issue 12, branch layout48, set VII FAULTS: a wrong row at 0.916 with no flag).
"""

from __future__ import annotations

from ..dates import DATE_AT_START
from .lines import Line

# The columns a one-space piece may open: 変更前 (after 項目) and 変更後 (after 変更前).
GUTTER_COLUMNS = (2, 3)
# The widest gap (characters) that is one space between two pieces (``layout_text._is_soft``).
ONE_SPACE = 1.5
# How far (characters) a piece may stand from the wide-gap opening it lines up with.
SAME_OFFSET = 0.5
# How many lines above and below are looked at for that opening (a cell's lines).
GUTTER_WINDOW = 2
# How many other lines of the row must print a piece at the gutter (the wide-gap opening's
# among them): one such line alone may stand there by chance.
GUTTER_LINES = 2


def _hard_openings(line: list[Line], cols: list[int]) -> list[tuple[int, float]]:
    """(column, offset) of the pieces that open a column after a wide gap (not the line's first)."""
    return [
        (cols[i], p.x0)
        for i, p in enumerate(line)
        if i > 0 and cols[i] != cols[i - 1] and p.x0 - line[i - 1].x1 > ONE_SPACE
    ]


def _opens_row(line: list[Line], cols: list[int]) -> bool:
    """The line prints a date in the 変更日 column: the first line of a row of top-aligned cells."""
    return any(c == 0 and DATE_AT_START.match(p.text) for p, c in zip(line, cols, strict=True))


def _same_row(j: int, jj: int, opens: list[bool]) -> bool:
    """Lines ``j`` and ``jj`` may be one row's: no date opens a row between them (above ``j``:
    nor on ``j``; a line below may be the date's own, a date centred or at the foot)."""
    if jj < j:
        return not any(opens[jj + 1 : j + 1])
    return not any(opens[j + 1 : jj])


def open_at_gutters(segs: list[list[Line]], cols: list[list[int]]) -> list[list[int]]:
    """The columns of each line's pieces (``cols`` for the lines ``segs``, top to bottom), a
    piece that follows the previous one after one space in column ``c - 1`` (``c`` of
    ``GUTTER_COLUMNS``) moved to column ``c``, with the rest of that column's pieces on its
    line, when a line of its row within ``GUTTER_WINDOW`` opens column ``c`` after a wide gap
    within ``SAME_OFFSET`` of it and at least ``GUTTER_LINES`` lines of its row print a piece
    there (module docstring).  A row ends at a date (``_same_row``): another row's lines are
    placed from other text to their left."""
    hard = [_hard_openings(line, cs) for line, cs in zip(segs, cols, strict=True)]
    opens = [_opens_row(line, cs) for line, cs in zip(segs, cols, strict=True)]
    out = [list(cs) for cs in cols]
    for j, line in enumerate(segs):
        cs = out[j]
        window = [
            jj
            for jj in range(max(0, j - GUTTER_WINDOW), min(len(segs), j + GUTTER_WINDOW + 1))
            if jj != j and _same_row(j, jj, opens)
        ]
        for i in range(1, len(line)):
            c = cs[i] + 1
            x = line[i].x0
            if c not in GUTTER_COLUMNS or cs[i - 1] != c - 1 or x - line[i - 1].x1 > ONE_SPACE:
                continue
            if not any(k == c and abs(hx - x) <= SAME_OFFSET for jj in window for k, hx in hard[jj]):
                continue
            if sum(any(abs(p.x0 - x) <= SAME_OFFSET for p in segs[jj]) for jj in window) < GUTTER_LINES:
                continue
            for n in range(i, len(line)):
                if cs[n] != c - 1:
                    break
                cs[n] = c
    return out
