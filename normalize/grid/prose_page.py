"""A page of ``pdftotext -layout``-like text with no table on it: prose (a page of the
assessment's body before, between or after amendment tables) printed across the columns the
page before set.

Split from ``layout_text`` (the reading of one such page), which asks it before placing a page
without a header under the columns of the page before: read so, every prose line was cut into
those columns, and the page ran on as the last row's 変更前 cell (break22: the pages after a
table went into its last row with no note, the document a success).
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import Line

# A prose line is one piece of text that opens in the table's first column (変更日) and runs past
# the start of its third (変更前) by more than this many text columns: a cell's line stays in its
# column, give or take a character, and a date is narrow; a line of the page's body runs on
# across the columns from the left margin.
PROSE_PAST_START = 1.0
# A page is prose when at least this share of its body lines are, and at least PROSE_MIN_LINES.
PROSE_LINE_SHARE = 0.5
PROSE_MIN_LINES = 3


def crosses_columns(line: Sequence[Line], starts: Sequence[float]) -> bool:
    """Whether a body line (its pieces, in the units of ``starts``: the columns' left offsets)
    is one piece from inside the first column to past the third column's start."""
    return (
        len(line) == 1
        and len(starts) > 2
        and line[0].x0 < starts[1] - PROSE_PAST_START
        and line[0].x1 > starts[2] + PROSE_PAST_START
    )


def is_prose_page(segs: Sequence[Sequence[Line]], starts: Sequence[float]) -> bool:
    """Whether the body lines ``segs`` of a page without a header are prose across the columns
    ``starts`` (the page before's, not ones fitted to this page's lines), not a table's cells:
    most lines (``PROSE_LINE_SHARE``, ``PROSE_MIN_LINES`` or more) each run across the first
    two columns (``crosses_columns``).  Such a page has no table columns; the caller notes it
    (``unread_pages.note_unread_page``)."""
    crossing = sum(1 for line in segs if crosses_columns(line, starts))
    return crossing >= PROSE_MIN_LINES and crossing >= PROSE_LINE_SHARE * len(segs)
