"""Rows broken over pages and cells cut between rows (issue 10, branch flow55).

samples/office-flow55 (tools/make_flow55_samples.py): AbiWord breaks a row over a page at a
paragraph of its cells and leaves room at the page's foot, so the rest of the row at the top of
the next page, whose 項目 goes on with the path of the row above (``３．特定個人情報の使用``
under ``Ⅲ…``, or ``管・消去``), was read as a row of its own under merged cells (8 rows of 6).
A layout text that gives the rest of a cell to the row below leaves the row above ending open
and the row below opening mid phrase: the row above is doubted (normalize/merged_doubts.py)."""

from __future__ import annotations

import json

from piatable.pipeline import extract_document

from .conftest import SAMPLES

FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


def _expected(folder) -> list[dict]:
    return json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def test_an_abiword_row_broken_over_pages_is_one_row() -> None:
    folder = SAMPLES / "office-flow55" / "f55-ab-juki"
    expected = _expected(folder)
    assert sum(e["page_end"] > e["page_start"] for e in expected) >= 2  # rows broken over pages
    got = extract_document(folder / "input.pdf", kind="pdf").records
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        for f in FIELDS:
            assert _squash(getattr(g, f)) == _squash(e[f]), (g.row_index, f)
    continued = [g for g in got if g.page_end > g.page_start]
    assert len(continued) == 2 and all("row_continued" in g.flags for g in continued)
    assert not any("merged_cell_filled" in g.flags for g in got)


def test_a_writer_row_under_a_merged_date_keeps_its_own_item() -> None:
    # The row at the top of page 2 opens its 項目 at ２．… (its section printed by the row above):
    # a level no deeper than the row above printed, so a row of its own, not the rest of a path.
    got = extract_document(SAMPLES / "office-loss25" / "l25-writer-zeimu" / "input.pdf", kind="pdf").records
    assert len(got) == 10
    assert any(r.item.startswith("２．特定個人情報ファイルを取り扱う事務において使") for r in got)


def test_a_cell_whose_rest_opens_the_next_row_is_doubted() -> None:
    # pdfplumber layout=True text of a Calc table: row 2's 変更後 ends open and row 3's opens with
    # ー (…ＩＣカ | ード…): row 2 is wrong, and says why.
    folder = SAMPLES / "office-plumber51" / "p51-calc-v1-pdfplumber-layout"
    expected = _expected(folder)
    got = extract_document(folder / "input.txt").records
    row = got[2]
    assert _squash(row.after) != _squash(expected[2]["after"])
    assert "row_split_guess" in row.flags
    assert row.after.endswith("ＩＣカ")
    assert any(
        e.startswith("after: row_split_guess: the next row's after cell opens with 'ー'")
        for e in row.evidence
    )
