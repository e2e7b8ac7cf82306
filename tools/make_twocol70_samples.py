"""Tables whose 項目 is printed in two sub-columns (大項目 | 小項目) whose 小項目 text runs up to
the 変更前 column, made otherwise than ``make_twocol68_samples`` / ``make_twocol69_samples`` on
purpose (branch twocol70): the sub-labels under a spanning label (項目 over 大項目 / 小項目,
評価書の項目 over 項目 / 細目) or in the one label row beside the other labels (大項目 | 小項目,
区分 | 項目), the 大項目 merged down over a section's rows or repeated on each, narrow item
columns so that a 小項目 line fills its cell and stands one space before the 変更前 text in
``-layout`` text; Calc and Writer; with 12 flattened texts (the ten of twocol68, a CP932
``-layout`` as Windows saves it, PyMuPDF's sorted text).

    python tools/make_twocol70_samples.py                          # both sets
    python tools/make_twocol70_samples.py --set office-twocol70    # or heldout-twocol70

Set XXXI's t04 (Calc, 項目 over 大項目 / 小項目, 大項目 ``Ⅰ基本情報``) read right from its PDF
but wrong from every text: ``-layout`` read the 小項目 as the 変更前 cell (its text one space
before the 変更前 text).  The truth item is the sub-columns' text joined top to bottom with line
breaks, as twocol68 defines it.  The writers, the cells and the truth are
``make_twocol68_samples``'s; this module only chooses the looks.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_twocol69_samples as tc69
from make_office_samples import TEN_TEXTS, SetCase, made_sets_main

SETS = {"office-twocol70": False, "heldout-twocol70": True}
TEXTS = (*TEN_TEXTS, "pdftotext-layout-cp932", "pymupdf-sort")
ROWS = (8, 12)
# name -> (maker, label over the sub-columns ("" : the sub-labels in the one label row),
# sub-labels, sub-column shares, item widening, 大項目 merged down over its section's rows)
TUNING = {
    "tc70-calc-tight": ("calc", "項目", ("大項目", "小項目"), (0.3, 0.7), 0.9, False),
    "tc70-writer-eval": ("writer", "評価書の項目", ("項目", "細目"), (0.35, 0.65), 1.1, True),
    "tc70-calc-flat": ("calc", "", ("大項目", "小項目"), (0.4, 0.6), 1.0, True),
    "tc70-writer-kubun": ("writer", "", ("区分", "項目"), (0.3, 0.7), 1.0, False),
    "tc70-calc-eval": ("calc", "評価書の項目", ("項目", "細目"), (0.35, 0.65), 1.2, False),
    "tc70-writer-tight": ("writer", "項目", ("大項目", "小項目"), (0.3, 0.7), 0.9, True),
}
HELDOUT = {
    "htc70-calc-tight": ("calc", "項目", ("大項目", "小項目"), (0.33, 0.67), 0.95, True),
    "htc70-writer-flat": ("writer", "", ("大項目", "小項目"), (0.38, 0.62), 1.05, False),
    "htc70-calc-kubun": ("calc", "", ("区分", "項目"), (0.32, 0.68), 1.0, False),
    "htc70-writer-eval": ("writer", "評価書の項目", ("項目", "細目"), (0.3, 0.7), 1.0, False),
}


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-twocol70-{name}")
    return spanned_look(rng, heldout, (HELDOUT if heldout else TUNING)[name], ROWS)


def spanned_look(rng: random.Random, heldout: bool, spec: tuple, rows: tuple[int, int]) -> dict:
    """A two-level case's look from ``spec`` (maker, the label over the sub-columns ("": the
    sub-labels in the one label row), sub-labels, shares, item widening, 大項目 merged down)
    (also make_layout71)."""
    maker, over, sublabels, shares, widen, merged = spec
    look = tc69.make_look(rng, heldout, (maker, 2, sublabels, shares, widen, merged), rows)
    out: dict = {}
    for key, value in look.items():  # the label over the sub-labels (none: one label row) after them
        out[key] = value
        if key == "sublabels":
            out |= {"item_label": over or "項目", "flat": not over}
    return out


README = """# {name}: 項目 in two sub-columns, the 小項目 up to 変更前 (branch twocol70)

Tables whose 項目 is printed in two sub-columns: the sub-labels under a spanning label (項目 over
大項目 / 小項目, 評価書の項目 over 項目 / 細目) or in the one label row (`flat`: 大項目 | 小項目,
区分 | 項目), the 大項目 merged down (`shape` `merged`) or repeated, narrow item columns so that a
小項目 line fills its cell, Calc and Writer.  The truth item is the sub-columns' text joined top
to bottom with line breaks.  Each case is the PDF and 12 texts (a CP932 `-layout`, PyMuPDF sorted).

`samples/office-twocol70` (tuning); `samples/heldout-twocol70` (held out: measure on it,
never tune on it).

    python tools/make_twocol70_samples.py
    python tools/eval_office.py samples/office-twocol70 samples/heldout-twocol70 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    """Each case of the set (``make_twocol69_samples.look_cases``)."""
    return tc69.look_cases(work, HELDOUT if heldout else TUNING, lambda name: _look(name, heldout))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
