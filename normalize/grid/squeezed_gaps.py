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
"""

from __future__ import annotations

from .lines import Line

# How far right of its column's start (in the reading's units: a character) the piece one space
# after the cell's first piece may stand (half as far left of it), the first piece opening left
# of the start.
SQUEEZED_GAP_DX = 1.5
# The widest gap (characters) that is one space between two pieces (``layout_text._is_soft``).
ONE_SPACE = 1.5

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
