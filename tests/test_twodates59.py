"""Branch twodates59 (issues 10 / 12; set XX FAULTS #10, #15): a 変更日 cell listing two dates
(an item changed twice) is one row, reading the later date, its raw text keeping both; a date a
narrow 変更日 column wrapped in layout text is read whole.  On the samples made by
``tools/make_twodates59_samples.py`` (LibreOffice Calc / Writer) and set XX's t11 (Chromium) /
t14 (Calc) copied into ``samples/office-twodates59``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.normalize.line_dates import date_of_lines, listed_dates, raw_date
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-twodates59"
# Flags that say a row is in doubt (warnings, not information).
DOUBTS = {"column_guess", "rows_merged", "row_split_guess", "date_unparsed", "item_key_guess"}


def _read(case: str) -> tuple[list[dict], list[dict], str]:
    folder = SAMPLES / case
    path = next(p for p in (folder / "input.pdf", folder / "input.txt") if p.exists())
    result = extract_document(path)
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return [r.to_dict() for r in result.records], expected, result.status


@pytest.mark.parametrize(
    "case",
    [
        "td59-calc-two-slash",
        "td59-calc-two-slash-pdftotext-layout",
        "td59-calc-two-slash-pypdf-layout+nl",
        "td59-writer-two-slash",
        "td59-writer-two-slash-pdftotext-layout",
        "td59-writer-two-slash-pdftotext-raw",
        "td59-writer-two-slash-pypdfium2+nl",
        "xx58-t14",
        "xx58-t14-pdftotext-layout",
        "xx58-t14-pymupdf-sort",
        "xx58-t14-pdfplumber-layout",
        pytest.param(
            "xx58-t14-pypdfium2",
            marks=pytest.mark.xfail(
                strict=True,
                reason="calcorder70 splits an ASCII date off the cell after it (R8.4.18 ＩＤと…): the "
                "earlier date of the listing is read apart; the row's date stays the later (lead70)",
            ),
        ),
    ],
)
def test_a_cell_listing_two_dates_is_one_row_of_the_later_date(case):
    got, expected, status = _read(case)
    assert len(got) == len(expected)
    assert [r["change_date_raw"] for r in got] == [e["change_date_raw"] for e in expected]
    assert [r["change_date"] for r in got] == [e["change_date"] for e in expected]
    listed = [r for r in got if "\n" in r["change_date_raw"]]
    assert listed, "the case prints a cell listing two dates"
    for r in listed:
        assert not DOUBTS & set(r["flags"]), (r["change_date_raw"], r["flags"], r["evidence"])
        assert r["item"] == expected[r["row_index"]]["item"]
    if not case.endswith(("pypdfium2", "pdftotext-raw", "pypdfium2+nl")):
        assert status == "success"  # no rows_merged left partial


def test_a_wrapped_date_tail_that_reads_as_a_page_number_is_kept():
    """``２０２０/`` / ``１/２０`` (the tail looks like a page number ``1/20``) and ``令和元年5 Ⅰ基本情報
    ７．評価…`` / ``月7日`` (a date head one space before the item): set XX t11, pdftotext -layout."""
    got, expected, _ = _read("xx58-t11-pdftotext-layout")
    assert len(got) == len(expected)
    by_raw = {r["change_date_raw"]: r for r in got}
    assert by_raw["２０２０/１/２０"]["change_date"] == "2020-01-20"
    assert "date_unparsed" not in by_raw["２０２０/１/２０"]["flags"]
    reiwa = by_raw["令和元年5月7日"]
    assert reiwa["change_date"] == "2019-05-07"
    assert reiwa["item"] == "Ⅰ基本情報 ７．評価実施機関における担当部署 ①部署"
    assert sum(r["change_date_raw"] == "2019/5/7" for r in got) == 1


def test_an_item_heading_read_into_the_before_cell_is_flagged():
    """PyMuPDF sort=True prints ``2020.1.20 Ⅰ基本情報 ７．評価実施機 市民課長``: the heading's piece
    went to 変更前 (set XX t11); the row says so."""
    got, _, _ = _read("xx58-t11-pymupdf-sort")
    rows = [r for r in got if r["before"].startswith(("７．評価実施機", "１．特定個人情"))]
    assert len(rows) == 2
    for r in rows:
        assert "column_guess" in r["flags"]
        assert any("numbering of an item's heading" in e for e in r["evidence"])


def test_two_cells_glued_with_no_space_are_flagged():
    """pdfplumber layout=True printed a 変更前 line and the 変更後 line beside it with no space
    (``…に関する法律第行政手続における…``): the row read its two dates right and says its cells'
    cut is a guess."""
    got, _, _ = _read("td59-calc-two-wareki-pdfplumber-layout+nl")
    row = next(r for r in got if r["change_date_raw"] == "令和元年6月15日\n令和3年9月1日")
    assert "column_guess" in row["flags"]
    assert any("into the next column with no gap" in e for e in row["evidence"])


@pytest.mark.parametrize(
    ("lines", "dates", "raw", "date"),
    [
        (["2019/10/1", "2025/3/14"], ["2019/10/1", "2025/3/14"], "2019/10/1\n2025/3/14", "2025-03-14"),
        (["2017/6", "/1", "2021/4", "/1"], ["2017/6/1", "2021/4/1"], "2017/6/1\n2021/4/1", "2021-04-01"),
        (["令和元年6月15日", "令和3年9月1日"], ["令和元年6月15日", "令和3年9月1日"], None, "2021-09-01"),
        (["2019/4/1", "2"], [], "2019/4/12", "2019-04-12"),  # a day broken over lines
        (["令和2年10月", "1日"], [], "令和2年10月1日", "2020-10-01"),
        (["2019/4/1", "２．送付先"], [], "2019/4/1２．送付先", "2019-04-01"),  # not two dates
    ],
)
def test_listed_dates_of_a_cell(lines, dates, raw, date):
    assert listed_dates(lines) == dates
    assert raw_date(lines) == (raw or "\n".join(lines))
    assert date_of_lines(lines)[0] == date
