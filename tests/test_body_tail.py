"""The document's close after its table (以上, a date line, a signature, a contact table) is no row
(normalize/body_tail.py), and a date glued to its item is read as a date (normalize/glued_dates.py).

samples/office-bodytext54 (tools/make_bodytext54_samples.py): LibreOffice Writer (.docx, and
.docx saved as .odt) and Calc tables set in body text, with the texts of the five extractors
and PyMuPDF's default and ``sort=True`` orders.  Before, the date line after the table opened a
row of its own in every text (``2025 年1 月15 日`` / ``○○市長　山田　太郎`` / ``問合せ先…``)."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.body_tail import SIGNATURE, cut_body_tail
from piatable.normalize.glued_dates import unglue_dates
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-bodytext54"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
TEXTS = ("pdftotext-raw", "pypdfium2", "pdftotext-layout", "pdftotext", "pdfminer", "pymupdf", "pymupdf-sort")
LAST_ROW = "事後\n外部記録媒体の取扱いに関す\nる規程の改正による追記\n"


@pytest.mark.parametrize(
    ("tail", "cut"),
    [
        (
            "※　変更箇所に下線を付している。\n以上\n2025 年 1 月 15 日\n○○市長　山田　太郎\n"
            "問合せ先 総務部情報政策課\n電話 012-345-6789\n- 1 -\n",
            "※　変更箇所に下線を付している。 以上 2025 年 1 月 15 日 ○○市長　山田　太郎 "
            "問合せ先 総務部情報政策課 電話 012-345-6789",
        ),
        # A date and a signature, no 以上; the page number before it glued by its form feed.
        ("- 1 -\f2024 年 3 月 28 日\n□□市教育委員会\n- 2 -\n", "2024 年 3 月 28 日 □□市教育委員会"),
        ("令和7年1月15日\n○○町長\n以上\n", "令和7年1月15日 ○○町長 以上"),
    ],
)
def test_the_close_is_cut_with_its_text(tail, cut):
    text, notes, closed = cut_body_tail(LAST_ROW + tail)
    assert notes == [cut]
    assert closed == ("以上" in cut)
    assert text.startswith(LAST_ROW)
    assert "以上" not in text and "日\n" not in text.removeprefix(LAST_ROW)
    # Form feeds and page numbers stay (the page count).
    assert text.count("\f") == (LAST_ROW + tail).count("\f")


@pytest.mark.parametrize(
    "text",
    [
        # A quantity's tail: 65歳 / 以上.
        "Ⅰ基本情報\n対象者は６５歳\n以上\n",
        # A row's date alone at the end, nothing after it (a merged date Calc prints last).
        LAST_ROW + "令和7年1月15日\n",
        # Dates and short cells of a column-ordered text (no signature, no 以上), a wrapped date.
        LAST_ROW + "R2.4.1\nR3.4.1\n変更前の記載\n別表第一の３０の項\n",
        LAST_ROW + "2022年1月4\n日\n\f",
        # A row whose item follows its date: a heading is no signature.
        LAST_ROW + "2024/4/1\nⅡ特定個人情報ファイルの概要\n３．特定個人情報の入手\n",
        # A note of a before / after cell and its wrapped lines, no 以上 or date after them.
        "2024/4/1 事後\nⅠ基本情報\n※やむを得ず外部記録媒体を使用する\n場合は、所属長の許可を得た上で\n",
        # Short lines after a note, then 以上: the short lines are a cell's, so nothing is cut
        # from the note on; 以上 alone is the closing mark's (closing_mark.drop_closing_mark).
        "2024/4/1 事後\n※やむを得ず外部記録媒体を使用する\n場合は、所属長の許可\n",
    ],
)
def test_other_tails_stay(text):
    assert cut_body_tail(text) == (text, [], False)


def test_a_date_glued_to_its_item_gets_its_space():
    assert unglue_dates("令和3年4月1日Ⅱしきい値判断項目   平成31年4月1日 時点\n") == (
        "令和3年4月1日 Ⅱしきい値判断項目   平成31年4月1日 時点\n",
        1,
    )
    # A date going on in prose, a date already apart, a date inside a line stay.
    for text in ("令和5年4月1日から施行\n", "2023/2/6 Ⅰ基本情報\n", "改正 令和5年4月1日Ⅰ\n"):
        assert unglue_dates(text) == (text, 0)


def _close_texts(case: dict, tool: str) -> list[str]:
    """The paragraphs after the table that must be in no cell, in a case whose close is owned
    (以上 or a signature: ``body_tail._valid_from``): the date lines and signatures (neither a
    note nor 以上), the contact table's values."""
    texts = [t for t in case["closing"] if not t.startswith("※") and t.replace("　", "") != "以上"]
    owned = any(t.replace("　", "") == "以上" or SIGNATURE.search(t) for t in case["closing"])
    if not owned:
        return []
    # pdfminer prints the contact table's boxes among the table's (not after it): a known fault,
    # test_pdfminer_prints_the_contact_table_among_the_cells.
    return texts + ([] if tool == "pdfminer" else [value for _, value in case.get("tail_table", [])])


@pytest.mark.parametrize("tool", TEXTS)
def test_no_row_takes_the_close(tool):
    cases = json.loads((SET / "cases.json").read_text("utf-8"))
    checked = 0
    for name, case in cases.items():
        folder = SET / f"{name}-{tool}"
        expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
        result = extract_document(folder / "input.txt")
        cells = "".join("".join(str(getattr(r, f) or "").split()) for r in result.records for f in FIELDS)
        for text in _close_texts(case, tool):
            squashed = "".join(text.split()).strip("○△□")
            if "".join(str(e[f] or "") for e in expected for f in FIELDS).find(squashed) >= 0:
                continue  # printed in the table too
            assert squashed not in cells, (name, text)
            checked += 1
        # What was cut is named in a note, never dropped in silence.
        assert all(e["change_date_raw"] for e in expected)
        if any(n.startswith("text printed after the table") for n in result.notes):
            assert result.notes
    assert checked >= 8


@pytest.mark.parametrize("tool", ["pymupdf-sort", "pymupdf"])
def test_a_tight_calc_date_column_in_pymupdf_text_gives_every_row(tool):
    folder = SET / f"bt54-calc-kokuho-v6-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    assert [r.change_date_raw for r in result.records] == [e["change_date_raw"] for e in expected]


@pytest.mark.xfail(
    strict=True,
    reason="pdfminer prints the small contact table after the table (問合せ先 / 電話) among the "
    "table's own boxes, before 以上: no rule tells its boxes from one-line cells yet",
)
def test_pdfminer_prints_the_contact_table_among_the_cells():
    result = extract_document(SET / "bt54-odt-juki-v5-pdfminer" / "input.txt")
    cells = "".join("".join(str(getattr(r, f) or "").split()) for r in result.records for f in FIELDS)
    assert "総務部情報政策課" not in cells


def test_a_writer_pdf_reads_no_row_from_its_close_and_names_it():
    """Writer's PDF: the 問合せ先 box after the close shares the table's outer rulings; before,
    the clustered rulings ran to its foot and the note, 以上, the date, the signature and the box
    became 3 rows more (grid/between_rulings.ruled_foot)."""
    folder = SET / "bt54-writer-juki-v1"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.pdf")
    assert [r.change_date_raw for r in result.records] == [e["change_date_raw"] for e in expected]
    after = [n for n in result.notes if n.startswith("text printed after the table, not a row")]
    assert any("2025年1月15日" in n.replace(" ", "") for n in after)
    assert any("総務部情報政策課" in n for n in after)
