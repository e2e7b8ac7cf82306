"""A PDF text layer that is not the printed text (issues 11 / 12, branch garbled58, set XIX kind 8):
its pages are read by OCR with a note; a text taken from such a layer is flagged and partial.

The samples are real: Chromium PDFs of the committed sets passed through Ghostscript
(tools/make_garbled58_samples.py: ``gs -sDEVICE=pdfwrite`` rebuilds the ToUnicode maps wrongly;
``gs -sDEVICE=ps2write`` then ``ps2pdf`` leaves glyph codes), and the extractors' texts of them.
"""

from __future__ import annotations

import json

import pytest

from piatable.extract.layer_quality import faulty_text_pages, text_fault
from piatable.extract.pdf import read_pdf
from piatable.pipeline import read_document

from .conftest import SAMPLES

SET = SAMPLES / "office-garbled58"


@pytest.mark.parametrize("case", ["g58-pdfwrite-kokuho", "g58-pdfwrite-municipal", "g58-ps2write-kokuho"])
def test_a_broken_layer_is_handed_to_ocr_with_its_reason(case):
    reading = read_pdf(SET / case / "input.pdf")
    assert reading.ocr_pages == [1]
    assert reading.pages == []
    assert reading.ocr_reason.startswith("text layer not the printed text")


def test_the_pdf_it_was_made_from_is_read_as_text():
    source = json.loads((SET / "cases.json").read_text("utf-8"))["g58-pdfwrite-kokuho"]["source"]
    reading = read_pdf(SAMPLES / source.removeprefix("samples/") / "input.pdf")
    assert reading.ocr_pages == [] and len(reading.pages) == 1


def test_kangxi_radicals_alone_are_no_fault():
    # Chromium's IPAex text layer maps 日 and 目 to Kangxi radicals: clean_text repairs them.
    assert text_fault("変更⽇ 項⽬ 変更前の記載 変更後の記載 提出時期に係る説明 令和元年5⽉1⽇ 事後") == ""
    assert text_fault("ÿ別添āĀ変更箇所 変更⽇ 項⽬ a関連情報 令和2年10⽉Ą．情報提供{おいv事務") != ""


def test_ocr_reads_the_rows_of_a_broken_layer():
    result = read_document(SET / "g58-pdfwrite-municipal" / "input.pdf")
    truth = json.loads((SET / "g58-pdfwrite-municipal" / "expected" / "records.json").read_text("utf-8"))
    assert result.kind == "pdf-ocr"
    assert any(n.startswith("text layer not the printed text") and "given to OCR" in n for n in result.notes)
    got = {(r.change_date, r.timing or "") for r in result.records}  # an empty 提出時期: ""
    assert len(result.records) == len(truth)
    assert got == {(r["change_date"], r["timing"]) for r in truth}


@pytest.mark.parametrize("tool", ["pdftotext-layout", "pypdfium2", "pypdfium2+nl"])
def test_a_text_of_a_broken_layer_is_flagged_and_partial(tool):
    result = read_document(SET / f"g58-pdfwrite-kokuho-{tool}" / "input.txt")
    assert result.status == "partial"
    assert any("taken from a PDF whose text layer is broken" in n for n in result.notes)
    assert result.records and all("unmapped_glyphs" in r.flags for r in result.records)


def test_a_text_of_glyph_codes_says_why_no_table_was_read():
    result = read_document(SET / "g58-ps2write-kokuho-pdftotext-layout" / "input.txt")
    assert not result.records
    assert any("taken from a PDF whose text layer is broken" in n for n in result.notes)


def test_good_texts_have_no_faulty_page():
    # The layout text of the PDF the broken cases were made from, and a Calc PDF's pypdfium2 text.
    cases = ("office-chromium54/cr54-em-kokuho-pdftotext-layout", "office-calc52/c52-calc-fixed-pypdfium2")
    for case in cases:
        assert faulty_text_pages((SAMPLES / case / "input.txt").read_text("utf-8")) == {}
