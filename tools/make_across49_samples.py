"""Calc tables with a row whose 変更前 and 変更後 are one cell merged across both columns (issues
11 / 12): a note that concerns both sides (「（記載の整理）」 and a sentence printed across the two
columns).  The ruling between 変更前 and 変更後 stops above that row and starts again below it;
read column by column the sentence was cut at the missing ruling's place, a wrong row at
confidence 0.96 with no flag (a new user's set XI, measured before this generator was written).

    python tools/make_across49_samples.py                         # both sets
    python tools/make_across49_samples.py --set office-across49    # or heldout-across49

A contiguous run of a pool of tables' rows in a look drawn by ``make_office_samples.varied_case``
(``make_boxes42_samples.scaled_run``), Calc only, PDFs only (the text readers are not this
kind's subject); ``ACROSS_ROWS`` of its rows (drawn) print one of the notes below in one merged
cell (``Case.merge_across``), its truth the note as the row's before and an empty after.
``office-across49`` (tuning) draws ``TUNING_CASES``, ``heldout-across49`` (measure only, never
tune on it) ``HELDOUT_CASES`` from the held-out tables' rows, with notes of its own.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_boxes42_samples import _pool, scaled_run
from make_flow22_samples import build_redrawn, numbered_cases, split_sets
from make_office_samples import Case

TUNING_CASES = 3
HELDOUT_CASES = 2
ROW_COUNTS = (5, 6, 7)
WIDTH_SCALES = (0.9, 1.0, 1.1)
ACROSS_ROWS = (1, 2)
TUNING_NOTES = (
    "（記載の整理）\n事務担当部署の記載は、Ⅰ基本情報の７．評価実施機関における担当部署の記載に統一する。",
    "（表記の統一）\n「個人番号」及び「マイナンバー」の表記を、評価書全体を通じて「個人番号」に統一する。",
    "（記載の修正）\n法令改正に伴い、番号法の条項番号を改正後の条項番号に改める。",
)
HELDOUT_NOTES = (
    "（記載の整理）\n委託先の記載は、Ⅱ特定個人情報ファイルの概要の４．特定個人情報ファイルの取扱いの委託に集約する。",
    "（誤記の訂正）\n担当部署の電話番号の誤りを訂正する。",
)


def _case(name: str, pool: list[dict], heldout: bool) -> Case:
    c, widths, rng = scaled_run("across49", name, pool, "calc", heldout, ROW_COUNTS, WIDTH_SCALES)
    n = len(c.rows)
    across = tuple(sorted(rng.sample(range(1, n), min(rng.choice(ACROSS_ROWS), n - 1))))
    notes = HELDOUT_NOTES if heldout else TUNING_NOTES
    rows = [
        {**row, "before": rng.choice(notes), "after": ""} if i in across else row
        for i, row in enumerate(c.rows)
    ]
    return replace(c, widths=widths, rows=rows, merge_across=across, texts=False)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` Calc cases, named ``[h]a49-calc-v<k>``."""
    pool = _pool(heldout)
    count = HELDOUT_CASES if heldout else TUNING_CASES
    tag = f"{'h' if heldout else ''}a49"
    return numbered_cases(tag, (("calc", count),), redrawn, lambda name, _m, _k: _case(name, pool, heldout))


SETS = split_sets("across49", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
