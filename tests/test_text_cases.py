"""The flattened-text cases of ../shared/cases (copied into tests/data/cases): each stands for a
kind of fault of an extractor's order, and must give its expected records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

CASES = Path(__file__).parent / "data" / "cases"
SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def squash(value: object) -> str:
    return re.sub(r"\s+", "", "" if value is None else str(value))


@pytest.mark.parametrize("name", ["flat_short_cells", "raw_doubled_lines", "layout_dash_dates"])
def test_case_gives_its_records(name):
    expected = json.loads((CASES / f"{name}.expected.json").read_text("utf-8"))
    result = extract_document(CASES / f"{name}.txt")
    assert result.status == "success", result.notes
    got = result.records
    assert len(got) == len(expected)
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        for field in SIX:
            assert squash(getattr(g, field)) == squash(e[field]), (k, field)


def test_one_line_before_and_after_beside_each_other_are_two_cells():
    """``通知カード 個人番号通知書 事後 …``: the one-line before and after cells share a line."""
    records = extract_document(CASES / "flat_short_cells.txt").records
    assert (records[0].before, records[0].after) == ("通知カード", "個人番号通知書")
    assert (records[3].before, records[3].after[:4]) == ("（記載なし）", "職員に対")


def test_doubled_lines_are_collapsed_with_a_note():
    result = extract_document(CASES / "raw_doubled_lines.txt")
    assert len(result.records) == 4
    assert any("printed twice" in n for n in result.notes)
