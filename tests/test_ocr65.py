"""Scans that read wrongly or not at all without a word (issues 11 and 12, branch ocr65), on
samples/office-ocr65 (tools/make_ocr65_samples.py: LibreOffice Calc pages rendered by poppler;
real tesseract):

* text printed in red (a whole row, a changed paragraph) is kept as ink and read, where red
  seals are made paper (``colour_ink``, ``colour_text``), and the page says what was done;
* a page of a scanned PDF copied too light (ink 210 on paper 240) was judged blank by the quick
  JPEG look and skipped: it is read, stretched, with a note (``faint_pages``);
* a dark scanner border along two edges is made paper before reading (``scan_borders``);
* a multi-page TIFF whose pages differ in resolution reads every page.
"""

from __future__ import annotations

import io
import json
import sys
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from piatable.extract.ocr.faint_pages import readable
from piatable.extract.ocr.render import iter_images, jpeg_blank
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

SET = SAMPLES / "office-ocr65"
OCR = Settings().ocr


def _truth(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _input(case: str) -> Path:
    return next((SET / case).glob("input.*"))


def _near(got: str, want: str) -> float:
    strip = str.maketrans("", "", " \u3000\n")
    return SequenceMatcher(None, got.translate(strip), want.translate(strip)).ratio()


@pytest.fixture(scope="module")
def red_doc():
    return extract_document(_input("oc65-red-calc200"), settings=Settings())


def test_red_text_on_a_calc_page_is_kept_as_ink():
    page = next(iter_images(_input("oc65-red-calc200")))
    assert page.colour.kept_lines >= 5


def test_a_row_printed_in_red_is_read(red_doc):
    """Row 3 (index 2) is printed red in every cell; rows 1 and 5 print their 変更後 after its
    first line in red."""
    truth = _truth("oc65-red-calc200")
    assert len(red_doc.records) == len(truth)
    red = red_doc.records[2]
    assert red.change_date == truth[2]["change_date"]
    assert red.timing == truth[2]["timing"]
    for field in ("item", "after", "explanation"):
        assert _near(getattr(red, field), truth[2][field]) >= 0.9, field
    for k in (0, 4):
        assert _near(red_doc.records[k].after, truth[k]["after"]) >= 0.9
    assert any("printed in colour kept and read as ink" in n for n in red_doc.notes)


def test_seals_alone_are_made_paper_and_flag_no_row():
    """Three red seals over the rulings of a black Calc table: no coloured text kept, the rows
    read, and the page says seals were made paper."""
    case = "oc65-red-calc200-2"
    page = next(iter_images(_input(case)))
    assert page.colour.kept_lines == 0 and page.colour.stamps >= 3
    doc = extract_document(_input(case), settings=Settings())
    truth = _truth(case)
    assert [r.change_date for r in doc.records] == [t["change_date"] for t in truth]
    assert [r.timing for r in doc.records] == [t["timing"] for t in truth]
    assert any("stamp(s) or seal(s)" in n for n in doc.notes)
    assert not any("colour" in f for r in doc.records for f in r.flags)


def test_a_faint_page_of_a_scanned_pdf_is_read_with_a_note():
    """Page 2 prints ink 210 on paper 240: the quick JPEG look and the blank test called it
    blank and its 3 rows were lost with the status success."""
    case = "oc65-faint-calc200"
    doc = extract_document(_input(case), settings=Settings())
    truth = _truth(case)
    assert len(doc.records) == len(truth)
    assert [r.change_date for r in doc.records] == [t["change_date"] for t in truth]
    assert any("faint ink on a page that looked blank" in n for n in doc.notes)


def test_a_blank_scanned_page_stays_blank():
    """Paper with a scanner's noise, saved as a JPEG: blank to the quick look and to the
    rendered test (no faint ink found in noise)."""
    rng = np.random.default_rng(65)
    paper = np.clip(rng.normal(238, 3, (1654, 2339)), 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(paper).save(buf, "JPEG", quality=60)
    assert jpeg_blank(buf.getvalue(), 2339 / 200 * 72, OCR) is True
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L"))
    assert readable(decoded, 200, OCR)[0] is None


def test_a_dark_scanner_border_is_made_paper_and_the_table_read():
    case = "oc65-border-calc250"
    doc = extract_document(_input(case), settings=Settings())
    truth = _truth(case)
    assert len(doc.records) == len(truth)
    assert [r.change_date for r in doc.records] == [t["change_date"] for t in truth]
    first = doc.records[0]
    assert _near(first.after, truth[0]["after"]) >= 0.9
    assert any("dark scanner border along the top" in n for n in doc.notes)


def test_pages_of_different_resolutions_in_one_tiff_are_all_read():
    case = "oc65-dpimix-calc300"
    assert [round(p.dpi) for p in iter_images(_input(case))] == [300, 200]
    doc = extract_document(_input(case), settings=Settings())
    truth = _truth(case)
    assert [r.change_date for r in doc.records] == [t["change_date"] for t in truth]
    assert {r.page_start for r in doc.records} == {1, 2}


def test_a_date_phrase_before_a_list_ends_its_own_sentence():
    """tools/make_merged62_samples.py set 「{d}より」 before a bullet (より・生体認証)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import random

    import make_merged62_samples as m62

    row = {
        "before": "",
        "after": "・生体認証を行う。\n・パスワードは90日ごとに変更する。",
        "explanation": "変更",
    }
    for seed in range(40):
        got = m62._shape(row, row, "date_in_text", random.Random(seed), True)["after"]
        assert "より・" not in got and "に・" not in got
        assert not any(p.endswith(("より", "に")) for p in got.split("\n"))


def test_a_dark_label_band_cropped_to_the_edge_is_no_border():
    """The Calc page's label row turned light-on-dark (a shaded label band) and the page cropped
    to it: its light labels tell it from a scanner's border, and it is left as it is."""
    from piatable.extract.ocr.scan_borders import clear_borders

    page = next(iter_images(_input("oc65-border-calc250")))
    gray, note = clear_borders(page.gray, page.dpi)
    assert note
    rules = np.flatnonzero((gray < 128).mean(axis=1) > 0.5)
    top, below = rules[0], rules[rules > rules[0] + 5][0]
    cols = np.flatnonzero((gray[top + 1 : below] < 128).mean(axis=0) > 0.5)
    crop = gray[top:, cols[0] : cols[-1] + 1].copy()
    crop[: below - top] = 255 - crop[: below - top]
    assert (crop[: below - top] < 90).mean() > 0.8
    kept, said = clear_borders(crop, page.dpi)
    assert said == "" and kept is crop
