"""Two amendment tables on one page of a text-layer PDF (normalize/grid/page_tables.py).

samples/office-twotables50 (tools/make_twotables50_samples.py, LibreOffice Calc and Writer): a
（別添２）変更箇所 table and below it, on the same page, a （別添３）変更箇所 title and a second table
with its own label row, in the same column widths or (Writer) other widths.  Before page_tables
the second table of other widths was read in the first table's columns (rows lost, garbage rows,
all warned but nothing saying rows were lost), and in the same widths its title became a row.
"""

from __future__ import annotations

import json

import pytest

import piatable.pipeline as pipeline
from piatable.extract.pdf import read_pdf
from piatable.normalize.grid.continued_rows import LONE_EXPLANATION_WHY
from piatable.normalize.grid.merged_across import WHY
from piatable.normalize.grid.page_tables import split_page_tables
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-twotables50"
CASES = sorted(p.parent.name for p in SET.glob("*/input.pdf"))
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


def _settings(case: str) -> dict:
    return json.loads((SET / "cases.json").read_text("utf-8"))[case]


@pytest.mark.parametrize("case", CASES)
def test_each_table_of_the_page_is_read_in_its_own_columns(case: str) -> None:
    folder = SET / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.pdf")
    got = result.records
    assert result.status == "success"
    assert len(got) == len(expected)  # no title row, no row lost
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        for f in SIX:
            assert _squash(getattr(g, f)) == _squash(e[f]), (k, f, getattr(g, f))
        # Each table's rows get the pages they were printed on, as usual.
        assert (g.page_start, g.page_end) == (e["page_start"], e["page_end"])
        assert not any("変更箇所" in _squash(getattr(g, f)) for f in SIX)
        # Rows with cells of their own carry no doubt about their columns or their split, but
        # the row above a row printing only its 説明: a change printing only its reason, or the
        # 説明's last paragraph the author typed in the next sheet row (samples/order74) — the
        # ruled sheet does not tell, so both rows say so (branch order74b, LONE_EXPLANATION_WHY).
        lone_below = k + 1 < len(expected) and not expected[k + 1]["item"]
        if e["item"] and lone_below:
            assert "column_guess" not in g.flags and any(LONE_EXPLANATION_WHY in v for v in g.evidence)
        elif e["item"]:
            assert "column_guess" not in g.flags and "row_split_guess" not in g.flags, (k, g.flags)
        else:
            assert "row_split_guess" in g.flags and any(LONE_EXPLANATION_WHY in v for v in g.evidence)


def test_the_page_is_cut_once_above_the_second_title() -> None:
    reading = read_pdf(SET / "t50-writer-v1" / "input.pdf")
    pages = split_page_tables(reading.pages, Settings().grid)
    assert [p.page for p in pages] == [1, 1]
    first, second = pages
    # Every word goes to one part; the second title line heads the second part.
    assert len(first.words) + len(second.words) == len(reading.pages[0].words)
    top = min(w.top for w in second.words if w.text.strip())
    first_line = [w for w in second.words if w.text.strip() and w.top < top + 2]  # points
    assert "".join(w.text for w in sorted(first_line, key=lambda w: w.x0)) == "（別添３）変更箇所"
    text_one, text_two = ("".join(w.text for w in p.words) for p in (first, second))
    assert "（別添２）変更箇所" in text_one and "（別添３）" not in text_one and "（別添２）" not in text_two
    # The rulings are clipped to the parts: none of the first part reaches below the cut.
    cut = min(w.top for w in second.words)
    assert all(max(t, b) <= cut for _, t, _, b in first.rulings)


def test_a_page_of_one_table_is_left_as_it_is() -> None:
    reading = read_pdf(SAMPLES / "office-across49" / "a49-calc-v1" / "input.pdf")
    pages = split_page_tables(reading.pages, Settings().grid)
    assert pages == reading.pages and all(a is b for a, b in zip(pages, reading.pages, strict=True))


def test_other_widths_read_as_one_table_are_warned_not_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the cut, the second table is not read silently.  Its rows lacked the first table's
    変更前 | 変更後 ruling and read as notes merged across both, each kept ``column_guess``
    (merged_across._proven); since bodytext54 the first table ends where its vertical rulings stop
    (between_rulings.ruled_foot), so the second table's lines are text after it: each is named in
    a note, and those that read as rows (a date and 事前 / 事後, between_rulings.reads_as_a_row)
    are unplaced, so the document is partial (it was a success with the rows only in notes)."""
    monkeypatch.setattr(pipeline, "split_page_tables", lambda pages, gs, notes=None: pages)
    result = extract_document(SET / "t50-writer-v1" / "input.pdf")
    got = result.records
    expected = json.loads((SET / "t50-writer-v1" / "expected" / "records.json").read_text("utf-8"))
    assert len(got) != len(expected)
    merged = [g for g in got if any(WHY in ev for ev in g.evidence)]
    assert all("column_guess" in g.flags for g in merged)
    after = [n for n in result.notes if n.startswith("text printed after the table, not a row")]
    assert merged or (after and result.status == "partial"), result.notes


def test_calc_note_row_and_explanation_only_row() -> None:
    """The Calc case: a short note in a cell merged across 変更前+変更後 is its before, after empty,
    no flag; a row printing only its explanation is read as a row of its own (its date "")."""
    case = "t50-calc-v3"
    across = _settings(case)["merge_across"]
    got = extract_document(SET / case / "input.pdf").records
    for k in across:
        assert got[k].before.startswith("（") and got[k].after == "" and got[k].flags == []
    lone = [g for g in got if not g.item and g.explanation]
    assert len(lone) == 1 and lone[0].change_date_raw == "" and not lone[0].before and not lone[0].after
