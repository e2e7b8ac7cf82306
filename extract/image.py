"""Image operations for scanned pages: loading, rendering, binarising, deskewing, ruling lines.

Everything here works in pixels of a greyscale ``numpy`` image (0 black … 255 white); the OCR
module converts to points (72/dpi) at the end.  Lengths are in multiples of the page's glyph
height (estimated from the ink's connected components) so that one default serves 200 and 400 dpi.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

# A4 long side in inches: the resolution of an image that carries no dpi is taken from it.
A4_LONG_IN = 297 / 25.4


@dataclass(slots=True)
class PageImage:
    """One page as a greyscale image with its resolution."""

    gray: np.ndarray
    dpi: float
    page: int  # 1-based


def estimate_dpi(width: int, height: int) -> float:
    """The resolution of an A4 page (either orientation) of this many pixels."""
    return max(width, height) / A4_LONG_IN


def load_images(path: Path, fallback_dpi: float = 0.0) -> list[PageImage]:
    """Every frame of a PNG, JPEG, BMP or (multi-page) TIFF, as greyscale with its dpi."""
    from PIL import Image, ImageSequence

    out: list[PageImage] = []
    with Image.open(path) as im:
        for k, frame in enumerate(ImageSequence.Iterator(im)):
            info = frame.info.get("dpi") or im.info.get("dpi")
            dpi = float(info[0]) if info and info[0] and float(info[0]) > 30 else 0.0
            # Files saved without a resolution claim 72 dpi: an A4 page at 72 dpi is far smaller
            # than any scan, so trust the page size instead then.
            if not dpi or (dpi <= 96 and max(frame.size) > 1.5 * A4_LONG_IN * dpi):
                dpi = fallback_dpi or estimate_dpi(*frame.size)
            gray = np.asarray(frame.convert("L"), dtype=np.uint8).copy()
            out.append(PageImage(gray, dpi, k + 1))
    return out


def native_dpi(doc, index: int) -> float | None:  # type: ignore[no-untyped-def]
    """The resolution of the largest image drawn on page ``index`` (a scanned page is one image
    covering the page): rendering at it neither blurs nor invents pixels.  None without one."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        best: tuple[float, float] | None = None
        for obj in page.get_objects(max_depth=2):
            if obj.type != raw.FPDF_PAGEOBJ_IMAGE:
                continue
            left, bottom, right, top = obj.get_bounds()
            w_px, _ = obj.get_px_size()
            area = (right - left) * (top - bottom)
            if right - left > 0 and (best is None or area > best[0]):
                best = (area, w_px / ((right - left) / 72))
        return best[1] if best else None
    finally:
        page.close()


def render_pdf_page(doc, index: int, dpi: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Page ``index`` (0-based) of a pypdfium2 document as a greyscale image at ``dpi``."""
    page = doc[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=False)
        img = bitmap.to_pil().convert("L")
        return np.asarray(img, dtype=np.uint8).copy()
    finally:
        page.close()


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


def _line_masks(ink: np.ndarray, kernel: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical stroke masks: the ink opened with long thin kernels."""
    kernel = max(int(kernel), 5)
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (kernel, 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, kernel))
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, hk), cv2.morphologyEx(ink, cv2.MORPH_OPEN, vk)


def skew_angle(ink: np.ndarray, glyph: float, kernel_em: float, min_len_em: float, max_deg: float) -> float:
    """The page's rotation in degrees (positive: the content is turned counter-clockwise as
    seen), from the long horizontal ruling lines; from the text lines' projection profile when
    the page has none.  0 when nothing decides."""
    hmask, _ = _line_masks(ink, kernel_em * glyph)
    # Bridge the stair steps a slanted line leaves in the opened mask.
    hmask = cv2.dilate(hmask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(hmask, connectivity=8)
    angles: list[float] = []
    weights: list[float] = []
    for k in range(1, n):
        w = stats[k, cv2.CC_STAT_WIDTH]
        if w < min_len_em * glyph * 3:
            continue
        x, y, ww, hh = stats[k, :4]
        ys, xs = np.nonzero(labels[y : y + hh, x : x + ww] == k)
        if len(xs) < 10:
            continue
        slope = np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0]
        a = float(np.degrees(np.arctan(slope)))
        if abs(a) <= max_deg:
            angles.append(a)
            weights.append(float(w))
    if angles:
        order = np.argsort(angles)
        cum = np.cumsum(np.asarray(weights)[order])
        return -float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])
    return _profile_angle(ink, max_deg)


# How much more peaked (relative) the text lines' profile must be at an angle than level.
PROFILE_GAIN = 0.01


def _profile_angle(ink: np.ndarray, max_deg: float, step: float = 0.1) -> float:
    """The rotation that makes the text lines' row sums most peaked (on a reduced image)."""
    scale = min(1.0, 1000 / max(ink.shape))
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape

    def score(a: float) -> float:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), a, 1.0)
        rot = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        return float(np.square(np.diff(rot.sum(axis=1, dtype=np.float64))).sum())

    # Level unless some angle makes the lines clearly more peaked (a blank or noisy page: level).
    best, best_score = 0.0, score(0.0) * (1 + PROFILE_GAIN)
    for a in np.arange(-max_deg, max_deg + step / 2, step):
        s = score(float(a))
        if s > best_score:
            best, best_score = float(a), s
    return -best


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by ``-angle`` degrees about its centre (undoing a rotation of ``angle``),
    same size, white fill."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


@dataclass(slots=True)
class Rulings:
    """Ruling segments in pixels as (x0, top, x1, bottom), and the mask of their ink."""

    horizontal: list[tuple[int, int, int, int]]
    vertical: list[tuple[int, int, int, int]]
    mask: np.ndarray


def find_rulings(
    ink: np.ndarray, glyph: float, kernel_em: float, min_len_em: float, min_vertical_em: float = 0.0
) -> Rulings:
    """Straight ruling lines by morphology: the ink opened with horizontal and vertical kernels
    a few glyphs long (no character stroke is that long), small breaks closed, short pieces
    dropped."""
    hmask, vmask = _line_masks(ink, kernel_em * glyph)
    gap = max(int(glyph / 2), 3)
    hmask = cv2.morphologyEx(hmask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
    vmask = cv2.morphologyEx(vmask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    min_len = min_len_em * glyph
    # Vertical strokes of characters stacked in tightly spaced lines (市, 本, 1 under each
    # other) chain into short vertical "lines"; a table's vertical borders run through rows.
    min_vertical = max(min_len, min_vertical_em * glyph)
    horizontal: list[tuple[int, int, int, int]] = []
    vertical: list[tuple[int, int, int, int]] = []
    for mask, out, along, least in ((hmask, horizontal, 2, min_len), (vmask, vertical, 3, min_vertical)):
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for k in range(1, n):
            x, y, w, h = (int(v) for v in stats[k, :4])
            if stats[k, along] >= least:
                out.append((x, y, x + w, y + h))
            else:
                mask[labels == k] = 0
    mask = cv2.bitwise_or(hmask, vmask)
    return Rulings(horizontal, vertical, mask)


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
