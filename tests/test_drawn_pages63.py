"""A table page with no text layer among text pages (set XXV's tester: a Chromium table whose
second page Ghostscript printed with its fonts as outlines lost 2 of 13 rows with status
success and no word; a page scanned and put among the text pages did the same).

samples/office-drawn63 (tools/make_drawn63_samples.py): committed LibreOffice PDFs whose second
page is redrawn as outlines (gs -dNoOutputFonts) or as a scanned image (pdftoppm, Pillow), joined
again by qpdf.  Such a page is a table page (it follows one and prints something): the table's
pages go to OCR, said in a note, so no row of it is lost in silence.
"""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from piatable.extract.pdf_scan import printed_without_text
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASES = sorted(p for p in (SAMPLES / "office-drawn63").iterdir() if p.is_dir())


def test_the_set_holds_both_kinds_of_drawn_page():
    assert {p.name.rsplit("-", 1)[1] for p in CASES} == {"outlines", "scan"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_what_a_page_without_text_prints_is_named(case):
    doc = pdfium.PdfDocument(str(case / "input.pdf"))
    try:
        assert len(doc[0].get_textpage().get_text_range().split()) > 20  # the text page
        want = "text drawn as outlines" if case.name.endswith("outlines") else "an image"
        assert printed_without_text(doc[1]) == want
    finally:
        doc.close()


def test_a_blank_page_prints_nothing():
    doc = pdfium.PdfDocument.new()
    try:
        assert printed_without_text(doc.new_page(595, 842)) == ""
    finally:
        doc.close()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_row_of_a_drawn_page_is_read_and_said(case):
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(case / "input.pdf")
    assert len(res.records) == len(expected)
    drawn = "outlines" if case.name.endswith("outlines") else "an image"
    assert any(
        "table page 2 has no text layer" in n and drawn in n and "given to OCR" in n for n in res.notes
    )
    # The rows are the table's: each expected date is read on its row.
    dates = [r.change_date for r in res.records]
    assert sum(d == e["change_date"] for d, e in zip(dates, expected, strict=True)) >= len(expected) - 1
