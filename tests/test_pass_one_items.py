"""Rows whose item Calc printed with the page's one-line cells (normalize/pass_one_items.py).

Dense Calc tables print a one-line item (``別紙２ 事務の流れ``, ``（別紙１）事務の流れ``) in pass 1,
beside its row's timing, so pass 2 opens fewer rows than the page holds: the item row's text had
become rows of its own and the rows below shifted (samples/office-stream16, tuning tables).
"""

from __future__ import annotations

import json
import re

import pytest

from piatable.models import CellLine
from piatable.normalize.pass_one_items import _groups, _head
from piatable.normalize.region import furniture_mask
from piatable.pipeline import extract_document

from .conftest import ROOT

SET = ROOT / "samples" / "office-stream16"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _pieces(*lines: tuple[int, str]) -> list[CellLine]:
    return [CellLine(text, 1, no) for no, text in lines]


def test_groups_close_at_timings():
    pieces = _pieces(
        (2, "2016/10/01"), (3, "事前"), (4, "新規追加"), (4, "事前"), (5, "（別紙１）事務の流れ"), (5, "事前")
    )
    assert [[cl.text for cl in g] for g in _groups(pieces)] == [
        ["2016/10/01", "事前"],
        ["新規追加", "事前"],
        ["（別紙１）事務の流れ", "事前"],
    ]


@pytest.mark.parametrize(
    ("pieces", "item", "rest", "complete"),
    [
        (
            [(4, "別紙２ 事務の流れ 市民課長 市民窓口課長"), (4, "事前"), (4, "組織改正")],
            "別紙２ 事務の流れ",
            "市民課長 市民窓口課長",
            True,
        ),
        (
            [
                (9, "別紙２"),
                (9, "事務の流れ"),
                (9, "課税資料のパンチ入力業務"),
                (9, "事前"),
                (9, "委託内容の拡大"),
            ],
            "別紙２ 事務の流れ",
            None,
            False,
        ),
        (
            [(10, "（別紙２）特定個人情報ファイル記録項目"), (10, "事後"), (10, "事務の流れを追加")],
            "（別紙２）特定個人情報ファイル記録項目",
            None,
            False,
        ),
        ([(6, "表紙"), (6, "南野町長"), (6, "南野市長"), (6, "事後"), (6, "記載の修正")], "表紙", None, True),
    ],
)
def test_head_of_a_group(pieces, item, rest, complete):
    head = _head(_pieces(*pieces))
    assert head is not None
    assert head.item.text == item
    assert (head.rest.text if head.rest else None) == rest
    assert head.complete is complete


@pytest.mark.parametrize("text", ["（別紙１）のとおり", "Ⅰ基本情報", "市民課", "2019/4/1"])
def test_no_head_without_a_label(text):
    assert _head(_pieces((3, text), (3, "事前"))) is None


def test_wrapped_label_after_pass_one_is_furniture():
    lines = _pieces(
        (1, "変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明"),
        (2, "2020/7/1"),
        (3, "事前"),
        (4, "国民健康保険情報ファイル"),
        (4, "事前"),
        (5, "事後"),
        (5, "番号法の改正に伴う条項の修正"),
        (6, "提出時期"),
        (7, "Ⅰ関連情報"),
    )
    assert furniture_mask(lines) == [True, False, False, False, False, False, False, True, False]


@pytest.mark.parametrize("case", ["ds16-calc-3", "ds16-calc-7", "ds16-calc-10"])
@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2"])
def test_dense_calc_rows_counted_by_timings(case, family):
    folder = SET / f"{case}-{family}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    got = result.records
    assert len(got) == len(expected)
    items = [_squash(r.item) for r in got]
    for row in expected:
        if "\n" not in row["item"]:
            # Every one-line item (pass 1's) is some row's item.
            assert _squash(row["item"]) in items
    # Each row keeps its own timing: pass 1's timings, in order.
    assert [r.timing for r in got] == [r["timing"] for r in expected]
