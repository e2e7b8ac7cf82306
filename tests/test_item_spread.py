"""A merged 項目 cell read spread over the rows it spans (normalize/item_spread.py, issue 14):
every row of the cell gets the whole cell's item_key, flagged item_key_guess; an empty cell
between two merged cells is left unkeyed; the 評価書名 spelt one way (normalize/cover_names.py).

The samples are samples/office-itemkey49 (tools/make_itemkey49_samples.py: LibreOffice Calc and
Writer tables whose 項目 is merged over 2–3 rows, read as ``pdftotext -layout`` text)."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.confidence import INFORMATIONAL
from piatable.normalize.cover import check_cover
from piatable.normalize.cover_names import canonical_assessment_name
from piatable.normalize.item_key import item_key
from piatable.normalize.item_noise import garbled_tail
from piatable.normalize.item_spread import is_open, joined_heading, read_together
from piatable.normalize.records import table_item_keys
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-itemkey49"
SYSTEM = "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務において使用するシステム/システム"


def _read(case: str):
    folder = SET / case
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return extract_document(folder / "input.txt").records, truth


def _truth_keys(truth: list[dict]) -> list[str]:
    return [
        k.form_key for k in table_item_keys([(r["item"].split("\n"), r["before"], r["after"]) for r in truth])
    ]


def test_a_heading_cut_between_two_rows_keys_both_rows_as_the_merged_cell():
    # Calc centres 「…使用するシステ」 / 「ム」 「システム３」 「①システムの名称」 over rows 0–1.
    recs, truth = _read("ik49-calc-zeimu-pdftotext-layout")
    want = _truth_keys(truth)
    assert recs[0].item.endswith("使用するシステ") and recs[1].item.startswith("ム")
    for r in recs[:2]:
        assert r.item_key == want[0] == f"{SYSTEM}/システムの名称"
        assert r.item_instance == "システム3" and r.item_section == "Ⅰ"
        assert "item_key_guess" in r.flags
    # 「⑦使用の主体」 above 「使用部署」: the row above stops above an item.
    assert recs[4].item_key == recs[5].item_key == want[4]
    assert {"item_key_guess"} <= set(recs[4].flags) & set(recs[5].flags)


def test_an_empty_cell_before_a_merged_cell_spread_below_gets_no_key():
    # Row 3 prints no 項目 between a whole item (row 2) and a centred merged cell opening on
    # row 4: it could be either's.  The -layout reader hands it row 2's (merged_items, a guess
    # between alignments); its key stays empty, not possibly another item's, and it is warned.
    recs, _ = _read("ik49-calc-zeimu-pdftotext-layout")
    assert recs[3].item == recs[2].item and "merged_cell_filled" in recs[3].flags
    assert recs[3].item_key == "" and "item_key_guess" in recs[3].flags


def test_empty_cells_below_a_top_aligned_merged_cell_take_its_key():
    recs, truth = _read("ik49-calc-juki-pdftotext-layout")
    want = _truth_keys(truth)
    assert recs[3].item_key == want[3] and "item_key_guess" not in recs[3].flags
    for r in recs[4:6]:  # handed the merged cell by the -layout reader (merged_items)
        assert r.item == recs[3].item and r.item_key == want[3]
        assert "merged_cell_filled" in r.flags


def test_a_section_alone_above_its_headings_is_a_guess_not_unknown():
    # Writer prints 「Ⅱ特定個人情報ファイルの概要」 on row 3, 「２．基本情報」 「⑥事務担当部署」 on row 4:
    # one 項目 merged over rows 3 to 5.  Since branch flow55 the -layout reader joins it whole into
    # each row it covers (merged_items.join_item_tails; before, row 3 kept the section alone and
    # its key was a guess): the rows hold the truth's 項目, the join's guess said.
    recs, truth = _read("ik49-writer-zeimu-pdftotext-layout")
    want = _truth_keys(truth)
    assert recs[3].item_key == recs[4].item_key == want[4]
    assert "item_unknown" not in recs[3].flags
    assert recs[3].item == recs[4].item == truth[3]["item"]
    assert {"merged_cell_filled", "row_split_guess"} <= set(recs[3].flags)


def test_a_heading_the_lexicon_prints_nothing_under_is_read_with_the_row_after():
    recs, truth = _read("ik49-writer-juki-pdftotext-layout")
    want = _truth_keys(truth)
    # The -layout reader reads 具体的な対策の内容 as the merged cell's tail (merged_items).
    assert recs[1].item == recs[0].item and recs[1].item.endswith("⑤物理的対策\n具体的な対策の内容")
    assert recs[0].item_key == recs[1].item_key == want[0]
    assert want[0].endswith("/物理的対策/具体的な対策の内容")


@pytest.mark.parametrize(
    "case",
    [
        "ik49-calc-juki-pdftotext-layout",
        "ik49-calc-kokuho-pdftotext-layout",
        "ik49-calc-zeimu-pdftotext-layout",
        "ik49-writer-juki-pdftotext-layout",
        "ik49-writer-kokuho-pdftotext-layout",
        "ik49-writer-zeimu-pdftotext-layout",
    ],
)
def test_no_row_of_the_layout_texts_takes_another_items_key(case):
    recs, truth = _read(case)
    want = _truth_keys(truth)
    assert len(recs) == len(truth)
    for r, t, key in zip(recs, truth, want, strict=True):
        assert r.item_key in (key, ""), (r.row_index, r.item_key, key)
        if "".join(r.item.split()) != "".join(t["item"].split()):
            # A row whose cell is not its item's whole text is warned.
            assert set(r.flags) - INFORMATIONAL - {"merged_cell_filled"}, (r.row_index, r.flags)


def test_the_rules_on_headings_alone():
    above = item_key("Ⅰ基本情報\n２．特定個人情報ファイルを取り扱")
    below = item_key("う事務において使用するシステム\nシステム２\n②システムの機能")
    joined = joined_heading(above, below)
    assert joined is not None and joined.form_key == f"{SYSTEM}/システムの機能"
    assert is_open(item_key("Ⅴ開示請求、問合せ")) and is_open(
        item_key("Ⅰ基本情報\n６．評価実施機関における担当部署")
    )
    assert not is_open(item_key("Ⅰ基本情報\n６．評価実施機関における担当部署\n①部署"))
    # A row printing its own last heading is whole: the next row's item is not glued to it.
    whole = ["Ⅰ基本情報", "１．特定個人情報ファイルを取り扱う事務", "①事務の名称"]
    assert read_together(whole, ["②事務の内容"], item_key(whole)) is None


def test_a_table_with_its_headings_printed_once_keeps_each_rows_item():
    rows = [
        (["Ⅰ基本情報", "１．特定個人情報ファイルを取り扱う事務", "①事務の名称"], "a", "b"),
        (["②事務の内容"], "c", "d"),
        ([], "", ""),  # a reader's stray row: no key
    ]
    keys = [k.form_key for k in table_item_keys(rows)]
    base = "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務"
    assert keys == [f"{base}/事務の名称", f"{base}/事務の内容", ""]


@pytest.mark.parametrize(
    "printed",
    [
        "児童手当に関する事務 基礎項目評価書",
        "児童手当に関する事務基礎項目評価書",
        "児童手当に関する事務　基礎項目評価書",
    ],
)
def test_an_assessment_name_is_spelt_one_way_however_the_gap_was_read(printed):
    facts, _ = check_cover({"assessment_name": printed, "form": "基礎項目評価書"})
    assert facts["assessment_name"] == "児童手当に関する事務 基礎項目評価書"


def test_an_assessment_name_keeps_its_other_characters():
    assert canonical_assessment_name(" ○○市　住民基本台帳に関する事務  全項目評価書 ") == (
        "○○市 住民基本台帳に関する事務 全項目評価書"
    )
    assert canonical_assessment_name("就学援助に関する事務") == "就学援助に関する事務"


def test_a_heading_whose_end_ocr_garbled_is_read_from_its_sure_start():
    # A new user's scan of a Calc table: ７．評価実施機関における担当部署 / ①部署 read with the
    # numeral's dot lost and the last characters garbled.
    key = item_key("のⅠ関連情報\n７評価実施機関における担当閉\n①部寺")
    assert key.form_key == "Ⅰ関連情報/評価実施機関における担当部署/部署"
    assert key.fuzzy and not key.unknown
    # Two headings sharing the start: none is taken.
    both = ["評価実施機関における担当部署", "評価実施機関における担当者名"]
    assert garbled_tail("評価実施機関における担当閉", both) is None
    assert garbled_tail("評価実施機関における担当閉", both[:1]) == both[0]


def test_a_row_printing_again_the_heading_the_row_before_stops_at_is_its_own_row():
    rows = [
        (
            ["Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "７．特定個人情報の保管・消去"],
            "a",
            "b",
        ),
        (["６．特定個人情報の保管・消去", "②保管期間"], "c", "d"),
    ]
    keys = table_item_keys(rows)
    assert (
        keys[0].form_key == "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策/特定個人情報の保管・消去"
    )


def test_a_cell_cut_at_the_start_of_several_headings_is_no_misreading_of_another():
    # pdfminer cut 「１．特定個人情報ファイルを取り扱う事務」 to 「…ファイルを」: it opens three
    # headings under Ⅰ; it is not 特定個人情報ファイル名 misread (another item's key).
    key = item_key("Ⅰ 基本情報\n１．特定個人情報ファイルを")
    assert key.form_key == "Ⅰ基本情報/特定個人情報ファイルを"
    assert key.unknown == ("特定個人情報ファイルを",)
