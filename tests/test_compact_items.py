"""A 項目 cell printed as the form's numbers only (``Ⅱ-3-⑧``): keyed as the item printed in words,
known (no ``item_unknown``) when bare, unknown and keeping its circled number when other text
follows it (set XX's t06, FAULTS #2)."""

from __future__ import annotations

import pytest

from piatable.normalize.compact_items import compact_path, known_compact_cell, read_compact
from piatable.normalize.item_context import document_item_keys
from piatable.normalize.item_key import form_item_key, item_key
from piatable.normalize.records import lexicon_unknown

WORDS = {
    "Ⅱ-3-⑧": "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑧使用方法",
    "Ⅱ－２－③": "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲",
    "Ⅴ-2-①": "Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
    "Ⅰ-5": "Ⅰ基本情報\n５．個人番号の利用\n法令上の根拠",
    "Ⅱ-4": "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託",
}


@pytest.mark.parametrize("code", sorted(WORDS))
def test_a_bare_code_keys_as_the_item_printed_in_words(code):
    key = item_key(code)
    assert key.key == item_key(WORDS[code]).key
    assert not lexicon_unknown(key, [code])
    assert known_compact_cell([code])
    assert key.fuzzy  # inferred from the numbers: item_key_fuzzy


def test_two_items_of_one_heading_keep_apart():
    assert item_key("Ⅱ-3-②").key != item_key("Ⅱ-3-⑧").key
    assert item_key("Ⅱ-6-①").key.endswith("保管場所")
    assert item_key("Ⅱ-6-③").key.endswith("消去方法")


@pytest.mark.parametrize(
    "cell",
    [
        "Ⅱ-6-③ 保存期間経過後、システムにて一括消去する。",
        "Ⅱ-3-② [○]紙",
        "Ⅰ-1-②\nを公証するため、住民票の作成",
    ],
)
def test_a_code_with_text_after_it_stays_unknown_and_keeps_its_number(cell):
    key = item_key(cell)
    code = read_compact(cell)[0]
    assert key.path[0] == code and code[-1] in "②③"
    assert lexicon_unknown(key, cell.split("\n"))
    assert not known_compact_cell(cell.split("\n"))


def test_a_code_the_lexicon_lacks_stays_unknown_with_its_number():
    key = item_key("Ⅱ-7-①")
    assert key.key == "Ⅱ-7-①" and compact_path("Ⅱ-7-①") is None
    assert lexicon_unknown(key, ["Ⅱ-7-①"]) and not known_compact_cell(["Ⅱ-7-①"])


def test_no_code_in_words_or_a_date():
    assert read_compact("Ⅱ特定個人情報ファイルの概要") is None
    assert read_compact("Ⅰ-12") == ("Ⅰ-12", "") and compact_path("Ⅰ-12") is None
    assert not known_compact_cell(["Ⅱ-3-⑧", "⑧使用方法"])
    assert not known_compact_cell(["Ⅱ-3-⑧ ―"])


def test_a_code_wrapped_in_a_narrow_column_is_one_code():
    assert known_compact_cell(["Ⅱ-3-", "⑧"])
    assert item_key(["Ⅱ-3-", "⑧"]).key == item_key("Ⅱ-3-⑧").key


def test_the_cover_names_the_form_whose_numbers_are_read():
    assert form_item_key("Ⅰ-1-②", "基礎:").key.endswith("事務の概要")
    assert item_key("Ⅰ-1-②").key.endswith("事務の内容")
    keys = document_item_keys(["Ⅰ-1-②", "Ⅰ-5"], "基礎項目評価書")
    assert keys[0].path[0] == "Ⅰ関連情報" and keys[1].path[-1] == "評価実施機関における担当部署"


def test_a_code_with_text_lends_no_section_heading_to_a_bare_code():
    # set XX t06 (PyMuPDF blocks): ``Ⅰ-1-②`` and the before cell's line in one cell, then ``Ⅰ-5``
    keys = document_item_keys(["Ⅰ-1-②\nを公証するため、住民票", "Ⅰ-5"])
    assert keys[1].key == "Ⅰ基本情報/個人番号の利用/法令上の根拠"
