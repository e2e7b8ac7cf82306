"""Amendment tables made by LibreOffice Calc and Writer in varied looks, for pdfplumber's
``page.extract_text()`` text (issues 10 and 12, branch plumber48: the sixth flattened text).

    python tools/make_plumber48_samples.py                            # both sets
    python tools/make_plumber48_samples.py --set office-plumber48     # or heldout-plumber48

As tools/make_boxes44_samples.py (a contiguous run of a pool of tables' rows in a look drawn
by ``make_office_samples.varied_case``, column widths scaled by a factor from ``WIDTH_SCALES``,
row count from ``ROW_COUNTS``: merged dates, several widths and fonts, Writer rows broken over
pages), but each case keeps its PDF and only pdfplumber's text
(``make_office_samples.PLUMBER_SETS``).

``office-plumber48`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables'
rows; ``heldout-plumber48`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from
the held-out tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_flow22_samples as flow
import make_office_samples as office
from make_boxes42_samples import _pool, drawn_cases, scaled_run
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

TUNING_CASES = 3
HELDOUT_CASES = 3
# Factors on varied_case's column widths (Calc: width units, rounded; Writer: cm).
WIDTH_SCALES = (0.8, 1.0, 1.2)
# Rows per case: a contiguous run of the pool (varied_case then keeps them all).
ROW_COUNTS = (4, 7, 10)
REDRAWS_MAX = 10


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("plumber48", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]p48-<maker>-v<k>``."""
    return drawn_cases("p48", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("plumber48", _cases)


def main(argv: list[str] | None = None) -> int:
    # More rounds than build_redrawn's own: narrow Calc looks are often clipped, and each round
    # redraws only the cases the one before found clipped.
    flow.REDRAWS_MAX = REDRAWS_MAX
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
