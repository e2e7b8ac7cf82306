"""Two-pass text (Calc through pypdfium2 / ``pdftotext -raw``) whose page breaks were left out
(``normalize/pass_restarts.py``): page 2's one-line cells follow page 1's wrapped cells.

A script that joins pypdfium2's pages with ``"\\n"`` (the common way) gives such text; set XVI's
two-page Calc table then read 22 of 54 cells right, its ``-raw`` text with form feeds 48.  Here
committed multi-page Calc samples have their pages joined by line ends instead of form feeds."""

from __future__ import annotations

import sys

import pytest

from piatable import extract_document

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
from eval_text import SIX, align, squash

# (case, share of cells right with its pages joined by line ends; the reader gave 39% and 47%
# before, as it reads the pages apart: 77% and 93%).
CASES = [
    ("office-split15/sp15-calc-1-pypdfium2", 0.70),
    ("office-whole42/calc-whole-t5-pypdfium2", 0.90),
]


def _cells_right(got: list[dict], expected: list[dict]) -> int:
    return sum(
        squash(got[i].get(name)) == squash(expected[j].get(name))
        for i, j in align(got, expected)
        for name in SIX
    )


@pytest.mark.parametrize(("case", "share"), CASES, ids=[c for c, _ in CASES])
def test_pages_of_two_pass_text_without_form_feeds_are_found_by_the_one_line_cells(tmp_path, case, share):
    import json

    folder = SAMPLES / case
    text = (folder / "input.txt").read_text("utf-8")
    assert text.rstrip("\f\n").count("\f") >= 1  # a table of two pages or more
    joined = tmp_path / "joined.txt"
    joined.write_text(text.rstrip("\f\n").replace("\f", "\n") + "\n", "utf-8")  # "\n".join(pages)
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(joined)
    got = [r.to_dict() for r in result.records]
    assert _cells_right(got, expected) >= share * 6 * len(expected)
    assert max(r["page_end"] for r in got) >= 2
    assert any("the text holds no form feeds" in n for n in result.notes)
