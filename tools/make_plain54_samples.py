"""Calc and Writer tables for pdfminer's ``extract_text`` with other layout parameters (issue 10,
session 54: plain54).

    python tools/make_plain54_samples.py                           # both sets
    python tools/make_plain54_samples.py --set office-plain54       # or heldout-plain54

pdfminer users do not all keep the default ``LAParams``: ``boxes_flow=None`` orders the text boxes
by position only (top edge, then left to right), which interleaves a table's columns otherwise
than the default ``boxes_flow=0.5`` (a row's cells come out together, in the order of their top
edges, and vertically adjacent cells of one column still merge into one box); ``boxes_flow=-0.5``
weighs horizontal position more.  Beside those two texts each case keeps the default pdfminer
text and plain ``pdftotext`` (the families of issue 10 that read column by column), so one set
measures them on the same tables.

Cases: a contiguous run of a pool of tables' rows in a look drawn by
``make_office_samples.varied_case``; Calc cases at top, centre or bottom alignment (Calc's
default is bottom), Writer cases portrait or landscape.

``office-plain54`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-plain54`` (measure only, never tune on it) ``HELDOUT_CASES`` from the held-out tables'
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

# Cases per set and maker: (calc, writer).
TUNING_CASES = (4, 3)
HELDOUT_CASES = (3, 3)
ROW_COUNTS = (5, 7, 9)
VALIGNS = ("top", "center", "bottom", "bottom")


def _case(name: str, pool: list[dict], heldout: bool, maker: str) -> Case:
    rng = random.Random(f"piatable-plain54-{name}")
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], maker, heldout=heldout)
    if maker == "calc":
        look: dict = {"valign": rng.choice(VALIGNS), "valign_of": {}}
    else:
        look = {"portrait": rng.random() < 0.5}
    return replace(
        c,
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        fallback_glyphs="○□",
        **look,
    )


SETS = calc_writer_sets(
    "plain54",
    "p54",
    lambda held: tuple(zip(("calc", "writer"), HELDOUT_CASES if held else TUNING_CASES, strict=True)),
    _pool,
    lambda name, rows, heldout: _case(name, rows, heldout, "calc"),
    lambda name, rows, heldout, k: _case(name, rows, heldout, "writer"),
)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
