"""The mends of branch merged63 to the reading of merged 項目 runs inside merged 変更日 blocks
(normalize/second_anchors.py, branch merged62): an explanation ending with a stock verdict,
a line going on, a date torn before its 日, a placeholder parted on its printed line, and a row
under a merged 項目 whose before and after share almost nothing.  Unit checks on made lines; the
samples are samples/office-merged62 (tuning) and samples/heldout-merged62 (measured)."""

from __future__ import annotations

from piatable.models import CellLine, RawRow
from piatable.normalize.dates import torn_before_day
from piatable.normalize.placeholder_cells import mend_placeholder_before
from piatable.normalize.second_anchors import explanation_ends, unlike_cut_doubts
from piatable.settings import Settings

REJOIN = Settings().rejoin
WIDTH = 16  # an explanation column of 8 full-width characters


def _lines(*texts: str, same: int | None = None) -> list[CellLine]:
    return [
        CellLine(t, page=1, line_no=k if same is None or k <= same else k - 1) for k, t in enumerate(texts)
    ]


def test_a_stock_verdict_ends_the_explanation_and_a_going_on_line_is_no_cut():
    lines = _lines(
        "認証方式の変更", "に伴う修正", "重要な変更に当", "たらない", "記載なし 住民基本台帳法第 30 条の 41"
    )
    # Not after 認証方式の変更 (に伴う修正 goes on), not before the verdict: after たらない.
    assert explanation_ends(lines, WIDTH, REJOIN, None) == [4]


def test_a_date_torn_before_its_day_is_text():
    assert torn_before_day("令和３年４月１", "日付の通知に基")
    assert torn_before_day("令和5年4月1", "日から適用")
    assert not torn_before_day("令和5年4月1", "日")  # a 変更日 cell's wrapped day
    assert not torn_before_day("令和5年4月1", "日 Ⅰ基本情報")  # the day, then the item
    assert not torn_before_day("令和5年4月1日", "付の通知に基づき")
    assert not torn_before_day("2022/10/01", "日付の通知")


def _row(before: list[CellLine], after: list[CellLine]) -> RawRow:
    row = RawRow()
    row.cells["item"], row.cells["before"], row.cells["after"] = [], before, after
    return row


def test_a_placeholder_parted_on_its_line_leaves_the_rest_to_the_after_cell():
    line = 5
    before = [
        CellLine("記載なし", page=1, line_no=line),
        CellLine("市ホームページに掲載した。", page=1, line_no=line),
    ]
    after = [CellLine("・二要素認証を行う。", page=1, line_no=line + 1)]
    row = _row(before, after)
    mend_placeholder_before(row)
    assert [cl.text for cl in row.cells["before"]] == ["記載なし"]
    assert [cl.text for cl in row.cells["after"]] == ["市ホームページに掲載した。", "・二要素認証を行う。"]
    assert [d.kind for d in row.doubts] == ["cut_guess"]
    # On two printed lines the placeholder is no piece of the after cell's line: left alone.
    before = [CellLine("記載なし", page=1, line_no=1), CellLine("市ホームページ", page=1, line_no=2)]
    row = _row(before, [CellLine("・二要素認証", page=1, line_no=3)])
    mend_placeholder_before(row)
    assert len(row.cells["before"]) == 2 and not row.doubts


def test_unlike_before_and_after_are_a_guess_alike_ones_and_marks_are_not():
    unlike = _row(_lines("市ホームページ及び広報紙に掲載した。"), _lines("・予診票の記載内容を照合する。"))
    assert [d.kind for d in unlike_cut_doubts(unlike)] == ["column_guess"]
    alike = _row(_lines("国民健康保険に関する事務"), _lines("国民健康保険の資格及び給付に関する事務"))
    assert unlike_cut_doubts(alike) == []
    deleted = _row(_lines("①介護保険資格管理"), _lines("削除"))
    assert unlike_cut_doubts(deleted) == []
    placeholder = _row(_lines("記載なし"), _lines("福祉部高齢介護課"))
    assert unlike_cut_doubts(placeholder) == []
    assert unlike_cut_doubts(_row([], _lines("市民課"))) == []
