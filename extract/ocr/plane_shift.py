"""A colour scan's red and blue planes put back over its green one (chromatic misregistration).

A cheap colour scanner reads the red, green and blue planes on sensor rows a little apart, and a
phone photo's lens bends the colours unequally: the planes of the image lie 1-2 px apart.  Every
black stroke then has a red edge on one side and a cyan or blue one on the other, of a chroma
(brightest minus darkest channel) of 100-200: ``colour_ink`` took those edges for coloured ink,
made some of each glyph paper and kept others as coloured text at their darkest channel (a fresh
tester's colour scan with a coloured header fill: 0 rows of 14 read).

The shift of each plane against the green one is measured by phase correlation (OpenCV's
``phaseCorrelate``, sub-pixel) on the tiles of the page with the most ink, where strokes' edges
are common to all planes whatever the colours; the planes are moved back when the tiles agree.
A coloured fill or coloured text does not bias it: their edges lie in the same place in each
plane.  A page whose planes already agree (< ``MIN_SHIFT_PX``) is left as it is.
"""

from __future__ import annotations

import numpy as np

# The tiles measured: this many pixels square, the TILES with the most ink (the grey's variance).
TILE_PX = 384
TILES = 5
SAMPLE_STEP = 4
# Shifts below this (px) are left: JPEG's half-resolution colour already smears edges by ~1 px,
# and colour_ink's rim handling copes with it.  Above MAX_SHIFT_PX the measure is not a plane's
# misregistration (scanners and lenses give 0.5-3 px at 200-300 dpi).
MIN_SHIFT_PX = 0.4
MAX_SHIFT_PX = 6.0
# The tiles' shifts agree when each lies within this many px of their median, for at least
# AGREE_SHARE of the tiles; a tile's peak must reach MIN_RESPONSE (phaseCorrelate's peak
# strength 0-1: ink-rich tiles of a misregistered page give 0.2-0.9, paper noise under 0.05).
AGREE_PX = 0.6
AGREE_SHARE = 0.6
MIN_RESPONSE = 0.08


def plane_shifts(rgb: np.ndarray) -> list[tuple[float, float]] | None:
    """The (dx, dy) px of the red and the blue plane against the green one of ``rgb`` (H×W×3
    uint8), as ``phaseCorrelate`` finds them on the inkiest tiles; None when the tiles are too
    few or do not agree (module docstring)."""
    import cv2

    h, w = rgb.shape[:2]
    if h < TILE_PX or w < TILE_PX:
        return None
    green = rgb[..., 1]
    rows, cols = h // TILE_PX, w // TILE_PX
    # The tiles' ink judged on every SAMPLE_STEP-th pixel.
    step = SAMPLE_STEP
    blocks = green[: rows * TILE_PX : step, : cols * TILE_PX : step].astype(np.float32)
    spread = blocks.reshape(rows, TILE_PX // step, cols, TILE_PX // step).std(axis=(1, 3)).ravel()
    best = [int(i) for i in np.argsort(spread)[::-1][:TILES] if spread[i] > 0]
    window = cv2.createHanningWindow((TILE_PX, TILE_PX), cv2.CV_32F)
    out: list[tuple[float, float]] = []
    for c in (0, 2):
        found = []
        for i in best:
            y, x = (i // cols) * TILE_PX, (i % cols) * TILE_PX
            g = green[y : y + TILE_PX, x : x + TILE_PX].astype(np.float32)
            p = rgb[y : y + TILE_PX, x : x + TILE_PX, c].astype(np.float32)
            (dx, dy), response = cv2.phaseCorrelate(g - g.mean(), p - p.mean(), window)
            if response >= MIN_RESPONSE:
                found.append((dx, dy))
        if len(found) < max(2, AGREE_SHARE * len(best)):
            return None
        arr = np.array(found)
        mid = np.median(arr, axis=0)
        near = np.all(np.abs(arr - mid) <= AGREE_PX, axis=1)
        if near.sum() < AGREE_SHARE * len(found) or np.abs(mid).max() > MAX_SHIFT_PX:
            return None
        out.append((float(arr[near, 0].mean()), float(arr[near, 1].mean())))
    return out


def register_planes(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """``rgb`` (H×W×3 uint8) with its red and blue planes moved back over the green one when
    they lie apart (``plane_shifts``), and the larger shift undone (px; 0.0: left as it was)."""
    import cv2

    shifts = plane_shifts(rgb)
    if shifts is None or max(max(abs(dx), abs(dy)) for dx, dy in shifts) < MIN_SHIFT_PX:
        return rgb, 0.0
    h, w = rgb.shape[:2]
    out = rgb.copy()
    for c, (dx, dy) in zip((0, 2), shifts, strict=True):
        if max(abs(dx), abs(dy)) < MIN_SHIFT_PX:
            continue
        m = np.float32([[1, 0, -dx], [0, 1, -dy]])
        out[..., c] = cv2.warpAffine(
            rgb[..., c], m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
    return out, max(max(abs(dx), abs(dy)) for dx, dy in shifts)
