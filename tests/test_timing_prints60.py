"""提出時期 printed other than as 事前 / 事後 (branch timing60): a mark in one of two columns under
提出時期 (事前 | 事後), or the words 事前提出 / 事後に提出 / 事後（提出）.

Real samples (tools/make_timing60_samples.py: Chromium and LibreOffice Writer tables, the texts of
real extractors), read whole by the pipeline; the assertions are on the records' content.
"""

from __future__ import annotations

import json

import pytest

from piatable.normalize.grid.mark_columns import GAP_WHY
from piatable.normalize.timing_cells import read_timing
from piatable.normalize.timing_prints import prints_submission_words
from piatable.pipeline import extract_document

from .conftest import SAMPLES

TUNING = SAMPLES / "office-timing60"


def _read(case: str) -> tuple[list, list[dict], list[str]]:
    folder = TUNING / case
    path = next(folder.glob("input.*"))
    result = extract_document(path)
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return result.records, expected, result.notes


@pytest.mark.parametrize(
    ("word", "printed"),
    [
        ("事後", "事後提出"),
        ("事前", "事前に提出"),
        ("事後", "事後(提出)"),
        ("事前", "事前（提出）"),
        (None, "事後提出する"),
    ],
)
def test_read_timing_takes_the_submission_tail(word, printed):
    assert read_timing(printed) == word


def test_a_label_pair_line_is_no_submission_timing():
    """The header of a mark table (事前提出 事後提出) holds no row's timing."""
    assert not prints_submission_words("提出時期\n事前提出 事後提出\n2020/4/1 Ⅰ基本情報 ○ 記載の修正\n")
    assert prints_submission_words("2020/4/1 Ⅰ基本情報 事後提出 記載の修正\n")
    assert not prints_submission_words("2020/4/1 Ⅰ基本情報 事後 事後提出\n")  # bare timings: words left


@pytest.mark.parametrize("case", ["t60-chromium-marks", "t60-writer-marks"])
def test_marks_in_two_columns_read_in_a_pdf(case):
    """Chromium's labels in two cells apart, Writer's touching (事前事後 in one piece): each
    row's timing is its mark's column, timing_raw names the column and the mark, the second
    label line is no row, and a note says what was read."""
    records, expected, notes = _read(case)
    assert [r.timing for r in records] == [e["timing"] for e in expected]
    assert all(r.timing_raw.startswith(f"{r.timing}欄: ") for r in records)
    assert not any("timing_invalid" in r.flags or "column_guess" in r.flags for r in records)
    assert any(n.startswith("提出時期 printed as a mark in one of two columns (事前 | 事後)") for n in notes)


@pytest.mark.parametrize("case", ["t60-chromium-marksboth", "t60-writer-marksboth"])
def test_a_row_marking_both_columns_or_neither_is_warned(case):
    records, expected, _ = _read(case)
    assert len(records) == len(expected)
    both, neither = records[1], records[min(3, len(records) - 1)]
    assert both.timing is None and "timing_invalid" in both.flags
    assert both.timing_raw.startswith("事前欄: ") and " 事後欄: " in both.timing_raw  # the print, both marks
    assert neither.timing is None and "timing_missing" in neither.flags
    marked = [k for k in range(len(records)) if k not in (1, min(3, len(records) - 1))]
    assert [records[k].timing for k in marked] == [expected[k]["timing"] for k in marked]


def test_marks_in_layout_text_are_read_by_their_gap_and_warned():
    """pdftotext -layout's lines drift: the mark's gap to the explanation gives the column, and
    the row says it is a guess."""
    records, expected, _ = _read("t60-chromium-marks-pdftotext-layout")
    assert [r.timing for r in records] == [e["timing"] for e in expected]
    assert all("column_guess" in r.flags for r in records)
    assert "drift" in GAP_WHY


@pytest.mark.parametrize(
    "case", ["t60-chromium-words", "t60-writer-words", "t60-chromium-words-pdftotext-raw"]
)
def test_submission_words_read_as_the_timing_with_the_print_kept(case):
    """事前に提出 / 事後提出 in a PDF's cell, and as a token of a -raw text's rows (the rows are
    found by it): the timing word, the print in timing_raw."""
    records, expected, notes = _read(case)
    assert [r.timing for r in records] == [e["timing"] for e in expected]
    assert all(r.timing_raw.startswith(r.timing) and "提出" in r.timing_raw for r in records)
    assert not any("timing_invalid" in r.flags for r in records)
    if case.endswith("-raw"):
        assert any(n.startswith("提出時期 printed as '事") for n in notes)
