"""Dates printed apart from their rows in row-ordered text (normalize/rowless_dates.py): on built
rows and on committed LibreOffice Calc texts (samples/office-wrapdate25, office-between18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.rowless_dates import TRAILING_DATE, dateless_fill_doubts, give_untaken_dates

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("item", "before", "after", "explanation")


def row(
    date: str, page: int, line: int, item: str = "", explanation: str = "", filled: bool = False
) -> RawRow:
    r = RawRow()
    r.cells["change_date"] = [CellLine(date, page, line)] if date else []
    if item:
        r.cells["item"] = [CellLine(item, page, line + 1)]
    if explanation:
        r.cells["explanation"] = [CellLine(explanation, page, line + 2)]
    r.flags = ["merged_cell_filled"] if filled else []
    return r


def kinds(doubts) -> list[tuple[str, str | None]]:
    return [(d.kind, d.field) for d in doubts]


def test_a_date_alone_doubts_the_rows_of_its_page_that_took_the_date_above():
    rows = [
        row("2020/2/14", 1, 3, "Ⅰ基本情報"),
        row("2020/2/14", 1, 3, "Ⅱ特定個人情報ファイルの概要", filled=True),
        row("R3.9.30", 1, 4),  # printed apart: no cells of its own
        row("2020/2/14", 2, 3, "Ⅲリスク対策", filled=True),  # another page: left alone
    ]
    out = dateless_fill_doubts(rows)
    assert kinds(out[0]) == []
    assert kinds(out[1]) == [("row_split_guess", "change_date")]
    assert "R3.9.30" in out[1][0].why
    assert kinds(out[2]) == [("row_split_guess", "change_date")]
    assert kinds(out[3]) == []


def test_a_date_ending_an_explanation_doubts_the_next_row_that_took_the_date_above():
    rows = [
        row("R3.9.30", 1, 3, "Ⅰ基本情報", "組織改正による修正2021/12/"),
        row("R3.9.30", 1, 3, "Ⅱ特定個人情報ファイルの概要", "修正", filled=True),
    ]
    out = dateless_fill_doubts(rows)
    assert kinds(out[1]) == [("row_split_guess", "change_date")]
    assert "2021/12/" in out[1][0].why
    # An explanation that ends in words, or a next row with a date of its own: no doubt.
    rows[0].cells["explanation"] = [CellLine("組織改正による修正", 1, 5)]
    assert dateless_fill_doubts(rows) == [[], []]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("修正2021/12/", "2021/12/"),
        ("修正2020年2月", "2020年2月"),
        ("修正R3.9.", "R3.9."),
        ("変更H31.4.1", "H31.4.1"),
    ],
)
def test_a_trailing_date_or_its_head_is_found(text, date):
    assert TRAILING_DATE.search(text).group("date") == date


@pytest.mark.parametrize(
    "text", ["令和3年4月1日", "第19条第8号", "重大な変更に該当しない", "４４の項、４５の項"]
)
def test_no_trailing_date_in_words_or_a_date_alone(text):
    assert TRAILING_DATE.search(text) is None


def test_untaken_dates_go_in_print_order_to_the_last_rows_that_printed_none():
    filled = [row("R2.4.1", 1, 3, "Ⅰ", filled=True) for _ in range(3)]
    untaken = [CellLine("R3.9.30", 1, 4), CellLine("事後", 1, 4), CellLine("H31.4.1", 1, 5)]
    rest = give_untaken_dates(filled, untaken, 0.45)
    assert [cl.text for cl in rest] == ["事後"]
    assert [r.cells["change_date"][0].text for r in filled] == ["R2.4.1", "R3.9.30", "H31.4.1"]
    assert all(
        r.confidence <= 0.45 and kinds(r.doubts) == [("row_split_guess", "change_date")] for r in filled[1:]
    )


@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2"])
def test_a_pass_one_date_no_row_took_goes_to_its_row(family):
    """A Calc page whose pass 1 prints 令和４年４月１日 that no row's place in the alignment took:
    it made a row of a date alone (and the row it belonged to kept another date); then a row that
    printed no date took it, warned.  Since branch furniture66 the sentence parting the two tables
    (「以下は、令和４年度に実施した再評価に伴う変更箇所である。」) is left out with a note, and every
    date goes to its own row: the dates are the truth's, and no row holds a date alone."""
    case = ROOT / f"samples/office-between18/bt18-calc-1-{family}"
    result = extract_document(case / "input.txt")
    got = [r.to_dict() for r in result.records]
    alone = [g for g in got if g["change_date"] and not any(g[f] for f in TEXT)]
    assert alone == []
    truth = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    assert [g["change_date"] for g in got] == [t["change_date"] for t in truth]
    assert any("between two tables" in n and "以下は、令和４年度" in n for n in result.notes)


