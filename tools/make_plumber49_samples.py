"""Amendment tables made by LibreOffice Calc and Writer, for both of pdfplumber's texts:
``page.extract_text()`` and ``page.extract_text(layout=True)`` (issue 10, branch plumber49).

    python tools/make_plumber49_samples.py                            # both sets
    python tools/make_plumber49_samples.py --set office-plumber49     # or heldout-plumber49

As tools/make_plumber48_samples.py (a contiguous run of a pool of tables' rows in a look drawn
by ``make_office_samples.varied_case``, column widths scaled, row count drawn), with its own
seed; each case keeps its PDF and the two pdfplumber texts
(``make_office_samples.PLUMBER_LAYOUT_SETS``).

``office-plumber49`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables'
rows; ``heldout-plumber49`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from
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


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("plumber49", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]p49-<maker>-v<k>``."""
    return drawn_cases("p49", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("plumber49", _cases)


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
