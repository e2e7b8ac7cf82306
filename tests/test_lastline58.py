"""Branch lastline58 (issues 10 / 12, set XIX kinds 1 and 12): an explanation's last wrapped line
that is a lone word of the column labels (``提出``, ``時期``, ``説明``) stays in its cell, and a
提出時期 cell that prints its label's end before its word (``期事後``) gives the word.  Committed
samples made by ``tools/make_lastline58_samples.py`` (LibreOffice Calc and Writer;
``samples/office-lastline58``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.normalize.timing_cells import label_overflow_timing

from .conftest import squash, text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-lastline58"
# The label words the readers took for pieces of the label row (提出時期 / 提出時期に係る説明).
LABEL_WORDS = ("提出", "時期", "説明")
# An explanation's end compared: its last line and the line before.
TAIL_CHARS = 12


def _label_word_rows(truth: list[dict]) -> list[int]:
    return [i for i, r in enumerate(truth) if r["explanation"].endswith(LABEL_WORDS)]


@pytest.mark.parametrize(
    "case",
    [
        "ll58-writer-a-pdftotext-layout",
        "ll58-calc-a-pdftotext-layout+nl",
        "ll58-calc-b-pypdf-layout+nl",
        "ll58-calc-a-pdftotext-raw",
    ],
)
def test_a_lone_label_word_ending_an_explanation_stays_in_it(case):
    # Each row's explanation ends on a line holding 提出 / 時期 / 説明 alone (cases.json lone_tails):
    # the layout reader left such a line out as a piece of the label row, the row-ordered one
    # (-raw) where the next page's label row followed it; the row read 「…事前に」 unwarned.
    records, truth = text_case(SAMPLES / case)
    rows = _label_word_rows(truth)
    assert rows
    # (the explanation's end: -raw reads calc-a's row 0 first paragraph into 変更後, warned)
    got = [squash(r.explanation) for r in records]
    ends = {i: squash(truth[i]["explanation"])[-TAIL_CHARS:] for i in rows}
    missing = [i for i, end in ends.items() if not any(g.endswith(end) for g in got)]
    assert not missing, [ends[i] for i in missing]


def test_the_label_rows_own_pieces_are_still_left_out():
    # The Writer case's label row prints 提出時期 wrapped (提出 / 時期) on every page: none of its
    # pieces may come into a row.
    records, truth = text_case(SAMPLES / "ll58-writer-a-pdftotext-layout")
    assert len(records) == len(truth)
    for r in records:
        assert not squash(r.explanation).startswith(("提出", "時期", "説明")), r.explanation
        assert r.timing in ("事前", "事後")


def test_a_timing_cell_under_its_labels_overflow_gives_its_word():
    # set XIX t08 (Calc, a label row one line high): 提出時 / 期 drawn over the first body row.
    assert label_overflow_timing("期事後") == "事後"
    assert label_overflow_timing("時期事前") == "事前"
    assert label_overflow_timing("事後") is None  # nothing to leave out: read_timing's
    assert label_overflow_timing("期事後再評価") is None
    assert label_overflow_timing("期間事後") is None
