"""Cuts between cells inside one row of row-ordered text (branch roworder68): a 変更区分 column
between 項目 and 変更前 set aside (set XXIX B4), an after cell that adds a paragraph in front of
the unchanged before text cut so the after holds the before (A3), and an explanation's wrapped
first line read as the after cell's last line given back (A6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.explanation_heads import give_back_explanation_heads
from piatable.normalize.extra_columns import strip_extra_values, values_set_aside
from piatable.normalize.mid_kind_values import cut_hits, mid_kind_hits
from piatable.normalize.repeated_cuts import recut_repeated

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOTE = (
    "an extra column (変更区分) between 項目 and 変更前の記載 was read in text that cannot set its"
    " cells apart: its label was taken out and every row is flagged column_guess"
)


def test_calc_first_pass_lines_give_each_row_its_kind():
    lines = [
        "2023/2/6 修正 事後",
        "2023/2/6 修正 事前 重要な変更に当たらない",
        "2023/7/20 削除 事前",
        "Ⅰ基本情報",
        "・通知カードの記載事項変更に関する事務",
        "削除",
    ]
    hits = mid_kind_hits(lines)
    assert [(k, v) for k, _, _, v in hits] == [(0, "修正"), (1, "修正"), (2, "削除")]
    out = cut_hits(lines, hits)
    assert out[:3] == ["2023/2/6 事後", "2023/2/6 事前 重要な変更に当たらない", "2023/7/20 事前"]
    assert out[-1] == "削除"  # the after cell's 削除 (after the last timing word) stays


def test_a_deleted_rows_after_cell_is_not_taken_for_its_kind():
    # Plain pdftotext: the row's cells column by column, the kind first, the after 削除 later;
    # the explanation of the row above wraps its last word 修正 onto a line of its own.
    lines = [
        "事前",
        "標準準拠システムへの移行に伴う",
        "修正",
        "",
        "2023/7/20 Ⅰ基本情報",
        "②事務の内容",
        "",
        "削除",
        "",
        "・通知カードの記載事項変更に関する事務",
        "",
        "削除",
        "",
        "事前",
    ]
    hits = mid_kind_hits(lines)
    assert [(k, v) for k, _, _, v in hits] == [(7, "削除")]
    out = cut_hits(lines, hits)
    assert "修正" in out and out.count("削除") == 1 and out[-3] == "削除"


def test_a_wrapped_explanation_tail_is_passed_over_where_no_date_opens_the_span():
    lines = [
        "事前",
        "提出時期に係る説明",
        "標準準拠システムへの移行に伴う",
        "修正",
        "",
        "削除",
        "",
        "・通知",
        "",
        "削除",
        "事前",
    ]
    assert [(k, v) for k, _, _, v in mid_kind_hits(lines)] == [(5, "削除")]


def test_values_are_counted_in_a_note_and_kept_out_of_the_cells():
    text = "2023/2/6 修正 事後\n2023/2/6 追加 事前 上記を新規追加\n"
    out, notes = strip_extra_values(text, [NOTE])
    assert out.splitlines() == ["2023/2/6 事後", "2023/2/6 事前 上記を新規追加"]
    assert values_set_aside(notes) == {"変更区分": 2}
    assert "修正 ×1" in notes[0] and "追加 ×1" in notes[0]


def _row(before: list[str], after: list[str], explanation: str = "再評価に伴う修正") -> RawRow:
    row = RawRow()
    row.cells["before"] = [CellLine(t) for t in before]
    row.cells["after"] = [CellLine(t) for t in after]
    row.cells["explanation"] = [CellLine(explanation)]
    row.widths = {"before": 48.0, "after": 48.0, "explanation": 32.0}
    return row


R = ["＜市役所本庁舎における措置＞", "・サーバ室への入室は、ＩＣカードによる入退室管理を行っている。"]
X = ["＜ガバメントクラウドにおける措置＞", "・ＩＳＭＡＰに登録されたクラウドサービスを利用する。"]


def test_an_after_adding_text_in_front_of_the_before_gets_it_back_flagged():
    row = _row(R + X, R)
    paragraphs = {"before": R + X, "after": list(R), "explanation": ["再評価に伴う修正"], "item": []}
    recut_repeated(paragraphs, row)
    assert paragraphs["before"] == R
    assert paragraphs["after"] == X + R
    assert {(d.kind, d.field) for d in row.doubts} == {("column_guess", "before"), ("column_guess", "after")}


def test_a_deletion_reason_keeps_the_cut_but_flags_it():
    row = _row(R + X, R)
    paragraphs = {
        "before": R + X,
        "after": list(R),
        "explanation": ["クラウド利用の廃止に伴う削除"],
        "item": [],
    }
    recut_repeated(paragraphs, row)
    assert paragraphs["before"] == R + X and paragraphs["after"] == R
    assert {d.kind for d in row.doubts} == {"column_guess"}


def test_cells_that_do_not_repeat_are_left_alone():
    row = _row(R, X)
    paragraphs = {"before": list(R), "after": list(X), "explanation": [], "item": []}
    recut_repeated(paragraphs, row)
    assert paragraphs["before"] == R and paragraphs["after"] == X and not row.doubts
    row = _row(R + X, R)
    row.positioned = True  # a PDF's or -layout row: cut by places
    paragraphs = {"before": R + X, "after": list(R), "explanation": [], "item": []}
    recut_repeated(paragraphs, row)
    assert paragraphs["after"] == R and not row.doubts


def _explained(after: list[str], explanation: list[str]) -> RawRow:
    row = RawRow()
    row.cells["after"] = [CellLine(t) for t in after]
    row.cells["explanation"] = [CellLine(t) for t in explanation]
    return row


def test_an_explanation_line_read_into_the_after_cell_is_given_back():
    wide = "保存期間を経過したデータは、システムにより自動的"  # 24 characters: the after's wrap
    rows = [
        _explained([wide, "に消去する。", "マイナポータルからの転出届の受付"], ["開始に伴う追加"]),
        _explained(
            [wide, "に消去する。"],
            ["するための番号の利用等に関する法", "律の改正により、通知カードが廃止", "による修正"],
        ),
        _explained([wide, "を行う。"], ["住民基本台帳法の改正に伴う条項ず", "れの修正"]),
    ]
    give_back_explanation_heads(rows)
    assert [c.text for c in rows[0].cells["after"]] == [wide, "に消去する。"]
    assert [c.text for c in rows[0].cells["explanation"]] == [
        "マイナポータルからの転出届の受付",
        "開始に伴う追加",
    ]
    assert [d.kind for d in rows[0].doubts] == ["cut_guess"]
    assert not rows[1].doubts and not rows[2].doubts


def test_an_after_cells_own_short_last_line_stays():
    wide = "保存期間を経過したデータは、システムにより自動的"
    rows = [
        _explained([wide, "に消去する。", "上記を新規追加"], ["開始に伴う追加"]),
        _explained(
            [wide, "に消去する。"],
            ["するための番号の利用等に関する法", "律の改正により、通知カードが廃止", "による修正"],
        ),
        _explained([wide, "を行う。"], ["住民基本台帳法の改正に伴う条項ず", "れの修正"]),
    ]
    give_back_explanation_heads(rows)
    assert [c.text for c in rows[0].cells["after"]][-1] == "上記を新規追加"
    assert not rows[0].doubts


@pytest.mark.parametrize(
    "case",
    [
        "ro68-calc-kindthird-pypdfium2",
        "ro68-writer-kindthirdb-pypdf",
    ],
)
def test_samples_read_without_the_kind_values(case: str):
    from piatable.api import extract_records

    folder = SAMPLES / "office-roworder68" / case
    truth = json.loads((folder / "expected" / "records.json").read_text(encoding="utf-8"))
    rows = [r.to_dict() for r in extract_records(folder / "input.txt")]
    assert len(rows) == len(truth)
    for got, want in zip(rows, truth, strict=True):
        for field in ("item", "before", "after", "explanation"):
            assert "".join(str(got[field]).split()) == "".join(str(want[field]).split())