@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2"])
def test_mixed_one_line_and_wrapped_dates_of_a_narrow_column(family):
    """A Calc table whose 変更日 column prints 2020/7/1 (merged over three rows) and R2.10.1 on one
    line each and R3.4.1 over the rest: pass 1 does not say where the merged date ends, so the
    rows given a date other than their own say so, and every row has its item.  A row that most
    of the near-best readings give the date taken (row 2: two of three) is not flagged: its
    evidence gives the share, and it stays below 0.8 (branch warn43: such rows were right far
    more often than not)."""
    folder = ROOT / f"samples/office-wrapdate25/w25-calc-kokuho-{family}"
    got = [r.to_dict() for r in extract_document(folder / "input.txt").records]
    expected = json.loads((folder / "expected/records.json").read_text("utf-8"))
    assert len(got) == len(expected) == 8
    assert [g["change_date_raw"] for g in got][4:] == ["R3.4.1"] * 4
    assert all(g["item"] for g in got)
    for g, e in zip(got, expected, strict=True):
        if g["change_date"] != e["change_date"]:
            majority = any("of those ways give this row" in x for x in g["evidence"])
            assert ("row_split_guess" in g["flags"] and g["confidence"] < 0.5) or (
                majority and g["confidence"] < 0.8
            )


def test_a_date_ending_a_cell_doubts_no_row_printed_before_that_cell():
    # pypdfium2 text of a Calc table (office-raw23 calc-raw23-juki): the next page's column labels
    # and its reprinted date end a row's after cell; the rows printed before that cell took the
    # date above rightly (their dates would print before their cells), the rows after it may not.
    rows = [
        row("2018/4/1", 1, 3, "Ⅰ基本情報", "組織改正"),
        row("2018/4/1", 1, 6, "Ⅰ基本情報", "組織改正", filled=True),  # before the cell: left alone
        row("2019/5/1", 1, 9, "Ⅱ特定個人情報ファイルの概要", "修正2020/1/6", filled=True),
        row("2019/5/1", 2, 3, "Ⅲリスク対策", "追加", filled=True),
    ]
    out = dateless_fill_doubts(rows)
    assert kinds(out[1]) == []
    assert kinds(out[2]) == []
    assert kinds(out[3]) == [("row_split_guess", "change_date")]
    assert "2020/1/6" in out[3][0].why


def test_a_date_in_the_style_of_the_dates_read_into_a_cell_doubts_its_filled_row():
    """A row that took the row above's date while one of its cells is a date alone printed as the
    table's dates are (``R5.3.31`` beside ``R4.10.17``): the 変更日 column's own date, read into a
    cell (PyMuPDF's Calc text, samples/office-bodytext54/bt54-calc-municipal-v4-pymupdf)."""
    rows = [row("R4.10.17", 1, 3, "Ⅰ基本情報"), row("R4.10.17", 1, 9, "Ⅵ評価実施手続", filled=True)]
    rows[1].cells["before"] = [CellLine("R5.3.31", 1, 12)]
    assert kinds(dateless_fill_doubts(rows)[1]) == [("row_split_guess", "change_date")]
    # A date of another style (a value: 令和元年6月1日) is no 変更日 cell's.
    rows[1].cells["before"] = [CellLine("令和元年6月1日", 1, 12)]
    assert dateless_fill_doubts(rows) == [[], []]


def test_a_date_items_old_date_beside_a_later_new_one_is_its_value():
    """A date item (``①実施日``) whose before is a date later than the 変更日 it took, beside an
    after cell of a later date alone: the item's old value and its new one, not a 変更日 read
    into the before (set XIX's t07, 45 right rows of five extractors' texts warned)."""
    rows = [
        row("令和元年5月1日", 1, 3, "Ⅰ基本情報"),
        row("令和元年5月1日", 1, 9, "Ⅵ評価実施手続\n①実施日", filled=True),
        row("令和元年5月1日", 1, 15, "Ⅱ特定個人情報ファイルの概要", filled=True),
    ]
    rows[1].cells["item"] = [CellLine("Ⅵ評価実施手続", 1, 10), CellLine("①実施日", 1, 11)]
    rows[1].cells["before"] = [CellLine("令和元年11月5日", 1, 12)]
    rows[1].cells["after"] = [CellLine("令和5年11月20日", 1, 12)]
    assert dateless_fill_doubts(rows) == [[], [], []]
    # An after cell of the row's own text (bt54's range) or an earlier date keeps the doubt.
    for after in ("令和5年1月4日から令和5年2月3日まで", "令和元年6月1日"):
        rows[1].cells["after"] = [CellLine(after, 1, 12)]
        assert kinds(dateless_fill_doubts(rows)[2]) == [("row_split_guess", "change_date")]


def test_pymupdf_calc_text_warns_the_row_whose_date_went_into_its_cell():
    folder = ROOT / "samples" / "office-bodytext54" / "bt54-calc-municipal-v4-pymupdf"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    records = extract_document(folder / "input.txt").records
    assert len(records) == len(expected) == 7
    last = records[-1]
    if last.change_date_raw != expected[-1]["change_date_raw"]:  # read wrong: it says so
        assert "row_split_guess" in last.flags and last.confidence < 0.5
