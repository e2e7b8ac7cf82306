"""An item's last heading read into the before or after cell completes the key
(normalize/item_cells.py); the cells' text is kept as read."""

from __future__ import annotations

import pytest

from piatable.normalize.item_cells import complete_from_cells, complete_from_pieces, heading_pieces, sub_items
from piatable.normalize.item_key import item_key
from piatable.normalize.records import table_item_keys


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


# --------------------------------------------------------------- pieces elsewhere in the row


def _pieces(item: str, before: str, after: str = ""):
    lines = item.split("\n")
    return complete_from_pieces(item_key(lines), lines, [before, after], "cells")


def test_headings_split_over_both_cells_complete_the_key():
    # A column-order reader printed the item's last lines in the before and after cells.
    k = _pieces("Ⅰ基本情報", "６．情報提供ネットワークシステ", "ムによる情報連携\n② 法令上の根拠")
    assert k.key == "Ⅰ基本情報/情報提供ネットワークシステムによる情報連携/法令上の根拠"
    assert k.fuzzy  # inferred: the record is flagged item_key_fuzzy
    # After a date or a check box: the pieces no heading holds are passed over.
    k = _pieces("Ⅵ評価実施手続", "2021/01/04 ３．第三者点検\n①実施日", "・意見が１件あった。")
    assert k.key == "Ⅵ評価実施手続/第三者点検/実施日"
    k = _pieces(
        "Ⅳリスク対策",
        "[ 十分に行っている ]\n日 １０．従業者に対する教育・",
        "[ 特に ]\n啓発\n従業者に対する教育・啓発",
    )
    assert k.key == "Ⅳリスク対策/従業者に対する教育・啓発/従業者に対する教育・啓発"


def test_an_attachments_title_in_the_before_cell():
    assert _pieces("別添１", "事務の内容 ○○市財務部市民税課").key == "別添1事務の内容"


def test_pieces_out_of_the_forms_order_or_of_another_row_are_not_taken():
    # 法令上の根拠 is never printed right under the section.
    assert _pieces("Ⅰ基本情報", "② 法令上の根拠").key == "Ⅰ基本情報"
    # pypdfium2 put two rows' items into the cells: the first row's, not a path through both.
    k = _pieces(
        "Ⅰ関連情報",
        "７．評価実施機関における担当部署 ①部署 保険年金課 国保年金課 Ⅰ関連情報",
        "７．評価実施機関における担当部署 ②所属長の役職名 保険年金課長",
    )
    assert k.key == "Ⅰ関連情報/評価実施機関における担当部署/部署"
    # A sentence that names a heading, and a whole item, are left alone.
    assert _pieces("Ⅰ基本情報\n７．評価実施機関における担当部署", "部署名を変更した").path[-1] == (
        "評価実施機関における担当部署"
    )
    whole = "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署"
    assert _pieces(whole, "②所属長の役職名").key == item_key(whole).key


def test_a_file_line_in_the_cells_is_part_of_the_item_or_nothing_is_taken():
    body = "使用開始日から通知カード送付までの一定の期間に、"
    before = f"（３．送付先情報\n{body}\nファイル）\n５．特定個人情報\nの提供・移転（委"
    after = "託に伴うものを除\nく。）\n提供先１\n⑦時期・頻度\n送付先情報をまとめて提供する。"
    k = _pieces("Ⅱ特定個人情報ファイルの概要", before, after)
    assert (
        k.key == "Ⅱ特定個人情報ファイルの概要/送付先情報ファイル/特定個人情報の提供・移転/提供先1/時期・頻度"
    )
    # The file line cut short: no key without the file is made from the headings after it.
    cut = f"（３．送付先情報\n{body}\n５．特定個人情報\nの提供・移転（委"
    assert _pieces("Ⅱ特定個人情報ファイルの概要", cut, after).key == "Ⅱ特定個人情報ファイルの概要"


def test_heading_pieces_stop_at_another_rows_section():
    assert heading_pieces("７．評価実施機関における担当部署 ①部署 保険年金課 Ⅰ関連情報 ②所属長の役職名") == [
        "７．評価実施機関における担当部署",
        "①部署",
    ]


def test_the_end_of_an_item_printed_with_the_next_rows_item():
    rows = [
        (["Ⅰ関連情報", "３．個人番号の利用"], "", "番号法第９条第１項 別表第一の３０の項"),
        (
            ["法令上の根拠", "Ⅰ関連情報", "７．評価実施機関における担当部署", "②所属長の役職名"],
            "課長",
            "部長",
        ),
    ]
    first, second = table_item_keys(rows)
    assert first.key == "Ⅰ関連情報/個人番号の利用/法令上の根拠"
    assert any(f.endswith("→next row") for f in first.fuzzy)
    assert second.key == "Ⅰ関連情報/評価実施機関における担当部署/所属長の役職名"
    # Lines of the next row that do not make the item whole are not taken.
    rows[1] = (["監査", "Ⅰ関連情報", "７．評価実施機関における担当部署", "②所属長の役職名"], "課長", "部長")
    assert table_item_keys(rows)[0].key == "Ⅰ関連情報/個人番号の利用"


