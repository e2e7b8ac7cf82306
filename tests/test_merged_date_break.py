"""A 変更日 merged over a page break and centred or bottom-aligned (LibreOffice Calc PDFs made by
tools/make_merged_date_break.py): Calc draws the date on each page the cell spans, clipped to
the part of the cell on that page, so the rows on one page print no date.  They take the date
the page clips away (normalize/grid/unseen.clipped_cell_words), never the previous page's date
at full confidence nor none."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

from .conftest import SIX

DATA = Path(__file__).parent / "data" / "merged_date_break"
CASES = sorted(p.stem for p in DATA.glob("*.pdf"))


def _ws(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.mark.parametrize("name", CASES)
def test_rows_under_a_date_the_page_clips_take_that_date(name):
    want = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    got = extract_document(DATA / f"{name}.pdf").records
    assert len(got) == len(want)
    assert [r.change_date for r in got] == [w["change_date"] for w in want]
    wrong = [
        (k, f)
        for k, (g, w) in enumerate(zip(got, want, strict=True))
        for f in SIX
        if _ws(getattr(g, f)) != _ws(w[f])
    ]
    warned = {
        k
        for k, r in enumerate(got)
        if r.confidence < 0.5 or {"row_split_guess", "column_guess"} & set(r.flags)
    }
    assert {k for k, _ in wrong} <= warned  # a cell still wrong is a row that says so
    assert not any("date_unparsed" in r.flags for r in got)


def test_without_the_clipped_dates_the_rulings_still_give_each_row_its_date(monkeypatch):
    """Read without the dates the pages clip away (as a scan is), the rulings still join each
    cell's parts over the page breaks (grid/page_chains.py) and every row takes its date; the
    kind is in the data: without either, every case has rows with no date or another row's."""
    import piatable.normalize.grid.page_chains as page_chains
    import piatable.normalize.grid.ruled as ruled

    monkeypatch.setattr(ruled, "_clipped_cells", lambda *a, **k: [])
    for name in CASES:
        want = json.loads((DATA / f"{name}.json").read_text("utf-8"))
        got = extract_document(DATA / f"{name}.pdf").records
        assert [r.change_date for r in got] == [w["change_date"] for w in want], name
    monkeypatch.setattr(page_chains.PageChains, "_resolve", lambda *a, **k: None)
    for name in CASES:
        want = json.loads((DATA / f"{name}.json").read_text("utf-8"))
        got = extract_document(DATA / f"{name}.pdf").records
        assert [r.change_date for r in got] != [w["change_date"] for w in want], name


@pytest.mark.parametrize("name", ["calc-mergebreak-t1", "calc-mergebreak-t3"])
def test_any_cell_merged_over_a_break_takes_the_text_the_page_clips(name, monkeypatch):
    """Not only dates: a 提出時期 or explanation merged over a page break, printed on the part of
    the cell the other page shows, is drawn and clipped on this page too.  The rows here take it
    (``merged_cell_filled``), not none (new user: an explanation merged over rows 3–5, printed on
    page 2, left rows 3–4 empty at confidence 0.963).  Without it these tuning samples lose
    their 提出時期."""
    import piatable.normalize.grid.ruled as ruled

    sample = Path(__file__).resolve().parent.parent / "samples" / "office4" / name
    want = json.loads((sample / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(sample / "input.pdf").records
    assert [r.timing for r in got] == [w["timing"] for w in want]
    assert [_ws(r.explanation) for r in got] == [_ws(w["explanation"]) for w in want]
    assert not any(f.startswith("truncated:") for r in got for f in r.flags)  # taken, not "cut"
    original = ruled._clipped_cells
    monkeypatch.setattr(ruled, "_clipped_cells", lambda c, *a, **k: original(c, *a, **k) if c == 0 else [])
    got = extract_document(sample / "input.pdf").records
    # The rulings alone join the cell's parts over the break (grid/page_chains.py) …
    assert [r.timing for r in got] == [w["timing"] for w in want]
    import piatable.normalize.grid.page_chains as page_chains

    monkeypatch.setattr(page_chains.PageChains, "_resolve", lambda *a, **k: None)
    got = extract_document(sample / "input.pdf").records
    # … and without them either, the rows lose their 提出時期.
    assert [r.timing for r in got] != [w["timing"] for w in want]
