"""Sheets with the date in the middle or last whose records go on in the next sheet row with the
last lines of 変更前 / 説明 (branch order74, samples/order74, tools/make_order74_samples.py): the
continuation joins its record (``row_continued``); where the text cannot tell a continuation
from a change of its own, both rows are warned."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from piatable.normalize.grid.continued_rows import (
    COPIED_ANCHORS_WHY,
    LONE_EXPLANATION_WHY,
    LONE_REASON_WHY,
    continuation_of,
    join_continued_rows,
)
from piatable.normalize.grid.emptied_columns import emptied_page_notes
from piatable.normalize.grid.page_top_rests import page_top_rest_doubts
from piatable.normalize.grid.weight_remarks import is_weight_remark
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "order74"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
# Flags that only say how a row was read (tools/bench_calibration.INFORMATIONAL).
INFORMATIONAL = {"ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy"}


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


def _expected(case: str) -> list[dict]:
    return json.loads((SAMPLES / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("case", ["or74-calc-2", "or74-calc-6", "or74-calc-7"])
def test_pdf_joins_continuation_rows(case: str) -> None:
    """Calc PDFs (No.｜項目｜変更前｜変更後｜変更日｜…): a next sheet row holding the 説明's last
    paragraph (calc-2), a record's 項目 / 変更前 / 説明 rest at the top of the next page under a
    repeated label row (calc-6), 変更前 and 説明 cut after 、 (calc-7): one record per change,
    every field right (spaces aside), each joined record flagged row_continued."""
    result = extract_document(SAMPLES / case / "input.pdf")
    expected = _expected(case)
    assert len(result.records) == len(expected)
    continued = json.loads((SAMPLES / "cases.json").read_text("utf-8"))[case]["continued"]
    for k, (got, want) in enumerate(zip(result.records, expected, strict=True)):
        for f in FIELDS:
            assert _squash(getattr(got, f)) == _squash(want[f]), (k, f)
        if str(k) in continued:
            assert "row_continued" in got.flags, k


def test_no_wrong_pdf_row_unwarned() -> None:
    """No PDF row of the set is wrong at confidence 0.9 or more without a warning flag (before the
    branch: 14 such rows, the continuations read as rows of their own)."""
    for case in ("or74-calc-1", "or74-calc-3", "or74-calc-5", "or74-writer-9"):
        result = extract_document(SAMPLES / case / "input.pdf")
        expected = _expected(case)
        assert len(result.records) == len(expected), case
        for got, want in zip(result.records, expected, strict=True):
            wrong = [f for f in FIELDS if _squash(getattr(got, f)) != _squash(want[f])]
            warned = got.confidence < 0.9 and bool(set(got.flags) - INFORMATIONAL)
            assert not wrong or warned, (case, got.item, wrong)


def test_layout_page_without_labels_and_its_explanations_is_flagged() -> None:
    """pdftotext -layout of or74-calc-8 (label row not repeated): pages 2 and 3 read their 説明
    into 項目 / 変更後; every row of those pages is flagged column_guess and a note names them."""
    result = extract_document(SAMPLES / "or74-calc-8-pdftotext-layout" / "input.txt")
    later = [r for r in result.records if r.page_start >= 2 and not r.explanation]
    assert later and all("column_guess" in r.flags and r.confidence < 0.9 for r in later)
    assert any("提出時期に係る説明" in n and "column_guess" in n for n in result.notes)


def _line(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text)


def _row(
    date: str, item: str, before: str, after: str, timing: str, expl: str, flags=(), page: int = 1
) -> SimpleNamespace:
    cells = {
        c: [_line(t) for t in v.split("\n")] if v else []
        for c, v in enumerate((date, item, before, after, timing, expl))
    }
    return SimpleNamespace(
        cells=cells, page_start=page, page_end=page, flags=list(flags), doubt=None, table=0
    )


ABOVE = ("2016/10/1", "Ⅰ基本情報\n②システムの機能", "", "新規追加", "事前", "課税資料の受領開始に伴う追加")


def test_explanation_paragraph_alone_joins_settled() -> None:
    """Ruled page: a row printing only the 説明's second paragraph (no date, item, timing nor
    side, none filled in) is the record above's, settled; with a side of its own too, a guess."""
    rest = _row("", "", "", "", "", "（評価の再実施によるもの）")
    assert continuation_of(rest, _row(*ABOVE)) == ([5], True)
    above = _row(*ABOVE[:2], "・年１回、自己点検を行う。", *ABOVE[3:])
    with_side = _row("", "", "・記録を残す。", "", "", "※軽微な変更")
    assert continuation_of(with_side, above) == ([2, 5], False)
    # A 説明 beside a date filled in as merged (a ruling shows the merge): a change of its own.
    merged = _row(ABOVE[0], "", "", "", "", "※軽微な変更", ["merged_cell_filled"])
    assert continuation_of(merged, _row(*ABOVE)) is None


