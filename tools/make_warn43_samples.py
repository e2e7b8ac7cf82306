"""Amendment tables in varied looks made by LibreOffice Calc and Writer, to measure which rows the
warnings find (issue 12, branch warn43: right rows warned on the stream texts).

    python tools/make_warn43_samples.py                          # both sets
    python tools/make_warn43_samples.py --set office-warn43      # or heldout-warn43

Each case is a random subset of a pool of tables' rows in a look drawn from wide ranges
(``tools/make_office_samples.varied_case``: every column's width, top / centre / bottom
alignment, merged dates, timings or explanations, Calc rows of hand-set heights and page
breaks, Writer rows long enough to break over pages, every date style), then a font and size
of its own: the tuning cases IPAex fonts at ``TUNING_SIZES``, the held-out cases the IPA / IPAP
fonts at ``HELDOUT_SIZES`` (sizes none of the older sets used), seeded by the case's name.

``office-warn43`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-warn43`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from the
held-out tables' rows.  Each case keeps its PDF and the five extractors' texts with the
expected records.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import drawn_cases
from make_flow22_samples import build_redrawn
from make_office_samples import SAMPLES, Case, varied_case

TUNING_CASES = 5
HELDOUT_CASES = 4
TUNING_SIZES = (8.5, 9.5, 10.5, 11.5)
HELDOUT_SIZES = (8.0, 9.0, 10.0, 12.0)


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c = varied_case(name, pool, maker, heldout=heldout)
    rng = random.Random(f"piatable-warn43-{name}")
    fonts = office.HELDOUT_FONTS if heldout else office.TUNING_FONTS
    c = replace(c, font=rng.choice(fonts), size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES))
    # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
    # text's order, so the truth check leaves them out.
    return replace(c, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]w43-<maker>-v<k>``."""
    return drawn_cases("w43", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES))


# Each set: its folder and the maker of its cases (given the names of cases to draw anew).
SETS = {
    f"{kind}-warn43": (
        SAMPLES / f"{kind}-warn43",
        partial(_cases, kind == "heldout"),
    )
    for kind in ("office", "heldout")
}

if __name__ == "__main__":
    raise SystemExit(build_redrawn(SETS, __doc__, None))
