"""A one-line before printed on the after's first line, and a list's name opening both body cells
read into the item (normalize/repeat_pairs.py, normalize/body_instances.py; issues 10, 12 and 14,
branch silent47).  Real texts of samples/office-silent47 (LibreOffice Calc and Writer, pypdfium2
and ``pdftotext -raw``, made by tools/make_silent47_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.body_instances import body_instance
from piatable.normalize.repeat_pairs import ITEM_WHY, WHY, mend_item_repeat, mend_repeat_pair, repeat_cut

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-silent47"


def _squeezed(text: str | None) -> str:
    return "".join((text or "").split())


def _read(case: str):
    path = SET / case / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    return extract_document(path), truth


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_one_line_before_beside_the_afters_first_line_is_parted(tool):
    # Writer, a 0.75 cm 提出時期 column: row 1 prints ``番号法第９条第１項　 番号法第９条第１項　別表第一
    # の３０の項`` on one line (the before, then the after's first line).  Main read an empty before
    # and the whole line as the after's, confidence 0.69 and no flag.
    result, truth = _read(f"s47-v2-kokuho-{tool}")
    recs = result.records
    assert len(recs) == len(truth) == 6
    assert _squeezed(recs[1].before) == _squeezed(truth[1]["before"]) == "番号法第９条第１項"
    assert _squeezed(recs[1].after) == _squeezed(truth[1]["after"])
    # The mend says the cut was moved: below the row's untouched neighbours.
    assert recs[1].confidence < min(recs[0].confidence, recs[2].confidence)


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_risks_name_opening_before_and_after_goes_back_to_the_before_cell(tool):
    # Calc, heights set by hand: row 0's item stops at ``３．特定個人情報の使用`` and both body cells
    # open with ``リスク２：不適切な方法で入手が行われるリスク``.  Main read that line into the item
    # (confidence 0.905, no flag), the after's copy into the before and gave no item_instance.
    result, truth = _read(f"s47-v3c-juki-{tool}")
    row = result.records[0]
    name = "リスク２：不適切な方法で入手が行われるリスク"
    assert _squeezed(row.item) == _squeezed(truth[0]["item"])
    assert not _squeezed(row.item).endswith(name)
    assert _squeezed(row.before) == _squeezed(truth[0]["before"])
    assert _squeezed(row.after).startswith(name)
    assert row.item_instance == "リスク2"
    assert row.item_key.count("リスク") == 1  # the section's リスク対策 only: no …/Xリスク/Xリスク


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_rows_whose_body_opens_with_a_block_name_get_its_instance(tool):
    # Writer: every item stops at its section heading; the body cells open with the block's name.
    result, truth = _read(f"s47-v3w-kokuho-{tool}")
    got = [r.item_instance for r in result.records]
    assert got == ["提供先3", "委託事項3", "リスク1", "委託事項2", "提供先3", "リスク2"]
    assert [_squeezed(r.before) for r in result.records] == [_squeezed(t["before"]) for t in truth]


def test_body_instance_needs_every_body_cell_to_open_with_one_block():
    assert body_instance(["提供先３\n市町村長", "提供先３\n都道府県知事"]) == "提供先3"
    assert body_instance(["", "委託事項２\n株式会社△△"]) == "委託事項2"
    assert (
        body_instance(["リスク１：目的外の入手が行われるリ\nスク", "リスク１：目的外の入手が行われるリスク"])
        == "リスク1"
    )
    # Two blocks, a value that only names a block in passing, an empty row: no instance.
    assert body_instance(["提供先１\nＡ市", "提供先２\nＡ市"]) is None
    assert body_instance(["提供先３に変更", "提供先３に変更する"]) is None
    assert body_instance(["", None]) is None


def _row(item: list[str], before: list[str], after: list[str]) -> RawRow:
    r = RawRow()
    r.cells["item"] = [CellLine(t) for t in item]
    r.cells["before"] = [CellLine(t) for t in before]
    r.cells["after"] = [CellLine(t) for t in after]
    return r


def test_repeat_cut_needs_the_after_to_open_with_the_whole_before():
    assert repeat_cut("市民部市民課長 市民生活部市民課長") is None  # amended inside: no repeat
    assert repeat_cut("国民健康保険情報 国民健康保険情報ファイル") == (
        "国民健康保険情報",
        "国民健康保険情報ファイル",
    )
    assert repeat_cut("削除 削除する") is None  # too short to repeat by more than chance


def test_mends_leave_a_row_without_the_evidence_alone():
    row = _row(["Ⅰ基本情報", "①事務の名称"], ["住民基本台帳事務"], ["住民基本台帳に関する事務"])
    mend_repeat_pair(row)
    mend_item_repeat(row)
    assert [cl.text for cl in row.cells["item"]] == ["Ⅰ基本情報", "①事務の名称"]
    assert not [d for d in row.doubts if d.why in (WHY, ITEM_WHY)]
