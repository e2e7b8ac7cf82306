"""Branch cellsplit58 (issues 10 / 12): one cell's paragraphs printed apart in layout text are not
read as rows under a merged 項目 (normalize/grid/pair_rows.py).  Committed samples made by
``tools/make_cellsplit58_samples.py`` (LibreOffice Writer and Calc; ``samples/office-cellsplit58``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.normalize.confidence import INFORMATIONAL
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.pair_rows import SPLIT_GUESS_WHY, pair_rows

from .conftest import text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-cellsplit58"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def _right(rec, want: dict) -> bool:
    return all(_squash(getattr(rec, f)) == _squash(want[f]) for f in FIELDS)


@pytest.mark.parametrize("tool", ["pdftotext-layout", "pdfplumber-layout", "pdftotext-layout+nl"])
def test_centred_cells_beside_top_items_are_read_whole(tool):
    # cs58-writer-centre: 変更日 / 項目 at the top, the other cells centred; a line of another
    # column prints between two lines of one cell, a blank line in its column.  Every row is one
    # row, whole and unwarned (the base cut a cell whose line ran on, 識 / 別する…, into rows).
    records, truth = text_case(SAMPLES / f"cs58-writer-centre-{tool}")
    assert len(records) == len(truth) == 5
    assert all(_right(r, t) for r, t in zip(records, truth, strict=True))
    assert not {f for r in records for f in r.flags} - INFORMATIONAL


def test_a_spaced_list_in_one_cell_is_one_row_beside_rows_under_a_merged_item():
    # cs58-writer-spacepairs: Writer, each cell paragraph 3-6 pt apart.  Row 1's before / after
    # hold a lead sentence and a list (1)… (2)… (3)…, each paragraph under a blank line: one row
    # (the base read (1) and (2) as rows of their own).  Rows 3-4 share a merged 項目 / 提出時期 /
    # 説明: still read apart.
    records, truth = text_case(SAMPLES / "cs58-writer-spacepairs-pdftotext-layout")
    assert _right(records[1], truth[1])
    assert "(2)保険給付に関する事務" in _squash(records[1].before)
    assert not set(records[1].flags) - INFORMATIONAL
    for k in (3, 4):
        assert _right(records[k], truth[k])
        assert "merged_cell_filled" in records[k].flags


def _line(text: str, top: float, wraps: bool = False) -> Line:
    ln = Line([], text, 0.0, float(len(text) * 2), top, top + 1.0, 1, int(top), None)
    ln.wraps_on = wraps
    return ln


def _row(before_wraps: bool, after_wraps: bool) -> dict[int, list[Line]]:
    """A row of layout text: 項目 at the top, 変更前 / 変更後 each a line, a blank line, a line."""
    return {
        0: [_line("2021/4/1", 0)],
        1: [_line("Ⅰ基本情報", 0), _line("②部署", 1)],
        2: [_line("市民課の事務を所管する部署", 0, before_wraps), _line("として記載する。", 2)],
        3: [_line("市民窓口課の事務を所管する部署", 0, after_wraps), _line("として記載する。", 2)],
        4: [_line("事後", 0)],
        5: [_line("組織改正", 0)],
    }


def test_a_block_every_body_column_runs_on_into_is_no_row():
    assert len(pair_rows(_row(True, True), 1.0)) == 1


def test_a_block_one_body_column_runs_on_into_is_a_row_in_doubt():
    pieces = pair_rows(_row(True, False), 1.0)
    assert [why for _, why in pieces] == [None, SPLIT_GUESS_WHY]


def test_a_block_no_body_column_runs_on_into_is_a_row():
    pieces = pair_rows(_row(False, False), 1.0)
    assert [why for _, why in pieces] == [None, None]
    assert pieces[1][0][2][0].text == "として記載する。"
