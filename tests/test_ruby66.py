"""Branch ruby66: ruby (furigana) printed over a table's words, read into cells unwarned (session
65's unseen tester: ``しゅむしょうれい番号法第１９条…`` at confidence 0.963, from the PDF itself).

The PDF and OCR readers set readings aside by size and place with a page note counting them
(extract/ruby_glyphs.py); flattened texts drop kana lines that SudachiPy's readings of nearby
kanji words account for, and flag ``ruby_suspect`` where unsure (normalize/ruby_lines.py).

Samples: ``tools/make_ruby66_samples.py`` (Chromium ``<ruby><rt>`` and Writer ``w:ruby``).  The
held-out set ``samples/heldout-ruby66`` is measured only (tools/eval_office.py), never asserted on.
"""

from __future__ import annotations

import json
import re

import pytest

from piatable import extract_document
from piatable.extract.pdf import read_pdf
from piatable.extract.text import read_text_file
from piatable.normalize.ruby_lines import ruby_doubts, strip_ruby_lines
from piatable.normalize.unicode import clean_text

from .conftest import SAMPLES, wrong_cells

SET = SAMPLES / "office-ruby66"
LOOKS = json.loads((SET / "cases.json").read_text("utf-8"))
CELLS = ("item", "before", "after", "explanation")
_COUNT = re.compile(r": (\d+) ruby \(furigana\) characters set aside")


def _cell_lines(records) -> set[str]:  # type: ignore[no-untyped-def]
    return {ln.replace(" ", "") for r in records for f in CELLS for ln in getattr(r, f).split("\n")}


@pytest.mark.parametrize("case", sorted(LOOKS))
def test_pdf_sets_every_reading_aside_and_counts_it(case):
    """Every ruby character the document prints is set aside, no other (the notes' counts add up
    to the characters printed as ruby), and no cell holds a reading."""
    pdf = SET / case / "input.pdf"
    notes = [n for p in read_pdf(pdf).pages for n in p.notes]
    assert sum(int(m.group(1)) for n in notes if (m := _COUNT.search(n))) == LOOKS[case]["ruby_chars"]
    doc = extract_document(pdf)
    lines = _cell_lines(doc.records)
    assert not [r for r in LOOKS[case]["readings"] if r in lines]
    want = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    assert len(wrong_cells(doc.records, want)) <= 3  # Chromium's ruby lines wrap early: breaks


# The texts whose readings every row loses (measured: all their cells right but at most a few).
TEXTS = ("rb66-chrome-juki-pdftotext-raw", "rb66-chrome-juki-pymupdf", "rb66-writer-zeimu-pypdfium2")


@pytest.mark.parametrize("case", TEXTS)
def test_text_drops_readings_with_a_note(case):
    look = LOOKS[case.rsplit("-", 1)[0].removesuffix("-pdftotext")]
    doc = extract_document(SET / case / "input.txt")
    assert any("ruby (furigana) readings left out" in n for n in doc.notes)
    lines = _cell_lines(doc.records)
    left = [r for r in look["readings"] if len(r) >= 2 and r in lines]
    assert not left


def test_kana_line_reading_the_next_line_goes():
    text = "ぎょうせい\n行政手続における特定の個人を識別するための番号の利用等に関する法律"
    out, notes = strip_ruby_lines(text)
    assert out == "行政手続における特定の個人を識別するための番号の利用等に関する法律"
    assert notes and "1 ruby (furigana) readings left out (5 kana" in notes[0]


def test_reading_glued_to_a_line_start_is_cut_and_the_row_warned():
    from piatable.models import CellLine, RawRow

    text = "しゅむしょうれい番号法第１９条第８号に基づく主務省令"
    out, notes = strip_ruby_lines(text)
    assert out == "番号法第１９条第８号に基づく主務省令"
    row = RawRow()
    row.cells["after"] = [CellLine(out)]
    ruby_doubts([row], notes)
    assert [(d.kind, d.field) for d in row.doubts] == [("ruby_suspect", "after")]


def test_mono_ruby_line_by_line_is_joined():
    out, notes = strip_ruby_lines("ざい\n財\nむ\n務部市民税課")
    assert out == "財務部市民税課" and notes


@pytest.mark.parametrize(
    "text",
    [
        "を\n取\nり\n扱\nう",  # a cell printed down, one character a line: り is 取り扱う's
        "こども家庭庁の発足に伴う修正",  # a kana word before kanji is the cell's own
        "なし\n事後",  # kana-only cells
        "いずれも\n該当なし",
        "業務を行\nう\n運用",  # a wrapped line's tail
        "重要な変更にはあたら\nない\n内容",  # a wrapped tail before a word its reading opens
    ],
)
def test_kana_of_the_cells_own_stays(text):
    assert strip_ruby_lines(text) == (text, [])


@pytest.mark.parametrize(
    "path",
    [
        "heldout-chromium54/hcr54-mx-koseki_fuhyo-pypdfium2/input.txt",
        "office-watermark65/wm65-chrome-juki-pypdfium2/input.txt",
        "seed/input.txt",
    ],
)
def test_existing_texts_untouched(path):
    text = clean_text(read_text_file(SAMPLES / path))
    assert strip_ruby_lines(text)[1] == []


@pytest.mark.parametrize(
    "path",
    ["office-chromium54/cr54-em-juki/input.pdf", "office-watermark65/wm65-writer-municipal/input.pdf"],
)
def test_existing_pdfs_set_nothing_aside(path):
    assert not [n for p in read_pdf(SAMPLES / path).pages for n in p.notes if "ruby" in n]


def test_spread_base_word_closed_but_column_gaps_kept():
    """pdfplumber's line of several cells: the space Chromium spread 行政 with under ぎょうせい
    goes, the gaps between the cells (番 / 行政, 加 / 事後) stay."""
    text = "ぎょうせい\n2021/9/1 Ⅰ基本情報 行 政手続における番 行政手続における番 事後 修正"
    out, _ = strip_ruby_lines(text)
    assert out == "2021/9/1 Ⅰ基本情報 行政手続における番 行政手続における番 事後 修正"