def test_join_flags_row_continued() -> None:
    rows = [_row(*ABOVE), _row("", "", "", "", "", "（評価の再実施によるもの）")]
    join_continued_rows(rows)
    assert len(rows) == 1 and "row_continued" in rows[0].flags and rows[0].doubt is None
    assert [ln.text for ln in rows[0].cells[5]] == [
        "課税資料の受領開始に伴う追加",
        "（評価の再実施によるもの）",
    ]


def test_page_top_item_rest_joins_despite_filled_flag() -> None:
    """A page's first row, no date nor timing, holding the 項目's last heading and the 変更前's
    rest after an open 、: the last record of the page before's, though flagged merged_cell_filled;
    on the same page the flag keeps it apart."""
    above = _row("R3.9.1", "Ⅲ…\n再委託先", "・やむを得ず再委託を行う場合は、", "削除", "事後", "見直し")
    top = _row("", "具体的な方法", "事前に承認を得る。", "", "", "（軽微）", ["merged_cell_filled"], page=2)
    assert continuation_of(top, above) == ([1, 2, 5], True)
    same_page = _row("", "具体的な方法", "事前に承認を得る。", "", "", "（軽微）", ["merged_cell_filled"])
    assert continuation_of(same_page, above) is None


def test_layout_rows_the_text_cannot_tell_are_warned() -> None:
    """Layout text: a row holding only its own 説明 beside a copied date, and a row whose date,
    item and timing are copies but whose 説明 is its own, stay apart, both rows in doubt; a row
    sharing the 説明 too is a change under merged cells, no doubt."""
    above = _row(*ABOVE)
    lone = _row(ABOVE[0], "", "", "", "", "（評価の再実施によるもの）", ["merged_cell_filled"])
    rows = [above, lone]
    join_continued_rows(rows, layout=True)
    assert len(rows) == 2 and above.doubt == lone.doubt == LONE_REASON_WHY
    above = _row(*ABOVE[:2], "・入退室を管理している。", "・入館を管理している。", *ABOVE[4:])
    copied = _row(*ABOVE[:2], "・監視カメラがある。", "・施錠している。", ABOVE[4], "重大な変更に該当しない")
    copied.flags.append("merged_cell_filled")
    rows = [above, copied]
    join_continued_rows(rows, layout=True)
    assert len(rows) == 2 and above.doubt == copied.doubt == COPIED_ANCHORS_WHY
    shared = _row(*ABOVE[:2], "保険年金課", "国保医療課", *ABOVE[4:], ["merged_cell_filled"])
    above = _row(*ABOVE[:2], "・入退室を管理している。", "・入館を管理している。", *ABOVE[4:])
    join_continued_rows([above, shared], layout=True)
    assert above.doubt is None and shared.doubt is None


def _page_rows(page: int, n: int, expl: str) -> list[SimpleNamespace]:
    return [_row(*ABOVE[:5], expl, page=page) for _ in range(n)]


def test_page_with_no_explanation_is_flagged() -> None:
    """A page none of whose rows holds a 説明, another page's rows all holding one: its rows
    get column_guess and a note; a page of one such row, or a table whose pages all lack one,
    is left alone."""
    rows = _page_rows(1, 4, "追加") + _page_rows(2, 3, "")
    notes = emptied_page_notes(rows)
    assert len(notes) == 1 and "page 2" in notes[0]
    assert all("column_guess" in r.flags for r in rows[4:]) and not any(
        "column_guess" in r.flags for r in rows[:4]
    )
    lone = _page_rows(1, 4, "追加") + _page_rows(2, 1, "")
    assert emptied_page_notes(lone) == []
    bare = _page_rows(1, 4, "") + _page_rows(2, 3, "")
    assert emptied_page_notes(bare) == []


def _at(text: str, line_no: int, page: int = 2) -> SimpleNamespace:
    return SimpleNamespace(text=text, line_no=line_no, page=page)


