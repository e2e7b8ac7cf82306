"""A column-ordered row's own run of boxes settles its page's doubts for it (issues 10 and 12,
branch column16): normalize/row_doubts.py ``excess_how`` and ``bodies_in_own_run``."""

from __future__ import annotations

from piatable.models import CellLine, RawRow
from piatable.normalize.boxes import Box
from piatable.normalize.row_doubts import SURE_FILLS, bodies_in_own_run, excess_how, row_doubts


def _box(*texts: str) -> Box:
    return Box([CellLine(t, page=1) for t in texts])


def _row(item: Box, before: Box | None, after: Box | None, expl: Box | None) -> RawRow:
    row = RawRow()
    row.cells["item"] = list(item.lines)
    row.cells["before"] = list(before.lines) if before else []
    row.cells["after"] = list(after.lines) if after else []
    row.cells["explanation"] = list(expl.lines) if expl else []
    return row


def test_an_excess_box_in_its_rows_own_run_is_local():
    # Extractor order: item0, expl0, item1, expl1, extra expl, item2 — three explanation boxes
    # for two rows whose item boxes are 0 and 2 (the next row's at 5).
    boxes = [_box("Ⅰ基本情報"), _box("組織改正による修正"), _box("Ⅱ概要")]
    boxes += [_box("法改正に伴う修正"), _box("重大な変更に該当しない"), _box("Ⅲ措置")]
    pos = {id(b): k for k, b in enumerate(boxes)}
    order = [0, 2, 5]
    avail = [boxes[1], boxes[3], boxes[4]]
    assert excess_how(boxes[1], 0, avail, order, pos) == "excess_local"
    # Row 1's run (2..5) holds two explanation boxes: the order alone decided.
    assert excess_how(boxes[3], 1, avail, order, pos) == "excess"
    # A box handed by order that is not the one in the row's run.
    assert excess_how(boxes[3], 0, avail, order, pos) == "excess"
    # The last row: no next item bounds its run.
    assert excess_how(boxes[4], 2, avail, order, pos) == "excess"
    assert "excess_local" in SURE_FILLS and "excess" not in SURE_FILLS


def test_rows_whose_cells_lie_whole_in_their_own_run_are_local():
    b = [
        _box("Ⅰ基本情報"),  # 0 item of row 0
        _box("市民課"),  # 1
        _box("市民窓口課"),  # 2
        _box("組織改正による修正"),  # 3
        _box("Ⅱ概要"),  # 4 item of row 1
        _box("保険年金課", "国保年金課"),  # 5: one box holding row 1's before and after
        _box("法改正に伴う修正"),  # 6
        _box("余りの箱"),  # 7: a box the pairing left over
        _box("Ⅲ措置"),  # 8 item of row 2
    ]
    order = [0, 4, 8]
    rows = [
        _row(b[0], b[1], b[2], b[3]),
        _row(b[4], Box(b[5].lines[:1]), Box(b[5].lines[1:]), b[6]),
        _row(b[8], None, None, None),
    ]
    local = bodies_in_own_run(rows, b, order, [b[7].lines])
    # Row 0: whole boxes in its run.  Row 1: a box left over in its run.  Row 2: no next item.
    assert local == [True, False, False]
    # Without the left-over box row 1's cells are still whole boxes in its run.
    assert bodies_in_own_run(rows, b, order, []) == [True, True, False]
    # A cell cut out of a longer box is not whole.
    rows[0].cells["after"] = [b[5].lines[1]]
    assert bodies_in_own_run(rows, b, order, [])[0] is False


def test_page_doubts_are_spared_only_as_told():
    fills = {"explanation": ["excess_local", "excess"]}
    why0, _ = row_doubts(fills, 0, ("pair", 3.0, False), False, False, False)
    why1, _ = row_doubts(fills, 1, ("pair", 3.0, False), False, False, False)
    assert why0 == ""
    assert "more boxes than rows" in why1
