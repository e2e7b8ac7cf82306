"""Scanned LibreOffice tables whose text cells print numbers full width inside Japanese text
(第１９条第８号, 提供先２, 令和５年１０月, 年１２回, ３０万人) beside Latin runs printed half
width (Ver.2.1, LGWAN-ASP, ISMAP), and ＜…＞ headings opening and inside cells (issues 11 and 12,
session 41: scans read full-width digits half width in a third of their wrong rows).

    python tools/make_ocr41_samples.py                          # both sets
    python tools/make_ocr41_samples.py --set scan-ocr41         # tuning set (samples/scan-ocr41)
    python tools/make_ocr41_samples.py --set heldout-scan-ocr41 # held-out: measure only

Each case is ``SET/NAME/input.jpg`` (one page, ``pdftoppm`` at 200 or 300 dpi, turned 0.3–1°,
JPEG) with ``expected/records.json`` and ``ocr/page-1.{tsv,json}`` (tesseract's read), made as
``tools/make_ocr40_samples.py`` makes its own.  The tuning and held-out sets share no row text;
the held-out set uses the IPA fonts (not IPAex).  Needs LibreOffice, poppler and the IPA fonts;
CI only reads the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_office_samples as mos

SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr41", "heldout-scan-ocr41")}
_I = "Ⅰ基本情報"
_II, _III, _row = m40._II, m40._III, m40._row

TUNING_ROWS = (
    _row(
        "2023-04-01",
        f"{_II}\n５．特定個人情報の提供・移転\n提供先２",
        "番号法第１９条第８号\n別表第二の２７の項",
        "番号法第１９条第８号に基づく\n主務省令第２条の表２７の項",
        "事後",
        "法改正に伴う修正",
    ),
    _row(
        "2023-04-01",
        f"{_I}\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム３",
        "住民記録システム（Ver.2.1）",
        "住民記録システム（Ver.3.0）\n令和５年１０月稼働",
        "事前",
        "システム更改",
    ),
    _row(
        "2023-10-01",
        f"{_II}\n２．基本情報\n②対象となる本人の数",
        "１０万人以上３０万人未満",
        "３０万人以上",
        "事前",
        "人口増加による",
    ),
    _row(
        "2023-10-01",
        f"{_III}\n７．特定個人情報の保管・消去",
        "＜中間サーバーにおける措置＞\n①ＩＤ及びパスワードによる認証を行う。",
        "＜中間サーバーにおける措置＞\n①ＩＤ及びパスワードによる認証を行う。\n②ログを５年間保存する。",
        "事後",
        "措置の追加",
    ),
    _row(
        "2024-01-15",
        f"{_II}\n４．特定個人情報ファイルの取扱いの委託\n委託事項１",
        "保守作業（年４回）",
        "保守作業（年１２回）\nLGWAN-ASPを利用する。",
        "事後",
        "契約内容の変更",
    ),
    _row(
        "2024-01-15",
        f"{_I}\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        "※平成２７年１０月５日施行",
        "※令和６年５月２７日施行\n（第２条第５項による）",
        "事後",
        "法改正",
    ),
    _row(
        "2024-01-15",
        f"{_III}\n２．特定個人情報の入手",
        "＜市町村ＣＳにおける措置＞\n操作者を限定する。",
        "＜市町村ＣＳにおける措置＞\n操作者をＩＣカードで認証する。\nバックアップは週1回取得する。",
        "事前",
        "認証方法の変更",
    ),
    _row(
        "2024-04-01",
        f"{_III}\n３．特定個人情報の使用",
        "（変更なし）\n＜統合宛名システムにおける措置＞\nアクセス記録を保存する。",
        "（変更なし）\n＜統合宛名システムにおける措置＞\nアクセス記録を１年間保存する。",
        "事後",
        "保存期間の明記",
    ),
)

HELDOUT_ROWS = (
    _row(
        "2021-07-01",
        f"{_II}\n５．特定個人情報の提供・移転\n移転先３",
        "番号法第９条第２項\n条例第４条",
        "番号法第９条第２項\n条例第６条第１号",
        "事後",
        "条例改正",
    ),
    _row(
        "2021-07-01",
        f"{_II}\n３．特定個人情報の入手・使用\n⑨使用開始日",
        "平成２８年１月１日",
        "令和３年９月１日",
        "事前",
        "開始日の変更",
    ),
    _row(
        "2022-04-01",
        f"{_II}\n２．基本情報\n④記録される項目",
        "主な記録項目：５０項目以上\n１００項目未満",
        "主な記録項目：１００項目以上",
        "事前",
        "項目の追加",
    ),
    _row(
        "2022-04-01",
        f"{_III}\n３．特定個人情報の使用",
        "＜ガバメントクラウドにおける措置＞\n①ISMAPに登録されたサービスを利用する。",
        "＜ガバメントクラウドにおける措置＞\n①ISMAPに登録されたサービスを利用する。\n②保存期間は１０年とする。",
        "事前",
        "記載の追加",
    ),
    _row(
        "2022-04-01",
        f"{_II}\n４．特定個人情報ファイルの取扱いの委託\n委託事項２",
        "電算処理業務（委託先：１社）",
        "電算処理業務（委託先：２社）\n契約期間は3年",
        "事後",
        "委託先の追加",
    ),
)


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """Calc and Writer, Mincho and Gothic, 200 and 300 dpi: six tuning cases, four held-out."""
    if heldout:
        return m40.kind_cases(m40.KINDS, HELDOUT_ROWS, True, seed="ocr41")
    more = (("calc", "gothic", 200), ("writer", "mincho", 200))
    return m40.kind_cases(m40.KINDS + more, TUNING_ROWS, False, seed="ocr41")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return m40.make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
