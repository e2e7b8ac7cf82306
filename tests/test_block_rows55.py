"""Right rows the checks warned (issue 12, branch honest55): a whole repeated block added or
deleted, whose cell lists the block's sub-headings, and one item changed in two places whose
項目 and 説明 cells a PDF's rulings show merged over both rows.  The PDFs are LibreOffice Calc and
Writer tables of samples/office-honest55 (tools/make_honest55_samples.py)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from piatable.models import Record
from piatable.normalize.date_items import date_item_doubts
from piatable.normalize.item_cells import heading_in_cells, lists_block_items, lists_sub_items
from piatable.normalize.item_key import item_key
from piatable.normalize.row_counts import EMPTY_ROWS_NOTE, empty_rows_note
from piatable.pipeline import extract_document

from .truth_files import truth_files, verdicts

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
    folder = SET / case
    result = extract_document(folder / ("input.pdf" if (folder / "input.pdf").exists() else "input.txt"))
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


def test_rows_of_a_date_or_timing_alone_make_the_document_partial():
    # pdftotext -raw of a Calc table whose 項目 and 説明 are merged over two rows: the two rows'
    # before / after print on one line and read as one row; the rows their 提出時期 counted are
    # left empty at the table's foot (status success before, two truth rows matching no row).
    path = SET / "h55-mi-calc-zeimu-pdftotext-raw" / "input.txt"
    result = extract_document(path)
    empty = [r for r in result.records if not (r.item or r.before or r.after or r.explanation)]
    assert len(empty) == 2
    assert result.status == "partial"
    assert EMPTY_ROWS_NOTE.format(n=2) in result.notes
    # No row of the truth of the samples holds a date or a 提出時期 alone.
    for truth in SET.parent.glob("*honest55/*/expected/records.json"):
        rows = json.loads(truth.read_text("utf-8"))
        assert empty_rows_note([Record.from_dict(r) for r in rows]) is None


def test_a_date_items_cell_holding_more_than_dates_is_doubted():
    item = "Ⅵ評価実施手続\n４．個人情報保護委員会の承認\n①提出日"
    row = Record.from_dict(
        dict(item=item, before="平成２８年８月４日", after="平成３１年４月３日 評価の再実施")
    )
    assert [(d.kind, d.field) for d in date_item_doubts(row)] == [("column_guess", "after")]
    # Dates alone, a period, a note in brackets: the values of a date item.
    for after in (
        "平成３１年４月３日",
        "令和5年1月4日から令和5年2月3日まで（予定）",
        "(1)令和5年1月4日から令和5年2月3日まで",
    ):
        row = Record.from_dict(dict(item=item, before="", after=after))
        assert not date_item_doubts(row), after
    # Another item: a sentence that opens with a date is its value.
    row = Record.from_dict(
        dict(item="Ⅰ基本情報\n６．情報連携\n②法令上の根拠", after="平成２８年１月１日施行の条例")
    )
    assert not date_item_doubts(row)
    # No truth row of the samples is doubted so.
    # Each distinct truth file checked once (tests/truth_files.py); the files two folders down, as before.
    doubted = verdicts(lambda r: (r["item"], bool(date_item_doubts(Record.from_dict(r)))))
    for truth, text in truth_files():
        if truth.parent.parent.parent.parent != SET.parent:
            continue
        for item, doubts in doubted(text):
            assert not doubts, (truth, item)


def test_a_date_items_own_date_is_no_date_printed_apart_from_its_row():
    # pdftotext -raw of a Writer table: ①提出日's before 平成２７年１１月２７日 is its value, in the
    # table's date style, not a 変更日 read into the row (rowless_dates.DATE_ITEM).
    records, _ = _rows("h55-dc-writer-juki-pdftotext-raw")
    dated = [r for r in records if r.item.endswith("①提出日")]
    assert dated
    assert not any("a date alone in the before" in e for r in dated for e in r.evidence)
