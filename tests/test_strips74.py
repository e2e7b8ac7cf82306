"""Sheets printed in 2, 3 or 4 column strips (branch strips74: set XXXV k01, a sheet four pages
wide, 0 rows read).

samples/office-strips74 (tools/make_strips74_samples.py, LibreOffice Calc at 100 %): both page
orders, print-title columns none / A / A:B, the label row repeated or printed once.  A PDF's
strips are ranked by their own labels (those not on every strip) and joined strip after strip
(``normalize/column_strips.py``); a ``-layout`` text of three strips or more is not joined, and
its rows say so.
"""

from __future__ import annotations

import json

import pytest

from piatable.extract.pdf_scan import _last_columns
from piatable.models import PageWords, Word
from piatable.normalize.column_strips import DOUBT_FLAG, join_column_strips, strip_ranks
from piatable.normalize.grid.layout_strips import MANY_WHY, join_layout_strips
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-strips74"
CELLS = ("change_date", "item", "before", "after", "timing", "explanation")
CASES = sorted(json.loads((SET / "cases.json").read_text("utf-8")))


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("case", CASES)
def test_the_pdf_of_a_sheet_printed_in_column_strips_reads_whole_rows(case):
    """Every case of the tuning set (2-4 strips, both page orders, with and without print-title
    columns and repeated labels): every row's six cells as written (before branch strips74: 14
    of 56 rows), one note per later strip."""
    shape = json.loads((SET / "cases.json").read_text("utf-8"))[case]
    result = extract_document(SET / case / "input.pdf")
    got = [[_squash(getattr(r, k)) for k in CELLS] for r in result.records]
    assert got == [[_squash(e[k]) for k in CELLS] for e in _expected(case)], result.notes
    joins = [n for n in result.notes if "(a sheet too wide for the page)" in n and "joined" in n]
    assert len(joins) == shape["strips"] - 1, result.notes
    assert result.status in ("success", "partial"), result.notes


def test_a_layout_text_of_four_strips_repeating_the_date_is_joined_and_warned():
    """``pdftotext -layout`` of a sheet four strips wide with No. and 変更日 repeated on every
    strip: the strips joined by their rows' dates (the last by 事前 / 事後), so each row gets its
    own date and timing; every row carries column_guess below 0.9 (paired by order alone)."""
    case = "st74-calc-a4p-over-4-ab"
    result = extract_document(SET / f"{case}-pdftotext-layout" / "input.txt")
    expected = _expected(case)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    assert [r.timing for r in result.records] == [e["timing"] for e in expected]
    assert sum("further columns" in n and "joined" in n for n in result.notes) == 2, result.notes
    assert any("the last columns" in n and "joined" in n for n in result.notes), result.notes
    assert all("column_guess" in r.flags and r.confidence < 0.9 for r in result.records)


def test_a_layout_text_of_three_strips_without_the_date_repeated_is_not_joined():
    """``pdftotext -layout`` of a sheet three strips wide, no print-title column: the middle
    strip's rows open with nothing to pair them by, so nothing is joined, a note says so and the
    input is partial."""
    result = extract_document(SET / "st74-calc-a4l-down-3-pdftotext-layout" / "input.txt")
    assert result.status == "partial"
    assert any("in 3 strips" in n and "not joined" in n for n in result.notes), result.notes
    assert not [r for r in result.records if r.confidence >= 0.9 and not r.flags]


def _page(n: int, labels: list[tuple[float, str]], rulings: list[float] | None = None) -> PageWords:
    words = [Word(t, n, x, x + 10.0 * len(t), 40.0, 50.0) for x, t in labels]
    words.append(Word("本文", n, 10.0, 30.0, 80.0, 90.0))
    upright = [(x, 35.0, x + 0.5, 200.0) for x in rulings or []]
    page = PageWords(n, 595.0, 842.0, "pt", "pdf", words)
    page.rulings = upright
    return page


