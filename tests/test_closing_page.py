"""The closing mark 以上 on a page of its own after the table (Writer PDFs made by
tools/make_closing_page_samples.py): the page makes no row and the last row does not take 以上
into its explanation; a note says the mark was left out (normalize/grid/unread_pages.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

from .conftest import wrong_cells

DATA = Path(__file__).parent / "data" / "closing_page"
CASES = sorted(p.stem for p in DATA.glob("*.pdf"))


def test_there_are_cases():
    assert len(CASES) >= 2


@pytest.mark.parametrize("name", CASES)
def test_a_page_of_only_the_closing_mark_makes_no_row(name):
    want = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    result = extract_document(DATA / f"{name}.pdf")
    got = result.records
    assert len(got) == len(want)
    assert wrong_cells(got, want) == []
    assert "以" not in got[-1].explanation[-2:]
    assert "row_continued" not in got[-1].flags
    assert result.status == "success"
    assert any("closing mark 以上" in n and n.startswith("page 2:") for n in result.notes), result.notes
