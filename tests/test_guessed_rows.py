"""A flattened text most of whose rows were read by guess is partial (normalize/guessed_rows.py,
branch order63; samples office-order63: Chromium tables printing 提出時期 first or third)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import DocumentResult, Record
from piatable.normalize.guessed_rows import mostly_guessed_note, read_in_part

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-order63"


def _record(k: int, confidence: float) -> Record:
    return Record("s", k, 1, 1, None, "", "Ⅰ基本情報", [], "前", "後", "事後", "", [], confidence)


def test_more_than_half_guessed_is_noted():
    records = [_record(k, c) for k, c in enumerate((0.2, 0.3, 0.4, 0.9))]
    note = mostly_guessed_note(records)
    assert note is not None and note.startswith("3 of 4 rows were read by guess")


def test_half_or_fewer_guessed_says_nothing():
    assert mostly_guessed_note([_record(0, 0.2), _record(1, 0.9)]) is None
    assert mostly_guessed_note([]) is None


def test_read_in_part_keeps_a_failure():
    result = DocumentResult("s", status="failure")
    read_in_part(result, None, "a note")
    assert result.status == "failure" and result.notes == ["a note"]
    result = DocumentResult("s")
    read_in_part(result, None)
    assert result.status == "success" and result.notes == []


@pytest.mark.parametrize(
    ("case", "status"),
    [
        # Plain pdftotext of 提出時期 | 変更日 | 項目 …: cells paired with rows by guess.
        ("o63-chromium-tfirst-pdftotext", "partial"),
        # The same table's -layout text and PDF read right: quiet.
        ("o63-chromium-tfirst-pdftotext-layout", "success"),
        ("o63-chromium-tfirst", "success"),
    ],
)
def test_sample_status(case: str, status: str):
    folder = SET / case
    doc = extract_document(next(folder.glob("input.*")))
    assert doc.status == status
    guessed = [n for n in doc.notes if "were read by guess" in n]
    assert bool(guessed) == (status == "partial")
