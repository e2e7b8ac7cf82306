"""A 変更前 and 変更後 merged into one cell across a ruled row (normalize/grid/merged_across.py):
the row's text is one cell, kept whole as its before; the rulings prove the merge there (the
boundary's ruling absent over the row, the cell's sides drawn), so the row carries no flag
(``column_guess`` only where the rulings do not prove it: tests/test_page_tables.py).

samples/office-across49 (tools/make_across49_samples.py, LibreOffice Calc): before this rule
the note was cut at the missing ruling's place into a before and an after, 4 rows of the 3
tables wrong, one of them with no flag."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.grid.merged_across import WHY
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-across49"
CASES = sorted(p.parent.name for p in SET.glob("*/input.pdf"))


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


@pytest.mark.parametrize("case", CASES)
def test_the_note_across_both_columns_is_one_before_cell(case: str) -> None:
    folder = SET / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    across = json.loads((SET / "cases.json").read_text("utf-8"))[case]["merge_across"]
    got = extract_document(folder / "input.pdf").records
    assert len(got) == len(expected)
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        for f in ("change_date_raw", "item", "before", "after", "timing", "explanation"):
            assert _squash(getattr(g, f)) == _squash(e[f]), (k, f)
        if k in across and len(e["before"].replace("\n", "")) > 30:
            # a note long enough to run across both columns
            assert g.after == "" and "column_guess" not in g.flags, (k, g.flags)
            assert not any(WHY in ev for ev in g.evidence)
            assert g.confidence >= 0.9
        elif k not in across:
            assert "column_guess" not in g.flags, k
