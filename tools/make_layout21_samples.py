"""Amendment tables for the ``pdftotext -layout`` kinds of issue 10 (branch layout21).

    python tools/make_layout21_samples.py                 # both sets
    python tools/make_layout21_samples.py --set office-layout21
    python tools/make_layout21_samples.py --set heldout-layout21

Three kinds of table, in turn, each written directly with openpyxl (.xlsx) or python-docx (.docx)
in the outsider styles of ``tools/make_outsider_tables.py`` (whose writers, converter and
extractors this reuses) and converted with ``soffice --headless --convert-to pdf``:

- ``m`` (Calc): explanations (説明) merged vertically over runs of rows that share one, and
  変更日 cells merged over runs of rows that share a date, the runs of the two columns drawn
  apart (an explanation's run may cross a date's); the merged cells centred, at the top or at
  the foot, the body aligned otherwise; sometimes 提出時期 merged with the explanation;
- ``w`` (Writer): rows allowed to break across pages (Writer's default) under the repeated
  header row, in larger type, some after cells (変更後) made long so that their tail runs onto
  the next page; some tables with 変更日 merged over runs;
- ``n`` (either maker): a narrow 提出時期 column whose label wraps (``提出時`` / ``期``), rows with an
  empty before cell, and Writer's column offsets that drift from line to line.

Each case keeps the PDF and the five extractors' texts, with the truth (``expected/records.json``,
the rows as written).  ``samples/office-layout21`` draws its cells from the tuning tables;
``samples/heldout-layout21`` from ``samples/heldout/tables`` with other seeds, sizes, widths, date
styles and longer spans: measure on it only, never tune on it.

    python tools/eval_office.py --family pdftotext-layout samples/office-layout21 samples/heldout-layout21
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import make_outsider_tables as mot

# The tuning set's styles; the held-out set's differ in every one of them (sizes, fonts, date
# styles, the spans' lengths, the share of the narrow column).
TUNING = {
    "sizes": (9.0, 10.0, 11.0),
    "writer_sizes": (10.5, 11.0, 12.0),
    "fonts": ("IPAexGothic", "IPAexMincho"),
    "date_styles": ("wareki", "slash", "seireki"),
    "span": (2, 3),
    "timing_pad_cm": 0.45,
}
HELDOUT = {
    "sizes": (8.0, 9.5, 10.5),
    "writer_sizes": (10.0, 11.5, 13.0),
    "fonts": ("IPAexMincho", "IPAexGothic"),
    "date_styles": ("wareki_fw", "slash0", "short", "wareki"),
    "span": (2, 5),
    "timing_pad_cm": 0.5,
}
PT_CM = 2.54 / 72
VALIGN_CHOICES = ("top", "center", "bottom", "top-center")
MERGED_VALIGNS = ("center", "center", "top", "bottom")


def _runs(rng: random.Random, n: int, span: tuple[int, int], share: float) -> list[tuple[int, int]]:
    """Consecutive runs over ``n`` rows: at chance ``share`` a run of ``span`` rows, else one."""
    out, i = [], 0
    while i < n:
        k = rng.randint(*span) if rng.random() < share else 1
        out.append((i, min(n, i + k) - 1))
        i += k
    return out


def _share_runs(rows: list[dict], runs: list[tuple[int, int]], keys: tuple[str, ...]) -> None:
    """Every row of a run takes the run's first row's values of ``keys``."""
    for a, b in runs:
        for row in rows[a + 1 : b + 1]:
            for key in keys:
                row[key] = rows[a][key]


def _long_after(rng: random.Random, rows: list[dict], pool: list[dict], share: float) -> None:
    """At chance ``share`` a row's after cell gets one or two more paragraphs of other rows'
    after text (an after cell long enough to break over a page)."""
    texts = [r["after"] for r in pool if len(r["after"]) > 20]
    for row in rows:
        if texts and rng.random() < share:
            extra = rng.sample(texts, k=min(len(texts), rng.randint(1, 2)))
            row["after"] = "\n".join([row["after"], *extra]).strip("\n")


def layout21_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, style: dict) -> list[mot.Case]:
    """``n`` cases of kinds m, w, n in turn (module docstring), drawn with ``seed``."""
    rng = random.Random(seed + 21)
    cases = mot.draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=VALIGN_CHOICES,
        rows_per_case=(8, 12),
        sizes=style["sizes"],
    )
    for k, case in enumerate(cases):
        kind = "mwn"[k % 3]
        case.maker = "calc" if kind == "m" else "writer" if kind == "w" else ("calc", "writer")[k // 3 % 2]
        case.name = f"{prefix}-{kind}-{case.maker}-{k + 1}"
        case.font = rng.choice(style["fonts"])
        case.date_style = rng.choice(style["date_styles"])
        case.title = rng.choice(("（別添２）変更箇所", "変更箇所", ""))
        rows = case.rows
        n_rows = len(rows)
        if kind == "m":
            expl = _runs(rng, n_rows, style["span"], 0.7)
            _share_runs(rows, expl, ("explanation", "timing") if rng.random() < 0.5 else ("explanation",))
            _share_runs(rows, _runs(rng, n_rows, style["span"], 0.6), ("change_date",))
            case.merge_dates = True
            case.date_valign = rng.choice(MERGED_VALIGNS)
            keys = ["explanation"]
            if all(rows[a]["timing"] == rows[b]["timing"] for a, b in expl) and rng.random() < 0.5:
                keys.append("timing")
            case.merge_keys = tuple(keys)
            case.key_valigns = {"explanation": rng.choice(MERGED_VALIGNS)}
            case.slack_lines = rng.choice((0.5, 1.0))
        elif kind == "w":
            case.size = rng.choice(style["writer_sizes"])
            case.landscape = rng.random() < 0.4
            pool = [r for p in pools for r in json.loads(p.read_text("utf-8"))]
            _long_after(rng, rows, pool, 0.35)
            if rng.random() < 0.5:
                _share_runs(rows, _runs(rng, n_rows, style["span"], 0.5), ("change_date",))
                case.merge_keys = ("change_date_raw",)
                case.date_valign = rng.choice(MERGED_VALIGNS)
        else:
            # 提出時期 three characters wide (and the cell's padding): its label wraps
            # (提出時 / 期), 事前 / 事後 fits.
            shares = list(case.shares)
            shares[4] = (3 * case.size * PT_CM + style["timing_pad_cm"]) / mot._page_cm(case)
            total = sum(shares)
            case.shares = tuple(round(s / total, 3) for s in shares)
            for row in rng.sample(rows, k=max(1, n_rows // 4)):
                if row["after"].strip():
                    row["before"] = ""
        mot.date_cells(case)
    return cases


README = """# {name}: the `pdftotext -layout` kinds of issue 10 (branch layout21)

