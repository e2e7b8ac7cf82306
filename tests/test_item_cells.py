"""An item's last heading read into the before or after cell completes the key
(normalize/item_cells.py); the cells' text is kept as read."""

from __future__ import annotations

from piatable.normalize.item_cells import complete_from_cells, sub_items
from piatable.normalize.item_key import item_key


def _key(item: str, before: str, after: str = ""):
    return complete_from_cells(item_key(item), [before, after])


def test_the_sub_item_opening_the_before_cell_completes_the_key():
    k = _key("Ⅱしきい値判断項目\n１．対象人数", "いつ時点の計数か 平成31年4月1日 時点", "令和3年4月1日 時点")
    assert k.key == "Ⅱしきい値判断項目/対象人数/いつ時点の計数か"
    assert k.fuzzy  # inferred: the record is flagged item_key_fuzzy


def test_a_sub_item_glued_to_a_value_and_one_in_the_after_cell_with_its_numbering():
    k = _key(
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑦使用の主体", "使用者数50人以上100人未満"
    )
    assert k.path[-1] == "使用者数"
    k = _key("Ⅰ基本情報\n７．評価実施機関における担当部署", "", "② 所属長の役職名 ○○課長")
    assert k.key == "Ⅰ基本情報/評価実施機関における担当部署/所属長の役職名"


def test_a_sentence_opening_with_a_headings_word_is_no_sub_item():
    assert _key("Ⅰ基本情報\n７．評価実施機関における担当部署", "部署名を変更した").path[-1] == (
        "評価実施機関における担当部署"
    )
    # A heading the path already holds is not taken again.
    assert (
        _key("Ⅳその他のリスク対策\n１．監査\n②監査", "監査 年１回実施").key == "Ⅳその他のリスク対策/監査/監査"
    )


def test_a_complete_item_or_an_unknown_last_heading_is_left_as_it_is():
    k = item_key("Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署")
    assert complete_from_cells(k, ["所属長の役職名 課長", ""]) == k
    unknown = item_key("Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署の名前の変更について")
    assert complete_from_cells(unknown, ["部署 ○○課", ""]) == unknown


def test_sub_items_join_the_other_lexicon_files_levels():
    assert {"いつ時点の計数か", "評価対象の事務の対象人数は何人か"} <= sub_items()["対象人数"]
    assert "具体的なチェック方法" in sub_items()["自己点検"]


def test_the_sub_item_of_a_repeated_block_and_one_after_a_wrapped_headings_end():
    k = _key(
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１", "", "①委託内容"
    )
    assert k.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報ファイルの取扱いの委託/委託事項1/委託内容"
    item = ["Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・"]
    cells = ["＜ガバメントクラウドにおける措置＞\n① 特定個人情報は…", "消去\n① 保管場所"]
    k = complete_from_cells(item_key(item), cells, item)
    assert k.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の保管・消去/保管場所"
    # Without the wrapped end first, a cell's second paragraph is not looked at.
    assert (
        complete_from_cells(item_key(item), ["", "なし\n① 保管場所"], item).path[-1]
        == "特定個人情報の保管・消去"
    )
