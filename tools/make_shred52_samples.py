"""Tables printed by Gnumeric (``ssconvert`` from the .xlsx) and AbiWord (``abiword --to=pdf``
from the .docx), for plain ``pdftotext`` and pdfminer (issues 10 and 12, session 52: set XIII's
FAULTS.md kinds 5 and 7, whole tables shredded in the text of producers other than LibreOffice).

    python tools/make_shred52_samples.py                          # both sets
    python tools/make_shred52_samples.py --set office-shred52      # or heldout-shred52

Gnumeric prints each row whole (its first row's 提出時期 and 説明 before its date in plain
``pdftotext``) and a cell's paragraphs as boxes of their own; AbiWord ignores the .docx column
widths (equal columns) and spaces its paragraphs.  Cases: a contiguous run of a pool of tables'
rows (``make_office_samples.varied_case``'s look), as tools/make_plain51_samples.py draws Calc
cases (some rows deletions, one tall before) and tools/make_writer47_samples.py Writer cases,
printed by the other two programs (``Case.program``).

``office-shred52`` (tuning) draws ``TUNING_CASES`` cases per program from the tuning tables'
rows; ``heldout-shred52`` (measure only, never tune on it) ``HELDOUT_CASES`` from the held-out
tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, calc_writer_sets
from make_office_samples import Case, varied_case
from make_plain51_samples import _calc_case
from make_writer47_samples import _writer_case

# Cases per set and program: (gnumeric from the .xlsx, abiword from the .docx).
TUNING_CASES = (2, 2)
HELDOUT_CASES = (2, 1)


def _gnumeric_case(name: str, pool: list[dict], heldout: bool) -> Case:
    return replace(_calc_case(name, pool, heldout), program="gnumeric")


def _abiword_case(name: str, pool: list[dict], heldout: bool, k: int) -> Case:
    """A Writer case of tools/make_writer47_samples.py with its rows as the pool gives them
    (AbiWord clips the lengthened cells of a row broken over a page), less the rows holding a
    check box ``[ ... ]`` (AbiWord 3.0 prints one as a field's garbage, ``[ ⼗分に⾏ 34048 B]``)."""
    pool = [r for r in pool if not any("[" in str(v) for v in r.values())]
    c = _writer_case(name, pool, heldout, k)
    rng = random.Random(f"piatable-shred52-{name}")
    n = min(len(pool), len(c.rows))
    start = rng.randrange(len(pool) - n + 1)
    return replace(
        c, rows=varied_case(name, pool[start : start + n], "writer", heldout=heldout).rows, program="abiword"
    )


SETS = calc_writer_sets(
    "shred52",
    "s52",
    lambda held: tuple(zip(("calc", "writer"), HELDOUT_CASES if held else TUNING_CASES, strict=True)),
    _pool,
    _gnumeric_case,
    _abiword_case,
)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
