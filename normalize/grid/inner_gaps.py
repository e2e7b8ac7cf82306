"""A full-width space inside a cell's line that ``pdftotext -layout`` printed as a gap wide enough
to read as a column gutter, the piece after it short of the next column (``cell`` units): the
piece stays in its cell.

``pdftotext -layout`` prints a full-width space (U+3000) of the PDF as a run of ASCII spaces, five
or six of them where Gnumeric (``ssconvert``) draws a cell in 11 pt, and places each piece at
least one space after the text to its left, so a long line pushes its later pieces right.  On the
third line of Gnumeric's after cell ``○○市総務部行政経営課　情報公`` / ``開係`` the piece after the
space (``情報公``, at 61) stood six spaces after ``…行政経営課`` and was read as the 説明 cell's
opening (its start 69; continuing a cell after a gutter-wide gap costs more than opening one eight
characters off): the after cell lost ``情報公`` and the explanation gained it as a second
paragraph, with no flag (set XIII t10 row 5, FAULTS kind 3, branch gnumeric52).

A piece that ends before the next column even starts, well left of the column it was given, and
was given a column beyond that next one (the after cell's ``情報公`` read as the 説明's, past the
narrow 提出時期), lies wholly inside the previous piece's column: it is the rest of that cell
after a space of the text.  A piece given the next column itself is left as it was: ``pdftotext
-layout`` may print a short cell of a row (``削除``, the after cell of a deletion) left of where
the lines around it open that column (the DP's choice is right there: branch gnumeric52 measured
3 right rows of the committed ``-layout`` texts turned wrong when it was overruled).
The columns' starts are the line's own (the medians of the cells opened within
``layout_local_window`` lines, as ``layout_text._local_columns`` reads them).  Not for the
変更日 column (a date and the 項目 after it), nor for a 提出時期 value or a date.
"""

from __future__ import annotations

import statistics

from ..dates import DATE_AT_START
from .common import N_COLS
from .lines import Line
from .wrapped_timing import is_timing_piece

# The columns whose line may hold a full-width space printed as a gap: 項目, 変更前, 変更後.
INNER_GAP_COLUMNS = (1, 2, 3)
# The widest gap (characters) that is one space between two pieces (``layout_text._is_soft``):
# a single space is the DP's own business.
ONE_SPACE = 1.5
# How far left (characters) of the start of the column it was given the piece must open: a
# cell's line opens at its column's start, a character or two off.
MIN_SHORT = 3.0
# How far (characters) past the next column's start the piece may end and still be short of it.
END_SLACK = 0.0


def _line_starts(
    cols: list[list[int]], segs: list[list[Line]], starts: list[float], window: int
) -> list[list[float]]:
    """Per line, each column's start: the median offset of the cells opened in that column within
    ``window`` lines (the page's ``starts`` where none is), kept in the page's order."""
    opened = [
        [(c, p.x0) for i, (p, c) in enumerate(zip(line, cs, strict=True)) if i == 0 or cs[i - 1] != c]
        for line, cs in zip(segs, cols, strict=True)
    ]
    return windowed_starts(opened, starts, window)


def windowed_starts(
    opened: list[list[tuple[int, float]]], starts: list[float], window: int
) -> list[list[float]]:
    """Per line (``opened``: the (column, offset) of each cell a line opens), each column's start:
    the median offset of the cells opened in it within ``window`` lines either side, the page's
    ``starts`` where none is; the starts keep the page's order, a column at least one character
    wide.  (An extractor that places text by character counts shifts a block of lines by a column
    or two, so the page's starts alone misplace pieces near a boundary.)"""
    out: list[list[float]] = []
    for j in range(len(opened)):
        near: dict[int, list[float]] = {}
        for jj in range(max(0, j - window), min(len(opened), j + window + 1)):
            for c, x in opened[jj]:
                near.setdefault(c, []).append(x)
        local = [statistics.median(near[k]) if near.get(k) else starts[k] for k in range(N_COLS)]
        for k in range(1, N_COLS):
            local[k] = max(local[k], local[k - 1] + 1)
        out.append(local)
    return out


def keep_inner_gaps(
    segs: list[list[Line]], cols: list[list[int]], starts: list[float], window: int
) -> list[list[int]]:
    """``cols`` (each line's pieces' columns, left to right, non-decreasing) with a piece given a
    column past the next one after the piece before it put back in that piece's column ``c`` when
    (module docstring): ``c`` is 項目 / 変更前 / 変更後, the gap between the two is wider than one space,
    the piece ends by the start of column ``c + 1`` (``END_SLACK``) and opens at least
    ``MIN_SHORT`` left of its own column's start, and it is neither a 提出時期 value nor a date,
    nor followed by more of column ``k`` on the line."""
    out = [list(cs) for cs in cols]
    local = _line_starts(cols, segs, starts, window)
    for line, cs, ls in zip(segs, out, local, strict=True):
        for i in range(1, len(line)):
            c, k, p = cs[i - 1], cs[i], line[i]
            text = p.text.strip()
            if (
                k < c + 2
                or c not in INNER_GAP_COLUMNS
                or p.x0 - line[i - 1].x1 <= ONE_SPACE
                or p.x1 > ls[c + 1] + END_SLACK
                or p.x0 > ls[k] - MIN_SHORT
                or is_timing_piece(text)
                or DATE_AT_START.match(text)
                or (i + 1 < len(line) and cs[i + 1] == k)
            ):
                continue
            cs[i] = c
    return out
