"""A column gap that ``pdftotext -layout`` squeezed to one space beside text that ran wide after a
full-width space (``cell`` units): which column the piece before the gap belongs to is a guess.

A Calc cell in a small font whose text holds a full-width space (``…納税課　別表第一の３０の項``)
prints the space as a gap of several characters, while the gap to the next column, where the
cell's text reaches the cell's edge, comes out as one space: ``…納税課   別表第一の３０の項
財政部…``.  The piece after the wide gap (``別表第一の３０の項``) then reads as the next column's
first piece, the next column's real first piece (``財政部…``, one space on, at the column's start)
as its continuation.  Moving the piece back by rule made other tables worse (a number one space
after a label, Writer's autospace: branch layout40 measured 17 right rows turned wrong over the
committed ``-layout`` samples), so the cell is flagged instead (issue 12, branch layout40,
``samples/office-layout40`` f cases).  Pages showing Word / Writer's autospace are not checked
(``layout_text``): there the pattern fired on right rows only.

Also (branch layout47, ``samples/office-layout47``): a Calc row whose before and after lines
``pdftotext -layout`` ran together (``…総務課 〒123-4567 ○○市 ○○市本町…``, the after cell left
with ``6700``) shows a 変更前 / 変更後 line opened one space after the previous cell's text, left
of its column, in a cell whose lines start far apart (``cell_doubt``): flagged too.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from .lines import Line
from .remark_column import REMARK_GUESS_WHY

# How far right of its column's start (in the reading's units: a character) the piece one space
# after the cell's first piece may stand (half as far left of it), the first piece opening left
# of the start.
SQUEEZED_GAP_DX = 1.5
# The widest gap (characters) that is one space between two pieces (``layout_text._is_soft``).
ONE_SPACE = 1.5

# The columns whose first piece ``squeezed_split`` checks: 変更前 / 変更後, the wide text
# columns whose lines run into each other and into the 項目 column's.
SPLIT_COLUMNS = (2, 3)
# How far apart (characters) the first pieces of one cell's lines may start before the cell's
# lines read as run into another cell's (a left-aligned cell's lines start at one offset, which
# ``pdftotext -layout`` moves by a character or two, or a few beside half-width numbers).
CELL_START_SPREAD = 6.0
# How far left of its column's start (characters) a 変更前 / 変更後 cell's first piece must open,
# one space after the previous column's text, for the split between the two to be a guess
# (``squeezed_split``, branch layout47).
SQUEEZED_SPLIT_DX = 2.5

# How far (characters) a 変更前 / 変更後 line may run past the next column's start before the
# line reads as two cells glued (``overrun``).  Branch twodates59, over the layout families of
# office-layout47 / cellsplit58 / pairs57 / lastline58 / layout40 / twodates59: right rows'
# lines ran 6–8 past (half-width numbers, ``〒123-4567``, ``USB``), glued cells' 7–55; at 6, 3
# wrong rows unwarned till then and 6 right ones were flagged, at 10 the same 3 wrong (each has
# a line 12 or 30 past) and no right one; 15 wrong rows flagged in all, all wrong.
OVERRUN_CHARS = 10.0
OVERRUN_WHY = (
    "the {column} cell's line ({line!r}…) runs {over:.0f} characters into the next column with no "
    "gap: two cells printed side by side without a space, where this one ends is a guess"
)

SQUEEZED_SPLIT_WHY = (
    "the {column} cell's first piece ({first!r}) opens one space after the previous column's text, "
    "left of the column's start, and the cell's lines start {spread:.0f} characters apart: the "
    "lines of two cells may have run together, where the previous cell ends and this one begins "
    "is a guess"
)

# A piece opening with the form's numbering below a section (``７．評価実施機``): an item's
# heading, not the start of a 変更前 / 変更後 text (``squeezed_split``'s piece, branch twodates59:
# PyMuPDF ``sort=True`` of set XX t11 printed ``Ⅰ基本情報 ７．評価実施機 市民課長`` on one line).
_HEADING_NUMBER = regex.compile(r"^[0-9０-９]{1,2}[．.]\s*\p{Han}")
SPLIT_HEADING_WHY = (
    "the {column} cell's first piece ({first!r}) opens one space after the previous column's text, "
    "left of the column's start, with the numbering of an item's heading: the 項目 cell's text?"
)

SQUEEZED_GAP_WHY = (
    "the {column} cell's first piece ({first!r}) stands left of the column, a wide gap after "
    "the cell before, and the next piece one space on opens at the column's start: a column "
    "gap squeezed to one space, the first piece may be the previous cell's (a full-width space "
    "printed as a gap)"
)


def squeezed_gap(line: list[Line], parts: list[Line], start: float) -> str:
    """The first piece's text when ``parts`` (the pieces of ``line`` one column received, left to
    right; ``start``: the column's start) open as a squeezed gap shows (module docstring): the
    first part is not the line's first piece and stands after a gap wider than one space, left
    of ``start``; the second part follows it after one space and stands at most
    ``SQUEEZED_GAP_DX`` right of ``start`` (half that left of it).  Else ""."""
    if len(parts) < 2:
        return ""
    first, second = parts[0], parts[1]
    k = next((i for i, p in enumerate(line) if p is first), 0)
    if k == 0 or first.x0 - line[k - 1].x1 <= ONE_SPACE or second.x0 - first.x1 > ONE_SPACE:
        return ""
    if first.x0 < start <= second.x0 + SQUEEZED_GAP_DX / 2 and second.x0 - start <= SQUEEZED_GAP_DX:
        return first.text.strip()
    return ""


def squeezed_split(line: list[Line], parts: list[Line], start: float) -> str:
    """The first piece's text when ``parts`` (the pieces of ``line`` one column received, left to
    right; ``start``: the column's start) open one space (``ONE_SPACE``) after the previous
    column's last piece and more than ``SQUEEZED_SPLIT_DX`` left of ``start``: the piece that
    opens the column may be the previous cell's.  Else "".  Alone this fired on three right rows
    (a line of half-width numbers run wide) for each wrong one: ``cell_doubt`` also asks that
    the cell's lines start far apart."""
    if not parts:
        return ""
    first = parts[0]
    k = next((i for i, p in enumerate(line) if p is first), 0)
    if k == 0 or first.x0 - line[k - 1].x1 > ONE_SPACE:
        return ""
    return first.text.strip() if first.x0 < start - SQUEEZED_SPLIT_DX else ""


