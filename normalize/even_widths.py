"""One wrap width for every column: a narrow width of boxed text that no column of its own bears out.

``wrap_widths.two_widths`` takes the commonest width of wrapped lines for the before/after
columns and a clearly narrower one for the explanation column.  A table inserted with Writer's
(or Word's, python-docx's) default gives its six columns one width (set XI's w4 / w6, IX's
w2): the wrapped lines of every column then fall at that width or a little short of it (a
line that kinsoku or a half-width character ended early), and the lines a character or more
short were taken for a narrower explanation column.  Every box holding several lines at the
common width then read as an explanation (``columnar._kind``: a box that fills the narrow
width), and the before/after cells were lost to the explanation column.

A narrow width is borne out only when it stands apart from the wide one by more than the
slack a column's own lines show (``WIDTH_SLACK``: the wide column's window already counts
them) and some boxes of several lines hold it and are no wider (``NARROW_BOXES_MIN``): an
explanation column's cells wrap at its width, whole.  Otherwise the text shows one width,
which tells no column from another, and the boxes' columns are told by their words and by
where the extractor emitted them (``columnar._kind`` with no widths), and every row says so
(``doubt_even_rows``: a guess the text cannot check).
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .boxes import Box
from .wrap_widths import WIDTH_SLACK, full_widths

# Boxes of two lines or more, none wider than the narrow width, that must hold it.
NARROW_BOXES_MIN = 2
EVEN_WHY = (
    "every column wraps at one width: its before/after and explanation boxes were told by their words alone"
)


def narrow_borne_out(boxes: list[Box], widths: tuple[int, int]) -> bool:
    """Whether the explanation column's width ``widths[1]`` (display units) stands apart from
    the before/after columns' ``widths[0]`` by more than ``WIDTH_SLACK`` and is the wrap width
    of at least ``NARROW_BOXES_MIN`` boxes of several lines no wider than it (``boxes``: the
    boxes that are neither dates, timings nor items)."""
    wide, narrow = widths
    if wide - narrow <= WIDTH_SLACK:
        return False
    held = 0
    for b in boxes:
        if len(b.lines) < 2 or b.width > narrow + WIDTH_SLACK:
            continue
        if any(narrow - WIDTH_SLACK <= w <= narrow + WIDTH_SLACK for w in full_widths([b])):
            held += 1
    return held >= NARROW_BOXES_MIN


def even_widths(
    boxes: list[Box], widths: tuple[int, int] | None
) -> tuple[tuple[int, int] | None, int | None]:
    """``(widths, None)`` when ``widths`` is None or its narrow width is borne out
    (``narrow_borne_out``); else ``(None, wide)``: one width for every column, which tells no
    column from another but still is the width the cells' lines wrap at (rejoin, cut points)."""
    if widths is None or narrow_borne_out(boxes, widths):
        return widths, None
    return None, widths[0]


def doubt_even_rows(rows: list[RawRow], one_width: int | None) -> None:
    """A ``column_guess`` on every row of a text whose columns all wrap at ``one_width``
    (``even_widths`` gave no widths): with no width to tell them, a before/after box read as an
    explanation, or the other way, shifts the explanations handed out in order with nothing
    else showing it (set XI w6, plain ``pdftotext``: three rows a row off, unflagged)."""
    if one_width is None:
        return
    for row in rows:
        row.doubts.append(Doubt("column_guess", None, EVEN_WHY))
