"""Numbers of one kind in an OCR cell are written in one width."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.number_widths import even_counted_numbers, even_number_widths
from piatable.models import CellLine, RawRow


@pytest.mark.parametrize(
    ("read", "written"),
    [
        # Digits read apart are full width; the kind follows the numbers of two or more digits.
        ("第1 9条第7号別表第二の4 2の項、４３の項", "第１９条第７号別表第二の４２の項、４３の項"),
        ("第19条第7号別表第二の4 2の項、４４の項", "第１９条第７号別表第二の４２の項、４４の項"),
        # Lone digits decide only where the longer numbers tie.
        ("第９条第１項別表第一の30の項、第２４条", "第９条第１項別表第一の３０の項、第２４条"),
        ("令和元年６月１日から令和元年６\n月30日まで", "令和元年6月1日から令和元年6\n月30日まで"),
        # A number read apart alone is full width.
        ("第1 9条", "第１９条"),
        # Longer numbers vote by their digits: a pitch measured over more digits is surer.
        ("eLTAXを経由して2023年１０月から", "eLTAXを経由して2023年10月から"),
        ("１０万人以上100万人未満", "10万人以上100万人未満"),
    ],
)
def test_numbers_of_a_kind_take_one_width(read: str, written: str) -> None:
    assert even_counted_numbers(read) == written


@pytest.mark.parametrize(
    "text",
    [
        "〒100-0001○○市中央一丁目１番1号",  # a tie: left as read
        "１０万人以上30万人未満",  # a tie
        "平成31年4月1日時点",  # one width
        "令和３年４月１日",
        "電話0123 45 6789",  # no counter after the numbers
        "５年間保存し、100人未満",  # different kinds
    ],
)
def test_cells_without_a_majority_or_a_mix_stay(text: str) -> None:
    assert even_counted_numbers(text) == text


def test_rows_are_corrected_in_place_and_flagged() -> None:
    row = RawRow()
    row.cells["before"] = [CellLine("番号法第1 9条第7号"), CellLine("別表第二の４２の項")]
    assert even_number_widths([row]) == 1
    assert [cl.text for cl in row.cells["before"]] == ["番号法第１９条第７号", "別表第二の４２の項"]
    assert "ocr_corrected" in row.flags


@pytest.mark.parametrize(
    ("read", "document", "written"),
    [
        # A tie takes the width the document's other cells print that kind in.
        ("〒100-0001○○市中央一丁目１番1号", {"reference": [0, 5]}, "〒100-0001○○市中央一丁目１番１号"),
        ("一丁目1番１号", {"reference": [4, 0]}, "一丁目1番1号"),
        # Other cells that do not agree (80% or less), or too few, decide nothing.
        ("一丁目1番１号", {"reference": [4, 1]}, "一丁目1番１号"),
        ("一丁目1番１号", {"reference": [0, 1]}, "一丁目1番１号"),
        # Another kind's width tells nothing; a cell with a majority keeps it.
        ("一丁目1番１号", {"date": [0, 9]}, "一丁目1番１号"),
        ("第1条第2項第３号", {"reference": [0, 9]}, "第1条第2項第3号"),
    ],
)
def test_a_tie_takes_the_documents_width(read: str, document: dict, written: str) -> None:
    assert even_counted_numbers(read, document) == written


def test_the_documents_other_cells_break_a_cells_tie() -> None:
    rows = []
    for text in ("第１９条第７号", "別表第二の４２の項", "一丁目１番1号"):
        row = RawRow()
        row.cells["after"] = [CellLine(text)]
        rows.append(row)
    assert even_number_widths(rows) == 1
    assert rows[2].cells["after"][0].text == "一丁目１番１号"
    # The tied cell's own numbers are not counted for the document.
    alone = RawRow()
    alone.cells["after"] = [CellLine("一丁目１番1号")]
    assert even_number_widths([alone]) == 0


def test_a_laws_year_is_not_an_era_date() -> None:
    """Set XVII's t09 prints its dates 令和5年11月6日 and cites 令和５年法律第48号: the era dates'
    half-width months turned the law's ５ half width.  A year before 法律 (政令, 省令 …) is a kind
    of its own; an era date still follows its document's dates."""
    dates = {"era date": [3, 0]}
    assert (
        even_counted_numbers("番号法の改正（令和５年法律第48号）", None, dates)
        == "番号法の改正（令和５年法律第48号）"
    )
    assert even_counted_numbers("令和５年１月から", None, dates) == "令和5年1月から"


def test_an_era_date_wrapped_after_its_era_is_one_date() -> None:
    """Set XXXIV's w06 scan: a centred 説明 wrapped 「…改正（令和」 | 「６年１０月施行）…」; the month
    after the line break was taken for a western date's, and the year's lone ６, an era date's
    alone, took the document's half width (6 rows wrong).  Year and month are one era date."""
    half = {"era date": [5, 0]}
    text = "児童手当法の一部改正（令和\n６年１０月施行）に伴う修正"
    assert even_counted_numbers(text, half, half) == text
    assert even_counted_numbers("改正（令和\n6年１０月施行）", half, half) == "改正（令和\n６年１０月施行）"


def test_a_number_read_in_both_widths_takes_its_kinds_width() -> None:
    """Set XXXIV's n12 scan printed ３，１００人 among full-width counts and read 3,１００人: a
    number of both widths (its thousands' comma too) votes for neither; with no other number of
    its kind in the cell, the document's longer numbers of the kind tell its width."""
    longer = {"人": [0, 3]}
    assert even_counted_numbers("約3,１００人", None, longer) == "約３，１００人"
    assert even_counted_numbers("約3,１００人") == "約3,１００人"  # the document says nothing
    assert even_counted_numbers("1,000件ごと", None, {"件": [0, 3]}) == "1,000件ごと"  # read in one width
