"""Ink and paper of a greyscale page image: the ink mask, the glyph height, erasing, the paper tone.

Lengths are in multiples of the page's glyph height (estimated from the ink's connected
components) so that one default serves 200 and 400 dpi.
"""

from __future__ import annotations

import cv2
import numpy as np


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink mask (255 where ink) by Otsu's threshold after a light blur against scan noise."""
    blur = cv2.GaussianBlur(gray, (3, 3), 0)
    _, ink = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


# Print smaller than 4 pt (a sheet of 20 rows printed fit to one page: 5 pt type shrunk to
# glyphs of 2.5-3.5 pt, set XXXII's u11) leaves few characters in the usual 4-30 pt range, and
# those few (a title, brackets, specks run together) were taken for the page's glyphs, or 9 pt
# guessed: the page was shrunk further for tesseract, and read as garbage rows.  When the
# character-shaped components from SMALL_PRINT_MIN_PT to 4 pt are at least
# SMALL_PRINT_MIN_GLYPHS and SMALL_PRINT_SHARE times those of 4-30 pt, the glyphs are measured
# over both.  Pages of 7 pt print and up hold at most 0.33 times as many (their kana's and
# punctuation's pieces, samples' scans); fitted sheets 2.8 and more.  Specks of
# salt-and-pepper noise stay below 2 pt at 150 dpi and up.
SMALL_PRINT_MIN_PT = 2.0
SMALL_PRINT_MIN_GLYPHS = 20
SMALL_PRINT_SHARE = 2.0


def glyph_height(ink: np.ndarray, dpi: float) -> float:
    """Median height of the character-sized connected components of the ink, in pixels
    (components between 4 and 30 points tall and not long lines; from ``SMALL_PRINT_MIN_PT``
    when most are smaller than 4 pt: see there); 9 pt when none."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    shaped = (w <= 2 * h) & (w >= h / 4) & (h <= 30 * dpi / 72)
    keep = shaped & (h >= 4 * dpi / 72)
    small = shaped & (h >= SMALL_PRINT_MIN_PT * dpi / 72) & ~keep
    if small.sum() >= max(SMALL_PRINT_MIN_GLYPHS, SMALL_PRINT_SHARE * keep.sum()):
        keep = keep | small
    if n < 2 or keep.sum() < 5:
        return 9 * dpi / 72
    return float(np.median(h[keep]))


def erase(gray: np.ndarray, mask: np.ndarray, grow: int = 1, fill: int = 255) -> np.ndarray:
    """The image with the masked pixels (grown by ``grow``) painted ``fill``."""
    if grow > 0:
        mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * grow + 1, 2 * grow + 1)))
    out = gray.copy()
    out[mask > 0] = fill
    return out


# Grey strokes darker than this share of the way from Otsu's threshold to the paper tone are
# a ruling's ink too (``ruling_ink``): a hairline border scanned, turned and resampled prints
# grey (set XXIV's s12: a Writer table at 300 dpi turned 2.5° kept its rulings at 150–235 with
# Otsu's cut at 172, and no cell was found).
FAINT_RULING_SHARE = 0.6
# A grey area at least this share of a glyph thick is a fill (a shaded cell, a shadow), not a
# hairline: its pixels are no ruling's ink.
FAINT_FILL_EM = 0.25


def ruling_ink(gray: np.ndarray, ink: np.ndarray, glyph: float) -> np.ndarray:
    """The mask rulings are found in (255 where ink): ``ink`` (Otsu's, ``binarize``) plus the
    thin grey strokes it left out, those darker than ``FAINT_RULING_SHARE`` of the way from
    Otsu's threshold to the paper tone and thinner than ``FAINT_FILL_EM`` glyphs (``glyph`` in
    pixels).  Only long straight runs of it become rulings (``rulings.line_masks``): a grey
    speck or letter is opened away there as a black one is."""
    blur = cv2.GaussianBlur(gray, (3, 3), 0)
    cut, _ = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    paper = paper_tone(gray)
    if paper <= cut:
        return ink
    # uint8 throughout: np.where(…, 255, 0) made an int64 page (8 bytes a pixel, 290 MB at 37 MP).
    faint = np.where(blur < cut + (paper - cut) * FAINT_RULING_SHARE, np.uint8(255), np.uint8(0))
    k = max(int(FAINT_FILL_EM * glyph), 3)
    fill = cv2.morphologyEx(faint, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    fill = cv2.dilate(fill, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return cv2.bitwise_or(ink, cv2.bitwise_and(faint, cv2.bitwise_not(fill)))


def paper_tone(gray: np.ndarray) -> int:
    """The page's paper tone (its median grey, sampled): what an erased ruling is painted with,
    so that it leaves no white stripe on a grey scan for tesseract to read as a stroke."""
    step = max(min(gray.shape) // 400, 1)
    return int(np.median(gray[::step, ::step]))


def ink_share(gray: np.ndarray, dpi: float, look_dpi: float, contrast: int) -> float:
    """The share of a page's pixels darker than its paper by ``contrast`` grey levels, seen at
    ``look_dpi`` (scaled down by area first: a scanner's specks and noise fade, strokes stay)."""
    scale = look_dpi / dpi if dpi > 0 else 1.0
    if scale < 1:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if gray.size == 0:
        return 0.0
    return float(np.count_nonzero(gray < paper_tone(gray) - contrast)) / gray.size
