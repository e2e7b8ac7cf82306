"""A body cell's opening sub-heading read into the item by row-ordered readers, given back
(normalize/body_subheads.py; samples/office-subhead66, tools/make_subhead66_samples.py: Writer and
Calc PDFs made by LibreOffice, their pypdfium2 / pdftotext -raw / pypdf / PyMuPDF texts)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.body_subheads import series_of

SET = Path(__file__).resolve().parent.parent / "samples" / "office-subhead66"
ROW_ORDERED = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf")


@cache
def _rows(case: str) -> list[dict]:
    return [r.to_dict() for r in extract_document(SET / case / "input.txt").records]


def _squash(text: str) -> str:
    return "".join(text.split())


def _row(case: str, item_end: str, after: str = "") -> dict:
    found = [r for r in _rows(case) if r["item"].endswith(item_end) and after in r["after"]]
    assert len(found) == 1, [r["item"] for r in _rows(case)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("①システムの名称", ("circled", 1)),
        ("② 所属長の役職名", ("circled", 2)),
        ("（２）他機関からの入手", ("paren", 2)),
        ("(3)委託", ("paren", 3)),
        ("1. 主な記録項目", ("dot", 1)),
        ("２．基本情報", ("dot", 2)),
        ("イ\u3000媒体の管理", ("kana", 2)),
        ("（ウ）アクセスログ", ("paren-kana", 3)),
        ("アクセス権限の管理", None),
        ("2023.4.1", None),
        ("市民課長", None),
    ],
)
def test_series_of_reads_the_numbering(text, series):
    assert series_of(text) == series


@pytest.mark.parametrize("tool", ROW_ORDERED)
def test_addition_opening_with_two_sub_headings_keeps_them_in_the_after_cell(tool):
    # Truth: item 担当部署 (no leaf); before empty; after ①部署 / 市民生活部市民窓口課 /
    # ②所属長の役職名 / 市民窓口課長 / 上記を新規追加.  Read before: the item took ①部署, its value
    # and ②所属長の役職名 (two siblings and a value: no item path).
    row = _row(f"sh66-zeimu-1-{tool}", "担当部署", "上記を新規追加")
    assert row["item"] == "Ⅰ基本情報\n７．評価実施機関における担当部署"
    assert row["before"] == ""
    assert _squash(row["after"]) == "①部署市民生活部市民窓口課②所属長の役職名市民窓口課長上記を新規追加"


@pytest.mark.parametrize("tool", ("pypdfium2", "pdftotext-raw"))
def test_sub_heading_below_the_items_leaf_opens_the_added_cell(tool):
    # ②監査 is the item's leaf; （１）自己点検 opens the added after cell, its content under it.
    row = _row(f"sh66-juki-3-{tool}", "②監査")
    assert row["item"] == "Ⅳその他のリスク対策\n１．監査\n②監査"
    assert row["before"] == ""
    assert row["after"].split("\n")[0] == "（１）自己点検"
    assert row["after"].endswith("上記を新規追加")


@pytest.mark.parametrize("tool", ("pypdfium2", "pdftotext-raw"))
def test_heading_printed_again_in_the_body_opens_both_cells(tool):
    # Before and after (20 lines each) open with ②所属長の役職名; read before, the item took the
    # before's heading and value, and the before / after cut fell at the second copy.
    row = _row(f"sh66-juki-3-{tool}", "担当部署")
    assert row["item"] == "Ⅰ基本情報\n７．評価実施機関における担当部署"
    before, after = row["before"].split("\n"), row["after"].split("\n")
    assert [_squash(x) for x in before[:2]] == ["②所属長の役職名", "市民課長"]
    assert [_squash(x) for x in after[:2]] == ["②所属長の役職名", "市民窓口課長"]
    assert before[2:] == after[2:] and len(before) == 12
    assert row["confidence"] < 0.9  # the cut was mended: the row says so


def test_rest_of_a_tall_row_on_a_page_of_its_own_joins_that_row_pdfminer():
    # Writer broke the last row (before / after of 12 lines each) over pages 2 and 3; page 3 holds
    # only the rest of its two cells, under the repeated label row (page_continuations).  Read
    # before, the rest took the row's place and every row of page 2 took the next row's cells.
    rows = [r.to_dict() for r in extract_document(SET / "sh66-juki-3-pdfminer" / "input.txt").records]
    last = rows[-1]
    assert last["item"].endswith("①保管場所")
    assert last["before"].startswith("（１）庁舎内\n鍵付きのサーバー室")
    assert last["after"].startswith("（１）庁舎内\nデータセンター")
    for cell in (last["before"], last["after"]):
        assert cell.endswith("・ウイルス対策ソフトのパターンファイルを毎日更新する。")
        assert cell.count("・端末の操作は権限を付与された職員に限る。") == 1
    assert last["confidence"] < 0.9
