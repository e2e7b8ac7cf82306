"""項目 printed over two or three ruled columns (大項目 | 中項目・小項目 under a spanning 項目), and a
field's column ruled as two with no label for one of them (normalize/grid/sub_columns.py; set
XXIX t09: the 大項目 column was read into 変更日 in silence).  Real PDFs from LibreOffice
(tools/make_twocol68_samples.py): the tuning samples and the safety net's fixture."""

from __future__ import annotations

import json
from functools import cache

import pytest

from piatable.pipeline import read_document

from .conftest import ROOT, SAMPLES

TUNING = SAMPLES / "office-twocol68"


@cache
def _read(path: str):
    return read_document(path)


def _expected(case: str) -> list[dict]:
    return json.loads((TUNING / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("case", ["tc68-calc-two", "tc68-calc-merged", "tc68-writer-two"])
def test_item_over_columns_is_the_whole_path(case):
    """Each row's item is its columns' text joined top to bottom (a 大項目 merged down over
    rows gives each of them its text); the date is the date alone; no row for the sub-header."""
    res = _read(str(TUNING / case / "input.pdf"))
    want = _expected(case)
    assert [r.item for r in res.records] == [e["item"] for e in want]
    assert [r.change_date for r in res.records] == [e["change_date"] for e in want]
    assert all("項目" not in r.change_date_raw for r in res.records)
    assert any("項目 printed over 2 ruled columns" in n for n in res.notes)
    assert not any("column_guess" in r.flags for r in res.records)
    assert res.status == "success"


def test_sub_header_row_named_in_a_note():
    res = _read(str(TUNING / "tc68-calc-two" / "input.pdf"))
    assert any("中項目・小項目" in n and "label row" in n for n in res.notes)
    assert all(not r.item.startswith("大項目") for r in res.records)


def test_unnamed_sub_column_kept_flagged_partial():
    """変更前の記載 merged over two ruled columns, the left one (別紙１ / 本文) named by no label:
    its text stays in 変更前 before the field's own, every row flagged column_guess on 変更前, a
    note, the input partial (main dropped it with status success at 0.963)."""
    res = _read(str(ROOT / "tests" / "data" / "twocol68" / "unnamed.pdf"))
    assert [r.before for r in res.records] == [
        "別紙１\n庁舎内のサーバ室に保管する。",
        "本文\n市民生活部市民課",
        "別紙２\nアクセス権限を付与している。",
    ]
    for r in res.records:
        assert "column_guess" in r.flags
        assert any(e.startswith("before: column_guess: the before column is ruled as 2") for e in r.evidence)
    assert any("named by no label" in n for n in res.notes)
    assert res.status == "partial"


def test_layout_text_warns_every_row():
    """pdftotext -layout of the Calc table: the sub-header's labels are item-part columns the
    text cannot set apart: taken out of the label block, every row flagged column_guess."""
    res = _read(str(TUNING / "tc68-calc-two-pdftotext-layout" / "input.txt"))
    assert res.records
    assert all("column_guess" in r.flags for r in res.records)
    assert any("an extra column (大項目)" in n for n in res.notes)
    assert all("大項目" not in (r.item + r.before) for r in res.records)
