"""Writer rows broken over a page under a repeated label row, and Calc cells whose long unbroken
lines fill a narrow column, in ``-layout`` text (issues 10 / 12, branch layout46).

    python tools/make_layout46_samples.py                 # both sets
    python tools/make_layout46_samples.py --set office-layout46
    python tools/make_layout46_samples.py --set heldout-layout46

Two kinds of table, in turn, written directly with python-docx (.docx) or openpyxl (.xlsx) in
the outsider styles of ``tools/make_outsider_tables.py`` (whose writers, converter and
extractors this reuses) and converted with ``soffice --headless --convert-to pdf``:

- ``w`` (Writer): items of four headings or more (paths of the tables, down to a heading such as
  法令上の根拠), before cells of two or more paragraphs, so that rows break over a page; Writer repeats
  the label row above each row's tail (a tester's tables: the tail's lines read as a junk row);
  half of them portrait with a 提出時期 column one character wide (its label printed 提 / 出 / 時 /
  期) beside a narrow 説明 column (its label wrapped: 提出時期 / に係る説 / 明);
- ``c`` (Calc): 8 or 9 pt, narrow before / after columns; before cells of legal references with
  half-width numbers typed without a break (``番号法第19条第8号　別表第二の9の項``), the after
  cell often a short ``削除`` or ``新規追加``, so that a before line filling its column ends at
  the after column's edge with no gap of spaces in the ``-layout`` text.

Writers, converter, extractors and truth files: ``make_outsider_tables.build``.  Tuning set
``samples/office-layout46`` (14 cases, tuning tables); held-out set ``samples/heldout-layout46``
(6 cases, ``samples/heldout/tables``, other sizes and date styles: never tuned on).
Measured with ``tools/eval_office.py --family pdftotext-layout`` on both.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import make_outsider_tables as mot

TUNING = {
    "writer_sizes": (10.0, 10.5, 11.0),
    "calc_sizes": (8.0, 9.0),
    "fonts": ("IPAexGothic", "IPAexMincho"),
    "date_styles": ("slash", "wareki", "short"),
    "calc_shares": ((0.09, 0.17, 0.17, 0.17, 0.07, 0.16), (0.08, 0.18, 0.15, 0.16, 0.06, 0.2)),
    "narrow_timing_shares": ((0.09, 0.2, 0.29, 0.29, 0.035, 0.095), (0.1, 0.22, 0.27, 0.27, 0.035, 0.105)),
}
HELDOUT = {
    "writer_sizes": (9.5, 12.0),
    "calc_sizes": (8.5, 9.5),
    "fonts": ("IPAexMincho", "IPAexGothic"),
    "date_styles": ("slash0", "wareki_fw", "seireki"),
    "calc_shares": ((0.085, 0.16, 0.16, 0.17, 0.065, 0.2),),
    "narrow_timing_shares": ((0.1, 0.19, 0.28, 0.28, 0.04, 0.11),),
}
# Legal references typed as one unbroken paragraph, half-width numbers (a tester's Calc tables).
LAW_REFS = (
    "番号法第19条第{a}号　別表第二の{b}の項",
    "番号法第9条第1項　別表第一の{b}の項",
    "行政手続における特定の個人を識別するための番号の利用等に関する法律第19条第{a}号　別表第二の{b}の項",
    "番号法第19条第{a}号　別表第二の{b}の項、{c}の項",
    "住民基本台帳法第30条の{a}第{b}項",
    "番号法第19条第{a}号　別表第二の{b}の項（平成25年法律第27号）",
    "住基法第30条の{a}、第30条の1{a}、第30条の{b}",
)
SHORT_AFTERS = ("削除", "新規追加", "削除", "（削除）")


def _law_ref(rng: random.Random) -> str:
    return rng.choice(LAW_REFS).format(a=rng.randint(7, 9), b=rng.randint(1, 120), c=rng.randint(1, 120))


def _long_cells(rng: random.Random, row: dict, pool: list[dict]) -> None:
    """The row's before cell (and at times its after cell) gets one more paragraph of other
    rows' text, so that a row's item and before cells are about as tall, and a page break
    falling in the row cuts both."""
    texts = [r[k] for r in pool for k in ("before", "after") if 30 < len(r[k]) < 120]
    for key, share in (("before", 0.8), ("after", 0.3)):
        if texts and rng.random() < share:
            row[key] = "\n".join([row[key], rng.choice(texts)]).strip("\n")


def layout46_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, style: dict) -> list[mot.Case]:
    """``n`` cases of the kinds w, c in turn (module docstring), drawn with ``seed``."""
    cases = mot.draw_cases(prefix, pools, n, seed=seed, rows_per_case=(6, 9), sizes=style["writer_sizes"])
    pool_rows = [r for p in pools for r in json.loads(p.read_text("utf-8"))]
    # Items of four headings or more (a path down to a heading such as 法令上の根拠), as printed.
    deep = sorted({r["item"] for r in pool_rows if r["item"].count("\n") >= 3})
    for k, case in enumerate(cases):
        rng = random.Random(f"{seed}-{k}")  # each case its own draws
        kind = "wc"[k % 2]
        case.maker = "calc" if kind == "c" else "writer"
        mot.named_look(case, rng, prefix, kind, k, style["fonts"])
        case.date_style = rng.choice(style["date_styles"])
        case.merge_keys = ()
        rows = case.rows
        if kind == "w":
            case.landscape = rng.random() < 0.5
            case.valign = "top"
            for row in rows:
                if row["item"].count("\n") < 3 and deep and rng.random() < 0.8:
                    row["item"] = rng.choice(deep)
                _long_cells(rng, row, pool_rows)
            if rng.random() < 0.5:
                # A 提出時期 column one character wide: its label prints 提 / 出 / 時 / 期, and
                # so does the label row Writer repeats above a row's tail.
                case.shares = rng.choice(style["narrow_timing_shares"])
                case.landscape = False
        else:
            case.size = rng.choice(style["calc_sizes"])
            case.landscape = rng.random() < 0.5
            case.valign = rng.choice(("top", "center"))
            case.shares = rng.choice(style["calc_shares"])
            case.slack_lines = 0.5
            for row in rng.sample(rows, k=max(3, (2 * len(rows)) // 3)):
                refs = [_law_ref(rng) for _ in range(rng.randint(1, 2))]
                row["before"] = "\n".join(refs)
                if rng.random() < 0.6:
                    row["after"] = rng.choice(SHORT_AFTERS)
                else:
                    row["after"] = "\n".join(_law_ref(rng) for _ in refs)
        mot.date_cells(case)
    return cases


# The set's README: this module's description under the set's name.
README = "# {name} (branch layout46)\n\n" + __doc__.replace("{", "{{").replace("}", "}}")

SETS = {  # name: (case prefix, tables drawn from, cases, seed, styles)
    "office-layout46": ("ly46", mot.TUNING_POOLS, 14, 4646, TUNING),
    "heldout-layout46": ("hly46", mot.HELDOUT_POOLS, 6, 9046, HELDOUT),
}

if __name__ == "__main__":
    raise SystemExit(mot.build_sets(__doc__, SETS, layout46_cases, README))
