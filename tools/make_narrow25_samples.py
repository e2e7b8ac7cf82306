"""Amendment tables whose 提出時期 column is so narrow that its values wrap one character per
line (事 / 前), made by LibreOffice Calc and Writer (issue 10, narrow25).

    python tools/make_narrow25_samples.py                          # both sets
    python tools/make_narrow25_samples.py --set office-narrow25     # or heldout-narrow25

``tools/make_office_samples.py``'s ``narrowtiming`` cases make the column narrow enough for its
label to wrap (提出時 / 期) but keep 事前 on one line.  Here the column holds one or one and a
half full-width characters (Calc: ``CALC_WIDTHS`` character units; Writer: ``WRITER_WIDTHS`` cm),
so the label wraps to one or two characters a line and every value prints 事 over 前: in
``pdftotext -layout`` text the column's words are one character wide.  The rest of each look is
drawn as the plain cases of tools/make_office_samples.py, whose writing, converting and truth
this tool uses.

``office-narrow25`` (tuning) takes the tuning tables; ``heldout-narrow25`` (measure only, never
tune on it) the held-out tables.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets, table_cases
from make_office_samples import Case, plain_case

# Rows kept per table.
ROWS_MAX = 9
FALLBACK_GLYPHS = "○□△〒"
# Widths of the 提出時期 column: Calc character units, Writer centimetres (one to one and a half
# full-width characters, cell padding included; the held-out tables' 9.5–11 pt IPA fonts a
# little wider, else LibreOffice clips the cells).
CALC_WIDTHS = {False: (2.4, 2.8, 3.2), True: (3.0, 3.4)}
WRITER_WIDTHS = {False: (0.62, 0.7, 0.8), True: (0.72, 0.8, 0.88)}


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-narrow25-{name}")
    style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
    c = plain_case(name, table[:ROWS_MAX], maker, heldout=heldout, date_style=style)
    widths = list(c.widths)
    widths[4] = rng.choice((CALC_WIDTHS if maker == "calc" else WRITER_WIDTHS)[heldout])
    # Marks some fonts lack (drawn out of the text's order): the truth check leaves them out.
    return replace(
        c,
        widths=tuple(widths),
        valign=rng.choice(("top", "center", "bottom")),
        valign_of={},
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return table_cases("n25", heldout, redrawn, _case)


SETS = split_sets("narrow25", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
