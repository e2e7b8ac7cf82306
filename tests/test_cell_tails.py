"""Issue 12, branch calib67: another column's text at a cell's end (``normalize/cell_tails.py``).

A number glued to the explanation's end (a 通番 or page column's value) and the label row read
into a cell letter-spaced or one character a line are doubted ``column_guess``; the truth cells
of the samples never end or read so (see the module notes), and a cell that only looks alike
(a before cell ending ``第30条の8``, an explanation naming one label) stays quiet."""

from __future__ import annotations

import glob
import json
import types

import pytest

from piatable.normalize.cell_tails import glued_tail_doubts

from .conftest import SAMPLES


def _rec(**cells: str) -> types.SimpleNamespace:
    base = dict(item="Ⅰ基本情報\n②事務の内容", before="", after="", explanation="")
    base.update(cells)
    return types.SimpleNamespace(**base)


@pytest.mark.parametrize(
    ("cells", "field"),
    [
        (dict(explanation="委託業務の終了に伴う削除8"), "explanation"),
        (dict(explanation="委託業務の終了に伴う削除 14"), "explanation"),
        (dict(explanation="…移行に伴う追加\n変\n更\n日\n項\n目\n変\n更\n前"), "explanation"),
        (dict(after="市民窓口課長\n変 更 前 の 記 載 変 更 後 の 記 載"), "after"),
    ],
)
def test_other_columns_text_at_a_cells_end_is_doubted(cells, field):
    doubts = glued_tail_doubts(_rec(**cells))
    assert [(d.kind, d.field) for d in doubts] == [("column_guess", field)]


@pytest.mark.parametrize(
    "cells",
    [
        dict(before="住基法第30条の8、第30条の18", explanation="根拠条文の修正"),
        dict(explanation="提出時期の誤りの訂正\n重要な変更に当たらない"),
        dict(explanation="令和5年度"),
        dict(explanation="別表第二の2"),
    ],
)
def test_cells_that_only_look_alike_stay_quiet(cells):
    assert glued_tail_doubts(_rec(**cells)) == []


def test_no_truth_cell_of_a_sample_set_fires():
    """One set's truth (office-newline56, heldout-drawn63): the rule was measured on all of them."""
    fired = []
    for name in ("office-newline56", "heldout-drawn63"):
        for path in glob.glob(str(SAMPLES / name / "**" / "records.json"), recursive=True):
            for r in json.load(open(path, encoding="utf-8")):
                cells = {f: r.get(f) for f in ("item", "before", "after", "explanation")}
                if glued_tail_doubts(types.SimpleNamespace(**cells)):
                    fired.append((path, r.get("row_index")))
    assert fired == []
