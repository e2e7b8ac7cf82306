"""Scans as researchers get them (samples/office-scan54, tools/make_scan54_samples.py): pages
turned with no EXIF tag whose cues do not decide their turn are put upright by a trial read of
their text (extract/ocr/orient_trial.py), and the placeholder ×× read as x's or メ is written
back (extract/ocr/cross_placeholders.py).  Real tesseract on LibreOffice-made pages.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from piatable.extract.ocr.cross_placeholders import fix_cross_run
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.orient import find_orientation, turn_upright
from piatable.extract.ocr.orient_trial import text_square, trial_turn
from piatable.extract.ocr.render import load_images
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-scan54"


def _page(case: str) -> tuple[np.ndarray, float]:
    """The case's first page, greyscale, at about 20 px glyphs (as scan_image reads it), and its
    glyph height."""
    import cv2

    img = load_images(next((SET / case).glob("input.*")))[0]
    glyph = glyph_height(binarize(img.gray), img.dpi)
    gray = cv2.resize(img.gray, None, fx=20 / glyph, fy=20 / glyph, interpolation=cv2.INTER_AREA)
    return gray, glyph_height(binarize(gray), img.dpi * 20 / glyph)


@pytest.mark.parametrize(
    ("case", "turn"),
    [
        # Flush cues split 12:12, so only the trial read (or OSD) can tell the 180° turn.
        ("turn180-calc-mincho-300-t3", 180),
        # Turned 90° counter-clockwise as saved (270° clockwise as seen); flush cues split 6:12.
        ("turn90-calc-gothic-300-t1", 270),
    ],
)
def test_a_turned_page_whose_cues_are_split_is_turned_by_its_read(case, turn):
    gray, glyph = _page(case)
    found = find_orientation(gray, glyph, Settings().ocr)
    assert (found.turned, found.how) == (turn, "trial")


def test_the_trial_read_leaves_a_page_without_text_undecided():
    blank = np.full((800, 600), 255, np.uint8)
    assert trial_turn(blank, 20.0, (0, 180), Settings().ocr) is None
    inked = blank.copy()
    inked[700:720, 500:520] = 0  # the square is centred on the ink, kept inside the page
    square = text_square(inked, 20.0)
    assert square.shape == (480, 480) and (square < 128).sum() == 400


def test_an_upright_page_reads_best_upright():
    gray, glyph = _page("jpeg40-writer-gothic-200-t8")
    assert trial_turn(gray, glyph, (0, 180), Settings().ocr) == 0
    assert trial_turn(turn_upright(gray, 90), glyph, (90, 270), Settings().ocr) == 270


def test_a_page_turned_a_quarter_is_read_upright_with_its_rows():
    case = SET / "turn90-calc-gothic-300-t1"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(case / "input.jpg")
    assert any("turned 270° clockwise (found by a trial read" in n for n in res.notes), res.notes
    got = [(r.change_date, r.timing) for r in res.records]
    assert got == [(r["change_date"], r["timing"]) for r in expected]
    assert res.records[0].explanation == expected[0]["explanation"]


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("ｘｘ市北町三丁目３番３号", "××市北町三丁目３番３号"),
        ("ＸＸ市税務部課税課", "××市税務部課税課"),
        ("メメ市財務部市民税課（FA X兼用）", "××市財務部市民税課（FA X兼用）"),
        ("〒２００－０００２ Xｘ市", "〒２００－０００２ ××市"),
    ],
)
def test_the_cross_placeholder_read_as_letters_is_written_back(read, printed):
    assert fix_cross_run(read) == printed


@pytest.mark.parametrize("text", ["MAXX市", "メメント", "ボックス市", "xx", "Windows XP", "ＸＸＬサイズ"])
def test_latin_words_and_katakana_stay(text):
    assert fix_cross_run(text) == text


def test_a_100_dpi_page_is_read_large_and_its_rows_stay_flagged():
    """A 100 dpi grey PNG (9 px glyphs as scanned) is upscaled to ``page_doubts.LOW_RES_GLYPH_PX``
    (32 px), not 20, before it is read; its dates, timings and the explanation of its last row
    read right, and every row keeps the page's doubt (page_doubts: too low a resolution)."""
    case = SET / "grey100-calc-gothic-100-t5"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(case / "input.png")
    assert res.status == "partial"
    assert any("glyphs only 9 px tall as scanned" in n for n in res.notes), res.notes
    assert [(r.change_date, r.timing) for r in res.records] == [
        (r["change_date"], r["timing"]) for r in expected
    ]
    assert res.records[2].explanation == expected[2]["explanation"]
    assert all("ocr_suspect:before" in r.flags for r in res.records)
