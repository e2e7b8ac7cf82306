"""Item keys of 項目 cells misread by OCR and flattened text readers (issue 14, branch itemkey17):
section numerals read with look-alike strokes, circled numbers read as letters, ー read as 一;
and different items still get different keys."""

from __future__ import annotations

import pytest

from piatable.normalize.item_key import canonical_text, item_key
from piatable.normalize.item_structure import repair_path, strip_edge_noise

OBTAIN = "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"
THRESHOLD = "Ⅱしきい値判断項目\n１．対象人数\nいつ時点の計数か"
DEPARTMENT = "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署"
RECIPIENT = (
    "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n"
    "提供先１\n①法令上の根拠"
)
USER_AUTH = (
    "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n"
    "リスク２：権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク\n"
    "ユーザ認証の管理\n具体的な管理方法"
)


@pytest.mark.parametrize(
    ("truth", "misread"),
    [
        (OBTAIN, "IⅠ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"),
        (OBTAIN, "Ⅰl特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"),
        (OBTAIN, "HI特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"),
        # One numeral read for another, before a heading the forms print under Ⅱ only.
        (OBTAIN, "Ⅰ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"),
        (THRESHOLD, "Ⅰlしきい値判断項目\n１．対象人数\nいつ時点の計数か"),
    ],
)
def test_a_section_numeral_read_with_look_alikes_takes_its_headings_section(truth, misread):
    k = item_key(misread)
    assert k.key == item_key(truth).key
    assert k.fuzzy  # item_key_fuzzy: the numeral was not read as printed


def test_strokes_count_where_the_heading_heads_several_sections():
    # リスク対策 heads Ⅲ (重点項目) and Ⅳ (基礎項目): the strokes read tell which.
    assert item_key("IⅡリスク対策").key == item_key("Ⅲリスク対策").key
    assert item_key("Ⅲリスク対策").key != item_key("Ⅳリスク対策").key
    # A numeral printed right before a heading it heads is kept as printed.
    assert item_key("Ⅳリスク対策").key.startswith("Ⅳ")


@pytest.mark.parametrize("lookalike", ["(D", "CD", "®", "O", "0", "(I)"])
def test_a_circled_number_read_as_letters_is_a_numbering(lookalike):
    k = item_key(DEPARTMENT.replace("①", lookalike))
    assert k.key == item_key(DEPARTMENT).key
    assert k.fuzzy


def test_a_circled_number_read_as_zero_does_not_renumber_the_block_before():
    k = item_key(RECIPIENT.replace("①", "0"))
    assert k.key == item_key(RECIPIENT).key
    assert k.instance == "提供先1"


def test_a_wrapped_date_is_no_circled_number():
    # 令和5年1 / 0月1日 wrapped into the 項目 column: 0月 is a date's, not ①.
    assert item_key("0月1日").key == "0月1日"


def test_long_vowel_mark_read_as_the_kanji_one():
    k = item_key(USER_AUTH.replace("ユーザ", "ユ一ザ"))
    assert k.key == item_key(USER_AUTH).key
    assert item_key(USER_AUTH.replace("ユーザ", "ユ-ザ")).key == item_key(USER_AUTH).key
    # 一 after a kanji stays a kanji (一覧 is no ー覧).
    assert canonical_text("データ一覧") == "データ一覧"
    assert item_key("統一").key == item_key("統ー").key


def test_different_items_still_get_different_keys_under_these_readings():
    items = [
        OBTAIN,
        THRESHOLD,
        DEPARTMENT,
        DEPARTMENT.replace("①部署", "②所属長の役職名"),
        RECIPIENT,
        RECIPIENT.replace("提供先１", "提供先１０"),
        RECIPIENT.replace("提供先１", "移転先１"),
        "Ⅲリスク対策",
        "Ⅳリスク対策",
        "Ⅰ基本情報",
        "Ⅱ基本情報",
    ]
    keys = [item_key(i).key for i in items]
    assert len(set(keys)) == len(keys)


SELF_CHECK = "Ⅳその他のリスク対策\n１．監査\n①自己点検\n具体的なチェック方法"
USERS = "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑦使用の主体\n使用部署"


