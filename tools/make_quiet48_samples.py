"""Amendment tables whose before cell says 新規追加 for an added item, and rows of the kinds set
VIII's misread rows showed with no warning (issue 12, branch quiet48), made by LibreOffice Calc
and Writer.

    python tools/make_quiet48_samples.py                        # both sets
    python tools/make_quiet48_samples.py --set office-quiet48   # or heldout-quiet48

Rows written for these sets (no new user's text), of the kinds amendment tables print: an added
item as 変更前 「新規追加」 / 変更後 the new text (``evidence.cut_doubts`` had read 新規追加 in
the before cell as the after cell's closing words), a deleted one as 変更前 the text / 変更後
「削除」, and the house's own 変更後 「…」 + 上記を新規追加 beside an empty before; a contact cell
whose telephone number ends a line before a name written 〇〇 (a placeholder the tokenizer
read as a digit running on: ``cut_checks.torn_word_doubts``); an after cell that closes with a
numbered list ((1), (2)); one that turns the before's sentence into a numbered list, and an
added after cell whose preamble opens a numbered list (``shape_checks``).

``office-quiet48`` (tuning) and ``heldout-quiet48`` (measure only, never tune on it) each hold
one Calc and one Writer table drawn by ``make_office_samples.plain_case`` (the held-out sets'
fonts and sizes for the held-out one); each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import SAMPLES, Case, sets_main
from make_office_samples import truth_row as _row
from make_quiet47_samples import calc_writer_cases

_ITEM_III = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n（１．住民基本台帳ファイル）\n"
_NO = "重要な変更にあたらない"
_ADDED = "新規追加"


TUNING_ROWS = [
    _row(
        "2022-04-01",
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム３\n①システムの名称",
        _ADDED,
        "証明書コンビニ交付システム",
        "事後",
        "コンビニ交付の開始に伴う追加\n" + _NO,
    ),
    _row(
        "2022-04-01",
        "Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
        "〇〇区役所区民課\u3000電話\u3000011-222-3333",
        "〇〇区役所区民サービス課\u3000電話\u3000011-222-4444",
        "事後",
        "組織改正に伴う修正",
    ),
    _row(
        "2022-10-01",
        "Ⅳその他のリスク対策\n１．監査\n①自己点検\n具体的なチェック方法",
        "年２回、課内でチェックリストにより点検する。",
        "年２回、課内でチェックリストにより点検する。\n(1)点検の結果は課長に報告する。\n(2)指摘事項は翌月までに改める。",
        "事後",
        "点検手順の明確化に伴う修正",
    ),
    _row(
        "2022-10-01",
        "Ⅱ特定個人情報ファイルの概要\n（１．住民基本台帳ファイル）\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先３",
        "〇〇県知事\n①法令上の根拠：番号法第19条第8号",
        "削除",
        "事後",
        "提供の終了に伴う削除",
    ),
    _row(
        "2023-04-01",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n具体的な方法",
        "窓口職員に対し、接遇と個人情報の取扱いの研修を行う。",
        "１．窓口職員及び新任職員に対し、接遇と個人情報の取扱いの研修を行う。\n２．研修の記録を５年間保存する。",
        "事後",
        "研修対象の拡大に伴う修正",
    ),
    _row(
        "2023-04-01",
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n（１．住民基本台帳ファイル）\n８．監査\n具体的な内容",
        "",
        "次のとおり監査を行う。\n１．情報政策課による内部監査\n２．外部の専門家による監査",
        "事後",
        "監査体制の整備に伴う追加",
    ),
    _row(
        "2023-04-01",
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        _ADDED,
        "住民基本台帳法に基づき、転出届の特例による転出証明書情報を送信する。",
        "事前",
        "転出届の特例の開始に伴う追加",
    ),
    _row(
        "2023-04-01",
        "Ⅱ特定個人情報ファイルの概要\n（１．住民基本台帳ファイル）\n３．特定個人情報の入手・使用\n⑧使用方法",
        "",
        "転出証明書情報を住民基本台帳ネットワークシステムに送信する。\n上記を新規追加",
        "事前",
        "転出届の特例の開始に伴う追加",
    ),
]

HELDOUT_ROWS = [
    _row(
        "2024-02-01",
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム４\n①システムの名称",
        _ADDED,
        "電子申請受付システム",
        "事後",
        "電子申請の開始に伴う追加",
    ),
    _row(
        "2024-02-01",
        "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "〇〇町役場総務課\u3000電話\u30000123-45-6789",
        "〇〇町役場住民課\u3000電話\u30000123-45-6700",
        "事後",
        "事務分掌の変更に伴う修正\n" + _NO,
    ),
    _row(
        "2024-07-01",
        _ITEM_III + "４．特定個人情報ファイルの取扱いの委託\n委託事項２",
        "戸籍附票の写しの作成業務\n①委託内容：戸籍附票の写しの印刷",
        "削除",
        "事後",
        "委託の終了に伴う削除",
    ),
    _row(
        "2024-07-01",
        "Ⅳその他のリスク対策\n１．監査\n②監査\n具体的な内容",
        "毎年、内部監査を行う。",
        "毎年、内部監査を行う。\n(1)監査の結果は町長に報告する。\n(2)改善の状況を翌年度に確かめる。",
        "事前",
        "監査手順の見直しに伴う修正",
    ),
    _row(
        "2024-07-01",
        "Ⅱ特定個人情報ファイルの概要\n（１．住民基本台帳ファイル）\n２．基本情報\n④記録される項目\n主な記録項目",
        _ADDED,
        "その他（旧氏、ローマ字）",
        "事後",
        "記録項目の追加に伴う修正",
    ),
]


def _cases(heldout: bool) -> list[Case]:
    return calc_writer_cases("hq48" if heldout else "q48", HELDOUT_ROWS if heldout else TUNING_ROWS, heldout)


SETS = {
    "office-quiet48": (SAMPLES / "office-quiet48", lambda: _cases(False)),
    "heldout-quiet48": (SAMPLES / "heldout-quiet48", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
