"""A 1-bit page (a fax, a scanner's black-and-white mode: CCITT TIFF, 1-bit PNG) softened before
it is read (issues 11/12, session 53).

Such a page holds only black and white: a glyph's edges are staircases, and a dithered scan
(Floyd-Steinberg: the scanner's grey edges made dot patterns) breaks strokes into dots that
tesseract reads as other characters or specks.  A Gaussian blur of ``BILEVEL_SIGMA_PX`` pixels
at the scan's own resolution gives back grey edges and joins the dots, as a grey scan has them.
Measured on LibreOffice Calc / Writer pages at 200 dpi, 8–9 pt (tools/make_ocr53_samples.py's
kinds, read live): dithered 10 → 16 of 18 cells (Calc) and 13 → 16 (Writer), thresholded 17 →
18 of 18; a blur of 1.5 px smears 8 pt text past reading (3 of 18).
"""

from __future__ import annotations

import cv2
import numpy as np

# The blur's standard deviation (pixels of the page as scanned).
BILEVEL_SIGMA_PX = 0.8
# Pixels sampled (every n-th row and column) to tell a page of two grey values.
BILEVEL_SAMPLE_STEP = 4


def is_bilevel(gray: np.ndarray) -> bool:
    """The page holds at most two grey values (sampled): a 1-bit scan."""
    return len(np.unique(gray[::BILEVEL_SAMPLE_STEP, ::BILEVEL_SAMPLE_STEP])) <= 2


def soften_bilevel(gray: np.ndarray) -> tuple[np.ndarray, bool]:
    """(the page, softened when it is 1-bit; whether it was)."""
    if not is_bilevel(gray):
        return gray, False
    return cv2.GaussianBlur(gray, (0, 0), BILEVEL_SIGMA_PX), True
