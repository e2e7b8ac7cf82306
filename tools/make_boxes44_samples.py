"""Amendment tables made by LibreOffice Calc and Writer in widely varied looks, for the flattened
texts (pdfminer, plain ``pdftotext``) of issues 10 and 12 (boxes44: which column-order checks
warn right rows).

    python tools/make_boxes44_samples.py                          # both sets
    python tools/make_boxes44_samples.py --set office-boxes44      # or heldout-boxes44

As tools/make_boxes42_samples.py (a random subset of a pool of tables' rows in a look drawn from
wide ranges by ``make_office_samples.varied_case``), with each case's column widths scaled by a
factor drawn from ``WIDTH_SCALES`` (narrower and wider tables than the other sets: more or fewer
wrapped lines per cell, so Writer's vertically adjacent cells merge into one box more or less
often) and its row count drawn from ``ROW_COUNTS`` (a contiguous run of the pool's rows, so
that rows of one date stand together as in a real table).

``office-boxes44`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-boxes44`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from the
held-out tables' rows, in the held-out fonts.  Each case keeps its PDF and the five extractors'
texts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool, drawn_cases, scaled_run
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

TUNING_CASES = 5
HELDOUT_CASES = 4
# Factors on varied_case's column widths (Calc: width units, rounded; Writer: cm).
WIDTH_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3)
# Rows per case: a contiguous run of the pool (varied_case then keeps them all).
ROW_COUNTS = (3, 5, 7, 10, 14)


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("boxes44", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]b44-<maker>-v<k>``."""
    return drawn_cases("b44", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("boxes44", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
