"""The closing mark 以上 and notes printed after the table are no row's text (normalize/closing_mark.py,
normalize/grid/ruled.py).

samples/office-closing19 (tools/make_office_samples.py --set office-closing19): LibreOffice Calc and
Writer tables followed by ``以上`` set to the right, a ``※`` note, or both.  Before, every
extractor's text put 以上 in the last row's last cell (as a new user's Writer table did, at
confidence 0.93), and a Writer PDF whose note and 以上 fell on a page of their own read them as an
eighth row."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.closing_mark import CLOSING_NOTE, drop_closing_mark
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-closing19"
FIELDS = ("item", "before", "after", "timing", "explanation")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("…に伴う修正\n\n以上\n", "…に伴う修正\n"),
        ("…に伴う修正\n                以　上\n\f", "…に伴う修正\n\f"),
        # A page number after the mark stays.
        ("…に伴う修正\n以上\n- 3 -\n", "…に伴う修正\n- 3 -\n"),
        # After a phone number (no quantity).
        ("電話０１２３－４５－６７００\n以上\n", "電話０１２３－４５－６７００\n"),
        # Calc's one-line cells, the mark the last of them, before the first row's date.
        ("事後\n事前\n以上\n平成29年4月1日 Ⅱ…\n", "事後\n事前\n平成29年4月1日 Ⅱ…\n"),
    ],
)
def test_the_closing_mark_ending_the_text_is_dropped(text, kept):
    assert drop_closing_mark(text) == (kept, True)


@pytest.mark.parametrize(
    "text",
    [
        # The tail of a quantity wrapped in a cell: 65歳 / 以上.
        "対象者は６５歳\n以上\n",
        "10万人\n以上\n",
        # Not the text's last line.
        "…に伴う修正\n以上\n2024/4/1 Ⅱ…\n",
        # Part of a line.
        "…に伴う修正\n上記以上\n",
    ],
)
def test_other_lines_stay(text):
    assert drop_closing_mark(text) == (text, False)


def _marked_cases() -> list[str]:
    cases = json.loads((SET / "cases.json").read_text("utf-8"))
    return sorted(
        name for name, c in cases.items() if any(t.replace("　", "") == "以上" for t in c["closing"])
    )


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2", "pdftotext-layout", "pdftotext", "pdfminer"])
def test_no_row_of_an_extractor_text_takes_the_closing_mark(tool):
    names = _marked_cases()
    assert len(names) >= 4
    for name in names:
        result = extract_document(SET / f"{name}-{tool}" / "input.txt")
        assert CLOSING_NOTE in result.notes, name
        lines = [
            ln.strip() for r in result.records for f in FIELDS for ln in str(getattr(r, f) or "").split("\n")
        ]
        assert "以上" not in lines, name


def test_a_page_holding_only_the_note_and_the_closing_mark_gives_no_row():
    folder = SET / "writer-closing-juki"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.pdf")
    assert len(result.records) == len(expected) == 7
    assert any(n.startswith("page 2: no table columns found") for n in result.notes)
    assert result.status == "partial"
