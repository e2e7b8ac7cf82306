"""An empty 提出時期 or explanation cell in the first row of a page, under a date printed afresh,
in a table whose page before closed that column with a ruling at its foot (LibreOffice Calc
PDFs of office-flow22 / heldout-flow22): the cell is empty, not the rest of a merged cell, so
the row does not take the value of the last row of the page before (normalize/grid/rows.py,
``closed_above``).  A merged cell that runs over the break is left open at the foot, and the
rows under it still take its value (tests/test_merged_date_break.py, test_page_chains)."""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES, wrong_cells

CASES = [
    "office-flow22/f22-calc-juki",
    "office-flow22/f22-calc-lists",
    "heldout-flow22/hf22-calc-jidou_teate",
]


@pytest.mark.parametrize("case", CASES)
def test_a_page_top_cell_closed_above_stays_empty(case):
    folder = SAMPLES / case
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.pdf").records
    assert len(got) == len(want)
    # Each of these tables has a row whose explanation is empty at the top of a page.
    empty_top = [k for k, w in enumerate(want) if not w["explanation"]]
    assert empty_top
    for k in empty_top:
        assert got[k].explanation == "", (k, got[k].explanation)
        assert "merged_cell_filled" not in got[k].flags or got[k].timing == want[k]["timing"]
    assert wrong_cells(got, want) == []
