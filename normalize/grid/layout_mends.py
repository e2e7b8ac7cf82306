"""Layout text: a page's rows mended where a layout extractor printed glyphs out of their place
(``displaced_closers``: closing punctuation one column right; ``fallback_marks``: marks of a
fallback font at the end of their line)."""

from __future__ import annotations

from .displaced_closers import return_displaced_closers
from .fallback_marks import place_fallback_marks
from .lines import Line


def mend_layout_rows(rows: list[dict[int, list[Line]]]) -> None:
    """Mend the rows of one page of layout text (column index → its lines) in place: marks
    first (a line's own order), then closing punctuation across the columns."""
    place_fallback_marks(rows)
    return_displaced_closers(rows)
