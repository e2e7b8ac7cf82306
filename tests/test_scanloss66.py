"""Scans that lost rows with the status success and no note (branch scanloss66), on
samples/office-scanloss66 (tools/make_scanloss66_samples.py: LibreOffice Calc and Writer filings,
joined by pdfunite or holding two tables on a page, rendered and damaged as a scanner does; real
tesseract on small pieces, so the file takes seconds):

* two filings joined into one scan, each its cover and its table: the first filing's table
  pages are read too (``table_pages._earlier_tables``), the pages between named in a note;
* a page whose second table (after a heading) is ruled shorter than the first: its borders are
  rulings, not strokes of text (``rulings._ends_on_rulings``), so its rows are read;
* OCR conservation: a page whose 変更日 column prints more dates than rows were read there says
  so, and the input is partial (``dated_lines.unrowed_dates``); a table page is no cover.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from piatable.extract.ocr.dated_lines import holds_table_rows, page_dates, unrowed_dates
from piatable.extract.ocr.reader import read_scan
from piatable.extract.ocr.render import pdf_images
from piatable.extract.ocr.rulings import find_rulings, text_strokes
from piatable.extract.ocr.strips import ruled_grids
from piatable.extract.ocr.table_pages import find_table_pages
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-scanloss66"
OCR = Settings().ocr


def _input(case: str) -> Path:
    return next((SET / case).glob("input.*"))


def _truth(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _page(case: str, n: int) -> tuple[np.ndarray, float]:
    (_, gray, dpi), *_ = list(pdf_images(_input(case), [n], OCR.dpi, OCR))
    return gray, dpi


def test_joined_filings_read_both_tables():
    """Calc filing (cover page 1, table pages 2-3) + Writer filing (cover 4, table 5): every
    table page is the table's; the Writer cover between them is left out and named."""
    case = "sl66-joined-calc-writer180"
    truth_pages = sorted({p for r in _truth(case) for p in range(r["page_start"], r["page_end"] + 1)})
    assert truth_pages == [2, 3, 5]
    after: list[int] = []
    frames = pdf_images(_input(case), [1, 2, 3, 4, 5], OCR.find_dpi, skip_empty=True, quick_blank=OCR)
    assert find_table_pages(frames, OCR, [], after, []) == [2, 3, 5]
    assert after == [4]


def test_second_table_borders_are_rulings():
    """Page 1 of a Writer filing printing a second table under 【令和５年度以前の変更】: its seven
    borders end on its own top and foot rulings and are kept (before: taken for a stack of
    text, the grid lost and its first row with it)."""
    gray, dpi = _page("sl66-twotables-writer150", 1)
    from piatable.extract.ocr.ink import binarize, glyph_height

    ink = binarize(gray)
    glyph = glyph_height(ink, dpi)
    r = find_rulings(ink, glyph, OCR.ruling_kernel_em, OCR.min_ruling_em, OCR.min_vertical_em)
    assert text_strokes(ink, r.vertical, r.horizontal, glyph, OCR.text_stroke_share) == []
    grids = ruled_grids(r.vertical, glyph * OCR.merge_em)
    assert len(grids) == 2
    assert all(len(g) >= 6 for g in grids)


@pytest.fixture(scope="module")
def first_rows(tmp_path_factory):
    """The top of a Writer table page (labels and its first two rows, 2019年4月1日 both), cut
    from the scan: its Reading and the result read from it."""
    gray, dpi = _page("sl66-twotables-writer150", 1)
    top = gray[150:560, :]
    path = tmp_path_factory.mktemp("scanloss66") / "top.png"
    Image.fromarray(top).save(path, dpi=(dpi, dpi))
    reading = read_scan(path, Settings())
    pages = copy.deepcopy(reading.pages)
    return pages, reading_to_result(reading, str(path), Settings())


def test_date_column_counted(first_rows):
    pages, result = first_rows
    assert [page_dates(p) for p in pages] == [2]
    assert holds_table_rows(pages[0])
    assert [r.change_date for r in result.records] == ["2019-04-01", "2019-04-01"]
    assert unrowed_dates(pages, result.records) is None
    assert not any("row(s) missing" in n for n in result.notes)


def test_rows_missing_are_said(first_rows):
    """One row fewer than the page's dates: the note names the page and the count."""
    pages, result = first_rows
    note = unrowed_dates(pages, result.records[1:])
    assert note is not None
    assert "page 1: 2 date(s), 1 row(s)" in note
    assert "about 1 row(s) missing" in note


def test_short_borders_are_a_grid_only_with_four_columns():
    """Seven borders ending on a second table's top and foot rulings are a grid; a cover's
    label | value box (three borders) is left to the text-stroke test as before."""
    from piatable.extract.ocr.rulings import _short_grid

    glyph = 19.0
    rules = [(90, 835, 1620, 837), (90, 1122, 1620, 1124)]
    table = [(x, 836, x + 2, 1125) for x in (96, 226, 521, 899, 1277, 1371, 1613)]
    assert _short_grid(table, rules, glyph, 600) == set(table)
    box = [(x, 836, x + 2, 1125) for x in (96, 400, 1613)]
    assert _short_grid(box, rules, glyph, 600) == set()
    # Strokes that stop short of the rulings (a stack of brackets inside a cell) are no grid.
    inside = [(x, 850, x + 2, 1100) for x in (96, 226, 521, 899, 1277)]
    assert _short_grid(inside, rules, glyph, 600) == set()