Small amendment tables written directly with openpyxl (`*-calc-*`) and python-docx (`*-writer-*`)
in the outsider styles, three kinds in turn: `m` Calc tables whose explanations (説明) and 変更日
are merged vertically over runs of rows (the runs of the two columns drawn apart; the merged
cells centred, at the top or at the foot; sometimes 提出時期 merged with the explanation); `w`
Writer tables in larger type whose rows break across pages under the repeated header, some
after cells long enough that their tail runs onto the next page, some with merged 変更日; `n`
tables with a narrow 提出時期 column (its label wraps) and rows with an empty before cell.
Converted with `soffice --headless --convert-to pdf`; each case is the PDF and its five
extractors' texts, with the truth in `expected/records.json` (the rows as written).  Settings
per case: `cases.json`.

`samples/office-layout21` draws from the tuning tables; `samples/heldout-layout21` from
`samples/heldout/tables`, with other sizes, fonts, date styles and longer spans: measure on it
only, never tune on it.

    python tools/make_layout21_samples.py --set office-layout21 --set heldout-layout21
    python tools/eval_office.py --family pdftotext-layout samples/office-layout21 samples/heldout-layout21
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("office-layout21", "heldout-layout21"), action="append")
    ap.add_argument("--only", default="", help="make only the cases whose name holds this")
    ns = ap.parse_args(argv)
    sets = ns.set or ["office-layout21", "heldout-layout21"]
    if "office-layout21" in sets:
        cases = layout21_cases("ly21", mot.TUNING_POOLS, 12, 2121, TUNING)
        mot.build(mot.SAMPLES / "office-layout21", [c for c in cases if ns.only in c.name], readme=README)
    if "heldout-layout21" in sets:
        cases = layout21_cases("hly21", mot.HELDOUT_POOLS, 9, 3121, HELDOUT)
        mot.build(mot.SAMPLES / "heldout-layout21", [c for c in cases if ns.only in c.name], readme=README)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
