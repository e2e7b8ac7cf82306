"""Branch furniture68: text the page or the document prints round a table, read into its cells.

* a table footer saying the table goes on (「（次頁へ続く）」, an HTML ``tfoot`` Chromium prints on
  every page), a closing 「以下余白」 row, and the heading of a second table (【…評価書】（別添３）)
  glued to the first table's last cell: normalize/cell_furniture.py;
* a watermark word alone once per page in a text without form feeds (PyMuPDF / pypdf pages
  joined by line ends): normalize/watermark_lines.py's pages told by the label rows.

Samples: ``tools/make_furniture68_samples.py`` (Chromium ``--print-to-pdf``; python-docx → Writer;
openpyxl → Calc).  The held-out set ``samples/heldout-furniture68`` is measured only
(tools/eval_office.py), never asserted on here.
"""

from __future__ import annotations

import json

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.cell_furniture import set_aside_furniture
from piatable.normalize.watermark_lines import watermark_words

from .conftest import SAMPLES

SET = SAMPLES / "office-furniture68"
LOOKS = json.loads((SET / "cases.json").read_text("utf-8"))
CELLS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _case(kind: str) -> str:
    return next(k for k in sorted(LOOKS) if k.startswith(f"fu68-{kind}-"))


def _expected(folder: str) -> list[dict]:
    return json.loads((SET / folder / "expected" / "records.json").read_text("utf-8"))


def _row(page: int, **cells: str) -> RawRow:
    row = RawRow()
    for field, text in cells.items():
        row.cells[field] = [CellLine(t, page, k) for k, t in enumerate(text.split("\n"))]
    row.set_pages()
    return row


def _values(records) -> list[str]:
    return [getattr(r, c) or "" for r in records for c in CELLS]


# --- the rule on rows ---------------------------------------------------------------------


def test_a_footer_ending_each_pages_last_row_is_cut_and_counted():
    rows = [
        _row(1, item="Ⅰ基本情報", explanation="組織改編に伴う修正"),
        _row(1, item="Ⅱ特定個人情報ファイルの概要", explanation="誤記の修正\n（次頁へ続く）"),
        _row(2, item="Ⅲ特定個人情報の取扱いプロセス", explanation="再評価に伴う修正（次頁へ続く）"),
    ]
    notes = set_aside_furniture(rows)
    assert [r.text_of("explanation") for r in rows] == [
        "組織改編に伴う修正",
        "誤記の修正",
        "再評価に伴う修正",
    ]
    assert notes == [
        "2 copies of 「（次頁へ続く）」 (a table footer printed at the foot of each page, no cell's text)"
        " were cut from the end of the cells they were read into"
    ]


def test_a_footer_phrase_once_in_a_row_inside_a_page_is_the_cells_own():
    # The same phrase once, ending a cell of a row that neither ends its page nor the table.
    rows = [
        _row(1, item="Ⅰ基本情報", before="詳細は別紙のとおり（続く）"),
        _row(1, item="Ⅱ特定個人情報ファイルの概要", explanation="誤記の修正"),
    ]
    assert set_aside_furniture(rows) == []
    assert rows[0].text_of("before") == "詳細は別紙のとおり（続く）"


def test_a_row_of_nothing_but_the_closing_mark_is_no_row():
    rows = [
        _row(1, change_date="2024年4月1日", item="Ⅰ基本情報", explanation="誤記の修正"),
        _row(1, change_date="以下余白"),
    ]
    notes = set_aside_furniture(rows)
    assert len(rows) == 1 and rows[0].text_of("explanation") == "誤記の修正"
    assert len(notes) == 1 and notes[0].startswith(
        "1 rows holding nothing but the form's page text (「以下余白」"
    )


def test_a_footer_row_under_a_merged_date_is_no_row():
    # -layout text: the footer line under the page's last row, the merged date filled in.
    rows = [
        _row(1, change_date="令和6年2月15日", item="Ⅰ基本情報", explanation="修正"),
        _row(1, change_date="令和6年2月15日", explanation="（次頁へ続く）"),
        _row(2, change_date="令和6年2月15日", item="Ⅵ評価実施手続", explanation="再評価に伴う修正"),
    ]
    set_aside_furniture(rows)
    assert [r.text_of("item") for r in rows] == ["Ⅰ基本情報", "Ⅵ評価実施手続"]


