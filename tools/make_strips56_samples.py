"""Calc sheets too wide for the page (their last columns printed on pages of their own) and
``pdftotext -layout -enc Shift-JIS`` texts (issues 10 and 11, branch strips56: set XVII kinds 10
and 11), made by LibreOffice Calc and Writer and poppler.

    python tools/make_strips56_samples.py                          # both sets
    python tools/make_strips56_samples.py --set office-strips56    # or heldout-strips56

Five looks, each a run of consecutive rows of the set's pool (``make_office_samples._row_pool``),
drawn by an RNG seeded with the case's name:

* ``down``: a Calc sheet not fitted to the page's width, its columns widened so that 提出時期 and
  説明 print on pages of their own, in Calc's default page order (top to bottom, then right:
  every page of the first columns, then every page of the last ones), the label row repeated;
* ``over``: the same in the other page order (left to right, then down);
* ``nohead``: ``down`` without the label row repeated (only the first page of each strip prints
  its labels);
* ``fit``: a Calc sheet fitted to the page (one strip) and ``table``: a Writer table, both for
  their Shift-JIS texts;
* ``bare`` (tuning set only, a PDF without texts): a fitted Calc sheet whose body has no rulings,
  none of whose rows is read today (a known fault, said: status partial).

Each case keeps its PDF, its UTF-8 ``-layout`` text, poppler's Shift-JIS bytes (``-layout`` and
plain) and pypdfium2's text joined with line ends (``make_office_samples.STRIPS_TEXTS``).
``office-strips56`` (tuning) draws from the tuning tables' rows; ``heldout-strips56`` (measure
only, never tune on it) from the held-out tables' rows, in the held-out fonts and sizes.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import SAMPLES, Case, _row_pool, plain_case, sets_main

# Rows per case (a contiguous run of the pool).
ROWS_PER_CASE = (6, 9)
# The columns of a case's drawn widths are widened by this factor: the sheet no longer fits an
# A4 landscape page, and Calc prints 提出時期 / 説明 on pages of their own.
WIDEN = 1.25


def _run(rng: random.Random, pool: list[dict]) -> list[dict]:
    count = rng.randint(*ROWS_PER_CASE)
    start = rng.randint(0, len(pool) - count)
    return [dict(r) for r in pool[start : start + count]]


def _wide(c: Case, **kw: object) -> Case:
    return replace(c, widths=tuple(round(w * WIDEN, 1) for w in c.widths), fit_width=False, **kw)  # type: ignore[arg-type]


def _cases(heldout: bool) -> list[Case]:
    prefix = "hs56" if heldout else "s56"
    pool = _row_pool(heldout)
    cases: list[Case] = []
    for look in ("down", "over", "nohead", "fit", "table"):
        rng = random.Random(f"{prefix}-{look}")
        maker = "writer" if look == "table" else "calc"
        # (a narrow 変更日 column prints a slash date as ###; a wareki date wraps)
        style = "wareki" if look == "fit" else None
        c = plain_case(f"{prefix}-{maker}-{look}", _run(rng, pool), maker, heldout, style)
        if look == "down":
            c = _wide(c, repeat_header=True)
        elif look == "over":
            c = _wide(c, repeat_header=True, page_order="overThenDown")
        elif look == "nohead":
            c = _wide(c, repeat_header=False)
        # ○ □ drawn from a fallback font in runs of their own (make_office_samples.Case)
        cases.append(replace(c, fallback_glyphs="○□"))
    if not heldout:
        # A fitted Calc sheet whose body has no rulings: its label row prints but the reader reads
        # none of its rows (a known fault, status partial: tests/test_pdf_rows_kept.py).
        rng = random.Random(f"{prefix}-bare")
        c = plain_case(f"{prefix}-calc-bare", _run(rng, pool), "calc", heldout)
        cases.append(replace(c, inner_rule="none", texts=False, fallback_glyphs="○□"))
    return cases


SETS = {
    "office-strips56": (SAMPLES / "office-strips56", lambda: _cases(False)),
    "heldout-strips56": (SAMPLES / "heldout-strips56", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
