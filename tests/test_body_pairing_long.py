"""The column-order pairing on long texts (issue 10): runs of empty rows are capped between two
boxes but not after the last, and the garbage collector is left as it was."""

import gc

from piatable.models import CellLine
from piatable.normalize.body_pairing import pair_cells
from piatable.text_thresholds import EMPTY_ROW_RUN_MAX


def _box(text: str, page: int = 1) -> list[CellLine]:
    return [CellLine(text, page, 1)]


def test_rows_after_the_last_box_are_empty_however_many():
    # Two boxes, many more rows than the cap: one row gets the pair, every other row is empty
    # (the end stays reachable however long the run of empty rows after the boxes).
    n = EMPTY_ROW_RUN_MAX * 3
    bodies = [_box("番号法第９条第１項"), _box("番号法第９条第２項")]
    got = pair_cells(bodies, [set() for _ in range(n)], None)
    assert len(got.cells) == n
    assert got.cells.count((bodies[0], bodies[1])) == 1
    assert got.cells.count((None, None)) == n - 1
    assert not got.skipped


def test_pairs_follow_the_boxes_order_over_a_long_run_of_rows():
    # 120 rows of before/after pairs: every pair is found, in order (the search stays near-linear).
    n = 120
    bodies = []
    for k in range(n):
        bodies += [_box(f"第{k}条の規定による事務"), _box(f"第{k}条の規定による事務及び関連事務")]
    got = pair_cells(bodies, [set() for _ in range(n)], None)
    assert [c[0][0].text for c in got.cells] == [f"第{k}条の規定による事務" for k in range(n)]
    assert [c[1][0].text for c in got.cells] == [f"第{k}条の規定による事務及び関連事務" for k in range(n)]


def test_the_garbage_collector_is_left_as_it_was():
    bodies = [_box("変更前"), _box("変更後")]
    assert gc.isenabled()
    pair_cells(bodies, [set()], None)
    assert gc.isenabled()
    gc.disable()
    try:
        pair_cells(bodies, [set()], None)
        assert not gc.isenabled()
    finally:
        gc.enable()
