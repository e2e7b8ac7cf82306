"""Cells a row of boxed text (pdfminer, plain pdftotext) emitted whole in row order holds in its
own run of boxes: a doubt on how such a cell was handed out is taken back
(normalize/row_doubts.cells_in_own_run, spare_cells_in_own_run; issues 10 and 12, boxes44)."""

from __future__ import annotations

from piatable.models import Doubt
from piatable.normalize.boxes import lines_to_boxes
from piatable.normalize.columnar import column_order_rows
from piatable.normalize.row_doubts import (
    ORDER_ALONE,
    UNSHARED_GROUP,
    cells_in_own_run,
    rows_in_row_order,
    spare_cells_in_own_run,
)

from .test_columnar import box_lines
from .test_row_order_boxes import ROWS

SIX = {"change_date", "item", "before", "after", "timing", "explanation"}


def _read(boxes: list[list[str]]):  # type: ignore[no-untyped-def]
    lines, gaps = box_lines(boxes)
    return column_order_rows(lines, gaps), lines_to_boxes(lines, gaps)


def test_every_cell_of_a_row_emitted_whole_in_row_order_is_in_its_own_run():
    rows, boxes = _read(ROWS)
    ordered = rows_in_row_order(rows, boxes, [])
    assert ordered == [True, True, True]
    assert cells_in_own_run(rows, boxes, ordered) == [frozenset(SIX)] * 3


def test_rows_not_in_row_order_have_no_cells_in_their_own_run():
    rows, boxes = _read(ROWS)
    assert cells_in_own_run(rows, boxes, [True, False, True])[1] == frozenset()


def test_a_box_shared_with_the_row_above_is_not_in_the_rows_own_run():
    rows, boxes = _read(ROWS)
    # The second row given the first row's explanation box (a merged 説明 over both).
    rows[1].cells["explanation"] = list(rows[0].cells["explanation"])
    got = cells_in_own_run(rows, boxes, [True, True, True])
    assert "explanation" in got[0] and "explanation" not in got[1]


def test_doubts_on_cells_in_the_own_run_are_taken_back_and_the_others_kept():
    rows, _ = _read(ROWS)
    for r in rows:
        r.doubts.append(Doubt("column_guess", "change_date", ORDER_ALONE))
    fill_how = {
        "change_date": ["segment_guess"] * 3,
        "timing": ["one"] * 3,
        "explanation": [UNSHARED_GROUP] * 3,
    }
    in_run = [frozenset(SIX), frozenset({"item"}), frozenset()]
    spare_cells_in_own_run(rows, fill_how, in_run)
    assert fill_how["change_date"] == ["segment", "segment_guess", "segment_guess"]
    assert fill_how["explanation"] == ["group", UNSHARED_GROUP, UNSHARED_GROUP]
    assert [any(d.why == ORDER_ALONE for d in r.doubts) for r in rows] == [False, True, True]


def test_a_date_shared_with_the_row_above_is_borne_out_when_its_run_prints_none():
    # The second row prints no date of its own (a merged 変更日): it shares the last date box
    # printed before its run, as the order says.
    boxes = [list(b) for b in ROWS]
    del boxes[6]  # the second row's date
    rows, got_boxes = _read(boxes)
    assert len(rows) == 3
    rows[1].cells["change_date"] = list(rows[0].cells["change_date"])
    assert "change_date" in cells_in_own_run(rows, got_boxes, [True, True, True])[1]
    # Given the date box of the row before last while its run prints its own, it is not; nor
    # when a box no row took stands in its run (a date left over?).
    rows[2].cells["change_date"] = list(rows[0].cells["change_date"])
    assert "change_date" not in cells_in_own_run(rows, got_boxes, [True, True, True])[2]
    rows[1].cells["explanation"] = []
    assert "change_date" not in cells_in_own_run(rows, got_boxes, [True, True, True])[1]
