"""change_kind and the before → after diff."""

from __future__ import annotations

import pytest

from piatable.normalize.diff import change_kind, text_diff, tokens


def test_a_renamed_thing_is_one_replacement():
    assert text_diff("使用開始日から通知カード送付まで", "使用開始日から個人番号通知書送付まで") == [
        ("kept", "使用開始日から"),
        ("deleted", "通知カード"),
        ("inserted", "個人番号通知書"),
        ("kept", "送付まで"),
    ]


def test_an_insertion_inside_a_compound_stays_small():
    assert text_diff("市民部市民課", "市民生活部市民課") == [
        ("kept", "市民"),
        ("inserted", "生活"),
        ("kept", "部市民課"),
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", "新規追加"),
        ("削除する文", ""),
        ("同じ", "同じ"),
        ("[ 10人未満 ]", "[ 10人以上50人未満 ]"),
        ("a\nb", "a\nc"),
    ],
)
def test_segments_rebuild_both_texts(before, after):
    ops = text_diff(before, after)
    assert "".join(t for op, t in ops if op != "inserted") == before
    assert "".join(t for op, t in ops if op != "deleted") == after
    assert all(op in ("kept", "deleted", "inserted") and t for op, t in ops)


def test_tokens_keep_the_text():
    text = "ＬＧＷＡＮ接続端末 ID2 の（管理）"
    assert "".join(tokens(text)) == text
    assert "ＬＧＷＡＮ" in tokens(text)


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("", "新しい記載", "added"),
        # A mark closing a longer after, the before not empty: the item's text changed
        # (issue 14's rule; the reader's truth of real rows counts these as modified).
        ("見出し", "見出し\n追加した文\n上記を新規追加", "modified"),
        ("", "追加した文\n上記を新規追加", "added"),
        ("古い記載", "新規追加", "added"),
        # A before that says only that the item is new, or prints only the form's dash.
        ("新規追加", "住民基本台帳法に基づき、転出証明書情報を記録", "added"),
        ("（新規）", "新たな記載", "added"),
        ("－", "新たな記載", "added"),
        ("古い記載", "－", "deleted"),
        ("－", "―", "unchanged"),
        ("新規追加の手続", "新規追加の手続を改める", "modified"),
        ("古い記載", "上記を新規追加", "added"),
        ("古い記載", "削除", "deleted"),
        ("古い記載", "（削除）", "deleted"),
        ("古い記載", "", "deleted"),
        ("削除の規定", "削除の規定を改める", "modified"),
        ("同じ 記載", "同じ記載", "unchanged"),
        # Both empty: the cells print no difference, unchanged (neither added nor deleted; the
        # row is flagged empty_change).
        ("", "", "unchanged"),
        (" \n", "　", "unchanged"),
        ("市民部", "市民生活部", "modified"),
        # A cell saying only that nothing was written is the form's empty cell (set XXII:
        # Ⅵ２．②実施日・期間 記載なし → dates is an addition; t04 text → 記載なし a deletion).
        ("記載なし", "令和５年１月１０日から令和５年２月２８日まで", "added"),
        ("（記載なし）", "新たな記載", "added"),
        ("該当なし", "新たな記載", "added"),
        ("なし", "新たな記載", "added"),
        ("古い記載", "記載なし", "deleted"),
        ("記載なし", "記載なし", "unchanged"),
        # A check box's choice is printed text, no placeholder; nor is a longer sentence.
        ("［　なし　］", "［　あり　］", "modified"),
        ("記載なしとする", "委託先を記載する", "modified"),
    ],
)
def test_change_kind(before, after, kind):
    assert change_kind(before, after) == kind


def test_change_kind_keeps_the_record_contract():
    """``change_kind`` is one of the four kinds the record contract lists (DESIGN.md), never
    empty nor null, both cells empty included; the README's schema row lists the same four."""
    from pathlib import Path

    from piatable.normalize.diff import CHANGE_KINDS

    assert set(CHANGE_KINDS) == {"added", "deleted", "modified", "unchanged"}
    for before, after in [("", ""), ("\n", " "), ("", "新規追加"), ("a", ""), ("a", "a"), ("a", "b")]:
        assert change_kind(before, after) in CHANGE_KINDS
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    row = next(ln for ln in readme.splitlines() if ln.startswith("| `change_kind` |"))
    listed = set(row.split("|")[2].replace(",", " ").replace("or", " ").split())
    assert listed == {f"`{k}`" for k in CHANGE_KINDS}, listed


def test_a_before_that_says_the_item_is_new_is_one_rule():
    """``diff.is_added_before`` is the one definition of a before cell that marks an added row:
    ``change_kind`` calls the row added and ``shape_checks.is_addition_mark`` gives it no
    column_guess; 上記を新規追加 points at text above it and is an after cell's words."""
    from types import SimpleNamespace

    from piatable.normalize.diff import is_added_before
    from piatable.normalize.shape_checks import is_addition_mark

    for before in ("新規追加", "（新規追加）", "【新規追加】", "（新規）", "新規"):
        assert is_added_before(before)
        assert change_kind(before, "新たな記載") == "added"
    assert not is_added_before("上記を新規追加") and not is_added_before("新規追加の手続")
    assert change_kind("上記を新規追加", "新たな記載") == "modified"
    assert is_addition_mark(SimpleNamespace(before="（新規追加）", after="新たな記載"))
