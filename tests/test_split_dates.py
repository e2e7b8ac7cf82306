"""A 変更日 broken at any point by a narrow column, in row-ordered text (issue 10, branch stream15):
joined when its pieces make a whole date, said (flag and note) when nothing completes it."""

from __future__ import annotations

import json

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.split_dates import flag_broken_dates, join_split_dates, opens_broken_date
from piatable.pipeline import extract_document
from piatable.vocabulary import is_label_piece

from .conftest import SAMPLES


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("pieces", "date"),
    [
        (("2019", "/4/1"), "2019/4/1"),
        (("2019/", "05/01"), "2019/05/01"),
        (("2019", "/04/0", "1"), "2019/04/01"),
        (("2022/04/0", "1"), "2022/04/01"),
        (("R5.", "4.1"), "R5.4.1"),
        (("令和5年", "4月1日"), "令和5年4月1日"),
        (("平成３０", "年７月１", "日"), "平成３０年７月１日"),
    ],
)
def test_a_date_broken_anywhere_is_joined_and_marked_wrapped(pieces, date):
    out, joined = join_split_dates(_lines(*pieces, "Ⅱ特定個人情報ファイルの概要"))
    assert joined
    assert [cl.text for cl in out] == [date, "Ⅱ特定個人情報ファイルの概要"]
    assert out[0].wraps is True


def test_the_last_piece_beside_another_cells_text_is_parted_from_it():
    out, _ = join_split_dates(_lines("2022/04/0", "1 事後", "Ⅰ基本情報"))
    assert [cl.text for cl in out] == ["2022/04/01", "事後", "Ⅰ基本情報"]


def test_a_date_head_at_the_end_of_another_cells_line_is_joined():
    out, _ = join_split_dates(_lines("記載内容の充実 2019年10", "月1日", "＜中間サーバー＞"))
    assert [cl.text for cl in out] == ["記載内容の充実", "2019年10月1日", "＜中間サーバー＞"]


@pytest.mark.parametrize(
    "texts",
    [
        ("1234-5678", "電話"),  # a phone number is no year
        ("2019", "年度の実績"),  # the pieces make no date
        ("令和3年", "4月1日 時点"),  # a date in a sentence of a cell
        ("2019/4/1", "Ⅰ基本情報"),  # already whole
    ],
)
def test_what_is_no_broken_date_is_left_as_it_is(texts):
    out, joined = join_split_dates(_lines(*texts))
    assert not joined
    assert [cl.text for cl in out] == list(texts)


def test_a_broken_date_nothing_completes_flags_its_row():
    assert opens_broken_date("2022/04/0") and opens_broken_date("R5.") and not opens_broken_date("R5.4.1")
    row = RawRow(cells={"change_date": _lines("2022/04/0"), "item": _lines("Ⅰ基本情報")})
    value = RawRow(cells={"before": _lines("令和元年6月")})  # a date value wrapped in a before cell
    assert flag_broken_dates([row, value]) == 1
    assert "row_split_guess" in row.flags and not value.flags


def test_a_label_row_with_its_wrapped_date_label_at_the_end_is_one_label_line():
    assert is_label_piece("変更 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明 日")
    assert not is_label_piece("日")


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_calc_table_whose_dates_break_after_the_year_reads_every_row(tool):
    """sp15-calc-1: 2019 / /4/1 in an 変更日 column 3.6% wide gave no row at all before."""
    folder = SAMPLES / "office-split15" / f"sp15-calc-1-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.txt").records
    assert [r.change_date_raw for r in got] == [e["change_date_raw"] for e in expected]
    assert got[-1].item.startswith("表紙")


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_merged_date_opening_pass_two_before_any_item_opens_its_rows(tool):
    """md15-calc-3: the first four rows share one 変更日 merged and wrapped (2018年7月 / 1日), the
    first row's item printed on one line in pass 1; read as 49 rows (-raw) before."""
    folder = SAMPLES / "office-mergedate15" / f"md15-calc-3-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.txt").records
    assert len(expected) <= len(got) <= len(expected) + 1
    assert [r.change_date_raw for r in got[:4]] == ["2018年7月1日"] * 4
