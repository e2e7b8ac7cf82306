"""Two amendment tables in one document with prose between them (branch between18).

The samples are LibreOffice exports made by ``tools/make_outsider_tables.py --set
office-between18`` (tuning set; ``heldout-between18`` is measured only)."""

from __future__ import annotations

import json

import pytest

from piatable import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-between18"


def _truth(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pdftotext-layout"])
def test_prose_between_two_writer_tables_is_no_cell_of_the_last_row(tool):
    """bt18-writer-2: the paragraph 次の表は、しきい値評価の再実施に伴い… stands between the two
    tables; the first table's last row keeps its own explanation and the paragraph is named in a
    note, in no record."""
    case = f"bt18-writer-2-{tool}"
    result = extract_document(SET / case / "input.txt")
    truth = _truth(case)
    assert len(result.records) == len(truth) == 9
    last_of_first = result.records[1]
    assert (
        _squash(last_of_first.explanation)
        == _squash(truth[1]["explanation"])
        == "番号法の改正に伴う条項の修正"
    )
    assert not any(
        "しきい値評価の再実施" in _squash(getattr(r, f))
        for r in result.records
        for f in ("item", "before", "after", "explanation")
    )
    assert any("text between two tables" in n and "しきい値評価の再実施" in n for n in result.notes)
    assert _squash(result.records[2].item) == _squash(truth[2]["item"])


def test_two_prose_lines_above_a_second_label_row_in_layout_text():
    """bt18-calc-3 (-layout): ``※   上記のほか、…`` and ``２ 令和３年度の見直しに伴う変更`` sit
    between a row and the second table's wrapped label row on one page: the page is read as two
    tables; the row above keeps its cells."""
    case = "bt18-calc-3-pdftotext-layout"
    result = extract_document(SET / case / "input.txt")
    truth = _truth(case)
    assert len(result.records) == len(truth)
    for got, want in zip(result.records, truth, strict=True):
        assert _squash(got.change_date_raw) == _squash(want["change_date_raw"])
        assert _squash(got.item) == _squash(want["item"])
    assert not any("字句の修正" in _squash(r.item + r.explanation) for r in result.records)
    assert any("上記のほか、字句の修正を行った。" in n for n in result.notes)


@pytest.mark.parametrize("case", ["bt18-calc-1", "bt18-writer-2"])
def test_prose_between_two_ruled_tables_of_a_pdf_is_no_row(case):
    """In a text-layer PDF the paragraph lies between the tables' rulings, beside no vertical
    ruling: it is no row (before: a row of its own, 以下は、令和４年度… read as a date)."""
    result = extract_document(SET / case / "input.pdf")
    truth = _truth(case)
    assert len(result.records) == len(truth)
    assert [_squash(r.item) for r in result.records] == [_squash(t["item"]) for t in truth]
    assert any(n.startswith("text between two tables, not a row") for n in result.notes)


def test_footer_page_numbers_in_their_usual_forms_are_furniture():
    from piatable.vocabulary import is_page_number

    for text in ("- 2/2 -", "－ ２／３ －", "2 / 3", "- 2 -", "3/12"):
        assert is_page_number(text), text
    for text in ("2021/4/1", "- 2 - 3", "第2/3項"):
        assert not is_page_number(text), text


def test_prose_is_found_by_width_only_right_before_a_label_row():
    from piatable.models import CellLine
    from piatable.normalize.between import prose_before_labels

    cells = ["令和3年4月1日", "Ⅰ基本情報", "番号法第９条第１項", "別表第一の３０の項", "事後", "時点修正"]
    body = [CellLine(t, 1, k, None, None) for k, t in enumerate(cells * 3)]
    wide = CellLine("上記の変更は、平成３１年度の評価書の修正として提出したものである。", 1, 90, None, None)
    labels = CellLine("変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明", 1, 91, None, None)
    lines = [*body, wide, labels, *body]
    assert prose_before_labels(lines) == [len(body)]
    # The same line amid the rows (no label row after it) is left to the rows.
    assert prose_before_labels([*body, wide, *body]) == []
    # A cell-wide line before the label row is the last row's text.
    assert prose_before_labels([*body, body[3], labels, *body]) == []


def test_a_cell_holding_a_whole_further_row_is_a_row_split_guess():
    from piatable.models import Record
    from piatable.normalize.evidence import whole_row_doubts

    def rec(explanation: str) -> Record:
        return Record("s", 0, 1, 1, None, "", "Ⅰ基本情報", [], "前", "後", "事後", explanation)

    swallowed = rec(
        "組織改正に伴う修正\n令和4年4月1日\nⅡ特定個人情報ファイルの概要\n保険年金課\n国保年金課\n事後"
    )
    assert [(d.kind, d.field) for d in whole_row_doubts(swallowed)] == [("row_split_guess", "explanation")]
    assert whole_row_doubts(rec("組織改正に伴う修正\n令和4年4月1日 事後"))
    assert not whole_row_doubts(rec("組織改正に伴う修正"))
    # A date cell (①実施日) opening with its date, and a date line with no timing after it.
    assert not whole_row_doubts(rec("令和4年4月1日\n事後に実施"))
    assert not whole_row_doubts(rec("令和4年4月1日から実施\n令和5年4月1日まで"))
