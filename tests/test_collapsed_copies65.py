"""Rows holding a line collapsed as over-printed bold text say so (issue 12, branch calib65):
``copy_collapsed:<field>`` (normalize/collapsed_copies.py), on real LibreOffice Writer tables
flattened by pypdfium2 / ``pdftotext -raw`` whose cells print one value a line, twice or three
times (samples/office-warn43, office-thead56, office-pagemark55: read at 0.92 with no flag)."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from piatable.normalize.collapsed_copies import collapsed_heads
from piatable.normalize.hygiene import collapse_overprint
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASES = [
    "office-warn43/w43-writer-v5-pypdfium2",
    "office-thead56/t56-writer-v1-pdftotext-raw",
    "office-pagemark55/pm55-glued-juki-v9-pdftotext-raw",
]


def _lines(text: str | None) -> list[str]:
    return ["".join(x.split()) for x in (text or "").split("\n") if x.strip()]


def _doubled(text: str) -> set[str]:
    """Lines the text prints twice in a row (whitespace squashed)."""
    lines = ["".join(x.split()) for x in text.split("\n")]
    return {b for a, b in pairwise(lines) if a and a == b}


def test_collapsed_heads_are_the_copies_taken_out():
    text = (SAMPLES / CASES[0] / "input.txt").read_text("utf-8")
    collapsed, n = collapse_overprint(text)
    heads = collapsed_heads(text, collapsed)
    assert n and {"市民部市民課", "市民生活部市民課", "保険年金課"} <= heads & _doubled(text)
    # Each copy is a printed line or the head of one (the rest of its line kept).
    lines = ["".join(x.split()) for x in text.split("\n")]
    assert all(any(ln.startswith(h) for ln in lines) for h in heads)
    assert collapsed_heads(text, text) == frozenset()


@pytest.mark.parametrize("case", CASES)
def test_rows_missing_a_repeated_line_are_flagged(case):
    """Every row read with fewer copies of a line than the truth's cell prints, where the text
    printed that line twice in a row (the collapse took one), carries ``copy_collapsed`` for
    that cell and stays below 0.9; the document notes the collapse."""
    folder = SAMPLES / case
    result = extract_document(folder / "input.txt")
    assert any("printed twice" in n for n in result.notes)
    doubled = _doubled((folder / "input.txt").read_text("utf-8"))
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    short = 0
    for r in result.records:
        for field in ("before", "after"):
            got = _lines(getattr(r, field))
            # The truth row with this row's change date and item, where one can be told.
            twins = [
                e
                for e in expected
                if e["change_date"] == r.change_date and _lines(e["item"]) == _lines(r.item)
            ]
            if len(twins) != 1:
                continue
            want = _lines(twins[0][field])
            repeated = {x for x in want if want.count(x) > 1} & doubled
            if any(got.count(x) < want.count(x) for x in repeated):
                short += 1
                assert f"copy_collapsed:{field}" in r.flags, (r.change_date, field, got, want)
                assert r.confidence < 0.9
    assert short >= 2


def test_text_over_printed_as_bold_is_not_flagged():
    """A text whose headings are printed twice (over-printed bold) loses no cell: no flag."""
    result = extract_document(SAMPLES.parent / "tests" / "data" / "cases" / "raw_doubled_lines.txt")
    assert any("printed twice" in n for n in result.notes)
    assert result.records and not any(f.startswith("copy_collapsed") for r in result.records for f in r.flags)
