"""page_fill.page_break_fill_doubts on rows whose date group has no row with lines of its own
(a KeyError there failed a whole pypdfium2 input of an unseen set, session 44)."""

from __future__ import annotations

from piatable.models import CellLine, RawRow
from piatable.normalize.page_fill import page_break_fill_doubts


def _row(date: list[tuple[int, int]], own: list[tuple[int, int]], filled: bool = False) -> RawRow:
    row = RawRow()
    row.cells["change_date"] = [CellLine("2023/4/1", p, n) for p, n in date]
    row.cells["item"] = [CellLine("Ⅰ基本情報", p, n) for p, n in own]
    if filled:
        row.flags.append("merged_cell_filled")
    return row


def test_a_next_date_held_by_no_row_with_lines_of_its_own_is_no_error():
    # Row 0 prints its date; row 1 takes it (filled) and stands below it on page 1; the next
    # date, on page 2, is held by a row whose own cells are empty (read into other rows), and
    # the row after it opens page 2.
    rows = [
        _row([(1, 10)], [(1, 10), (1, 11)]),
        _row([(1, 10)], [(1, 14), (1, 15)], filled=True),
        _row([(2, 61)], []),
        _row([(2, 62)], [(2, 64), (2, 65)]),
    ]
    out = page_break_fill_doubts(rows)
    assert len(out) == 4
    assert out[2] == [] and out[3] == []
