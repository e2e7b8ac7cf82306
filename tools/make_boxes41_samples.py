"""Amendment tables with look-alike one-line rows and top-aligned merged dates, made by
LibreOffice Calc and Writer (issues 10 and 12, boxes41).

    python tools/make_boxes41_samples.py                          # both sets
    python tools/make_boxes41_samples.py --set office-boxes41      # or heldout-boxes41

Two faults of column-ordered text (pdfminer, plain ``pdftotext``) are drawn here:

* two neighbouring rows amending a department and its head's title (``市民課`` → ``市民窓口課``,
  ``市民課長`` → ``市民窓口課長``): pdfminer emits the two rows' befores before their afters, and
  pairing by look-alike text crosses them (``body_pairing.uncross_by_endings``);
* top-aligned merged dates: pdfminer prints a 変更日 and its item's first line as one line in the
  middle of the item column's box (``2020年4月1日 Ⅱ…``), and the date was read as the row above's
  (``boxes._opens_row_below``).

Each table keeps its rows (up to ``ROWS_MAX``) and has ``PAIRS`` pairs of rows made look-alike
(one-line values from ``TUNING_PAIRS`` or ``HELDOUT_PAIRS``); cells are top-aligned, dates
merged.  The other looks (fonts, sizes, widths, page breaks, date styles) come from the pools of
tools/make_office_samples.py, whose writing, converting and truth this tool uses.

``office-boxes41`` (tuning) takes three tuning tables; ``heldout-boxes41`` (measure only, never
tune on it) two held-out tables and value pairs of its own.  Each case keeps its PDF and the five
extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, paired_sets
from make_office_samples import Case, plain_case

ROWS_MAX = 9
PAIRS = 2
TUNING = ("juki", "municipal", "kokuho")
HELDOUT = ("kaigo_hoken", "koseki_fuhyo")
# (before, after) of a department; its head's title adds TITLE to each.
TUNING_PAIRS = (("市民課", "市民窓口課"), ("保険年金課", "国保年金課"), ("税務課", "市民税課"))
HELDOUT_PAIRS = (("介護保険課", "高齢介護課"), ("戸籍係", "戸籍住民係"), ("福祉総務課", "地域福祉課"))
TITLE = "長"


def _look_alike(rows: list[dict], rng: random.Random, pairs: tuple[tuple[str, str], ...]) -> list[dict]:
    """The rows with ``PAIRS`` non-overlapping neighbouring pairs made a department's and its
    head's amendment (one-line before / after cells)."""
    out = [dict(r) for r in rows]
    starts = sorted(rng.sample(range(0, len(out) - 1, 2), PAIRS))
    for k, s in enumerate(starts):
        before, after = pairs[(k + rng.randrange(len(pairs))) % len(pairs)]
        out[s]["before"], out[s]["after"] = before, after
        out[s + 1]["before"], out[s + 1]["after"] = before + TITLE, after + TITLE
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-boxes41-{name}")
    style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
    rows = _look_alike(table[:ROWS_MAX], rng, HELDOUT_PAIRS if heldout else TUNING_PAIRS)
    c = plain_case(name, rows, maker, heldout=heldout, date_style=style)
    return replace(c, fallback_glyphs="○□", valign="top", merge=True)


SETS = paired_sets("boxes41", "b41", _case, TUNING, HELDOUT)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
