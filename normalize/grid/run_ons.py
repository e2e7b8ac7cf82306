"""Soft wraps of a ``pdftotext -layout`` page's text columns: which lines run on into the next
line of their column (``Line.runs_on``), read by ``layout_text.layout_page_rows``."""

from __future__ import annotations

import itertools

import regex

from piatable.settings import GridSettings

from ..chars import SENTENCE_END, display_width, starts_paragraph
from .layout_words import wrap_width
from .lines import Line

# 上記を新規追加 (and its variants) closes the cell whose text it points at.
_POINTS_ABOVE = regex.compile(r"^上記(?:を|の)?(?:とおり)?(?:新規)?追加$")


def mark_run_ons(cols: dict[int, list[Line]], hy: float, settings: GridSettings, timing_column: int) -> None:
    """Mark the lines of the text columns that run on into the next line of their column: full
    to the column's wrap width (within one unit), not ending a sentence, the next line right
    below and opening no paragraph (``Line.runs_on``; ``Line.wraps_on`` whatever the space
    between).  ``cols``: column index → its lines top down; ``hy``: the page's line height
    (points); the date column (0) and ``timing_column`` are one-line cells."""
    for c, lines in cols.items():
        if c in (0, timing_column) or len(lines) < 2:
            continue
        width = wrap_width([float(display_width(ln.text)) for ln in lines], settings)
        for a, b in itertools.pairwise(lines):
            ta, tb = a.text.strip(), b.text.strip()
            a.wraps_on = bool(
                ta
                and tb
                and (
                    (
                        display_width(ta) >= width - 1
                        and ta[-1] not in SENTENCE_END
                        and not starts_paragraph(tb)
                    )
                    # 上記を新規追加 closes the cell whose text it points at.
                    or bool(_POINTS_ABOVE.match(tb))
                )
            )
            a.runs_on = a.wraps_on and b.top - a.bottom < hy
