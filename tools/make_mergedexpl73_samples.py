"""Calc and Writer tables whose 変更日, 提出時期 and a long 説明 are merged over each date group and
centred in it, with their layout-mode and row-ordered texts (branch glue73).

    python tools/make_mergedexpl73_samples.py                                # both sets
    python tools/make_mergedexpl73_samples.py --set office-mergedexpl73      # or heldout-mergedexpl73

Set XXXIV's w06 (Calc, 提出時期 縦書き and 説明 merged over date groups, vertically centred) read in
``pdftotext -layout`` text cut the centred 説明 among the rows of its group
(``…特定個人情報の漏えいその他`` | ``の事態を発生させる…``), unwarned.  Each case is a table of
rows from the pool cut into runs of 2–4 rows (``make_empty50_samples._runs``); the rows of a run
share their first row's date and 提出時期 and one 説明 of two to five printed lines (``EXPLANATIONS``),
merged (``Case.merge``) and centred (``valign_of``) while the other cells stand at the top.  The
truth is each row's six fields, the merged text in every row it spans.  ``office-mergedexpl73``
(tuning) and ``heldout-mergedexpl73`` (measure only, never tune on it) draw tables, fonts, sizes
and explanations of their own.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_empty50_samples import _runs

SETS = {"office-mergedexpl73": False, "heldout-mergedexpl73": True}
TEXTS = ("pdftotext-layout", "pypdf-layout", "pdfplumber-layout", "pypdfium2", "pdftotext-raw")
TUNING_CASES, HELDOUT_CASES = 4, 3
ROWS = (8, 11)
RUN_LENGTHS = (2, 3, 4)
TUNING_EXPLANATIONS = (
    "介護保険事務処理システムの標準化対応による修正。\n特定個人情報の漏えいその他の事態を発生させるリスクを相当程度変動させるものではない。",
    "児童手当法の一部改正（令和６年１０月施行）に伴う修正であり、特定個人情報の取扱いに変更はない。",
    "組織改編に伴う担当部署名の変更であり、重要な変更には当たらないため事後の提出とする。",
)
HELDOUT_EXPLANATIONS = (
    "システム更改に伴う記載の見直しであり、個人のプライバシー等の権利利益に影響を与えるものではない。",
    "番号法の改正に伴う条項の修正。\n特定個人情報ファイルの取扱いの実態に変更はなく、リスクの変動もない。",
    "委託先の変更に伴う修正であり、しきい値判断の結果に変更はないため事後の提出とする。",
)


def _case(name: str, table: list[dict], maker: str, heldout: bool) -> mos.Case:
    rng = random.Random(f"piatable-mergedexpl73-{name}")
    n = rng.randint(*ROWS)
    start = rng.randrange(max(len(table) - n, 0) + 1)
    c = mos.plain_case(name, table[start : start + n], maker, heldout=heldout)
    rows = [dict(r) for r in c.rows]
    pool = HELDOUT_EXPLANATIONS if heldout else TUNING_EXPLANATIONS
    for a, b in _runs(len(rows), rng, RUN_LENGTHS):
        why = rng.choice(pool)
        for r in rows[a:b]:
            r["change_date"], r["change_date_raw"] = rows[a]["change_date"], rows[a]["change_date_raw"]
            r["timing"], r["explanation"] = rows[a]["timing"], why
    centred = {"change_date_raw": "center", "timing": "center", "explanation": "center"}
    return replace(c, rows=rows, merge=True, valign="top", valign_of=centred, real_dates=False)


def _cases(work: Path, heldout: bool) -> Iterator[mos.SetCase]:
    tables = mos._four_tables(heldout)
    prefix = "h" if heldout else ""
    cases = []
    for k in range(HELDOUT_CASES if heldout else TUNING_CASES):
        maker = ("calc", "writer")[k % 2]
        table = mos._printable(mos.load_table(tables[k][1]))
        cases.append(_case(f"{prefix}me73-{maker}-{k}", table, maker, heldout))
    made = mos.render(cases, work)
    for case in cases:
        _, pdf, expected = made[case.name]
        yield case.name, pdf, expected, mos.settings_of(case) | {"rows": len(expected)}


README = (
    "# {name}\n\nCalc and Writer tables whose 変更日, 提出時期 and a long 説明 are merged over each date "
    "group and centred in it, the other cells at the top, with the texts of " + ", ".join(TEXTS) + " "
    "(tools/make_mergedexpl73_samples.py). The truth gives a merged cell's text to every row it spans.\n"
)


def main(argv: list[str] | None = None) -> int:
    return mos.made_sets_main(argv, __doc__, SETS, partial(_cases), TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
