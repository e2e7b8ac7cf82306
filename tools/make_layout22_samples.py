"""Amendment tables whose 変更日 is merged over runs of rows and centred (issue 10, branch layout22).

    python tools/make_layout22_samples.py                 # both sets
    python tools/make_layout22_samples.py --set office-layout22
    python tools/make_layout22_samples.py --set heldout-layout22

The ``m`` (Calc) and ``w`` (Writer) kinds of ``tools/make_layout21_samples.py`` (whose drawing
this reuses), every 変更日 merged over runs of one to four rows and centred vertically on them
(the body at the top, centred or at the foot), in IPAex Gothic or Mincho at 8–11 pt.  Whole
``-layout`` lines round where a centred date stands by up to half a line, so a row at a run's
edge may be read into the neighbouring date's run: the kind ``normalize/centred_dates.py``
warns.  Each case keeps the PDF and the five extractors' texts, with the truth
(``expected/records.json``).  ``samples/office-layout22`` draws from the tuning tables,
``samples/heldout-layout22`` from ``samples/heldout/tables`` with other seeds, sizes and spans:
measure on it only, never tune on it.

    python tools/eval_office.py --family pdftotext-layout samples/office-layout22 samples/heldout-layout22
"""

from __future__ import annotations

import random

import make_layout21_samples as ly21
import make_outsider_tables as mot

TUNING = {
    **ly21.TUNING,
    "sizes": (8.0, 9.0, 10.0, 11.0),
    "writer_sizes": (9.0, 10.0, 11.0),
    "span": (2, 4),
}
HELDOUT = {
    **ly21.HELDOUT,
    "sizes": (8.5, 9.5, 10.5),
    "writer_sizes": (8.5, 9.5, 10.5),
    "span": (2, 4),
}


def layout22_cases(prefix: str, pools: tuple, n: int, seed: int, style: dict) -> list[mot.Case]:
    """``n`` cases of the kinds m and w (module docstring), their 変更日 merged and centred."""
    cases = [c for c in ly21.layout21_cases(prefix, pools, n * 2, seed, style) if "-n-" not in c.name][:n]
    for case in cases:
        if case.maker == "writer" and not case.merge_keys:
            rows = case.rows
            runs = ly21._runs(random.Random(seed + len(rows)), len(rows), style["span"], 0.6)
            ly21._share_runs(rows, runs, ("change_date", "change_date_raw"))
            case.merge_keys = ("change_date_raw",)
        case.date_valign = "center"
    return cases


README = """# {name}: centred merged 変更日 in `pdftotext -layout` text (issue 10, branch layout22)

Small amendment tables written directly with openpyxl (`*-calc-*`) and python-docx
(`*-writer-*`): the `m` and `w` kinds of `tools/make_layout21_samples.py`, every 変更日 merged
over runs of rows and centred on them, in IPAex Gothic or Mincho at 8–11 pt.  Converted with
`soffice --headless --convert-to pdf`; each case is the PDF and its five extractors' texts, with
the truth in `expected/records.json` (the rows as written).  Settings per case: `cases.json`.

`samples/office-layout22` draws from the tuning tables; `samples/heldout-layout22` from
`samples/heldout/tables`, with other seeds and sizes: measure on it only, never tune on it.

    python tools/make_layout22_samples.py --set office-layout22 --set heldout-layout22
    python tools/eval_office.py --family pdftotext-layout samples/office-layout22 samples/heldout-layout22
"""


# Each set: (case prefix, tables drawn from, cases, seed, styles).
SETS = {
    "office-layout22": ("ly22", mot.TUNING_POOLS, 8, 2222, TUNING),
    "heldout-layout22": ("hly22", mot.HELDOUT_POOLS, 6, 3222, HELDOUT),
}


def main(argv: list[str] | None = None) -> int:
    return mot.build_sets(__doc__, SETS, layout22_cases, README, argv)


if __name__ == "__main__":
    raise SystemExit(main())
