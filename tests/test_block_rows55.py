"""Right rows the checks warned (issue 12, branch honest55): a whole repeated block added or
deleted, whose cell lists the block's sub-headings, and one item changed in two places whose
項目 and 説明 cells a PDF's rulings show merged over both rows.  The PDFs are LibreOffice Calc and
Writer tables of samples/office-honest55 (tools/make_honest55_samples.py)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from piatable.normalize.item_cells import heading_in_cells, lists_block_items, lists_sub_items
from piatable.normalize.item_key import item_key
from piatable.pipeline import extract_document

SET = Path(__file__).resolve().parent.parent / "samples" / "office-honest55"
BLOCK_ITEM = [
    "Ⅱ特定個人情報ファイルの概要",
    "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
    "移転先３",
]
BLOCK = "①法令上の根拠\n番号法第９条第１項\n③移転する情報\n住民票関係情報\n⑦時期・頻度\n随時"


def test_a_cell_listing_the_blocks_items_is_the_block_not_the_items_last_line():
    key = item_key(BLOCK_ITEM)
    assert lists_sub_items(key, BLOCK)
    assert heading_in_cells(key, [BLOCK, "削除"], BLOCK_ITEM) is None
    # One sub-heading and its value: the item's last line read into the cell, still doubted.
    one = "①法令上の根拠\n番号法第９条第１項"
    assert not lists_sub_items(key, one)
    assert heading_in_cells(key, [one, ""], BLOCK_ITEM) is not None
    # A numbered list of the cell's own (no heading of the form) is no block.
    assert not lists_sub_items(key, "①法令上の根拠\n①窓口での本人確認\n②資格の審査")
    # The block's label alone as the item.
    assert lists_block_items(["システム５"], "①システムの名称\n中間サーバー\n②システムの機能\n符号管理機能")
    assert not lists_block_items(["システム５"], "①システムの名称\n中間サーバー")
    assert not lists_block_items(["７．評価実施機関における担当部署"], BLOCK)


def _rows(case: str) -> tuple[list, list[dict]]:
    result = extract_document(SET / case / "input.pdf")
    truth = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    return result.records, truth


@pytest.mark.parametrize("case", sorted(p.name for p in SET.glob("h55-bk-*") if (p / "input.pdf").exists()))
def test_whole_blocks_of_a_pdf_carry_no_column_or_split_doubt(case):
    records, truth = _rows(case)
    assert len(records) == len(truth)
    blocks = [
        (r, t)
        for r, t in zip(records, truth, strict=True)
        if any(
            lists_sub_items(item_key(r.item_path), cell) or lists_block_items(list(r.item_path), cell)
            for cell in (t["before"], t["after"])
        )
    ]
    assert blocks
    for r, t in blocks:
        assert (r.before, r.after) == (t["before"], t["after"])
        assert "column_guess" not in r.flags and "row_split_guess" not in r.flags, r.evidence


@pytest.mark.parametrize("case", sorted(p.name for p in SET.glob("h55-mi-*") if (p / "input.pdf").exists()))
def test_rows_sharing_a_merged_item_and_explanation_in_a_pdf_are_not_doubted_as_one_row(case):
    records, truth = _rows(case)
    assert [(r.before, r.after) for r in records] == [(t["before"], t["after"]) for t in truth]
    shared = [
        r
        for a, b in pairwise(records)
        if (a.item, a.explanation, a.change_date) == (b.item, b.explanation, b.change_date)
        for r in (a, b)
    ]
    assert shared
    assert not any("row_split_guess" in r.flags for r in shared), [r.evidence for r in shared]
