"""Page images: image files (PNG, JPEG, BMP, TIFF) loaded and PDF pages rendered, as greyscale
``numpy`` images (0 black … 255 white) with their resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from piatable.settings import OcrSettings

# A4 long side in inches: the resolution of an image that carries no dpi is taken from it.
A4_LONG_IN = 297 / 25.4
EXIF_ORIENTATION = 0x0112


@dataclass(slots=True)
class PageImage:
    """One page as a greyscale image with its resolution."""

    gray: np.ndarray
    dpi: float
    page: int  # 1-based
    exif_orientation: int = 1  # the file's EXIF orientation tag (1: as stored), already applied


def estimate_dpi(width: int, height: int) -> float:
    """The resolution of an A4 page (either orientation) of this many pixels."""
    return max(width, height) / A4_LONG_IN


def load_images(path: Path, fallback_dpi: float = 0.0) -> list[PageImage]:
    """Every frame of a PNG, JPEG, BMP or (multi-page) TIFF (``iter_images``), in a list."""
    return list(iter_images(path, fallback_dpi))


def iter_images(path: Path, fallback_dpi: float = 0.0) -> Iterator[PageImage]:
    """The frames of a PNG, JPEG, BMP or (multi-page) TIFF one at a time, as greyscale with
    their dpi, turned and mirrored as their EXIF orientation tag says (cameras and phones store a
    page sideways with tag 6 or 8)."""
    from PIL import Image, ImageOps, ImageSequence

    with Image.open(path) as im:
        for k, frame in enumerate(ImageSequence.Iterator(im)):
            info = frame.info.get("dpi") or im.info.get("dpi")
            dpi = float(info[0]) if info and info[0] and float(info[0]) > 30 else 0.0
            # Files saved without a resolution claim 72 dpi: an A4 page at 72 dpi is far smaller
            # than any scan, so trust the page size instead then.
            if not dpi or (dpi <= 96 and max(frame.size) > 1.5 * A4_LONG_IN * dpi):
                dpi = fallback_dpi or estimate_dpi(*frame.size)
            tag = int(frame.getexif().get(EXIF_ORIENTATION, 1) or 1)
            if tag != 1:
                frame = ImageOps.exif_transpose(frame)
            gray = np.asarray(frame.convert("L"), dtype=np.uint8).copy()
            yield PageImage(gray, dpi, k + 1, tag)


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


def page_is_empty(doc, index: int) -> bool:  # type: ignore[no-untyped-def]
    """Page ``index`` draws nothing at all (no page objects): blank without rendering."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        return raw.FPDFPage_CountObjects(page.raw) == 0
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


def pdf_images(
    path: Path,
    numbers: Iterable[int],
    dpi: float,
    native: OcrSettings | None = None,
    skip_empty: bool = False,
) -> Iterator[tuple[int, np.ndarray | None, float]]:
    """Pages rendered at ``dpi``, one at a time (page number, image, dpi); with ``native``
    settings, a page that is one scanned image is rendered at that image's own resolution
    (within native.min_dpi … native.max_dpi).  With ``skip_empty``, a page that draws nothing
    comes as (number, None, dpi), not rendered."""
    from piatable.extract.pdf import open_pdf

    doc = open_pdf(path)
    try:
        for n in numbers:
            if skip_empty and page_is_empty(doc, n - 1):
                yield n, None, dpi
                continue
            d = dpi
            if native is not None:
                nd = native_dpi(doc, n - 1)
                if nd:
                    d = min(max(nd, native.min_dpi), native.max_dpi)
            yield n, render_pdf_page(doc, n - 1, d), d
    finally:
        doc.close()
