"""Page images: image files (PNG, JPEG, BMP, TIFF) loaded and PDF pages rendered, as greyscale
``numpy`` images (0 black … 255 white) with their resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from piatable.settings import OcrSettings

from .colour_ink import ColourInk, grey_without_colour

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
    # The file gave no usable resolution: ``dpi`` is that of an A4 page of its size (``estimate_dpi``).
    dpi_from_size: bool = False
    # The coloured ink made paper or kept as text (``colour_ink``).
    colour: ColourInk = field(default_factory=ColourInk)


# Horizontal and vertical resolutions further apart than this share of the finer are a page of
# oblong pixels (a fax's 200 × 100 dpi), stretched square before it is read (``iter_images``).
SQUARE_DPI_SLACK = 0.02


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
            info = tuple(float(v) for v in info) if info else None  # TIFF gives IFDRationals
            tag = int(frame.getexif().get(EXIF_ORIENTATION, 1) or 1)
            tag_applied = 1
            colour = ColourInk()
            if (
                info
                and len(info) == 2
                and min(info) > 30
                and abs(info[0] - info[1]) > SQUARE_DPI_SLACK * max(info)
            ):
                # A fax page (200 × 100 dpi: its pixels twice as tall as wide) is stretched to square
                # pixels at its finer resolution: read as stored, every glyph is squashed and OCR
                # gave a `success` with most cells wrong (a new user's set XVI).
                fine = float(max(info))
                if tag != 1:  # turned first, while the frame has its EXIF; a quarter turn swaps the axes
                    frame = ImageOps.exif_transpose(frame)
                    info = (info[1], info[0]) if tag in (5, 6, 7, 8) else info
                    tag_applied = tag
                size = (
                    round(frame.width * fine / float(info[0])),
                    round(frame.height * fine / float(info[1])),
                )
                grey, colour = grey_without_colour(frame, fine)
                frame = Image.fromarray(grey).resize(size, Image.Resampling.LANCZOS)
                info = (fine, fine)
            dpi = float(info[0]) if info and info[0] and float(info[0]) > 30 else 0.0
            # Files saved without a resolution claim 72 dpi: an A4 page at 72 dpi is far smaller
            # than any scan, so trust the page size instead then.
            from_size = False
            if not dpi or (dpi <= 96 and max(frame.size) > 1.5 * A4_LONG_IN * dpi):
                dpi = fallback_dpi or estimate_dpi(*frame.size)
                from_size = not fallback_dpi
            if tag != 1 and tag_applied == 1:
                frame = ImageOps.exif_transpose(frame)
            gray, ink = grey_without_colour(frame, dpi)  # (a fax page is grey already: its own said)
            colour = ink if frame.mode != "L" else colour
            yield PageImage(gray, dpi, k + 1, tag, from_size, colour)


def image_dpis(obj) -> tuple[float, float] | None:  # type: ignore[no-untyped-def]
    """(across, down) resolution of a PDF image object as it is placed on its page: its pixels
    over its placed size, axes swapped when the image is drawn turned a quarter.  None for an
    image placed with no extent."""
    left, bottom, right, top = obj.get_bounds()
    w_px, h_px = obj.get_px_size()
    if right - left <= 0 or top - bottom <= 0:
        return None
    a, b, c, d, _, _ = obj.get_matrix().get()
    if abs(b) + abs(c) > abs(a) + abs(d):  # drawn turned: its rows run down the page
        w_px, h_px = h_px, w_px
    return w_px / ((right - left) / 72), h_px / ((top - bottom) / 72)


def oblong(dpis: tuple[float, float]) -> bool:
    """Pixels whose two resolutions differ by more than ``SQUARE_DPI_SLACK`` of the finer (a fax's
    200 × 100 dpi)."""
    return abs(dpis[0] - dpis[1]) > SQUARE_DPI_SLACK * max(dpis)


def native_dpi(doc, index: int) -> float | None:  # type: ignore[no-untyped-def]
    """The resolution of the largest image drawn on page ``index`` (a scanned page is one image
    covering the page): rendering at it neither blurs nor invents pixels.  An image of oblong
    pixels (a fax kept as a PDF: 200 dpi across, 100 down) gives its finer resolution, so the
    page is rendered with square pixels that lose none of its detail.  None without one."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        best: tuple[float, float] | None = None
        for obj in page.get_objects(max_depth=2):
            if obj.type != raw.FPDF_PAGEOBJ_IMAGE or (dpis := image_dpis(obj)) is None:
                continue
            left, bottom, right, top = obj.get_bounds()
            area = (right - left) * (top - bottom)
            if best is None or area > best[0]:
                best = (area, max(dpis))
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


