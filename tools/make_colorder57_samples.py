"""Calc and Writer tables read by the column-ordered extractors (issue 10, branch colorder57:
set XVIII's pdfminer, plain ``pdftotext``, mutool and plain pdfplumber texts, far below the 90% bar).

    python tools/make_colorder57_samples.py                             # both sets
    python tools/make_colorder57_samples.py --set office-colorder57      # or heldout-colorder57

Each case is a contiguous run of a pool of tables' rows (``ROW_COUNTS``) in a look drawn by
``make_office_samples.varied_case`` (tools/make_boxes42_samples.py's ``scaled_run``), its column
widths scaled by a factor of ``SCALES``, so that the date and the item's first line are printed
close enough for pdfminer to read them as one line in some cases and not in others.  Texts
(``make_office_samples.COLORDER57_TEXTS``): pdfminer with its default LAParams and with set
XVIII's variant (``pdfminer-lp``), plain ``pdftotext``, ``mutool draw -F txt`` and pdfplumber's
plain ``extract_text()``, each also with pages joined by line ends (``+nl``).

``office-colorder57`` (tuning) draws from the tuning tables; ``heldout-colorder57`` (measure only,
never tune on it) from the held-out tables, in the held-out fonts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool, scaled_run
from make_flow22_samples import build_redrawn, numbered_cases, split_sets
from make_office_samples import Case

ROW_COUNTS = (8, 10, 12)
SCALES = (0.9, 1.0, 1.15)
# (maker, cases) of each set.
COUNTS = (("calc", 2), ("writer", 2))


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c, widths, rng = scaled_run("colorder57", name, pool, maker, heldout, ROW_COUNTS, SCALES)
    c = replace(c, widths=widths)
    if heldout:
        c = replace(c, font=rng.choice(office.HELDOUT_FONTS))
    # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
    # text's order, so the truth check leaves them out.
    return replace(c, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``COUNTS`` cases per maker, named ``[h]co57-<maker>-v<k>``."""
    pool = _pool(heldout)
    tag = f"{'h' if heldout else ''}co57"
    return numbered_cases(tag, COUNTS, redrawn, lambda name, maker, _k: _case(name, pool, maker, heldout))


SETS = split_sets("colorder57", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
