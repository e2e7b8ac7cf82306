"""A kind column (区分 / 種別: 修正 / 追加 / 削除) before 変更日, after a numbering column or alone
(branch numcols59, set XX t02): its values are set aside, with a note, in row-ordered text
(pypdf, pypdfium2, -raw), pdfplumber text and -layout text, so that the date after them opens
the row.  Samples: office-kindcol59 (LibreOffice Calc and Chromium PDFs, real extractors)."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.kind_column import is_kind_value, strip_kind_column
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-kindcol59"
KIND_WORDS = ("修正", "追加", "削除")


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "case",
    [
        "k59-calc-numkind-pypdf",  # 番号 + 種別, pages joined by form feeds
        "k59-calc-numkind-pypdf+j0",  # pages joined with nothing between
        "k59-calc-longkind-pypdfium2+nl",  # pages joined by line ends
        "k59-calc-kind-pdftotext-raw",  # 区分 alone
        "k59-chromium-kind-pypdfium2",
    ],
)
def test_row_ordered_text_reads_every_row_with_its_date(case):
    """Before numcols59 these texts read no row right (the kind word hid each row's date)."""
    result = extract_document(SET / case / "input.txt")
    expected = _expected(case)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    note = next(n for n in result.notes if n.startswith("a kind column ("))
    assert f"{len(expected)} values" in note
    # No kind word is left at the head of a cell.
    for r in result.records:
        for cell in (r.item, r.before, r.after, r.explanation):
            assert not any(cell.startswith(w + " ") for w in KIND_WORDS), cell


def test_pdfplumber_text_is_recognised_without_its_leading_columns():
    """Calc's 番号 + 種別 columns put short values before each row's first line, which hid
    pdfplumber's order: the text was read by the stream reader and gave no row."""
    case = "k59-calc-longkind-pdfplumber"
    result = extract_document(SET / case / "input.txt")
    assert any(n.startswith("pdfplumber text") for n in result.notes)
    assert any(n.startswith("a numbering column (") for n in result.notes)
    assert any(n.startswith("a kind column (") for n in result.notes)
    got = [r.change_date for r in result.records]
    assert len(got) >= len(_expected(case)) - 1
    assert set(got) <= {e["change_date"] for e in _expected(case)}


def test_layout_text_names_the_values_it_sets_aside():
    """-layout text read the kind words into no cell and said nothing: they are blanked and
    counted in a note."""
    case = "k59-chromium-numkind-pdftotext-layout"
    result = extract_document(SET / case / "input.txt")
    note = next(n for n in result.notes if n.startswith("a kind column ("))
    assert f"{len(_expected(case))} values" in note
    assert [r.change_date for r in result.records] == [e["change_date"] for e in _expected(case)]


def test_values_that_open_no_date_line_stay():
    """Column-ordered text (pdfminer) prints the column's words on lines of their own, where
    削除 / 新規 may as well be a cell's: none is taken out."""
    text = (SET / "k59-calc-kind-pdfminer" / "input.txt").read_text("utf-8")
    out = strip_kind_column(text)
    assert out.text.count("\n") == text.count("\n")
    lone = [ln for ln in text.split("\n") if ln.strip() in KIND_WORDS]
    assert lone, "the sample prints the kind words alone"
    assert all(ln in out.text.split("\n") for ln in lone)


def test_no_kind_label_no_change_and_varied_words_stay():
    labels = "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"
    text = f"（別添２）変更箇所\n{labels}\n修正 2020/4/1 Ⅰ基本情報\n"
    assert strip_kind_column(text).text == text
    varied = "区分 変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明\n" + "".join(
        f"{w} 2020/4/{k + 1} Ⅰ基本情報\n"
        for k, w in enumerate(("施行日", "改正後", "記載例", "参考", "別紙", "表紙"))
    )
    out = strip_kind_column(varied)
    assert out.text == varied and not out.notes


@pytest.mark.parametrize(
    ("word", "kind"),
    [("修正", True), ("記載修正", True), ("令和", False), ("2年", False), ("５月", False), ("事後。", False)],
)
def test_kind_values_are_short_words_not_date_pieces(word, kind):
    assert is_kind_value(word) is kind
