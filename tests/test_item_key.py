"""The canonical item key: one key however a 項目 cell was printed, different keys for different items."""

from __future__ import annotations

import pytest

from piatable.normalize.item_key import canonical_text, item_key

FILE_ITEM = (
    "Ⅱ特定個人情報ファイルの概要\n（３．送付先情報ファイル）\n"
    "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１\n⑦時期・頻度"
)


def test_parts_of_a_file_block_item():
    k = item_key(FILE_ITEM)
    assert (
        k.key == "Ⅱ特定個人情報ファイルの概要/送付先情報ファイル/特定個人情報の提供・移転/提供先1/時期・頻度"
    )
    assert (k.section, k.file, k.instance) == ("Ⅱ", "送付先情報ファイル", "提供先1")
    assert k.unknown == ()


@pytest.mark.parametrize(
    "printed",
    [
        "Ⅰ 基本情報\n７． 評価実施機関における担当部署\n① 部署",  # a space after the numbering
        "Ⅰ基本情報\n7.評価実施機関における担当部署\n①部署",  # half-width numerals
        "I基本情報\n７．評価実施機関における担当部署\n①部署",  # ASCII roman numeral (OCR)
        "Ⅰ基本情報\n７．評価実施機関におけ\nる担当部署\n①部署",  # wrapped
        "Ⅰ 基 本 情 報\n７ ． 評 価 実 施 機 関 に お け る 担 当 部 署\n① 部 署",  # spaces everywhere
        "Ⅰ基本情報７．評価実施機関における担当部署①部署",  # all on one line
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署\n変更前の記載",  # a label leaked in
    ],
)
def test_one_key_however_printed(printed):
    assert item_key(printed).key == "Ⅰ基本情報/評価実施機関における担当部署/部署"


def test_glued_unnumbered_headings_are_split_by_the_lexicon():
    assert item_key(
        "Ⅳリスク対策\n８．人手を介在させる作業人為的ミスが発生するリスクへの対策は十分か"
    ).path == (
        "Ⅳリスク対策",
        "人手を介在させる作業",
        "人為的ミスが発生するリスクへの対策は十分か",
    )


def test_radicals_notes_and_clipped_brackets():
    assert item_key("Ⅵ評価実施手続\n２．国⺠・住⺠等からの意見の聴取\n①方法").key == (
        "Ⅵ評価実施手続/国民・住民等からの意見の聴取/方法"
    )
    head, tail = "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転", "\n移転先２\n①法令上の根拠"
    clipped = head + "（委託に伴う" + tail
    full = head + "（委託に伴うものを除く。）" + tail
    assert item_key(clipped).key == item_key(full).key
    assert canonical_text("入手元 ※") == "入手元"


def test_instances_tell_blocks_apart():
    one = item_key(
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n①委託内容"
    )
    two = item_key(
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項２\n①委託内容"
    )
    assert one.key != two.key and (one.instance, two.instance) == ("委託事項1", "委託事項2")
    risk = item_key(
        "Ⅲリスク対策\n３．特定個人情報の使用\nリスク２：権限のない者によって不正に使用されるリスク"
    )
    assert risk.instance == "リスク2" and "リスク2" not in risk.key


def test_unknown_heading_keeps_its_text_and_is_listed():
    k = item_key("Ⅱ特定個人情報ファイルの概要\n９．架空の見出し")
    assert k.key == "Ⅱ特定個人情報ファイルの概要/架空の見出し" and k.unknown == ("架空の見出し",)
    assert item_key("").key == "" and item_key("よろしくお願いします").unknown == ("よろしくお願いします",)


def test_section_is_inferred_from_a_heading_of_one_section():
    assert item_key("３．特定個人情報の入手・使用\n②入手方法").section == "Ⅱ"


def test_different_items_of_the_truth_tables_get_different_keys():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    items = {
        "".join(r["item"].split()): r["item"]
        for p in [
            *(root / "samples" / "tables").glob("*.json"),
            *(root / "tests" / "data" / "tables").glob("*.json"),
        ]
        for r in json.loads(p.read_text("utf-8"))
    }
    keys = {item_key(t).key for t in items.values()}
    assert len(keys) == len(items)


def test_a_heading_wrapped_before_its_last_word_keeps_it():
    """A line 項目 may be the end of a wrapped heading (記録される項 / 目), not a leaked label."""
    whole = item_key("Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目\n主な記録項目")
    wrapped = item_key("Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される\n項目\n主な記録項目")
    assert wrapped.key == whole.key
    assert whole.path[-2:] == ("記録される項目", "主な記録項目")