@pytest.mark.parametrize(
    ("truth", "misread"),
    [
        # OCR read the line １．監査 as marks: the structure puts 監査 back between them.
        (SELF_CHECK, "Ⅳその他のリスク対策\nＨｉ\n①自己点検\n具体的なチェック方法"),
        # A reader moved ・使用 into the before cell: 特定個人情報の入手 is Ⅲ's heading, not Ⅱ's.
        (USERS, "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手\n⑦使用の主体\n使用部署"),
        # The start of a heading went to another line: the one heading under Ⅰ it ends.
        (DEPARTMENT, "Ⅰ基本情報\n施機関における担当部署\n①部署"),
        # A neighbouring cell's characters before or after a heading.
        (THRESHOLD, "Ⅱしきい値判断項目\n１．対象人数\nいつ時点の計数か変更"),
        (THRESHOLD, "Ⅱしきい値判断項目\n１．対象人数\n令和いつ時点の計数か"),
        (
            "Ⅰ関連情報\n３．個人番号の利用\n法令上の根拠",
            "Ⅰ関連情報\n３．個人番号の利用変更\n法令上の根拠",
        ),
    ],
)
def test_a_heading_lost_clipped_or_read_with_neighbouring_characters_is_repaired(truth, misread):
    k = item_key(misread)
    assert k.key == item_key(truth).key
    assert k.fuzzy


def test_the_structure_repairs_nothing_in_a_whole_path_nor_past_three_characters():
    for truth in (SELF_CHECK, USERS, DEPARTMENT, THRESHOLD, OBTAIN, RECIPIENT):
        comps = [(c, "section" if k == 0 else "known") for k, c in enumerate(item_key(truth).path)]
        comps = [(c, r) for c, r in comps if not c.startswith("提供先")]
        assert repair_path(comps) == (comps, [])
    # More than three characters of other text, or a cut that two ways fit, is no edge noise.
    assert strip_edge_noise("いつ時点の計数か変更した") is None
    assert strip_edge_noise("個人番号の利用変更") == (("個人番号の利用",), "変更")
    assert strip_edge_noise("個人番号") is None


def test_a_long_section_heading_without_its_numeral_takes_it_when_headings_follow():
    risk = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n４．特定個人情報ファイルの取扱いの委託"
    # OCR lost the numeral and read a bracket inside the heading.
    k = item_key(risk[1:].replace("取扱いプロセス", "取扱い（プロセス"))
    assert k.key == item_key(risk).key
    assert k.fuzzy
    # Not a heading other headings also print (基本情報 is also Ⅱ's ２．), nor one alone.
    assert not item_key("基本情報\n①部署").key.startswith("Ⅰ")
    assert item_key(risk[1:].split("\n")[0]).key == risk[1:].split("\n")[0]


RISK_USE = (
    "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n"
    "リスク３：従業者が事務外で使用するリスク\nリスクへの対策は十分か"
)
SYSTEM = "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム３"


@pytest.mark.parametrize(
    ("truth", "misread"),
    [
        # Ⅲ read as Ⅱ and の as 名 (a 200 dpi scan of samples/heldout-outsider).
        (RISK_USE, RISK_USE.replace("Ⅲ特定個人情報ファイルの", "Ⅱ特定個人情報ファイル名")),
        # ... and the numeral lost.
        (RISK_USE, RISK_USE.replace("Ⅲ特定個人情報ファイルの", "特定個人情報ファイル名")),
        # The middle of a heading lost (において使).
        (SYSTEM, SYSTEM.replace("において使", "")),
    ],
)
def test_a_section_heading_misread_and_a_heading_missing_its_middle(truth, misread):
    k = item_key(misread)
    assert k.key == item_key(truth).key
    assert k.fuzzy


def test_a_known_heading_is_not_taken_for_a_section_heading_it_resembles():
    # 特定個人情報ファイル名 (Ⅰ's heading) is like 特定個人情報ファイルの概要 but is a heading itself.
    assert not item_key("特定個人情報ファイル名\n①部署").key.startswith("Ⅱ")


