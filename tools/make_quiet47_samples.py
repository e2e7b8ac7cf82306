"""Amendment tables whose right rows the checks warned and whose wrong rows they missed (issue 12,
branch quiet47), made by LibreOffice Calc and Writer.

    python tools/make_quiet47_samples.py                        # both sets
    python tools/make_quiet47_samples.py --set office-quiet47   # or heldout-quiet47

Rows written for these sets (no new user's text), of the kinds session 46's new users' sets
showed: before and after cells that open with the same paragraphs (a list to which the after
cell adds items, or a block label ``＜…＞`` over both), which column-ordered text (pdfminer, plain
``pdftotext``) can read side by side into one cell; rows of added text whose before cell is
empty and whose explanation says so (``記載漏れの追記``, ``…に伴う追加``) with no 新規追加; and
an item under the form's ``特定個人情報の消去ルール`` / ``ルールの内容及びルール遵守の確認方法``.

``office-quiet47`` (tuning) and ``heldout-quiet47`` (measure only, never tune on it) each hold
one Calc and one Writer table drawn by ``make_office_samples.plain_case`` (the held-out sets'
fonts and sizes for the held-out one); each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import SAMPLES, Case, plain_case, sets_main
from make_office_samples import truth_row as _row

_ITEM_III = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n（１．住民基本台帳ファイル）\n"
_NO = "重要な変更にあたらない"


TUNING_ROWS = [
    _row(
        "2023-04-01",
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
        "市民部住民課",
        "市民部戸籍住民課",
        "事後",
        "組織改正に伴う修正",
    ),
    _row(
        "2023-04-01",
        _ITEM_III
        + "\n".join(
            (
                "７．特定個人情報の保管・消去",
                "リスク１：特定個人情報の漏えい・滅失・毀損リスク",
                "⑤物理的対策",
                "具体的な対策の内容",
            )
        ),
        "＜住民記録システムにおける措置＞\n①入退室管理を行っている部屋にサーバーを設置している。\n②サーバー室の鍵は課長が管理している。",
        "＜住民記録システムにおける措置＞\n①ガバメントクラウド上のデータベースに保管している。\n②クラウド事業者はＩＳＭＡＰに登録された者から選定している。\n③データは暗号化して保管している。",
        "事前",
        "ガバメントクラウドへの移行に伴う修正",
    ),
    _row(
        "2023-04-01",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲\nその必要性",
        "①住民票の記載等を行うため。\n②証明書を発行するため。",
        "①住民票の記載等を行うため。\n②証明書を発行するため。\n③転出届の電子受付を行うため。",
        "事後",
        "転出届の電子受付の開始に伴う追記",
    ),
    _row(
        "2023-10-01",
        _ITEM_III
        + "\n".join(
            (
                "７．特定個人情報の保管・消去",
                "リスク１：特定個人情報の漏えい・滅失・毀損リスク",
                "⑩死者の個人番号",
                "具体的な保管方法",
            )
        ),
        "",
        "生存者の個人番号と同様に管理し、保存期間の経過後に消去している。",
        "事後",
        "記載漏れの追記",
    ),
    _row(
        "2023-10-01",
        _ITEM_III
        + "\n".join(
            (
                "４．特定個人情報ファイルの取扱いの委託",
                "特定個人情報の消去ルール",
                "ルールの内容及びルール遵守の確認方法",
            )
        ),
        "契約終了時に委託先から消去証明書の提出を受ける。",
        "契約終了時に委託先から消去証明書の提出を受ける。\nまた、必要に応じて委託先を実地で確認する。",
        "事後",
        "委託先管理の強化に伴う追記",
    ),
    _row(
        "2024-01-15",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n具体的な方法",
        "・新任職員に対し、個人情報保護研修を行う。",
        "・新任職員に対し、個人情報保護研修を行う。\n・全職員を対象にｅラーニングによる研修を年１回行う。\n・未受講者には受講を促す。",
        "事後",
        "研修体制の見直しに伴う修正\n" + _NO,
    ),
    _row(
        "2024-01-15",
        "Ⅵ評価実施手続\n３．第三者点検\n③結果",
        "",
        "個人情報保護審査会の点検を受け、適当であるとの答申を得た。",
        "事後",
        "第三者点検の実施に伴う追加",
    ),
]

HELDOUT_ROWS = [
    _row(
        "2024-06-01",
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        "①住民異動の届出を受け付ける。\n②住民票の写しを交付する。",
        "①住民異動の届出を受け付ける。\n②住民票の写しを交付する。\n③コンビニ交付を行う。",
        "事前",
        "コンビニ交付の開始に伴う追加",
    ),
    _row(
        "2024-06-01",
        _ITEM_III
        + "\n".join(
            (
                "３．特定個人情報の使用",
                "リスク２：権限のない者によって不正に使用されるリスク",
                "ユーザ認証の管理",
                "具体的な管理方法",
            )
        ),
        "＜宛名管理システムにおける措置＞\n・ＩＤとパスワードで認証している。",
        "＜宛名管理システムにおける措置＞\n・生体認証とＩＤで認証している。\n・異動者のＩＤは速やかに失効させる。",
        "事後",
        "認証方式の変更に伴う修正",
    ),
    _row(
        "2024-06-01",
        _ITEM_III
        + "\n".join(
            (
                "７．特定個人情報の保管・消去",
                "リスク３：特定個人情報が消去されずいつまでも存在するリスク",
                "消去手順",
                "手順の内容",
            )
        ),
        "",
        "保存期間を過ぎたデータは、システムで抽出し消去する。",
        "事後",
        "記載漏れの追記",
    ),
    _row(
        "2024-09-01",
        _ITEM_III
        + "\n".join(
            (
                "４．特定個人情報ファイルの取扱いの委託",
                "特定個人情報の消去ルール",
                "ルールの内容及びルール遵守の確認方法",
            )
        ),
        "委託契約に消去の条項を設けている。",
        "委託契約に消去の条項を設けている。\n契約終了時には消去の報告書を求める。",
        "事後",
        "委託先管理の見直しに伴う追記",
    ),
    _row(
        "2024-09-01",
        "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "市民課",
        "市民窓口課",
        "事後",
        "組織改正に伴う修正\n" + _NO,
    ),
]


def calc_writer_cases(prefix: str, rows: list[dict], heldout: bool) -> list[Case]:
    """``rows`` by Calc (和暦 dates) and by Writer (slash dates), named ``<prefix>-calc`` and
    ``<prefix>-writer``, rows in change-date order (tools/make_quiet48_samples.py too)."""
    out = []
    for maker, style in (("calc", "wareki"), ("writer", "slash")):
        case = plain_case(f"{prefix}-{maker}", rows, maker, heldout=heldout, date_style=style)
        out.append(replace(case, rows=sorted(case.rows, key=lambda r: r["change_date"])))
    return out


def _cases(heldout: bool) -> list[Case]:
    return calc_writer_cases("hq47" if heldout else "q47", HELDOUT_ROWS if heldout else TUNING_ROWS, heldout)


SETS = {
    "office-quiet47": (SAMPLES / "office-quiet47", lambda: _cases(False)),
    "heldout-quiet47": (SAMPLES / "heldout-quiet47", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
