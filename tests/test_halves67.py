"""A table that runs on in the right half of the same page (branch halves67): Writer pages in text
columns (samples/office-halves67, tools/make_halves67_samples.py), read block by block from the
PDF (normalize/grid/side_halves.py) and from a -layout text (normalize/grid/layout_halves.py),
a 提出時期 cut 事 / 後 at the column break joined (normalize/grid/split_timing.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from piatable.extract.pdf import read_pdf
from piatable.normalize.grid.side_halves import split_side_halves
from piatable.normalize.grid.split_timing import completes_timing
from piatable.pipeline import extract_document
from piatable.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HALVES = SAMPLES / "office-halves67"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


def test_pdf_of_three_text_columns_reads_every_row_in_column_order() -> None:
    """An A3 page in three text columns: 22 rows, every field right (spaces aside), in the
    order printed (left column, then the next), the row broken at a column break joined and
    flagged row_continued, a note naming the blocks."""
    case = HALVES / "hv67-juki-4"
    result = extract_document(case / "input.pdf")
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    assert len(result.records) == len(expected) == 22
    for got, want in zip(result.records, expected, strict=True):
        for f in FIELDS:
            assert _squash(getattr(got, f)) == _squash(want[f]), (f, got.item)
    assert any("row_continued" in r.flags for r in result.records)
    assert any("printed in 3 side-by-side blocks" in n for n in result.notes)
    assert result.status == "success"


def test_page_of_one_table_is_not_cut() -> None:
    """A landscape page of one table (its rulings cross the middle) is returned as it is."""
    reading = read_pdf(SAMPLES / "office-subhead66" / "sh66-juki-3" / "input.pdf")
    pages, notes = split_side_halves(reading.pages, Settings().grid)
    assert notes == [] and all(a is b for a, b in zip(pages, reading.pages, strict=True))


def test_timing_cut_over_a_break_completes_the_row_above() -> None:
    """事 above and 後 atop the next part make 事後; a whole timing above, or a tail that makes
    no timing, does not."""
    row = SimpleNamespace(cells={4: [SimpleNamespace(text="事")]})
    assert completes_timing([row], "後")
    assert completes_timing([row], "前")
    assert not completes_timing([row], "事後")
    whole = SimpleNamespace(cells={4: [SimpleNamespace(text="事後")]})
    assert not completes_timing([whole], "後")
    assert not completes_timing([], "後")


def test_layout_text_of_two_blocks_is_read_block_by_block() -> None:
    """pdftotext -layout of an A3 page in two columns: the lines are split between the blocks at
    character-counted columns (pdftotext sets a piece at the column its x gives counting each
    character as one, full-width or not: branch sheet72), a note says so, and every row is read
    right; a page where a word starts by a block's start keeps every row a column_guess."""
    case = HALVES / "hv67-municipal-3-pdftotext-layout"
    result = extract_document(case / "input.txt")
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    assert any("side-by-side blocks" in n for n in result.notes)
    assert len(result.records) == len(expected)
    for got, want in zip(result.records, expected, strict=True):
        for f in FIELDS:
            assert _squash(getattr(got, f)) == _squash(want[f]), (f, got.item)
