"""Scanned LibreOffice tables with set IX's scan kinds (issues 11/12, session 49): placeholders
printed with the kanji zero (〇〇市, U+3007), empty check boxes beside marked ones
(``[ ]庁内連携システム`` over ``[○]…``), telephone numbers in full-width digits and brackets
(電話　０１２（３４５）６７８９) and 200 dpi greyscale pages turned a whole degree.

Made as tools/make_ocr48_samples.py makes its sets (tools/make_ocr40_samples.py's cases and
scans; one scanned page per case with its truth and tesseract's read; tuning and held-out share
no row text, the held-out set is in the IPA fonts), every 200 dpi page turned by 1° (set IX's
c5): ``python tools/make_ocr49_samples.py [--set scan-ocr49|heldout-ocr49]``.  The held-out set
(samples/heldout-ocr49) is measured, never tuned on.  Needs LibreOffice, poppler and the IPA
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
SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr49", "heldout-ocr49")}
# Set IX's c5: a 200 dpi greyscale page turned a whole degree (the drawn angles are 0.3–1°).
SKEW_200 = 1.0

TUNING_ROWS = (
    _row(
        "2023-10-01",
        f"{_II}\n５．特定個人情報の提供・移転\n③他のシステムとの接続",
        "[ ]庁内連携システム\n[○]情報提供ネットワークシステム",
        "[○]庁内連携システム\n[○]情報提供ネットワークシステム",
        "事後",
        "庁内連携システムの導入に伴う修正",
    ),
    _row(
        "2023-10-01",
        f"{_V}\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "〇〇市市民部市民課\n電話　０１２（３４５）６７８９",
        "〇〇市市民部戸籍住民課\n電話　０１２（３４５）６７００",
        "事後",
        "組織改編及び電話番号の変更",
    ),
    _row(
        "2024-04-01",
        f"{_I}\n６．評価実施機関における担当部署\n①部署",
        "市民部　市民課",
        "市民部　戸籍住民課",
        "事後",
        "組織改編に伴う変更",
    ),
)

HELDOUT_ROWS = (
    _row(
        "2024-01-15",
        f"{_II}\n３．特定個人情報の入手・使用\n②入手方法",
        "[○]紙\n[ ]電子記録媒体",
        "[○]紙\n[○]電子記録媒体",
        "事前",
        "電子申請の受付開始",
    ),
    _row(
        "2024-01-15",
        f"{_I}\n７．他の評価実施機関\n連絡先",
        "〇〇町総務課\n電話　０９８（７６５）４３２１",
        "〇〇町企画財政課\n電話　０９８（７６５）４３００",
        "事後",
        "所管課及び電話番号の変更",
    ),
)


# (program, font, dpi) of the cases of each set.
TUNING_KINDS = (("calc", "mincho", 200), ("writer", "gothic", 200), ("calc", "gothic", 300))
HELDOUT_KINDS = (("writer", "mincho", 200), ("calc", "gothic", 200))


def set_cases(heldout: bool) -> list[tuple[m40.mos.Case, dict]]:
    """Calc and Writer, Mincho and Gothic (TUNING_KINDS, HELDOUT_KINDS), every change date in
    和暦 style; each 200 dpi page turned by ``SKEW_200`` degrees in the drawn direction."""
    rows, kinds = (HELDOUT_ROWS, HELDOUT_KINDS) if heldout else (TUNING_ROWS, TUNING_KINDS)
    cases = m40.kind_cases(kinds, rows, heldout, seed="ocr49", date_style="wareki")
    for _, look in cases:
        if look["dpi"] == 200:
            look["angle"] = SKEW_200 if look["angle"] > 0 else -SKEW_200
    return cases


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return m40.make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
