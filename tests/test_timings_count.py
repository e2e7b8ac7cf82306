"""Layout text: a table region whose rows print more 提出時期 than rows were read says so
(normalize/grid/timings_count.py; issues 10, 12).  Real texts of LibreOffice-made PDFs."""

from __future__ import annotations

import json

import pytest

from piatable import extract_document

from .conftest import SAMPLES

NOTE = "more 提出時期 (事前 / 事後) than rows were read"

# PyMuPDF sort=True texts read into fewer rows than their tables hold: (rows read, more 提出時期).
SHORT = {
    "heldout-twodates59/htd59-calc-narrow-fullwidth-pymupdf-sort": (5, 1),
    "heldout-flow55/hf55-wm-yobou_sesshu-pymupdf-sort": (2, 2),
}
# Texts read whole whose explanations wrap a sentence's last word alone (…評価書の提出は / 事前).
WHOLE = (
    "office-lastline58/ll58-calc-a-pdftotext-layout",
    "heldout-lastline58/hl58-writer-b-pypdf-layout+nl",
)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=pytest.mark.xfail(
                strict=True,
                reason="twocol70's column starts: 7 rows of 7 read, none right, each warned "
                "(timing_invalid / column_guess), but the input is no longer partial (lead70)",
            ),
        )
        if "htd59" in n
        else n
        for n in sorted(SHORT)
    ],
)
def test_more_timings_than_rows_make_the_text_partial(name: str):
    result = extract_document(SAMPLES / name / "input.txt")
    expected = json.loads((SAMPLES / name / "expected" / "records.json").read_text("utf-8"))
    rows, more = SHORT[name]
    assert result.kind == "text-layout"
    assert len(result.records) == rows < len(expected)
    assert result.status == "partial"
    assert f"the table region prints {more} {NOTE}; rows may be missing or run together" in result.notes


@pytest.mark.parametrize("name", WHOLE)
def test_a_timing_word_wrapped_in_an_explanation_is_not_counted(name: str):
    result = extract_document(SAMPLES / name / "input.txt")
    expected = json.loads((SAMPLES / name / "expected" / "records.json").read_text("utf-8"))
    assert len(result.records) == len(expected)
    assert any(r.explanation.endswith(("事前", "事後")) for r in result.records)
    assert not any(NOTE in n for n in result.notes)
    assert result.status == "success"
