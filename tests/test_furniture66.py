"""Branch furniture66: text that is no table content inside a table's stretch in flattened text.

* a browser's print header and footer (Chromium printing without ``--no-pdf-header-footer``: the
  date and time and the page title at each page's top, the page's address and ``n/m`` at its
  foot), read into the last row's cell of each page (normalize/browser_furniture.py);
* a paragraph parting two tables (``【令和６年度以前の変更】``, ``以下は前回評価書からの変更``)
  read into the first table's last row (normalize/table_parting.py).

Samples: ``tools/make_furniture66_samples.py`` (Chromium ``--print-to-pdf``; python-docx → Writer).
The held-out set ``samples/heldout-furniture66`` is measured only (tools/eval_office.py), never
asserted on here.
"""

from __future__ import annotations

import json

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_file
from piatable.models import CellLine, RawRow
from piatable.normalize.browser_furniture import furniture_doubts, strip_browser_furniture
from piatable.normalize.table_parting import parting_doubts, strip_parting_lines
from piatable.normalize.unicode import clean_text
from piatable.vocabulary import BROWSER_STAMP, TABLE_PARTING_LINE

from .conftest import SAMPLES

SET = SAMPLES / "office-furniture66"
LOOKS = json.loads((SET / "cases.json").read_text("utf-8"))
CELLS = ("item", "before", "after", "explanation")
HF = sorted(p.parent.name for p in SET.glob("fu66-hf-*/input.txt"))
SPLIT = sorted(p.parent.name for p in SET.glob("fu66-split-*/input.txt"))


def _look(case: str) -> dict:
    return LOOKS[max((k for k in LOOKS if case.startswith(k)), key=len)]


def _text(name: str) -> str:
    return clean_text(read_text_file(SET / name / "input.txt"))


@pytest.mark.parametrize("name", [n for n in HF if n.endswith(("-pypdf", "-pdfminer", "-pdftotext"))])
def test_every_header_and_footer_piece_is_left_out_and_quoted(name):
    text = _text(name)
    out, notes = strip_browser_furniture(text)
    title = _look(name)["title"]
    pages = _look(name)["pages"]
    assert "://" not in out and not BROWSER_STAMP.search(out)
    assert notes and f"「{title}」" in notes[0] and "://" in notes[0]
    # One stamp, one title and one address a page (a counter with the address or alone).
    assert notes[0].count("×") >= 2 or pages == 1
    assert out.count("\f") == text.count("\f")


def test_a_text_joined_by_line_ends_gets_its_page_breaks_back_from_the_counters():
    name = next(n for n in HF if n.endswith("pypdfium2+nl") and _look(n)["pages"] >= 3)
    text = _text(name)
    assert "\f" not in text
    out, _ = strip_browser_furniture(text)
    assert out.count("\f") == _look(name)["pages"] - 1


def test_layout_text_keeps_its_lines_and_columns():
    name = next(n for n in HF if n.endswith("pdftotext-layout"))
    text = _text(name)
    out, notes = strip_browser_furniture(text, blank=True)
    assert notes and out.count("\n") == text.count("\n")
    assert "://" not in out


def test_a_date_and_time_in_a_cell_without_any_browser_footer_stays():
    text = "変更日 項目 変更前の記載 変更後の記載 提出時期 説明\n2024/4/1 10:00 受付開始\n事後\n"
    assert strip_browser_furniture(text) == (text, [])


@pytest.mark.parametrize("name", [n for n in HF if n.endswith(("-pymupdf", "-pypdfium2"))])
def test_no_cell_holds_the_browser_furniture(name):
    # Before (5ab6fa08) the stamp and title ended the last row's explanation of each page, and
    # the address and title made a row's before / after cells.
    title = _look(name)["title"]
    result = extract_document(SET / name / "input.txt")
    assert any("browser's print header / footer" in n for n in result.notes)
    for rec in result.records:
        for cell in CELLS:
            value = getattr(rec, cell)
            assert "://" not in value and not BROWSER_STAMP.search(value), (rec.row_index, cell, value)
            assert title not in value.split("\n"), (rec.row_index, cell, value)


def test_a_title_cut_from_a_cells_line_flags_that_cell():
    row = RawRow(cells={"after": [CellLine("番号法第９条第２項に基づく条例", 1, 0)]})
    note = "browser header / footer text 「t09」 was cut out from between 「」 and 「番号法第９条第２項に基」"
    furniture_doubts([row], [note])
    assert [(d.kind, d.field) for d in row.doubts] == [("furniture_cut", "after")]


@pytest.mark.parametrize(
    "line, parts",
    [
        ("【令和６年度以前の変更】", True),
        ("以下は前回評価書からの変更", True),
        ("以下は、令和４年度に実施した再評価に伴う変更箇所である。", True),
        ("【変更前】", False),
        ("＜中間サーバーにおける措置＞", False),
        ("[令和 6 年 10 月 様式 4]", False),
        ("【令和3年2月23日】", False),
        ("平成30年4月1日 組織改正による部署名の変更", False),
        ("組織改正による役職名の変更", False),
    ],
)
def test_what_reads_as_a_paragraph_parting_two_tables(line, parts):
    assert bool(TABLE_PARTING_LINE.match(line)) is parts


@pytest.mark.parametrize("name", [n for n in SPLIT if n.endswith(("-pypdfium2", "-pdftotext-raw"))])
def test_the_paragraph_between_two_tables_is_in_no_cell_and_quoted(name):
    # Before (5ab6fa08) it was the last paragraph of the first table's last row's explanation
    # (row-ordered texts) or a before / after cell (column-ordered ones).
    heading = _look(name)["split"][1]
    result = extract_document(SET / name / "input.txt")
    assert any(f"「{heading}」" in n and "between two tables" in n for n in result.notes), result.notes
    for rec in result.records:
        for cell in (*CELLS, "timing"):
            assert heading not in getattr(rec, cell), (rec.row_index, cell)


def test_a_parting_line_not_above_a_table_stays_and_warns_its_row():
    text = (
        "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明\n"
        "令和6年4月1日\n【令和６年度以前の変更】\n事務の見直し\n"
    )
    out, notes = strip_parting_lines(text)
    assert out == text and len(notes) == 1
    row = RawRow(
        cells={"explanation": [CellLine("【令和６年度以前の変更】", 1, 0), CellLine("事務の見直し", 1, 1)]}
    )
    parting_doubts([row], notes)
    assert [(d.kind, d.field) for d in row.doubts] == [("column_guess", "explanation")]
