"""Scanned LibreOffice tables whose item cells number headings the way another edition of the
forms does (委託事項's ②取扱いを委託する特定個人情報ファイルの範囲 with its three sub-items
numbered ③–⑤, so ⑨委託先名 and ⑩再委託の有無 where the current edition prints ⑥ and ⑦; a
使用 section without 本人への明示, so ⑥使用の主体) and print some items without their section
line (３．特定個人情報の入手・使用 / ⑧使用方法, the section given by the rows above), with
before / after cells that repeat each other but for a number or a word (issue 12, session 44:
on the unseen scans, right rows were warned for such numbering and such items).

Made as tools/make_ocr41_samples.py makes its sets (one scanned page per case with its truth
and tesseract's read; tuning and held-out share no row text, the held-out set is in the IPA
fonts): ``python tools/make_ocr44_samples.py [--set scan-ocr44|heldout-scan-ocr44]``.  The
held-out set (samples/heldout-scan-ocr44) is measured, never tuned on.  Needs LibreOffice,
poppler and the IPA fonts; CI only reads the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40

_I = "Ⅰ基本情報"
_II, _III, _row = m40._II, m40._III, m40._row
SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr44", "heldout-scan-ocr44")}
_ENTRUST = f"{_II}\n４．特定個人情報ファイルの取扱いの委託"

TUNING_ROWS = (
    _row(
        "2023-04-01",
        f"{_ENTRUST}\n委託事項１\n⑨委託先名",
        "株式会社北部情報サービス",
        "株式会社北部情報システムズ",
        "事後",
        "委託先の社名変更",
    ),
    _row(
        "2023-04-01",
        f"{_ENTRUST}\n委託事項１\n③対象となる本人の数",
        "１万人以上１０万人未満",
        "１０万人以上１００万人未満",
        "事前",
        "対象者の増加",
    ),
    _row(
        "2023-04-01",
        "３．特定個人情報の入手・使用\n⑧使用方法",
        "窓口で申請書を受け付け、\n住民記録システムに入力する。",
        "窓口及び電子申請で受け付け、\n住民記録システムに入力する。",
        "事後",
        "電子申請の開始",
    ),
    _row(
        "2023-10-01",
        f"{_I}\n７．評価実施機関における担当部署\n①部署",
        "市民部市民課",
        "市民部市民窓口課",
        "事後",
        "組織改正",
    ),
    _row(
        "2023-10-01",
        f"{_III}\n７．特定個人情報の保管・消去",
        "＜市における措置＞\nバックアップ媒体は金庫に保管する。",
        "＜市における措置＞\nバックアップ媒体は施錠できる\n保管庫に保管する。",
        "事前",
        "保管方法の見直し",
    ),
    _row(
        "2024-01-15",
        "６．特定個人情報の保管・消去\n②保管期間",
        "５年",
        "１０年",
        "事後",
        "保存年限の変更",
    ),
)

HELDOUT_ROWS = (
    _row(
        "2021-07-01",
        f"{_ENTRUST}\n委託事項２\n⑩再委託の有無",
        "再委託しない",
        "再委託する",
        "事前",
        "運用保守の再委託",
    ),
    _row(
        "2021-07-01",
        f"{_II}\n３．特定個人情報の入手・使用\n⑥使用の主体",
        "保険年金課",
        "保険年金課及び各支所",
        "事後",
        "支所での取扱い開始",
    ),
    _row(
        "2021-07-01",
        "２．基本情報\n⑥事務担当部署",
        "健康福祉部保険年金課",
        "健康福祉部国保医療課",
        "事後",
        "組織改正",
    ),
    _row(
        "2022-04-01",
        f"{_III}\n２．特定個人情報の入手",
        "＜中間サーバーにおける措置＞\n入手の記録は３年間保存する。",
        "＜中間サーバーにおける措置＞\n入手の記録は７年間保存する。",
        "事前",
        "保存期間の延長",
    ),
    _row(
        "2022-04-01",
        f"{_I}\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム２",
        "国民健康保険システム",
        "国民健康保険システム\n（標準準拠システム）",
        "事前",
        "標準化への対応",
    ),
)


def set_cases(heldout: bool) -> list[tuple[m40.mos.Case, dict]]:
    """Calc and Writer, Mincho and Gothic, 200 and 300 dpi (``m40.KINDS``): four cases in each set."""
    return m40.kind_cases(m40.KINDS, HELDOUT_ROWS if heldout else TUNING_ROWS, heldout, seed="ocr44")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return m40.make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
