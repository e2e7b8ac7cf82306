"""A scanned PDF page (one JPEG over the whole page, as scanners write it) is read from the
JPEG's own pixels, not rendered: the same image, without pdfium's decode and resample."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from piatable.extract.ocr.render import pdf_images, scanned_page_gray
from piatable.extract.pdf import open_pdf
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import make_scans

SEED_PDF = SAMPLES / "office" / "calc-kokuho" / "input.pdf"


def _scanned(tmp_path: Path, dpi: int = 200) -> Path:
    out = tmp_path / "scan.pdf"
    make_scans.scan_pdf(SEED_PDF, out, dpi, make_scans.Damage(angle=0.4, jpeg=70, noise=5, seed=1))
    return out


def _jpeg_pixels(path: Path, index: int) -> np.ndarray:
    doc = open_pdf(path)
    try:
        page = doc[index]
        obj = next(iter(page.get_objects(max_depth=1)))
        data = bytes(obj.get_data(decode_simple=True))
        page.close()
    finally:
        doc.close()
    return np.asarray(Image.open(io.BytesIO(data)).convert("L"))


def test_a_scanners_page_comes_as_its_jpeg_at_its_resolution(tmp_path):
    path = _scanned(tmp_path)
    doc = open_pdf(path)
    try:
        got = scanned_page_gray(doc, 0)
    finally:
        doc.close()
    assert got is not None
    gray, dpi, _ = got
    assert abs(dpi - 200) < 0.5
    assert np.array_equal(gray, _jpeg_pixels(path, 0))
    frames = list(pdf_images(path, [1], 300, Settings().ocr))
    assert len(frames) == 1 and frames[0][0] == 1
    assert np.array_equal(frames[0][1], gray) and abs(frames[0][2] - 200) < 0.5


def test_a_turned_page_or_one_with_more_drawn_is_rendered(tmp_path):
    path = _scanned(tmp_path)
    doc = pdfium.PdfDocument(str(path))
    doc[0].set_rotation(90)
    doc.save(str(tmp_path / "turned.pdf"))
    doc.close()
    turned = open_pdf(tmp_path / "turned.pdf")
    try:
        assert scanned_page_gray(turned, 0) is None
    finally:
        turned.close()
    # A text-layer page (LibreOffice's export: text objects, no JPEG) is rendered too.
    office = open_pdf(SEED_PDF)
    try:
        assert scanned_page_gray(office, 0) is None
    finally:
        office.close()
    # The rendered turned page is the JPEG's pixels turned, as before.
    frames = list(pdf_images(tmp_path / "turned.pdf", [1], 300, Settings().ocr))
    h, w = _jpeg_pixels(path, 0).shape
    assert abs(frames[0][1].shape[0] - w) <= 1 and abs(frames[0][1].shape[1] - h) <= 1
