"""Shared by the tests of the flattened-text checks (test_honest_evidence, test_mark_checks,
test_spill_checks): a record read from one text row of given cell lines, and the evidence lines
a check of one kind left on it."""

from __future__ import annotations

from piatable.models import Record
from piatable.normalize.records import rows_to_records
from piatable.settings import Settings
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
