"""A numbering column and a kind column before 変更日 (変更箇所No. + 区分 / 種別) in row-ordered
text (branch numkind60, set XXI t12): the numbering label printed apart from the label row (Calc
prints it, wrapped, among the second pass's cells), PyMuPDF's one cell a line, and a row's number
and kind glued to the cell read before it (warned).  Samples: office-numkind60 (LibreOffice Calc
and Writer PDFs, real extractors)."""

from __future__ import annotations

import json

import pytest

from piatable.models import Record
from piatable.normalize.lead_glue import lead_glue_doubts
from piatable.normalize.lead_lines import join_lead_lines
from piatable.normalize.row_numbers import NUMBER_LABEL_SET, strip_lead_columns
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-numkind60"


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "case",
    [
        "n60-calc-smallkind-pypdfium2",  # 種別 変更日 … ; 変更箇所No. alone among the wrapped cells
        "n60-calc-smallkind-pymupdf-flags0",  # 1 / 削除 / 事前: one cell a line
        "n60-calc-smallkind-pymupdf-flags0+nl",
        pytest.param(
            "n60-calc-longkind-pymupdf",
            marks=pytest.mark.xfail(
                strict=True,
                reason="dates wrapped (second pass) and one kind word (追加) never before a date or"
                " timing: 追加 stays before its 変更前 cell, 15 rows of 10 (the extra ones warned)",
            ),
        ),
        "n60-calc-longkind-pdftotext-raw",  # 1 追加 a one-line 変更前 cell (the date wrapped)
        "n60-calc-longkind-pypdf+nl",
        "n60-writer-numkind-pymupdf+nl",  # No. / 区分 over 変更日, one cell a line
    ],
)
def test_every_row_is_read_with_its_date_and_the_columns_are_noted(case):
    """The base (9aee3e2a) read the Calc ones into 7 rows of 5, 14 and 12 of 10 (the number and
    kind of each row hid its date, or ran on at the end of the row above) and noted no kind column
    in the Writer one."""
    result = extract_document(SET / case / "input.txt")
    expected = _expected(case)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    assert any(n.startswith("a numbering column (") for n in result.notes), result.notes
    assert any(n.startswith("a kind column (") for n in result.notes), result.notes
    for r in result.records:  # no kind word left at a cell's start, no number glued at its end
        assert not lead_glue_doubts(r), (r.before, r.explanation)


def test_the_numbering_label_apart_from_the_label_row_is_set_aside():
    text = (SET / "n60-calc-smallkind-pypdfium2" / "input.txt").read_text("utf-8")
    assert "変更箇所No." in text
    out, notes = strip_lead_columns(text)
    assert "変更箇所No." not in out
    assert notes[0].startswith("a numbering column (変更箇所No.) was read: 5 row numbers")


def test_one_cell_a_line_is_joined_only_under_a_kind_label():
    """A PyMuPDF text of a table numbered but with no kind column (番号 alone: its number, then
    a one-line 変更前 cell such as 新規追加, then the timing) is left as it is."""
    text = (SAMPLES / "office-bikou55" / "b55-calc-longlead-pymupdf" / "input.txt").read_text("utf-8")
    assert join_lead_lines(text, NUMBER_LABEL_SET) == (text, 0)
    kinds = (SET / "n60-calc-numkind-pymupdf" / "input.txt").read_text("utf-8")
    joined, rows = join_lead_lines(kinds, NUMBER_LABEL_SET)
    assert rows == len(_expected("n60-calc-numkind-pymupdf"))
    assert "\n1 修正 2016/10/1\n" in joined


def _record(**cells: str) -> Record:
    base = dict.fromkeys(("change_date_raw", "item", "before", "after", "explanation"), "")
    base.update(cells)
    return Record("x.txt", 0, 1, 1, None, item_path=[], timing=None, **base)


def test_a_number_and_kind_glued_to_a_cell_is_warned():
    # Set XXI t12, PyMuPDF flags=0 on 9aee3e2a: conf 0.91, no flag.
    glued = _record(explanation="組織改正に伴う修正8修正")
    assert [(d.kind, d.field) for d in lead_glue_doubts(glued)] == [("column_guess", "explanation")]
    opening = _record(explanation="番号法別表第二の改正に伴う提供先の追加\n3変更2020年11月\n16日")
    assert [d.field for d in lead_glue_doubts(opening)] == ["explanation"]
    # Counters, articles and dates are no glued opening.
    plain = _record(
        before="番号法第１９条第７号　別表第二の４２の項",
        after="令和5年12月1日から令和5年12月28日まで",
        explanation="番号法の改正に伴う別表の項番号の修正",
    )
    assert lead_glue_doubts(plain) == []
