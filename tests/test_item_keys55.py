"""Item keys of the printings branch itemkey55 found keyed apart (issue 14): a file line printed
without its number, and a section numeral printed alone whose headings the forms' structure does
not place (samples office-itemkey55: 重点 and 基礎 tables made by Calc, Writer and Chromium)."""

from __future__ import annotations

import pytest

from piatable.normalize.item_context import document_item_keys
from piatable.normalize.item_key import item_key

FILE_ITEMS = [
    # The file line as the forms print it, and without its number: one key, the file named.
    "Ⅱ特定個人情報ファイルの概要\n（２．宛名ファイル）\n４．特定個人情報ファイルの取扱いの委託\n委託事項2\n⑥委託先名",
    "Ⅱ特定個人情報ファイルの概要\n（宛名ファイル）\n４．特定個人情報ファイルの取扱いの委託\n委託事項2\n⑥委託先名",
    "Ⅱ\n（宛名ファイル）\n４．特定個人情報ファイルの取扱いの委託\n委託事項2\n⑥委託先名",
    "Ⅱ (宛名ファイル) 4. 特定個人情報ファイルの取扱いの委託 委託事項 2 (6)委託先名",
]


@pytest.mark.parametrize("item", FILE_ITEMS)
def test_a_file_line_without_its_number_is_the_file_not_a_heading(item: str):
    key = item_key(item)
    assert key.form_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報ファイルの取扱いの委託/委託事項/委託先名"
    assert key.file == "宛名ファイル"


def test_a_bracketed_note_is_no_file_line():
    key = item_key(
        "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１"
    )
    assert key.file is None
    assert key.form_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先"


KISO = [
    "Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称",
    "Ⅳ\n８．人手を介在させる作業\n人為的ミスが発生するリスクへの対策は十分か",
    "Ⅳリスク対策\n２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）",
]
JUTEN = [
    "Ⅰ ７．評価実施機関における担当部署 ②所属長の役職名",
    "Ⅲリスク対策 （2．宛名ファイル） (3)特定個人情報ファイルの取扱いの委託",
    "Ⅳ\n１．特定個人情報の開示・訂正・利用停止請求\n１．請求先",
    "Ⅴ (1)基礎項目評価 (1)実施日",
]


def test_a_numeral_alone_takes_the_heading_its_table_prints_for_it():
    keys = document_item_keys(KISO)
    assert keys[1].path[:2] == ("Ⅳリスク対策", "人手を介在させる作業")


def test_a_numeral_alone_takes_the_heading_of_the_form_the_table_names():
    """A 重点 table (its Ⅲ is リスク対策: no other form's): its Ⅳ and Ⅴ are 重点's, the Ⅰ before
    評価実施機関における担当部署 基本情報 (基礎's would be 関連情報)."""
    keys = document_item_keys(JUTEN)
    assert [k.path[0] for k in keys] == ["Ⅰ基本情報", "Ⅲリスク対策", "Ⅳ開示請求、問合せ", "Ⅴ評価実施手続"]
    # The cover's form decides as well.
    assert document_item_keys(JUTEN[2:3], form="重点項目評価書")[0].path[0] == "Ⅳ開示請求、問合せ"
    assert document_item_keys(JUTEN[2:3], form="全項目評価書")[0].path[0] == "Ⅳその他のリスク対策"


def test_a_numeral_alone_stays_alone_when_nothing_names_its_heading():
    """No other row, no cover: 全項目's Ⅳ (その他のリスク対策) and 重点's (開示請求、問合せ) differ."""
    assert document_item_keys([JUTEN[2]])[0].path[0] == "Ⅳ"
    # A table whose sections fit 全項目 and 重点 alike names neither's Ⅳ.
    table = ["Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法", JUTEN[2]]
    assert document_item_keys(table)[1].path[0] == "Ⅳ"


def test_a_numeral_alone_the_lexicon_heads_by_another_form_takes_its_tables_heading():
    """``Ⅲ`` / ``３．特定個人情報ファイルの取扱いの委託`` alone is headed by 全項目's Ⅲ (the lexicon
    lists that heading there only); in a table whose cells print Ⅲリスク対策 (a 重点 table) it is
    that; a table printing both names neither."""
    bare = (
        "Ⅲ\n（2．宛名ファイル）\n3. 特定個人情報ファイルの取扱いの委託\n"
        "委託先による特定個人情報の不正入手・不正な使用に関するリスク"
    )
    assert item_key(bare).path[0] == "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"
    table = [JUTEN[0], JUTEN[1], bare]
    assert document_item_keys(table)[2].form_key.split("/")[:2] == [
        "Ⅲリスク対策",
        "特定個人情報ファイルの取扱いの委託",
    ]
    both = [*table, "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用"]
    assert document_item_keys(both)[2].path[0] == "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"
