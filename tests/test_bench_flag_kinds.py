"""tools/bench_calibration.py's per-flag, per-input-kind table (issue 12: which warnings fire on
right rows, and which wrong rows a flag alone keeps warned)."""

from __future__ import annotations

import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from bench_calibration import RowOutcome, flag_kind_hits


def _row(kind: str, right: bool, flags: list[str], confidence: float = 0.8) -> RowOutcome:
    return RowOutcome("c", "f", kind, 0, 0, [] if right else ["item"], False, confidence, flags)


def test_flag_kind_hits_counts_rows_and_sole_warnings_per_kind():
    rows = [
        _row("text -layout", True, ["duplicate_row"]),  # its only warning
        _row("text -layout", True, ["duplicate_row", "column_guess"]),
        _row("text -layout", False, ["duplicate_row", "row_continued", "truncated:after"]),  # only
        _row("pdf", False, ["duplicate_row"], confidence=0.3),  # low confidence warns it too
        _row("pdf", True, ["merged_cell_filled"], confidence=0.4),  # informational: no flag row
    ]
    got = flag_kind_hits(rows)
    assert got["duplicate_row"]["text -layout"] == {"right": 2, "right_only": 1, "wrong": 1, "wrong_only": 1}
    assert got["duplicate_row"]["pdf"] == {"right": 0, "right_only": 0, "wrong": 1, "wrong_only": 0}
    assert got["column_guess"]["text -layout"]["right_only"] == 0
    assert got["(confidence < 0.5)"] == {"pdf": {"right": 1, "right_only": 0, "wrong": 0, "wrong_only": 0}}
    assert "merged_cell_filled" not in got and "row_continued" not in got
