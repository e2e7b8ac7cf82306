"""Readings of column-ordered text (plain pdftotext, pdfminer) that scored as sure while their
cells were a row off are warned (normalize/pairing_doubts.py; session 51, set XII's FAULTS.md
kind 8).  Real committed texts, the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from piatable import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(name: str) -> tuple[list[dict], list[dict]]:
    folder = SAMPLES / name
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return [r.to_dict() for r in extract_document(folder / "input.txt").records], expected


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def _why(row: dict) -> str:
    return " ".join(e for e in row["evidence"] if "column_guess" in e)


def test_anchoring_boxes_split_by_a_later_rows_cells_warn_the_rows_they_were_handed_to():
    # Plain pdftotext of a bottom-aligned Calc page emits the two tall rows' timings and
    # explanations before the three short rows' above them; handed out in order, the first
    # rows take the tall rows' explanations.  Row 4's before/after boxes come between row 0's
    # and row 1's explanation boxes: rows 0-4 are warned.
    got, expected = _case("office-plain51/p51-calc-v2-pdftotext")
    assert _squash(got[0]["explanation"]) == _squash("既存住基システムのデータセンターへの移設に伴う修正")
    assert _squash(expected[0]["explanation"]) == _squash("組織改正による役職名の変更")
    for row in got[:5]:
        assert "column_guess" in row["flags"]
        assert "emitted between its page's timing or explanation boxes" in _why(row)
    # The second page's rows, emitted in order, carry no such doubt.
    assert not any("timing or explanation boxes" in _why(row) for row in got[6:])


def test_a_lone_cell_on_its_page_warns_the_rows_paired_around_it():
    # Writer text whose box holds two rows' after cells leaves a row with one cell alone: the
    # other rows of its page were paired a cell off (row 0's after is row 1's 保険年金課長).
    got, expected = _case("colorder/co-writer-2-pdftotext")
    assert got[0]["after"] == "保険年金課長" and expected[0]["after"] == "国保年金課"
    assert "column_guess" in got[0]["flags"]
    assert "another row of its page was read with a before or after cell alone" in _why(got[0])


def test_a_deletion_paired_with_a_before_box_emitted_after_it_is_warned():
    # 削除 says the row is a deletion, not which before box is its own: the box emitted after
    # the after cell (a date of another column) is no sure pair.
    got, expected = _case("colorder/co-calc-7-pdftotext")
    row = got[5]
    assert row["after"].endswith("削除") and row["before"] == "令和3年4月1日 時点"
    assert expected[5]["before"] == ""
    assert "emitted after its 削除 after cell" in _why(row)
