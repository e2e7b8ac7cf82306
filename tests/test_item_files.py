"""The 特定個人情報ファイル of a table's rows (``item_context.table_files``): the record's key
(``ItemKey.form_key``) never holds it, so that a row keys the same with its file line or without
and the same item of two bodies' files groups together; ``file`` names it, and in a table naming
one file every Ⅱ / Ⅲ row takes that file."""

from __future__ import annotations

from pathlib import Path

from piatable.api import extract_records
from piatable.normalize.item_key import item_key
from piatable.normalize.records import table_item_keys

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

FILE = "（１）住民基本台帳ファイル"
SECTION = "Ⅱ特定個人情報ファイルの概要"


def _keys(items: list[str]):
    return table_item_keys([(item.split("\n"), "a", "b") for item in items])


def test_a_table_naming_one_file_keys_its_rows_with_or_without_the_file_line():
    with_line = f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法"
    without = f"{SECTION}\n３．特定個人情報の入手・使用\n②入手方法"
    a, b = _keys([with_line, without])
    assert a.form_key == b.form_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    # The file is named on both rows: printed on the first, the table's only file on the second.
    assert a.file == b.file == "住民基本台帳ファイル"


def test_the_same_item_of_two_bodies_files_has_one_key():
    ours = _keys([f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法"])
    theirs = _keys([f"{SECTION}\n（１）宛名管理ファイル\n３．特定個人情報の入手・使用\n②入手方法"])
    assert ours[0].form_key == theirs[0].form_key
    assert (ours[0].file, theirs[0].file) == ("住民基本台帳ファイル", "宛名管理ファイル")


def test_a_table_naming_two_files_keeps_them_apart_and_one_spelling_each():
    rows = [
        f"{SECTION}\n{FILE}\n２．基本情報\n①ファイルの種類",
        f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法",
        f"{SECTION}\n（１）住民基本台張ファイル\n３．特定個人情報の入手・使用\n③入手の時期・頻度",
        f"{SECTION}\n（２）送付先情報ファイル\n２．基本情報\n①ファイルの種類",
    ]
    keys = _keys(rows)
    # One item of two files: one key, two files.
    assert keys[0].form_key == keys[3].form_key == "Ⅱ特定個人情報ファイルの概要/基本情報/ファイルの種類"
    assert (keys[0].file, keys[3].file) == ("住民基本台帳ファイル", "送付先情報ファイル")
    # A name OCR read with 張 for 帳 takes the table's most printed spelling of that file.
    assert keys[2].file == "住民基本台帳ファイル"
    assert keys[2].form_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手の時期・頻度"


def test_a_cell_opening_with_its_file_line_goes_under_the_section_before():
    rows = [
        f"{SECTION}\n{FILE}\n３．特定個人情報の入手・使用\n②入手方法",
        f"{FILE}\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１\n①法令上の根拠",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１\n②提供先における用途",
    ]
    keys = _keys(rows)
    assert keys[1].form_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/法令上の根拠"
    assert keys[2].form_key.startswith("Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/")
    assert keys[1].file == keys[2].file == "住民基本台帳ファイル"


def test_a_table_whose_other_file_line_was_lost_keys_its_file_rows_the_same():
    # newuser16's A3 in pypdfium2 text: the second file's line went into another cell, so the
    # table read as naming one file; its first file's rows key as in every other reading.
    with_other = _keys(
        [f"{SECTION}\n{FILE}\n２．基本情報\n③対象となる本人の範囲", f"{SECTION}\n（２）送付先情報ファイル"]
    )
    alone = _keys([f"{SECTION}\n{FILE}\n２．基本情報\n③対象となる本人の範囲", SECTION])
    key = "Ⅱ特定個人情報ファイルの概要/基本情報/対象となる本人の範囲"
    assert with_other[0].form_key == alone[0].form_key == key
    assert with_other[0].file == alone[0].file == "住民基本台帳ファイル"


def test_records_of_a_writer_table_name_its_one_file_on_every_file_row():
    # A Writer table (LibreOffice export, pdftotext -layout) printing its file line on its first
    # row only: the Ⅱ / Ⅲ rows all name the file, no key holds it, the Ⅰ row names none.
    records = extract_records(SAMPLES / "office9/writer-wbreak-t2-pdftotext-layout/input.txt")
    got = [(r.item_section, r.item_file, r.item_key) for r in records]
    assert [(s, f) for s, f, _ in got] == [
        ("Ⅱ", "送付先情報ファイル"),
        ("Ⅲ", "送付先情報ファイル"),
        ("Ⅱ", "送付先情報ファイル"),
        ("Ⅰ", None),
    ]
    assert got[0][2] == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/法令上の根拠"
    assert not any("送付先情報ファイル" in k for _, _, k in got)


def test_a_repeated_block_number_is_item_instance_not_part_of_the_key():
    first, third, risk = (
        item_key(text)
        for text in (
            f"{SECTION}\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１\n⑦時期・頻度",
            f"{SECTION}\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先３\n⑦時期・頻度",
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n"
            "リスク４：特定個人情報ファイルが不正に複製されるリスク",
        )
    )
    assert (
        first.form_key
        == third.form_key
        == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/時期・頻度"
    )
    assert (first.instance, third.instance) == ("提供先1", "提供先3")
    # The table's own key keeps the number: two blocks of one table stay apart for its rules.
    assert first.key != third.key
    # A risk's name is a heading of the form: it stays in the key; its number is the instance.
    assert risk.form_key.endswith("/特定個人情報の使用/特定個人情報ファイルが不正に複製されるリスク")
    assert risk.instance == "リスク4"


def test_a_range_of_blocks_printed_as_one_is_the_instance_whole():
    # 提供先１～５: the five blocks amended alike in one row (session 42's new user: the instance
    # said 提供先1 alone).
    for dash in "～〜":
        key = item_key(
            f"{SECTION}\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１{dash}５\n⑦時期・頻度"
        )
        assert key.instance == "提供先1~5"
        assert key.form_key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/時期・頻度"
