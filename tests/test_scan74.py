"""Colour scans with colour fringes, and scanned PDFs of several pages (issue 11, session 74):
the planes of a misregistered colour scan are put back over each other before coloured ink is
judged (extract/ocr/plane_shift.py, colour_ink.py), and a scanned page of the table that gave
no row is named in a note (extract/ocr/rowless_pages.py).  On the committed pages of
samples/scan74 (tools/make_scan74_samples.py), with real tesseract for one of them."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from piatable.extract.ocr.colour_ink import grey_without_colour
from piatable.extract.ocr.plane_shift import plane_shifts, register_planes
from piatable.extract.ocr.rowless_pages import rowless_note, rowless_pages
from piatable.pipeline import extract_document

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
from bench_scan import align, cell_scores
from bench_scan_sets import score_set

SET74 = SAMPLES / "scan74"
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _looks() -> dict:
    return json.loads((SET74 / "cases.json").read_text("utf-8"))


def _fringe_cases() -> list[str]:
    return sorted(k for k, v in _looks().items() if v["file"] in ("jpg", "png", "lens"))


@pytest.mark.parametrize("case", _fringe_cases())
def test_planes_lying_apart_are_found_and_put_back(case):
    look = _looks()[case]
    im = Image.open(next((SET74 / case).glob("input.*")))
    rgb = np.asarray(im.convert("RGB"))
    found = plane_shifts(rgb)
    assert found is not None
    # JPEG's half-resolution colour pulls a plane's edges towards the others' (its luminance is
    # all three planes'): the shift seen is 55-80% of the one made, the same way.
    for seen, made in zip(found, (look["shift_r"], look["shift_b"]), strict=True):
        for d, m in zip(seen, made, strict=True):
            if abs(m) >= 1:
                assert d * m > 0 and 0.45 * abs(m) <= abs(d) <= 1.1 * abs(m), (found, made)
            else:
                assert abs(d - m) <= 0.6, (found, made)
    grey, ink = grey_without_colour(im, look["dpi"])
    assert ink.registered >= 1.0
    assert "colour planes lay" in ink.note(0.001)
    # The black text is no coloured ink once the planes agree: next to nothing made paper (all
    # of its fringes were, before: 3-5% of the page, half the text).
    assert ink.removed_share < 0.002
    assert (grey < 100).mean() > 0.01


def _page(colour: tuple[int, int, int] = (0, 0, 0)) -> np.ndarray:
    im = Image.new("RGB", (900, 900), (250, 250, 248))
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, 30)
    for k in range(12):
        d.text((40, 40 + k * 70), "特定個人情報ファイルの概要　２０２３/１０/１", fill=(0, 0, 0), font=font)
        d.text((40, 75 + k * 70), "委託先の変更に伴う修正", fill=colour, font=font)
        d.line((20, 110 + k * 70, 880, 110 + k * 70), fill=(0, 0, 0), width=2)
    return np.asarray(im)


def test_a_page_whose_planes_agree_is_left_as_it_was():
    for rgb in (_page(), _page((220, 20, 20))):  # black only; black and red text
        same, moved = register_planes(rgb)
        assert moved == 0.0 and same is rgb
    # The same page with its red plane 2 px right and its blue plane 1 px up: put back.
    rgb = _page((220, 20, 20))
    shifted = rgb.copy()
    shifted[:, 2:, 0] = rgb[:, :-2, 0]
    shifted[:-1, :, 2] = rgb[1:, :, 2]
    found = plane_shifts(shifted)
    assert found is not None
    assert abs(found[0][0] - 2) < 0.3 and abs(found[0][1]) < 0.3
    assert abs(found[1][0]) < 0.3 and abs(found[1][1] + 1) < 0.3
    back, moved = register_planes(shifted)
    assert moved == pytest.approx(2, abs=0.3)
    inner = (slice(10, -10), slice(10, -10))
    assert np.abs(back[inner].astype(int) - rgb[inner].astype(int)).mean() < 3


def test_a_fringed_colour_scan_reads_with_tesseract():
    """The 200-dpi JPEG of the set read whole (tesseract run): every row, its cells nearly all
    exact (0 rows of 5 before session 74: the fringes made half of each glyph paper)."""
    case = SET74 / "calc-gothic-200-fringe-t1"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(case / "input.jpg")
    got = [r.to_dict() for r in res.records]
    assert len(got) == len(expected)
    exact = sum(
        cell_scores(str(e.get(f) or ""), str(g.get(f) or ""))[3]
        for e, g in align(expected, got)
        for f in FIELDS
        if g
    )
    assert exact >= 0.8 * len(expected) * len(FIELDS)
    assert any("colour planes lay" in n for n in res.notes)


def test_committed_reads_of_the_set_keep_every_row():
    n = score_set(SET74)
    assert n["missing"] == 0
    assert n["exact"] >= 0.8 * n["cells"]


def _pages_case() -> str:
    return next(k for k, v in _looks().items() if v["file"] == "pdf" and v["pages"] >= 2)


def test_a_table_page_that_gave_no_row_is_named():
    from bench_calibration import load_scans

    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result
    from piatable.settings import Settings

    case = SET74 / _pages_case()
    scans, _ = load_scans(case / "ocr")
    settings = Settings()
    reading = scans_to_reading(scans, "pdf-ocr", len(scans), settings.ocr)
    res = reading_to_result(reading, str(case), settings)
    last = max(s.page for s in scans)
    assert {r.page_start for r in res.records} >= {1, last}
    assert rowless_pages(reading.pages, res.records) == []
    assert not any("no row was read" in n for n in res.notes)
    # The rows of the last page lost (as the tester's page 2 was): that page is named.
    kept = [r for r in res.records if (r.page_end or r.page_start) < last]
    assert rowless_pages(reading.pages, kept) == [last]
    assert f"page(s) {last}:" in (rowless_note(reading.pages, kept) or "")


def test_red_text_on_a_fringed_page_is_kept_and_black_text_stays():
    """Small red Mincho text on a page whose planes lie 2 px apart, saved as a JPEG: once the
    planes are put back, the red lines are kept as ink (their marks judged as printed, not
    blurred into one band taken for a highlighter's) and the black text is not made paper."""
    import io

    mincho = ImageFont.truetype("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", 22)
    im = Image.new("RGB", (1400, 1000), (250, 249, 240))
    d = ImageDraw.Draw(im)
    for k in range(10):
        y = 40 + k * 90
        d.text((40, y), "特定個人情報ファイルの概要　委託事項２", fill=(0, 0, 0), font=mincho)
        d.text((700, y), "電算処理業務（委託先：２社）", fill=(255, 0, 0), font=mincho)
        d.text((40, y + 35), "保険年金課及び各支所", fill=(0, 0, 0), font=mincho)
        d.line((20, y + 75, 1380, y + 75), fill=(0, 0, 0), width=2)
    rgb = np.asarray(im)
    shifted = rgb.copy()
    shifted[:, 2:, 0] = rgb[:, :-2, 0]
    shifted[:-2, :, 2] = rgb[2:, :, 2]
    buf = io.BytesIO()
    Image.fromarray(shifted).save(buf, "JPEG", quality=70)
    grey, ink = grey_without_colour(Image.open(io.BytesIO(buf.getvalue())), 200)
    assert ink.registered >= 1.0
    assert ink.kept_lines >= 8  # the ten red lines (a line's glyphs may part in two)
    red = (rgb[..., 0] > 200) & (rgb[..., 1] < 60)
    black = rgb.max(axis=2) < 60
    assert np.median(grey[red]) < 120  # kept: as dark as their darkest plane
    assert np.median(grey[black]) < 100


def test_red_lines_of_a_lens_fringed_scan_are_all_kept():
    """samples/scan74's lens case: its two red cells print 4 lines, each kept as ink (judged on
    the marks' blurred shapes, 2 were: a line of small glyphs ran into one solid band)."""
    case = SET74 / "calc-gothic-200-lens-t5"
    _, ink = grey_without_colour(Image.open(case / "input.jpg"), 200)
    assert ink.registered >= 1.0
    assert ink.kept_lines >= 4
