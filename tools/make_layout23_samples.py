"""Bottom-aligned tables with merged cells, and wide 和暦 dates, in ``-layout`` text (issue 10, layout23).

    python tools/make_layout23_samples.py                 # both sets
    python tools/make_layout23_samples.py --set office-layout23
    python tools/make_layout23_samples.py --set heldout-layout23

Three kinds of table, in turn, written directly with openpyxl (.xlsx) or python-docx (.docx) in
the outsider styles of ``tools/make_outsider_tables.py`` (whose writers, converter and
extractors this reuses) and converted with ``soffice --headless --convert-to pdf``:

- ``b`` (Writer): the body cells at the foot of their rows (the item at the top or at the foot
  too), 変更日 merged over runs of two or three rows and centred on them, 提出時期 and 説明
  merged over runs of their own;
- ``c`` (Calc): every cell at the foot of its row, 説明 merged over runs of two or three rows
  (at the foot or centred), 変更日 sometimes merged too;
- ``e`` (either maker): a column of short dates (``2023/2/6``, ``R5.2.6``) in which one or two
  rows print a 和暦 date far wider (``令和５年１２月２５日``), some before cells short.

Each case keeps the PDF and the five extractors' texts, with the truth (``expected/records.json``,
the rows as written).  ``samples/office-layout23`` draws its cells from the tuning tables;
``samples/heldout-layout23`` from ``samples/heldout/tables`` with other seeds, sizes and spans:
measure on it only, never tune on it.

    python tools/eval_office.py --family pdftotext-layout samples/office-layout23 samples/heldout-layout23
"""

from __future__ import annotations

import random
from pathlib import Path

import make_outsider_tables as mot
from flatten import render_date
from make_layout21_samples import _runs, _share_runs

TUNING = {
    "sizes": (9.0, 10.0, 11.0),
    "writer_sizes": (9.0, 10.0, 10.5),
    "fonts": ("IPAexGothic", "IPAexMincho"),
    "short_styles": ("slash", "short"),
    "wide_styles": ("wareki_fw", "wareki"),
    "span": (2, 3),
}
HELDOUT = {
    "sizes": (8.5, 9.5, 10.5),
    "writer_sizes": (8.5, 9.5, 11.0),
    "fonts": ("IPAexMincho", "IPAexGothic"),
    "short_styles": ("slash0", "short", "slash"),
    "wide_styles": ("wareki_fw", "seireki"),
    "span": (2, 3),
}
SHORT_BEFORES = ("なし", "－", "（なし）", "未記載")


def layout23_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, style: dict) -> list[mot.Case]:
    """``n`` cases of the kinds b, c, e in turn (module docstring), drawn with ``seed``."""
    rng = random.Random(seed + 23)
    cases = mot.draw_cases(
        prefix, pools, n, seed=seed, valigns=("bottom",), rows_per_case=(8, 11), sizes=style["sizes"]
    )
    for k, case in enumerate(cases):
        kind = "bce"[k % 3]
        case.maker = "writer" if kind == "b" else "calc" if kind == "c" else ("calc", "writer")[k // 3 % 2]
        mot.named_look(case, rng, prefix, kind, k, style["fonts"])
        rows = case.rows
        n_rows = len(rows)
        short = rng.choice(style["short_styles"])
        if kind == "b":
            case.size = rng.choice(style["writer_sizes"])
            case.valign = rng.choice(("bottom", "top-bottom"))
            _share_runs(rows, _runs(rng, n_rows, style["span"], 0.8), ("change_date",))
            _share_runs(rows, _runs(rng, n_rows, style["span"], 0.7), ("explanation", "timing"))
            case.merge_keys = ("change_date_raw", "timing", "explanation")
            case.date_valign = "center"
        elif kind == "c":
            case.valign = "bottom"
            _share_runs(rows, _runs(rng, n_rows, style["span"], 0.8), ("explanation",))
            case.merge_keys = ("explanation",)
            case.key_valigns = {"explanation": rng.choice(("bottom", "center"))}
            if rng.random() < 0.5:
                _share_runs(rows, _runs(rng, n_rows, style["span"], 0.5), ("change_date",))
                case.merge_dates = True
                case.date_valign = "center"
            case.slack_lines = rng.choice((0.5, 1.0))
        else:
            case.valign = rng.choice(("bottom", "top", "center"))
            for row in rng.sample(rows, k=max(1, n_rows // 4)):
                if row["after"].strip():
                    row["before"] = rng.choice(SHORT_BEFORES)
        for row in rows:
            row["change_date_raw"] = render_date(row["change_date"], short)
        if kind == "e":
            for row in rng.sample(rows, k=rng.randint(1, 2)):
                row["change_date_raw"] = render_date(row["change_date"], rng.choice(style["wide_styles"]))
        case.date_style = short
    return cases


README = """# {name}: bottom-aligned merged cells, wide 和暦 dates in `-layout` text (issue 10, layout23)

Small amendment tables written directly with openpyxl (`*-calc-*`) and python-docx (`*-writer-*`)
in the outsider styles, three kinds in turn: `b` Writer tables whose body cells stand at the foot
of their rows, 変更日 merged over runs of rows and centred, 提出時期 and 説明 merged; `c` Calc
tables, every cell at the foot, 説明 merged over runs of two or three rows; `e` tables of short
dates in which one or two rows print a far wider 和暦 date, some before cells short.  Converted
with `soffice --headless --convert-to pdf`; each case is the PDF and its five extractors' texts,
with the truth in `expected/records.json` (the rows as written).  Settings per case: `cases.json`.

`samples/office-layout23` draws from the tuning tables; `samples/heldout-layout23` from
`samples/heldout/tables`, with other seeds, sizes and date styles: measure on it only, never tune on it.

    python tools/make_layout23_samples.py --set office-layout23 --set heldout-layout23
    python tools/eval_office.py --family pdftotext-layout samples/office-layout23 samples/heldout-layout23
"""

# Each set: (case prefix, tables drawn from, cases, seed, styles).
SETS = {
    "office-layout23": ("ly23", mot.TUNING_POOLS, 9, 2323, TUNING),
    "heldout-layout23": ("hly23", mot.HELDOUT_POOLS, 6, 3323, HELDOUT),
}


def main(argv: list[str] | None = None) -> int:
    return mot.build_sets(__doc__, SETS, layout23_cases, README, argv)


if __name__ == "__main__":
    raise SystemExit(main())
