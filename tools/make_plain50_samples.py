"""Calc tables whose added rows print 新規追加 in the before cell at the cell's top, and Writer
tables of narrow, equal columns whose long after cells run down the page, for plain
``pdftotext`` (issues 10 and 12, session 50: set XI's FAULTS.md kind 4).

    python tools/make_plain50_samples.py                          # both sets
    python tools/make_plain50_samples.py --set office-plain50      # or heldout-plain50

Plain ``pdftotext`` orders a LibreOffice table's text boxes column by column and merges
vertically adjacent cells of one column into one box; a short box (``新規追加``) at its cell's
top comes before the taller after cell of its row, and a before cell's wrapped line that fills
its column shares a line with the after cell's line beside it.  Calc cases: a contiguous run of
a pool of tables' rows (``make_office_samples.varied_case``'s look), top-aligned, some rows made
additions (before ``新規追加``, the after cell as it was), each after cell longer than its before
(``make_writer47_samples._shared_openings``: the after opens with the before's lines).  Writer
cases: as tools/make_writer47_samples.py makes them (long cells, rows breaking over pages).

``office-plain50`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-plain50`` (measure only, never tune on it) ``HELDOUT_CASES`` from the held-out tables'
rows, in the held-out fonts.
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
from make_office_samples import Case, varied_case
from make_writer47_samples import _shared_openings, _writer_case

# Cases per set and maker: (calc, writer).
TUNING_CASES = (3, 2)
HELDOUT_CASES = (2, 2)
# Calc: rows per case (a contiguous run of the pool).
ROW_COUNTS = (6, 8, 10)
# Calc: share of rows made additions (before 新規追加), at least one per case.
ADDED_SHARE = 0.25
ADDED_MARK = "新規追加"


def _added(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with some (at least one, not the first) made additions: the before cell
    ``新規追加``, the after cell as it was."""
    picks = {k for k in range(1, len(rows)) if rng.random() < ADDED_SHARE} or {rng.randrange(1, len(rows))}
    return [dict(r, before=ADDED_MARK) if k in picks and r["after"] else r for k, r in enumerate(rows)]


def _calc_case(name: str, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-plain50-{name}")
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], "calc", heldout=heldout)
    return replace(
        c,
        rows=_added(_shared_openings(c.rows), rng),
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        valign="top",
        valign_of={},
        fallback_glyphs="○□",
    )


SETS = calc_writer_sets(
    "plain50",
    "p50",
    lambda held: tuple(zip(("calc", "writer"), HELDOUT_CASES if held else TUNING_CASES, strict=True)),
    _pool,
    _calc_case,
    _writer_case,
)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
