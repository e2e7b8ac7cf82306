"""変更前 and 変更後 stacked in one column (normalize/stacked_cells.py, branch stacked64; set XXV
t07, FAULTS §2; samples office-stacked64 from tools/make_stacked64_samples.py)."""

from __future__ import annotations

import json

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.grid.unread_pages import unname_page_without_table
from piatable.normalize.stacked_cells import split_stacked, stacked_notes
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-stacked64"


def _row(item: list[str], before: list[str], after: list[str], positioned: bool = False) -> RawRow:
    row = RawRow(positioned=positioned)
    row.cells["item"] = [CellLine(t) for t in item]
    row.cells["before"] = [CellLine(t) for t in before]
    row.cells["after"] = [CellLine(t) for t in after]
    return row


def _texts(row: RawRow, field: str) -> list[str]:
    return [ln.text for ln in row.cells[field]]


@pytest.mark.parametrize(
    ("before_mark", "after_mark"),
    [
        ("変更前：", "変更後："),
        ("変更前:", "変更後:"),
        ("【変更前】", "【変更後】"),
        ("（変更前）", "（変更後）"),
        ("＜変更前＞", "＜変更後＞"),
        ("旧：", "新："),
        ("変 更 前 ：", "変 更 後 ："),  # pdfplumber's spaces between Japanese characters
    ],
)
def test_a_stacked_cell_is_cut_at_its_markers_with_its_lines_kept(before_mark, after_mark):
    row = _row(["Ⅰ基本情報"], [], [f"{before_mark}①賦課", "②徴収", f"{after_mark}①賦課", "②徴収", "③交付"])
    assert split_stacked(row)
    assert _texts(row, "before") == ["①賦課", "②徴収"]
    assert _texts(row, "after") == ["①賦課", "②徴収", "③交付"]
    assert not row.doubts
    assert row.stacked_markers == [before_mark.strip(), after_mark.strip()]


def test_a_marker_alone_on_its_line_and_an_empty_before():
    row = _row(["Ⅰ基本情報"], ["変更前"], ["変更後", "新しい記載"])
    assert split_stacked(row)
    assert _texts(row, "before") == []
    assert _texts(row, "after") == ["新しい記載"]


def test_a_reader_cut_between_the_sides_is_mended():
    """Row-ordered text: the reader cut the stacked cell after the first line of the after side."""
    row = _row(["Ⅰ基本情報"], ["変更前：旧い記載", "変更後：新しい"], ["記載です。"])
    assert split_stacked(row)
    assert _texts(row, "before") == ["旧い記載"]
    assert _texts(row, "after") == ["新しい", "記載です。"]


def test_item_lines_cut_into_the_body_go_back_to_the_item():
    """Text without positions: the item's last line read into the before cell, before the marker."""
    row = _row(["Ⅰ基本情報", "１．事務"], ["②事務の内容", "旧：Ａ"], ["新：Ｂ"])
    assert split_stacked(row)
    assert _texts(row, "item") == ["Ⅰ基本情報", "１．事務", "②事務の内容"]
    assert (_texts(row, "before"), _texts(row, "after")) == (["Ａ"], ["Ｂ"])


def test_positioned_text_left_of_the_marker_stays_and_is_warned():
    """``-layout`` text: a piece the columns put left of the stacked cell is no item line."""
    row = _row(["Ⅰ基本情報"], ["に行う。"], ["変更前：Ａ", "変更後：Ｂ"], positioned=True)
    assert split_stacked(row)
    assert (_texts(row, "item"), _texts(row, "before")) == (["Ⅰ基本情報"], ["に行う。"])
    assert [d.kind for d in row.doubts] == ["column_guess"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (["変更前の記載を改める。"], ["変更後の記載は次のとおり。"]),  # a mention in a sentence
        (["システムの変更前：旧"], ["新しい値"]),  # a marker inside a line
        (["旧システムを廃止"], ["新システム：導入"]),  # 旧 / 新 without a colon or brackets
        ([], []),
    ],
)
def test_text_that_only_mentions_a_side_is_never_cut(before, after):
    row = _row(["Ⅰ基本情報"], before, after)
    assert not split_stacked(row)
    assert (_texts(row, "before"), _texts(row, "after")) == (before, after)
    assert not row.doubts


@pytest.mark.parametrize(
    "cells",
    [
        ([], ["変更後：Ｂのみ"]),  # one marker only
        (["変更後：Ｂ"], ["変更前：Ａ"]),  # the other order
        (["変更前：Ａ", "変更後：Ｂ"], ["変更前：Ｃ", "変更後：Ｄ"]),  # two rows read as one
    ],
)
def test_unexpected_markers_are_read_as_printed_and_warned(cells):
    before, after = cells
    row = _row(["Ⅰ基本情報"], before, after)
    assert split_stacked(row)
    assert (_texts(row, "before"), _texts(row, "after")) == (before, after)
    assert [d.kind for d in row.doubts] == ["column_guess"]
    assert not row.stacked_markers and not stacked_notes([row])


def test_markers_alone_are_no_stacked_cell():
    """A label row read as a row (変更前 / 変更後 labels): nothing is emptied."""
    row = _row([], ["変更前"], ["変更後"])
    assert not split_stacked(row)
    assert (_texts(row, "before"), _texts(row, "after")) == (["変更前"], ["変更後"])


def test_the_note_names_the_rows_and_markers():
    rows = [_row(["Ⅰ"], [], ["変更前：Ａ", "変更後：Ｂ"]), _row(["Ⅰ"], ["旧：Ｃ"], ["新：Ｄ"])]
    for r in rows:
        split_stacked(r)
    (note,) = stacked_notes(rows)
    assert note.startswith("2 rows print 変更前 and 変更後 stacked in one column")
    assert "変更前：、変更後：、旧：、新：" in note


@pytest.mark.parametrize(
    ("notes", "page", "left"),
    [
        (["page 1: no amendment table on it (no dated row printed there; nothing lost)"], 1, []),
        (
            ["pages 1-3: no amendment table on them (no dated row printed there; nothing lost)"],
            2,
            [
                "page 1: no amendment table on it (no dated row printed there; nothing lost)",
                "page 3: no amendment table on it (no dated row printed there; nothing lost)",
            ],
        ),
        (["page 2: no amendment table on it (no dated row printed there; nothing lost)", "other"], 1, None),
    ],
)
def test_a_page_printing_the_labels_is_no_page_without_a_table(notes, page, left):
    """Set XXV t07 (main 7f988dd1): 'page 1: no amendment table on it (… nothing lost)' beside
    'the amendment table's column labels are printed on page 1 but none of its rows could be
    read'; the page is taken out of the first note."""
    before = list(notes)
    unname_page_without_table(page, notes)
    assert notes == (before if left is None else left)


@pytest.mark.parametrize("case", ["s64-chromium-colon", "s64-calc-lenticular", "s64-writer-kyushin"])
def test_the_pdfs_of_a_stacked_table_read_right(case):
    """A label 変更内容（変更前／変更後） or 変更前／変更後 over one column: the grid reads it as the
    after column with an empty before beside it, and the cells are cut at their markers (main
    7f988dd1 read no row of the Calc and Writer PDFs)."""
    folder = SET / case
    result = extract_document(folder / "input.pdf")
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    fields = ("change_date", "item", "before", "after", "timing", "explanation")
    got = [{f: getattr(r, f) for f in fields} for r in result.records]
    assert got == [{f: e[f] for f in fields} for e in expected]
    assert any(n.startswith(f"{len(expected)} rows print 変更前 and 変更後 stacked") for n in result.notes)
