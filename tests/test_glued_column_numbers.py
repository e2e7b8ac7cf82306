"""normalize/glued_column_numbers.py: another column's values (a page reference, a serial) glued
into the cells beside it, one a row, on the layout texts of samples/office-extracol67."""

from __future__ import annotations

import json

import pytest

from piatable.models import Record
from piatable.normalize.glued_column_numbers import glued_column_doubts, glued_numbers, run_rows
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-extracol67"
HIGH = 0.9  # issue 12: rows at confidence >= 0.9 must be right


def _record(k: int, **cells: str) -> Record:
    base = {"item": "Ⅰ基本情報", "before": "", "after": "", "explanation": ""} | cells
    return Record(
        source="t",
        row_index=k,
        page_start=1,
        page_end=1,
        change_date="2023-04-01",
        change_date_raw="令和5年4月1日",
        item_path=base["item"].split("\n"),
        timing="事後",
        **base,
    )


@pytest.mark.parametrize(
    ("case", "rows"),
    [
        # 評価書頁 (10, 12, 14, 17, 18, 22, 25) between 変更後 and 提出時期, its label wrapped (評価 / 書頁)
        (
            "x67-writer-pagemid2-pypdf-layout",
            {"【修正】10", "【追加】12", "市民税課14", "収納対策17課"},
        ),
        ("x67-writer-pagemid2-pdftotext-layout", {"【修正】10", "財政部市民税課14", "【修正】25"}),
        ("x67-writer-pagemid2-pdfplumber-layout", {"【修正】10", "【修正】22"}),
        # No. (3 … 9) after 説明, the second page's values glued inside the explanation's words
        ("x67-writer-serialast-pypdf-layout", {"電話番7号", "第三者9点検"}),
    ],
)
def test_glued_values_are_warned(case: str, rows: set[str]) -> None:
    """Every row whose cell holds another column's value (``rows``: a piece of it) is below 0.9
    with ``column_guess``; on main these read at 0.934 with no flag."""
    recs = extract_document(SET / case / "input.txt").records
    seen = set()
    for r in recs:
        text = "\n".join((r.before, r.after, r.explanation))
        for piece in rows:
            if piece in text:
                seen.add(piece)
                assert "column_guess" in r.flags, (piece, r.flags)
                assert r.confidence < HIGH
    assert seen == rows


def test_the_truth_never_fires() -> None:
    """The truth of the set (its page and serial columns are no field) has no glued run."""
    for exp in SET.glob("*/expected/records.json"):
        truth = json.loads(exp.read_text("utf-8"))
        recs = [
            _record(k, **{f: t[f] for f in ("before", "after", "explanation")}) for k, t in enumerate(truth)
        ]
        assert not any(glued_column_doubts(recs)), exp


def test_numbers_the_text_writes_are_not_glued() -> None:
    """年１回 (full width), 令和2年, 第3条, …の30 are the text's own; 9点検 before a counter is
    weak (joins a run only), 電話番7号 is sure (電話番号 is one word without it)."""
    assert glued_numbers("年１回、令和2年度、第3条の30を参照") == ([], [])
    assert glued_numbers("第三者9点検") == ([], [9])
    assert glued_numbers("電話番7号の変更") == ([7], [])
    assert glued_numbers("【修正】10\n新規追加") == ([10], [])


def test_run_rows() -> None:
    """A run: growing over three rows, or a serial (one a row) over two; a weak number joins."""
    assert run_rows([[10], [12], [], [17]]) == {0, 1, 3}
    assert run_rows([[10], [12]]) == set()  # two growing numbers, no serial: no evidence
    assert run_rows([[], [7], [8], []], [[], [], [], [9]]) == {1, 2, 3}
    assert run_rows([[7], [], [8]], [[], [9], []]) == set()  # 7, 8 two rows apart: no serial
    assert run_rows([[12], [10], [14]]) == set()  # not growing
