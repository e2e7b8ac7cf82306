"""Calc sheets with records over two sheet rows and two tables sharing sheet rows (branch sheet72,
set XXXIII w04 / w06; samples/office-sheet72, tools/make_sheet72_samples.py).

- A sheet row printing only the rest of the record above's 項目 (its last heading; with its 説明's
  last paragraph, now and then the rest of 変更前 / 変更後), no 変更日 nor 提出時期, is that
  record's (normalize/grid/continued_rows.py).
- A ``-layout``-like text of two tables side by side is cut between them at columns counted in
  characters, as the extractor set its pieces (normalize/grid/layout_halves.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.models import PageWords
from piatable.normalize.grid.continued_rows import continuation_of
from piatable.normalize.grid.layout_halves import GUESS, split_layout_halves
from piatable.pipeline import extract_document

from .test_split_rows69 import FIELDS, SAMPLES, _expected, _row, _squash

SHEET = SAMPLES / "office-sheet72"


def _all_right(path: Path, expected: list[dict]) -> list:
    result = extract_document(path)
    assert len(result.records) == len(expected)
    for got, want in zip(result.records, expected, strict=True):
        for f in FIELDS:
            assert _squash(getattr(got, f)) == _squash(want[f]), (f, got.item)
    return result.records


@pytest.mark.parametrize("case", ["sh72-cont-1", "sh72-cont-3"])
def test_pdf_joins_the_item_rest_printed_in_the_next_sheet_row(case: str) -> None:
    """Calc PDFs (番号 | 変更日 | 項目 | … | 備考, and 項目 | 変更日 | 提出時期 | … | 備考) whose
    records go on in the next sheet row with their item's last headings, their explanation's
    last paragraph and the rest of a 変更後 list (``［○］…``) or its ``上記を新規追加``: one
    record per change, every field right, no row a guess by the join."""
    records = _all_right(SHEET / case / "input.pdf", _expected(SHEET / case))
    assert not any("row_split_guess" in r.flags and r.confidence < 0.5 for r in records)


ABOVE = _row(
    "2018年2月16日",
    "Ⅱ特定個人情報ファイルの概要\n２．基本情報",
    "［○］紙",
    "［○］紙\n［○］専用線",
    "事前",
    "記載内容の適正化",
)


def test_item_rest_without_a_change_is_joined_and_settled() -> None:
    """No date, timing, 変更前 nor 変更後: the item's last heading (and the explanation's last
    paragraph) belong to the row above; the text settles it (no change prints neither side)."""
    assert continuation_of(_row("", "③対象となる本人の数", "", "", "", ""), ABOVE) == ([1], True)
    rest = _row("", "③対象となる本人の数", "", "", "", "（評価の再実施によるもの）")
    assert continuation_of(rest, ABOVE) == ([1, 5], True)


def test_item_rest_with_sides_is_settled_only_when_each_side_goes_on() -> None:
    """A 変更後 going on with the list mark above (or only ``上記を新規追加``) settles the join;
    a 変更後 opening afresh is joined in doubt; a part of the form (Ⅱ…) or a row under merged
    cells (values filled in) is a row of its own."""
    listing = _row("", "②入手方法", "", "［○］庁内連携システム", "", "")
    assert continuation_of(listing, ABOVE) == ([1, 3], True)
    mark = _row("", "②入手方法", "", "上記を新規追加", "", "")
    assert continuation_of(mark, ABOVE) == ([1, 3], True)
    fresh = _row("", "②入手方法", "", "住民基本台帳ネットワークシステム", "", "")
    assert continuation_of(fresh, ABOVE) == ([1, 3], False)
    part = _row("", "Ⅲリスク対策", "", "", "", "")
    assert continuation_of(part, ABOVE) is None
    merged = _row(
        "2018年2月16日", "②入手方法", "紙", "電子申請", "事前", "記載内容の適正化", ["merged_cell_filled"]
    )
    assert continuation_of(merged, ABOVE) is None


@pytest.mark.parametrize("case", ["sh72-side-7-pdftotext-layout", "sh72-side-10-pdftotext-layout"])
def test_layout_text_of_tables_sharing_sheet_rows_reads_both(case: str) -> None:
    """pdftotext -layout of two Calc tables side by side (the right block's pieces set 30 display
    columns apart from one line to the next, by the kanji of the left block's line; a narrow
    変更日 label one space from 項目): every row of both tables right, none a guess."""
    records = _all_right(SHEET / case / "input.txt", _expected(SHEET / case))
    assert not any("column_guess" in r.flags for r in records)


def _page(lines: list[str]) -> PageWords:
    """Words of ``lines`` as text_to_pages gives a layout text's: display columns."""
    from piatable.extract.text import text_to_pages

    return text_to_pages("\n".join(lines), layout=True)[0]


def _at(*pieces: tuple[int, str]) -> str:
    """A line with each text starting at its character column (as pdftotext sets them)."""
    line = ""
    for col, text in pieces:
        line += " " * (col - len(line)) + text
    return line


LABEL_ROW = [(0, "変更日"), (8, "項目"), (18, "変更前"), (28, "変更後"), (38, "提出時期"), (46, "説明")]


def _right(row: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(col + 60, text) for col, text in row]


def test_blocks_cut_at_character_counted_columns() -> None:
    """A right block's date set at the same character column on every line lands in the right
    block though the left block's kanji push it 15 display columns right on one line; a word
    starting by the block's start makes the page's words a guess."""
    row = [
        (0, "R6.4.1"),
        (8, "第一項目の記載"),
        (18, "前の記載"),
        (28, "後の記載"),
        (38, "事後"),
        (46, "修正のため"),
    ]
    lines = [
        _at(*LABEL_ROW, *_right(LABEL_ROW)),
        _at(*row, *_right(row)),
        _at(*_right(row)),
    ]
    pages, notes = split_layout_halves([_page(lines)])
    assert len(pages) == 2 and notes
    right = sorted((w for w in pages[1].words if w.text.startswith("R6")), key=lambda w: w.top)
    assert len(right) == 2 and right[0].x0 == right[1].x0
    assert not any(w.guess for p in pages for w in p.words)
    torn = [*lines, _at((55, "ＡＢ"))]
    pages, _ = split_layout_halves([_page(torn)])
    assert all(w.guess == GUESS for p in pages for w in p.words)