def test_a_risk_number_read_without_its_colon_and_small_kana_read_full_size():
    copied = (
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n"
        "リスク４：特定個人情報ファイルが不正に複製されるリスク\nリスクに対する措置の内容"
    )
    for misread in (copied.replace("リスク４：", "リスク４・"), copied.replace("リスク４：", "リスク４")):
        assert item_key(misread).key == item_key(copied).key
    # An unnumbered リスク： is still no instance, and リスク対策 no risk number.
    assert item_key(copied).instance == "リスク4"
    assert item_key("Ⅳリスク対策").instance is None
    k = item_key(SELF_CHECK.replace("チェック", "チエタク"))
    assert k.key == item_key(SELF_CHECK).key
    assert k.fuzzy


def test_the_covers_label_is_no_neighbours_text():
    # 表紙 before a cover item is printed by the form, not read from another cell.
    k = item_key("表紙\n評価実施機関名")
    assert k.fuzzy == ()
    assert k.key != item_key("評価実施機関名").key


@pytest.mark.parametrize("printed", ["2.", "２．", "（２）", "(2)", "2、"])
def test_a_section_number_printed_as_an_ordinary_numbering_is_the_section(printed):
    truth = "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"
    k = item_key(truth.replace("Ⅱ", printed, 1))
    assert k.key == item_key(truth).key
    assert k.section == "Ⅱ"
    assert not k.fuzzy


def test_a_section_number_decides_between_the_sections_a_heading_heads():
    assert item_key("4.開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求").key.startswith("Ⅳ")
    assert item_key("5.開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求").key.startswith("Ⅴ")
    # A misread section heading after its number is still taken, with a note.
    k = item_key("２．符走人情報ファイルの概要\n３．特定個人情報の入手・使用")
    assert k.key == item_key("Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用").key
    assert k.fuzzy


def test_a_heading_numbered_under_another_section_keeps_its_place():
    # Ⅱ numbers 基本情報 ２．: no section Ⅱ heads 基本情報, so the line is Ⅱ's sub-heading (its
    # section inferred from ファイルの種類, not printed into the key); １． would make it Ⅰ's heading.
    assert item_key("２．基本情報\n①ファイルの種類").key == "基本情報/ファイルの種類"
    assert item_key("１．基本情報\n１．特定個人情報ファイルを取り扱う事務").key.startswith("Ⅰ基本情報/")
    # An ordinary heading after its number is no section.
    assert item_key("３．特定個人情報の入手・使用\n②入手方法").key == "特定個人情報の入手・使用/入手方法"


def test_a_misread_heading_glued_to_the_next_one_the_structure_does_not_place():
    # 基礎's 人手を介在させる作業 / 判断の根拠: the structure (pia_headings.tsv) places neither.
    truth = "Ⅳリスク対策\n８．人手を介在させる作業\n判断の根拠"
    k = item_key("Ⅳリスク対策\n８．人手を介在体せる作業\n判断の根拠")
    assert k.key == item_key(truth).key
    assert k.fuzzy


@pytest.mark.parametrize(
    "lost",
    [
        "Ⅰ基本情報\n２．特定個人情報\nう事務において使用するシステム\nシステム７",
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱\n用するシステム\nシステム７",
    ],
)
def test_a_heading_with_a_wrapped_line_lost_is_the_heading_printed_there(lost):
    truth = "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム７"
    k = item_key(lost)
    assert k.key == item_key(truth).key
    assert k.fuzzy


def test_a_lost_line_is_not_guessed_where_two_headings_printed_there_fit():
    from piatable.normalize.item_structure import lost_line

    # 評価実施機関 opens 評価実施機関における担当部署 and ends 他の評価実施機関, both under Ⅰ.
    assert lost_line("評価実施機関", "Ⅰ") is None
    assert lost_line("評価実施機関における担当", "Ⅰ") == "評価実施機関における担当部署"
    # Only headings printed under the heading before: none out of context.
    assert lost_line("特定個人情報う事務において使用するシステム", None) is None
