"""Page images: image files (PNG, JPEG, BMP, TIFF) loaded and PDF pages rendered, as greyscale
``numpy`` images (0 black … 255 white) with their resolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from piatable.settings import OcrSettings

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


def pdf_images(path: Path, numbers: list[int], dpi: float, native: OcrSettings | None = None):  # type: ignore[no-untyped-def]
    """Pages rendered at ``dpi``; with ``native`` settings, a page that is one scanned image is
    rendered at that image's own resolution (within native.min_dpi … native.max_dpi)."""
    from piatable.extract.pdf import open_pdf

    doc = open_pdf(path)
    try:
        for n in numbers:
            d = dpi
            if native is not None:
                nd = native_dpi(doc, n - 1)
                if nd:
                    d = min(max(nd, native.min_dpi), native.max_dpi)
            yield n, render_pdf_page(doc, n - 1, d), d
    finally:
        doc.close()
