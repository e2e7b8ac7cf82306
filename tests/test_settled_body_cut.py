"""A close before/after cut settled by the cells' own marks (normalize/settled_body_cut.py, issue 12).

Cells as pypdfium2, pypdf and PyMuPDF read set XIX's t01 / t08 (spent): right rows the
before/after margin alone warned, and the wrong row it rightly warned (an empty before beside a
date: the before's date read into the after)."""

from piatable.models import Doubt, Record
from piatable.normalize.passone import BEFORE_AFTER_CUT_WHY
from piatable.normalize.settled_body_cut import body_cut_settled, without_settled_body_cut

ITEM = "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所"


def rec(before: str, after: str) -> Record:
    return Record("s", 0, 1, 1, None, "", ITEM, ITEM.split("\n"), before, after, "事後", "誤字の修正")


def margin() -> list[Doubt]:
    why = f"{BEFORE_AFTER_CUT_WHY} won by 0.15 over moving it"
    return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]


def test_an_added_cell_beside_an_empty_before_settles_the_cut():
    r = rec("", "・統合宛名番号の付番\n・中間サーバーとの符号の取得連携\n上記を新規追加")
    assert body_cut_settled(r)
    other = Doubt("row_split_guess", None, "the item holds a second path")
    assert without_settled_body_cut(r, [*margin(), other]) == [other]


def test_one_list_in_each_cell_settles_the_cut():
    before = "①サーバー室は入退室管理を行っている。\n②バックアップは別の施設に保管している。"
    after = (
        "①ガバメントクラウドにおける保管については、\n（ISMAP）に登録されたデータセンターに保管する。\n"
        "②バックアップは別リージョンに保管する。"
    )
    assert body_cut_settled(rec(before, after))
    assert without_settled_body_cut(rec(before, after), margin()) == []


def test_cells_the_marks_do_not_settle_keep_the_doubt():
    # An empty before beside a date (set XIX t08, -raw: the before's date read into the after).
    assert not body_cut_settled(rec("", "令和2年4月1日"))
    # The mark alone: the added text may be the before's.
    assert not body_cut_settled(rec("", "上記を新規追加"))
    # The after opens its list again inside: two lists, where one ends is the question.
    assert not body_cut_settled(rec("①入退室管理を行う。", "①施錠する。\n①監視する。"))
    # The after opens with the list's second item: the before's list goes on in it.
    assert not body_cut_settled(rec("①入退室管理を行う。", "②施錠する。"))
    r = rec("", "令和2年4月1日")
    assert without_settled_body_cut(r, margin()) == margin()


# ---- the tuning set's committed Calc texts (samples/office-rightwarn58, LibreOffice Calc)

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import piatable  # noqa: E402

CALC = Path(__file__).resolve().parent.parent / "samples" / "office-rightwarn58"
WARNING_FREE = {"merged_cell_filled", "row_continued", "ocr", "ocr_corrected", "item_key_fuzzy"}


def _warned(rec) -> bool:
    flags = [f for f in rec.flags if f not in WARNING_FREE and not f.startswith("truncated:")]
    return bool(flags) or rec.confidence < 0.5


@pytest.mark.parametrize("tool", ["pypdfium2+nl", "pdftotext-raw"])
def test_the_added_and_listed_rows_of_calc_text_are_right_and_quiet(tool):
    folder = CALC / f"rw58-calc-top-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    records = piatable.extract(folder / "input.txt")
    by_item = {r.item: r for r in records}
    for e in expected:
        if e["item"].endswith(("①実施日", "①保管場所")):
            rec = by_item[e["item"]]
            assert (rec.before, rec.after) == (e["before"], e["after"])
            assert not any(d.startswith("before: column_guess") for d in rec.evidence)


@pytest.mark.parametrize("tool", ["pypdfium2+nl", "pdftotext-raw"])
def test_every_wrong_row_of_calc_text_is_warned(tool):
    # Pass 1's merged 提出時期 go to the rows by a plan that gives ①委託内容 事後 (truth 事前) at a
    # minority share, and ⑧再委託の許諾方法 below it, taking the same cell, 事後 at 73%: no
    # surer than the row it inherits from (plan_values.inherited_shares), both row_split_guess.
    _every_wrong_timing_warned(CALC / f"rw58-calc-top-{tool}")


def test_every_wrong_timing_of_writer_raw_text_is_warned():
    # The rows under the merged 提出時期 事後 take the 事前 printed beside a row above, across
    # a row printing its own 事前: a merged cell spans adjacent rows (normalize/timing_span.py).
    _every_wrong_timing_warned(CALC / "rw58-writer-top-pdftotext-raw")


def _every_wrong_timing_warned(folder: Path) -> None:
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    records = piatable.extract(folder / "input.txt")
    assert len(records) == len(expected)
    for rec, e in zip(records, expected, strict=True):
        if rec.timing != e["timing"]:
            assert _warned(rec), rec.item


def test_a_timing_taken_across_a_row_printing_its_own_is_in_doubt():
    from types import SimpleNamespace as B

    from piatable.models import CellLine
    from piatable.normalize.timing_span import timing_across_doubts

    first, second = CellLine("事前", 1, 1), CellLine("事後", 1, 5)
    blocks = [B(timing=first, shared_rest=False), B(timing=first, shared_rest=True)]
    blocks += [B(timing=second, shared_rest=False), B(timing=first, shared_rest=True)]
    blocks += [B(timing=second, shared_rest=True)]
    assert [[d.field for d in ds] for ds in timing_across_doubts(blocks)] == [[], [], [], ["timing"], []]
