"""A colour scan's red and blue planes put back over its green one (chromatic misregistration).

A cheap colour scanner reads the red, green and blue planes on sensor rows a little apart, and a
phone photo's lens bends the colours unequally: the planes of the image lie 1-2 px apart.  Every
black stroke then has a red edge on one side and a cyan or blue one on the other, of a chroma
(brightest minus darkest channel) of 100-200: ``colour_ink`` took those edges for coloured ink,
made some of each glyph paper and kept others as coloured text at their darkest channel (a fresh
tester's colour scan with a coloured header fill: 0 rows of 14 read).

The shift of each plane against the green one is measured by phase correlation (OpenCV's
``phaseCorrelate``, sub-pixel) on the tiles of the page with the most ink, where strokes' edges
are common to all planes whatever the colours.  A scanner shifts a plane the same over the page;
a lens's lateral chromatic aberration scales it about the centre, so the shift grows towards the
edges: the tiles' shifts are fitted by an affine map of the page (least squares, tiles that do
not fit dropped), which holds both, and each plane is moved back by it when the tiles agree.
A coloured fill or coloured text does not bias it: their edges lie in the same place in each
plane.  A page whose planes already agree (< ``MIN_SHIFT_PX`` anywhere) is left as it is.
"""

from __future__ import annotations

import numpy as np

# The tiles measured: this many pixels square, at most TILES of them with the most ink (the
# green plane's spread, judged on every SAMPLE_STEP-th pixel), each at least INKY_SHARE of the
# inkiest one's spread (paper tiles give phaseCorrelate nothing to match).
TILE_PX = 384
TILES = 16
SAMPLE_STEP = 4
INKY_SHARE = 0.4
# Shifts below this (px) are left: JPEG's half-resolution colour already smears edges by ~1 px,
# and colour_ink's rim handling copes with it.  Above MAX_SHIFT_PX the measure is not a plane's
# misregistration (scanners and lenses give 0.5-3 px at 200-300 dpi).
MIN_SHIFT_PX = 0.4
MAX_SHIFT_PX = 6.0
# The tiles agree when each lies within AGREE_PX of the fitted map (constant along a way they
# span under AFFINE_SPAN of the page; all ways when they are under AFFINE_TILES),
# for at least AGREE_SHARE of the tiles; a tile's peak must reach MIN_RESPONSE (phaseCorrelate's
# peak strength 0-1: ink-rich tiles of a misregistered page give 0.2-0.9, paper noise < 0.05).
AGREE_PX = 0.6
AGREE_SHARE = 0.6
MIN_RESPONSE = 0.08
AFFINE_TILES = 6
AFFINE_SPAN = 0.2

# A plane's shift over the page: (a0, a1, a2, b0, b1, b2), dx = a0 + a1 u + a2 v and
# dy = b0 + b1 u + b2 v, with u, v the position across and down the page from its centre as a
# share of its width and height (-0.5 … 0.5).
Field = tuple[float, float, float, float, float, float]


