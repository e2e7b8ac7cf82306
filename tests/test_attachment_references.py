"""A sentence that refers to an attachment (``（別紙１）のとおり``, ``別紙２参照``) at a cell line's
start opens no item: only the label standing as a label does (``（別紙１）事務の流れ``).

Column-order text (pdfminer, plain pdftotext) had read each such before / after box as another
row's item: a Calc table of 12 rows gave 14 (tests/data/attachment_reference, a new user's table).
"""

from __future__ import annotations

import json
import re

import pytest

from piatable.normalize.items import heading_score, is_attachment_label, opens_item
from piatable.pipeline import extract_document
from piatable.vocabulary import ITEM_OPENING

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "attachment_reference"
FIELDS = ("item", "before", "after", "explanation")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("（別紙１）事務の流れ", True),
        ("（別紙１）", True),
        ("別紙２ 事務の流れ", True),
        ("別添1事務の内容", True),
        ("（別紙１）のとおり", False),
        ("（別紙１）のとおり（事務の流れ図を更新）", False),
        ("別紙２参照", False),
        ("別紙12のとおり", False),
        ("（別紙３）に記載", False),
        ("（別添２）変更箇所", False),
    ],
)
def test_a_reference_opens_no_item(line: str, opens: bool) -> None:
    assert opens_item(line) is opens
    assert is_attachment_label(line) is opens
    assert (heading_score(line) == 1.0) is opens
    if line != "（別添２）変更箇所":  # the grid readers leave the title to is_title
        assert bool(ITEM_OPENING.match(line)) is opens


def test_column_order_text_keeps_the_reference_in_its_cells() -> None:
    truth = json.loads((DATA / "expected_records.json").read_text("utf-8"))
    result = extract_document(DATA / "calc_attachment_row.pdfminer.txt")
    records = result.records
    assert len(records) == len(truth) == 12
    attachment_items = [r.item for r in records if "別紙" in r.item]
    assert [_squash(i) for i in attachment_items] == ["（別紙１）事務の流れ"]
    row = next(r for r in records if "別紙" in r.item)
    assert _squash(row.before) == "（別紙１）のとおり"
    right = sum(
        all(_squash(getattr(r, f)) == _squash(t[f]) for f in FIELDS)
        for r, t in zip(records, truth, strict=True)
    )
    assert right >= 11  # the last row's after cell is read short (the 上記を新規追加 line moves)


def test_plain_text_reads_no_reference_as_a_row() -> None:
    result = extract_document(DATA / "calc_attachment_row.plain.txt")
    assert len(result.records) == 12
    assert not [r for r in result.records if _squash(r.item).startswith("（別紙１）の")]


def test_an_after_cell_naming_the_attachment_it_adds_is_no_item() -> None:
    """Column-order text: a box opening with an attachment's label and closing with 上記を新規追加
    is the after cell of the row that adds that attachment (no item cell closes so)."""
    from piatable.models import CellLine
    from piatable.normalize.boxes import Box
    from piatable.normalize.columnar import _is_item_box

    def box(*texts: str) -> Box:
        return Box([CellLine(t, 1, k + 1) for k, t in enumerate(texts)])

    assert _is_item_box(box("（別紙１）事務の流れ"))
    assert _is_item_box(box("Ⅱ 特定個人情報ファイルの概要", "３．特定個人情報の入手・使用"))
    assert not _is_item_box(box("（別紙１）事務の流れ", "上記を新規追加"))
    assert not _is_item_box(box("（別紙２）記録項目", "上記を削除"))
    # newuser10's t7 (Calc, 12 rows): the last row adds （別紙１）事務の流れ, its after cell printing
    # the label over 上記を新規追加; pdfminer text had read that box as a 13th row's item.
    records = extract_document(DATA / "calc_added_attachment.pdfminer.txt").records
    assert len(records) == 12
    last = records[-1]
    assert _squash(last.item) == "（別紙１）事務の流れ"
    assert _squash(last.after) == "（別紙１）事務の流れ上記を新規追加"
