"""Column-ordered text (pdfminer, plain pdftotext) with an empty 説明 cell: the explanation boxes
are placed after the timing boxes they follow in the extractor's order, so a missing one leaves
its own row empty instead of sliding every later explanation up a row (issue 10, flow22)."""

import json
from pathlib import Path

import piatable
from piatable.models import CellLine, RawRow
from piatable.normalize.boxes import Box
from piatable.normalize.explanation_runs import (
    AFTER_TIMING,
    NONE_AFTER_TIMING,
    explanations_after_timings,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _box(text: str) -> Box:
    return Box([CellLine(text, 1, 0)])


def _rows_with_timings(timings: list[Box]) -> list[RawRow]:
    rows = []
    for t in timings:
        row = RawRow()
        row.cells["timing"] = list(t.lines)
        rows.append(row)
    return rows


def test_a_timing_run_without_an_explanation_after_it_leaves_its_row_empty():
    t = [_box("事前"), _box("事後"), _box("事後")]
    e = [_box("組織改正による部署名の変更"), _box("時点修正")]
    # Stream: t0 e0, t1 e1, (the next row's cells), t2, page end.
    stream = [t[0], e[0], t[1], e[1], _box("削除"), t[2]]
    pos = {id(b): k for k, b in enumerate(stream)}
    got = explanations_after_timings(_rows_with_timings(t), [0, 1, 2], e, t, pos)
    assert got == [(e[0], AFTER_TIMING), (e[1], AFTER_TIMING), (None, NONE_AFTER_TIMING)]


def test_a_run_of_timings_with_fewer_explanations_after_it_decides_nothing():
    # Column by column: all timings, then the explanations; which row lacks one is not shown.
    t = [_box("事前"), _box("事後"), _box("事後")]
    e = [_box("組織改正による部署名の変更"), _box("時点修正")]
    stream = [*t, *e]
    pos = {id(b): k for k, b in enumerate(stream)}
    assert explanations_after_timings(_rows_with_timings(t), [0, 1, 2], e, t, pos) is None
    # A run of two timings with two explanations after it: one each, in order.
    stream = [t[0], t[1], e[0], e[1], t[2]]
    pos = {id(b): k for k, b in enumerate(stream)}
    got = explanations_after_timings(_rows_with_timings(t), [0, 1, 2], e, t, pos)
    assert [b for b, _ in got] == [e[0], e[1], None]


def test_a_one_page_pdfminer_text_with_an_empty_last_explanation_keeps_the_others_in_place():
    """pdfminer prints the column labels where their columns start, mid-page: a one-page text
    (one form feed, at its end) is still one page, and the last row's empty 説明 shifts nothing."""
    case = SAMPLES / "office-flow22" / "f22-calc-municipal-pdfminer"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = piatable.extract_document(case / "input.txt").records
    assert [r.timing for r in got] == [e["timing"] for e in expected]
    assert [r.explanation or "" for r in got[2:]] == [e["explanation"] for e in expected[2:]]
    assert got[-1].explanation in ("", None)
    assert "column_guess" in got[-1].flags


def test_an_explanation_phrase_with_an_object_before_its_noun_reads_as_an_explanation():
    from piatable.normalize.columnar import EXPLANATION_PHRASE_END

    for text in ("番号法の改正に伴う条項の修正", "組織改正による役職名の変更", "時点修正に伴う追加"):
        assert EXPLANATION_PHRASE_END.search(text), text
    for text in ("番号法第１９条第８号", "上記を新規追加", "保険年金課長"):
        assert not EXPLANATION_PHRASE_END.search(text), text
