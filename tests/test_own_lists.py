"""Right rows that were warned on set XX (issue 12): an explanation's own ・ list after its
reason, and a 項目 heading printed on one line with its block's label or sub-heading.  Each
check still fires on the spills it is for."""

from __future__ import annotations

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.evidence import column_doubts, cut_doubts
from piatable.normalize.explanation_lists import own_bullet_list
from piatable.normalize.records import rows_to_records
from piatable.settings import Settings

ITEM = ["Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "①保管場所"]
BEFORE = "サーバ室への入退室管理を行っている。"
AFTER = "サーバ室への入退室管理を行っている。\nガバメントクラウドにおける保管については確認している。"
OWN_LIST = "ガバメントクラウドへの移行に伴う追記\n・標準準拠システムへの移行\n・保管場所の変更"


def record(item: list[str], before: str, after: str, explanation: str):
    row = RawRow()
    row.cells["change_date"] = [CellLine("2024/4/1")]
    row.cells["timing"] = [CellLine("事後")]
    for f, text in (
        ("item", "\n".join(item)),
        ("before", before),
        ("after", after),
        ("explanation", explanation),
    ):
        row.cells[f] = [CellLine(t, wraps=False) for t in text.split("\n")]
    return rows_to_records([row], "t.pdf", Settings())[0]


def _list_doubt(rec) -> bool:
    return any("list or choice" in d.why for d in column_doubts(rec))


@pytest.mark.parametrize(
    "explanation",
    [OWN_LIST, "ガバメントクラウドへの移行\nに伴う追記\n・標準準拠システムへの移行・保管場所の変更"],
)
def test_an_explanations_own_list_is_no_spill(explanation):
    rec = record(ITEM, BEFORE, AFTER, explanation)
    assert own_bullet_list(rec.explanation, rec.before, rec.after)
    assert not _list_doubt(rec)
    assert "column_guess" not in rec.flags


# set XXI t01 / t09 / t12: the points are reasons again, beside an after cell printing a ・ list
REASON_LIST = "事務内容の詳細化\n・記載の明確化\n・重要な変更に該当しない"
LISTED_AFTER = "住民基本台帳法に基づき、住民の公証を行う。\n・転入届、転出届の受付\n・住民票の写しの交付"


@pytest.mark.parametrize(
    "explanation",
    [
        REASON_LIST,
        # a ・ of a word inside the reason; the first point glued onto the reason (a PDF's text)
        "サービス検索・電子申請機能の利用に伴う修正\n・誤記の修正\n・重要な変更に該当しない",
        "再評価の実施に伴う修正・記載の明確化\n・時点修正",
    ],
)
def test_points_that_are_reasons_are_the_explanations_own_beside_a_listed_cell(explanation):
    rec = record(ITEM, BEFORE, LISTED_AFTER, explanation)
    assert own_bullet_list(rec.explanation, rec.before, rec.after)
    assert not _list_doubt(rec)
    assert "column_guess" not in rec.flags


@pytest.mark.parametrize(
    ("before", "after", "explanation"),
    [
        # beside a listed after cell, a point that is no reason (the after cell's list run on)
        (BEFORE, LISTED_AFTER, "事務内容の詳細化\n・個人番号カードの交付"),
        (BEFORE, LISTED_AFTER, "事務内容の詳細化\n・記載の明確化\n・個人番号カードの交付"),
        # a point ending as a list's line may (…の記載, …による)
        (BEFORE, LISTED_AFTER, "事務内容の詳細化\n・住民票の記載"),
        (BEFORE, LISTED_AFTER, "事務内容の詳細化\n・記載の明確化\n・転入届の受付による"),
        # the reason's last word read into another cell, its ・ glued on mid-phrase
        (BEFORE, LISTED_AFTER, "電子申請の開始に伴う・誤記の修正\n・時点修正"),
        # a reason-like point ending 。 is a sentence
        (BEFORE, LISTED_AFTER, "事務内容の詳細化\n・住民票の記載を修正。"),
    ],
)
def test_lists_beside_a_listed_cell_keep_their_doubt_unless_all_points_are_reasons(
    before, after, explanation
):
    assert _list_doubt(record(ITEM, before, after, explanation))


@pytest.mark.parametrize(
    ("before", "after", "explanation"),
    [
        # the explanation opens with the after cell's list
        (
            BEFORE,
            AFTER,
            "・コンビニエンスストア等における証明書等の自動交付に係る事務を行う。\nの開始に伴う追記",
        ),
        # a ・ glued inside the reason's line (pdftotext plain)
        (BEFORE, AFTER, "記録項目の追加に・連絡先等情報\n伴う修正\n・業務関係情報"),
        # a choice line, a ・ sentence
        (BEFORE, AFTER, "[○]その他（マイナポータル）\nマイナポータルを利用した電子申請の開始による修正"),
        (BEFORE, AFTER, "物理的対策の追記に伴う修正\n・監視カメラを設置している。"),
        # the body cells print ・ lists: the explanation's could be theirs
        ("・識別情報", "・識別情報\n・連絡先等情報", "記録項目の追加に伴う修正\n・医療保険関係情報"),
        # the reason does not end as explanations end
        (BEFORE, AFTER, "ガバメントクラウドへの移行\n・標準準拠システムへの移行"),
    ],
)
def test_spilt_lists_keep_their_doubt(before, after, explanation):
    assert _list_doubt(record(ITEM, before, after, explanation))


def _second_value(item: list[str]) -> bool:
    rec = record(item, "前の記載", "後の記載", "委託範囲の見直しによる修正")
    return any("second value" in d.why for d in cut_doubts(rec))


@pytest.mark.parametrize(
    "item",
    [
        [
            "Ⅱ特定個人情報ファイルの概要",
            "４．特定個人情報ファイルの取扱いの委託 委託事項２",
            "②取扱いを委託する特定個人情報ファイルの範囲",
        ],
        [
            "Ⅰ基本情報",
            "２．特定個人情報ファイルを取り扱う事務において使用するシステム システム１",
            "②システムの機能",
        ],
        ["Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "②保管期間 期間"],
    ],
)
def test_a_heading_then_its_block_or_sub_heading_is_no_second_value(item):
    assert not _second_value(item)


@pytest.mark.parametrize(
    "item",
    [
        # another row's item read after the block (set XX t11, pdftotext -layout)
        [
            "Ⅰ基本情報",
            "２．特定個人情報ファイルを取り扱う事務において使用するシステム システム１",
            "②システムの機能",
            "令和元年5 Ⅰ基本情報 ７．評価実施機関における担当部署 ①部署",
        ],
        ["Ⅰ基本情報", "５．個人番号の利用", "法令上の根拠 番号法第９条第１項"],
        ["Ⅱ特定個人情報ファイル 令和３年４月ルの概要", "２．基本情報", "②対象となる本人の数"],
    ],
)
def test_other_second_values_keep_their_doubt(item):
    rec = record(item, "前の記載", "後の記載", "委託範囲の見直しによる修正")
    assert "column_guess" in rec.flags


def test_one_letter_after_the_timing_word_is_another_cells_line():
    # set XX-like Gnumeric table read by PyMuPDF sort=True: the explanation's last character
    # (修 / 正) placed in the 提出時期 column
    from piatable.normalize.timing_cells import lone_letter_doubts

    assert lone_letter_doubts("事後正", "事後")
    assert not lone_letter_doubts("事後", "事後")
    assert not lone_letter_doubts("事前（重要な変更）", "事前")
    assert not lone_letter_doubts("事後再評価", "事後")
