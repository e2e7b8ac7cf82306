"""One cell's line parted between two cells, another cell of the row printing it whole, is
flagged (normalize/split_echo.py, issue 12)."""

from __future__ import annotations

from pathlib import Path

from piatable.models import CellLine, RawRow
from piatable.normalize.split_echo import split_echo_doubts
from piatable.pipeline import extract_document

ROOT = Path(__file__).resolve().parent.parent


def test_before_line_parted_into_after_and_explanation_is_flagged() -> None:
    path = ROOT / "samples" / "office-kindcol59" / "k59-calc-longkind-pdfplumber" / "input.txt"
    res = extract_document(path, "auto")
    hit = [r for r in res.records if r.explanation.startswith("別表第一の３０の項")]
    assert hit, "the line is no longer parted so: drop or update this test"
    assert all("column_guess" in r.flags and r.confidence < 0.9 for r in hit)


def _row(cells: dict[str, list[tuple[str, int]]]) -> RawRow:
    row = RawRow()
    for f, lines in cells.items():
        row.cells[f] = [CellLine(t, 1, n) for t, n in lines]
    return row


def test_pieces_making_no_other_cells_line_are_not_flagged() -> None:
    parted = _row(
        {
            "before": [("番号法第９条第１項 別表第一の３０の項", 30)],
            "after": [("番号法第９条第１項", 29)],
            "explanation": [("別表第一の３０の項", 29)],
        }
    )
    plain = _row(
        {
            "before": [("保険年金課長", 30)],
            "after": [("国保年金課長", 30)],
            "explanation": [("組織改正による役職名の変更", 30)],
        }
    )
    split_echo_doubts([parted, plain])
    assert [(d.kind, d.field) for d in parted.doubts] == [("column_guess", "explanation")]
    assert not plain.doubts
