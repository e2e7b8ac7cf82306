"""Word tables without rulings whose rows run over page breaks (issues 11, 12; branch pgbreak58).

Set XIX's t06 (pandoc HTML → .docx → Writer, no rulings but the label row's foot) prints its
dates in a 変更日 column so narrow that the era stands alone (``平成`` / ``31年`` / ``3月`` /
``31日``), or every character and number does (``令`` / ``和`` / ``元`` / ``年`` / …): no date
was found on the second page, its five rows were read as one (``事後事後事前事前事後``) and the
document said ``success``.  The samples are real: ``samples/office-pgbreak58``
(tools/make_pgbreak58_samples.py: pandoc and Writer, python-docx tables with every border off).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.grid import date_spans as spans_module
from piatable.normalize.grid.date_spans import date_spans
from piatable.normalize.grid.lines import Line

from .conftest import SAMPLES

SET = SAMPLES / "office-pgbreak58"
PDFS = sorted(SET.glob("*/input.pdf"))
PANDOC = [p for p in PDFS if "pandoc" in p.parent.name]


def _lines(texts: list[str], step: float = 14.0, start: float = 100.0) -> list[Line]:
    """The 変更日 column's printed lines, one per text, ``step`` points apart (10 pt lines)."""
    return [
        Line([], text, 70.0, 90.0, start + k * step, start + k * step + 10.0, 1, None, None)
        for k, text in enumerate(texts)
    ]


def test_a_date_wrapped_after_its_era_is_one_date():
    lines = _lines(["平成", "31年", "3月", "31日", "令和", "4年", "12月", "1日"])
    assert len(date_spans(lines, 10.0)) == 2


def test_a_date_wrapped_after_every_character_is_one_date():
    lines = _lines([*"令和元年", "5", "月", "1", "日", "平", "成", "31", "年", "4", "月", "1", "日"])
    found = date_spans(lines, 10.0)
    assert len(found) == 2
    assert found[0] == (lines[0].top, lines[7].bottom)  # 令 … 日: the year's 31 opens no date


def test_a_date_head_at_the_page_foot_opens_a_date():
    # 令和 / 4年 at a page's foot: its month and day are printed on the next page.
    assert len(date_spans(_lines(["平成", "31年", "3月", "31日", "令和", "4年"]), 10.0)) == 2


def test_an_era_word_in_prose_is_no_date():
    assert date_spans(_lines(["令和", "の時代", "に"]), 10.0) == []


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.parent.name)
def test_every_row_is_read_with_its_own_date_and_timing(pdf: Path):
    expected = json.loads((pdf.parent / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(pdf)
    assert result.status == "success", result.notes
    got = [(r.change_date, r.timing) for r in result.records]
    assert got == [(e["change_date"], e["timing"]) for e in expected]
    assert not any("rows_merged" in r.flags for r in result.records)


@pytest.mark.parametrize("pdf", PANDOC, ids=lambda p: p.parent.name)
def test_rows_read_as_one_make_the_document_partial(pdf: Path, monkeypatch):
    # The reader as it was before this branch: a date wrapped after its first character opens no
    # row, so rows run together; each such row is flagged and the document says so.
    monkeypatch.setattr(spans_module, "_opens_wrapped_date", lambda lines, i, hy: 0)
    result = extract_document(pdf)
    merged = [r for r in result.records if "rows_merged" in r.flags]
    assert merged
    assert result.status == "partial"
    assert any("rows_merged" in n for n in result.notes)
    expected = json.loads((pdf.parent / "expected" / "records.json").read_text("utf-8"))
    assert len(result.records) < len(expected)
