"""Rows anchored at 項目 paths at the top of their rows beside a bottom-aligned body
(normalize/grid/item_top_rows.py), on committed LibreOffice samples' ``pdftotext -layout`` text."""

from __future__ import annotations

import json
from pathlib import Path

import piatable

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(folder: Path) -> tuple[list[piatable.Record], list[dict]]:
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return piatable.extract(folder / "input.txt"), expected


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def test_a_bottom_aligned_body_stays_with_the_item_at_its_row_top():
    """Writer, items at the top of their rows, the body at the foot, 変更日 merged and centred,
    提出時期 / 説明 merged: each row's before, after and explanation were read into the next
    row (every row after the first wrong, all flagged row_split_guess); now rows 0–6 are whole."""
    got, expected = _case(SAMPLES / "office-layout23" / "ly23-b-writer-4-pdftotext-layout")
    assert len(got) == len(expected) == 8
    for g, e in list(zip(got, expected, strict=True))[:7]:
        assert g.change_date == e["change_date"]
        for field in ("item", "before", "after", "timing", "explanation"):
            assert _squash(getattr(g, field)) == _squash(e[field]), (g.row_index, field)


def test_a_table_bottom_aligned_throughout_keeps_its_one_alignment_reading():
    """Writer, every cell at the foot, a row continued over the page break: the body does not
    stand below its item, so each row's explanation (taller than its item) stays its own."""
    got, expected = _case(SAMPLES / "office-bottom" / "writer-bottom1-pdftotext-layout")
    assert len(got) == len(expected)
    for g, e in list(zip(got, expected, strict=True))[9:]:
        assert _squash(g.explanation) == _squash(e["explanation"])
