"""Set XXXII's worst scans (issue 11, session 71), on the committed pages of samples/scan71
(tools/make_scan71_samples.py):

- print under 4 pt (a sheet fitted to its page) is measured as it is, not taken for 9 pt and
  shrunk (``ink.glyph_height``), and salt-and-pepper noise is erased before the page is read
  (``extract/ocr/pepper.py``), a clean page left as it is;
- a page whose label row was not read, printing its columns in another order, is read by what
  its columns hold (``normalize/grid/content_order.py``): dates, 事前/事後."""

from __future__ import annotations

import json
import sys

import numpy as np
from PIL import Image

from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.pepper import drop_pepper
from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import OcrSettings, Settings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
from ocr_cache import load_scans

SET71 = SAMPLES / "scan71"
PEPPER = SET71 / "pepper-calc-gothic-t1" / "input.tif"
CLEAN = SAMPLES / "office-scan58" / "png300-s58-calc-1" / "input.png"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _gray(path) -> tuple[np.ndarray, float]:
    img = Image.open(path)
    return np.asarray(img.convert("L")).copy(), float(img.info.get("dpi", (300, 300))[0])


def test_small_print_is_measured_not_taken_for_nine_points():
    """4 pt Calc print at 300 dpi: glyphs about 11-13 px (9 pt would be 37.5)."""
    gray, dpi = _gray(PEPPER)
    assert 8 <= glyph_height(binarize(gray), dpi) <= 16


def test_pepper_noise_is_erased_and_a_clean_page_left_alone():
    s = OcrSettings()
    gray, dpi = _gray(PEPPER)
    ink = binarize(gray)
    glyph = glyph_height(ink, dpi)
    _, out_ink, notes = drop_pepper(gray, ink, glyph, s.pepper_min_per_em2, 1)
    assert len(notes) == 1 and "salt-and-pepper" in notes[0]
    erased = int(notes[0].split(":")[1].split()[0])
    assert erased > 5000
    assert int((out_ink > 0).sum()) < int((ink > 0).sum())
    # The table's rulings and text stay: most ink is kept.
    assert (out_ink > 0).sum() > 0.7 * (ink > 0).sum()
    clean, cdpi = _gray(CLEAN)
    cink = binarize(clean)
    same, same_ink, none = drop_pepper(clean, cink, glyph_height(cink, cdpi), s.pepper_min_per_em2, 1)
    assert none == [] and same is clean and same_ink is cink


def _read(folder):
    scans, pages = load_scans(folder / "ocr")
    settings = Settings()
    res = reading_to_result(
        scans_to_reading(scans, "scan", pages or len(scans), settings.ocr), "scan", settings
    )
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return res, [r.to_dict() for r in res.records], expected


def _same(a, b) -> bool:
    return "".join(str(a or "").split()) == "".join(str(b or "").split())


def test_columns_in_another_order_are_told_by_their_cells_when_the_labels_are_worn():
    """Labels worn unreadable over 提出時期 | 変更日 | 項目 | … and 変更日 | 項目 | 提出時期 | …:
    each page says how its columns were read, and the dates and timings land in their
    columns (main: every row one column off, 0 dates or timings right)."""
    dates = timings = rows = 0
    for case in ("smudge-tfirst-t2", "smudge-tmid-t3"):
        res, got, expected = _read(SET71 / case)
        assert any("told by the columns' dates and 事前/事後" in n for n in res.notes), case
        assert len(got) == len(expected), case
        for g, e in zip(got, expected, strict=True):
            rows += 1
            dates += _same(g["change_date_raw"], e["change_date_raw"])
            timings += _same(g["timing"], e["timing"])
    assert rows == 18 and dates >= 15 and timings >= 17
