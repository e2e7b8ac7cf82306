"""Texts whose pages are joined by line ends, not form feeds (issues 10 / 14, branch newline56).

samples/office-newline56 (tools/make_newline56_samples.py, LibreOffice Calc and Writer; texts of
pypdfium2, pdfplumber, pypdf and PyMuPDF joined with ``"\\n"`` as their users write them, ``+nl``):

* a Calc sheet's right header (the municipality's name) and its footer (the assessment's title,
  ``1/4``) printed between the last cell of a page and the first of the next are furniture
  (``joined_pages``), not the page's last explanation, and they mark the page breaks: every
  row's ``page_start`` / ``page_end`` is the PDF's;
* a wrapped 提出時期 label (``提出`` / ``時期``) at a page's top is no row's explanation;
* a table's own lines repeated at the pages' edges (an explanation before a repeated label row,
  a row-number column's label) stay table text, and no text gets more page breaks than pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.normalize.joined_pages import joined_furniture, mark_joined_pages
from piatable.normalize.unicode import clean_text
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-newline56"
CELLS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
LIBRARY_NL = ("pypdfium2+nl", "pdfplumber+nl", "pypdf+nl", "pymupdf+nl", "pymupdf-blocks+nl")


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _cells(records) -> list[str]:
    return [getattr(r, k) or "" for r in records for k in CELLS]


@pytest.mark.parametrize("tool", LIBRARY_NL)
def test_a_sheet_header_and_footer_between_pages_are_no_cell(tool):
    """nl56-titlefoot-kokuho-v2: Calc prints ``北川町`` at the right of every page's header and
    ``住民基本台帳に関する事務　全項目評価書`` / ``- 1 -`` in its footer; the texts hold no form feed.
    No cell holds them, a note counts them, and each row's pages are the PDF's (pdfplumber's
    text too: its reader is given no page breaks, its rows get the pages of their lines,
    ``extract.plumber_pages``)."""
    case = "nl56-titlefoot-kokuho-v2"
    result = extract_document(SET / f"{case}-{tool}" / "input.txt")
    assert not any("北川町" in c or "全項目評価書" in c for c in _cells(result.records))
    assert any("page furniture" in n and "北川町" in n for n in result.notes)
    want = _expected(case)
    assert [(r.page_start, r.page_end) for r in result.records] == [
        (e["page_start"], e["page_end"]) for e in want
    ]
    assert [r.change_date for r in result.records] == [e["change_date"] for e in want]


@pytest.mark.parametrize("case", ["nl56-cityhead-kokuho-v6", "nl56-narrow-zeimu-v7"])
def test_every_row_reads_as_printed_without_form_feeds(case):
    """A city name as the right header and ``N`` / ``- N -`` page numbers (v6), and a 提出時期
    column so narrow that its label prints ``提出`` / ``時期`` (v7): PyMuPDF's text joined by line
    ends reads every cell as printed (it read the city into the page's last explanation, 0.91
    unwarned, in set XVII)."""
    result = extract_document(SET / f"{case}-pymupdf+nl" / "input.txt")
    want = _expected(case)
    squash = "".join
    assert [[squash((getattr(r, k) or "").split()) for k in CELLS] for r in result.records] == [
        [squash(e[k].split()) for k in CELLS] for e in want
    ]


def test_a_text_with_form_feeds_is_left_as_it_is():
    text = (SET / "nl56-cityhead-kokuho-v6-pymupdf" / "input.txt").read_text("utf-8")
    assert "\f" in text
    assert mark_joined_pages(text) == (text, [])


def _joined(path: Path) -> tuple[str, int]:
    """A committed text with form feeds, its pages joined by line ends, and its page count."""
    text = clean_text(path.read_text("utf-8").replace("\r\n", "\n"))
    return text.replace("\f", "\n"), len([p for p in text.split("\f") if p.strip()])


@pytest.mark.parametrize(
    "case",
    [
        "office2/calc-mix2-pypdfium2",  # an explanation right above each repeated label row
        "office-bikou55/b55-calc-both-pymupdf",  # a row-number column's label No. on each page
        "office-bikou55/b55-calc-longlead-pdfminer",  # 番号, the same
        "office-plain51/p51-calc-v3-pdftotext",  # a cell's line beside two page numbers
    ],
)
def test_table_lines_repeated_at_the_page_edges_stay(case):
    text, _ = _joined(SAMPLES / case / "input.txt")
    _, _, shown, _ = joined_furniture(text.split("\n"))
    assert shown == []


def test_no_more_page_breaks_than_pages():
    """Every text of the page-furniture sets (pagemark55, newline56: numbers at the top or the
    foot, boxes by position) joined by line ends gets at most one break fewer than its pages, and
    the Calc sheets' texts exactly that."""
    exact = 0
    texts = sorted(
        p
        for s in ("office-pagemark55", "office-newline56")
        for p in (SAMPLES / s).glob("*/input.txt")
        if "+nl" not in p.parent.name and "cp932" not in p.parent.name
    )
    for path in texts:
        text, pages = _joined(path)
        breaks = mark_joined_pages(text)[0].count("\f")
        assert breaks <= pages - 1, path
        exact += breaks == pages - 1 > 0
    assert exact >= len(texts) // 2
