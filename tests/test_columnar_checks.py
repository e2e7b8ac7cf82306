"""Column-ordered rows whose cells break their column's vocabulary are doubted (columnar_checks)."""

from types import SimpleNamespace

from piatable.models import Doubt, RawRow
from piatable.normalize.columnar_checks import column_vocabulary_doubts


def _row(column_order: bool = True) -> RawRow:
    row = RawRow()
    if column_order:
        row.doubts.append(Doubt("column_order", None, "cells paired with rows column by column"))
    return row


ITEM = "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１\n⑦再委託の有無"


def _fields(explanation: str, item: str = ITEM) -> set[str | None]:
    rec = SimpleNamespace(explanation=explanation, item=item)
    return {d.field for d in column_vocabulary_doubts(_row(), rec) if d.kind == "column_guess"}


def test_a_right_row_stays_quiet():
    assert _fields("画像データ化業務の一部を再委託することに伴う追加\n重大な変更に該当しない") == set()
    assert _fields("記載内容の充実") == set()
    assert _fields("") == set()
    # A closing note in brackets, or the stock sentence on significance alone or bracketed, ends
    # an explanation too (a fresh user's tables: right rows doubted for these).
    assert _fields("委託先の変更に伴う修正（重要な変更に該当しない）") == set()
    assert _fields("事務の見直しに伴う修正\n（重要な変更に当たらない）") == set()
    assert _fields("特定個人情報保護評価に関する規則第１１条の規定により重要な変更に当たらない") == set()
    assert _fields("委託内容の拡大に伴う修正\n市民課（本庁舎）") == {"explanation"}


def test_an_explanation_ending_as_no_explanation_is_doubted():
    assert _fields("委託内容の拡大に伴う修正\n・サーバー室には監視カメラを設置している。") == {"explanation"}


def test_two_reasons_in_one_explanation_are_doubted():
    assert _fields("人口増加に伴う修正\n郵送による届出の受付開始に伴う追記") == {"explanation"}


def test_item_lines_that_are_no_heading_are_doubted():
    item = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n管理している。\nカードにより管理"
    assert _fields("記載内容の充実", item) == {"item"}


def test_rows_read_in_row_order_are_not_checked():
    rec = SimpleNamespace(explanation="・サーバー室には監視カメラを設置している。", item=ITEM)
    assert column_vocabulary_doubts(_row(column_order=False), rec) == []