def overrun(parts: list[Line], next_start: float | None) -> tuple[str, float] | None:
    """(the line's text, how far it runs past ``next_start``) when the last of ``parts`` (the
    pieces one column received of a line) runs at least ``OVERRUN_CHARS`` past the next column's
    start (``next_start``; None for the last column) with no gap; else None.  pdfplumber
    ``layout=True`` prints two cells side by side with no space where the first fills its width
    (``…に関する法律第行政手続における…``): the line then reads as one cell's, and where it
    ends is a guess (set XX t14's kind, branch twodates59: a row read right once its two dates
    were one cell's, its 変更前 holding the start of its 変更後, confidence 0.88, no flag)."""
    if not parts or next_start is None:
        return None
    over = parts[-1].x1 - next_start
    return ("".join(p.text for p in parts).strip(), over) if over >= OVERRUN_CHARS else None


def cell_doubt(name: str, lines: list[Line]) -> str:
    """The evidence for a ``column_guess`` on the cell ``name`` of one row, from its lines (one
    column's, top to bottom): a squeezed column gap (``squeezed_gap``), or a line opened one
    space after the previous cell's text left of the column (``squeezed_split``) in a cell whose
    lines' starts spread over more than ``CELL_START_SPREAD``: ``pdftotext -layout`` ran a Calc
    row's before and after lines together, as at a page's foot (``…総務課 〒123-4567 ○○市
    ○○市本町…``, the after cell left with ``6700``; issue 12, branch layout47,
    ``samples/office-layout47``).  Else ""."""
    squeezed = next((ln.gap_guess for ln in lines if ln.gap_guess), "")
    remark = next((ln.remark_guess for ln in lines if ln.remark_guess), "")
    if glued := next((ln.overrun_guess for ln in lines if ln.overrun_guess), None):
        return OVERRUN_WHY.format(column=name, line=glued[0][:24], over=glued[1])
    if remark:
        return REMARK_GUESS_WHY.format(first=remark)
    if closer := next((ln.closer_guess for ln in lines if ln.closer_guess), ""):
        return closer
    if squeezed:
        return SQUEEZED_GAP_WHY.format(column=name, first=squeezed)
    split = next((ln.split_guess for ln in lines if ln.split_guess), "")
    if not split:
        return ""  # (the common cell: its lines' spread is not measured)
    if _HEADING_NUMBER.match(split):
        return SPLIT_HEADING_WHY.format(column=name, first=split)
    spread = max(ln.x0 for ln in lines) - min(ln.x0 for ln in lines)
    if spread > CELL_START_SPREAD:
        return SQUEEZED_SPLIT_WHY.format(column=name, first=split, spread=spread)
    return ""


def joined_across_gap(parts: list[Line]) -> str:
    """The first of ``parts`` (the pieces of one text line one column received, left to right)
    that follows the piece before it after a gap wider than one space (``ONE_SPACE``), its text
    stripped; "" when every piece follows one space or less after the one before."""
    return next((b.text.strip() for a, b in pairwise(parts) if b.x0 - a.x1 > ONE_SPACE), "")
