"""Scans that lost whole pages (issues 11 and 12, branch scan60: set XXI t02.scan-1bit.pdf and
t01.scan-spread.png).

samples/office-scan60 (tools/make_scan60_samples.py: LibreOffice Calc, poppler, real tesseract):

* a Calc sheet too wide for its page printed in column strips and scanned: every page is found
  (``table_pages.find_table_pages``: headed runs in a row are one table) and each page of the
  last columns joined to its rows' page (``normalize/column_strips.py``, OCR words too);
* a page printing only a strip of the label row, whose rows are not read, makes the document
  partial (``unread_pages.page_printing_labels``);
* two pages scanned side by side on one image without a resolution: each half gets the dpi of
  an A4 page of its size (``two_up.split_sheets``), and the second page, without a label row,
  takes the first's columns moved to where its rulings stand (``columns.shifted_columns``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.extract.ocr.render import iter_images, pdf_images
from piatable.extract.ocr.table_pages import find_table_pages
from piatable.extract.ocr.two_up import split_sheets
from piatable.extract.pdf import read_pdf
from piatable.normalize.grid.columns import shifted_columns
from piatable.pipeline import LABELS_NOT_READ, extract_document, reading_to_result
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-scan60"


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _input(case: str) -> Path:
    return next((SET / case).glob("input.*"))


def test_every_page_of_a_column_strip_scan_is_found():
    """Pages 1-4 of a 1-bit scan of strips over then down (変更日…変更前 / 変更後…説明 / again):
    each page is a headed run of its own (its grid differs from its neighbours'); only the last
    was read before (0 rows, status success)."""
    s = Settings().ocr
    for case in ("sc60-over-g4pdf300", "sc60-nohead-g4pdf300"):
        images = pdf_images(_input(case), [1, 2, 3, 4], s.find_dpi)
        assert find_table_pages(images, s) == [1, 2, 3, 4], case


def test_a_column_strip_scan_reads_whole_rows():
    case = "sc60-over-g4pdf300"
    expected = _expected(case)
    result = extract_document(_input(case), settings=Settings())
    assert any("print the last columns" in n and "joined" in n for n in result.notes)
    assert len(result.records) == len(expected)
    # The last strip's cells are in the rows: 提出時期 and 説明 read beside their dates.
    assert [r.timing for r in result.records] == [e["timing"] for e in expected]
    dates = [r.change_date for r in result.records]
    assert sum(d == e["change_date"] for d, e in zip(dates, expected, strict=True)) >= len(expected) - 1
    right = sum(
        "".join((r.explanation or "").split()) == "".join(e["explanation"].split())
        for r, e in zip(result.records, expected, strict=True)
    )
    assert right >= len(expected) - 2


def test_a_page_printing_only_a_strip_of_the_labels_makes_no_rows_partial():
    """A text-layer sheet in strips (samples/office-strips56) cut to its last-strip page alone:
    no row can be read, and the labels 変更後 / 提出時期 / 説明 printed there say the table was
    lost, not absent."""
    reading = read_pdf(SAMPLES / "office-strips56" / "s56-calc-over" / "input.pdf", Settings().pdf)
    reading.pages = [reading.pages[1]]
    text = "".join(w.text for w in reading.pages[0].words)
    assert "説明" in text and "変更日" not in text
    result = reading_to_result(reading, "x", Settings())
    assert not result.records
    assert result.status == "partial"
    assert LABELS_NOT_READ.format(page=reading.pages[0].page) in result.notes


def test_the_halves_of_a_sheet_without_a_resolution_get_their_own_dpi():
    """Two A4 landscape pages scanned at 200 dpi side by side, saved without a resolution: the
    image is as wide as an A4 page at 400 dpi; each half is an A4 page at 200."""
    path = _input("sc60-spread-png200-nodpi")
    (image,) = iter_images(path)
    assert image.dpi_from_size and image.dpi > 350
    notes: dict[int, str] = {}
    halves = list(split_sheets([(1, image.gray, image.dpi)], notes, {1}))
    assert [n for n, _, _ in halves] == [1, 2]
    assert all(190 <= dpi <= 215 for _, _, dpi in halves)
    kept = list(split_sheets([(1, image.gray, image.dpi)], {}))  # a resolution given: kept
    assert all(dpi == image.dpi for _, _, dpi in kept)


def test_a_page_without_labels_beside_its_neighbour_takes_its_columns():
    """sc60-spread: page 2 prints no label row and stands 24 px further right than page 1 on the
    sheet: its rows are read in page 1's columns (was: "no table columns found", rows lost)."""
    case = "sc60-spread-png200-nodpi"
    expected = _expected(case)
    result = extract_document(_input(case), settings=Settings())
    assert not any("no table columns found" in n for n in result.notes)
    on_two = [e for e in expected if e["page_start"] == 2]
    assert on_two
    got = [r for r in result.records if r.page_start == 2]
    assert [r.change_date for r in got] == [e["change_date"] for e in on_two]
    assert [r.timing for r in got] == [e["timing"] for e in on_two]


def test_shifted_columns_needs_every_width_to_agree():
    prev = [28.0, 93.0, 234.0, 417.0, 600.0, 643.0, 784.0]
    moved = [x + 10.2 for x in prev]
    assert shifted_columns(moved, prev, 4.3) == pytest.approx([b + 10.2 for b in prev])
    assert shifted_columns(prev, prev, 4.3) is None  # standing where they were: nothing to move
    other = [28.0, 150.0, 300.0, 450.0, 600.0, 700.0, 784.0]  # another grid's columns
    assert shifted_columns([x + 10 for x in other], prev, 4.3) is None