def test_leaked_column_labels_are_not_headings():
    want = item_key("Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署").key
    assert item_key("項目\nⅠ基本情報\n７．評価実施機関における担当部署\n①部署").key == want
    assert item_key("Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署\n項目\n変更前の記載").key == want


@pytest.mark.parametrize(
    ("printed", "dropped"),
    [
        # another column's text after a heading that closes an item (③消去方法 has no sub-items)
        (
            "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n③消去方法\n保存期間を経過した附票",
            "保存期間を経過した附票",
        ),
        # ... between a heading and its own sub-heading (１． is printed just under Ⅰ)
        ("Ⅰ基本情報\n戸籍の附票に関する事務\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称", None),
        # ... printed into a wrapped heading by a reader that takes two columns' lines in turn
        (
            "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱[]その他う事務において使用するシステム\n"
            "システム１\n③他のシステムとの接続",
            "[]その他",
        ),
        # the end of a date that wrapped into the 項目 column
        ("Ⅰ基本情報\n７．評価実施機関における担当日部署\n②所属長の役職名", "日"),
    ],
)
def test_text_the_forms_structure_rules_out_is_left_out_of_the_key(printed, dropped):
    clean = {
        "消去方法": "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n③消去方法",
        "事務の名称": "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称",
        "接続": (
            "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
            "システム１\n③他のシステムとの接続"
        ),
        "役職名": "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
    }
    want = next(item_key(v) for k, v in clean.items() if k in printed)
    got = item_key(printed)
    assert got.key == want.key and want.dropped == ()
    assert got.dropped and (dropped is None or dropped in got.dropped)


def test_a_bodys_own_sub_heading_under_an_open_heading_is_kept():
    # ④記録される項目 has sub-items: an unknown line under it is a heading, not another cell's text
    k = item_key("Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目\n独自の記録項目一覧")
    assert k.path[-1] == "独自の記録項目一覧" and k.dropped == ()
    # a plain word run after a heading is no heading interrupted: it stays (a longer heading)
    assert item_key("Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転の方法等").dropped == ()


@pytest.mark.parametrize(
    "name_line",
    [
        "委託事項１\n住民基本台帳システムの運用保守",
        "委託事項１：住民基本台帳システムの運用保守",
        "委託事項１　窓口業務",
    ],
)
def test_a_blocks_name_after_its_number_is_neither_dropped_nor_in_the_key(name_line):
    # The forms print a 委託事項's name beside its number; amendment tables copy it into the
    # item.  It is no other cell's text (no column_guess), and the key stays the form's item.
    want = item_key(
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n⑦再委託の有無"
    )
    got = item_key(
        f"Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n{name_line}\n⑦再委託の有無"
    )
    assert got.key == want.key and got.instance == "委託事項1"
    assert got.dropped == () and got.unknown == ()


def test_a_sentence_after_a_blocks_number_is_still_another_cells_text():
    got = item_key(
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n"
        "委託先において、再委託を行う場合は書面により承諾する。\n⑦再委託の有無"
    )
    assert got.dropped and got.key.endswith("委託事項1/再委託の有無")


@pytest.mark.parametrize(
    ("printed", "misread"),
    [
        # OCR: one character replaced, in a heading and in the section's own heading.
        ("Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方怯", "入手方怯"),
        ("Ⅰ基木情報\n７．評価実施機関における担当部署\n①部署", "基木情報"),
        # A character dropped where a cell was clipped or a wrap lost it.
        ("Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使\n②入手方法", "特定個人情報の入手・使"),
        # Two unnumbered headings glued by an extractor, one of them misread.
        ("Ⅰ関連情報\n３．個人番号の利用\n法令上の根挙", "法令上の根挙"),
    ],
)
def test_a_misread_heading_gets_the_lexicons_key_and_says_so(printed, misread):
    clean = {
        "入手方怯": "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
        "基木情報": "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
        "特定個人情報の入手・使": "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
        "法令上の根挙": "Ⅰ関連情報\n３．個人番号の利用\n法令上の根拠",
    }[misread]
    got, want = item_key(printed), item_key(clean)
    assert got.key == want.key and want.fuzzy == ()
    assert any(f.startswith(misread) for f in got.fuzzy), got.fuzzy


