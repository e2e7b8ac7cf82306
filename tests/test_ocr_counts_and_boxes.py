"""Paragraph numbers ①②③ of a cell put right from the cell's count (extract/ocr/paragraph_counts.py)
and specks between check box lines dropped (structure_fixes.drop_box_specks): misreads seen on the
tuning office scans, and text that must stay as read."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.corrections import correct_ocr_rows
from piatable.extract.ocr.paragraph_counts import paren_numbers, recount_circled, restore_number_brackets
from piatable.extract.ocr.structure_fixes import drop_box_specks
from piatable.models import CellLine, RawRow


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        # A look-alike of the number the count needs, between the numbers below and above it.
        ("①あ。\n②い。\n⑧中間サーバー\n④え", "①あ。\n②い。\n③中間サーバー\n④え"),
        ("③あ。④耐震。⑥サーバーは施錠。⑥監視", "③あ。④耐震。⑤サーバーは施錠。⑥監視"),
        # The last paragraph: the number before it decides.
        ("①給与\n②課税台帳\n⑬地方税ポータル", "①給与\n②課税台帳\n③地方税ポータル"),
        # One number read twice, or beside another, where a paragraph opens.
        ("①あ。②②不正プログラム。③う", "①あ。②不正プログラム。③う"),
        ("④あ。⑤⑥サーバー。⑥う", "④あ。⑤サーバー。⑥う"),
        ("①あ。②④なりすまし。③い", "①あ。②なりすまし。③い"),
        ("（③①対象者以外）\n・あ\n（②必要な情報）", "（①対象者以外）\n・あ\n（②必要な情報）"),
        ("①あ\n②の②課税台帳\n③い", "①あ\n②課税台帳\n③い"),
    ],
)
def test_paragraph_number_that_breaks_the_count_is_put_right(read, printed):
    assert recount_circled(read) == printed


@pytest.mark.parametrize(
    "text",
    [
        # References inside a sentence are not paragraph numbers.
        "上記①②のとおり。③あ",
        "①あ\n⑦を参照\n③い",
        # The numbers after do not count on from it: the count does not decide.
        "①あ\n⑧い\n⑨う",
        # A number that is no look-alike of the one the count needs.
        "①あ\n④い\n③う",
        # The last paragraph one above the count: a number before it may have been lost.
        "①あ。\n②い。\n④う。\n⑥え",
        # One circled number alone: no count.
        "⑧あ",
    ],
)
def test_numbers_the_count_does_not_decide_stay_as_read(text):
    assert recount_circled(text) == text


def test_recounted_cell_is_flagged_with_what_was_read():
    row = RawRow()
    row.cells["after"] = [CellLine("①照会を行う。"), CellLine("②記録する。"), CellLine("⑧中間サーバー")]
    correct_ocr_rows([row])
    assert row.cells["after"][-1].text == "③中間サーバー"
    assert "ocr_corrected" in row.flags
    assert any(d.kind == "ocr_corrected" and "⑧中間サーバー" in d.why for d in row.doubts)


@pytest.mark.parametrize(
    ("read", "wraps", "printed"),
    [
        # Two boxes printed close above each other: their brackets read as a line of specks.
        (
            ["[○]紙", "加層8", "[○]その他（住基ネット）"],
            [False, False, False],
            ["[○]紙", "", "[○]その他（住基ネット）"],
        ),
        (["[○]紙", "|", "[ ]その他"], [False, False, False], ["[○]紙", "", "[ ]その他"]),
        # A choice's label wrapped on to the next line is kept: its line reaches the cell's edge,
        # or leaves a bracket open.
        (["[○]紙", "層", "[○]その他"], [True, False, False], ["[○]紙", "層", "[○]その他"]),
        (
            ["[ ]連絡先（電話番号", "等", "[○]その他"],
            [False, False, False],
            ["[ ]連絡先（電話番号", "等", "[○]その他"],
        ),
        (
            ["[ ]連絡先（電話番号", "等）", "[○]その他"],
            [None, None, None],
            ["[ ]連絡先（電話番号", "等）", "[○]その他"],
        ),
        # Not between two box lines, or longer than a speck: kept.
        (["[○]紙", "層", "その他"], [False, False, False], ["[○]紙", "層", "その他"]),
        (
            ["[○]紙", "電子記録媒体", "[○]その他"],
            [False, False, False],
            ["[○]紙", "電子記録媒体", "[○]その他"],
        ),
    ],
)
def test_specks_between_check_box_lines_are_dropped(read, wraps, printed):
    assert drop_box_specks(read, wraps) == printed


def test_dropped_speck_is_flagged_with_what_was_read():
    row = RawRow()
    row.cells["before"] = [
        CellLine("[○]紙", wraps=False),
        CellLine("加層8"),
        CellLine("[○]その他（住基ネット）"),
    ]
    correct_ocr_rows([row])
    assert [cl.text for cl in row.cells["before"]] == ["[○]紙", "", "[○]その他（住基ネット）"]
    assert any(d.kind == "ocr_corrected" and "加層8" in d.why for d in row.doubts)


@pytest.mark.parametrize(
    ("read", "row", "printed"),
    [
        # The row brackets its paragraphs' numbers: a lost or misread ( is put back.
        (["(1)窓口", "の2)届出書"], [], ["(1)窓口", "(2)届出書"]),
        (["1)窓口", "2)届出書", "M3)郵送"], ["(1)窓口", "(2)届出書"], ["(1)窓口", "(2)届出書", "(3)郵送"]),
        (["（１）あ", "２）い"], [], ["（１）あ", "（２）い"]),
        # A list the row never brackets is the document's own style.
        (["1)窓口", "2)届出書"], [], ["1)窓口", "2)届出書"]),
        # A number that does not count on from the bracketed ones.
        (["(1)窓口", "5)届出書"], [], ["(1)窓口", "5)届出書"]),
    ],
)
def test_lost_opening_bracket_of_a_paragraph_number_is_put_back(read, row, printed):
    assert restore_number_brackets(read, paren_numbers(read + row)) == printed


def test_bracket_put_back_from_the_other_cell_of_the_row():
    row = RawRow()
    row.cells["before"] = [CellLine("(1)窓口における本人確認"), CellLine("(2)届出書の確認")]
    row.cells["after"] = [CellLine("1)窓口における本人確認"), CellLine("2)届出書の確認")]
    correct_ocr_rows([row])
    assert [cl.text for cl in row.cells["after"]] == ["(1)窓口における本人確認", "(2)届出書の確認"]
    assert "ocr_corrected" in row.flags
