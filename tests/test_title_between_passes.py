"""A title printed between Calc's two passes is no page break (issue 10, row-ordered text): the
page's one-line cells (pass 1) and its wrapped rows (pass 2) stay one page, so each row gets its
date, its one-line cells and its timing instead of every one-line cell becoming a row of its own."""

from __future__ import annotations

import json

from piatable.models import CellLine
from piatable.normalize.passone import title_breaks_closed
from piatable.pipeline import extract_document

from .conftest import SAMPLES


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def _opens(lines: list[CellLine], k: int) -> bool:
    return lines[k].text.startswith("Ⅰ")


def test_a_page_of_one_line_cells_joins_the_wrapped_rows_after_it():
    a = [CellLine("2023/01/10", 1, 0), CellLine("事前", 1, 0), CellLine("事後", 1, 1)]
    b = [CellLine("Ⅰ基本情報", 2, 3), CellLine("本文", 2, 4)]
    c = [CellLine("事後", 3, 6), CellLine("Ⅰ基本情報", 3, 7)]
    assert title_breaks_closed([a, b, c], _opens) == [a + b, c]
    # A page that holds a wrapped row of its own, or a next page opening with pass 1, stays.
    assert title_breaks_closed([a + b, c], _opens) == [a + b, c]
    assert title_breaks_closed([a, c], _opens) == [a, c]
    # One-line cells without a timing are no pass 1.
    assert title_breaks_closed([a[:1], b], _opens) == [a[:1], b]


def test_a_calc_table_with_its_title_after_pass_one_reads_its_rows():
    """office8 calc-mdate-t4: 22 rows were read for 6 (each one-line cell a row of its own)."""
    for tool in ("pdftotext-raw", "pypdfium2"):
        path = SAMPLES / "office8" / f"calc-mdate-t4-{tool}" / "input.txt"
        want = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
        got = extract_document(path).records
        assert len(got) == len(want) == 6
        assert [r.timing for r in got] == [w["timing"] for w in want]
        assert [r.change_date for r in got] == [w["change_date"] for w in want]
        assert _squash(got[1].before) == _squash(want[1]["before"]) == "市民課長"
        assert _squash(got[1].after) == _squash(want[1]["after"]) == "市民窓口課長"