def _paged(cells: dict[int, list[SimpleNamespace]], page: int) -> SimpleNamespace:
    return SimpleNamespace(cells=cells, page_start=page, page_end=page, doubt=None, table=0)


def test_detached_lines_above_a_page_s_first_item_warn_both_rows() -> None:
    """Layout text: ``重大な変更に該当しない`` alone at page 2's top, a blank line, then the first
    row's 項目 and 説明: both that row and the page before's last are in doubt; a centred 説明
    starting above the 項目 with no blank line is the row's own."""
    last = _paged({1: [_at("Ⅰ基本情報", 40, 1)], 5: [_at("号ずれの修正", 40, 1)]}, 1)
    first = _paged(
        {
            1: [_at("Ⅱ特定個人情報ファイルの概要", 2)],
            5: [_at("重大な変更に該当しない", 0), _at("庁内連携の開始に伴う", 2), _at("追加", 3)],
        },
        2,
    )
    page_top_rest_doubts([last, first])
    assert first.doubt and first.doubt == last.doubt and "page 2" in first.doubt
    last = _paged({1: [_at("Ⅰ基本情報", 40, 1)]}, 1)
    centred = _paged({1: [_at("Ⅱ…", 2)], 5: [_at("委託先の", 1), _at("変更に伴う", 2), _at("修正", 3)]}, 2)
    page_top_rest_doubts([last, centred])
    assert centred.doubt is None and last.doubt is None


def test_lone_reason_row_stays_apart_and_warns_both() -> None:
    """Ruled page (branch order74b): a row printing only a 説明 that is a reason, not a remark on
    the change's weight, is a change printing only its reason (samples/office-twotables50) or the
    説明's rest: kept apart, both rows in doubt.  A weight remark under a 説明 that already names
    the weight is kept apart too (twotables50 t50-writer-v1)."""
    above = _row(*ABOVE)
    reason = _row("", "", "", "", "", "評価書の記載の誤りを訂正するもの。")
    assert continuation_of(reason, above) is None
    rows = [above, reason]
    join_continued_rows(rows)
    assert len(rows) == 2 and above.doubt == reason.doubt == LONE_EXPLANATION_WHY
    weighed = _row(*ABOVE[:5], "組織改正による部署名の変更\n重大な変更に該当しない")
    again = _row("", "", "", "", "", "重要な変更に当たらない。")
    assert continuation_of(again, weighed) is None
    for remark in ("※軽微な変更", "重大な変更に該当しない", "特定個人情報保護評価の再実施には該当しない"):
        assert continuation_of(_row("", "", "", "", "", remark), _row(*ABOVE)) == ([5], True)


def test_weight_remarks() -> None:
    assert is_weight_remark("（重要な変更に当たらない）") and is_weight_remark("※軽微な変更")
    assert not is_weight_remark("記載内容の明確化のため。")
    assert not is_weight_remark("重要な変更に当たらない。" * 3)  # a reason's length, not a remark


def test_layout_copied_anchors_with_a_pair_and_a_reason_is_a_change() -> None:
    """Layout text: a row whose date, item and timing are copies but which holds its own 変更前,
    変更後 and a 説明 that is a reason is a change under merged anchors (tests/data/
    layout_merged49 merged_items): no doubt; with a weight remark the 説明 above lacks, in doubt."""
    above = _row(*ABOVE[:2], "[ ]庁内連携システム", "[○]庁内連携システム", *ABOVE[4:])
    change = _row(*ABOVE[:2], "[ ]情報提供NWS", "[○]情報提供NWS", ABOVE[4], "情報連携の開始に伴う修正")
    change.flags.append("merged_cell_filled")
    rows = [above, change]
    join_continued_rows(rows, layout=True)
    assert len(rows) == 2 and above.doubt is None and change.doubt is None


def test_page_top_block_beside_another_column_s_lines_is_no_rest() -> None:
    """Layout text: a page's first row whose 変更前 and 変更後 lines take turns (each column
    stepping by two, samples/office-place61) has no blank line under its top block: no doubt."""
    last = _paged({1: [_at("Ⅰ基本情報", 40, 1)]}, 1)
    before = [_at(f"b{n}", n) for n in range(1, 12, 2)]
    after = [_at(f"a{n}", n) for n in range(0, 12, 2)]
    first = _paged({1: [_at("Ⅲ…", 7)], 2: before, 3: after}, 2)
    page_top_rest_doubts([last, first])
    assert first.doubt is None and last.doubt is None
