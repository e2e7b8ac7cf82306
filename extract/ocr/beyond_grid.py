"""Ink of a scan's page below its table's ruled grid, counted and read apart (branch honest67).

A scan's ruled table is read cell by cell (``pages.read_page``); ink inside the table's box but
in no cell is counted (``coverage.ink_outside_cells``), and the band above the grid is read for a
cover.  Ink below the grid's last ruling was read by nothing and said by nothing: a row printed
below the last ruling (a ruling too faint to be found, a row the sheet left unruled) or a margin
note was lost in silence.

``beyond_grid_note`` counts the pieces of ink (connected components, about a character each, as
``ink_outside_cells`` counts them) below the grid's last cell; with ``min_unread_pieces`` of them
or more it reads that band (one tesseract call) and says in a note how many characters were left
out.  When the band's text looks like table content, a date or a 提出時期 (事前 / 事後), the
note says so with ``lost_rows.BEYOND_GRID_CONTENT`` and the input is partial
(``lost_rows.close_document``); a page number or a footer alone only gets its count said.
"""

from __future__ import annotations

import numpy as np
import regex

from piatable.normalize.dates import DATE
from piatable.normalize.lost_rows import BEYOND_GRID_CONTENT

from .coverage import ink_pieces

# Pixels below the grid's last cell left out (its bottom ruling, erased, may leave a fringe).
GRID_FRINGE_PX = 4
# Tesseract's page-segmentation mode for the band (a column of lines of any length).
BAND_PSM = 4
_TIMING = regex.compile(r"事[前後]")
# A date as OCR may misread its era (信和7年1月20日): its year, month and day are enough.
_LOOSE_DATE = regex.compile(
    r"[0-9０-９元]{1,4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9]{4}[/.][0-9]{1,2}[/.][0-9]{1,2}"
)
_SPACE = regex.compile(r"\s+")


def beyond_grid_note(
    page: int,
    clean: np.ndarray,
    text_ink: np.ndarray,
    grid_bottom: int,
    glyph: float,
    min_piece_em: float,
    min_pieces: int,
    lang: str,
    engine: str,
) -> str | None:
    """The note on the ink below the grid (``grid_bottom``: the last cell's bottom, pixels) of
    page ``page`` (module notes), or None when there are fewer than ``min_pieces`` pieces.
    ``clean``: the page's gray image with its rulings erased; ``text_ink``: 255 where ink, same
    pixels."""
    cut = int(grid_bottom) + GRID_FRINGE_PX
    if cut >= text_ink.shape[0] - 1:
        return None
    pieces = ink_pieces(text_ink[cut:].astype(np.uint8), glyph, min_piece_em)
    if pieces < min_pieces:
        return None
    from .engine import tesseract_chars

    words = tesseract_chars(clean[cut:], BAND_PSM, lang, engine)
    flat = _SPACE.sub("", "".join(w.text for w in words))
    note = f"page {page}: about {pieces} characters of ink below the table's ruled grid were not read"
    if DATE.search(flat) or _LOOSE_DATE.search(flat) or _TIMING.search(flat):
        shown = flat[:40] + ("…" if len(flat) > 40 else "")
        return f"{note}; {BEYOND_GRID_CONTENT} ({shown})"
    return note
