"""Tables whose 項目 is printed over two sub-columns under a spanning label, with the sub-labels
worded otherwise than before (branch layout71): 項目 over 評価書の項目 / 細目 (set XXXII u01), 項目
over 項目 / 細項目, 評価書の項目 over 大項目 / 細目; narrow and wide 大項目, the 大項目 merged
down or repeated, Calc and Writer; with the layout family of flattened texts only (``-layout``,
its CP932 copy, pypdf's and pdfplumber's layout modes, PyMuPDF's sorted text).

    python tools/make_layout71_samples.py                          # both sets
    python tools/make_layout71_samples.py --set office-layout71    # or heldout-layout71

Set XXXII's u01 printed 評価書の項目 / 細目 under 項目: the sub-label row, which no vocabulary
named, was read as an extra row (``評価書の項目`` / ``細目``) or glued to the last row of the page
before.  The truth item is the sub-columns' text joined top to bottom with line breaks, as
twocol68 defines it; the writers, cells and truth are ``make_twocol68_samples``'s, the looks
``make_twocol70_samples``'s way of choosing them.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_twocol69_samples as tc69
from make_office_samples import SetCase, made_sets_main

SETS = {"office-layout71": False, "heldout-layout71": True}
TEXTS = ("pdftotext-layout", "pdftotext-layout-cp932", "pypdf-layout", "pdfplumber-layout", "pymupdf-sort")
ROWS = (8, 12)
# name -> (maker, label over the sub-columns, sub-labels, sub-column shares, item widening,
# 大項目 merged down over its section's rows)
TUNING = {
    "ly71-calc-hyoka": ("calc", "項目", ("評価書の項目", "細目"), (0.35, 0.65), 1.3, False),
    "ly71-writer-hyoka": ("writer", "項目", ("評価書の項目", "細目"), (0.3, 0.7), 1.2, True),
    "ly71-calc-saikoumoku": ("calc", "項目", ("項目", "細項目"), (0.4, 0.6), 1.2, True),
    "ly71-writer-daisai": ("writer", "評価書の項目", ("大項目", "細目"), (0.35, 0.65), 1.3, False),
}
HELDOUT = {
    "hly71-calc-hyoka": ("calc", "項目", ("評価書の項目", "細目"), (0.3, 0.7), 1.25, True),
    "hly71-writer-saikoumoku": ("writer", "項目", ("項目", "細項目"), (0.38, 0.62), 1.3, False),
    "hly71-calc-daisai": ("calc", "評価書の項目", ("大項目", "細目"), (0.33, 0.67), 1.2, False),
}


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-layout71-{name}")
    maker, over, sublabels, shares, widen, merged = (HELDOUT if heldout else TUNING)[name]
    look = tc69.make_look(rng, heldout, (maker, 2, sublabels, shares, widen, merged), ROWS)
    out: dict = {}
    for key, value in look.items():  # the label over the sub-labels after them (make_twocol70)
        out[key] = value
        if key == "sublabels":
            out |= {"item_label": over, "flat": False}
    return out


README = """# {name}: 項目 over sub-columns with other sub-labels, layout texts (branch layout71)

Tables whose 項目 is printed over two sub-columns under a spanning label: 項目 over 評価書の項目 /
細目 (set XXXII u01), 項目 over 項目 / 細項目, 評価書の項目 over 大項目 / 細目; the 大項目 merged down
(`shape` `merged`) or repeated, Calc and Writer.  The truth item is the sub-columns' text joined
top to bottom with line breaks.  Each case is the PDF and the layout family of texts.

`samples/office-layout71` (tuning); `samples/heldout-layout71` (held out: measure on it,
never tune on it).

    python tools/make_layout71_samples.py
    python tools/eval_office.py samples/office-layout71 samples/heldout-layout71 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    """Each case of the set (``make_twocol69_samples.look_cases``)."""
    return tc69.look_cases(work, HELDOUT if heldout else TUNING, lambda name: _look(name, heldout))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
