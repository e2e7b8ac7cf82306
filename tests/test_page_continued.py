"""A table without inner vertical rulings whose label row is not repeated on the next page
(issue 11, branch pagecont18): the next page continues the table in the page before's columns.

The PDFs are LibreOffice's (``tools/make_pagecont_tables.py``, samples/office-pagecont18): a
Writer table ruled only in its outer box and between rows, a Calc sheet ruled the same way, and
a Calc sheet ruled only at each cell's foot, none repeating its label row, the Calc ones with a
manual page break.  Before, the Writer table's page 2 gave "no table columns found" and its rows
were lost with status success, and the Calc sheets' columns were found wrong or not at all.
"""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from piatable.extract.pdf import pdfium_page_to_words
from piatable.normalize.grid.common import GridResult
from piatable.normalize.grid.lines import ems
from piatable.normalize.grid.unread_pages import note_unread_page
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
SET = SAMPLES / "office-pagecont18"
COVER = SAMPLES / "office-cover2" / "beside-t2" / "input.pdf"


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


@pytest.mark.parametrize("case", ["pc18-writer-4", "pc18-calc-3", "pc18-calc-1"])
def test_rows_on_a_continued_page_without_labels_or_verticals_are_read(case):
    folder = SET / case
    result = extract_document(folder / "input.pdf")
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    assert result.status == "success", result.notes
    assert not any("no table columns" in n for n in result.notes)
    got = [r.to_dict() for r in result.records]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        for f in FIELDS:
            assert _squash(g[f]) == _squash(e[f]), (case, e["row_index"], f)
    # The rows of the pages after the first are there, under their own dates.
    assert max(r.page_start for r in result.records) >= 2


def test_a_page_of_text_after_the_table_without_columns_is_not_dropped_silently():
    pdf = pdfium.PdfDocument(str(COVER))
    try:
        page, _, _ = pdfium_page_to_words(pdf[0], 1)
    finally:
        pdf.close()
    hx, hy = ems([page])
    result = GridResult()
    note_unread_page(page, hx, hy, Settings().grid, result, started=True)
    assert result.unplaced > 0
    (note,) = result.notes
    assert note.startswith("page 1: no table columns found; its ")
    assert note.endswith("lines of text after the table's rows were not read")