def _tiles(rgb: np.ndarray) -> list[tuple[int, int]]:
    """The (y, x) corners of the inky tiles (INKY_SHARE), at most TILES of them taken evenly
    from the page's reading order (so that they span the page, for the map)."""
    h, w = rgb.shape[:2]
    rows, cols = h // TILE_PX, w // TILE_PX
    step = SAMPLE_STEP
    blocks = rgb[: rows * TILE_PX : step, : cols * TILE_PX : step, 1].astype(np.float32)
    spread = blocks.reshape(rows, TILE_PX // step, cols, TILE_PX // step).std(axis=(1, 3)).ravel()
    top = float(spread.max()) if spread.size else 0.0
    inky = [i for i in range(spread.size) if top > 0 and spread[i] >= INKY_SHARE * top]
    if len(inky) > TILES:
        inky = [inky[round(k)] for k in np.linspace(0, len(inky) - 1, TILES)]
    return [((i // cols) * TILE_PX, (i % cols) * TILE_PX) for i in inky]


def _fit(uv: np.ndarray, d: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Least-squares coefficients (3 each for dx, dy: constant, across, down) of the tiles'
    shifts ``d`` (n×2) at their centres ``uv`` (n×2), tiles off the fit by more than AGREE_PX
    dropped once.  A way the tiles span under AFFINE_SPAN of the page (or all ways, under
    AFFINE_TILES tiles) gets no term: constant that way.  None when under AGREE_SHARE of the
    tiles agree."""
    span = uv.max(axis=0) - uv.min(axis=0)
    ways = [k for k in (0, 1) if span[k] >= AFFINE_SPAN] if len(uv) >= AFFINE_TILES else []
    design = np.column_stack([np.ones(len(uv)), *(uv[:, k] for k in ways)])
    keep = np.ones(len(uv), dtype=bool)
    for _ in range(2):
        coef, *_ = np.linalg.lstsq(design[keep], d[keep], rcond=None)
        keep = np.all(np.abs(design @ coef - d) <= AGREE_PX, axis=1)
        if keep.sum() < max(2, AGREE_SHARE * len(uv)):
            return None
    coef, *_ = np.linalg.lstsq(design[keep], d[keep], rcond=None)
    full = np.zeros((3, 2))
    full[0] = coef[0]
    for row, k in enumerate(ways, 1):
        full[1 + k] = coef[row]
    return full[:, 0], full[:, 1]


def plane_fields(rgb: np.ndarray) -> list[Field] | None:
    """The shift over the page (``Field``) of the red and of the blue plane against the green
    one of ``rgb`` (H×W×3 uint8), as ``phaseCorrelate`` finds it on the inkiest tiles; None
    when the tiles are too few or do not agree (module docstring)."""
    import cv2

    h, w = rgb.shape[:2]
    if h < TILE_PX or w < TILE_PX:
        return None
    corners = _tiles(rgb)
    window = cv2.createHanningWindow((TILE_PX, TILE_PX), cv2.CV_32F)
    out: list[Field] = []
    for c in (0, 2):
        found, uv = [], []
        for y, x in corners:
            g = rgb[y : y + TILE_PX, x : x + TILE_PX, 1].astype(np.float32)
            p = rgb[y : y + TILE_PX, x : x + TILE_PX, c].astype(np.float32)
            (dx, dy), response = cv2.phaseCorrelate(g - g.mean(), p - p.mean(), window)
            if response >= MIN_RESPONSE:
                found.append((dx, dy))
                uv.append(((x + TILE_PX / 2) / w - 0.5, (y + TILE_PX / 2) / h - 0.5))
        if len(found) < max(2, AGREE_SHARE * len(corners)):
            return None
        fit = _fit(np.array(uv), np.array(found))
        if fit is None or _largest(fit) > MAX_SHIFT_PX:
            return None
        (a0, a1, a2), (b0, b1, b2) = fit
        out.append((float(a0), float(a1), float(a2), float(b0), float(b1), float(b2)))
    return out


def _largest(fit: tuple[np.ndarray, np.ndarray] | Field) -> float:
    """A map's largest shift (px) either way at the page's corners."""
    a0, a1, a2, b0, b1, b2 = (float(v) for v in np.concatenate([np.ravel(f) for f in fit]))
    return max(
        max(abs(a0 + a1 * u + a2 * v), abs(b0 + b1 * u + b2 * v)) for u in (-0.5, 0.5) for v in (-0.5, 0.5)
    )


def plane_shifts(rgb: np.ndarray) -> list[tuple[float, float]] | None:
    """The (dx, dy) px of the red and the blue plane against the green one at the page's
    centre (``plane_fields``); None as there."""
    fields = plane_fields(rgb)
    return None if fields is None else [(f[0], f[3]) for f in fields]


def register_planes(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """``rgb`` (H×W×3 uint8) with its red and blue planes moved back over the green one when
    they lie apart (``plane_fields``), and the largest shift undone (px, at a corner of the
    page; 0.0: left as it was)."""
    import cv2

    fields = plane_fields(rgb)
    if fields is None or max(_largest(f) for f in fields) < MIN_SHIFT_PX:
        return rgb, 0.0
    h, w = rgb.shape[:2]
    out = rgb.copy()
    for c, (a0, a1, a2, b0, b1, b2) in zip((0, 2), fields, strict=True):
        # Each pixel takes the plane's value where the map moved it: x + dx(x, y), y + dy(x, y).
        m = np.float32(
            [
                [1 + a1 / w, a2 / h, a0 - (a1 + a2) / 2],
                [b1 / w, 1 + b2 / h, b0 - (b1 + b2) / 2],
            ]
        )
        out[..., c] = cv2.warpAffine(
            rgb[..., c],
            m,
            (w, h),
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            borderMode=cv2.BORDER_REPLICATE,
        )
    return out, max(_largest(f) for f in fields)