def test_the_next_tables_heading_with_its_title_is_cut_wherever_its_row_stands():
    rows = [
        _row(1, item="Ⅰ基本情報", explanation="修正\n【住民基本台帳に関する事務　全項目評価書】（別添３）"),
        _row(1, item="Ⅱ特定個人情報ファイルの概要", explanation="誤記の修正"),
    ]
    notes = set_aside_furniture(rows)
    assert rows[0].text_of("explanation") == "修正"
    assert "the heading of the next amendment table" in notes[0]


def test_a_bracketed_heading_alone_inside_a_page_is_kept():
    rows = [
        _row(1, item="Ⅰ基本情報", before="【住民基本台帳に関する事務　全項目評価書】"),
        _row(1, item="Ⅱ特定個人情報ファイルの概要", explanation="誤記の修正"),
    ]
    assert set_aside_furniture(rows) == []
    assert rows[0].text_of("before") == "【住民基本台帳に関する事務　全項目評価書】"


def test_the_region_of_a_flattened_text_follows_the_cut():
    rows = [_row(1, item="Ⅰ基本情報", explanation="誤記の修正（続く）")]
    region = [cl for cells in rows[0].cells.values() for cl in cells]
    set_aside_furniture(rows, region)
    assert [cl.text for cl in region] == ["Ⅰ基本情報", "誤記の修正"]


# --- the watermark in a text without form feeds -------------------------------------------


def test_a_watermark_once_per_label_row_is_found_without_form_feeds():
    labels = ["変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明"]
    page = [*labels, "令和6年4月1日", "Ⅰ基本情報", "修正前", "修正後", "事後", "誤記の修正", "公表用"]
    assert watermark_words([page + page]) == {"公表用": {(0, 12), (0, 25)}}
    # Twice under one label row: a cell's word, not a page's.
    assert watermark_words([page[:-1] + ["公表用", "公表用"]]) == {}


# --- the samples ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-pypdf+nl", "-pymupdf+nl", "-pdftotext-raw", "-pdftotext-layout"])
def test_no_cell_of_the_chromium_table_holds_its_tfoot(suffix):
    # Before (af7b47ed) the PDF's and row-ordered texts' last row of each page ended with the
    # footer (XXIX t08: conf 0.963 unwarned), -layout text read it as an extra row.
    case = _case("tfoot")
    folder = case + suffix
    name = "input.pdf" if not suffix else "input.txt"
    result = extract_document(SET / folder / name)
    footer = LOOKS[case]["footer"]
    assert all(footer not in v for v in _values(result.records))
    assert len(result.records) == len(_expected(folder))
    assert any(f"「{footer}」" in n for n in result.notes)


@pytest.mark.parametrize("suffix", ["", "-pdftotext-layout", "-pypdfium2"])
def test_the_closing_mark_row_of_the_calc_sheet_is_no_row(suffix):
    case = _case("blank")
    folder = case + suffix
    result = extract_document(SET / folder / ("input.pdf" if not suffix else "input.txt"))
    assert len(result.records) == len(_expected(folder))
    assert all("余白" not in v for v in _values(result.records))
    assert any(LOOKS[case]["blank_row"] in n for n in result.notes)


@pytest.mark.parametrize("suffix", ["-pdftotext-raw", "-pypdfium2", "-pymupdf+nl"])
def test_no_cell_of_the_two_tables_holds_the_second_ones_heading(suffix):
    folder = _case("two") + suffix
    result = extract_document(SET / folder / "input.txt")
    assert all("評価書】" not in v for v in _values(result.records))
    assert len(result.records) == len(_expected(folder))


@pytest.mark.parametrize("suffix", ["-pypdf+nl", "-pymupdf+nl"])
def test_a_watermark_of_a_text_joined_by_line_ends_is_left_out(suffix):
    case = _case("wm")
    word = LOOKS[case]["watermark"]
    result = extract_document(SET / (case + suffix) / "input.txt")
    assert all(word not in v for v in _values(result.records))
    assert any(f"watermark 「{word}」" in n for n in result.notes)
