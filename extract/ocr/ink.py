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


def glyph_height(ink: np.ndarray, dpi: float) -> float:
    """Median height of the character-sized connected components of the ink, in pixels
    (components between 4 and 30 points tall and not long lines); 9 pt when none."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    lo, hi = 4 * dpi / 72, 30 * dpi / 72
    keep = (h >= lo) & (h <= hi) & (w <= 2 * h) & (w >= h / 4)
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
