"""A sheet printed 2-in-1 (two pages reduced side by side on one landscape sheet), split into its
two pages before they are read.

Offices print long assessments "2 pages per sheet" and scan the sheets.  Read as one page, the
two tables side by side make one grid of no sense: set XVIII's ``G__2up300.png`` gave 10 rows of
14 and left "270 words that could not be placed" (the second page mostly lost).  A sheet is taken
for two pages when it is landscape, a blank gutter (no ink in any column but specks, at least
``MIN_GUTTER`` of the width) runs from its top to its bottom in the middle ``GUTTER_ZONE`` of the
width, and each side holds a table of its own: ``MIN_RULINGS`` horizontal rulings at least
``RULING_SHARE`` of the side's width long.  One table page never leaves such a gutter (its
rulings cross the middle), and a page with a table on one side only is not split.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

import numpy as np

from .deskew import profile_angle, rotate
from .render import estimate_dpi
from .table_pages import Frame

# The gutter is looked for in the middle of the sheet: from 0.5 - GUTTER_ZONE to 0.5 + GUTTER_ZONE
# of its width (2-in-1 printing centres each page in its half).
GUTTER_ZONE = 0.12
# The least width of the blank gutter, as a share of the sheet's width (two A4 pages on one A4
# sheet leave at least their margins: about 6% of the width).
MIN_GUTTER = 0.02
# A column with at most this share of the sheet's height inked is blank (specks of a scan).
SPECK_SHARE = 0.002
# Each side's table: at least MIN_RULINGS horizontal rulings RULING_SHARE of the side's width long
# (the header's ruling, a row's and the table's bottom).
MIN_RULINGS = 3
RULING_SHARE = 0.3
# Pixels darker than this are ink.
INK_BELOW = 128
# A sheet whose sides show no table as it lies is levelled (at most this many degrees, as
# ``OcrSettings.max_skew_deg``) and looked at again: a slanted ruling is a stair of short steps
# that no kernel RULING_SHARE of a side long fits (set XXIV's s07, two landscape pages side by
# side turned 0.7°: read as one page, 3 rows of 14).  Less than LEVEL_MIN_DEG is not turned.
LEVEL_MAX_DEG = 5.0
LEVEL_MIN_DEG = 0.05


def _gutter(ink: np.ndarray) -> tuple[int, int] | None:
    """(start, end) columns of the widest blank run in the middle of the sheet, when wide enough."""
    h, w = ink.shape
    blank = ink.sum(axis=0) <= max(2, SPECK_SHARE * h)
    lo, hi = int(w * (0.5 - GUTTER_ZONE)), int(w * (0.5 + GUTTER_ZONE))
    best: tuple[int, int] | None = None
    start = None
    for x in range(lo, hi + 1):
        if x < hi and blank[x]:
            start = x if start is None else start
        elif start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < MIN_GUTTER * w:
        return None
    return best


def _ruling_rows(ink: np.ndarray) -> int:
    """How many separate horizontal rulings at least RULING_SHARE of ``ink``'s width long it holds."""
    import cv2

    length = max(int(ink.shape[1] * RULING_SHARE), 10)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    lines = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, kernel)
    rows = np.flatnonzero(lines.any(axis=1))
    if not len(rows):
        return 0
    return 1 + int((np.diff(rows) > 1).sum())


def two_up_halves(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The two pages of a sheet printed 2-in-1 (module notes), left then right, as greyscale
    images (0 black … 255 white) cut at the middle of the gutter; None for any other page."""
    h, w = gray.shape[:2]
    if w <= h:
        return None
    ink = gray < INK_BELOW
    if _gutter(ink) is None:
        return None
    halves = _ruled_halves(gray, ink)
    if halves is None:
        angle = profile_angle(ink.astype(np.uint8) * 255, LEVEL_MAX_DEG)
        if abs(angle) >= LEVEL_MIN_DEG:
            level = rotate(gray, angle)
            halves = _ruled_halves(level, level < INK_BELOW)
    return halves


def _ruled_halves(gray: np.ndarray, ink: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``gray`` cut at the middle of its gutter when each side holds a table; else None."""
    gutter = _gutter(ink)
    if gutter is None:
        return None
    mid = (gutter[0] + gutter[1]) // 2
    left, right = ink[:, :mid], ink[:, mid:]
    if not left.any() or not right.any():
        return None
    if _ruling_rows(left) < MIN_RULINGS or _ruling_rows(right) < MIN_RULINGS:
        return None
    return gray[:, :mid].copy(), gray[:, mid:].copy()


def split_sheets(
    frames: Iterable[Frame], notes: dict[int, str], sized: Container[int] = ()
) -> Iterator[Frame]:
    """``frames`` with each sheet printed 2-in-1 given as its two pages, and the pages after it
    numbered on (sheet 1 → pages 1 and 2, sheet 2 → page 3 …); ``notes`` gets, for each page cut
    from a sheet, the note that says so.

    ``sized``: the frame numbers whose dpi was taken from their size (an image file without a
    resolution: an A4 page of that many pixels).  Such a sheet's two pages each get the dpi of
    an A4 page of their own size: two A4 landscape pages scanned side by side at 200 dpi are
    one image as wide as an A4 page at 400 dpi, and at that dpi the glyph measure, which keeps
    components 4–30 pt tall, took the 10 pt text's lines for noise and read the page shrunk to
    garbage (set XXI t01: its second page gave no table columns, 7 rows lost)."""
    extra = 0
    for n, gray, dpi in frames:
        halves = two_up_halves(gray) if gray is not None else None
        if halves is None:
            yield n + extra, gray, dpi
            continue
        if n in sized:
            dpi = max(estimate_dpi(*halves[0].shape[::-1]), estimate_dpi(*halves[1].shape[::-1]))
        first = n + extra
        for k in (first, first + 1):
            notes[k] = (
                f"sheet {n}: two pages printed side by side (2-in-1), "
                f"read apart as pages {first} and {first + 1}"
            )
        yield first, halves[0], dpi
        extra += 1
        yield first + 1, halves[1], dpi
