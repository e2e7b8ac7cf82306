"""Calc tables where rows start in two-pass text (``pdftotext -raw``, pypdfium2): dates inside
before / after cells beside merged 変更日 cells over page breaks, and a column-label row wrapped in
a narrow 提出時期 column (issue 10, branch calc52: set XIII kinds 8 and 4), made by LibreOffice Calc.

    python tools/make_calc52_samples.py                        # both sets
    python tools/make_calc52_samples.py --set office-calc52    # or heldout-calc52

Three looks, each a run of consecutive rows of the set's pool (``make_office_samples._row_pool``)
with ``DATE_ROWS`` rows whose before / after cells are dates themselves
(``date_cells.with_date_rows``: a 第三者点検 実施日 row, Calc prints such a one-line date beside the
row's timing in pass 1), drawn by an RNG seeded with the case's name:

* ``merged``: 変更日 merged over runs of rows and over manual page breaks (``merge_over_breaks``,
  ``rows_per_page``), every cell top-aligned (the dates then print with the wrapped cells, beside
  the item's first line);
* ``narrow``: a 提出時期 column too narrow for its label (``提出時`` / ``期``), the header repeated
  on every page, dates and timings merged;
* ``fixed``: row heights set by hand (``fixed_heights``), dates centred, timings merged.

``office-calc52`` (tuning) draws from the tuning tables' rows; ``heldout-calc52`` (measure only,
never tune on it) from the held-out tables' rows, in the held-out fonts and sizes.  Each case keeps
its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from date_cells import with_date_rows
from make_office_samples import SAMPLES, Case, _row_pool, plain_case, sets_main, widths_of

# Rows per case (a contiguous run of the pool), and date-valued rows put in each case.
ROWS_PER_CASE = (7, 10)
DATE_ROWS = 3
# The 提出時期 column's width (Excel units) in the ``narrow`` look: its label wraps.
NARROW_TIMING_WIDTH = 4.5


def _run(rng: random.Random, pool: list[dict]) -> list[dict]:
    count = rng.randint(*ROWS_PER_CASE)
    start = rng.randint(0, len(pool) - count)
    return [dict(r) for r in pool[start : start + count]]


def _dated_rows(rng: random.Random, pool: list[dict], heldout: bool) -> list[dict]:
    rows = with_date_rows(rng, _run(rng, pool), DATE_ROWS, heldout)
    return [{**r, "change_date_raw": r.get("change_date_raw", "")} for r in rows]


def _cases(heldout: bool) -> list[Case]:
    prefix = "hc52" if heldout else "c52"
    pool = _row_pool(heldout)
    cases: list[Case] = []

    rng = random.Random(f"{prefix}-merged")
    c = plain_case(f"{prefix}-calc-merged", _dated_rows(rng, pool, heldout), "calc", heldout, "wareki")
    cases.append(
        replace(
            c,
            merge=True,
            merge_over_breaks=True,
            merge_keys=("change_date_raw",),
            rows_per_page=3,
            valign="top",
            repeat_header=True,
            real_dates=False,
        )
    )

    rng = random.Random(f"{prefix}-narrow")
    c = plain_case(f"{prefix}-calc-narrow", _dated_rows(rng, pool, heldout), "calc", heldout)
    w = list(widths_of("calc", heldout)[0])
    w[4] = NARROW_TIMING_WIDTH
    cases.append(
        replace(
            c,
            widths=tuple(w),
            merge=True,
            merge_keys=("change_date_raw", "timing"),
            rows_per_page=4,
            valign="top",
            repeat_header=True,
        )
    )

    rng = random.Random(f"{prefix}-fixed")
    c = plain_case(f"{prefix}-calc-fixed", _dated_rows(rng, pool, heldout), "calc", heldout, "wareki")
    cases.append(
        replace(
            c,
            merge=True,
            merge_keys=("change_date_raw", "timing"),
            valign="top",
            valign_of={"change_date_raw": "center"},
            fixed_heights=True,
            rows_per_page=None,
            real_dates=False,
        )
    )
    return cases


SETS = {
    "office-calc52": (SAMPLES / "office-calc52", lambda: _cases(False)),
    "heldout-calc52": (SAMPLES / "heldout-calc52", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
