"""Rulings of the sheet's other side showing through the paper, read as rulings of this one
(issue 11, set XXXI's t03: a two-sided copy whose back page's table shows through mirrored;
its column lines split 変更前 and 変更後 in two, 4 of 13 rows right).

A table's rulings are printed in one ink.  The lines showing through are the other side's
rulings seen through the paper: far fainter than the page's own (t03: grey 213–219 on paper
255, the table's black rulings 60–112).  A hairline ruling scanned grey is fainter than a
thick one too, but not so far (set XXIV's Writer hairlines at 300 dpi: 139–154, and all of a
table's alike; set XXXI's t08 prints its column lines at 164 under black row lines: 0.40 of
their contrast).  So a ruling whose contrast with the paper is under ``SHOW_THROUGH_SHARE`` of
the contrast of the page's dark rulings of its direction (their darkest tenth, ``OWN_PERCENTILE``, at
least ``MIN_OWN_RULINGS`` others not so faint; t03: 0.22) is no ruling: it is taken out of
the rulings (it is still erased from the image, as rulings are).  Units: pixels of the page image.
"""

from __future__ import annotations

import numpy as np

from .rulings import Rulings

# A ruling with less than this share of the page's own rulings' contrast with the paper shows
# through from the other side.
SHOW_THROUGH_SHARE = 0.3
# The page's own rulings' tone: this percentile of its rulings' (a back page's broken lines may
# outnumber the page's own three to one: samples/scan-ocr70's calc-mincho-both-t3).
OWN_PERCENTILE = 10
# Rulings of a direction a page must have for their darkness to be the page's own.
MIN_OWN_RULINGS = 3


def _darkness(gray: np.ndarray, seg: tuple[int, int, int, int], vertical: bool) -> float:
    """A ruling's grey: the median, along it, of the darkest pixel across it (one pixel
    round its box)."""
    x0, top, x1, bottom = seg
    if vertical:
        band = gray[top:bottom, max(x0 - 1, 0) : x1 + 1]
        across = 1
    else:
        band = gray[max(top - 1, 0) : bottom + 1, x0:x1]
        across = 0
    if band.size == 0:
        return 255.0
    return float(np.median(band.min(axis=across)))


def drop_show_through(rulings: Rulings, gray: np.ndarray, paper: int) -> int:
    """Take the rulings showing through from the sheet's other side out of ``rulings`` (see
    the module notes), each direction weighed against the page's rulings of that direction (a
    table may print its column lines grey under black row lines: set XXXI's t08, 164 and 30);
    ``gray``: the page image, ``paper``: its paper tone.  Returns how many were taken out."""
    vertical = _faint_ones(rulings.vertical, gray, paper, True)
    horizontal = _faint_ones(rulings.horizontal, gray, paper, False)
    rulings.vertical[:] = [s for s in rulings.vertical if s not in vertical]
    rulings.horizontal[:] = [s for s in rulings.horizontal if s not in horizontal]
    return len(vertical) + len(horizontal)


def _faint_ones(
    segs: list[tuple[int, int, int, int]], gray: np.ndarray, paper: int, vertical: bool
) -> list[tuple[int, int, int, int]]:
    """The rulings of one direction under ``SHOW_THROUGH_SHARE`` of the contrast of the darkest
    tenth of them (``OWN_PERCENTILE``), when at least ``MIN_OWN_RULINGS`` others are not."""
    if len(segs) <= MIN_OWN_RULINGS:
        return []
    tones = [_darkness(gray, s, vertical) for s in segs]
    contrast = paper - float(np.percentile(tones, OWN_PERCENTILE))
    if contrast <= 0:
        return []
    faint = [s for s, tone in zip(segs, tones, strict=True) if paper - tone < SHOW_THROUGH_SHARE * contrast]
    return faint if len(segs) - len(faint) >= MIN_OWN_RULINGS else []
