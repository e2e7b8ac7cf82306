"""Columns printed in another order, in flattened text (issue 10, normalize/label_order.py): the
label row's order is read from the text (wrapped labels too) and row-ordered text is read in it
(samples/office-colhead17, samples/office-colorder18, made by ``tools/make_outsider_tables.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.label_order import header_runs, reorder_dates, reorder_pass_one, text_roles

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def _lines(texts: list[str]) -> list[CellLine]:
    return [CellLine(t, page=1, line_no=k) for k, t in enumerate(texts)]


def test_the_label_row_gives_the_printed_order_wrapped_labels_too() -> None:
    # pdftotext -raw of a Writer table printing 項目 before 変更日, its labels wrapped.
    text = [
        "（別添２）変更箇所",
        "項目 変更",
        "日",
        "変更前の記載 変更後の記載 提出",
        "時期",
        "提出時期",
        "に係る説",
        "明",
    ]
    assert text_roles([*text, "Ⅰ 関連情報"]) == ((1, 0, 2, 3, 4, 5), None)
    # Two wrapped labels side by side (提出 / 提出時期に係る説 over 時期 / 明): the form's order.
    usual = ["変更日 項目 変更前の記載 変更後の記載 提出 提出時期に係る説", "時期", "明", "2019/4/1"]
    assert text_roles(usual) == (None, None)
    # One label a box, blank lines between (plain pdftotext; ``lines_in_label_order`` leaves text
    # of boxes as it is, its reader telling columns by content).
    boxes = [
        "変更日",
        "",
        "項目",
        "",
        "提出時期",
        "",
        "変更前の記載",
        "",
        "変更後の記載",
        "",
        "提出時期に係る説明",
        "",
    ]
    assert text_roles([*boxes, "Ⅱ特定個人情報ファイルの概要"]) == ((0, 1, 4, 2, 3, 5), None)


def test_label_rows_that_disagree_or_lack_labels_say_why() -> None:
    a = "変更日 項目 提出時期 変更前の記載 変更後の記載 提出時期に係る説明"
    b = "項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明 変更日"
    roles, why = text_roles([a, "2019/4/1", b, "2019/5/1"])
    assert roles is None and why is not None and "different orders" in why
    # Calc draws a wrapped label with the wrapped cells: the label row lacks it.  The others'
    # order is read, the missing one put where the form puts it, and the doubt said.
    roles, why = text_roles(["項目 変更前の記載 変更後の記載 変更日 提出時期", "市民課 市民窓口課 事前"])
    assert roles == (1, 2, 3, 0, 4, 5)
    assert why is not None and "提出時期に係る説明" in why
    # pdfminer's label boxes one a line come in no column's order: they say nothing.
    assert header_runs(["項目", "", "変更前の記載", "", "変更後の記載", "", "変更日"]) == [([1, 2, 3, 0], 1)]
    assert text_roles(["項目", "", "変更前の記載", "", "変更後の記載", "", "変更日", "2019/4/1"]) == (
        None,
        None,
    )


def test_a_wrapped_label_calc_draws_after_the_others_is_no_other_order() -> None:
    # Calc draws the one-line labels first and a wrapped one (提出時 / 期) with the wrapped cells:
    # its place in the text says nothing of its column's (samples/office3, office8).
    pass_one = ["事後", "事後", "事前"]
    text = ["変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明 提出時", "期", *pass_one, "Ⅱ基本情報"]
    assert text_roles(text) == (None, None)
    # A later page prints the label whole but after the others, the first page lacks it.
    pages = [
        "変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明",
        "R4.10.17",
        "事後",
        "（別添3）変更箇所",
        "提出時",
        "期",
        "Ⅱ特定個人情報ファイルの概要",
        "変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明 提出時期",
        "H30.7.1",
    ]
    assert text_roles(pages) == (None, None)
    # All six labels whole on one line, in another order, in the same two-pass text: read.
    moved = ["変更日 項目 提出時期 変更前の記載 変更後の記載 提出時期に係る説明", *pass_one, "Ⅱ基本情報"]
    assert text_roles(moved) == ((0, 1, 4, 2, 3, 5), None)


def test_pass_one_lines_are_put_in_the_forms_order() -> None:
    roles = (0, 1, 4, 2, 3, 5)  # 提出時期 before 変更前
    lines = _lines(
        [
            "事後 財務部市民税課 財政部市民税課 組織改正による部署名の変更",
            "事前 課税資料のパンチ入力業務 委託内容の拡大に伴う修正",
            "事前",
            "2017年4月1日",
            "Ⅱ特定個人情報ファイルの概要",
        ]
    )
    out = [cl.text for cl in reorder_pass_one(lines, roles)]
    assert out[:3] == [
        "財務部市民税課 財政部市民税課 事後 組織改正による部署名の変更",
        "課税資料のパンチ入力業務 事前 委託内容の拡大に伴う修正",
        "事前",
    ]
    # 説明 before 提出時期: the explanation goes after the timing, a closing 削除 stays before it.
    roles = (0, 1, 2, 3, 5, 4)
    lines = _lines(
        ["2019/05/01 市民課長 市民窓口課長 組織改正による部署名の変更 事前", "2021/09/01 削除 事後"]
    )
    assert [cl.text for cl in reorder_pass_one(lines, roles)] == [
        "2019/05/01 市民課長 市民窓口課長 事前 組織改正による部署名の変更",
        "2021/09/01 削除 事後",
    ]
    # A lone line with a timing (Writer prints one beside its row's next cell) is left alone.
    lone = _lines(["Ⅰ関連情報", "事前 住民基本台帳法に基づき、住民の居住関係", "の公証"])
    assert [cl.text for cl in reorder_pass_one(lone, (0, 1, 4, 2, 3, 5))] == [cl.text for cl in lone]


def test_a_date_printed_after_the_item_goes_before_it() -> None:
    roles = (1, 2, 3, 4, 5, 0)  # 変更日 on the right
    lines = _lines(
        [
            "Ⅰ 関連情報",
            "① 事務の名称",
            "国民健康保険に関する事務",
            "事前",
            "名称の見直しによる修正",
            "令和2年7月1日",
            "Ⅰ 関連情報",
            "② 事務の概要",
            "…の修正 令和3年4月1日",
        ]
    )
    out = [cl.text for cl in reorder_dates(reorder_pass_one(lines, roles), roles)]
    assert out[0] == "令和2年7月1日" and out[1] == "Ⅰ 関連情報"
    assert out[6:9] == ["令和3年4月1日", "Ⅰ 関連情報", "② 事務の概要"]
    assert out[-1] == "…の修正"
    # In the form's order nothing moves.
    assert reorder_dates(lines, None) == lines


@pytest.mark.parametrize(
    "case",
    [
        "office-colhead17/ch17-calc-3-pdftotext-raw",
        "office-colhead17/ch17-calc-3-pypdfium2",
        "office-colorder18/co18-writer-6-pypdfium2",
    ],
)
def test_row_ordered_text_is_read_by_its_labels(case: str) -> None:
    folder = SAMPLES / case
    result = extract_document(folder / "input.txt")
    expected = json.loads((folder / "expected" / "records.json").read_text(encoding="utf-8"))
    assert len(result.records) == len(expected)
    for got, exp in zip(result.records, expected, strict=True):
        d = got.to_dict()
        for name in ("change_date", "timing", "after", "explanation"):
            assert _squash(d[name]) == _squash(exp[name]), (name, d[name], exp[name])
    assert any("another order" in n and "read by its labels" in n for n in result.notes)


def test_rows_read_against_their_label_order_are_warned() -> None:
    # Writer, 説明 before 提出時期, row by row: the reader takes the form's order; each row whose
    # cells read wrong holds a cell that does not read as its column's.
    folder = SAMPLES / "office-colhead17" / "ch17-writer-6-pdftotext-raw"
    result = extract_document(folder / "input.txt")
    expected = json.loads((folder / "expected" / "records.json").read_text(encoding="utf-8"))
    assert any("this text was read in the form's order" in n for n in result.notes)
    wrong = [
        r
        for r, e in zip(result.records, expected, strict=False)
        if _squash(r.to_dict()["explanation"]) != _squash(e["explanation"])
    ]
    assert wrong
    assert all("column_guess" in r.to_dict()["flags"] for r in wrong)


def test_the_forms_order_is_read_as_before() -> None:
    result = extract_document(SAMPLES / "seed" / "input.txt")
    assert len(result.records) == 12
    assert not any("another order" in n for n in result.notes)
