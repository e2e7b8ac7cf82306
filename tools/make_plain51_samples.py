"""Calc tables at Calc's default bottom alignment (or centred) whose rows mix a tall cell with
one-line cells — a long before beside a one-line after, deleted rows (after ``削除``), short
befores that wrap to a second short line — for plain ``pdftotext`` and pdfminer (issues 10 and
12, session 51: set XII's FAULTS.md kind 8).

    python tools/make_plain51_samples.py                          # both sets
    python tools/make_plain51_samples.py --set office-plain51      # or heldout-plain51

Plain ``pdftotext`` orders a LibreOffice table's text boxes by where they sit on the page: a
one-line cell printed at the bottom of a tall row (Calc's default alignment) comes out with the
next row's boxes, and a cell's short last line may come out as a box of its own, away from its
first lines.  Cases: a contiguous run of a pool of tables' rows (``make_office_samples.varied_case``'s
look), bottom-aligned or centred, some rows made deletions (after ``削除``), one before cell made
tall (two rows' befores joined) beside its one-line after.  Writer cases as
tools/make_writer47_samples.py makes them (uneven widths, long cells).

``office-plain51`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-plain51`` (measure only, never tune on it) ``HELDOUT_CASES`` from the held-out tables'
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
from make_writer47_samples import _writer_case

# Cases per set and maker: (calc, writer).
TUNING_CASES = (3, 1)
HELDOUT_CASES = (2, 1)
# Calc: rows per case (a contiguous run of the pool).
ROW_COUNTS = (6, 8, 10)
# Calc: share of rows made deletions (after 削除), at least one per case.
DELETED_SHARE = 0.2
DELETED_MARK = "削除"
VALIGNS = ("bottom", "bottom", "center")


def _deleted(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with some (at least one, not the first) made deletions: the after cell ``削除``,
    the before cell as it was (one-line befores only read as a cell's whole)."""
    cands = [k for k in range(1, len(rows)) if rows[k]["before"]]
    if not cands:
        return rows
    picks = {k for k in cands if rng.random() < DELETED_SHARE} or {rng.choice(cands)}
    return [dict(r, after=DELETED_MARK) if k in picks else r for k, r in enumerate(rows)]


def _tall_before(rows: list[dict], rng: random.Random) -> list[dict]:
    """One row's before made tall (its own and the next row's before, one paragraph each)
    beside an after cut to its first line."""
    cands = [
        k for k in range(len(rows) - 1) if rows[k]["before"] and rows[k + 1]["before"] and rows[k]["after"]
    ]
    if not cands:
        return rows
    k = rng.choice(cands)
    out = list(rows)
    after = rows[k]["after"].split("\n")[0]
    out[k] = dict(rows[k], before=rows[k]["before"] + "\n" + rows[k + 1]["before"], after=after)
    return out


def _calc_case(name: str, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-plain51-{name}")
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], "calc", heldout=heldout)
    return replace(
        c,
        rows=_deleted(_tall_before(c.rows, rng), rng),
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        valign=rng.choice(VALIGNS),
        valign_of={},
        fallback_glyphs="○□",
    )


SETS = calc_writer_sets(
    "plain51",
    "p51",
    lambda held: tuple(zip(("calc", "writer"), HELDOUT_CASES if held else TUNING_CASES, strict=True)),
    _pool,
    _calc_case,
    _writer_case,
)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
