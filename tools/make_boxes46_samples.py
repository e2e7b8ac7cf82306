"""Amendment tables made by LibreOffice Calc and Writer, many with merged dates or timings, for
the flattened texts (pdfminer, plain ``pdftotext``) of issue 10 (boxes46: text boxes printed
column by column that look like Calc's two-pass order, ``normalize/reading_choice``).

    python tools/make_boxes46_samples.py                          # both sets
    python tools/make_boxes46_samples.py --set office-boxes46      # or heldout-boxes46

As tools/make_boxes44_samples.py (a contiguous run of a pool of tables' rows in a look drawn
from wide ranges by ``make_office_samples.varied_case``, column widths scaled by a factor of
``WIDTH_SCALES``), with cells merged over rows in ``MERGED_SHARE`` of the cases (the keys drawn
from ``MERGE_KEYS``: the 変更日, the 提出時期, both, or those and the explanation) and a font
size drawn from ``SIZES``.

``office-boxes46`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-boxes46`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from the
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
from make_office_samples import MERGEABLE, Case

TUNING_CASES = 5
HELDOUT_CASES = 4
# Factors on varied_case's column widths (Calc: width units, rounded; Writer: cm).
WIDTH_SCALES = (0.85, 1.0, 1.2, 1.4)
# Rows per case: a contiguous run of the pool (varied_case then keeps them all).
ROW_COUNTS = (4, 6, 8, 11)
# Share of the cases with cells merged over rows, and which cells.
MERGED_SHARE = 0.75
MERGE_KEYS = (("change_date_raw",), ("change_date_raw", "timing"), ("timing",), MERGEABLE)
# Font sizes (pt).
SIZES = (9.0, 10.0, 11.0)


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("boxes46", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    merge = rng.random() < MERGED_SHARE
    keys = rng.choice(MERGE_KEYS) if merge else c.merge_keys
    font = rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS)
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(
        c,
        widths=widths,
        font=font,
        size=rng.choice(SIZES),
        merge=merge,
        merge_keys=keys,
        fallback_glyphs="○□",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]b46-<maker>-v<k>``."""
    return drawn_cases("b46", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("boxes46", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
