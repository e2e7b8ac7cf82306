"""Uneven lighting evened out before a scanned page is measured (extract/ocr/lighting.py, issue
11; set XII's c6-scan300light.jpg: the right side's paper darkened to ~45 %, no table found and
the page's 0.8° turn taken for -1.04°).  samples/office-ocr51 is made by
tools/make_ocr51_samples.py (tuning set): its calc-vlgothic-300-t1 is a VL Gothic Calc table
scanned at 300 dpi, turned 0.8°, lit the same way.  No tesseract run: the steps before OCR."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.deskew import skew_angle
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.lighting import MIN_SPREAD, flatten_page, lighting_spread, paper_estimate
from piatable.extract.ocr.render import load_images
from piatable.extract.ocr.rulings import find_rulings
from piatable.settings import Settings

from .conftest import SAMPLES

LIT = SAMPLES / "office-ocr51" / "calc-vlgothic-300-t1" / "input.jpg"
EVEN = SAMPLES / "office-ocr51" / "writer-takao-200-t2" / "input.jpg"


def _page(path):
    (image,) = load_images(path)
    ink = binarize(image.gray)
    return image.gray, ink, glyph_height(ink, image.dpi), image.dpi


def _measure(ink, glyph):
    s = Settings().ocr
    angle = skew_angle(ink, glyph, s.ruling_kernel_em, s.min_ruling_em, s.max_skew_deg)
    rulings = find_rulings(ink, glyph, s.ruling_kernel_em, s.min_ruling_em, s.min_vertical_em)
    return angle, rulings


def test_a_page_lit_from_one_side_is_evened_out():
    gray, ink, glyph, dpi = _page(LIT)
    # Otsu on the page as lit: the darkened half is one block of "ink".
    assert (ink[:, -ink.shape[1] // 4 :] > 0).mean() > 0.9
    flat, flat_ink, flat_glyph, notes = flatten_page(gray, ink, glyph, dpi, 1)
    assert flat is not gray and len(notes) == 1
    assert notes[0].startswith("page 1: uneven lighting (the paper's tone varies by ")
    assert (flat_ink[:, -flat_ink.shape[1] // 4 :] > 0).mean() < 0.1
    angle, rulings = _measure(flat_ink, flat_glyph)
    # PIL turned the page 0.8° counter-clockwise: 0.8 undone.
    assert angle == pytest.approx(0.8, abs=0.15)
    # The grid's rulings are found across the page, the dark side too: the label row's and the
    # three rows' lines, the table's edges and its five column lines.
    assert len(rulings.horizontal) >= 5 and len(rulings.vertical) >= 7
    assert max(x1 for _, _, x1, _ in rulings.horizontal) > 0.8 * flat.shape[1]


def test_a_page_lit_evenly_is_left_as_it_is():
    gray, ink, glyph, dpi = _page(EVEN)
    assert lighting_spread(paper_estimate(gray, glyph), glyph) < MIN_SPREAD / 4
    flat, flat_ink, flat_glyph, notes = flatten_page(gray, ink, glyph, dpi, 1)
    assert flat is gray and flat_ink is ink and flat_glyph == glyph and notes == []
