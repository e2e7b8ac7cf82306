"""Rows under cells merged over a page break (normalize/grid/break_rows.py, carry.py; issues
11 / 12): a new row at the top of a page under a merged 変更日 / 項目 / 提出時期 is a row of its
own, every row a merged cell covers takes its text, and an empty 提出時期 at the top of a page
stays empty where the page's other rows leave theirs empty.

samples/office-pagecarry50 (tools/make_pagecarry50_samples.py, LibreOffice Writer and Calc):
before these rules the Writer row under the break was joined to the row above with no warning
(``row_continued``, a row lost silently), a row under a merged 項目 had none, and Calc's first
row on a page took the 提出時期 of the row above while the rows under it stayed empty."""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-pagecarry50"
CASES = sorted(p.parent.name for p in SET.glob("*/input.pdf"))
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


@pytest.fixture(scope="module")
def read() -> dict[str, tuple[list, list[dict], dict]]:
    manifest = json.loads((SET / "cases.json").read_text("utf-8"))
    out = {}
    for case in CASES:
        folder = SET / case
        expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
        out[case] = (extract_document(folder / "input.pdf").records, expected, manifest[case])
    return out


def test_the_set_has_writer_and_calc_cases() -> None:
    assert any("-w-" in c for c in CASES) and any("-c-" in c for c in CASES)


@pytest.mark.parametrize("case", CASES)
def test_every_row_kept_with_its_own_cells(case: str, read) -> None:
    got, expected, _ = read[case]
    assert len(got) == len(expected)
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        for f in FIELDS:
            assert _squash(getattr(g, f)) == _squash(e[f]), (k, f)


@pytest.mark.parametrize("case", [c for c in CASES if "-w-" in c])
def test_rows_under_a_merged_item_take_it_and_say_so(case: str, read) -> None:
    got, expected, settings = read[case]
    assert "item" in settings["merged_cells"]
    covered = [k for k in range(1, len(expected)) if expected[k]["item"] == expected[k - 1]["item"]]
    assert covered
    for k in covered:
        assert "merged_cell_filled" in got[k].flags, k
        # The row under the break is a row of its own, not the rest of the row above.
        assert "row_continued" not in got[k].flags or got[k].page_start < got[k].page_end, k


@pytest.mark.parametrize("case", [c for c in CASES if c.endswith("-c-et")])
def test_empty_timings_on_a_page_stay_empty_alike(case: str, read) -> None:
    got, expected, _ = read[case]
    empty = [k for k, e in enumerate(expected) if not e["timing"]]
    assert empty
    for k in empty:
        assert not got[k].timing, k
        assert "row_split_guess" not in got[k].flags, k


def test_a_cell_running_on_mid_sentence_keeps_the_row_whole() -> None:
    """office-boxes49 b49-writer-v2: the 変更前 cell of the row broken over page 1's foot ends
    two lines short of it (spacing after paragraphs) with a full line mid-word (…としてい / る。):
    the top of page 2 is the rest of that row, not a row of its own (``break_rows.runs_on``)."""
    folder = SAMPLES / "office-boxes49" / "b49-writer-v2"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.pdf").records
    assert len(got) == len(expected)
    broken = [k for k, e in enumerate(expected) if e["page_end"] > e["page_start"]]
    assert broken
    for k in broken:
        assert "row_continued" in got[k].flags
        assert _squash(got[k].before) == _squash(expected[k]["before"])


@pytest.mark.parametrize("case", ["ly49-mi-municipal", "ly49-mi-zeimu"])
def test_an_item_centred_over_a_break_is_read_once(case: str) -> None:
    """office-layout49: Calc prints a 項目 merged and centred over a page break on both pages,
    clipped; every row of it takes the whole text once (``page_chains.item_lines``), not the
    parts doubled or a line cut by the break twice."""
    folder = SAMPLES / "office-layout49" / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.pdf").records
    assert [_squash(g.item) for g in got] == [_squash(e["item"]) for e in expected]
