"""Column-ordered text (pdfminer, plain pdftotext) of tables with empty cells: an empty cell
prints no box, so its column's boxes are fewer than the rows; a row whose cell the text cannot
place is warned, and a row lost is said (issues 10 and 12, branch boxes40,
samples/office-boxes40 and the held-out samples/heldout-boxes40, tools/make_boxes40_samples.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.row_doubts import UNSHARED_GROUP, doubt_unshared_groups
from piatable.pipeline import extract_document

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
from bench_calibration import is_warned
from eval_text import SIX, align, squash

CASES = sorted(
    p
    for s in ("office-boxes40", "heldout-boxes40")
    for p in (SAMPLES / s).glob("*/input.txt")
    if p.parent.name.endswith(("-pdfminer", "-pdftotext"))
)


@pytest.mark.parametrize("path", CASES, ids=lambda p: str(p.parent.relative_to(SAMPLES)))
def test_every_wrong_row_is_warned_and_every_lost_row_said(path: Path):
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    got = [r.to_dict() for r in result.records]
    matched = {j: i for i, j in align(got, expected)}
    for j, exp in enumerate(expected):
        if j not in matched:
            continue
        row = got[matched[j]]
        wrong = [f for f in SIX if squash(row.get(f)) != squash(exp.get(f))]
        assert not wrong or is_warned(row), (j, wrong, row["flags"], row["confidence"])
    if len(got) < len(expected):
        assert result.status == "partial" and result.notes


def _row(page: int, date: CellLine, timing: CellLine, expl: CellLine | None) -> RawRow:
    row = RawRow()
    row.cells["item"] = [CellLine("Ⅰ基本情報", page, 0)]
    row.cells["change_date"] = [date]
    row.cells["timing"] = [timing]
    row.cells["explanation"] = [expl] if expl else []
    return row


def test_a_shared_explanation_is_a_guess_unless_date_and_timing_share_its_rows():
    d1, d2 = CellLine("R3.4.1", 1, 1), CellLine("R4.4.1", 1, 2)
    t1, t2 = CellLine("事後", 1, 3), CellLine("事前", 1, 4)
    e1, e2 = CellLine("組織改正に伴う修正", 1, 5), CellLine("誤記の訂正", 1, 6)
    # Date, 提出時期 and 説明 merged over the same two rows: the text bears the merge out.
    merged = [_row(1, d1, t1, e1), _row(1, d1, t1, e1), _row(1, d2, t2, e2)]
    assert doubt_unshared_groups(merged, ["group", "group", "group"]) == ["group"] * 3
    # The 提出時期 merged over all three rows, the 説明 over two: row 1's or row 2's may be empty;
    # every row of the page handed a box so is in doubt.
    t_all = [_row(1, d1, t1, e1), _row(1, d1, t1, e1), _row(1, d2, t1, e2)]
    assert doubt_unshared_groups(t_all, ["group", "group", "group"]) == [UNSHARED_GROUP] * 3
    # Rows printing their own dates under one 説明 box; a row of another page is left alone.
    own = [_row(1, d1, t1, e1), _row(1, d2, t1, e1), _row(2, CellLine("R5.1.1", 2, 1), t2, e2)]
    assert doubt_unshared_groups(own, ["segment", "segment", "one"]) == [UNSHARED_GROUP] * 2 + ["one"]