def page_jpeg(doc, index: int) -> tuple[bytes, float] | None:  # type: ignore[no-untyped-def]
    """The JPEG of page ``index`` and its printed width (points) when the page is one JPEG
    image covering the page (what a scanner writes); None for any other page."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        if raw.FPDFPage_CountObjects(page.raw) != 1:
            return None
        obj = next(iter(page.get_objects(max_depth=1)))
        if obj.type != raw.FPDF_PAGEOBJ_IMAGE or obj.get_filters()[-1:] != ["DCTDecode"]:
            return None
        left, bottom, right, top = obj.get_bounds()
        pw, ph = page.get_size()
        if right <= left or (right - left) * (top - bottom) < QUICK_COVER_SHARE * pw * ph:
            return None
        return bytes(obj.get_data(decode_simple=True)), right - left
    finally:
        page.close()


def jpeg_blank(data: bytes, width_pt: float, settings: OcrSettings) -> bool | None:
    """Whether a scanned page's JPEG (printed ``width_pt`` wide) has no ink, judged from the
    JPEG decoded at a fraction of its size (libjpeg's DCT scaling: a few milliseconds, where
    rendering the page costs a full decode and a resample).  None when the image does not look
    like paper (dark or inverted, or not greyscale/colour): the caller renders it and decides.
    Safe to run in threads (no pdfium).

    At ``blank_quick_dpi`` a scanner's noise and specks are averaged away, while a stroke of
    text still darkens its pixels by far more than ``blank_quick_contrast``: the quick look is
    stricter than the rendered one (``pages.is_blank``), never looser.
    """
    import io

    from PIL import Image

    from .ink import ink_share

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.mode not in ("L", "RGB", "YCbCr"):
                return None
            width_px, height_px = im.size
            dpi = width_px / (width_pt / 72)
            scale = min(settings.blank_quick_dpi / dpi, 1.0)
            im.draft("L", (max(int(width_px * scale), 1), max(int(height_px * scale), 1)))
            gray = np.asarray(im.convert("L"), dtype=np.uint8)
    except (OSError, SyntaxError, ValueError, ZeroDivisionError):
        return None
    seen_dpi = dpi * gray.shape[1] / width_px
    step = max(min(gray.shape) // 200, 1)
    if np.median(gray[::step, ::step]) < QUICK_PAPER_MIN:
        return None
    look = min(settings.blank_quick_dpi, seen_dpi)
    share = ink_share(gray, seen_dpi, look, settings.blank_quick_contrast)
    # A faint page (a light copy: its strokes, averaged small, stay within blank_quick_contrast of
    # the paper) is no blank: rendered, it is judged as a faint page (``faint_pages``).
    faint = ink_share(gray, seen_dpi, look, settings.blank_quick_faint_contrast)
    return share < settings.blank_ink_share and faint < settings.blank_ink_share


def jpeg_page_blank(doc, index: int, settings: OcrSettings) -> bool | None:  # type: ignore[no-untyped-def]
    """``jpeg_blank`` of page ``index`` when it is one JPEG covering the page; else None."""
    found = page_jpeg(doc, index)
    return None if found is None else jpeg_blank(found[0], found[1], settings)


# The quick blank test takes a page image only when it covers this share of the page, and only
# when its paper is at least this light (an inverted or dark image is left to the renderer).
QUICK_COVER_SHARE = 0.8
QUICK_PAPER_MIN = 128


def scanned_page_gray(doc, index: int) -> tuple[np.ndarray, float, ColourInk] | None:  # type: ignore[no-untyped-def]
    """Page ``index`` as its scanner stored it (with the coloured ink made paper or kept:
    ``colour_ink``): when the page is one greyscale or colour JPEG
    drawn upright over the whole page (``page_jpeg``, no page rotation, no turn or mirror in
    the image's matrix, its edges within PAGE_EDGE_PT of the page's), the JPEG's own pixels
    decoded as luminance only (libjpeg skips the colour planes), with the resolution they are
    printed at.  None for any other page (the caller renders it).

    Where this comes from: rendering such a page at its native resolution decodes the whole
    JPEG and resamples it onto the page grid (pdfium: 0.16 CPU s for an A4 page at 300 dpi,
    shifting it by up to a pixel); the decode alone takes 0.03 s and gives the scanner's own
    pixels.  An image whose ``/Decode`` array inverts it is not told apart (scanners write
    none)."""
    import io

    from PIL import Image

    page = doc[index]
    try:
        rotation = page.get_rotation()
        pw, ph = page.get_size()
    finally:
        page.close()
    if rotation:
        return None
    found = page_jpeg(doc, index)
    if found is None:
        return None
    data, _ = found
    page = doc[index]
    try:
        obj = next(iter(page.get_objects(max_depth=1)))
        a, b, c, d, _, _ = obj.get_matrix().get()
        left, bottom, right, top = obj.get_bounds()
        dpis = image_dpis(obj)
    finally:
        page.close()
    if b or c or a <= 0 or d <= 0:
        return None
    # Oblong pixels (a fax's 200 × 100 dpi): taken as stored, every glyph would be squashed
    # (OCR read such a page as a success with no row right); rendered, they come out square.
    if dpis is None or oblong(dpis):
        return None
    if max(abs(left), abs(bottom), abs(right - pw), abs(top - ph)) > PAGE_EDGE_PT:
        return None
    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.mode not in ("L", "RGB", "YCbCr"):
                return None
            if im.mode == "L":
                im.draft("L", im.size)
            dpi = im.size[0] / (pw / 72)
            gray, colour = grey_without_colour(im, dpi)
    except (OSError, SyntaxError, ValueError):
        return None
    return gray, gray.shape[1] / (pw / 72), colour


# A scanned page's image is taken as drawn over the whole page when each of its edges lies
# within this many points of the page's (a scanner's rounding of the page size).
PAGE_EDGE_PT = 1.0


def render_pdf_page(doc, index: int, dpi: float) -> tuple[np.ndarray, ColourInk]:  # type: ignore[no-untyped-def]
    """Page ``index`` (0-based) of a pypdfium2 document as a greyscale image at ``dpi``, and the
    coloured ink made paper or kept (``colour_ink``)."""
    page = doc[index]
    try:
        bitmap = page.render(scale=dpi / 72, may_draw_forms=False)
        return grey_without_colour(bitmap.to_pil(), dpi)
    finally:
        page.close()


def pdf_images(
    path: Path,
    numbers: Iterable[int],
    dpi: float,
    native: OcrSettings | None = None,
    skip_empty: bool = False,
    quick_blank: OcrSettings | None = None,
    colour: dict[int, ColourInk] | None = None,
) -> Iterator[tuple[int, np.ndarray | None, float]]:
    """Pages rendered at ``dpi``, one at a time (page number, image, dpi); with ``native``
    settings, a page that is one scanned image is rendered at that image's own resolution
    (within native.min_dpi … native.max_dpi), or, when that needs no resampling, taken as the
    scanner stored it (``scanned_page_gray``).  With ``skip_empty``, a page that draws nothing
    comes as (number, None, dpi), not rendered; with ``quick_blank`` settings, so does a page
    that is one JPEG without ink (``jpeg_page_blank``).  ``colour`` gets each rendered page's
    ``ColourInk`` by page number."""
    from piatable.extract.pdf import open_pdf

    doc = open_pdf(path)
    try:
        for n, blank in _quick_blanks(doc, numbers, skip_empty, quick_blank):
            if blank:
                yield n, None, dpi
                continue
            d = dpi
            if native is not None:
                nd = native_dpi(doc, n - 1)
                if nd:
                    d = min(max(nd, native.min_dpi), native.max_dpi)
                if nd and d == nd and (own := scanned_page_gray(doc, n - 1)) is not None:
                    if colour is not None:
                        colour[n] = own[2]
                    yield n, own[0], own[1]
                    continue
            gray, ink = render_pdf_page(doc, n - 1, d)
            if colour is not None:
                colour[n] = ink
            yield n, gray, d
    finally:
        doc.close()


# Pages whose JPEGs are judged ahead of the reader, in threads (libjpeg releases the GIL).
QUICK_LOOKAHEAD = 16


def _quick_blanks(  # type: ignore[no-untyped-def]
    doc, numbers: Iterable[int], skip_empty: bool, quick: OcrSettings | None
) -> Iterator[tuple[int, bool]]:
    """(page number, blank) in order: blank when the page draws nothing (``skip_empty``) or is
    one JPEG without ink (``quick`` settings).  The JPEGs of the next QUICK_LOOKAHEAD pages are
    taken out in this thread (pdfium is not thread-safe) and decoded in a pool of one thread
    per core, so that a long run of scanned blank pages costs a fraction of a decode each."""
    import os
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    if quick is None:
        for n in numbers:
            yield n, skip_empty and page_is_empty(doc, n - 1)
        return
    pending: deque[tuple[int, Future[bool | None] | bool]] = deque()
    with ThreadPoolExecutor(max(os.cpu_count() or 1, 1)) as pool:
        todo = iter(numbers)
        while True:
            while len(pending) < QUICK_LOOKAHEAD and (n := next(todo, None)) is not None:
                if skip_empty and page_is_empty(doc, n - 1):
                    pending.append((n, True))
                    continue
                found = page_jpeg(doc, n - 1)
                pending.append((n, False if found is None else pool.submit(jpeg_blank, *found, quick)))
            if not pending:
                return
            n, verdict = pending.popleft()
            yield n, bool(verdict if isinstance(verdict, bool) else verdict.result())
