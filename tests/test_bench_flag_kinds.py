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


def test_flag_sources_counts_each_check_of_a_flag_apart():
    """``tools/flag_sources.py`` (branch calib66): a flag raised by two checks is counted per
    check (told by its evidence line's first words, numbers and quotes folded), with the rows
    it is the only warning of."""
    from flag_sources import check_of, tally

    why = "a printed date line on this row's page was taken by no row: 「令和5年4月1日」"
    assert check_of(why) == check_of(why.replace("令和5年4月1日", "2024/1/1"))
    rows = [
        {
            "case": "samples/x/a",
            "status": "right",
            "confidence": 0.7,
            "flags": ["row_split_guess"],
            "evidence": [f"row_split_guess: {why}"],
        },
        {
            "case": "samples/x/a",
            "status": "wrong",
            "confidence": 0.7,
            "flags": ["row_split_guess", "column_guess"],
            "evidence": [
                f"row_split_guess: {why}",
                "item: column_guess: an item heading holds a second value",
            ],
        },
        {
            "case": "samples/heldout-x/a",
            "status": "right",
            "confidence": 0.9,
            "flags": ["row_split_guess"],
            "evidence": ["row_split_guess: its item runs on over the page break"],
        },
    ]
    out = tally(rows, "no")
    key = ("row_split_guess", check_of(why))
    assert out[key] == {"right": 1, "right_only": 1, "wrong": 1}
    assert out[("column_guess", check_of("an item heading holds a second value"))]["wrong"] == 1
    assert not any("runs on" in k[1] for k in out)  # held out: left out with --heldout no
