"""Calc tables over two or three pages under a repeated header row, wide before / after columns
and tight rows, in ``-layout`` text (issues 10 / 12, branch layout47).

    python tools/make_layout47_samples.py                 # both sets
    python tools/make_layout47_samples.py --set office-layout47
    python tools/make_layout47_samples.py --set heldout-layout47

Calc tables (openpyxl .xlsx, converted with ``soffice --headless --convert-to pdf``) in the
outsider styles of ``tools/make_outsider_tables.py`` (whose writer, converter and extractors this
reuses), as a new user's unseen set printed them:

- 14 to 22 rows, so that the table runs over two or three pages, Calc repeating the header row
  at the top of each page (``print_title_rows``);
- wide before / after columns (about a third of the width each) beside narrow 変更日 / 提出時期
  columns, so that the before cell's lines end close to the after cell's start;
- rows as tall as their text and no more (``slack_lines`` 0: a page's last row fills the page);
- runs of two to four rows sharing one date in a merged 変更日 cell;
- one-line after cells (``削除``, ``新規追加``) beside before cells of several lines, and one-line
  before cells (``（新規）``) beside several-line after cells.

Writer, converter, extractors and truth files: ``make_outsider_tables.build``.  Tuning set
``samples/office-layout47`` (8 cases, tuning tables); held-out set ``samples/heldout-layout47``
(4 cases, ``samples/heldout/tables``, other sizes, widths and date styles: never tuned on).
Measured with ``tools/eval_office.py --family pdftotext-layout`` on both.
"""

from __future__ import annotations

import random
from pathlib import Path

import make_outsider_tables as mot
from flatten import render_date

TUNING = {
    "sizes": (9.0, 10.0),
    "fonts": ("IPAexGothic", "IPAexMincho"),
    "date_styles": ("slash", "wareki", "short"),
    "shares": ((0.09, 0.13, 0.31, 0.31, 0.06, 0.1), (0.08, 0.15, 0.3, 0.3, 0.07, 0.1)),
    "valigns": ("top", "center"),
}
HELDOUT = {
    "sizes": (9.5, 10.5),
    "fonts": ("IPAexMincho", "IPAexGothic"),
    "date_styles": ("slash0", "wareki_fw", "seireki"),
    "shares": ((0.085, 0.14, 0.32, 0.3, 0.065, 0.09),),
    "valigns": ("top", "center"),
}
SHORT_AFTERS = ("削除", "新規追加")
SHORT_BEFORES = ("（新規）", "新規")


def layout47_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, style: dict) -> list[mot.Case]:
    """``n`` Calc cases of the kind in the module docstring, drawn with ``seed``."""
    cases = mot.draw_cases(prefix, pools, n, seed=seed, rows_per_case=(14, 22), sizes=style["sizes"])
    for k, case in enumerate(cases):
        rng = random.Random(f"{seed}-{k}")  # each case its own draws
        case.maker = "calc"
        case.name = f"{prefix}-calc-{k + 1}"
        case.font = rng.choice(style["fonts"])
        case.size = rng.choice(style["sizes"])
        case.title = rng.choice(("（別添２）変更箇所", "変更箇所", ""))
        case.date_style = rng.choice(style["date_styles"])
        case.landscape = rng.random() < 0.5
        case.valign = rng.choice(style["valigns"])
        case.shares = rng.choice(style["shares"])
        case.slack_lines = 0.0
        case.merge_keys = ()
        case.rich_dates = False
        rows = case.rows
        for row in rng.sample(rows, k=max(3, len(rows) // 3)):
            if len(row["before"]) > 20 and rng.random() < 0.7:
                row["after"] = rng.choice(SHORT_AFTERS)
            elif len(row["after"]) > 20:
                row["before"] = rng.choice(SHORT_BEFORES)
        mot.merge_date_runs(rng, case, longest=4, share=0.5)
        for row in rows:
            row["change_date_raw"] = render_date(row["change_date"], case.date_style)
    return cases


# The set's README: this module's description under the set's name.
README = "# {name} (branch layout47)\n\n" + __doc__.replace("{", "{{").replace("}", "}}")

SETS = {  # name: (case prefix, tables drawn from, cases, seed, styles)
    "office-layout47": ("ly47", mot.TUNING_POOLS, 8, 4747, TUNING),
    "heldout-layout47": ("hly47", mot.HELDOUT_POOLS, 4, 9047, HELDOUT),
}

if __name__ == "__main__":
    raise SystemExit(mot.build_sets(__doc__, SETS, layout47_cases, README))