def test_a_misreading_between_two_headings_is_no_heading():
    # 本人の数 and 本人の範囲 are siblings; 本人の範 (clipped) is one edit from each: the text
    # 範囲 opens wins; 本人の範國 (two edits from 数, one from 範囲) is 範囲; a text as near to
    # two headings in every way is left as read.
    base = "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③"
    assert item_key(base + "対象となる本人の範").key.endswith("/対象となる本人の範囲")
    assert item_key(base + "対象となる本人の範國").key.endswith("/対象となる本人の範囲")
    k = item_key("Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事由")  # 事務 or 理由?
    assert k.fuzzy == () and k.key.endswith("取り扱う事由")


def test_every_heading_of_the_lexicon_keeps_its_own_key():
    from piatable.normalize.heading_lexicon import known_headings

    for heading in known_headings():
        k = item_key(heading)
        assert k.fuzzy == (), heading


# ----------------------------------------------------------------------------- noisy item cells


def test_a_heading_read_with_a_neighbouring_cells_text_inside_keeps_its_key():
    # plain pdftotext prints the next column's line into a wrapped heading
    want = item_key("Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先")
    k = item_key(
        "Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取○○市財務部市民税課電話０１２３－４５\n扱いに関する問合せよる修正\n①連絡先"
    )
    assert k.key == want.key
    assert k.fuzzy and "○○市財務部市民税課電話0123-45" in k.dropped


def test_text_after_an_items_last_heading_is_left_out_of_the_key():
    want = item_key("Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署").key
    assert (
        item_key("Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署組織改正による部署名の変更").key == want
    )
    want = item_key("Ⅰ関連情報\n３．個人番号の利用\n法令上の根拠").key
    assert item_key("Ⅰ関連情報\n３．個人番号の利用\n法令上の根拠める命令第２４条").key == want
    # an attachment's title from the next row after the last heading
    want = item_key("Ⅰ関連情報\n７．評価実施機関における担当部署\n②所属長の役職名").key
    assert (
        item_key(
            "Ⅰ関連情報\n７．評価実施機関における担当部署\n②所属長の役職名\n（別紙２）特定個人情報ファイル記録項目"
        ).key
        == want
    )


def test_numbered_sub_headings_under_an_items_last_heading_are_kept():
    # a body's own numbered lines are headings: two such items must keep two keys
    base = (
        "Ⅲリスク対策\n３．特定個人情報の使用\n"
        "特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置\n"
    )
    a = item_key(base + "１．従事者が事務外で使用するリスクへの措置")
    b = item_key(base + "２．特定個人情報ファイルが不正に複製されるリスクへの措置")
    assert a.key != b.key and a.dropped == () and b.dropped == ()


def test_a_heading_cut_short_is_the_one_heading_it_opens():
    want = item_key("Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去").key
    k = item_key("Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・")
    assert k.key == want and k.fuzzy


def test_a_cell_holding_two_rows_items_keys_the_complete_one():
    want = item_key("Ⅰ基本情報\n６．情報提供ネットワークシステムによる情報連携\n②法令上の根拠").key
    k = item_key("使用者数\nⅠ基本情報\n６．情報提供ネットワークシステムによる情報連携\n②法令上の根拠")
    assert k.key == want and k.section == "Ⅰ" and "使用者数" in k.dropped
    want = item_key("Ⅰ関連情報\n７．評価実施機関における担当部署\n②所属長の役職名").key
    k = item_key(
        "７．評価実施機関における担当部署\n①部署\nⅠ関連情報\n７．評価実施機関における担当部署\n②所属長の役職名"
    )
    assert k.key == want


def test_ocr_readings_of_a_section_numeral_and_of_numbering():
    iii = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n６．情報提供ネットワークシステムとの接続"
    keep = "特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所"
    iv = "Ⅳリスク対策\n８．人手を介在させる作業\n判断の根拠"
    cases = {
        "IM" + iv[1:]: iv,
        "川リスク対策E\n３．特定個人情報の使用": "Ⅲリスク対策\n３．特定個人情報の使用",
        "ll符走人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所": "Ⅱ" + keep,
        "出" + iii[1:]: iii,
        "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n０\n主な意見の内容": (
            "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n④主な意見の内容"
        ),
        "Ⅵ評価実施手続\n３．第三者点検結果": "Ⅵ評価実施手続\n３．第三者点検\n③結果",
        "Ⅰ関連情報\n３、個人番号の利用\n法令上の根拠": "Ⅰ関連情報\n３．個人番号の利用\n法令上の根拠",
    }
    for read, printed in cases.items():
        k = item_key(read)
        assert k.key == item_key(printed).key, read
    assert item_key("IMリスク対策\n８．人手を介在させる作業\n判断の根拠").fuzzy


