"""Uneven lighting evened out before a scanned page is measured (extract/ocr/lighting.py, issue
11; set XII's c6-scan300light.jpg: the right side's paper darkened to ~45 %, no table found and
the page's 0.8° turn taken for -1.04°).  samples/office-ocr51 is made by
tools/make_ocr51_samples.py (tuning set): its calc-vlgothic-300-t1 is a VL Gothic Calc table
scanned at 300 dpi, turned 0.8°, lit the same way.  No tesseract run: the steps before OCR, and
the placeholder triangles (△△) told from the kana tesseract reads them as
(extract/ocr/triangles.py)."""

from __future__ import annotations

import functools

import pytest

from piatable.extract.ocr.deskew import rotate, skew_angle
from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.lighting import MIN_SPREAD, flatten_page, lighting_spread, paper_estimate
from piatable.extract.ocr.pages import _quick_look
from piatable.extract.ocr.render import load_images
from piatable.extract.ocr.rulings import find_rulings
from piatable.extract.ocr.triangles import restore_triangles, triangles_in
from piatable.settings import Settings

from .conftest import SAMPLES

LIT = SAMPLES / "office-ocr51" / "calc-vlgothic-300-t1" / "input.jpg"
EVEN = SAMPLES / "office-ocr51" / "writer-takao-200-t2" / "input.jpg"


@functools.cache
def _page(path):
    """(grey, ink, glyph height, dpi) of a sample page, loaded once (the arrays are not changed)."""
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


def test_the_placeholder_triangles_are_found_on_the_page_and_nowhere_else():
    # The lit page's text ink, evened and deskewed as scan_image does: its four △ (株式会社△△
    # 情報センター, 株式会社△△データサービス) are the page's only outlined triangles.
    gray, ink, glyph, dpi = _page(LIT)
    flat, flat_ink, flat_glyph, _ = flatten_page(gray, ink, glyph, dpi, 1)
    angle, _ = _measure(flat_ink, flat_glyph)
    page = binarize(rotate(flat, angle))
    h, w = page.shape
    found = triangles_in(page, (0, 0, w, h), flat_glyph)
    assert len(found) == 4
    pairs = sorted(found, key=lambda t: (t[0] // (4 * flat_glyph), t[0]))
    assert [abs(b[0] - a[0]) < 1.5 * flat_glyph for a, b in zip(pairs[::2], pairs[1::2], strict=True)] == [
        True,
        True,
    ]
    # A run of look-alikes read over two of them (as tesseract read it: へへ, its boxes a glyph
    # off the ink) becomes two △ between its neighbours; a run over none stays.
    (x, y, tw, th), (x2, _, _, _) = pairs[0], pairs[1]
    line = (1, 1, 1)
    words = [
        TsvWord("社", x - tw - 2, y, tw, th, 96.0, line),
        TsvWord("へ", x + tw // 2, y, tw, th, 91.0, line),
        TsvWord("へ", x2 + tw // 2, y, tw // 2, th, 90.0, line),
        TsvWord("情", x2 + tw + 4, y, tw, th, 95.0, line),
        TsvWord("人", x, y + 10 * th, tw, th, 99.0, (1, 1, 2)),
    ]
    got, runs = restore_triangles(words, page, flat_glyph)
    assert runs == 1
    assert [w.text for w in sorted(got, key=lambda w: (w.line, w.left))] == ["社", "△", "△", "情", "人"]


def test_a_lit_page_shows_its_grid_to_the_table_page_finder():
    # pages.find_table_pages looks at each page of a long document at low resolution: the lit
    # page, evened out there too, shows the six-column grid's seven rulings.
    gray, _, _, dpi = _page(LIT)
    assert len(_quick_look(gray, dpi, Settings().ocr).columns) == 7
