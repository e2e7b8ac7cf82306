"""A dithered 1-bit page (a fax, a scanner's black-and-white mode with dithering: CCITT TIFF,
1-bit PNG) softened before it is read (issues 11/12, session 53).

Dithering (Floyd-Steinberg: the scanner's grey glyph edges made dot patterns) breaks strokes
into dots that tesseract reads as other characters or specks.  A Gaussian blur of
``BILEVEL_SIGMA_PX`` pixels at the scan's own resolution joins the dots into grey edges, as a
grey scan has them.  A page is taken as dithered when it holds only two grey values and at least
``DITHER_CHECKER_SHARE`` of its ink pixels' 2×2 windows are checkerboards (black on one diagonal,
white on the other), which solid strokes cut by a threshold seldom make.

Measured on LibreOffice Calc / Writer pages at 200 dpi, 7–9 pt (tools/make_ocr53_samples.py's
kinds, read live): checkerboard share 0.049–0.091 dithered (one Gothic page 0.010), 0.002–0.031
thresholded.  Blurred, dithered pages read 10 → 16 of 18 cells (Calc) and 13 → 16 (Writer);
thresholded pages read worse blurred (51 → 49 of 66 cells over five pages), so they are left as
they are; a blur of 1.5 px smears 8 pt text past reading (3 of 18).
"""

from __future__ import annotations

import cv2
import numpy as np

from .ink import binarize, glyph_height

# The blur's standard deviation (pixels of the page as scanned).
BILEVEL_SIGMA_PX = 0.8
# Share of ink pixels whose 2x2 window is a checkerboard from which a page counts as dithered.
DITHER_CHECKER_SHARE = 0.04
# A softened page whose glyphs measure more than this many times their height as scanned had
# its lines joined by the blur (1.5 on set XVII's 7 pt t03; 0.95-1.05 on the dithered pages of
# scan-ocr53 and office-ocr56, where either measure reads alike within the OCR's noise, and the
# blurred one is kept).
JOINED_GLYPH_RATIO = 1.25
# Pixels sampled (every n-th row and column) to tell a page of two grey values.
BILEVEL_SAMPLE_STEP = 4


def is_bilevel(gray: np.ndarray) -> bool:
    """The page holds at most two grey values (sampled): a 1-bit scan."""
    return len(np.unique(gray[::BILEVEL_SAMPLE_STEP, ::BILEVEL_SAMPLE_STEP])) <= 2


def checker_share(gray: np.ndarray) -> float:
    """2×2 windows that are checkerboards, per ink pixel (dark below mid-grey) of the page."""
    ink = gray < 128
    a, b, c, d = ink[:-1, :-1], ink[:-1, 1:], ink[1:, :-1], ink[1:, 1:]
    checkers = int(((a == d) & (b == c) & (a != b)).sum())
    return checkers / max(int(ink.sum()), 1)


def soften_bilevel(gray: np.ndarray) -> tuple[np.ndarray, bool]:
    """(the page, softened when it is a dithered 1-bit scan; whether it was)."""
    if not is_bilevel(gray) or checker_share(gray) < DITHER_CHECKER_SHARE:
        return gray, False
    return cv2.GaussianBlur(gray, (0, 0), BILEVEL_SIGMA_PX), True


def bilevel_glyph(gray: np.ndarray, dpi: float) -> float:
    """The glyph height (pixels, ``ink.glyph_height``) of a 1-bit page measured on its ink as
    scanned, 0.0 for a page of more than two grey values (taken for a softened page's when the
    blurred measure exceeds it ``JOINED_GLYPH_RATIO`` times).

    Softened, a dithered page of small print measures wrong: the blur joins each line's glyphs to
    the next line's (7 pt Calc text at 300 dpi, lines 3-4 px apart: set XVII's
    ``t03…300dpi-1bit.tif`` measured 30 px blurred, 20 px as scanned, its glyphs 20 px), and the
    page, scaled to the reading size by that measure, was read at two thirds of its size: 12 of
    72 cells."""
    if not is_bilevel(gray):
        return 0.0
    return glyph_height(binarize(gray), dpi)
