"""The form's marks of an added / deleted row as evidence of a cut (normalize/mark_cells.py, issue 12).

Cells as pypdfium2 and ``pdftotext -raw`` read set XII's Writer table w4 (（新規） / （削除） marks,
wrong rows that carried no warning) and as the PDF and ``-layout`` readers read set IX's c3 (an
added row beside a deleted one under one merged date, item and explanation: right rows that
carried ``row_split_guess``)."""

from piatable.models import Record
from piatable.normalize.diff import change_kind
from piatable.normalize.mark_cells import complementary_rows, mark_cell_doubts
from piatable.normalize.mark_checks import mark_doubts
from piatable.normalize.table_doubts import document_doubts

ITEM = "Ⅳその他のリスク対策\n１．監査\n①自己点検\n具体的なチェック方法"


def rec(before: str, after: str, i: int = 0, flags: tuple[str, ...] = ()) -> Record:
    r = Record(
        "s", i, 1, 1, None, "R5.4.1", ITEM, ITEM.split("\n"), before, after, "事後", "点検方法の明確化"
    )
    r.flags = list(flags)
    r.change_kind = change_kind(before, after)
    return r


def test_an_added_mark_with_the_after_cells_first_line_on_its_baseline_is_a_column_guess():
    got = mark_cell_doubts(
        rec("（新規） １．宛名情報の管理", "２．団体内統合宛名番号の付番\n３．符号の取得要求")
    )
    assert [(d.kind, d.field) for d in got] == [("column_guess", "before"), ("column_guess", "after")]
    assert "（新規） １．宛名情報の管理" in got[0].why
    # The whole mark alone, or a before that only mentions 新規 inside a sentence: no doubt.
    assert not mark_cell_doubts(rec("（新規）", "１．宛名情報の管理"))
    assert not mark_cell_doubts(rec("新規事業者の登録を行う。", "登録を廃止する。"))
    # It is one of the row-ordered text checks.
    assert any("added row's mark" in d.why for d in mark_doubts(rec("新規追加　事務の追加", "事務の追加")))


def test_a_bracketed_deletion_mark_closing_the_before_beside_an_empty_after_is_a_column_guess():
    got = mark_cell_doubts(rec("保存期間を経過した紙媒体は、溶解処理を行う。\n（削除）", ""))
    assert [(d.kind, d.field) for d in got] == [("column_guess", "before"), ("column_guess", "after")]
    assert "ends with （削除）" in got[0].why
    # The after cell holds its own mark: the before's text is the before's.
    assert not mark_cell_doubts(rec("保存期間を経過した紙媒体は、溶解処理を行う。", "（削除）"))
    # A before of the mark alone is no deleted row's text read into it.
    assert not mark_cell_doubts(rec("（削除）", ""))


def test_an_added_row_beside_a_deleted_one_is_two_printed_rows_not_one_cut_in_two():
    added = rec("－", "・個人情報保護担当職員による年１回の点検", 0)
    deleted = rec("監査結果を市長に報告する。", "削除", 1, ("merged_cell_filled",))
    assert (added.change_kind, deleted.change_kind) == ("added", "deleted")
    assert complementary_rows(added, deleted)
    assert not any(d.kind == "row_split_guess" for ds in document_doubts([added, deleted]) for d in ds)
    # Two modified rows sharing the merged cells keep the doubt, and so does an added row whose
    # neighbour's before is empty (the half of a row cut under its one-paragraph before).
    a, b = (
        rec("（１）住民票の写し等の交付", "（１）住民票の写し等の交付", 0),
        rec("（３）転入届", "（３）転入届に基づく記載", 1),
    )
    b.flags = ["merged_cell_filled"]
    assert not complementary_rows(a, b)
    assert [d.kind for d in document_doubts([a, b])[1]] == ["row_split_guess"]
    half = rec("", "削除", 1, ("merged_cell_filled",))
    assert not complementary_rows(added, half)
    assert [d.kind for d in document_doubts([added, half])[1]] == ["row_split_guess"]


def test_the_timing_cells_note_opening_the_explanation_is_a_column_guess():
    """Set XII w5 (Writer): 提出時期 「事前」 over 「（重要な変更）」 in one cell; -raw and pypdfium2
    print the note where the explanation starts."""
    r = rec("a", "b")
    r.explanation = "（重要な変更）\nコンビニ交付サービスの開始に伴う変更"
    got = mark_cell_doubts(r)
    assert [(d.kind, d.field) for d in got] == [("column_guess", "explanation"), ("column_guess", "timing")]
    # The explanation's own words about the change's weight are no note of the timing cell.
    r.explanation = "運用保守業務の一部を再委託することとしたため\n重要な変更に当たる"
    assert not mark_cell_doubts(r)
    r.explanation = "（重要な変更）に当たるため事前に提出"
    assert not mark_cell_doubts(r)
