"""Scanned LibreOffice tables whose running text holds the kanji tesseract reads unsure and
misreads (毀損, 謄本, 届出, 署名, 賦課, 滅失, 庁内), dates in every style and ＜…＞ titles, small
print at 200 dpi among them: the rows a second read of unsure lines is for (issue 12, session 46:
extract/ocr/second_reads.py).

Made as tools/make_ocr44_samples.py makes its sets (one scanned page per case with its truth and
tesseract's read; tuning and held-out share no row text, the held-out set is in the IPA fonts):
``python tools/make_ocr46_samples.py [--set scan-ocr46|heldout-scan-ocr46]``.  The held-out set
(samples/heldout-scan-ocr46) is measured, never tuned on.  Needs LibreOffice, poppler and the IPA
fonts; CI only reads the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40

_I = "Ⅰ基本情報"
_II, _III, _row = m40._II, m40._III, m40._row
SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr46", "heldout-scan-ocr46")}

TUNING_ROWS = (
    _row(
        "2023-06-01",
        f"{_III}\n７．特定個人情報の保管・消去\n③消去方法",
        "保存期間を過ぎた紙媒体は\n溶解処理する。",
        "保存期間を過ぎた紙媒体は\n裁断の上、溶解処理する。\n電子記録媒体は物理的に破壊する。",
        "事前",
        "消去方法の見直しによる修正",
    ),
    _row(
        "2023-06-01",
        f"{_II}\n３．特定個人情報の入手・使用\n②入手方法",
        "住民票の写し及び戸籍謄本",
        "住民票の写し、戸籍謄本及び\n届出書の写し",
        "事後",
        "入手書類の追加",
    ),
    _row(
        "2023-12-15",
        f"{_III}\n３．特定個人情報の使用\nリスク２：権限のない者によって不正に使用されるリスク",
        "＜市における措置＞\n担当者以外の操作を禁止する。",
        "＜市における措置＞\n担当者以外の操作を禁止し、\n操作記録に署名を求める。",
        "事後",
        "不正使用対策の強化",
    ),
    _row(
        "2024-03-01",
        f"{_II}\n２．基本情報\n③対象となる本人の数",
        "１万人以上１０万人未満",
        "１０万人以上３０万人未満",
        "事後",
        "賦課対象者の増加による修正",
    ),
    _row(
        "2024-03-01",
        f"{_III}\n７．特定個人情報の保管・消去\nリスク２：特定個人情報が古い情報のまま保管され続けるリスク",
        "毀損又は滅失した情報は\n速やかに復元する。",
        "毀損又は滅失した情報は\n庁内の手順に従い速やかに\n復元する。",
        "事前",
        "手順書の整備",
    ),
)

HELDOUT_ROWS = (
    _row(
        "2023-07-10",
        f"{_II}\n６．特定個人情報の保管・消去\n①保管場所",
        "施錠できる書庫に保管する。",
        "施錠できる書庫及び\n入退室管理された執務室に保管する。",
        "事後",
        "保管場所の追加",
    ),
    _row(
        "2023-07-10",
        f"{_III}\n２．特定個人情報の入手\nリスク１：目的外の入手が行われるリスク",
        "＜選挙管理委員会における措置＞\n申請書の記載事項を確認する。",
        "＜選挙管理委員会における措置＞\n申請書の記載事項及び\n本人確認書類を照合する。",
        "事前",
        "本人確認の徹底",
    ),
    _row(
        "2024-01-04",
        f"{_I}\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n③他のシステムとの接続",
        "税務システム",
        "税務システム、福祉総合システム",
        "事後",
        "接続先の追加",
    ),
    _row(
        "2024-04-01",
        f"{_II}\n５．特定個人情報の提供・移転\n提供先１\n②提供先における用途",
        "地方税の課税に関する事務",
        "地方税の賦課徴収に関する事務",
        "事後",
        "記載の適正化",
    ),
)


def set_cases(heldout: bool) -> list[tuple[m40.mos.Case, dict]]:
    """Calc and Writer, Mincho and Gothic, 200 and 300 dpi (``m40.KINDS``): four cases in each set."""
    return m40.kind_cases(m40.KINDS, HELDOUT_ROWS if heldout else TUNING_ROWS, heldout, seed="ocr46")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return m40.make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
