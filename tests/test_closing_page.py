"""The closing mark 以上 on a page of its own after the table (Writer PDFs made by
tools/make_closing_page_samples.py): the page makes no row and the last row does not take 以上
into its explanation; a note says the mark was left out (normalize/grid/unread_pages.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.models import PageWords, Word
from piatable.normalize.closing_mark import CLOSING_MARK
from piatable.normalize.grid.unread_pages import closing_mark_page
from piatable.pipeline import extract_document
from piatable.vocabulary import is_page_number

from .conftest import wrong_cells

DATA = Path(__file__).parent / "data" / "closing_page"
CASES = sorted(p.stem for p in DATA.glob("*.pdf"))


def test_there_are_cases():
    assert len(CASES) >= 2


@pytest.mark.parametrize("name", CASES)
def test_a_page_of_only_the_closing_mark_makes_no_row(name):
    want = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    result = extract_document(DATA / f"{name}.pdf")
    got = result.records
    assert len(got) == len(want)
    assert wrong_cells(got, want) == []
    assert "以" not in got[-1].explanation[-2:]
    assert "row_continued" not in got[-1].flags
    assert result.status == "success"
    assert any("closing mark 以上" in n and n.startswith("page 2:") for n in result.notes), result.notes


def _closing_mark_page_by_joining(page) -> bool:
    """``closing_mark_page`` as first written: every word tested, the rest joined and matched."""
    texts = [w.text.strip() for w in page.words if w.text.strip() and not is_page_number(w.text.strip())]
    return bool(texts) and bool(CLOSING_MARK.match("".join(texts)))


@pytest.mark.parametrize(
    "texts",
    [
        ["以", "上"],
        ["以上"],
        ["以 上", "- 3 -"],
        ["３", "以", "\u3000", "上", " "],
        ["以上", "以上"],
        ["以", "上", "下"],
        ["以上", "3/4"],
        ["上", "以"],
        ["以\n上"],
        ["- 3 -"],
        [],
        [" ", "\t"],
        ["変更箇所", "以上"],
        ["以上", "です"],
    ],
)
def test_closing_mark_page_answers_as_the_joined_words_do(texts):
    words = [Word(t, 1, 10.0 * k, 10.0 * k + 9, 0.0, 10.0, "pdf") for k, t in enumerate(texts)]
    page = PageWords(1, 595.0, 842.0, "pt", "pdf", words)
    assert closing_mark_page(page) == _closing_mark_page_by_joining(page)
