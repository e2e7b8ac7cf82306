"""Glyphs misread inside words (extract/ocr/word_glyphs.py) and the doubts left where the
dictionary does not decide (extract/ocr/suspects.py): set XVIII's unwarned misreads (一 read as
ー, ・ or a dash, a kanji or a long-vowel mark read in excess, Ｔ for Ｉ), with real SudachiPy, and
every true line of the committed samples left as printed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from piatable.extract.ocr.corrections import correct_ocr_rows
from piatable.extract.ocr.suspects import LOOSE_VOWEL_MARK, suspect_fields
from piatable.extract.ocr.word_glyphs import dot_for_one, mend_line, split_edited
from piatable.models import CellLine, RawRow
from piatable.normalize.tokenizer import default_tokenizer

from .truth_files import case_depth, distinct_rows

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        # 一 read as the long-vowel mark, a numeral of a law's table (set XVIII F, H).
        ("番号法第９条第１項別表第一のーの項", "番号法第９条第１項別表第一の一の項"),
        # 一 read as a middle dot or a dash opening 一定 (set XVIII M).
        (
            "通知カード送付までの・定の期間に、住民の送付先情報",
            "通知カード送付までの一定の期間に、住民の送付先情報",
        ),
        ("送付までの-定の期間に、住民", "送付までの一定の期間に、住民"),
        # A kanji read in excess inside a word of the forms' lexicon (set XVIII D).
        ("法第５条に基づき住民基本人台帳に記録された住民", "法第５条に基づき住民基本台帳に記録された住民"),
        # A long-vowel mark read in excess inside a katakana word (set XVIII E).
        ("コンビーニ交付サービスの開始に伴う追記", "コンビニ交付サービスの開始に伴う追記"),
        # Ｉ's serifs read as Ｔ's bar in a two-letter word (set XVIII E).
        ("ＴＤ及びパスワードによる認証を行っている。", "ＩＤ及びパスワードによる認証を行っている。"),
    ],
)
def test_a_glyph_misread_inside_a_word_is_put_right(read, printed):
    assert mend_line(read, default_tokenizer()) == printed


@pytest.mark.parametrize(
    "text",
    [
        "電話０７６－４４３－２０５０",
        "平成３０年４月－令和元年",
        "提供先－移転先",
        "特定個人情報の漏えい・紛失するリスク",
        "子ども・子育て支援法",
        "・再委託を行う場合は、事前に書面による承認を得る。",
        "TLS1.2による暗号化",
        "ISMAPに登録されたクラウド",
        "ＱＲコード",
        "データセンター",
    ],
)
def test_text_as_printed_stays(text):
    assert mend_line(text, default_tokenizer()) == text


@lru_cache(maxsize=1)
def _true_cells() -> tuple[str, ...]:
    cells: set[str] = set()
    for rec in distinct_rows(case_depth):  # each distinct truth text once (tests/truth_files.py)
        for field in ("item", "before", "after", "explanation"):
            cells.add(rec.get(field) or "")
    return tuple(sorted(cells))


def _true_lines() -> tuple[str, ...]:
    return tuple(sorted({line for cell in _true_cells() for line in cell.split("\n")}))


def test_no_true_line_of_the_samples_is_changed_or_doubted():
    lines = _true_lines()
    assert len(lines) > 3000
    st = default_tokenizer()
    changed = [line for line in lines if mend_line(line, st) != line]
    # The doubts read a cell's text with its lines joined, as suspects.py does (a line opening
    # with the ー of a katakana word wrapped before it, サーバ / ーへの移設, is no stray:
    # office-pageorder69's Writer table, which LibreOffice wraps without kinsoku).
    flats = {cell.replace("\n", "") for cell in _true_cells()}
    doubted = [flat for flat in flats if LOOSE_VOWEL_MARK.search(flat) or dot_for_one(flat, st)]
    assert changed == []
    assert doubted == []


def test_a_word_wrapped_over_lines_is_mended_and_keeps_its_lines():
    row = RawRow()
    row.cells["before"] = [
        CellLine("区域内の住民（住民基本台帳法第５条に基づき住民基本"),
        CellLine("人台帳に記録された住民をいう。）"),
    ]
    row.cells["after"] = [
        CellLine("使用開始日から通知カード送付までの"),
        CellLine("-定の期間に、住民の送付先情報をまとめて提供する。"),
    ]
    correct_ocr_rows([row])
    assert [cl.text for cl in row.cells["before"]] == [
        "区域内の住民（住民基本台帳法第５条に基づき住民基本",
        "台帳に記録された住民をいう。）",
    ]
    assert row.cells["after"][1].text.startswith("一定の期間に")
    assert "ocr_corrected" in row.flags
    assert not any(d.kind == "ocr_suspect" for d in row.doubts)


def test_split_edited_keeps_each_character_on_its_line():
    assert split_edited("コンビーニ交付", "コンビニ交付", ["コンビー", "ニ交付"]) == ["コンビ", "ニ交付"]
    assert split_edited("あいう", "あXう", ["あい", "う"]) == ["あX", "う"]


def test_a_mark_the_dictionary_does_not_settle_is_in_doubt():
    row = RawRow()
    # ー after a hiragana, before a kana: no word 一 would make, left as read but in doubt.
    row.cells["explanation"] = [CellLine("記載のーを修正")]
    row.cells["before"] = [CellLine("までの・定め")]
    fields = dict(suspect_fields(row))
    assert "long-vowel mark after no katakana" in fields["explanation"]
    assert "middle dot" in fields["before"]


def test_a_numeral_before_no_kou_is_a_word():
    """別表第一の一の項 (a law's table item) as mended: its second 一 is the item's number, not a
    word the dictionary does not know (it warned 3 right rows of set XVIII's scans)."""
    from piatable.normalize.ocr_text import unknown_words

    assert unknown_words("番号法第９条第１項別表第一の一の項") == []
    assert unknown_words("別表第二の三の項") == []


def test_a_branch_number_in_another_width_than_its_article_is_in_doubt():
    """第7条第8号の２: the item's branch number read full width beside half-width article and item
    numbers (set XVIII's A3-on-A4 scan, a wrong row left unwarned)."""
    from piatable.extract.ocr.suspects import mixed_number_widths

    assert mixed_number_widths("住民基本台帳法第7条第8号の２") == ("２", "7条")
    assert mixed_number_widths("住民基本台帳法第30条の11、第30条の12") is None
    assert mixed_number_widths("住民基本台帳法第７条第８号の２") is None