def test_a_committed_column_order_text_keys_the_cut_item_whole():
    # samples/mixed/mx-writer-2-pdftotext-layout: 法令上の根拠 was read with the next row's item
    # until the -layout reader took rows as bands from date to date (grid.top_bands); the key is
    # whole either way, completed in doubt (item_key_fuzzy) only where the cell was cut.
    from pathlib import Path

    from piatable.pipeline import extract_document

    sample = Path(__file__).resolve().parent.parent / "samples/mixed/mx-writer-2-pdftotext-layout/input.txt"
    records = extract_document(sample).records
    first = next(r for r in records if r.item.startswith("Ⅰ関連情報\n３．個人番号の利用"))
    assert first.item_key == "Ⅰ関連情報/個人番号の利用/法令上の根拠"
    assert ("item_key_fuzzy" in first.flags) != first.item.endswith("法令上の根拠")


def test_an_item_the_forms_number_under_its_heading_is_whole_though_more_is_printed_under_it():
    # ②監査 has 具体的な内容 under it, yet a row may amend ②監査 itself.
    assert _pieces("Ⅳ その他のリスク対策", "１．監査\n② 監査").key == "Ⅳその他のリスク対策/監査/監査"


def test_a_heading_with_sub_items_only_in_the_other_lexicon_file_is_completed_too():
    # 対象人数 has its sub-items from the 基礎 lexicon lines (いつ時点の計数か …).
    rows = [
        (["Ⅱしきい値判断項目", "１．対象人数"], "[ 10万人以上30万人未満 ]", "[ 30万人以上 ]"),
        (["評価対象の事務の対象人数は何人か", "Ⅲリスク対策", "８．人手を介在させる作業"], "", ""),
    ]
    assert table_item_keys(rows)[0].key == "Ⅱしきい値判断項目/対象人数/評価対象の事務の対象人数は何人か"


ENTRUSTED = "Ⅱ 特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１"


def test_the_items_last_heading_cut_short_in_the_before_cell_completes_the_key_and_is_doubted():
    """A reader without positions put the item's last line, cut short (its last character wrapped
    into the explanation), into the before cell: the key stopped at 委託事項 silently."""
    from piatable.models import Record
    from piatable.normalize.item_cells import heading_cell_doubts

    before = "③ 委託先における取扱者\n市民部市民課"
    key = _key(ENTRUSTED, before, "市民生活部市民課")
    assert key.path[-2:] == ("委託事項1", "委託先における取扱者数") and key.fuzzy
    record = Record(
        source="x", row_index=0, page_start=None, page_end=None, change_date=None, change_date_raw="",
        item=ENTRUSTED, item_path=ENTRUSTED.split("\n"), before=before, after="市民生活部市民課",
        timing="事後", explanation="",
    )  # fmt: skip
    doubts = heading_cell_doubts(record)
    assert [(d.kind, d.field) for d in doubts] == [("column_guess", "before")]
    # Quiet on a before cell of its own text, and on a start too short to name one heading.
    for own in ("市民部市民課", "③ 委託先\n市民部市民課", "③委託先における取扱者数を増やす方針"):
        record.before = own
        assert heading_cell_doubts(record) == []
    # A cut-short start needs its numbering: unnumbered it may be a sentence's opening.
    assert _key(ENTRUSTED, "委託先における取扱者\n市民部").path[-1] == "委託事項1"


def test_a_risk_both_cells_open_with_stands_once_in_the_key():
    # Before and after both open with the risk's name (a new user's Writer table, every reader):
    # the run of pieces over both cells named it twice (…/特定個人情報の使用/Xリスク/Xリスク).
    path = [
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "（１．生活保護ファイル）",
        "３．特定個人情報の使用",
    ]
    risk = "リスク１：目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク"
    before = f"{risk}\n宛名システム等における措置の内容：アクセス権限を設定している。"
    after = f"{risk}\n宛名システム等における措置の内容：アクセス権限を設定し、記録を残している。"
    (key,) = table_item_keys([(path, before, after)])
    assert key.path[-2:] == (
        "特定個人情報の使用",
        "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
    )
    assert len(set(key.path)) == len(key.path)
    assert key.instance == "リスク1"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("システム４\n①システムの名称\u3000団体内統合宛名システム", "削除"),
        (
            "",
            "システム７\n①システムの名称\u3000サービス検索・電子申請機能\n②システムの機能\u3000住民が申請する",
        ),
        ("システム７", "① システムの名称 サービス検索・電子申請機能\n② システムの機能 住民が申請する"),
        ("[○]紙", "[○]電子記録媒体\nシステム７\n① システムの名称 サービス検索・電子申請機能"),
    ],
)
def test_a_block_printed_in_the_body_does_not_extend_the_key(before, after):
    # Set XXII: one printed item Ⅰ基本情報 / ２．…使用するシステム got four keys from the headings
    # of the システム block its body adds or deletes, by extractor; the key is the item's path.
    path = ["Ⅰ基本情報", "２．特定個人情報ファイルを取り扱う事務において使用するシステム"]
    (key,) = table_item_keys([(path, before, after)])
    assert key.form_key == "Ⅰ基本情報/特定個人情報ファイルを取り扱う事務において使用するシステム"
