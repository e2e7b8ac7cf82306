"""Boxed text (pdfminer, plain pdftotext) that also reads in Calc's two-pass order: the reading
that leaves fewer date / 提出時期 lines in no row with cells is kept, and on a tie the rows the
other reading reads otherwise are flagged (normalize/reading_choice.py; issue 10, boxes46).

Every case is a committed text of a LibreOffice-made tuning table (tools/make_*_samples.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.normalize.reading_choice import flag_undecided
from piatable.normalize.stream import UNDECIDED_WHY

from .conftest import SAMPLES, SIX
from .text_checks import cell_text, read_sample

RAW_OF = {"change_date": "change_date_raw"}


def _squashed(record: dict, key: str) -> str:
    return "".join(str(record[RAW_OF.get(key, key)] or "").split())


@pytest.mark.parametrize(
    ("case", "timings_left"),
    [
        # Calc, pdfminer: a date column, then a 提出時期 column of boxes of their own.
        ("office-boxes44/b44-calc-v5-pdfminer", 7),
        # Writer, pdfminer: the same shape from a Writer table.
        ("office-boxes44/b44-writer-v2-pdfminer", 7),
        # Calc with the 提出時期 merged over rows: two of five printed timings were left.
        ("office-boxes44/b44-calc-v3-pdfminer", 2),
    ],
)
def test_timings_left_in_rows_of_their_own_choose_the_column_order_reading(case: str, timings_left: int):
    result, truth = read_sample(case)
    assert result.column_order
    # The note says why the two-pass reading was not kept, with what the text showed.
    note = next(n for n in result.notes if "column by column" in n)
    assert f"read in two passes, 0 date and {timings_left} 提出時期 lines were in no row with cells" in note
    assert note.endswith("read column by column, 0 and 0)")
    # One row per printed row, each with its own date and timing (read in two passes: a row per
    # timing holding nothing else, and rows of items without a timing).
    assert len(result.rows) == len(truth)
    for row, want in zip(result.rows, truth, strict=True):
        assert cell_text(row, "change_date") == _squashed(want, "change_date")
        assert cell_text(row, "timing") == want["timing"]
        assert cell_text(row, "item") == _squashed(want, "item")


def test_the_column_order_reading_of_a_calc_table_is_right_cell_for_cell():
    result, truth = read_sample("office-boxes44/b44-calc-v3-pdfminer")
    got = [tuple(cell_text(r, k) for k in SIX) for r in result.rows]
    assert got == [tuple(_squashed(t, k) for k in SIX) for t in truth]


def test_a_tie_keeps_the_two_pass_reading_and_flags_what_the_readings_read_otherwise():
    # Plain pdftotext of a Calc table printing 提出時期 before its explanation: both readings give
    # every date and timing a row with cells, so the text does not tell them apart.  The two-pass
    # reading is kept (as before) and its rows, all wrong in some cell, are said to be a guess.
    result, truth = read_sample("office-colorder18/co18-calc-3-pdftotext")
    assert not result.column_order
    assert any("each page gives its one-line cells" in n for n in result.notes)
    assert [cell_text(r, "change_date") for r in result.rows] == [_squashed(t, "change_date") for t in truth]
    assert [cell_text(r, "timing") for r in result.rows] == [t["timing"] for t in truth]
    for row in result.rows:
        undecided = [d for d in row.doubts if d.kind == "column_guess" and d.why.startswith(UNDECIDED_WHY)]
        assert len(undecided) == 1
        assert undecided[0].why.endswith(
            "0 date and 0 提出時期 lines were in no row with cells; read column by column, 0 and 0"
        )


def test_rows_both_readings_agree_on_are_not_flagged():
    result, _ = read_sample("office-colorder18/co18-calc-3-pdftotext")
    before = [len(r.doubts) for r in result.rows]
    assert flag_undecided(result.rows, result.rows, "same reading") == 0
    assert [len(r.doubts) for r in result.rows] == before


def test_row_ordered_boxed_text_is_not_read_in_two_passes():
    # A Writer table's pdfminer text whose rows come out in order: two-phase finds no order in it
    # and the choice between the in-order and column-order readings is as before.
    result, truth = read_sample("office-boxes44/b44-writer-v1-pdfminer")
    assert not any("each page gives its one-line cells" in n for n in result.notes)
    assert len(result.rows) == len(truth)


def test_the_new_sets_are_registered_for_measuring():
    tools = Path(__file__).resolve().parent.parent / "tools"
    names = (tools / "eval_office.py").read_text("utf-8")
    assert '"office-boxes46"' in names and '"heldout-boxes46"' in names
    assert (SAMPLES / "office-boxes46" / "b46-calc-v5-pdfminer" / "input.txt").exists()
