"""Columns printed in another order than the form's (issue 11, normalize/grid/column_order.py):
a template that puts 変更日 on the right, 提出時期 before 変更前, or the explanation before 提出時期
is read by its labels, in the text-layer PDF and in its ``pdftotext -layout`` text
(samples/office-colhead17, made by ``tools/make_outsider_tables.py --set office-colhead17``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.grid.column_order import ColumnMove, printed_roles
from piatable.normalize.grid.labels import Header

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-colhead17"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def test_printed_roles_reads_the_order_of_six_labels() -> None:
    # 変更日 printed on the right: 項目 | 変更前 | 変更後 | 提出時期 | 説明 | 変更日.
    spans = {1: (0, 10), 2: (20, 30), 3: (40, 50), 4: (60, 65), 5: (70, 80), 0: (90, 95)}
    assert printed_roles(Header(0, 1, spans)) == (1, 2, 3, 4, 5, 0)
    # The form's order, or a label missing: nothing to move.
    canonical = {k: (10.0 * k, 10.0 * k + 5) for k in range(6)}
    assert printed_roles(Header(0, 1, canonical)) is None
    # A label read twice (提出時 and its 期 drifted left of 変更後, samples/office5 wcentre-t2):
    # its place is in doubt, so the order is not read from the row.
    assert printed_roles(Header(0, 1, spans, frozenset({4}))) is None
    del spans[3]
    assert printed_roles(Header(0, 1, spans)) is None


def test_a_move_keeps_each_column_width_in_the_forms_order() -> None:
    # 提出時期 (width 5) printed between 項目 and 変更前: it moves right of 変更後.
    move = ColumnMove((0, 1, 4, 2, 3, 5), (0.0, 10.0, 30.0, 35.0, 55.0, 75.0, 90.0))
    assert move.shifts() == [0.0, 0.0, 40.0, -5.0, -5.0, 0.0]
    assert "提出時期 | 変更前の記載" in move.note()


CASES = sorted(p.parent for p in SET.glob("*/input.pdf"))


@pytest.mark.parametrize("kind", ["input.pdf", "layout"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reordered_columns_are_read_by_their_labels(case: Path, kind: str) -> None:
    path = (
        case / "input.pdf"
        if kind == "input.pdf"
        else case.with_name(case.name + "-pdftotext-layout") / "input.txt"
    )
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(path)
    got = [r.to_dict() for r in res.records]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        for name in FIELDS:
            assert _squash(g[name]) == _squash(e[name]), (path, e["row_index"], name)
    assert any("each was read by its label" in n for n in res.notes)
