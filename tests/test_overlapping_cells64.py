"""Layout text whose neighbouring cells overlap, or whose cell line swallowed an empty neighbour's
text, warns the row (``normalize/grid/overlapping_cells.py``).

The texts are set XXV's (session 63's tuning set): ``t04`` (python-docx, a very narrow 変更前 of
unequal widths) through pdfplumber ``layout=True`` and pypdf's layout mode, where the 変更前's
wrapped ``項　別表第一の１`` printed its full-width space as a gap and ``別表第一の１`` was read into
the 変更後; ``t05`` (a very narrow 項目) through pypdf's layout mode, where the 変更前's only line
was read into the 項目's first line (``Ⅰ基本情デジタル推進部デジタル推進課報``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.overlapping_cells import OVERLAP_MIN_CHARS, overlap_doubts, swallowed_doubts
from piatable.pipeline import extract_document

DATA = Path(__file__).parent / "data" / "layout64"


def _line(text: str, x0: float, line_no: int, gap_joined: str = "", left: float | None = None) -> Line:
    ln = Line([], text, x0, x0 + 2 * len(text), 0.0, 1.0, 1, line_no, None, left=x0 if left is None else left)
    ln.gap_joined = gap_joined
    return ln


def test_a_line_opening_inside_the_previous_cells_text_is_doubted():
    before = [_line("番号法第９条第１", 49, 1), _line("項", 54, 2), _line("６の項", 49, 3)]
    after = [_line("番号法第９条第１項", 69, 1, left=66), _line("別表第一の１", 58, 2, left=66)]
    doubts = overlap_doubts({2: before, 3: after})
    assert list(doubts) == ["after"]
    assert "別表第一の１" in doubts["after"]


def test_cells_side_by_side_are_not_doubted():
    before = [_line("番号法第９条第１", 49, 1), _line("項", 49, 2)]
    # A line a character or two left of the previous cell's end is the extractor's rounding.
    after = [_line("番号法第９条第１項", 69, 1), _line("別表の２４の項", 65 + 1 - OVERLAP_MIN_CHARS + 0.5, 2)]
    assert overlap_doubts({2: before, 3: after}) == {}
    # The previous column's piece on the same text line stands left of the gap by construction.
    assert overlap_doubts({2: [_line("短い", 49, 1)], 3: [_line("長い", 51, 1)]}) == {}
    # A line of the previous cell running wide over a line standing at its own column's start
    # (half-width letters in pdfplumber's layout text): the previous line's, not this one's.
    wide = [_line("・サーバは庁舎内の電算室に設置し、入退室管理（ICカー", 30, 2)]
    assert overlap_doubts({2: wide, 3: [_line("・ガバメントクラウドにおいては", 76, 1, left=76)]}) == {}


def test_a_line_joined_across_a_gap_beside_an_empty_cell_is_doubted():
    item = [_line("Ⅰ 基本情デジタル推進部デジタル推進課", 11, 1, gap_joined="デジタル推進部デジタル推進課")]
    after = [_line("総務部情報政策課", 46, 1)]
    assert list(swallowed_doubts({1: item, 3: after})) == ["item"]
    # With its 変更前 printed, a gap inside the 項目's line is the item's own (a full-width space).
    assert swallowed_doubts({1: item, 2: [_line("記載なし", 20, 1)], 3: after}) == {}


@pytest.mark.parametrize("name", ["xxv_t04.plumber_layout.txt", "xxv_t04.pypdf_layout.txt"])
def test_the_narrow_before_cells_lost_line_is_warned(name):
    records = extract_document(DATA / name).records
    row = next(r for r in records if r.before.startswith("番号法第９条第１項"))
    # Read right, or the row says it is unsure.
    assert "別表第一の１" in row.before.replace("\n", "") or "column_guess" in row.flags


def test_the_narrow_items_swallowed_before_is_warned():
    records = extract_document(DATA / "xxv_t05.pypdf_layout.txt").records
    # Each row whose 項目 holds its 変更前's text, or whose 変更前 is empty, is warned.
    doubtful = [r for r in records[1:] if "デジタル推進部" in r.item or "記載なし" in r.item or not r.before]
    assert doubtful

    assert all("column_guess" in r.flags or r.confidence < 0.5 for r in doubtful)
