"""Two or three amendment tables side by side with no gap between them (branch sbs73, set XXXIV
w05): samples/office-sbs73 (tools/make_sbs73_samples.py, LibreOffice Calc and Writer).  The PDF
parts the page where the second label set starts (normalize/grid/side_halves.beside_cuts); a
``-layout`` text cuts each line at the blank column before the second set
(normalize/grid/layout_halves.py); a row-ordered text whose label row prints the labels twice
warns every row (normalize/label_order.BESIDE_WHY)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.normalize.grid.layout_halves import GUESS, split_layout_halves
from piatable.normalize.label_order import BESIDE_WHY
from piatable.pipeline import extract_document
from tests.conftest import expected_beside, wrong_cells
from tests.test_sheet72 import _at, _page

SET = Path(__file__).resolve().parent.parent / "samples" / "office-sbs73"


def _all_right(result, case: str) -> None:  # type: ignore[no-untyped-def]
    want = expected_beside(SET / case / "input")
    assert len(result.records) == len(want)
    assert not wrong_cells(result.records, want)


@pytest.mark.parametrize("case", ["sbs73-c-adj-1", "sbs73-c-adj-2", "sbs73-c-three-5"])
def test_tables_side_by_side_with_no_gap_read_left_then_right(case: str) -> None:
    """Calc tables in the same sheet rows with no column between (two, or three; captions or
    none): every row of each table, left table first, no row warned; the note names the tables."""
    result = extract_document(SET / case / "input.pdf")
    _all_right(result, case)
    note = next(n for n in result.notes if "amendment tables are printed side by side" in n)
    tables = len(json.loads((SET / "cases.json").read_text("utf-8"))[case]["per_table"])
    assert f"{tables} amendment tables" in note
    assert not any(r.flags for r in result.records)
    assert result.status == "success"


@pytest.mark.parametrize("case", ["sbs73-c-adj-3-pdftotext-layout", "sbs73-c-three-5-pdftotext-layout"])
def test_layout_lines_cut_at_the_second_label_set(case: str) -> None:
    """``pdftotext -layout`` of tables with no gap: each line cut at the blank column before the
    next table's 変更日 (a left explanation glued to a right date by one space cut there), every
    row right and none a guess."""
    result = extract_document(SET / case / "input.txt")
    _all_right(result, case)
    assert not any("column_guess" in r.flags for r in result.records)


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pypdf"])
def test_row_ordered_text_of_tables_side_by_side_warns_every_row(tool: str) -> None:
    """Row-ordered text runs the two tables' cells together: every row is column_guess with the
    reason, and the note says two tables stand side by side."""
    result = extract_document(SET / f"sbs73-c-adj-3-{tool}" / "input.txt")
    assert result.records
    assert all("column_guess" in r.flags for r in result.records)
    assert any(BESIDE_WHY in n for n in result.notes)


def test_a_word_glued_across_the_blocks_is_cut_at_its_space() -> None:
    """A left explanation glued by one space to the right table's date (w05: ``…変更は 平３０．２．２``)
    is cut at that space; the blank column there parts the blocks, so no word is a guess."""
    labels = [(0, "変更日"), (10, "項目"), (20, "変更前"), (30, "変更後"), (40, "提出時期"), (50, "説明")]
    right = [(x + 57, t) for x, t in labels]
    row = [(0, "R6.4.1"), (10, "項目一"), (20, "前の記載"), (30, "後の記載"), (40, "事後")]
    lines = [
        _at(*labels, *right),
        _at(*row, (50, "修正のための R7.1.1"), *[(x + 57, t) for x, t in row[1:]], (107, "追加")),
        _at((10, "続き"), (50, "変更"), (67, "続き")),
    ]
    pages, notes = split_layout_halves([_page(lines)])
    assert len(pages) == 2 and notes
    left = {w.text for w in pages[0].words}
    moved = " ".join(w.text for w in pages[1].words)
    assert "修正のための" in left and "R7.1.1" in moved and "項目一" in moved
    assert not any(w.guess == GUESS for p in pages for w in p.words)
