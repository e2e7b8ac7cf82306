"""Amendment tables made by LibreOffice Calc with cells centred vertically and merged dates, and
by Writer with a narrow 変更日 column whose dates wrap, for pdfplumber's ``page.extract_text()``
text and its ``extract_text(layout=True)`` text (issues 10/12, branch plumber51).

    python tools/make_plumber51_samples.py                            # both sets
    python tools/make_plumber51_samples.py --set office-plumber51     # or heldout-plumber51

As tools/make_plumber50_samples.py (a contiguous run of a pool of tables' rows in a look drawn
by ``make_office_samples.varied_case``, column widths scaled, row count drawn), with its own seed:
Calc cases centre every cell vertically and merge runs of equal dates / timings / explanations
(a merged date prints once, half way down its run, on a line of its own between the taller
cells' lines: set XII's c1); Writer cases draw the 変更日 column's width from ``DATE_WIDTHS`` (cm),
so that a date wraps (``令和5年`` / ``4月1日``) beside the item's lines (set XII's w1).

``office-plumber51`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables'
rows; ``heldout-plumber51`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from
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

TUNING_CASES = 2
HELDOUT_CASES = 2
# Writer's 変更日 column (cm): narrow enough that a 令和 date wraps after its year.
DATE_WIDTHS = (1.4, 1.6, 1.8)


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("plumber51", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    if maker == "calc":
        c = replace(c, valign="center", merge=True, valign_of={})
    else:
        widths = (rng.choice(DATE_WIDTHS), *widths[1:])
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]p51-<maker>-v<k>``."""
    return drawn_cases("p51", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("plumber51", _cases)


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
