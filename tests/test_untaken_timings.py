"""Rows of a page whose pass 1 printed more timings than pass 2 opened rows are doubted
(normalize/untaken_timings.py; issues 10 and 12, branch raw49).  Real texts of
samples/office-raw49 (LibreOffice Calc, 項目 merged over two or three rows, made by
tools/make_raw49_samples.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.untaken_timings import UNTAKEN_TIMINGS_MIN, doubt_untaken_timings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_rows_of_a_page_whose_merged_items_swallowed_rows_are_warned(tool):
    path = ROOT / "samples" / "office-raw49" / f"r49-item-juki-{tool}" / "input.txt"
    recs = extract_document(path).records
    doubted = [r for r in recs if any("more 提出時期 among" in e for e in r.to_dict()["evidence"])]
    assert len(doubted) >= 2
    for r in doubted:
        assert "row_split_guess" in r.flags
        assert r.confidence < 0.5
    # The first row's own one-line cells are still read (nothing dropped).
    assert recs[0].before == "市民部市民課長"
    assert recs[0].after == "市民生活部市民課長"


def test_one_untaken_timing_alone_doubts_no_row():
    row = RawRow()
    doubt_untaken_timings([row], [CellLine("事後", 1, 4)])
    assert not row.doubts and row.confidence == 1.0
    rest = [CellLine("事後", 1, 4), CellLine("R5.4.1", 1, 5), CellLine("事前", 1, 5)]
    assert sum(cl.text.startswith("事") for cl in rest) >= UNTAKEN_TIMINGS_MIN
    doubt_untaken_timings([row], rest)
    assert [d.kind for d in row.doubts] == ["row_split_guess"]
    assert "2 more 提出時期" in row.doubts[0].why
