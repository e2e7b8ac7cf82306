"""Tables whose 項目 is printed over two sub-columns under a spanning label, with the sub-labels
worded otherwise than before (branch layout71): 項目 over 評価書の項目 / 細目 (set XXXII u01), 項目
over 項目 / 細項目, 評価書の項目 over 大項目 / 細目; narrow and wide 大項目, the 大項目 merged
down or repeated, Calc and Writer; with the layout family of flattened texts only (``-layout``,
its CP932 copy, pypdf's and pdfplumber's layout modes, PyMuPDF's sorted text).

    python tools/make_layout71_samples.py                          # both sets
    python tools/make_layout71_samples.py office-layout71    # or heldout-layout71, heldout-layout71b

Set XXXII's u01 printed 評価書の項目 / 細目 under 項目: the sub-label row, which no vocabulary
named, was read as an extra row (``評価書の項目`` / ``細目``) or glued to the last row of the page
before.  The truth item is the sub-columns' text joined top to bottom with line breaks, as
twocol68 defines it; the writers, cells and truth are ``make_twocol68_samples``'s, the looks
``make_twocol70_samples``'s way of choosing them.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_twocol69_samples as tc69
import make_twocol70_samples as tc70
from make_office_samples import SetCase, made_sets_main

SETS = {"office-layout71": False, "heldout-layout71": True, "heldout-layout71b": True}
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

# A second held-out set, made after heldout-layout71 was looked at (its merged 大項目 case showed
# the sub-label lines' removal moving a line to the next row): measured once, at the end.
HELDOUT_B = {
    "hly71b-writer-hyoka": ("writer", "項目", ("評価書の項目", "細目"), (0.36, 0.64), 1.35, False),
    "hly71b-calc-saikoumoku": ("calc", "項目", ("項目", "細項目"), (0.3, 0.7), 1.25, False),
    "hly71b-calc-hyoka": ("calc", "項目", ("評価書の項目", "細目"), (0.4, 0.6), 1.15, True),
    "hly71b-writer-daisai": ("writer", "評価書の項目", ("大項目", "細目"), (0.32, 0.68), 1.25, True),
}


def _specs(name: str, heldout: bool) -> dict:
    return (HELDOUT_B if name.startswith("hly71b") else HELDOUT) if heldout else TUNING


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-layout71-{name}")
    return tc70.spanned_look(rng, heldout, _specs(name, heldout)[name], ROWS)


README = """# {name}: 項目 over sub-columns with other sub-labels, layout texts (branch layout71)

Tables whose 項目 is printed over two sub-columns under a spanning label: 項目 over 評価書の項目 /
細目 (set XXXII u01), 項目 over 項目 / 細項目, 評価書の項目 over 大項目 / 細目; the 大項目 merged down
(`shape` `merged`) or repeated, Calc and Writer.  The truth item is the sub-columns' text joined
top to bottom with line breaks.  Each case is the PDF and the layout family of texts.

`samples/office-layout71` (tuning); `samples/heldout-layout71` (held out, but looked at once:
its merged 大項目 case changed how the sub-label lines are taken out); `samples/heldout-layout71b`
(held out, measured once at the end).

    python tools/make_layout71_samples.py
    python tools/eval_office.py samples/office-layout71 samples/heldout-layout71 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (all three by default); 0."""

    def cases_of(name: str) -> Callable[[Path, bool], Iterator[SetCase]]:
        names = {"office-layout71": TUNING, "heldout-layout71": HELDOUT, "heldout-layout71b": HELDOUT_B}[name]
        return lambda work, heldout: tc69.look_cases(work, names, lambda case: _look(case, heldout))

    status = 0
    for name in [a for a in (argv or sys.argv[1:]) if a in SETS] or list(SETS):
        status |= made_sets_main(["--set", name], __doc__, {name: SETS[name]}, cases_of(name), TEXTS, README)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
