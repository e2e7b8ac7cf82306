"""LibreOffice Writer tables (portrait and landscape, 10–12 pt, rows breaking over pages under a
repeated header row) and a few Calc tables whose 変更後 cells open with the 変更前 cell's lines,
for the box-order texts (pdfminer ``extract_text``, plain ``pdftotext``) of issues 10 and 12
(session 47: the Writer tables of two new users' sets, read column by column).

    python tools/make_writer47_samples.py                          # both sets
    python tools/make_writer47_samples.py --set office-writer47     # or heldout-writer47

Each case is ``make_office_samples.varied_case`` of a contiguous run of a pool of tables' rows,
then: Writer cases take a font size from ``SIZES``, half of them an A4 portrait page (the column
widths scaled to ``PORTRAIT_TABLE_CM``), their before / after cells made ``LONG_TIMES`` times as
long (so rows break over pages) and the header row repeated; Calc cases have every 変更後 cell
open with its row's 変更前 cell (the after cell = the before cell's lines + its own), as filings
that add lines to a cell print them.

``office-writer47`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-writer47`` (measure only, never tune on it) ``HELDOUT_CASES`` from the held-out tables'
rows, in the held-out fonts and sizes.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, calc_writer_sets
from make_office_samples import Case, _long_rows, varied_case

# Cases per set and maker: (writer, calc).
TUNING_CASES = (4, 2)
HELDOUT_CASES = (3, 2)
# Font sizes (pt) of the Writer cases, disjoint between the sets.
SIZES = {False: (10.0, 11.0, 12.0), True: (10.5, 11.5)}
# Writer: the table's width on a portrait A4 page (21 cm less two 2 cm margins), cm.
PORTRAIT_TABLE_CM = 16.8
# Writer: how many times the before / after cells' paragraphs are repeated.
LONG_TIMES = (2, 3)
# Rows per case: a contiguous run of the pool.
ROW_COUNTS = (5, 7, 9)


def _writer_case(name: str, pool: list[dict], heldout: bool, k: int) -> Case:
    rng = random.Random(f"piatable-writer47-{name}")
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], "writer", heldout=heldout)
    portrait = k % 2 == 1
    widths = c.widths
    if portrait:
        scale = PORTRAIT_TABLE_CM / sum(widths)
        widths = tuple(round(w * scale, 1) for w in widths)
    return replace(
        c,
        rows=_long_rows(c.rows, rng, LONG_TIMES),
        widths=widths,
        portrait=portrait,
        size=rng.choice(SIZES[heldout]),
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        repeat_header=True,
        fallback_glyphs="○□",
    )


def _shared_openings(rows: list[dict]) -> list[dict]:
    """Each row's after cell opening with its before cell's lines (unless it already does)."""
    out = []
    for r in rows:
        if r["before"] and r["after"] and not r["after"].startswith(r["before"]):
            r = dict(r, after=f"{r['before']}\n{r['after']}")
        out.append(r)
    return out


def _calc_case(name: str, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-writer47-{name}")
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], "calc", heldout=heldout)
    return replace(
        c,
        rows=_shared_openings(c.rows),
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        fallback_glyphs="○□",
    )


SETS = calc_writer_sets(
    "writer47",
    "w47",
    lambda held: tuple(zip(("writer", "calc"), HELDOUT_CASES if held else TUNING_CASES, strict=True)),
    _pool,
    _calc_case,
    _writer_case,
)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
