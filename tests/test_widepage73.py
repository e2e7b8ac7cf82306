"""Sheets wider than the paper (branch widepage73: set XXXIV's n10, 0 of 20 rows).

samples/office-widepage73 (tools/make_widepage73_samples.py, LibreOffice Calc at 100 %): the
columns that do not fit the page print on later pages, in both page orders, on A4 / A3, with a
running head naming the form (特定個人情報保護評価書（全項目評価書）, whose 項目 hid the last
columns' pages from the table's page scan), sometimes the first column repeated on every page as
a print-title column.  The PDF's column pages are joined by their rulings
(``normalize/column_strips.py``), a ``-layout`` text's by row order
(``normalize/grid/layout_strips.py``); a row-ordered text says it cannot join them.
"""

from __future__ import annotations

import json

import pytest

from piatable.models import PageWords, Word
from piatable.normalize.column_strips import ROW_ORDER_NOTE, unprinted_last_labels
from piatable.normalize.grid.layout_strips import UNJOINED_WHY, join_layout_strips
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-widepage73"
CELLS = ("change_date", "item", "before", "after", "timing", "explanation")


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize(
    "case",
    ["wp73-calc-a4l-down", "wp73-calc-a4p-over", "wp73-calc-a4l-down-datecol", "wp73-calc-a4l-down-after"],
)
def test_the_pdf_of_a_sheet_wider_than_the_paper_reads_whole_rows(case):
    """down / over page orders, the 変更日 column repeated on every page (datecol: left out of the
    column pages, read on the first ones), the cut before 変更後 (after): every row whole."""
    result = extract_document(SET / case / "input.pdf")
    got = [[_squash(getattr(r, k)) for k in CELLS] for r in result.records]
    assert got == [[_squash(e[k]) for k in CELLS] for e in _expected(case)]
    assert any("print the last columns" in n and "joined" in n for n in result.notes)


def test_a_layout_text_of_such_a_sheet_joins_its_column_pages_by_row_order():
    """``pdftotext -layout``: pages 6-10 print 変更後 / 提出時期 / 説明 / 備考 of the rows of
    pages 1-5; each row gets its own timing and explanation (before the join: 15 rows for 10,
    none of them right)."""
    case = "wp73-calc-a4l-down-after"
    result = extract_document(SET / f"{case}-pdftotext-layout" / "input.txt")
    expected = _expected(case)
    assert len(result.records) == len(expected)
    pairs = list(zip(result.records, expected, strict=True))
    assert sum(r.timing == e["timing"] for r, e in pairs) >= len(pairs) - 1  # (as read: 9 of 10)
    assert sum(_squash(r.explanation) == _squash(e["explanation"]) for r, e in pairs) >= 7  # (of 10)
    assert any("joined to its page's rows in order" in n for n in result.notes)


def test_a_row_ordered_text_of_such_a_sheet_says_so():
    result = extract_document(SET / "wp73-calc-a4l-down-pypdfium2" / "input.txt")
    opening = ROW_ORDER_NOTE.split("{")[0]
    assert any(n.startswith(opening) for n in result.notes)
    assert result.status == "partial"


def _page(page: int, lines: list[list[tuple[float, str]]]) -> PageWords:
    words = [
        Word(text, page, x, x + 2 * len(text), float(y), float(y + 1))
        for y, line in enumerate(lines)
        for x, text in line
    ]
    return PageWords(page, 80.0, float(len(lines)), "cell", "text", words)


def test_layout_column_pages_whose_rows_do_not_pair_are_left_apart_and_doubted():
    """Two rows on the first columns' page, one 事前 on the last columns' page: not joined; a
    note says so and the words carry the guess the grid makes ``column_guess``."""
    first = _page(
        1,
        [
            [(0, "変更日"), (12, "項目"), (30, "変更前"), (50, "変更後")],
            [(0, "2024/4/1"), (12, "Ⅰ基本情報")],
            [(0, "2024/5/1"), (12, "Ⅱ概要")],
        ],
    )
    last = _page(2, [[(0, "提出時期"), (12, "説明")], [(0, "事前"), (12, "誤記の訂正")]])
    notes: list[str] = []
    pages = join_layout_strips([first, last], notes)
    assert [p.page for p in pages] == [1, 2]
    assert any("do not pair" in n for n in notes)
    assert all(w.guess == UNJOINED_WHY for p in pages for w in p.words)


def test_a_table_without_its_last_columns_names_them():
    first = _page(1, [[(0, "変更日"), (12, "項目"), (30, "変更前"), (50, "変更後")], [(0, "2024/4/1")]])
    assert unprinted_last_labels([first]) == ["提出時期", "説明"]


def test_a_calc_sheet_printed_four_strips_wide_over_then_down_reads_its_rows():
    """Four column strips a row block, over then down, No. and 変更日 as print-title columns (set
    XXXV k01): before branch strips74, 0 rows (status partial, SHOWN_NOT_READ).  Now its 16 rows
    read across the four strips (pages 1-4 and 5-8), each row's 変更前 (page 2), 変更後 / 提出時期
    (page 3) and 説明 (page 4) its own; the print-title columns not doubled.  The values are
    those pdftotext -layout prints on the strips' pages."""
    from pathlib import Path

    pdf = Path(__file__).parent / "data" / "wide_strips73" / "four_strips_over_then_down.pdf"
    result = extract_document(pdf)
    rows = result.records
    assert len(rows) == 16, result.notes
    assert [r.change_date_raw for r in rows] == ["R3.9.4"] * 6 + ["H29.8.17"] * 5 + ["H29.4.7"] * 5
    assert rows[0].item.startswith("Ⅱ特定個人情報ファイルの概要")
    assert _squash(rows[0].before) == "紙媒体はシュレッダーにより裁断する。"
    assert _squash(rows[0].after) == "紙媒体は専門業者による溶解処理を行い、溶解証明書を受領する。"
    assert _squash(rows[2].after) == "削除"
    assert _squash(rows[4].before) == ""  # an empty 変更前 cell (page 2, row 5)
    assert _squash(rows[4].after) == "令和7年3月17日"
    assert [r.timing for r in rows] == ["事前"] * 11 + ["事後"] * 5
    assert all(
        _squash(r.explanation) == "生活保護法施行規則の改正（令和７年４月施行）に伴う修正" for r in rows[:11]
    )
    assert all(_squash(r.explanation) == "委託先の変更（重要な変更にあたらない）" for r in rows[11:])
    assert not any(r.change_date_raw in (r.before or "") for r in rows)  # 変更日 not doubled
    assert sum("of the rows of pages 1, 5" in n for n in result.notes) == 3
