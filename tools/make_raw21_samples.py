"""Amendment tables whose before / after boundary is hard in row-ordered text, and text after the
table (issue 10, branch raw21), made by LibreOffice Calc and Writer.

    python tools/make_raw21_samples.py                       # both sets
    python tools/make_raw21_samples.py --set office-raw21    # or heldout-raw21

In ``pdftotext -raw`` and pypdfium2 text a row's multi-line cells follow one another (item,
before, after, explanation) with nothing between them, so the reader must find where 変更前 ends
and 変更後 begins.  These tables hold the kinds where that boundary was put wrong on
LibreOffice-made tables: check-box lists (■ / □ / ☑ / ☐ items, one per line) in both cells; rows
adding a block (変更前 empty, the after text right below the item, with or without
上記を新規追加); rows deleting a whole block (the before text opening with a heading such as
``３．特定個人情報の入手・使用``, after ``削除``).  After each table come what filings print there:
``※`` notes, a footnote, ``以上``, and on every page a page-number footer.

``office-raw21`` (tuning) and ``heldout-raw21`` (measure only, never tune on it) hold different
tables, in the tuning and held-out pools of fonts, sizes and widths of
tools/make_office_samples.py, whose helpers (writing, converting, truth) this tool uses.  Each
case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case, build_set, plain_case, printed_rows


def _row(date: str, item: str, before: str, after: str, timing: str, explanation: str) -> dict:
    d = dt.date.fromisoformat(date)
    return {
        "change_date": date,
        "change_date_raw": f"{d.year}/{d.month}/{d.day}",
        "item": item,
        "before": before,
        "after": after,
        "timing": timing,
        "explanation": explanation,
    }


# Tuning tables: 住民基本台帳 and 生活保護.
TUNING: dict[str, list[dict]] = {
    "juki21": [
        _row(
            "2021-04-01",
            "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n①入手元 ※",
            "■本人又は本人の代理人\n□評価実施機関内の他部署\n□行政機関・独立行政法人等\n□地方公共団体・地方独立行政法人",
            "■本人又は本人の代理人\n■評価実施機関内の他部署\n□行政機関・独立行政法人等\n■地方公共団体・地方独立行政法人",
            "事後",
            "転入時の情報照会の開始に伴う修正",
        ),
        _row(
            "2021-04-01",
            "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
            "☑紙\n☐電子記録媒体（フラッシュメモリを除く。）\n☐電子メール\n☐専用線",
            "☑紙\n☐電子記録媒体（フラッシュメモリを除く。）\n☐電子メール\n☑専用線\n☑庁内連携システム",
            "事後",
            "庁内連携システムの稼働に伴う追加",
        ),
        _row(
            "2022-10-01",
            "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項３",
            "",
            "①委託内容：住民異動届の受付補助業務\n②委託先：株式会社住民サービス\n③再委託の有無：再委託しない",
            "事前",
            "窓口業務の一部委託に伴う追加",
        ),
        _row(
            "2022-10-01",
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n４．特定個人情報ファイルの取扱いの委託\n具体的な方法",
            "",
            "委託先には、個人情報の取扱いに関する特記事項を契約書に盛り込み、定期的に実地調査を行う。\n上記を新規追加",
            "事前",
            "窓口業務の一部委託に伴う追加\n重大な変更に該当しない",
        ),
        _row(
            "2023-03-31",
            "Ⅱ特定個人情報ファイルの概要",
            "３．特定個人情報の入手・使用\n①入手元\n本人又は本人の代理人\n②入手方法\n紙、専用線",
            "削除",
            "事後",
            "住民票の写しの広域交付に係るファイルの廃止に伴う削除",
        ),
        _row(
            "2023-03-31",
            "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
            "市民課長",
            "市民窓口課長",
            "事後",
            "組織改正による修正",
        ),
        _row(
            "2024-01-15",
            "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発",
            "年１回、全職員を対象に個人情報保護研修を実施している。",
            "年１回、全職員を対象に個人情報保護研修を実施している。\n新たに配属された職員には、配属時に研修を行う。",
            "事後",
            "研修の実施方法の見直しによる修正",
        ),
    ],
    "seiho21": [
        _row(
            "2020-07-01",
            "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
            "生活保護法に基づく保護の決定及び実施に関する事務",
            "生活保護法に基づく保護の決定及び実施に関する事務\n就労自立給付金の支給に関する事務",
            "事後",
            "対象事務の追加",
        ),
        _row(
            "2020-07-01",
            "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転\n提供・移転の有無",
            "□提供を行っている\n□移転を行っている\n■行っていない",
            "■提供を行っている\n□移転を行っている\n□行っていない",
            "事前",
            "情報提供ネットワークシステムによる情報提供の開始",
        ),
        _row(
            "2021-12-01",
            "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転\n提供先１",
            "",
            "①法令上の根拠：番号法第１９条第８号\n②提供先における用途：地方税の賦課徴収に関する事務\n③提供する情報：生活保護の実施に関する情報",
            "事前",
            "情報提供の開始に伴う追加",
        ),
        _row(
            "2021-12-01",
            "Ⅲリスク対策\n５．特定個人情報の提供・移転\nリスク１：不正な提供が行われるリスク",
            "",
            "情報提供ネットワークシステムを通じた提供に限り、それ以外の方法では提供しない。",
            "事前",
            "情報提供の開始に伴う追加",
        ),
        _row(
            "2022-04-01",
            "Ⅲリスク対策",
            "７．特定個人情報の保管・消去\nリスク１：特定個人情報の漏えい・滅失・毀損リスク\n⑤物理的対策\n施錠できる書庫に保管している。",
            "削除",
            "事後",
            "評価書様式の改正に伴う削除\n重大な変更に該当しない",
        ),
        _row(
            "2022-04-01",
            "Ⅳその他のリスク対策\n１．監査\n①自己点検",
            "☐特に力を入れて行っている\n☑十分に行っている\n☐十分に行っていない",
            "☑特に力を入れて行っている\n☐十分に行っている\n☐十分に行っていない",
            "事後",
            "自己点検の実施体制の強化",
        ),
        _row(
            "2023-09-01",
            "Ⅰ基本情報\n６．評価実施機関における担当部署\n①部署",
            "福祉部生活福祉課",
            "健康福祉部生活支援課",
            "事後",
            "組織改正による修正",
        ),
    ],
}

# Held-out tables: 国民年金 and 障害者福祉 (measure only).
HELDOUT: dict[str, list[dict]] = {
    "nenkin21": [
        _row(
            "2019-10-01",
            "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目",
            "□個人番号\n■その他識別情報（内部番号）\n■基本４情報\n□連絡先（電話番号等）",
            "■個人番号\n■その他識別情報（内部番号）\n■基本４情報\n■連絡先（電話番号等）",
            "事前",
            "個人番号の利用開始に伴う修正",
        ),
        _row(
            "2019-10-01",
            "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n②保管期間",
            "",
            "国民年金法施行規則に定める期間（５年）保管する。\n上記を新規追加",
            "事前",
            "保管期間の明記",
        ),
        _row(
            "2020-04-01",
            "Ⅱ特定個人情報ファイルの概要",
            "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先２\n①法令上の根拠\n番号法第１９条第７号",
            "削除",
            "事後",
            "提供先の事務の廃止に伴う削除",
        ),
        _row(
            "2020-04-01",
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n具体的な管理方法",
            "システムの操作履歴を記録している。",
            "システムの操作履歴を記録し、月１回、担当者以外の職員が確認している。",
            "事後",
            "管理方法の見直し",
        ),
        _row(
            "2021-06-15",
            "Ⅳその他のリスク対策\n３．その他のリスク対策",
            "",
            "窓口での本人確認は、個人番号カード又は通知カードと身分証明書により行う。\n代理人の場合は委任状を確認する。",
            "事後",
            "本人確認の手順の追加",
        ),
        _row(
            "2021-06-15",
            "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n②請求方法",
            "☑窓口\n☐郵送",
            "☑窓口\n☑郵送\n☐電子申請",
            "事後",
            "郵送による請求の受付開始",
        ),
        _row(
            "2022-02-01",
            "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
            "市民部保険年金課",
            "市民生活部国保年金課",
            "事後",
            "組織改正による修正",
        ),
    ],
    "shogai21": [
        _row(
            "2020-01-06",
            "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
            "障害者総合支援法による自立支援給付の支給に関する事務",
            "障害者総合支援法による自立支援給付及び地域生活支援事業の実施に関する事務",
            "事後",
            "対象事務の明確化",
        ),
        _row(
            "2020-01-06",
            "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n③入手の時期・頻度",
            "☐申請の都度\n☑随時\n☐定期的に",
            "☑申請の都度\n☐随時\n☑定期的に（毎年７月）",
            "事前",
            "入手時期の見直し",
        ),
        _row(
            "2021-04-01",
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
            "２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）\nリスク２：不適切な方法で入手が行われるリスク\n入手方法を限定している。",
            "削除",
            "事後",
            "評価書様式の改正に伴う削除",
        ),
        _row(
            "2021-04-01",
            "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項２",
            "",
            "①委託内容：障害福祉システムの保守\n②委託先：株式会社福祉情報\n上記を新規追加",
            "事後",
            "システム保守業務の委託に伴う追加",
        ),
        _row(
            "2022-07-01",
            "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転\n移転先１\n①移転先における用途",
            "",
            "地方税の減免の審査",
            "事後",
            "庁内連携による移転の開始",
        ),
        _row(
            "2022-07-01",
            "Ⅳその他のリスク対策\n１．監査\n②監査",
            "□特に力を入れて行っている\n■十分に行っている\n□十分に行っていない",
            "■特に力を入れて行っている\n□十分に行っている\n□十分に行っていない",
            "事後",
            "外部監査の導入",
        ),
        _row(
            "2023-04-01",
            "Ⅰ基本情報\n６．評価実施機関における担当部署\n②所属長の役職名",
            "障害福祉課長",
            "障がい福祉課長",
            "事後",
            "表記の変更",
        ),
    ],
}

# What filings print after the table (a note, a footnote, 以上), one set per case, in turn.
CLOSINGS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("※　記載内容に変更のない項目は省略している。", "left"), ("以上", "right")),
    (("（注）提出時期は、事前又は事後の別を記載している。", "left"),),
    (("以上", "right"),),
    (("※１　変更日は、評価書を修正した日である。", "left"), ("※２　字句の修正は記載を省略した。", "left")),
)


def _cases(heldout: bool) -> list[Case]:
    """Each table of the set by Calc and by Writer, in looks drawn from the set's pools, with a
    closing text and page-number footers."""
    tables = HELDOUT if heldout else TUNING
    cases = []
    for k, (name, rows) in enumerate(tables.items()):
        for m, maker in enumerate(("calc", "writer")):
            c = plain_case(f"{maker}-raw21-{name}", rows, maker, heldout=heldout)
            style = office.DATE_STYLES[(2 * k + m + 3 * heldout) % len(office.DATE_STYLES)]
            c = replace(c, rows=printed_rows(rows, style, newest_first=False), rows_per_page=None)
            cases.append(
                replace(c, closing=CLOSINGS[(2 * k + m + heldout) % len(CLOSINGS)], page_numbers=True)
            )
    return cases


SETS = office.office_pair("raw21", _cases)


def main(argv: list[str] | None = None) -> int:
    ns = office.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        root, make = SETS[name]
        build_set(root, make(), ns.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
