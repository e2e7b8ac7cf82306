"""Amendment tables with a two-row column-label row (issues 10/11/12, branch header53: set XIV
kind 4), made by LibreOffice Writer, LibreOffice Calc and AbiWord.

    python tools/make_header53_samples.py                          # both sets
    python tools/make_header53_samples.py --set office-header53    # or heldout-header53

A two-row label row prints a spanning label (``変更箇所``) in its upper row over the columns
whose own labels print in its lower row (変更前の記載 / 変更後の記載, or 変更日 … 変更後の記載),
the other labels (提出時期, 提出時期に係る説明) merged over both rows or printed in the upper row
with an empty cell under them (``Case.span_label`` / ``span_cols`` / ``span_merge_down``).
Kinds (each a run of consecutive rows of the set's pool, ``make_office_samples._row_pool``, its
look drawn by an RNG seeded with the case's name):

* ``writer``: long rows (``_long_distinct_rows``) running over page breaks under the two header
  rows repeated on every page, a 提出時期 column narrow enough that its label prints one
  character per line, 12 pt (set XIV t05's look);
* ``wide``: a Writer table with the spanning label over 変更日 … 変更後の記載, rows over page breaks;
* ``calc``: print titles of two rows (both repeated), a manual page break every few rows;
* ``flat``: the Calc look, the labels not spanned left unmerged (an empty cell under each);
* ``abiword``: the .docx printed by AbiWord (its header rows repeated or not as it does).

``office-header53`` (tuning) draws from the tuning tables' rows in the tuning fonts;
``heldout-header53`` (measure only, never tune on it) from the held-out tables' rows in the
held-out fonts and sizes.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import (
    HELDOUT_FONTS,
    SAMPLES,
    TUNING_FONTS,
    Case,
    _long_distinct_rows,
    _row_pool,
    plain_case,
    sets_main,
    widths_of,
)

# Rows per case (a contiguous run of the pool).
ROWS_PER_CASE = (5, 8)
# Writer: column widths (cm) of an A4 portrait page (17 cm) with a 提出時期 column one
# character wide at 12 pt (its label prints 提 / 出 / 時 / 期), and the size of set XIV t05.
WRITER_WIDTHS = ((2.0, 3.2, 4.0, 4.0, 0.9, 2.9), (1.9, 3.4, 3.9, 3.9, 1.0, 2.9))
WRITER_SIZES = (12.0, 11.0)
# Calc: a manual page break every this many rows.
CALC_ROWS_PER_PAGE = (2, 3)


# Cases drawn again under the name + ``-r`` (their own seed): hh53-wide's first draw printed a
# row's explanation in pieces the truth check could not find (``NotPrinted``).
REDRAWN = frozenset({"hh53-wide"})


def _run(rng: random.Random, pool: list[dict]) -> list[dict]:
    count = rng.randint(*ROWS_PER_CASE)
    start = rng.randint(0, len(pool) - count)
    return [dict(r) for r in pool[start : start + count]]


def _cases(heldout: bool) -> list[Case]:
    prefix = "hh53" if heldout else "h53"
    pool = _row_pool(heldout)
    fonts = HELDOUT_FONTS if heldout else TUNING_FONTS
    span = "変更内容" if heldout else "変更箇所"
    cases: list[Case] = []

    for kind, cols in (("writer", (2, 3)), ("wide", (0, 3))):
        name = f"{prefix}-{kind}"
        name += "-r" if name in REDRAWN else ""
        rng = random.Random(name)
        c = plain_case(name, _run(rng, pool), "writer", heldout, "seireki")
        rows = _long_distinct_rows(_long_distinct_rows(c.rows, rng), rng)  # rows over pages
        cases.append(
            replace(
                c,
                rows=rows,
                portrait=True,
                font=rng.choice(fonts),
                size=rng.choice(WRITER_SIZES),
                widths=rng.choice(WRITER_WIDTHS),
                valign="top",
                repeat_header=True,
                merge=False,
                span_label=span,
                span_cols=cols,
            )
        )

    for kind, down in (("calc", True), ("flat", False)):
        name = f"{prefix}-{kind}"
        rng = random.Random(name)
        c = plain_case(name, _run(rng, pool), "calc", heldout, "wareki")
        cases.append(
            replace(
                c,
                widths=widths_of("calc", heldout)[0],
                rows_per_page=rng.choice(CALC_ROWS_PER_PAGE),
                repeat_header=True,
                real_dates=False,
                span_label=span,
                span_cols=(2, 3),
                span_merge_down=down,
            )
        )

    name = f"{prefix}-abiword"
    rng = random.Random(name)
    c = plain_case(name, _run(rng, pool), "writer", heldout, "wareki")
    cases.append(
        replace(
            c,
            rows=_long_distinct_rows(c.rows, rng),
            program="abiword",
            repeat_header=True,
            merge=False,
            span_label=span,
            span_cols=(2, 3),
        )
    )
    # Characters the held-out fonts lack (drawn from another font, out of the text's order)
    # are left out of the truth check, as boxes42's.
    return [replace(c, fallback_glyphs="○□△") for c in cases]


SETS = {
    "office-header53": (SAMPLES / "office-header53", lambda: _cases(False)),
    "heldout-header53": (SAMPLES / "heldout-header53", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