def test_a_heading_alone_is_no_section_without_a_numeral_read():
    # 基本情報 heads Ⅰ and is also Ⅱ's ２．: with no numeral read, no section is made up
    assert item_key("基本情報\n⑥事務担当部署").section != "Ⅰ" or not item_key(
        "基本情報\n⑥事務担当部署"
    ).key.startswith("Ⅰ")
    # a heading of the lexicon near a section's heading is itself
    assert item_key("特定個人情報ファイルの保管・消去").key == "特定個人情報ファイルの保管・消去"


def test_a_row_without_its_upper_headings_continues_the_row_before():
    from piatable.normalize.item_context import document_item_keys

    keys = document_item_keys(
        [
            "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n①委託内容",
            "⑥委託先名",
            "Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称",
            "ルを取り扱う事務\n②事務の概要",
            "全く別の見出し",
        ]
    )
    assert (
        keys[1].key
        == item_key(
            "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n⑥委託先名"
        ).key
    )
    assert keys[1].instance == "委託事項1" and keys[1].section == "Ⅱ" and keys[1].fuzzy
    assert keys[3].key == item_key("Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の概要").key
    # text the structure does not place under the row before keeps its own key
    assert keys[4].key == "全く別の見出し" and not keys[4].fuzzy
    assert keys[0].fuzzy == () and keys[2].fuzzy == ()


def test_a_row_without_its_section_takes_the_section_heading_the_table_prints():
    from piatable.normalize.item_context import document_item_keys

    rows = [
        "Ⅰ関連情報\n３．個人番号の利用\n法令上の根拠",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n②対象となる本人の数",
        "り扱う事務\n②事務の概要",
        "３．特定個人情報の入手・使用\n②入手方法",
    ]
    keys = document_item_keys(rows)
    assert keys[2].key == "Ⅰ関連情報/特定個人情報ファイルを取り扱う事務/事務の概要" and keys[2].fuzzy
    assert keys[3].key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    # A table printing two headings for Ⅱ (基礎's しきい値判断項目 too) does not tell which.
    two = document_item_keys([*rows, "Ⅱしきい値判断項目\n１．対象人数"])
    assert two[3].key == "特定個人情報の入手・使用/入手方法" and not two[3].fuzzy


def test_a_row_without_its_section_in_a_table_printing_none_for_it_takes_the_forms_section():
    """No row of the table prints Ⅱ: the forms print 特定個人情報の入手・使用 under 全項目's Ⅱ only,
    and the table's other sections (Ⅰ基本情報) are 全項目's; a table whose sections are 基礎's
    (Ⅰ関連情報) or that prints none places nothing (the lexicon lists some of 基礎's headings only)."""
    from piatable.normalize.item_context import document_item_keys

    full = "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    sectionless = "３．特定個人情報の入手・使用\n②入手方法"
    keys = document_item_keys(["Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署", sectionless])
    assert keys[1].key == full and keys[1].section == "Ⅱ"
    assert any(f.endswith("(forms)") for f in keys[1].fuzzy)
    # Before the table's first section too.
    assert document_item_keys([sectionless, "Ⅵ評価実施手続\n３．第三者点検\n①実施日"])[0].key == full
    kiso = document_item_keys(["Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の概要", sectionless])
    assert kiso[1].key == "特定個人情報の入手・使用/入手方法" and not kiso[1].fuzzy
    assert document_item_keys([sectionless])[0].key == "特定個人情報の入手・使用/入手方法"
    # 評価実施機関における担当部署 is printed under Ⅰ in 基礎 as well (the lexicon's 基礎:Ⅰ/5 since
    # branch itemkey54; before, a 基礎 table kept it unplaced): a 基礎 table places it under 基礎's Ⅰ,
    # a table naming no form leaves it unplaced.
    assert document_item_keys(
        ["Ⅳリスク対策\n８．人手を介在させる作業", "７．評価実施機関における担当部署\n①部署"]
    )[1].key == ("Ⅰ関連情報/評価実施機関における担当部署/部署")
    assert (
        document_item_keys(["７．評価実施機関における担当部署\n①部署"])[0].key
        == "評価実施機関における担当部署/部署"
    )


