from __future__ import annotations

import re
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.dates import is_date_head, is_date_line, parse_date


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2023/2/6", "2023-02-06"),
        ("2023/02/06", "2023-02-06"),
        ("２０２３／２／６", "2023-02-06"),
        ("2023年2月6日", "2023-02-06"),
        ("2023.2.6", "2023-02-06"),
        ("令和5年2月6日", "2023-02-06"),
        ("令和５年２月６日", "2023-02-06"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月1日", "2019-04-01"),
        ("R5.2.6", "2023-02-06"),
        ("H31.4.1", "2019-04-01"),
        ("Ｒ５．２．６", "2023-02-06"),
        ("平成27年10月5日", "2015-10-05"),
        ("平30.8.13", "2018-08-13"),
        ("令6.8.9", "2024-08-09"),
        ("令６．８．９", "2024-08-09"),
        ("昭64.1.7", "1989-01-07"),
    ],
)
def test_parse_date(raw, iso):
    assert is_date_line(raw)
    assert parse_date(raw) == iso


def test_impossible_date_is_none_but_still_a_date_line():
    assert is_date_line("2023/2/30")
    assert parse_date("2023/2/30") is None


def test_not_dates():
    for text in ("平成26年11月20日総務省令第85号", "事後", "2023", "第85号", "施行令", "平1", "令6", "平等"):
        assert not is_date_line(text)


def test_date_heads_wrap():
    assert is_date_head("令和5年2月")
    assert is_date_head("2023/2/")
    assert not is_date_head("2023/2/6")


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2019\u22124\u22121", "2019-04-01"),  # minus sign
        ("2021ー4ー1", "2021-04-01"),  # long-vowel mark
        ("2021ｰ4ｰ1", "2021-04-01"),  # half-width long-vowel mark
        ("2022\u20103\u201015", "2022-03-15"),  # hyphen
        ("2022\u20113\u201115", "2022-03-15"),  # no-break hyphen
        ("2022\u20133\u201315", "2022-03-15"),  # en dash
        ("2022\u20153\u201515", "2022-03-15"),  # horizontal bar
        ("２０２２－３－１５", "2022-03-15"),  # full-width hyphen-minus and digits
        ("２０２２／３／１５", "2022-03-15"),
        ("2022-3-15", "2022-03-15"),
        ("2022 / 3 / 15", "2022-03-15"),
        ("2022\u3000/\u30003\u3000/\u300015", "2022-03-15"),
        ("令和 ５ 年 ３ 月 １５ 日", "2023-03-15"),
        ("R5\u22122\u22126", "2023-02-06"),
        ("H31ー4ー1", "2019-04-01"),
    ],
)
def test_look_alike_dashes_and_spaces(raw, iso):
    assert is_date_line(raw)
    assert parse_date(raw) == iso


def test_look_alike_dash_date_heads_wrap():
    assert is_date_head("2019\u22124\u2212")
    assert is_date_head("２０２２－３－")


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("平成３ １年４月１日", "2019-04-01"),  # OCR of a scanned Calc table printed the digits apart
        ("令和２年１ ０月１ ５日", "2020-10-15"),
        ("20 19/4/1", "2019-04-01"),
        ("令和3年4月1　日", "2021-04-01"),
    ],
)
def test_digits_printed_apart_inside_a_number(raw, iso):
    assert parse_date(raw) == iso and is_date_line(raw)


def test_a_date_then_a_numbered_heading_keeps_its_day():
    # ``2019/4/1 1．…``: the day is 1, the 1． opens the item (a day is read apart only before 日).
    assert parse_date("2019/4/1 1．特定個人情報ファイルを取り扱う事務") == "2019-04-01"
    assert not is_date_line("2019/4/1 1")
    assert parse_date("令和2年7月1日 1．特定") == "2020-07-01"


_ERA_KANJI = {"R": "令", "H": "平"}
_LETTER_DATE = re.compile(r"(?m)^([RH])(?=[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2})")


@pytest.mark.parametrize(
    "case", ["office8/calc-mdate-t3-pypdfium2", "office-sidebyside71/sb71-w-stack-5-pdftotext-raw"]
)
def test_one_kanji_era_dates_open_rows_as_their_initials_do(case, tmp_path):
    """LibreOffice-made texts (a Calc table's pypdfium2 text, a Writer table's ``-raw``) with their
    ``R6.8.9`` / ``H30.8.13`` dates printed as ``令6.8.9`` / ``平30.8.13``, the one-kanji style of
    municipal lists (set XXXIII's w03 gave 0 rows for it): the same rows with the same dates."""
    src = Path(__file__).parent.parent / "samples" / case / "input.txt"
    text = src.read_text("utf-8")
    kanji = _LETTER_DATE.sub(lambda m: _ERA_KANJI[m[1]], text)
    assert kanji != text
    (tmp_path / "input.txt").write_text(kanji, "utf-8")
    by_letter = extract_document(src)
    by_kanji = extract_document(tmp_path / "input.txt")
    dates = [r.change_date for r in by_letter.records]
    assert len(dates) >= 6 and all(dates)
    assert [r.change_date for r in by_kanji.records] == dates