def test_strips_are_ranked_by_the_labels_not_printed_on_every_strip():
    """変更日 printed on every strip (a print-title column) does not make each a first strip:
    the strips rank by 項目 / 変更前 / 変更後・提出時期 / 説明, in either page order."""
    first = [(0, "No."), (30, "変更日"), (80, "項目")]
    second = [(0, "No."), (30, "変更日"), (80, "変更前の記載")]
    third = [(0, "No."), (30, "変更日"), (80, "変更後の記載"), (200, "提出時期")]
    last = [(0, "No."), (30, "変更日"), (80, "提出時期に係る説明")]
    over = [_page(k + 1, lab) for k, lab in enumerate([first, second, third, last] * 2)]
    assert strip_ranks(over) == {0: 0, 1: 1, 2: 2, 3: 3, 4: 0, 5: 1, 6: 2, 7: 3}
    down = [
        _page(k + 1, lab) for k, lab in enumerate([first, first, second, second, third, third, last, last])
    ]
    assert strip_ranks(down) == {0: 0, 1: 0, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 3}


def test_label_rows_of_one_whole_table_make_no_strips():
    """A table printing all six labels on a page and a page whose label row was read short (no
    説明), or a page opening with a wrapped 説明 label piece: no strips, nothing joined."""
    whole = [
        (0, "変更日"),
        (40, "項目"),
        (80, "変更前の記載"),
        (160, "変更後の記載"),
        (240, "提出時期"),
        (300, "説明"),
    ]
    short = whole[:5]
    assert strip_ranks([_page(1, whole), _page(2, short)]) == {}
    assert strip_ranks([_page(1, whole), _page(2, [(0, "る説明")])]) == {}
    pages = [_page(1, whole), _page(2, whole)]
    assert join_column_strips(pages) == (pages, [], {})


def test_strips_of_unequal_page_counts_are_flagged():
    """Three strips whose last prints fewer pages than the first: joined in order as far as they
    go, a note counts them and every first-strip page's rows carry column_guess."""
    first = [(0, "変更日"), (40, "項目")]
    middle = [(0, "変更前の記載"), (100, "変更後の記載")]
    last = [(0, "提出時期"), (60, "提出時期に係る説明")]
    pages = [_page(k + 1, lab) for k, lab in enumerate([first, first, middle, middle, last])]
    kept, notes, flags = join_column_strips(pages)
    assert [p.page for p in kept] == [1, 2]
    assert any("1 pages print only the last columns" in n and "1 not joined" in n for n in notes), notes
    assert flags == {1: DOUBT_FLAG, 2: DOUBT_FLAG}


def test_a_layout_text_of_three_strips_marks_its_words():
    """A -layout text's pages of three strips: nothing joined, every word guessed, a note."""
    first = [(0, "変更日"), (12, "項目")]
    middle = [(0, "変更前の記載"), (30, "変更後の記載")]
    last = [(0, "提出時期"), (10, "提出時期に係る説明")]
    pages = [_page(k + 1, lab) for k, lab in enumerate([first, middle, last])]
    notes: list[str] = []
    assert join_layout_strips(pages, notes) == pages
    assert len(notes) == 1 and "in 3 strips" in notes[0]
    assert all(w.guess == MANY_WHY for p in pages for w in p.words)


def test_a_last_strip_page_may_repeat_the_date_column():
    """pdf_scan: a page whose label row prints 変更日 (a print-title column) and then 提出時期 /
    説明 but neither 項目 nor 変更前 is a later strip's page; a whole label row is not."""
    assert _last_columns("（別添２）変更箇所No.変更日変更後の記載提出時期1R3.9.4")
    assert _last_columns("No.変更日提出時期に係る説明1R3.9.4生活保護法")
    assert not _last_columns("変更日項目変更前の記載変更後の記載提出時期提出時期に係る説明")
    assert not _last_columns("変更日変更前の記載変更後の記載提出時期説明")
