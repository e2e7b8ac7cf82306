"""Checks made quieter on right rows (issue 12, branch quiet70; set XXXI's right rows warned):
an explanation opening with 削除 printed after the row's own 提出時期, an item's last heading
that repeats the heading above it with の and a form label, and check boxes a page break cut
between the two options."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from piatable.api import extract_records
from piatable.models import Record
from piatable.normalize.cut_checks import placed_doubts
from piatable.normalize.form_wording import is_form_wording
from piatable.normalize.grid.split_timing import completes_timing
from piatable.normalize.timing_boxes import halves_of_one_choice as completes_boxes

CASES = Path(__file__).resolve().parent / "data" / "cases"
ITEM = ["Ⅳその他のリスク対策", "２．従業者に対する教育・啓発", "従業者に対する教育・啓発の具体的な方法"]


def _record(explanation: str, after: str = "") -> Record:
    item = ["Ⅰ基本情報", "２．特定個人情報ファイルを取り扱う事務において使用するシステム"]
    return Record(
        source="t.txt",
        row_index=0,
        page_start=1,
        page_end=1,
        change_date="2021-12-02",
        change_date_raw="令和3年12月2日",
        item="\n".join(item),
        item_path=item,
        before="住民基本台帳ネットワークシステムとの連携",
        after=after,
        timing="事後",
        explanation=explanation,
    )


def test_deletion_printed_after_the_timing_is_the_explanations() -> None:
    """``事後 削除`` / ``重要な変更にあたらない`` in row-ordered text: 削除 follows the row's own
    提出時期, so it is the explanation's word (main flagged the row ``column_guess`` at 0.357)."""
    rows = extract_records(CASES / "raw_deletion_explanation.txt")
    assert len(rows) == 2
    deleted = rows[0]
    assert deleted.after == ""
    assert deleted.explanation == "削除\n重要な変更にあたらない"
    assert "column_guess" not in deleted.flags, deleted.evidence
    assert deleted.confidence >= 0.5


def test_deletion_opening_the_explanation_stays_in_doubt_where_the_print_does_not_tell() -> None:
    """Unsettled (row-ordered text whose 提出時期 does not precede it, column-ordered text), the
    check still fires; settled by rulings or by the print, it does not."""
    rec = _record("削除\n重要な変更にあたらない")
    assert any(d.kind == "column_guess" for d in placed_doubts(rec))
    assert not placed_doubts(rec, settled=True)
    assert not placed_doubts(rec, ruled=True)
    # A choice opening the explanation is another check: the print's order does not settle it.
    choice = _record("[○]紙\n重要な変更にあたらない")
    assert any(d.kind == "column_guess" for d in placed_doubts(choice, settled=True))


def test_heading_repeated_with_a_form_label_is_the_forms_wording() -> None:
    """``従業者に対する教育・啓発の具体的な方法`` under ``２．従業者に対する教育・啓発``: the heading
    above, の, and the form's label 具体的な方法; not another column's text."""
    assert is_form_wording(ITEM[2], False, ITEM)
    # The heading cut short (its tail read into the after cell) is no such wording.
    assert not is_form_wording("従業者に対する教育・啓発の具体的", False, ITEM[:2])
    assert not is_form_wording("従業者に対する教育・啓発を年１回実施している。", False, ITEM)
    assert not is_form_wording("住民記録システムの運用保守業務", False, ITEM)


def test_check_boxes_cut_by_a_page_break_complete_each_other() -> None:
    """Writer breaks a row between its two options: ``☑事前`` at the foot of a page, ``□事後``
    atop the next (set XXXI t05); the top part is the rest of the row above."""
    assert completes_boxes("☑事前", "□事後")
    assert completes_boxes("□事前", "■事後")
    assert not completes_boxes("☑事前", "□事前")  # one option twice: two rows
    assert not completes_boxes("☑事前□事後", "□事後")  # the row above's boxes are whole
    assert not completes_boxes("事前", "事後")  # no boxes: two rows' timings
    assert not completes_boxes("☑事前", "重要な変更")

    def row(text: str) -> SimpleNamespace:  # a grid row: its 提出時期 column's one line
        return SimpleNamespace(cells={4: [SimpleNamespace(text=text)]})

    assert completes_timing([row("☑事前")], "□事後")
    assert completes_timing([row("事")], "後")
    assert not completes_timing([row("事前")], "事後")
