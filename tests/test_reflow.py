"""Generalisation: hand-written tables re-flowed at column widths of 10-26 full-width characters.

Besides the seed, two tables written for this test (tests/data/tables/) cover 事前, 削除,
additions, one-line edits, 基礎項目 questions, (1)/ア lists and 【…】 headings; the tables of
samples/tables/ (written for the sample generator) are read the same way.  Each is
re-flowed by an independent wrapper (tests/reflow.py) and read back; the cells must come out right.
"""

from __future__ import annotations

import json

import pytest

import piatable

from .conftest import ROOT, SIX
from .reflow import reflow

TABLES = sorted((ROOT / "tests" / "data" / "tables").glob("*.json")) + sorted(
    p for p in (ROOT / "samples" / "tables").glob("*.json") if p.stem != "seed"
)
# (item and explanation, before and after) widths in full-width characters.
WIDTHS = [(10, 14), (12, 20), (14, 26), (16, 16), (20, 20), (12, 24), (10, 26), (16, 22), (26, 26), (13, 18)]
# Cells right over all widths, per table; measured 91-99% when written, the floor leaves a margin.
FLOOR = 0.88


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.stem)
def test_reflowed_tables_read_back(tmp_path, table):
    rows = json.loads(table.read_text("utf-8"))
    right = total = 0
    wrong = []
    for item_w, body_w in WIDTHS:
        path = tmp_path / f"{item_w}_{body_w}.txt"
        path.write_text(
            reflow(rows, 2 * item_w, 2 * body_w, 2 * item_w, blank_lines=item_w % 2 == 0), encoding="utf-8"
        )
        got = piatable.extract(path)
        assert len(got) == len(rows), (item_w, body_w)
        for k, (g, e) in enumerate(zip(got, rows, strict=True)):
            assert g.change_date == e["change_date"] and g.timing == e["timing"]
            for f in SIX:
                total += 1
                if getattr(g, f) == e[f]:
                    right += 1
                else:
                    wrong.append((item_w, body_w, k, f))
    assert right / total >= FLOOR, wrong
