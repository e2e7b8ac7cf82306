"""A close item/before cut settled by the forms' headings (normalize/settled_item_cut.py, issue 12).

Cells as pypdfium2 and ``pdftotext -raw`` read set IX's c2 / c4 (a whole item, a before cell of
one sentence): right rows the item-cut margin alone warned."""

from piatable.models import Doubt, Record
from piatable.normalize.passone import ITEM_CUT_WHY
from piatable.normalize.settled_item_cut import item_cut_settled, without_settled_item_cut

WHOLE = ["Ⅳその他のリスク対策", "１．監査", "①自己点検", "具体的なチェック方法"]


def rec(path: list[str], before: str, after: str = "年１回、自己点検を行い、結果を報告する。") -> Record:
    return Record("s", 0, 1, 1, None, "", "\n".join(path), path, before, after, "事後", "記載内容の明確化")


def margin() -> list[Doubt]:
    why = f"{ITEM_CUT_WHY} won by 0.65 over moving it"
    return [Doubt("column_guess", "item", why), Doubt("column_guess", "before", why)]


def test_a_whole_item_beside_a_sentence_settles_the_item_cut():
    r = rec(WHOLE, "年１回、チェックリストによる自己点検を行う。")
    assert item_cut_settled(r)
    other = Doubt("column_guess", "after", "a word runs on from the before cell into the after cell")
    assert without_settled_item_cut(r, [*margin(), other]) == [other]


def test_an_item_short_of_its_last_heading_or_a_heading_in_the_next_cell_keeps_the_doubt():
    # The item stops on a heading the forms print items under: its last line may be in the body.
    assert not item_cut_settled(rec(WHOLE[:3], "具体的なチェック方法\n年１回、自己点検を行う。"))
    # The before cell opens with a heading of the form (the item's last line read into it?).
    assert not item_cut_settled(rec(WHOLE, "①自己点検\n年１回、自己点検を行う。"))
    # ... or with a piece of a wrapped heading.
    assert not item_cut_settled(rec(WHOLE, "ムによる情報連携"))
    r = rec(WHOLE[:3], "具体的なチェック方法\n年１回、自己点検を行う。")
    assert without_settled_item_cut(r, margin()) == margin()
