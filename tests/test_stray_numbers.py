"""normalize/stray_numbers.py: a number wedged in a word, a closing mark opening a cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.models import Record
from piatable.normalize.stray_numbers import (
    opening_mark_doubts,
    stray_number_doubts,
    torn_sentence_doubts,
    wedged_numbers,
)

ROOT = Path(__file__).resolve().parent.parent


def _record(**cells: str) -> Record:
    base = {"item": "Ⅰ基本情報", "before": "", "after": "", "explanation": ""} | cells
    return Record(
        source="t",
        row_index=0,
        page_start=1,
        page_end=1,
        change_date="2023-04-01",
        change_date_raw="令和5年4月1日",
        item_path=base["item"].split("\n"),
        timing="事後",
        **base,
    )


@pytest.mark.parametrize(
    "text",
    ["組織改正による部19署名の変更", "保管期間の見直しに伴う削24除"],
)
def test_number_inside_a_word(text: str) -> None:
    assert wedged_numbers(text)
    doubts = stray_number_doubts(_record(explanation=text))
    assert [(d.kind, d.field) for d in doubts] == [("column_guess", "explanation")]


@pytest.mark.parametrize(
    "text",
    [
        "年１回実施する",
        "番号法第19条第7号",
        "令和5年4月1日",
        "別表第一の30の項",
        "住民基本台帳法第30条の41",
        "令和4年4月4日から令和5",
        "10万人以上100万人未満",
        "○○市本町一丁目１番１号",
    ],
)
def test_numbers_of_the_text_are_quiet(text: str) -> None:
    assert stray_number_doubts(_record(before=text, after=text, explanation=text)) == []


def test_item_numbering_is_quiet() -> None:
    assert stray_number_doubts(_record(item="Ⅱ特定個人情報ファイルの概要\n委託事項１")) == []


def test_closing_mark_opening_a_cell() -> None:
    doubts = opening_mark_doubts(_record(after="上記を新規追加\n[○]紙\n[○]専用線"))
    assert [(d.kind, d.field) for d in doubts] == [("row_split_guess", "after")]
    assert opening_mark_doubts(_record(after="上記を新規追加\n上記を新規追加")) == []
    assert opening_mark_doubts(_record(after="…を承認する。\n上記を新規追加")) == []


def test_quiet_on_every_truth_cell() -> None:
    """No item / before / after / explanation of the tuning samples' expected records fires
    (held-out truth: one after cell opens with 上記を新規追加 and a list, beside an empty before;
    the rule was set on the tuning sets and is left as measured)."""
    seen: set[tuple[str, str]] = set()
    for path in sorted(ROOT.glob("samples/**/expected/records.json")):
        if path.relative_to(ROOT).parts[1].startswith("heldout"):
            continue
        for rec in json.loads(path.read_text("utf-8")):
            cells = {f: rec.get(f) or "" for f in ("item", "before", "after", "explanation")}
            key = tuple(cells.values())
            if key in seen:
                continue
            seen.add(key)  # type: ignore[arg-type]
            r = _record(**cells)
            assert stray_number_doubts(r) == [] and opening_mark_doubts(r) == [], path
            assert torn_sentence_doubts(r) == [], path


def test_sentence_end_opening_a_cell() -> None:
    doubts = torn_sentence_doubts(_record(after="行う。\n①システムの名称：ワクチン接種記録システム"))
    assert [(d.kind, d.field) for d in doubts] == [("row_split_guess", "after")]
    assert torn_sentence_doubts(_record(after="事務を行う。\n①システムの名称")) == []


def test_item_ending_open() -> None:
    doubts = torn_sentence_doubts(_record(item="Ⅵ評価実施手続\n２．国民・住民等からの意見の"))
    assert [(d.kind, d.field) for d in doubts] == [("row_split_guess", "item")]
    assert torn_sentence_doubts(_record(item="Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取")) == []
