"""Amendment tables in widely varied looks, made by LibreOffice Calc and Writer, for the
flattened texts (pdfminer, plain ``pdftotext``) of issue 10 (boxes42).

    python tools/make_boxes42_samples.py                          # both sets
    python tools/make_boxes42_samples.py --set office-boxes42      # or heldout-boxes42

Each case is a random subset of a pool of tables' rows (4–16 rows, in order) in a look drawn
from wide ranges (tools/make_office_samples.varied_case: every column's width, fonts and sizes,
top / centre / bottom alignment, merged dates, timings or explanations, Calc rows of hand-set
heights and manual page breaks, Writer rows long enough to break over pages, every date style).
The held-out cases take the held-out fonts (IPA, IPAP) instead of the IPAex ones.

``office-boxes42`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables'
rows; ``heldout-boxes42`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from the
held-out tables' rows.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import HELDOUT_DIR, TUNING_TABLES, Case, load_table, varied_case

TUNING_CASES = 4
HELDOUT_CASES = 3
TUNING_POOL = ("juki", "municipal", "kokuho", "zeimu")
MAKERS = ("calc", "writer")


def _pool(heldout: bool) -> list[dict]:
    if heldout:
        return [r for path in sorted(HELDOUT_DIR.glob("*.json")) for r in load_table(path)]
    return [r for name in TUNING_POOL for r in load_table(TUNING_TABLES[name])]


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c = varied_case(name, pool, maker, heldout=heldout)
    if heldout:
        rng = random.Random(f"piatable-boxes42-{name}")
        c = replace(c, font=rng.choice(office.HELDOUT_FONTS))
    # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
    # text's order, so the truth check leaves them out.
    return replace(c, fallback_glyphs="○□")


def drawn_cases(
    tag: str,
    heldout: bool,
    redrawn: frozenset[str],
    make: Callable[..., Case],
    counts: tuple[int, int],
    pool: list[dict] | None = None,
) -> list[Case]:
    """``counts`` (held out, tuning) cases per maker, named ``[h]<tag>-<maker>-v<k>``, each
    ``make(name, pool, maker, heldout)`` (``pool``: these tables' rows unless given); a case
    named in ``redrawn`` takes a look drawn anew (name suffixed ``-r``), one whose redrawn look
    is named there too is left out (make_narrow43, make_warn43 and make_boxes43 use it too)."""
    pool = _pool(heldout) if pool is None else pool
    cases = []
    for k in range(1, (counts[0] if heldout else counts[1]) + 1):
        for maker in MAKERS:
            name = f"{'h' if heldout else ''}{tag}-{maker}-v{k}"
            if name in redrawn:
                name += "-r"
                if name in redrawn:
                    continue
            cases.append(make(name, pool, maker, heldout))
    return cases


def scaled_run(
    seed: str,
    name: str,
    pool: list[dict],
    maker: str,
    heldout: bool,
    counts: tuple[int, ...],
    scales: tuple[float, ...],
) -> tuple[Case, tuple[float, ...], random.Random]:
    """A contiguous run of ``pool``'s rows (its length drawn from ``counts``) in a look
    ``varied_case`` draws, its column widths scaled by a factor drawn from ``scales`` (Calc:
    width units, rounded, at least 4; Writer: cm to 0.1): the case, the scaled widths and the
    RNG (seeded ``piatable-<seed>-<name>``) for the caller's further draws (make_boxes44 and
    make_boxes46)."""
    rng = random.Random(f"piatable-{seed}-{name}")
    n = min(len(pool), rng.choice(counts))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], maker, heldout=heldout)
    scale = rng.choice(scales)
    if maker == "calc":
        widths = tuple(float(max(4, round(w * scale))) for w in c.widths)
    else:
        widths = tuple(round(w * scale, 1) for w in c.widths)
    return c, widths, rng


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]b42-<maker>-v<k>``."""
    return drawn_cases("b42", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES))


SETS = split_sets("boxes42", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
