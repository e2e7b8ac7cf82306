"""Rows whose 変更前 / 変更後 hold one short value (``紙``, ``有``, ``なし``, ``○``, a number)
under a several-line item (``Ⅱ特定個人情報ファイルの概要`` / ``３．…`` / ``②入手方法``), with
explanations of several paragraphs, made by LibreOffice Calc (top-aligned) and Writer (issue 10,
short43).

    python tools/make_short43_samples.py                           # both sets
    python tools/make_short43_samples.py --set office-short43       # or heldout-short43

In ``pdftotext -raw`` and pypdfium2 text of a top-aligned table each cell's first line shares the
row's first printed line (``2023/4/1 Ⅱ特定個人情報ファイルの概要 紙 紙 事後 …``): the date, the
item's first line, the before's and after's first lines, the timing.  A short before / after
value then sits on that line, and the rest of the item follows, then the explanation's lines.

``office-short43`` (tuning) takes the tuning items, values and explanations below;
``heldout-short43`` (measure only, never tune on it) the held-out ones.  Each case keeps its PDF
and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, table_cases
from make_office_samples import SAMPLES, Case, plain_case

ROWS_MAX = 4
# Items of several lines (the form's headings), each with its short (before, after) pairs.
TUNING_ITEMS = (
    (
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
        (("紙", "電子記録媒体（フラッシュメモリを除く。）\n専用線\n紙"), ("専用線\n紙", "紙")),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託の有無",
        (("無", "有\n（２）件"), ("有", "無")),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供・移転の有無",
        (("なし", "提供を行っている（３）件\n移転を行っている（１）件"), ("提供を行っている", "なし")),
    ),
    (
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
        (("市民課長", "市民生活部市民課長"), ("課長", "部長")),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲",
        (("○", "住民基本台帳に記録された住民\n（消除者を含む。）"),),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
        (("1,000人以上1万人未満", "1万人以上10万人未満"), ("10", "20")),
    ),
)
HELDOUT_ITEMS = (
    (
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n③入手の時期・頻度",
        (("随時", "毎月１回\n及び随時"), ("年１回", "随時")),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n再委託の有無",
        (("再委託しない", "再委託する"), ("有", "無")),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目",
        (("10項目以上50項目未満", "50項目以上100項目未満"), ("○", "×")),
    ),
    (
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n７．特定個人情報の保管・消去\nリスク１：特定個人情報の漏えい・滅失・毀損リスク",
        (("十分である", "特に力を入れている"), ("なし", "あり")),
    ),
    (
        "Ⅰ基本情報\n６．情報提供ネットワークシステムによる情報連携\n②法令上の根拠",
        (("なし", "番号法第19条第8号\n別表第二"),),
    ),
)
# Explanations of one, two or three paragraphs.
TUNING_EXPLANATIONS = (
    "消除者を対象に含めることの明確化\n評価の再実施には当たらない",
    "入手方法の追加",
    "委託先の追加に伴う修正\n重要な変更には当たらない",
    "組織改編による変更\n事後で足りる\n（軽微な変更）",
    "記載の誤りの訂正",
)
HELDOUT_EXPLANATIONS = (
    "運用の見直しによる変更\n重要な変更には当たらない",
    "システム更改に伴う修正",
    "委託契約の見直し\n評価の再実施には当たらない\n事後で足りる",
    "記載内容の明確化",
)
CALC_WIDTHS = ((11, 24, 30, 30, 8, 26), (10, 22, 26, 26, 7, 22))
WRITER_WIDTHS = ((2.6, 4.6, 5.6, 5.6, 1.8, 4.7), (2.4, 5.0, 6.0, 6.0, 1.7, 4.1))
HELDOUT_CALC_WIDTHS = ((12, 26, 32, 32, 9, 24), (13, 20, 28, 28, 8, 20))
HELDOUT_WRITER_WIDTHS = ((2.9, 4.2, 6.2, 6.2, 2.0, 3.6), (2.5, 5.2, 5.8, 5.8, 1.8, 4.6))
# Chance that a short pair is read both ways round (the short value before or after).
SWAP = 0.4


def short_rows(like: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """Rows of ``like``'s dates whose item is a several-line heading and whose before or after
    (or both) is one short value; every explanation of one to three paragraphs."""
    items = HELDOUT_ITEMS if heldout else TUNING_ITEMS
    said = HELDOUT_EXPLANATIONS if heldout else TUNING_EXPLANATIONS
    out = []
    for k, item_pairs in enumerate(rng.sample(items, len(items))):
        item, pairs = item_pairs
        before, after = rng.choice(pairs)
        if rng.random() < SWAP:
            before, after = after, before
        base = like[k % len(like)]
        out.append(
            dict(
                base,
                item=item,
                before=before,
                after=after,
                explanation=rng.choice(said),
                timing=rng.choice(("事前", "事後")),
            )
        )
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-short43-{name}")
    kept = table[:ROWS_MAX]
    rows = short_rows(kept, rng, heldout)
    mixed = [*rows[:3], *kept[:2], *rows[3:], *kept[2:]]
    c = plain_case(name, mixed, maker, heldout=heldout)
    if maker == "calc":
        pool = HELDOUT_CALC_WIDTHS if heldout else CALC_WIDTHS
    else:
        pool = HELDOUT_WRITER_WIDTHS if heldout else WRITER_WIDTHS
    return replace(c, widths=pool[n % len(pool)], valign="top", real_dates=False, fallback_glyphs="○□△×")


SETS = {
    "office-short43": (SAMPLES / "office-short43", lambda r: table_cases("s43", False, r, _case)),
    "heldout-short43": (SAMPLES / "heldout-short43", lambda r: table_cases("s43", True, r, _case)),
}


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
