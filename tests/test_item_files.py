"""The 特定個人情報ファイル in a table's keys (``item_context.table_files``): left out where the
table names one file, put into the keys of rows printed without it, so that a row keys the same
with its file line or without."""

from __future__ import annotations

from piatable.normalize.records import table_item_keys

FILE = "（１）住民基本台帳ファイル"
SECTION = "Ⅱ特定個人情報ファイルの概要"


def _keys(items: list[str]):
    return table_item_keys([(item.split("\n"), "a", "b") for item in items])


def test_a_table_naming_one_file_keys_its_rows_with_or_without_the_file_line():
    with_line = f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法"
    without = f"{SECTION}\n３．特定個人情報の入手・使用\n②入手方法"
    a, b = _keys([with_line, without])
    assert (
        a.key == b.key == "Ⅱ特定個人情報ファイルの概要/住民基本台帳ファイル/特定個人情報の入手・使用/入手方法"
    )
    # The file is still named where the row prints it.
    assert a.file == "住民基本台帳ファイル"
    assert b.file is None


def test_a_table_naming_two_files_keeps_them_apart_and_one_spelling_each():
    rows = [
        f"{SECTION}\n{FILE}\n２．基本情報\n①ファイルの種類",
        f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法",
        f"{SECTION}\n（１）住民基本台張ファイル\n３．特定個人情報の入手・使用\n③入手の時期・頻度",
        f"{SECTION}\n（２）送付先情報ファイル\n２．基本情報\n①ファイルの種類",
    ]
    keys = _keys(rows)
    assert keys[0].key != keys[3].key
    assert keys[0].path[1] == "住民基本台帳ファイル"
    assert keys[3].path[1] == "送付先情報ファイル"
    # A name OCR read with 張 for 帳 takes the table's most printed spelling of that file.
    assert keys[2].file == "住民基本台帳ファイル"
    assert keys[2].path[1] == "住民基本台帳ファイル"


def test_a_cell_opening_with_its_file_line_goes_under_the_section_before():
    rows = [
        f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法",
        f"{FILE}\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１\n①法令上の根拠",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１\n②提供先における用途",
    ]
    keys = _keys(rows)
    assert (
        keys[1].key
        == "Ⅱ特定個人情報ファイルの概要/住民基本台帳ファイル/特定個人情報の提供・移転/提供先1/法令上の根拠"
    )
    assert keys[2].key.startswith(
        "Ⅱ特定個人情報ファイルの概要/住民基本台帳ファイル/特定個人情報の提供・移転/提供先1/"
    )
    assert keys[1].file == "住民基本台帳ファイル"


def test_a_table_whose_other_file_line_was_lost_keys_its_file_rows_with_the_file():
    # newuser16's A3 in pypdfium2 text: the second file's line went into another cell, so the
    # table read as naming one file; its first file's rows keep the file in their keys, as in
    # every other reading of that table.
    with_other = _keys(
        [f"{SECTION}\n{FILE}\n２．基本情報\n③対象となる本人の範囲", f"{SECTION}\n（２）送付先情報ファイル"]
    )
    alone = _keys([f"{SECTION}\n{FILE}\n２．基本情報\n③対象となる本人の範囲", SECTION])
    assert with_other[0].key == alone[0].key
    assert alone[0].path[1] == "住民基本台帳ファイル"