def test_a_row_without_its_section_takes_the_section_of_the_form_the_cover_names():
    """The cover names the form (``--documents``' ``form``): a 項目 cell read without its section,
    in a table printing no heading for that numeral, goes under that form's section heading (Ⅰ is
    基本情報 in 全項目, 関連情報 in 基礎), also when the table prints no other section to name the
    form by; ``(cover)`` in ``fuzzy`` says where the form came from.  A form under which the
    lexicon prints no such heading (重点's Ⅰ/1 is not in it) falls back to the table's other
    sections, and places nothing when those name none."""
    from piatable.normalize.item_context import document_item_keys

    jimu = "１．特定個人情報ファイルを取り扱う事務\n②事務の概要"
    zen = document_item_keys([jimu], form="全項目評価書")[0]
    assert zen.key == "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務/事務の概要" and zen.section == "Ⅰ"
    assert any(f.endswith("(cover)") for f in zen.fuzzy)
    kiso = document_item_keys([jimu], form="基礎項目評価書")[0]
    assert kiso.key == "Ⅰ関連情報/特定個人情報ファイルを取り扱う事務/事務の概要"
    # Without a form named, nothing places it (keys43's rule: the table prints no other section).
    assert document_item_keys([jimu])[0].key == "特定個人情報ファイルを取り扱う事務/事務の概要"
    # The form named by the cover decides over none named by the table's other sections.
    sectionless = "３．特定個人情報の入手・使用\n②入手方法"
    other = "Ⅵ評価実施手続\n３．第三者点検\n①実施日"
    got = document_item_keys([sectionless, other], form="全項目評価書")[0]
    assert got.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    # 基礎 prints no 特定個人情報の入手・使用 under Ⅱ (しきい値判断項目): a 基礎 cover does not
    # put it there, and a table naming no form places nothing.
    assert (
        document_item_keys([sectionless], form="基礎項目評価書")[0].key == "特定個人情報の入手・使用/入手方法"
    )
    # 重点 heads Ⅱ as 全項目 does (the seed, a published 重点 assessment).
    juten = document_item_keys([sectionless], form="重点項目評価書")[0]
    assert juten.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    assert any(f.endswith("(cover)") for f in juten.fuzzy)
    # A heading the lexicon does not list under the cover's form (重点's Ⅰ/1) falls back to the
    # form the table's other sections name (Ⅱ特定個人情報ファイルの概要: 全項目 or 重点).
    juten = document_item_keys([f"Ⅱ特定個人情報ファイルの概要\n{sectionless}", jimu], form="重点項目評価書")[
        1
    ]
    assert juten.key == "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務/事務の概要"
    assert any(f.endswith("(forms)") for f in juten.fuzzy)
    # Sections the table prints that are another form's (Ⅵ評価実施手続: 全項目) decide over the
    # cover's (a cover read wrong, or another assessment's table).
    other_form = document_item_keys([jimu, other], form="基礎項目評価書")[0]
    assert other_form.key == "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務/事務の概要"
    assert any(f.endswith("(forms)") for f in other_form.fuzzy)
    # A section the table prints for that numeral is the table's own, whatever the cover says.
    printed = document_item_keys(
        ["Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称", jimu], form="全項目評価書"
    )
    assert printed[1].key.startswith("Ⅰ関連情報/")


@pytest.mark.parametrize(
    ("cell", "form", "want"),
    [
        # 基本情報 heads section Ⅰ and is Ⅱ's ２．; 対象となる本人の範囲 is printed under Ⅱ's only.
        (
            "２．基本情報\n③対象となる本人の範囲",
            "全項目評価書",
            "Ⅱ特定個人情報ファイルの概要/基本情報/対象となる本人の範囲",
        ),
        # 対象人数 is printed just under 基礎's Ⅱ and under Ⅰ's 特定個人情報ファイルを取り扱う事務.
        ("１．対象人数\nいつ時点の計数か", "基礎項目評価書", "Ⅱしきい値判断項目/対象人数/いつ時点の計数か"),
        # 提供・移転 and 委託 are printed under Ⅱ and Ⅲ; their blocks (提供先, 委託事項) are Ⅱ's.
        (
            "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先２\n①法令上の根拠",
            "全項目評価書",
            "Ⅱ特定個人情報ファイルの概要/特定個人情報の提供・移転/提供先/法令上の根拠",
        ),
        (
            "４．特定個人情報ファイルの取扱いの委託\n委託事項３",
            "全項目評価書",
            "Ⅱ特定個人情報ファイルの概要/特定個人情報ファイルの取扱いの委託/委託事項",
        ),
    ],
)
def test_a_heading_printed_in_several_places_is_placed_by_its_later_headings_or_block(cell, form, want):
    """A cell read without its section whose first heading the forms print under a section and
    elsewhere too goes under the section its later headings (or its repeated block) put it in;
    alone, with nothing after it to tell, it stays unplaced."""
    from piatable.normalize.item_context import document_item_keys

    assert document_item_keys([cell], form=form)[0].form_key == want
    first = cell.split("\n")[0]
    assert document_item_keys([first], form=form)[0].section is None


