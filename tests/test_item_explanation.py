"""The explanation's opening read into the item of row-ordered text (normalize/item_explanation.py):
on committed LibreOffice Calc texts (``pdftotext -raw`` and pypdfium2) whose one-line before /
after cells sit on the date line, so that the item's headings run straight into the
explanation; and on rows whose item ends in lines that are no heading but no explanation
either (left in the item, the row doubted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.item_explanation import (
    MOVED_WHY,
    NOT_HEADING_WHY,
    mend_item_explanation,
    reads_as_explanation,
)

ROOT = Path(__file__).resolve().parent.parent


def _expected(case: str) -> list[dict]:
    return json.loads((ROOT / "samples" / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "case",
    [
        "office-rawexpl19/rx19-calc-1-pdftotext-raw",
        "office-rawexpl19/rx19-calc-1-pypdfium2",
        "office-mergedate15/md15-calc-7-pypdfium2",
    ],
)
def test_the_explanations_opening_leaves_the_item_of_libreoffice_rows(case):
    got = extract_document(ROOT / "samples" / case / "input.txt").records
    want = _expected(case)
    assert len(got) == len(want)
    for g, w in zip(got[:2], want[:2], strict=True):
        assert g.item == w["item"]
        assert "".join(g.explanation.split()) == "".join(w["explanation"].split())


def test_the_first_row_of_the_calc_text_reads_its_whole_explanation():
    rec = extract_document(ROOT / "samples/office-rawexpl19/rx19-calc-1-pdftotext-raw/input.txt").records[0]
    assert rec.item.split("\n")[-1] == "①部署"
    assert rec.explanation.split("\n")[0] == "組織改正による部署名の変更"


def _row(item: list[str], explanation: list[str], body_line: int = 1) -> RawRow:
    """A row as a row-ordered reader gives it: date and one-line cells on line 1, then the item's
    lines and the explanation's, one a line (positions as pdftotext -raw gives them)."""
    row = RawRow()
    row.cells["change_date"] = [CellLine("2023/2/6", 1, 1)]
    row.cells["before"] = [CellLine("市民部市民課", 1, body_line)]
    row.cells["after"] = [CellLine("市民生活部市民課", 1, body_line)]
    row.cells["timing"] = [CellLine("事後", 1, 2)]
    n = 3
    row.cells["item"] = [CellLine(t, 1, n + k) for k, t in enumerate(item)]
    n += len(item)
    row.cells["explanation"] = [CellLine(t, 1, n + k) for k, t in enumerate(explanation)]
    row.widths = {"item": 34, "before": 30, "after": 30, "explanation": 20}
    return row


ITEM = ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "②入手方法"]


def test_a_reason_after_the_items_headings_goes_to_the_explanation():
    row = _row([*ITEM, "システム改修に伴う修正"], ["重要な変更にあたらない"])
    mend_item_explanation(row)
    assert [cl.text for cl in row.cells["item"]] == ITEM
    expected = ["システム改修に伴う修正", "重要な変更にあたらない"]
    assert [cl.text for cl in row.cells["explanation"]] == expected
    assert any(d.why == MOVED_WHY for d in row.doubts)


def test_a_wrapped_heading_stays_in_the_item_and_is_not_doubted():
    item = ["Ⅰ基本情報", "７．評価実施機関における担", "当部署", "①部署"]
    row = _row(item, ["組織改正による部署名の変更"])
    mend_item_explanation(row)
    assert [cl.text for cl in row.cells["item"]] == item
    assert not row.doubts


def test_lines_printed_before_the_body_stay_in_the_item():
    # The before / after cells come after the item's lines: the text is in row order and the
    # explanation comes last, so the item's last line cannot be the explanation's opening.
    row = _row([*ITEM, "システム改修に伴う修正"], ["重要な変更にあたらない"], body_line=20)
    mend_item_explanation(row)
    assert [cl.text for cl in row.cells["item"]][-1] == "システム改修に伴う修正"
    assert any(d.why == NOT_HEADING_WHY for d in row.doubts)


def test_a_value_line_after_the_item_is_not_taken_for_an_explanation():
    row = _row([*ITEM, "上記を新規追加"], ["重要な変更にあたらない"])
    mend_item_explanation(row)
    assert [cl.text for cl in row.cells["item"]][-1] == "上記を新規追加"
    assert [cl.text for cl in row.cells["explanation"]] == ["重要な変更にあたらない"]


def test_a_line_opening_mid_phrase_is_no_explanations_opening():
    row = _row([*ITEM, "い。やむを得ず委託する場合は書面による承認を得る。"], ["委託先の変更による修正"])
    mend_item_explanation(row)
    assert [cl.text for cl in row.cells["explanation"]] == ["委託先の変更による修正"]
    assert any(d.why == NOT_HEADING_WHY for d in row.doubts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("組織改正による部署名の", True),
        ("重要な変更にあたらない", True),
        ("法改正のため", True),
        ("市民生活部市民課", False),
        ("使用者数", False),
    ],
)
def test_reads_as_explanation(text, expected):
    assert reads_as_explanation(text) is expected
