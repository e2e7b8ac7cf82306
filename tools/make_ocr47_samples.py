"""Scanned LibreOffice tables with the wrong-cell kinds of two new users' scans (issues 11/12,
session 47): dates printed with half-width digits, most of them single digits between kanji
(令和5年4月1日, where LibreOffice's Latin/Asian spacing makes a half-width digit advance about
an em), a full-width colon before half-width digits (電話：0123-45-6789), and cells that contrast
two words of one kanji's difference (内部監査 … 外部監査), which a correction must not copy over
each other.

Made as tools/make_ocr46_samples.py makes its sets (tools/make_ocr40_samples.py's cases and scans;
one scanned page per case with its truth and tesseract's read; tuning and held-out share no row
text, the held-out set is in the IPA fonts), every date in the half-width 和暦 style:
``python tools/make_ocr47_samples.py [--set scan-ocr47|heldout-scan-ocr47]``.  The held-out set
(samples/heldout-scan-ocr47) is measured, never tuned on.  Needs LibreOffice, poppler and the IPA
fonts; CI only reads the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40

_I = "Ⅰ基本情報"
_II, _III, _row = m40._II, m40._III, m40._row
_V = "Ⅴ開示請求、問合せ"
SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr47", "heldout-scan-ocr47")}

TUNING_ROWS = (
    _row(
        "2023-04-01",
        f"{_V}\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "○○市総務部総務課\n電話：0123-45-6789",
        "○○市総務部行政管理課\n電話：0123-45-6790",
        "事後",
        "組織改編に伴う変更",
    ),
    _row(
        "2023-11-01",
        "Ⅳその他のリスク対策\n１．監査\n②監査\n具体的な内容",
        "年１回、内部監査を実施する。",
        "年１回、情報セキュリティ監査（内部監査）を実施するとともに、３年に１回外部監査を実施する。",
        "事前",
        "監査体制の見直し",
    ),
    _row(
        "2023-11-01",
        f"{_III}\n７．特定個人情報の保管・消去\nリスク１：特定個人情報の漏えい・滅失・毀損リスク\n⑤物理的対策",
        "入退室管理を行っている部屋に保管する。",
        "入退館管理をしている建物の中で、さらに入退室管理を行っている部屋に保管する。",
        "事後",
        "対策の具体化",
    ),
    _row(
        "2024-02-01",
        f"{_II}\n２．基本情報\n④記録される項目",
        "・識別情報：個人番号\n・連絡先等情報：４情報",
        "・識別情報：個人番号\n・連絡先等情報：４情報\n・その他（旧氏）",
        "事後",
        "記録項目の追加",
    ),
)

HELDOUT_ROWS = (
    _row(
        "2023-05-08",
        f"{_V}\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
        "○○市市民部市民課\n電話：0987-65-4321",
        "○○市市民生活部市民窓口課\n電話：0987-65-4300",
        "事後",
        "組織改編に伴う修正",
    ),
    _row(
        "2023-12-11",
        f"{_III}\n８．監査\n①自己点検",
        "年１回、自己点検を行う。",
        "年２回、自己点検を行い、その結果を踏まえて他部署による点検を受ける。",
        "事前",
        "点検の強化",
    ),
    _row(
        "2024-06-03",
        f"{_I}\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        "住民票の写しの交付",
        "住民票の写しの交付（電子申請を含む。）\n電話：0987-11-2233",
        "事後",
        "受付方法の追加",
    ),
)


# (program, font, dpi) of the cases of each set.
TUNING_KINDS = (("writer", "mincho", 200), ("calc", "gothic", 300), ("writer", "gothic", 300))
HELDOUT_KINDS = (("writer", "mincho", 300), ("calc", "mincho", 200))


def set_cases(heldout: bool) -> list[tuple[m40.mos.Case, dict]]:
    """Writer and Calc, Mincho and Gothic, 200 and 300 dpi (TUNING_KINDS, HELDOUT_KINDS), every
    date in half-width 和暦 (令和5年4月1日)."""
    rows, kinds = (HELDOUT_ROWS, HELDOUT_KINDS) if heldout else (TUNING_ROWS, TUNING_KINDS)
    return m40.kind_cases(kinds, rows, heldout, seed="ocr47", date_style="wareki")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return m40.make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
