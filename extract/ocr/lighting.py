"""Uneven lighting: a page whose paper tone drifts across it (a scan or photograph lit from one
side, a page lifted off the glass) is flattened before anything is measured on it.

Otsu's global threshold (``ink.binarize``) takes a paper darkened to ~45 % on one side for ink:
the page's dark half becomes one block of "ink", no ruling or glyph is found there and the
skew estimate follows the shadow's edge (set XII's c6-scan300light.jpg: no table, -1.04°
undone for a page turned 0.8°).  The paper's tone is estimated by a grey closing far larger
than a glyph or a ruling's width (text and rulings are dark and thin: the closing paints them
over with the paper around them), and the page is divided by it.  A page lit evenly is left
untouched (the estimate's spread is below ``MIN_SPREAD``), so scans that read well keep the
exact pixels they had.
"""

from __future__ import annotations

import cv2
import numpy as np

from .ink import binarize, glyph_height

# The paper tone is estimated on the page scaled to this share of its size (a large closing on
# a 300 dpi page is slow; lighting varies slowly).
LOOK_SCALE = 1 / 8
# Closing size in glyph heights: wider than any glyph and than the gap between a cell's
# rulings' strokes, so that the closing reaches paper everywhere text is.
CLOSE_EM = 2.5
# The paper estimate is smoothed over this many glyph heights (lighting drifts over a page).
SMOOTH_EM = 1.5
# The page is flattened when its paper tone's 98th and 2nd percentiles (after smoothing over
# ``SPREAD_EM``) differ by at least this many grey levels.  An evenly lit scan: a few levels;
# a shaded label row is a narrow band that the wide smoothing mostly washes out; set XII's
# light scan: ~130.
MIN_SPREAD = 40
SPREAD_EM = 8.0


def paper_estimate(gray: np.ndarray, glyph: float) -> np.ndarray:
    """The paper's tone under each pixel of ``gray`` (uint8 H×W, same shape): grey closing of
    the page reduced by ``LOOK_SCALE`` with a square of ``CLOSE_EM`` glyph heights, smoothed."""
    h, w = gray.shape
    small = cv2.resize(gray, None, fx=LOOK_SCALE, fy=LOOK_SCALE, interpolation=cv2.INTER_AREA)
    size = max(3, round(CLOSE_EM * glyph * LOOK_SCALE) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), max(SMOOTH_EM * glyph * LOOK_SCALE, 1.0))
    return cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)


def lighting_spread(paper: np.ndarray, glyph: float) -> float:
    """Grey levels between the paper's lightest and darkest broad regions (2nd-98th
    percentiles of the estimate smoothed over ``SPREAD_EM`` glyph heights, sampled)."""
    small = cv2.resize(paper, None, fx=LOOK_SCALE, fy=LOOK_SCALE, interpolation=cv2.INTER_AREA)
    broad = cv2.GaussianBlur(small, (0, 0), max(SPREAD_EM * glyph * LOOK_SCALE, 1.0))
    lo, hi = np.percentile(broad, [2, 98])
    return float(hi - lo)


def flatten_lighting(gray: np.ndarray, glyph: float) -> tuple[np.ndarray, float]:
    """``gray`` (uint8 H×W) divided by its paper tone when the lighting is uneven, and the
    spread measured (grey levels); the image itself when it is even (spread < ``MIN_SPREAD``).
    ``glyph``: a glyph's height in pixels (a rough one is enough)."""
    paper = paper_estimate(gray, glyph)
    spread = lighting_spread(paper, glyph)
    if spread < MIN_SPREAD:
        return gray, spread
    flat = gray.astype(np.float32) * (255.0 / np.maximum(paper.astype(np.float32), 1.0))
    return np.clip(flat, 0, 255).astype(np.uint8), spread


def flatten_page(
    gray: np.ndarray, ink: np.ndarray, glyph: float, dpi: float, page: int
) -> tuple[np.ndarray, np.ndarray, float, list[str]]:
    """The page's grey image, ink mask and glyph height (pixels) after ``flatten_lighting``,
    and the page note naming it (none when the page was lit evenly and left as it was)."""
    flat, spread = flatten_lighting(gray, glyph)
    if flat is gray:
        return gray, ink, glyph, []
    ink = binarize(flat)
    note = (
        f"page {page}: uneven lighting (the paper's tone varies by {spread:.0f} grey levels across "
        "the page) evened out before reading"
    )
    return flat, ink, glyph_height(ink, dpi), [note]
