"""Shared by the tests of the flattened-text checks (test_honest_evidence, test_mark_checks,
test_spill_checks, test_reading_choice, test_writer47_boxes): a record read from one text row of
given cell lines, the evidence lines a check of one kind left on it, and a committed sample's
text read into raw rows with its expected records."""

from __future__ import annotations

import json

from piatable.extract.text import marks_its_pages, read_text, text_to_pages
from piatable.models import RawRow, Record
from piatable.normalize.records import rows_to_records
from piatable.normalize.stream import StreamResult, lines_to_rows
from piatable.settings import Settings
from tests.conftest import SAMPLES
from tests.test_evidence import raw_row

# Column widths (characters) of the text row: a flattened text's narrow item and explanation.
TEXT_WIDTHS = {"item": 14.0, "before": 24.0, "after": 24.0, "explanation": 14.0}


def text_record(cells: dict[str, list[str]]) -> Record:
    """The record of one text row whose cells hold ``cells``' lines (field → lines)."""
    row = raw_row(cells)
    row.widths = dict(TEXT_WIDTHS)
    return rows_to_records([row], "t.txt", Settings())[0]


def evidence_of(rec: Record, kind: str = "column_guess") -> list[str]:
    """The evidence lines of ``rec`` that name ``kind`` (a flag)."""
    return [e for e in rec.evidence if kind in e]


def read_sample(case: str) -> tuple[StreamResult, list[dict]]:
    """The raw rows of ``samples/<case>/input.txt`` as the stream reader gives them (its pages
    marked as the text marks them) and the case's expected records."""
    folder = SAMPLES / case
    text = read_text(folder / "input.txt")
    result = lines_to_rows(text_to_pages(text), Settings(), paged=marks_its_pages(text))
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return result, truth


def cell_text(row: RawRow, key: str) -> str:
    """The text of ``row``'s cell ``key``, whitespace-free."""
    return "".join("".join(cl.text.split()) for cl in row.cells[key])
