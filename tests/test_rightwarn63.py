"""Issue 12, branch rightwarn63: checks narrowed where set XXIV's right rows showed a shape they
did not mean, each still firing on the wrong shape it was written for.

* a tab inside a cell (``cell_tabs``): a line of three cells has two cuts, not a tab;
* a word torn between the item and the before cell (``cut_checks``): an item ending with a whole
  heading of the form ends there (``①連絡先`` | ``住民基本…`` is no 先住民);
* a 備考 cell read into the explanation (``extra_cells``): a bracketed note under the reason is
  the explanation's own; a remark after a reason closed on an earlier line is still seen, wrapped
  or not;
* an added row's after beside a before text (``mark_checks``): a before that prints 記載なし is
  no text;
* poppler's Shift-JIS text (``poppler_sjis``): a text holding a character CP932 cannot write
  (NBSP) is not one.
"""

from __future__ import annotations

from piatable.extract.poppler_sjis import is_poppler_sjis
from piatable.models import CellLine, RawRow, Record
from piatable.normalize.cell_tabs import TAB_GAP_WHY, tab_gap_why
from piatable.normalize.cut_checks import heading_ends_item, torn_word_doubts
from piatable.normalize.extra_cells import remark_doubts
from piatable.normalize.mark_checks import marked_body_doubts


def _row(cells: dict[str, list[tuple[str, int]]]) -> RawRow:
    """A flattened-text row: each cell's pieces as (text, line number) on page 1."""
    row = RawRow()
    for key, pieces in cells.items():
        row.cells[key] = [CellLine(text, page=1, line_no=n) for text, n in pieces]
    row.widths = {"before": 20.0, "explanation": 14.0}
    return row


def _record(**cells: str) -> Record:
    base = {"item": "Ⅰ基本情報\n①連絡先", "before": "", "after": "", "explanation": "誤記修正"}
    base.update(cells)
    return Record(
        "x", 0, 1, 1, "2024-04-01", "令和6年4月1日", base["item"], [], base["before"], base["after"],
        "事後", base["explanation"],
    )  # fmt: skip


def test_a_line_of_three_cells_cut_at_its_two_spaces_holds_no_tab():
    """``記載なし 上記を新規追加 新たに…`` (pypdfium2): both spaces are cuts; a space kept inside the
    item on another line (``Ⅱ 特定…``) made the row's cuts a guess, not this line."""
    row = _row(
        {
            "item": [("Ⅱ", 1), ("特定個人情報ファイルの概要", 1), ("②入手方法", 3)],
            "before": [("記載なし", 4)],
            "after": [("上記を新規追加", 4)],
            "explanation": [("新たに情報連携を開始するため", 4)],
        }
    )
    assert tab_gap_why(row) == ""
    # The stream reader put 記載なし into the after cell with the mark: a cut the marks settle.
    row.cells["after"] = [CellLine("記載なし", page=1, line_no=4), *row.cells["after"]]
    row.cells["before"] = []
    assert tab_gap_why(row) == ""


def test_a_space_kept_inside_a_cell_beside_the_cuts_is_still_a_tab():
    """``番号法第１９条 別表第二 別表第二`` (Writer's tab inside the before cell): one cut and a
    kept space on one line."""
    row = _row(
        {
            "item": [("②法令上の根拠", 1)],
            "before": [("番号法第１９条", 2), ("別表第二", 2)],
            "after": [("別表第二", 2)],
            "explanation": [("誤記修正", 3)],
        }
    )
    assert tab_gap_why(row) == TAB_GAP_WHY


def test_a_cut_where_the_after_opens_with_the_before_repeated_is_settled():
    """``市民課長 市民課長 山田 一郎`` (the form's U+3000 written as spaces): the after keeps the
    before's value; with the explanation on the next line no cut of the line is a guess, with
    the explanation on the line the after/explanation cut still is."""
    cells = {
        "item": [("①連絡先", 1)],
        "before": [("市民課長", 2)],
        "after": [("市民課長", 2), ("山田 一郎", 2)],
        "explanation": [("誤記修正", 3)],
    }
    assert tab_gap_why(_row(cells)) == ""
    cells["explanation"] = [("誤記修正", 2)]
    assert tab_gap_why(_row(cells)) == TAB_GAP_WHY


def test_an_item_ending_with_a_whole_heading_tears_no_word_into_the_before_cell():
    assert heading_ends_item("item", "①連絡先", "住民基本台帳法第３０条の９")
    assert heading_ends_item("item", "①入手元", "年１回、担当課において")
    assert not heading_ends_item("before", "①連絡先", "住民基本台帳法")
    # A heading that is not whole (``①実施`` + ``日``) or that the next line makes longer stays in doubt.
    assert not heading_ends_item("item", "特定個人情報の入", "手・使用")
    row = _row({"item": [("①連絡先", 1)], "before": [("住民基本台帳法第３０条の９", 2)]})
    rec = _record(before="住民基本台帳法第３０条の９")
    assert not [d for d in torn_word_doubts(row, rec) if d.field == "item"]


def test_a_word_torn_between_two_body_cells_is_still_seen():
    row = _row({"before": [("住民の居住関", 1)], "after": [("係の公証に関する事務", 2)]})
    rec = _record(before="住民の居住関", after="係の公証に関する事務")
    assert {d.field for d in torn_word_doubts(row, rec)} == {"before", "after"}


def _explanation(*lines: str) -> RawRow:
    return _row({"explanation": [(t, k + 1) for k, t in enumerate(lines)]})


def test_a_bracketed_note_under_the_reason_is_no_remark():
    assert remark_doubts(_explanation("新たに情報連携を開始するため", "（重要な変更）"), "備考") == []
    assert remark_doubts(_explanation("法改正に伴う修正", "（通知カードの廃止）"), "備考") == []


def test_a_remark_after_a_reason_closed_on_an_earlier_line_is_seen_wrapped_or_not():
    """Set XXIV t02: the 備考 cell ``○○市個人情報保護審議会報告済`` wrapped in its narrow column
    under a one-line reason; t04: ``市民課`` (担当課) under the reason and its bracketed note."""
    wrapped = remark_doubts(_explanation("誤記修正", "○○市個人情", "報保護審議会", "報告済"), "備考")
    assert [d.kind for d in wrapped] == ["column_guess"]
    after_note = remark_doubts(_explanation("法改正に伴う修正", "（通知カードの廃止）", "市民課"), "担当課")
    assert [d.kind for d in after_note] == ["column_guess"]
    assert remark_doubts(_explanation("記載内容の", "時点修正"), "備考") == []
    # A verdict wrapped in the column ends as a reason only whole (samples/heldout-thead56).
    assert remark_doubts(_explanation("事務の範囲の変更", "重要な変更に当たらな", "い"), "備考") == []


def test_an_added_row_beside_a_nothing_written_before_is_no_misplaced_text():
    assert marked_body_doubts(_record(before="記載なし", after="上記を新規追加")) == []
    assert marked_body_doubts(_record(before="－", after="新規追加")) == []
    doubts = marked_body_doubts(_record(before="入退室記録は５年間保管する。", after="新規追加"))
    assert {d.field for d in doubts} == {"before", "explanation"}


def test_a_text_of_non_breaking_spaces_is_not_poppler_shift_jis():
    sjis = "変更日\u3000項目\n令和５年４月１日\u3000Ⅰ基本情報\u3000１０人\n"
    assert is_poppler_sjis(sjis)
    assert not is_poppler_sjis(sjis.replace("日\u3000Ⅰ", "日\u00a0Ⅰ"))
