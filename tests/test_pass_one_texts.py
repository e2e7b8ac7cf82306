"""Calc's first pass holds every one-line cell (issue 10, samples/office3): short before / after /
explanation cells printed before the wrapped cells, header labels wrapped at any character, and
item columns as wide as the body's."""

from __future__ import annotations

import json

from piatable.models import CellLine
from piatable.normalize.passone import Take, align_pieces, text_columns
from piatable.normalize.region import furniture_mask
from piatable.pipeline import extract_document

from .conftest import SAMPLES, expected_beside, squash


def _record(case: str, index: int):
    path = SAMPLES / "office3" / case / "input.txt"
    return extract_document(path).records[index], expected_beside(path)[index]


def test_a_one_line_before_cell_in_pass_one_goes_to_its_row():
    """calc-v1: ``課税資料のパンチ入力業務 事前`` is row 4's before cell and timing, printed in
    pass 1 with the timings of the rows above; before, it made the text unreadable in this order."""
    for tool in ("pdftotext-raw", "pypdfium2"):
        got, want = _record(f"calc-v1-{tool}", 4)
        assert squash(got.before) == squash(want["before"]) == "課税資料のパンチ入力業務"
        assert got.timing == want["timing"]
        assert squash(got.item) == squash(want["item"])


def test_an_item_column_as_wide_as_the_body_keeps_its_item():
    """calc-v1's item column is wider than its explanation column: the item's lines are not
    read as the before cell (the row was shifted one column to the right)."""
    got, want = _record("calc-v1-pdftotext-raw", 0)
    assert squash(got.item) == squash(want["item"])
    assert squash(got.before) == squash(want["before"])


def test_a_header_label_wrapped_at_any_character_is_furniture():
    lines = [
        CellLine(t, 1, k)
        for k, t in enumerate(
            [
                "変更日 項目 変更前の記載 変更後の記載 提出時期",
                "2022/04/01",
                "事後",
                "2021/09/01",
                "提出時期に係る説",
                "明",
                "Ⅱ特定個人情報ファイルの概要",
            ]
        )
    ]
    assert furniture_mask(lines) == [True, False, False, False, True, True, False]


def test_a_wrapped_label_among_pass_one_no_longer_hides_the_order():
    """calc-v5: ``提出時期に係る説`` / ``明`` stood first among the wrapped cells; its rows' dates
    were handed out one row late."""
    got, want = _record("calc-v5-pdftotext-raw", 0)
    assert got.change_date == want["change_date"]
    assert squash(got.item) == squash(want["item"])


def test_pass_one_pieces_are_aligned_with_their_rows():
    """Two rows: the first prints date, before, after, timing and explanation on one line; the
    second (its date merged above) its timing and a one-line explanation."""
    pieces = [
        CellLine("令和2年4月1日", 1, 1),
        CellLine("市民課", 1, 1),
        CellLine("市民窓口課", 1, 1),
        CellLine("事後", 1, 1),
        CellLine("組織改正", 1, 1),
        CellLine("事前", 1, 2),
        CellLine("時点修正", 1, 2),
    ]
    plan, _ = align_pieces(pieces, [False, False], (False, False))
    assert [(t.date, t.pre, t.timing, t.post) for t in plan] == [(True, 2, True, 1), (False, 0, True, 1)]
    assert text_columns(plan[0], pieces[1:3] + pieces[4:5], False) == {
        "before": pieces[1],
        "after": pieces[2],
        "explanation": pieces[4],
    }


def test_a_lone_closing_cell_is_the_after_cell():
    take = Take(True, 1, True, 0)
    cl = CellLine("新規追加", 1, 1)
    assert text_columns(take, [cl], True) == {"after": cl}


def test_an_after_cell_running_on_into_the_explanation_is_doubted():
    """``…への移行に`` / ``伴う変更``: the cut between after and explanation falls inside a phrase
    (the line ends on a particle), so the row says the cut is a guess; a complete cell beside an
    explanation that opens a new phrase does not."""
    from piatable.models import RawRow
    from piatable.normalize.passone import runs_into_explanation
    from piatable.normalize.tokenizer import default_tokenizer
    from piatable.settings import Settings

    def row(after: str, explanation: str) -> RawRow:
        r = RawRow()
        r.cells["after"] = [CellLine(after, 1, 1)]
        r.cells["explanation"] = [CellLine(explanation, 1, 2)]
        return r

    tok, settings = default_tokenizer(), Settings()
    assert runs_into_explanation(row("標準準拠システムへの移行に", "伴う変更"), 40, settings, tok)
    assert not runs_into_explanation(
        row("[ 特に力を入れて行っている ]", "研修体制の見直しによる修正"), 30, settings, tok
    )


def test_a_pass_one_timing_that_pypdfium2_put_after_the_item_on_its_line():
    """calc-v6, pypdfium2: ``令和4年4月1日 Ⅴ開示請求、問合せ 事後`` (pypdfium2 orders a printed
    line by position): the timing is pass 1's, not a timing among the wrapped cells, so the page
    is read in the two-pass order and the row gets it."""
    got, want = _record("calc-v6-pypdfium2", 3)
    assert (got.change_date, got.timing) == (want["change_date"], want["timing"])
    assert squash(got.item) == squash(want["item"])
    assert squash(got.explanation) == squash(want["explanation"])


def test_a_lone_closing_cell_beside_a_merged_timing_is_the_after_cell():
    cl = CellLine("上記を新規追加", 1, 1)
    assert text_columns(Take(False, 1, False, 0), [cl], True) == {"after": cl}
    other = CellLine("市民課", 1, 1)
    assert text_columns(Take(False, 1, False, 0), [other], True) == {"before": other}


def test_an_item_beside_a_pass_one_timing_opens_its_row():
    """calc-v3, pypdfium2: ``事後 Ⅱ特定個人情報ファイルの`` (pypdfium2 joins a baseline's pieces):
    the item opens the page's first wrapped row; the page's wrapped lines were read as pass-1
    cells instead, each left over as a row of its own (34 rows for 16)."""
    path = SAMPLES / "office3" / "calc-v3-pypdfium2" / "input.txt"
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    assert len(extract_document(path).records) == len(expected)
