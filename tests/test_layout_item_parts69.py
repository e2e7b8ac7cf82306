"""項目 printed over sub-columns in ``-layout`` text (normalize/grid/layout_item_parts.py, branch
twocol69): a narrow 大項目 (``Ⅱ特定個`` / ``人情報フ`` …) beside the 小項目's lines was read line by
line into nonsense (``Ⅱ特定個（３．送付先…`` / ``人情報フ５．…``).  Real texts of a LibreOffice Calc
table (tools/make_twocol69_samples.py); a one-column item's layout text is not split."""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import read_document

from .conftest import SAMPLES

TUNING = SAMPLES / "office-twocol69"


def _expected(folder) -> list[dict]:
    return json.loads((folder / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("text", ["pdftotext-layout", "pdftotext-layout-cp932"])
def test_narrow_item_part_is_one_paragraph_before_the_rest(text):
    folder = TUNING / f"tc69-calc-narrow-{text}"
    got = read_document(str(folder / "input.txt")).records
    want = _expected(folder)
    assert [r.item for r in got] == [e["item"] for e in want]
    assert got[0].item.startswith("Ⅱ特定個人情報ファイルの概要\n（３．送付先情報ファイル）\n")
    assert [r.before for r in got] == [e["before"] for e in want]


def test_one_column_item_is_not_split():
    folder = SAMPLES / "office-layout16" / "ly16-a-writer-4-pdftotext-layout"
    got = read_document(str(folder / "input.txt")).records
    assert [r.item for r in got] == [e["item"] for e in _expected(folder)]
