"""Chromium-printed HTML tables whose 変更日 / 提出時期 cells are merged (``rowspan``) or left
empty "same as above" (issues 10 / 12, branch carry54).

samples/office-chromium54 (tools/make_chromium54_samples.py, Chromium ``--print-to-pdf``):

* PDF: Chromium draws borders as filled rectangles; a ``rowspan`` cell broken over a page is
  open at the page's foot, an empty cell of one row closed (``Reading.feet_close_cells``), and a
  ruling on the page above a row's empty cell makes it the row's own (``closed_on_page``);
* text: a table whose row printing its own 変更日 was given the 提出時期 printed beside another
  row leaves cells empty, so its rows given a date printed beside another are in doubt
  (``carried_empty._leaves_timings_empty``), though it never prints one date twice.
"""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-chromium54"


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def test_the_pdf_reads_merged_and_empty_dates_as_printed():
    """cr54-long-juki: a row broken over pages 1-2 (its own date), then a row whose 変更日 cell is
    left empty under a ruling on page 2 (truth ""), then a rowspan date over three rows."""
    recs = extract_document(SET / "cr54-long-juki" / "input.pdf").records
    want = _expected("cr54-long-juki")
    assert [r.change_date_raw for r in recs] == [e["change_date_raw"] for e in want]
    assert recs[7].change_date_raw == "" and recs[7].change_date is None
    assert [r.change_date_raw for r in recs[8:11]] == ["2019/4/1"] * 3
    assert recs[6].page_start == 1 and recs[6].page_end == 2


@pytest.mark.parametrize("case", ["cr54-mx-zeimu", "cr54-em-municipal", "cr54-rs-juki"])
def test_the_pdf_dates_and_timings_are_the_truth(case):
    recs = extract_document(SET / case / "input.pdf").records
    want = _expected(case)
    assert [(r.change_date_raw, r.timing or "") for r in recs] == [
        (e["change_date_raw"], e["timing"]) for e in want
    ]


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pymupdf", "pypdf"])
def test_text_of_a_table_leaving_cells_empty_warns_its_filled_dates(tool):
    """cr54-em-municipal: rows 1-2 and 4-5 leave 変更日 empty (truth ""), row 6 its 提出時期; no
    date is printed twice.  The reader gives rows 1, 2, 4 and 5 the date above: each in doubt
    (``date_carried_guess``) because row 6, printing its own date, was given row 5's 提出時期;
    rows 0 and 3, printing their own dates, are not."""
    recs = extract_document(SET / f"cr54-em-municipal-{tool}" / "input.txt").records
    assert [e["change_date_raw"] for e in _expected("cr54-em-municipal")][1:3] == ["", ""]
    assert len(recs) == 7
    assert "timing_carried_guess" in recs[6].flags
    assert [k for k, r in enumerate(recs) if "date_carried_guess" in r.flags] == [1, 2, 4, 5]


def test_merged_dates_over_rows_printing_their_timings_stay_quiet():
    """cr54-rs-zeimu (pypdfium2 text): every date a rowspan, every 提出時期 printed: the rows
    under a rowspan take its date (the truth) and carry no carried-guess flag."""
    recs = extract_document(SET / "cr54-rs-zeimu-pypdfium2" / "input.txt").records
    want = _expected("cr54-rs-zeimu")
    assert [r.change_date_raw for r in recs] == [e["change_date_raw"] for e in want]
    assert not [r for r in recs if {"date_carried_guess", "timing_carried_guess"} & set(r.flags)]
