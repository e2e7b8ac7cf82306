"""変更日 cells that print more than a date (branch datecell60, set XXI t06 / t07 / t13): a prefix
line above the date (第４版, No.3, 第2回) opens the row, and the date's annex (a weekday （木）, 付)
is the date's, in PDFs and flattened text.  Samples: office-datecell60 (LibreOffice Calc and
Chromium PDFs, real extractors)."""

from __future__ import annotations

import json

import pytest

from piatable.models import CellLine
from piatable.normalize.date_prefixes import is_date_prefix, join_date_prefixes
from piatable.normalize.dates import DATE_LINE, DATE_TAIL, is_date_line, parse_date
from piatable.normalize.line_dates import date_of_lines
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-datecell60"


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("lines", "date", "doubt"),
    [
        (["第４版", "2022年4月1", "日付"], "2022-04-01", False),  # set XXI t07
        (["令和５年６月１", "日（木）"], "2023-06-01", False),  # set XXI t13
        (["2023/4/1", "（土）"], "2023-04-01", False),
        (["令和5年6月1", "日（木曜日）"], "2023-06-01", False),
        (["2019/4/1", "2"], "2019-04-12", True),  # a day broken at the edge, or a stray number
        (["令和5年6月1", "日 Ⅱ特定個人情報"], "2023-06-01", True),  # other text after the date
    ],
)
def test_a_date_cells_lines_read_with_their_annex(lines, date, doubt):
    assert date_of_lines(lines) == (date, doubt)


def test_the_annex_and_the_prefix_make_no_sentence_a_date():
    assert DATE_LINE.match("令和５年６月１日（木）") and DATE_LINE.match("2022年4月1日付")
    assert DATE_TAIL.match("日（水）") and DATE_TAIL.match("（金）") and not DATE_TAIL.match("付け")
    assert is_date_line("第４版2022年4月1日付") and parse_date("第４版2022年4月1日付") == "2022-04-01"
    assert parse_date("No.32023/4/1") == "2023-04-01"  # the prefix's digits make no year
    # A prefix set apart by a space is a cell's sentence (a meeting's date in a before cell).
    assert not is_date_line("第1回 令和4年4月1日")
    assert not DATE_LINE.match("令和4年4月1日から")
    assert is_date_prefix("第４版") and is_date_prefix("No.3") and not is_date_prefix("第４版の改訂")


def test_a_prefix_line_is_joined_to_the_date_under_it_only():
    lines = [
        CellLine(t, 1, n)
        for n, t in enumerate(["…による修正", "第３版", "2022年4月1", "日付", "第２版", "Ⅰ基本情報"])
    ]
    got = [cl.text for cl in join_date_prefixes(lines)]
    assert got == ["…による修正", "第３版2022年4月1", "日付", "第２版", "Ⅰ基本情報"]


def test_pdf_rows_with_editions_and_weekdays_are_not_warned():
    """Set XXI t07.pdf / t13.pdf: every right row was warned column_guess with no evidence."""
    for case in ("d60-calc-ban-narrow", "d60-calc-wday-narrow", "d60-chromium-wday-narrow"):
        result = extract_document(SET / case / "input.pdf")
        expected = _expected(case)
        assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
        assert [r.item for r in result.records] == [e["item"] for e in expected]
        assert all(not r.flags for r in result.records), [r.flags for r in result.records]
        # The cell's print is kept: the edition, the weekday.
        assert any("版" in r.change_date_raw for r in result.records) or all(
            "（" in r.change_date_raw for r in result.records
        )


@pytest.mark.parametrize(
    "case",
    [
        "d60-calc-ban-narrow-pdfminer",  # 第N版 / date 付, pdfminer's boxes
        "d60-chromium-num-narrow-pypdfium2+nl",  # No.N / date, pages joined by line ends
        "d60-chromium-num-narrow-pymupdf",
        "d60-chromium-num-narrow-pdfplumber-layout",
        "d60-chromium-wday-narrow-pymupdf",  # 令和5年6月1日 / （木） wrapped
        "d60-chromium-wday-narrow-pdftotext",  # plain pdftotext, the weekday beside the item
    ],
)
def test_text_rows_open_at_the_prefix_and_keep_the_weekday(case):
    """Before datecell60 each row's first lines went to the row above (the prefix line read
    as the row above's last), or the weekday was read into the item."""
    result = extract_document(SET / case / "input.txt")
    expected = _expected(case)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    assert [r.item for r in result.records] == [e["item"] for e in expected]
    assert [r.before for r in result.records] == [e["before"] for e in expected]
    assert [r.explanation for r in result.records] == [e["explanation"] for e in expected]
