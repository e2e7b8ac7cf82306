"""Page furniture and text between tables (issues 10 / 11 / 14, branch pagemark55).

samples/office-pagemark55 (tools/make_pagemark55_samples.py, LibreOffice Writer and Calc):

* a PDF of a Writer table without rulings: the page number centred under the page's last row
  is furniture (``page_furniture``), not that row's last cell;
* texts of a Calc sheet whose right header (``（別添２）``) and footer print on every page: the
  lines at the pages' edges are furniture (``page_edges``), not the last row's explanation or
  the next page's 項目;
* a heading printed between two tables (``２．送付先情報ファイル``) is no row's text (``between``);
* a table's own lines repeated at the pages' edges (a merged explanation over page breaks, a
  row-number column, a wrapped date's ``3/31``) stay table text.
"""

from __future__ import annotations

import json

import pytest

from piatable.normalize.between import is_between_heading
from piatable.normalize.page_edges import furniture_lines, is_page_mark, strip_page_edges
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-pagemark55"
CELLS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    """A cell without its line breaks and spaces (a soft wrap is read as the PDF breaks it)."""
    return "".join((text or "").split())


def _cells(records) -> list[str]:
    return [getattr(r, k) or "" for r in records for k in CELLS]


@pytest.mark.parametrize("case", ["pm55-bare-juki-v1", "pm55-bare-kokuho-v2", "pm55-split-juki-v5"])
def test_a_page_number_under_a_table_without_rulings_is_no_cell(case):
    """The Writer PDFs print ``1``, ``- 2 -``, ``P.3`` … centred in the footer, under the page's
    last row, with no ruling between: every cell reads as printed, the numbers are named in a
    note."""
    result = extract_document(SET / case / "input.pdf")
    want = _expected(case)
    assert [[_squash(getattr(r, k)) for k in CELLS] for r in result.records] == [
        [_squash(e[k]) for k in CELLS] for e in want
    ]
    assert any("page numbers" in n and "page furniture" in n for n in result.notes)


@pytest.mark.parametrize(
    "tool", ["pdftotext-layout", "pdftotext-layout-cp932", "pypdfium2", "pdftotext-raw", "pymupdf", "pypdf"]
)
def test_a_sheet_header_on_every_page_is_no_cell(tool):
    """pm55-sheet-zeimu-v3: Calc prints ``（別添２）`` at the right of every page's header and
    ``1/3`` in its footer.  No cell holds them, every row is the truth, and a note counts them
    (CP932 with CRLF line ends as well)."""
    result = extract_document(SET / f"pm55-sheet-zeimu-v3-{tool}" / "input.txt")
    assert not any("別添２）" in c or c.endswith("/3") for c in _cells(result.records))
    want = _expected("pm55-sheet-zeimu-v3")
    assert [r.change_date for r in result.records] == [e["change_date"] for e in want]
    if tool != "pypdf":  # pypdf's text loses row 4's explanation to row 3 (not furniture: left)
        assert [r.explanation for r in result.records] == [e["explanation"] for e in want]
    assert any("（別添２）" in n and "page furniture" in n for n in result.notes)


def test_a_footer_text_beside_its_page_number_is_furniture():
    """pm55-sheet-municipal-v4: Calc's footer ``特定個人情報保護評価書（全項目評価書） P.1`` one line
    in pypdfium2's text (a space apart) and in ``-layout`` text (a column gap apart)."""
    for tool in ("pypdfium2", "pdftotext-layout"):
        recs = extract_document(SET / f"pm55-sheet-municipal-v4-{tool}" / "input.txt").records
        assert len(recs) == len(_expected("pm55-sheet-municipal-v4"))
        assert not any("評価書（全項目評価書）" in c or "P." in c for c in _cells(recs))


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pdfplumber-layout"])
def test_a_heading_between_two_tables_is_no_row_text(tool):
    """pm55-split-juki-v5: Writer prints ``２．送付先情報ファイル`` between the two tables on
    page 2; no cell takes it, and a note names it."""
    result = extract_document(SET / f"pm55-split-juki-v5-{tool}" / "input.txt")
    assert not any("送付先情報ファイル" in c for c in _cells(result.records))
    assert any("text between two tables" in n and "送付先情報ファイル" in n for n in result.notes)


def test_a_merged_explanation_repeated_at_the_page_feet_stays():
    """office-carry53 c53-mg-calc-juki: Calc prints a merged explanation's two lines at the foot
    of both pages; they are a cell's wrapped text (two lines running on), not furniture."""
    text = (SAMPLES / "office-carry53" / "c53-mg-calc-juki-pypdfium2" / "input.txt").read_text("utf-8")
    assert strip_page_edges(text) == (text, [])


def test_row_numbers_and_date_pieces_at_the_edges_are_no_page_numbers():
    """A row-number column's ``1`` / ``2`` / ``4`` opening the pages (office-narrowhead21
    nh21-calc-5, pdfminer) do not count up with the pages; a wrapped date's ``3/31`` printed
    twice on one page (office-layout40) is no ``N/M`` of the pages."""
    for case in ("office-narrowhead21/nh21-calc-5-pdfminer", "office-layout40/ly40-m-writer-5-pdfminer"):
        text = (SAMPLES / case / "input.txt").read_text("utf-8")
        found, numbers, shown = furniture_lines([p.split("\n") for p in text.split("\f")])
        assert (found, numbers, shown) == ({}, 0, [])
    assert is_page_mark("2/3") and is_page_mark("- 3 -") and is_page_mark("P.3")
    assert not is_page_mark("01/11") and not is_page_mark("2019/10") and not is_page_mark("4/01")


def test_between_headings_are_the_documents_not_the_forms():
    assert is_between_heading("２．送付先情報ファイル")
    assert is_between_heading("（２）課税台帳ファイル")
    assert not is_between_heading("２．基本情報")  # a 項目's line: a heading of the form
    assert not is_between_heading("１．特定個人情報ファイルを取り扱う事務")
    assert not is_between_heading("2019/10/1")


@pytest.mark.parametrize("tool", ["", "-pdftotext-layout", "-pdfplumber-layout"])
def test_a_date_never_takes_a_digit_from_the_heading_under_it(tool):
    """pm55-glued-juki-v9: ``２．送付先情報ファイル`` printed between two tables without rulings
    (the second without a label row) is read into the 変更日 cell of the row above it:
    ``2019/4/1`` + ``２．送付先…`` once gave 2019-04-12 unwarned.  The date is its own line's, and
    the row says the cell holds other text."""
    folder = SET / f"pm55-glued-juki-v9{tool}"
    recs = extract_document(folder / ("input.txt" if tool else "input.pdf")).records
    want = _expected("pm55-glued-juki-v9")
    assert [r.change_date for r in recs] == [e["change_date"] for e in want]
    glued = [r for r in recs if "送付先" in r.change_date_raw]
    assert glued and all("column_guess" in r.flags for r in glued)


def test_a_date_wrapped_at_its_day_is_read_whole():
    from piatable.normalize.line_dates import date_of_lines

    assert date_of_lines(["令和2年10月1", "2日"]) == ("2020-10-12", False)
    assert date_of_lines(["2019/4/1", "２．送付先情報ファイル"]) == ("2019-04-01", True)
    assert date_of_lines(["2020/10/1", "5"], [True, None]) == ("2020-10-15", False)
    assert date_of_lines(["R2.4.1", "２"]) == ("2020-04-12", True)
    assert date_of_lines(["2019/", "4/1"]) == ("2019-04-01", False)
