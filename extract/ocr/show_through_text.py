"""The other side's print showing through the paper, wiped before the page is read (issue 11).

A sheet printed on both sides, or laid on another page on the glass, scans with the back page
faintly visible, mirrored: its text and rulings at about a fifth of the ink's contrast (set
XXXIV's n12: ghost 193-215 on paper 249, the page's own ink 0).  ``show_through`` takes its
rulings out of the grid; its *text* was read with the page's own: tesseract took the ghost's
strokes crossing a cell for dashes and glyphs (`１－０－０－０件`, `-異常な`), and a ghost
line over a right-aligned date made it no date (n12: 5 of 14 rows right).

A show-through page has faint strokes away from any dark ink: pixels lighter than the ink by
``FAINT_FROM`` … ``DARK_FROM`` of the paper-to-ink contrast (the anti-aliased edge of a black
stroke is that light too, and so is a thin stroke of 200 dpi print with no dark core, but
both lie beside the page's dark ink: pixels within ``EDGE_EM`` glyph heights of it are not
counted), in lines too thin to be a fill (an opening of ``FILL_PX`` takes shaded cells, a
coffee stain's wash and a large watermark's body out).  A page whose such strokes number
``MIN_GHOST_RATIO`` of its dark ink's pixels or more (n12: 0.42 and 0.68; samples/scan-ocr70's
show-through pages 0.52-0.82 but one showing lightly, 0.14; set XXXIII/XXXIV's 42 other scan
pages: at most 0.07; samples/scan's excel-200dpi-rot05 0.12) is taken for show-through: every pixel
lighter than ``DARK_FROM`` of the contrast is made paper (the faint copy and the outer edge of
the page's own anti-aliased strokes; at 200 dpi and more a stroke keeps its core).  A page with
no dark ink (a faint copy: ``contrast``'s) is left alone.  Units: pixels of the page image.

Known limit (samples/heldout-scan73's writer-gothic-show-h1): the ring of a circled digit printed
thin and scanned at 200 dpi is as faint as the ghost in places; wiped, ③委託先名 read 委託先名.
"""

from __future__ import annotations

import cv2
import numpy as np

from .ink import binarize, glyph_height
from .shaded_cells import unshade_page

# Faint strokes: lighter than the paper-to-ink contrast's DARK_FROM share below the paper, and
# darker than its FAINT_FROM share (paper grain and JPEG noise are lighter still).
FAINT_FROM = 0.10
DARK_FROM = 0.35
# A faint pixel this close to dark ink (glyph heights) is a stroke's edge or a thin stroke.
EDGE_EM = 0.5
# A faint region surviving an opening this wide is a fill or a stain, not a stroke.
FILL_PX = 7
# Faint strokes per dark-ink pixel from which a page shows its other side through.
MIN_GHOST_RATIO = 0.3
# A page whose darkest ink (its INK_QUANTILE) is lighter than this has no black print to tell
# a ghost from (contrast.FAINT_INK_FROM: a faint copy is stretched, not wiped).
BLACK_INK_UNDER = 110
INK_QUANTILE = 0.002
PAPER_PERCENTILE = 90


def _tones(gray: np.ndarray) -> tuple[float, float]:
    """(paper, ink) tones of ``gray``, sampled: its ``PAPER_PERCENTILE`` and ``INK_QUANTILE``."""
    step = max(min(gray.shape) // 400, 1)
    sample = gray[::step, ::step]
    return float(np.percentile(sample, PAPER_PERCENTILE)), float(np.quantile(sample, INK_QUANTILE))


def ghost_ratio(gray: np.ndarray, glyph: float) -> float:
    """Faint stroke pixels away from dark ink per dark-ink pixel of ``gray`` (uint8 H×W, glyphs
    ``glyph`` pixels tall; see the module notes); 0.0 for a page with no black ink."""
    paper, ink = _tones(gray)
    contrast = paper - ink
    if ink >= BLACK_INK_UNDER or contrast <= 0:
        return 0.0
    dark = gray < paper - DARK_FROM * contrast
    faint = (gray <= paper - FAINT_FROM * contrast) & ~dark
    edge = np.ones((2 * max(2, round(EDGE_EM * glyph)) + 1,) * 2, np.uint8)
    lone = (faint & ~(cv2.dilate(dark.astype(np.uint8), edge) > 0)).astype(np.uint8)
    fills = cv2.morphologyEx(lone, cv2.MORPH_OPEN, np.ones((FILL_PX, FILL_PX), np.uint8))
    strokes = int(lone.sum()) - int((lone & fills).sum())
    return strokes / max(int(dark.sum()), 1)


def wipe_show_through(gray: np.ndarray, glyph: float, page: int) -> tuple[np.ndarray, list[str]]:
    """``gray`` (uint8 H×W, glyphs ``glyph`` pixels tall) with the other side's print made paper
    when it shows through (every pixel lighter than ``DARK_FROM`` of the page's contrast), and
    the page note saying so; the page as it was and no note otherwise."""
    ratio = ghost_ratio(gray, glyph)
    if ratio < MIN_GHOST_RATIO:
        return gray, []
    paper, ink = _tones(gray)
    out = gray.copy()
    out[gray >= paper - DARK_FROM * (paper - ink)] = round(paper)
    note = (
        f"page {page}: faint print of the sheet's other side shows through ({ratio:.2f} faint "
        "strokes per dark ink pixel): wiped before reading, only the page's own dark print read"
    )
    return out, [note]


def clear_page_tones(
    gray: np.ndarray, ink: np.ndarray, glyph: float, dpi: float, page: int
) -> tuple[np.ndarray, np.ndarray, float, list[str]]:
    """(gray, ink, glyph, notes) of a page after its shaded cells are made paper
    (``shaded_cells.unshade_page``) and its show-through wiped (``wipe_show_through``); the ink
    mask and glyph height (pixels, at ``dpi``) measured again when either changed the page."""
    gray, notes = unshade_page(gray, glyph, page)
    gray, wiped = wipe_show_through(gray, glyph, page)
    notes += wiped
    if notes:
        ink = binarize(gray)
        glyph = glyph_height(ink, dpi)
    return gray, ink, glyph, notes