def test_a_heading_printed_under_two_sections_goes_where_its_later_headings_place_it():
    """特定個人情報の提供・移転 is printed under Ⅱ and Ⅲ; リスク２ … places the row in Ⅲ: it does not
    continue the Ⅱ row before it, and takes the Ⅲ heading the table prints."""
    from piatable.normalize.item_context import document_item_keys

    iii = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"
    risk = (
        "５．特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）\n"
        "リスク２：不適切な方法で提供・移転が行われるリスク\nリスクに対する措置の内容"
    )
    keys = document_item_keys(
        [
            f"{iii}\n２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）\n"
            "リスク１：目的外の入手が行われるリスク\n対象者以外の情報の入手を防止するための措置の内容",
            "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
            risk,
        ]
    )
    assert (
        keys[2].key
        == f"{iii}/特定個人情報の提供・移転/不適切な方法で提供・移転が行われるリスク/リスクに対する措置の内容"
    )
    assert keys[2].section == "Ⅲ" and keys[2].fuzzy


def test_a_bracketed_numbered_sub_heading_of_the_body_is_no_heading():
    # （２．違反行為への対応） is the before/after cell's own sub-heading read into the 項目 cell.
    k = item_key(
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n従業者に対する教育・啓発\n"
        "（２．違反行為への対応）\n具体的な方法\n分を含め厳正に対処する。"
    )
    assert k.key == "Ⅳその他のリスク対策/従業者に対する教育・啓発/従業者に対する教育・啓発/具体的な方法"
    assert "（２．違反行為への対応）" in k.dropped
    # A file line is bracketed too, and stays.
    k = item_key(
        [
            "Ⅱ特定個人情報ファイルの概要",
            "（３．送付先情報ファイル）",
            "３．特定個人情報の入手・使用",
            "⑤使用方法",
        ]
    )
    assert k.file == "送付先情報ファイル"


def test_the_forms_own_file_line_names_the_file():
    # The 全項目評価書 numbers its files （１）住民基本台帳ファイル: the file is a component of the
    # key, so one heading under two files gives two keys.
    first = item_key(
        "Ⅱ特定個人情報ファイルの概要\n（１）固定資産課税台帳ファイル\n２．基本情報\n④記録される項目"
    )
    second = item_key("Ⅱ特定個人情報ファイルの概要\n（２）宛名ファイル\n２．基本情報\n④記録される項目")
    assert first.file == "固定資産課税台帳ファイル" and second.file == "宛名ファイル"
    assert first.key != second.key
    assert first.key == "Ⅱ特定個人情報ファイルの概要/固定資産課税台帳ファイル/基本情報/記録される項目"
    # A heading that goes on after ファイル is a numbered heading, not a file.
    k = item_key("Ⅰ基本情報\n（１）特定個人情報ファイルを取り扱う事務")
    assert k.file is None and k.key == "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務"


def test_a_neighbours_bracket_and_digit_before_a_heading_do_not_cut_the_key():
    # ``（１`` of the before cell read into the 項目 cell: canonical_text would drop an unclosed
    # bracket to the cell's end (a clipped note) and lose two headings silently.
    truth = item_key(
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n従業者に対する教育・啓発\n具体的な方法"
    )
    for read in (
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発（１\n従業者に対する教育・啓発\n具体的な方法",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n従業者に対する教育・啓発\n（１具体的な方法",
    ):
        got = item_key(read)
        assert got.key == truth.key and got.fuzzy  # inferred, so flagged item_key_fuzzy
    # A clipped bracketed note still goes, and nothing is inferred from it.
    clipped = item_key("Ⅱ特定個人情報ファイルの概要\n２．基本情報\n⑥事務担当部署（委託に伴うものを")
    assert clipped.key.endswith("事務担当部署") and not clipped.fuzzy
