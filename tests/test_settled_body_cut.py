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
