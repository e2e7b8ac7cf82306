"""OCR look-alike glyphs left after the corrections (normalize/ocr_glyphs.py): each check fires
on the misreads a new user met and stays quiet on every row of the samples' truth."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from piatable.normalize.ocr_glyphs import glyph_doubts, impossible_date, numbering_repeat

from .truth_files import rows_of, truth_files, verdicts

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("item", "before", "after", "explanation")


def _rec(text: str, field: str = "after") -> SimpleNamespace:
    return SimpleNamespace(**{f: (text if f == field else "") for f in FIELDS})


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("新規採用職員に対しては、coラーニングによる研修を実施している。", "Latin"),
        ("職員の研修ヘの参加を義務付ける。", "katakana ヘ"),
        ("⑥委託先名\n⑦再委託の有無\n⑦再委託事項", "circled numerals"),
        ("1,０00人以上", "digit widths"),
        ("[特にカカを入れて行っている]", "katakana カカ"),
        ("・受講状況を確認している。\n人\n・委託先に対しても確認している。", "one character alone"),
        ("着任時に'eラーニングによる研修を実施している。", "ASCII quote"),
        ("令和5年1月4日から令和5年2月3日まで．。", "two stops"),
        ("[○]紙\nIO○1その他（住基ネット）", "Latin letters"),
        ("中間サーバー・ソフトウェアにおける措置\n①情報提供機能により", "brackets ＜＞"),
        ("①システムの名称:ワクチン接種記録システム", "half-width colon"),
        ("その他（ワクチン接種記録システム(VRS)、接種証明書アプリ）", "half-width colon or parenthesis"),
        ("ワクチン接種記録システム\n(VRS)", "half-width colon or parenthesis"),
        ("Ⅳその他のリスク対策\n１．.監査", "two stops in two widths"),
        # An I misread in a capitalised word (office-width23 scans).
        ("Al-OCRによる読取りを行い、職員が確認する。", "I look-alike"),
        # Set XX's scans (session 59): a speck read as a colon opening a line, or as a kana
        # closing one; set XIX's: marks the corrections left.
        (":一夕センターに設置したサーバ内に保管する。", "opening with a colon"),
        ("研修内容の見直しによる修正ツ", "kana alone at a line's end"),
        ("庁舎内のサーバ室に設置したサーバ内に保管する。ぅ", "kana alone at a line's end"),
        ("[O]1万人以上10万人未満", "check box read with a letter"),
        ("住民票に記載する。。。③異動の内容を送信する。", "three stops"),
        ("全職員を対象に年1回＠ｅラーニングによる研修を行う。", "at sign"),
        ("組織改編による，修正“", "curly quote"),
        ("１ＳＭＡＰに登録されたクラウドサービスを利用する。", "I look-alike"),
        # A digit lost from an era year (scan set G, 200 dpi: 平成30年 read 平成0年).
        ("平成0年2月14日", "no calendar"),
        ("令和３年１３月１日時点", "no calendar"),
        ("昭和65年4月1日", "no calendar"),
    ],
)
def test_a_misread_glyph_is_suspect(text, why):
    doubts = glyph_doubts(_rec(text))
    assert [d.kind for d in doubts] == ["ocr_suspect"]
    assert doubts[0].field == "after" and why in doubts[0].why


@pytest.mark.parametrize(
    "text",
    [
        "eラーニングによる研修",
        "ｅＬＴＡＸによる課税",
        "市ｗｅｂサイトに掲載",
        "ヘルプデスクへの問合せ",
        "①②③④",
        "10,000人",
        "ア 住民票の写し\nカ 提供の記録",
        "ネットワークを通じた入手",
        "＜中間サーバー・ソフトウェアにおける措置＞\n１．運用における措置",
        "確認した。。",
        "LGWAN接続端末",
        "・識別情報：[○]個人番号\n(1)窓口における本人確認\n(ア)住民票の写し",
        "受付時間は9:00から17:00まで",
        "AI-OCRによる読取り、ＩＳＭＡＰに登録、Excelで集計、Ｗｅｂ、LGWAN-ASP",
        "平成元年4月1日から令和12年3月31日まで、昭和64年1月7日",
        "平成 31 年 4 月 30 日",
    ],
)
def test_a_right_text_is_quiet(text):
    assert glyph_doubts(_rec(text)) == []


def test_impossible_date():
    assert impossible_date("平成0年2月14日") == "平成0年2月14日"
    assert impossible_date("令和5年2月30日") == ""  # day within 1-31: not judged by month
    assert impossible_date("令和5年4月32日") == "令和5年4月32日"
    assert impossible_date("2023年13月") == ""  # western years are not judged


def test_numbering_repeat():
    assert numbering_repeat("⑥あ⑦い⑦") == "⑥⑦⑦"
    assert numbering_repeat("⑦⑦⑧") == ""


def test_quiet_on_every_truth_row_of_the_samples():
    quiet = noisy = mixed = 0
    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py).
    doubted = verdicts(lambda r: bool(glyph_doubts(SimpleNamespace(**{f: r.get(f) or "" for f in FIELDS}))))
    for path, text in truth_files():
        for r, doubts in zip(rows_of(text), doubted(text), strict=True):
            if doubts:
                # A known false alarm (session 55): samples/*-itemkey55 print items in mixed widths
                # on purpose, a half-width bracket after Japanese (``ファイルの概要 (2.宛名ファイル)``),
                # the shape this check doubts in OCR text; an OCR read of such a page is warned.
                # Another (session 71): samples/*roworder71 print the before and the after period of a
                # row in two digit widths on purpose (``平成30年…`` beside ``令和６年…``); this check doubts
                # that in OCR text, where widths are read, not printed.
                if "roworder71" in path.parts[-4] and "date numbers read" in _whys(r):
                    mixed += 1
                    continue
                noisy += 1
                assert "itemkey55" in path.parts[-4] and "(" in r["item"], (path, r)
            else:
                quiet += 1
    assert quiet > 1000 and noisy <= 81 and mixed <= 20


def _whys(r: dict) -> str:
    return " ".join(d.why for d in glyph_doubts(SimpleNamespace(**{f: r.get(f) or "" for f in FIELDS})))


def test_an_era_initial_opening_a_date_is_not_latin_misread():
    for text in ("R5.10.2－R5.10.31", "Ｈ３１．４．１から", "R７.１.１０"):
        assert not glyph_doubts(SimpleNamespace(item="", before=text, after="", explanation=""))
    rec = SimpleNamespace(item="", before="Il(1)委託先", after="", explanation="")
    assert any("Latin letters" in d.why for d in glyph_doubts(rec))


def test_before_and_after_numbers_in_two_widths_are_suspect():
    rec = SimpleNamespace(item="", before="平成３１年４月１日時点", after="令和3年4月1日時点", explanation="")
    assert [(d.field, "date numbers" in d.why) for d in glyph_doubts(rec)] == [
        ("before", True),
        ("after", True),
    ]
    rec.before = "番号法第9条第1項"
    rec.after = "番号法第９条第１項"
    assert {d.field for d in glyph_doubts(rec)} == {"before", "after"}


def test_before_and_after_numbers_in_one_width_are_quiet():
    rec = SimpleNamespace(item="", before="平成31年4月1日時点", after="令和3年4月1日時点", explanation="")
    assert glyph_doubts(rec) == []
    rec.before, rec.after = "令和元年６月１日", "令和５年１月４日"
    assert glyph_doubts(rec) == []


def test_a_value_the_forms_print_alone_is_no_speck():
    # 紙 above 電子記録媒体: a medium of the form's check list, one character on its line.
    rec = SimpleNamespace(item="", before="紙", after="紙\n電子記録媒体", explanation="")
    assert glyph_doubts(rec) == []
    # A speck still is, after such a value too.
    rec.after = "紙\n電子記録媒体\n人\n専用線"
    assert [d.field for d in glyph_doubts(rec)] == ["after"]
