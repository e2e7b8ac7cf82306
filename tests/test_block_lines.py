"""A repeated block's line (``提供先３　都道府県知事``) opening a before / after cell, on real texts of
LibreOffice tables (normalize/block_lines.py; block46, issues 10/12: samples/office-block46,
tools/make_block46_samples.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import Record
from piatable.normalize.block_lines import block_line_doubt, item_line_costs
from piatable.normalize.compound import cells_of_line
from piatable.normalize.item_key import item_key

from .truth_files import case_depth, distinct_rows

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SET = SAMPLES / "office-block46"


@cache
def _records(case: str) -> list[Record]:
    return extract_document(SET / case / "input.txt").records


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("case", "row"),
    [("k46-calc-v3-pypdfium2", 1), ("k46-calc-v4-pdftotext-raw", 6)],
)
def test_a_block_line_repeating_the_items_block_opens_the_after_cell(case, row):
    """Item ``…／提供先３``, after ``提供先３　都道府県知事`` / ``①法令上の根拠：…`` / ``上記を新規追加``:
    the line was read into the item (pypdfium2), or parted at its space with the name glued to
    the explanation (-raw)."""
    r, e = _records(case)[row], _expected(case)[row]
    assert r.item_path == e["item_path"]
    assert r.item_path[-1] == "提供先３"
    assert r.after.split("\n")[0].replace(" ", "\u3000") == "提供先３\u3000都道府県知事"
    assert "".join(r.after.split()) == "".join(e["after"].split())
    assert r.before == ""
    assert r.explanation == "提供先の追加"
    assert r.item_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先"
    assert r.item_instance == "提供先3"
    assert "column_guess" not in r.flags


def test_a_block_line_after_the_heading_it_is_printed_under_opens_the_cell():
    """Item ending on ``５．特定個人情報の提供・移転…`` (or ``４．…の委託``), the block's line and
    its ``heading：value`` lines in the after (or before) cell."""
    added = _records("k46-calc-v3-pypdfium2")[4]
    assert added.item_path[-1] == "５．特定個人情報の提供・移転（委託に伴うものを除く。）"
    assert added.after.startswith("移転先２\u3000健康推進課\n①法令上の根拠：番号法第９条第２項に基づく条例")
    assert added.after.endswith("上記を新規追加")
    assert added.item_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転"
    deleted = _records("k46-calc-v1-pypdfium2")[7]
    assert deleted.item_path == ["Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託"]
    assert deleted.before.split("\n") == [
        "委託事項２\u3000住民記録システムの運用保守",
        "①委託内容：住民記録システムの運用保守業務",
        "③委託先における取扱者数：10人未満",
    ]
    assert deleted.after == "削除"


def test_a_blocks_own_line_over_an_added_mark_stays_in_the_item():
    """``委託事項４　証明書発行システムの保守`` over ``上記を新規追加`` with no block content in the
    row: the item's line (the block's name, left out of the key), no doubt."""
    r = _records("k46-calc-v3-pypdfium2")[3]
    assert r.item_path[-1] == "委託事項４\u3000証明書発行システムの保守"
    assert (r.before, r.after) == ("", "上記を新規追加")
    assert r.item_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報ファイルの取扱いの委託/委託事項"
    assert r.flags == []


def test_an_after_opening_with_the_blocks_line_is_flagged():
    """A リスク block whose value wrapped after its colon (``リスクに対する措置の内容：`` /
    ``外部記録媒体への…``), in an added row: the block's lines open the after cell, and the row
    says that a heading of the form opens it.  (Until branch rawtear57 the item kept the block's
    lines: the document's one-line law references, parted wrong at ``第30条の|7``, gave the
    reader a wrong item width.)"""
    r = _records("k46-writer-v4-pypdfium2")[5]
    assert r.item_path[-1] == "３．特定個人情報の使用"
    opening = "リスク４：特定個人情報ファイルが不正に複製されるリスク\nリスクに対する措置の内容："
    assert r.after.startswith(opening)
    assert "column_guess" in r.flags
    assert any("the after cell opens with a heading of the form (リスク４：" in e for e in r.evidence)


@cache
def _truth_rows() -> list[tuple[list[str], list[str]]]:
    seen, out = set(), []
    for r in distinct_rows(case_depth):  # each distinct truth text once (tests/truth_files.py)
        key = (r["item"], r["before"], r["after"])
        if key in seen:
            continue
        seen.add(key)
        item = [p for p in r["item"].split("\n") if p.strip()]
        body = [p for t in (r["before"], r["after"]) for p in (t or "").split("\n") if p.strip()]
        out.append((item, body))
    return out


def test_no_truth_row_of_the_samples_is_doubted_or_costs_its_cut():
    """The rules fire on no row as printed: every truth row of every sample set (the held-out
    sets too, about 1,900 distinct rows), its item and body as the truth cuts them."""
    rows = _truth_rows()
    assert len(rows) > 1500
    assert any(any(ln.startswith("提供先３\u3000") for ln in body) for _, body in rows)
    for item, body in rows:
        assert block_line_doubt(item, body) is None, item
        assert item_line_costs([*item, *body])[len(item)] == 0.0, item


def test_item_key_names_a_block_printed_twice_once():
    """The body's opening line read into the item (the key was ``…/提供先/提供先``)."""
    e = _expected("k46-calc-v3-pypdfium2")[1]
    key = item_key([*e["item_path"], "提供先３\u3000都道府県知事"])
    assert (
        key.form_key
        == item_key(e["item_path"]).form_key
        == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先"
    )
    assert key.instance == "提供先3"


def test_a_block_label_and_its_name_are_one_cell_but_not_a_closing_word():
    """-raw prints the cell's full-width space as a gap; a block's label before a name is one
    cell, before another cell's 上記を新規追加 (printed level with the item's last line) two."""
    raw = (SET / "k46-calc-v4-pdftotext-raw" / "input.txt").read_text("utf-8").splitlines()
    assert "提供先３ 都道府県知事" in raw
    assert cells_of_line("提供先３ 都道府県知事", gaps=True) == ["提供先３ 都道府県知事"]
    held = (SAMPLES / "heldout-raw40" / "hr40add-calc-kaigo_hoken-pdftotext-raw" / "input.txt").read_text(
        "utf-8"
    )
    assert "提供先３ 上記を新規追加" in held.splitlines()
    assert cells_of_line("提供先３ 上記を新規追加", gaps=True) == ["提供先３", "上記を新規追加"]
