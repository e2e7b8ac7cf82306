"""Salt-and-pepper noise: lone dots of ink strewn over a scan, erased before it is read.

A scanner's (or a fax's, a copier's) pepper noise is dots of one to a few pixels all over the
page, in the margins and in a cell's blank space alike.  Tesseract reads them as ``.``, ``・``,
``-``, ``'`` or whole Latin "words" (``Se``, ``WIS2ASX``) at a line's end and as rows of garbage
where a cell is empty (set XXXII's u11: 0.3% of the pixels, 1.5° skew, 5 pt print).  A dot is
pepper when it is tiny (at most ``DOT_EM`` of a glyph each way) and lone: no larger ink within
``LONE_EM`` glyphs (a ・ or 、 beside its text is kept) and fewer than two other tiny dots
that near (the dots of a dotted ruling or a leader ……… are kept).  A page is noisy when its
lone dots number at least ``OcrSettings.pepper_min_per_em2`` per glyph-square of the page: a
clean scan, a JPEG's ringing and a dithered 1-bit scan's dots (joined first, ``bilevel``) stay
far below it, and their pages are left as they are.
"""

from __future__ import annotations

import cv2
import numpy as np

# A dot at most this share of the glyph height wide and tall (and at least 2 px) is tiny.
DOT_EM = 0.2
# No other ink within this many glyph heights of a tiny dot: it is lone.
LONE_EM = 0.5


def lone_dots(ink: np.ndarray, glyph: float) -> np.ndarray:
    """Mask (255) of the lone tiny dots of ``ink`` (255 where ink; ``glyph`` in px)."""
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n < 2:
        return np.zeros_like(ink)
    side = max(DOT_EM * glyph, 2.0)
    w = stats[:, cv2.CC_STAT_WIDTH]
    h = stats[:, cv2.CC_STAT_HEIGHT]
    tiny = (w <= side) & (h <= side)
    tiny[0] = False
    r = max(round(LONE_EM * glyph), 2)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * r + 1, 2 * r + 1))
    big = np.where(tiny[labels] | (labels == 0), 0, 255).astype(np.uint8)
    near_big = cv2.dilate(big, kernel)
    # How many tiny dots lie within r of each dot (itself included): a box count of centres.
    centres = np.zeros(ink.shape, np.float32)
    idx = np.flatnonzero(tiny)
    cx = np.clip(np.round(centroids[idx, 0]).astype(int), 0, ink.shape[1] - 1)
    cy = np.clip(np.round(centroids[idx, 1]).astype(int), 0, ink.shape[0] - 1)
    np.add.at(centres, (cy, cx), 1.0)
    count = cv2.boxFilter(centres, -1, (2 * r + 1, 2 * r + 1), normalize=False)
    lone = np.zeros(n, bool)
    lone[idx] = (near_big[cy, cx] == 0) & (count[cy, cx] < 2.5)
    return np.where(lone[labels], 255, 0).astype(np.uint8)


def drop_pepper(
    gray: np.ndarray, ink: np.ndarray, glyph: float, min_per_em2: float, page: int
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(gray, ink, notes): a noisy page's lone dots painted with its paper tone (``gray`` and
    the ``ink`` mask, 255 where ink, both as given when the page is not noisy), and the note
    saying how many were erased.  ``glyph`` in pixels; ``min_per_em2`` lone dots per glyph
    square of the page make it noisy (``OcrSettings.pepper_min_per_em2``)."""
    if glyph <= 0 or min_per_em2 <= 0:
        return gray, ink, []
    dots = lone_dots(ink, glyph)
    n, _ = cv2.connectedComponents(dots, connectivity=8)
    count = n - 1
    if count < min_per_em2 * gray.size / (glyph * glyph):
        return gray, ink, []
    step = max(min(gray.shape) // 400, 1)
    paper = int(np.median(gray[::step, ::step]))
    grown = cv2.dilate(dots, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    gray = gray.copy()
    gray[grown > 0] = paper
    ink = cv2.bitwise_and(ink, cv2.bitwise_not(dots))
    note = (
        f"page {page}: {count} lone dot(s) of salt-and-pepper noise erased before reading "
        "(specks tesseract reads as marks and letters)"
    )
    return gray, ink, [note]
