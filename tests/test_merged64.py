"""The mends of branch merged64 to the reading of merged 項目 runs inside merged 変更日 blocks
(normalize/second_anchors.py, branches merged62 / merged63, reverted twice): a second 提出時期
opens a row under a merged 項目 only where the lines before it print no 変更日 of their own, and
a date torn before its 日 is text only inside a row being read.  Unit checks on made lines; the
samples whose conservation failed are checked in tests/test_conservation.py."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.block_dates import date_torn_in_text
from piatable.normalize.second_anchors import prints_own_row_head
from piatable.normalize.stream import _blocks


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, page=1, line_no=k) for k, t in enumerate(texts)]


def test_a_row_printing_its_own_date_is_no_row_under_a_merged_date():
    # A date, a date's head, or a date's piece before the item's section: a row's own 変更日.
    assert prints_own_row_head(_lines("R5.10.1 ２．特定個人情報ファイルの", "概要"))
    assert prints_own_row_head(_lines("・個人番号の入力", "令和６年１０", "月１５日"))
    assert prints_own_row_head(_lines("2022/ Ⅴ 開示請求、問合せ ○○市総務部総務課"))
    assert prints_own_row_head(_lines("102022年1月4 Ⅳ リスク対策"))
    assert prints_own_row_head(_lines("2021 Ⅰ 基本情報 行政手続における特定の個"))


def test_a_date_in_a_cell_and_a_section_alone_leave_the_row_under_the_merged_date():
    # A sentence's date (時点 after it, or torn before its 日 going on) is a text cell's.
    assert not prints_own_row_head(_lines("市ホームページへの掲載", "令和3年4月1日 時点"))
    assert not prints_own_row_head(_lines("令和元年6月1", "日から令和元年6", "月30日まで"))
    # A row under a merged 変更日 prints its own item where the 項目 is not merged.
    assert not prints_own_row_head(_lines("Ⅱ 特定個人情報ファイルの概要", "５．特定個人情報の提供・移転"))
    assert not prints_own_row_head(_lines("接種証明書の交付（令和６年４月", "１日改正）"))


def test_a_torn_date_opens_the_first_row_when_no_row_is_read_yet():
    # The first 変更日 wrapped into pieces that are no date line (令和５年３ / 月３１日): the torn
    # date in the after cell below is the first date line, and opens the first row.
    cell = ("令和 5 年 1 月 4", "日から令和 5 年")
    lines = _lines("令和５年３", "月３１日", "Ⅵ 評価実施手続", *cell, "事後", "修正")
    assert not date_torn_in_text([], lines, 3)
    blocks = _blocks(lines)
    assert len(blocks) == 1 and blocks[0].date.text == cell[0]
    # Inside a row being read it is the cell's text.
    lines = _lines("令和5年3月31日", "Ⅵ 評価実施手続", *cell, "事後", "修正")
    blocks = _blocks(lines)
    assert len(blocks) == 1 and tuple(cl.text for cl in blocks[0].pre[-2:]) == cell
    assert date_torn_in_text(blocks, lines, 2)
