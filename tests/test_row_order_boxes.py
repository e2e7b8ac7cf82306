"""Boxed text (pdfminer, plain pdftotext) whose rows come out whole in row order (Calc), and
column labels wrapped in their header cells opening a box (Writer): normalize/row_doubts.py,
normalize/boxes.py (issues 10 and 12, branch column13)."""

from __future__ import annotations

import json
from pathlib import Path

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.boxes import without_label_boxes
from piatable.normalize.columnar import column_order_rows

from .test_columnar import box_lines

ROOT = Path(__file__).resolve().parent.parent


def _row(date: str, item: str, before: str, after: str, timing: str, expl: str) -> list[list[str]]:
    return [[date], [item, "①部署"], [before], [after], [timing], [expl]]


# Three rows emitted one after another, each date, item, before, after, timing, explanation;
# two neighbouring rows amend alike (保険年金課 → 国保年金課, then 保険年金課長 → 国保年金課長), so
# that pairing by likeness alone would take both befores first.
ROWS = [
    *_row("令和3年4月1日", "Ⅰ基本情報", "市民課", "市民窓口課", "事後", "組織改正による修正"),
    *_row("令和3年4月1日", "Ⅰ基本情報", "保険年金課", "国保年金課", "事後", "組織改正による部署名の変更"),
    *_row("令和3年4月1日", "Ⅰ基本情報", "保険年金課長", "国保年金課長", "事後", "組織改正による役職名の変更"),
]


def test_rows_emitted_whole_in_row_order_are_read_so_and_trusted():
    lines, gaps = box_lines(ROWS)
    rows = column_order_rows(lines, gaps)
    text = lambda r, key: "".join(c.text for c in r.cells[key])  # noqa: E731
    got = [(text(r, "before"), text(r, "after")) for r in rows]
    assert got == [("市民課", "市民窓口課"), ("保険年金課", "国保年金課"), ("保険年金課長", "国保年金課長")]
    for r in rows:
        assert not [d for d in r.doubts if d.kind == "column_guess"], r.doubts
        order = [d for d in r.doubts if d.kind == "column_order"]
        assert order and "whole in row order" in order[0].why and order[0].strength < 0.5
        assert r.confidence >= 0.9


def test_rows_whose_cells_interleave_with_other_rows_keep_their_doubt():
    # The same cells, but the third row's before emitted inside the second row's run, after
    # the second row's before (Writer prints several befores, then their afters).
    boxes = [list(b) for b in ROWS]
    boxes.insert(9, boxes.pop(14))
    lines, gaps = box_lines(boxes)
    rows = column_order_rows(lines, gaps)
    assert len(rows) == 3
    for r in rows[1:]:
        order = [d for d in r.doubts if d.kind == "column_order"]
        assert order and "whole in row order" not in order[0].why and order[0].strength == 1.0
        assert r.confidence < 0.9
    # The first row's run holds none of the others' boxes: it is still trusted.
    assert rows[0].confidence >= 0.9


def test_a_label_wrapped_in_its_header_cell_opening_a_box_is_furniture():
    # Writer's narrow timing and explanation columns wrap their labels (提出 / 時期, 提出時期に係る説
    # / 明); pdfminer joins each with its column's first cell.
    boxes = [
        ["提出", "時期", "事後"],
        ["提出時期に係る説", "明", "組織改正による部", "署名の変更"],
        ["時期を改めた"],
    ]
    lines, gaps = box_lines(boxes)
    kept, kept_gaps = without_label_boxes(lines, gaps)
    assert [cl.text for cl in kept] == ["事後", "組織改正による部", "署名の変更", "時期を改めた"]
    assert kept_gaps == [True, True, False, True]


def test_a_calc_table_pdfminer_emitted_in_row_order_is_read_whole():
    # samples/outsider/out-calc-7-pdfminer: each row's boxes in row order; the explanation
    # boxes (組織改正による部署名の変 / 更) are no wider than the before/after ones.
    case = ROOT / "samples" / "outsider" / "out-calc-7-pdfminer"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(case / "input.txt")
    squash = lambda v: "".join(str(v or "").split())  # noqa: E731
    for rec, exp in zip(res.records, expected, strict=True):
        for key in ("before", "after", "explanation"):
            assert squash(getattr(rec, key)) == squash(exp[key]), (rec.row_index, key)


def test_an_untitled_table_opens_at_the_date_label_over_its_dates():
    # Plain pdftotext of an untitled Calc table (samples/colorder13/c13-calc-5): the 変更日 label
    # opens its column's box of dates; no other label is near, and the first dates' blocks hold
    # no timing.  The region opens at the label, so no date is lost.
    from piatable.normalize.region import _untitled_labels

    texts = ["変更日", "2019/5/1", "", "2020/4/1", "", "2021/9/1", "", "項目", "Ⅰ基本情報", "①部署"]
    texts += ["", "Ⅱ特定個人情報ファイルの概要", "", "変更前の記載", "", "市民課", "", "事前"]
    raw = [CellLine(t, 1, n) for n, t in enumerate(texts, 1) if t]
    assert _untitled_labels(raw, 1) == 0
    # Another label alone there opens nothing; nor does 変更日 with no timing after it.
    assert _untitled_labels([CellLine("項目", 1, 1), *raw[1:]], 1) is None
    assert _untitled_labels(raw[:-1], 1) is None
    case = ROOT / "samples" / "colorder13" / "c13-calc-5-pdftotext"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = [r.change_date for r in extract_document(case / "input.txt").records]
    assert got == [e["change_date"] for e in expected]
