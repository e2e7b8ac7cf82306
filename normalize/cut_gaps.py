"""Cuts between a row's cells that the text cannot tell from spaces inside a cell (Calc's
two-pass text, ``twophase``): a cell of several lines ending beside the next cell's first line,
or a cut at a half-width space while another such space was kept inside a cell."""

from __future__ import annotations

from itertools import pairwise

from piatable.models import Doubt, RawRow

from .rejoin import same_printed_line
from .singlepass import printed_lines

# Why a close cut at a space is flagged (``close_cut_at_space``).
CLOSE_AT_SPACE_WHY = (
    "a cut between cells falls at a space of one printed line while another such space was kept,"
    " and the runner-up cut scored close: which space parts the cells is a guess"
)
# Printed lines a cell may span and still end beside the next cell's first line (late_cut_doubt;
# flagging also two-line cells beside a cell of several lines, as singlepass.cut_beside_allowed
# rules out, warned 4 more right rows of the samples and no wrong one).
LATE_CUT_MAX_LINES = 2


def late_cut_doubt(row: RawRow) -> bool:
    """Whether a cell of the row ends inside a printed line, beside the next cell's first piece,
    although it began on an earlier printed line.  Office software draws a table cell by cell,
    each from the row's top (or centred): a cell's last line shares the next cell's first
    baseline only when it is one line high (two, centred, beside a one-line cell).  Such a cut
    is a space inside a cell read as a gap between cells (-raw prints a cell's full-width space
    so), or the row's lines are another row's."""
    cells = [row.cells[key] for key in ("item", "before", "after", "explanation") if row.cells[key]]
    return any(
        same_printed_line(a[-1], b[0]) and printed_lines(a) > LATE_CUT_MAX_LINES for a, b in pairwise(cells)
    )


def space_gap_doubt(row: RawRow) -> bool:
    """Whether a cell boundary of the row falls at a half-width space of one printed line while
    another such gap was read as a space inside a cell: the text then cannot tell the gaps
    between cells from the spaces inside them."""
    order = [cl for key in ("item", "before", "after", "explanation") for cl in row.cells[key]]
    owner = [key for key in ("item", "before", "after", "explanation") for _ in row.cells[key]]
    cut_in_line = inner_space = False
    for k in range(1, len(order)):
        if same_printed_line(order[k - 1], order[k]):
            if owner[k - 1] != owner[k]:
                cut_in_line = True
            else:
                inner_space = True
    return cut_in_line and inner_space


def space_gap_why(row: RawRow) -> str:
    """Why the cuts of ``row`` cannot be told from spaces inside its cells
    (``space_gap_doubt``, ``late_cut_doubt``), or ``""``."""
    if space_gap_doubt(row):
        return "a cut between cells falls at a space of one printed line while another such space was kept"
    if late_cut_doubt(row):
        return "a cell of several printed lines ends beside the next cell's first line"
    return ""


def close_cut_at_space(row: RawRow) -> list[Doubt]:
    """``column_guess`` on the cells of ``row`` that its reader doubted with a ``close_cut`` (the
    runner-up cut scored close: confidence only) when a cut between its cells also falls at a
    space of one printed line while another such space was kept (``space_gap_doubt``): two of
    the reader's own doubts on one cut, so the row is warned (set XIII t08 row 5, Gnumeric
    ``-raw``: ``[○]専用線 [ ]電子メール [○]紙 …`` cut at the wrong space, at 0.519 unflagged).
    Measured (calc52) on the -raw / pypdfium2 cases of office, heldout, office/heldout-raw46,
    -raw47, -raw49, -spill50, -calc52 and sets XI and XII, 8 wrong rows and no right one
    carried both (all 8 warned already; t08's is a ninth); a close cut alone was on 8 right rows
    of set XII and on no wrong one there."""
    if not space_gap_doubt(row):
        return []
    fields = sorted({d.field for d in row.doubts if d.kind == "close_cut" and d.field is not None})
    return [Doubt("column_guess", f, CLOSE_AT_SPACE_WHY) for f in fields]
