"""Branch watermark56 (issue 11, set XVIII kind 3; issue 10, set XVIII kind 10).

A watermark drawn as text over a table page: committed samples made by
``tools/make_watermark56_samples.py`` (LibreOffice Calc and Writer tables, stamped by LibreOffice's
own PDF export option ``Watermark``, by a reportlab page laid over with pypdf, and with
``qpdf --overlay``; ``samples/office-watermark56``).  Kangxi radicals of Chromium's text layer
repaired to the JIS forms Japanese fonts draw them with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.unicode import clean_text

from .conftest import wrong_cells

SET = Path(__file__).resolve().parent.parent / "samples" / "office-watermark56"
LOOKS = json.loads((SET / "cases.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(LOOKS))
def test_a_watermark_drawn_as_text_is_set_aside_with_a_note_and_the_table_read_whole(name):
    # Before (base c2e45235) these PDFs gave 78-85% of cells, the watermark's glyphs read as
    # rows or cells (``用`` as an after, rows split where a glyph crossed them).
    folder = SET / name
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.pdf")
    assert wrong_cells(result.records, truth) == []
    assert len(result.records) == len(truth)
    word = LOOKS[name]["word"]
    notes = [n for n in result.notes if "characters of a watermark" in n]
    assert notes, result.notes
    assert all(f"「{word}」" in n and f": {len(word)} characters" in n for n in notes)


def test_a_page_title_three_times_the_body_text_is_kept():
    # The largest text of the committed PDFs besides the watermarks: a Calc page title at 3.2
    # times the shrunk table's text (set XVII's t04).  It is no watermark.
    pdf = SET.parent / "office-honest56" / "x17-t04-shrink-calc" / "input.pdf"
    result = extract_document(pdf)
    assert not [n for n in result.notes if "watermark" in n]


@pytest.mark.parametrize(
    ("damaged", "printed"),
    [
        ("⼾籍住⺠課", "戸籍住民課"),
        ("⾭森県", "青森県"),
        ("⿈⾊", "黄色"),
        ("⿊塗り", "黒塗り"),
        ("⽇付", "日付"),
    ],
)
def test_kangxi_radicals_are_repaired_to_the_forms_a_japanese_form_prints(damaged, printed):
    # Chromium names the one glyph of 戸 and ⼾ by the radical; NFKC would give 戶 (U+6236), a
    # form JIS X 0208 lacks (set XVIII's I: after 戶籍住民課 in pypdf / pdfplumber texts).
    assert clean_text(damaged) == printed


def test_a_text_with_the_door_radical_reads_the_after_as_printed():
    text = SET.parent / "office-bikou55" / "b55-chromium-both-pypdf" / "input.txt"
    assert "⼾" in text.read_text("utf-8")
    from piatable import extract

    fields = ("item", "before", "after", "explanation")
    cells = " ".join(str(getattr(r, f)) for r in extract(text) for f in fields)
    assert "戸" in cells
    assert "戶" not in cells
