"""Before/after cuts at a paragraph break in row-ordered text (issues 10 and 12, branch
stream48), made by LibreOffice Calc and Writer.

    python tools/make_stream48_samples.py                          # both sets
    python tools/make_stream48_samples.py --set office-stream48    # or heldout-stream48

Rows written for these sets (no new user's text), of the kinds set VIII (/work/newuser47b
FAULTS.md kinds 1 and 2) showed in pypdfium2 and ``pdftotext -raw`` text: an empty before cell
beside an after cell of two plain paragraphs; a one-paragraph before beside an after cell that
is a numbered list (１．２．３．); an empty before beside an after cell that opens with a lead
sentence and then its list (the same lines, the other reading); an after cell closing with a
``(1)…(2)…`` list above a short explanation; and rows whose before and after are a changed
text (sharing their words), which no check should doubt.

``office-stream48`` (tuning) and ``heldout-stream48`` (measure only, never tune on it) each
hold one Calc and one Writer table drawn by ``make_office_samples.plain_case`` (the held-out
sets' fonts and sizes for the held-out one); each case keeps its PDF and the pypdfium2 and
``pdftotext -raw`` texts (make_office_samples.ROW_ORDERED_SETS).  Their column labels are set on
two lines (``TWO_LINE_LABELS``, set VIII kind 3): Calc prints the page's one-line cells above
them.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples
from make_office_samples import SAMPLES, Case, plain_case, sets_main
from make_office_samples import truth_row as _row

_ITEM_III = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n（１．住民基本台帳ファイル）\n"
_NO = "重要な変更にあたらない"
# Column labels set on two lines, as set VIII's c1 prints them (``変更前の`` / ``記載``): Calc prints
# such a label row among the page's wrapped cells, after the page's one-line cells.
TWO_LINE_LABELS = ("変更日", "項目", "変更前の\n記載", "変更後の\n記載", "提出\n時期", "提出時期に係る\n説明")

TUNING_ROWS = [
    _row(
        "2022-04-01",
        "Ⅳその他のリスク対策\n３．その他のリスク対策",
        "",
        "標準準拠システムの稼働後も、業務データの管理責任は本市が負う。\n"
        "運用事業者は、本市の許可なく業務データを閲覧しない旨を契約で定めている。",
        "事後",
        "標準化対応に伴う追記",
    ),
    _row(
        "2022-04-01",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n具体的な方法",
        "採用時の研修において、個人情報の取扱いについて説明している。",
        "１．採用時及び配属時に、個人情報保護に関する研修を行っている。\n"
        "２．年に一度、全職員を対象とした集合研修を行っている。\n"
        "３．研修の受講状況を記録している。",
        "事後",
        "研修体制の見直しに伴う修正\n" + _NO,
    ),
    _row(
        "2022-10-01",
        "Ⅵ評価実施手続\n１．基礎項目評価\n①実施日",
        "令和３年４月１日",
        "令和４年１０月１日",
        "事後",
        "再評価の実施",
    ),
    _row(
        "2022-10-01",
        "Ⅳその他のリスク対策\n１．監査\n②監査\n具体的な内容",
        "情報政策課が、各課の運用状況を書面により確認する。",
        "情報政策課が、各課の運用状況を書面及び実地により確認する。\n"
        "(1)確認の結果は、情報化推進本部に報告する。\n"
        "(2)指摘事項は、翌年度の確認で改善状況を追う。",
        "事後",
        "監査手順の見直し",
    ),
    _row(
        "2023-02-01",
        _ITEM_III + "３．特定個人情報の使用\nリスク１：目的を超えた紐付け\n具体的な管理方法",
        "",
        "宛名システムとの連携は、次の方法により制限している。\n"
        "１．連携する項目を必要最小限に限定している。\n"
        "２．連携の記録を３年間保存している。",
        "事後",
        "記載漏れの追記",
    ),
    _row(
        "2023-02-01",
        "Ⅰ基本情報\n５．個人番号の利用\n法令上の根拠",
        "番号法第９条第１項　別表第一の１６の項",
        "番号法第９条第１項　別表の２４の項",
        "事後",
        "法改正に伴う項番の修正",
    ),
]

HELDOUT_ROWS = [
    _row(
        "2024-07-01",
        "Ⅳその他のリスク対策\n３．その他のリスク対策",
        "",
        "クラウド環境へ移行した後も、保有する情報の安全管理は本町の責任で行う。\n"
        "事業者の保守作業は、事前に申請された範囲に限って認めている。",
        "事前",
        "クラウド移行に伴う追加",
    ),
    _row(
        "2024-07-01",
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n（２．宛名ファイル）\n"
        "６．情報提供ネットワークシステムとの接続\nリスク２：不正な提供が行われるリスク\n具体的な措置",
        "提供の都度、担当者が内容を確認している。",
        "①提供の記録を自動で取得し、月に一度点検している。\n"
        "②権限の設定は、年度当初に見直している。\n"
        "③点検の結果は所属長に報告している。",
        "事後",
        "点検方法の変更",
    ),
    _row(
        "2024-10-15",
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
        "住民課長",
        "市民窓口課長",
        "事後",
        "組織改正",
    ),
    _row(
        "2024-10-15",
        "Ⅳその他のリスク対策\n１．監査\n①自己点検\n具体的なチェック方法",
        "半年に一度、チェックリストにより点検する。",
        "半年に一度、チェックリストにより点検し、結果を記録する。\n"
        "(1)点検の結果は、課内で共有する。\n"
        "(2)改善が必要な事項は、期限を定めて対応する。",
        "事後",
        "点検方法の明確化",
    ),
    _row(
        "2025-01-06",
        _ITEM_III + "５．特定個人情報の提供・移転\nリスク１：不正な提供・移転が行われるリスク\n具体的な方法",
        "",
        "庁内の他部署への移転は、次のとおり管理している。\n"
        "１．移転の申請を書面で受けている。\n"
        "２．移転した記録を台帳に残している。",
        "事後",
        "運用の明確化に伴う追記\n" + _NO,
    ),
]


def _cases(heldout: bool) -> list[Case]:
    rows = HELDOUT_ROWS if heldout else TUNING_ROWS
    prefix = "hs48" if heldout else "s48"
    out = []
    for maker, style in (("calc", "wareki"), ("writer", "slash")):
        case = plain_case(f"{prefix}-{maker}", rows, maker, heldout=heldout, date_style=style)
        rows_sorted = sorted(case.rows, key=lambda r: r["change_date"])
        # Calc: dates merged over their rows, as set VIII's c1 (its one-line cells then fewer).
        out.append(replace(case, rows=rows_sorted, merge=case.merge or maker == "calc"))
    return out


SETS = {
    "office-stream48": (SAMPLES / "office-stream48", lambda: _cases(False)),
    "heldout-stream48": (SAMPLES / "heldout-stream48", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    make_office_samples.LABELS = TWO_LINE_LABELS  # what write_xlsx / write_docx print
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
