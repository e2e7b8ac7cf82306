"""Amendment tables made by LibreOffice Calc and Writer with a narrow 項目 column, so that every
item path wraps over several lines, for pdfplumber's ``page.extract_text()`` text (issues 10/12/14,
branch plumber50).

    python tools/make_plumber50_samples.py                            # both sets
    python tools/make_plumber50_samples.py --set office-plumber50     # or heldout-plumber50

As tools/make_plumber48_samples.py (a contiguous run of a pool of tables' rows in a look drawn
by ``make_office_samples.varied_case``, column widths scaled, row count drawn), with its own seed,
but the 項目 column's width drawn from ``ITEM_WIDTHS`` (Calc: width units; Writer: cm): a
heading's second and third lines then stand beside other cells' lines, which pdfplumber prints
side by side, one space apart (set XI's fault 8).  Each case keeps its PDF and pdfplumber's text
(``make_office_samples.PLUMBER_SETS``).

``office-plumber50`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables'
rows; ``heldout-plumber50`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from
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
from make_plumber48_samples import REDRAWS_MAX, ROW_COUNTS, WIDTH_SCALES

TUNING_CASES = 3
HELDOUT_CASES = 3
# The 項目 column's width: narrow enough that an item's headings wrap (Calc: Excel width units,
# about a half-width character each; Writer: cm).
ITEM_WIDTHS = {"calc": (10.0, 12.0, 14.0), "writer": (2.0, 2.4, 2.8)}


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("plumber50", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    widths = (widths[0], rng.choice(ITEM_WIDTHS[maker]), *widths[2:])
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]p50-<maker>-v<k>``."""
    return drawn_cases("p50", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("plumber50", _cases)


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
