"""Sheets printed 2-in-1 read as their two pages (extract/ocr/two_up.py): real LibreOffice tables
printed two pages per sheet (samples/office-twoup57, tools/make_twoup57_samples.py) and read with
real tesseract, and the single-page scans of the other sets left whole."""

from __future__ import annotations

import json

import pytest

from piatable.extract.ocr.render import iter_images
from piatable.extract.ocr.two_up import two_up_halves
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

TWO_UP = SAMPLES / "office-twoup57"
# Single-page scans of LibreOffice tables (portrait and landscape, grey, 1-bit, skewed, lit).
SINGLE = sorted(
    p
    for name in ("office-scan54", "heldout-scan54", "office-ocrflip56", "office-ocr56")
    for p in (SAMPLES / name).glob("*/input.*")
    if p.suffix in (".png", ".jpg", ".tif")
)


def test_each_sheet_of_a_two_up_scan_is_cut_at_its_gutter():
    cases = json.loads((TWO_UP / "cases.json").read_text("utf-8"))
    for path in sorted(TWO_UP.glob("*/input.*")):
        pages = cases[path.parent.name]["pages"]
        for page in iter_images(path):
            halves = two_up_halves(page.gray)
            if 2 * page.page > pages:
                # An odd last page alone on its sheet: one page, left whole.
                assert halves is None
                continue
            assert halves is not None, f"{path.parent.name} sheet {page.page}"
            left, right = halves
            width = page.gray.shape[1]
            assert left.shape[1] + right.shape[1] == width
            # Cut in the gutter: near the middle, and no ink on the cut.
            assert abs(left.shape[1] - width / 2) < 0.12 * width
            assert (page.gray[:, left.shape[1]] >= 128).all()


@pytest.mark.parametrize("path", SINGLE, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_a_single_page_scan_is_left_whole(path):
    for page in iter_images(path):
        assert two_up_halves(page.gray) is None


def test_a_two_up_scan_is_read_page_by_page():
    case = TWO_UP / "writer-mincho-10pt-300-t2"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(case / "input.tif", settings=Settings())
    notes = " ".join(result.notes)
    assert "two pages printed side by side (2-in-1)" in notes
    rows = result.records
    # Three pages on two sheets: every row found, their pages numbered as printed.
    assert len(rows) == len(expected)
    assert {r.page_start for r in rows} == {r["page_start"] for r in expected}
    dates = [r.change_date for r in rows]
    assert sum(d == e["change_date"] for d, e in zip(dates, expected, strict=True)) >= len(expected) - 2
