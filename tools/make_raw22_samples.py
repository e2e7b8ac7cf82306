"""Amendment tables whose explanation column is far narrower than before / after (issue 10, branch
raw22), made by LibreOffice Calc and Writer.

    python tools/make_raw22_samples.py                       # both sets
    python tools/make_raw22_samples.py --set office-raw22    # or heldout-raw22

In ``pdftotext -raw`` and pypdfium2 text a row's multi-line cells follow one another (item,
before, after, explanation) with nothing between them; where the explanation begins is read from
the wrap widths of the cells.  Filings often give the explanation a column a quarter as wide as
before / after (ten characters beside forty), narrower than the item's: a short explanation then
wraps into two or three lines whose width no other column has.  These tables print our own
sample tables so, by both programs, with merged dates and timings, top / centred cells, and the
date styles in turn.

``office-raw22`` (tuning) and ``heldout-raw22`` (measure only, never tune on it) hold different
tables, in the tuning and held-out pools of fonts and sizes of tools/make_office_samples.py and
widths of their own (disjoint pools), and use its helpers (writing, converting, truth).  Each case
keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import HELDOUT_DIR, TUNING_TABLES, Case, load_table, plain_case, sets_main

# Rows of each table printed (the first ones): short tables keep the committed files small.
ROWS_PER_TABLE = 8
# Column widths with a narrow explanation (order: date, item, before, after, timing,
# explanation).  Calc: Excel width units; Writer: centimetres of a landscape A4 page.
TUNING_CALC = ((11, 24, 40, 40, 8, 12), (10, 22, 36, 36, 7, 14))
HELDOUT_CALC = ((12, 26, 46, 46, 9, 15), (11, 24, 44, 44, 8, 16))
TUNING_WRITER = ((2.4, 4.8, 7.2, 7.2, 1.7, 2.4), (2.6, 4.4, 6.8, 6.8, 1.8, 2.8))
HELDOUT_WRITER = ((2.5, 4.8, 6.8, 6.8, 1.8, 2.9), (2.8, 4.4, 6.6, 6.6, 1.9, 3.1))
# Rows whose before / after hold these are left out (as tools/make_office_samples.py's era17
# cases do): the truth is not found in the PDF's text of the held-out fonts.
UNFOUND = "[△□〒"
TUNING = ("juki", "kokuho", "zeimu", "municipal")
HELDOUT = tuple(sorted(p.stem for p in HELDOUT_DIR.glob("*.json")))


def kept_rows(name: str, heldout: bool, n: int) -> list[dict]:
    """The first ``n`` rows of table ``name`` (a held-out table's or a tuning one's) whose before
    / after hold none of ``UNFOUND`` (tools/make_raw23_samples.py too)."""
    path = HELDOUT_DIR / f"{name}.json" if heldout else TUNING_TABLES[name]
    rows = [r for r in load_table(path) if not any(c in r["after"] + r["before"] for c in UNFOUND)]
    return rows[:n]


def width_pool(maker: str, heldout: bool, calc: tuple[tuple, tuple], writer: tuple[tuple, tuple]) -> tuple:
    """The column-width pool of ``maker`` for the set: ``calc`` / ``writer`` are (tuning pool,
    held-out pool)."""
    return (calc if maker == "calc" else writer)[heldout]


def _cases(heldout: bool) -> list[Case]:
    """Each table of the set by Calc and by Writer, with a narrow explanation column, merged
    cells in every other case and the date styles in turn."""
    names = HELDOUT if heldout else TUNING
    cases = []
    for k, name in enumerate(names):
        rows = kept_rows(name, heldout, ROWS_PER_TABLE)
        for m, maker in enumerate(("calc", "writer")):
            n = 2 * k + m
            style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
            c = plain_case(f"{maker}-raw22-{name}", rows, maker, heldout=heldout, date_style=style)
            pool = width_pool(maker, heldout, (TUNING_CALC, HELDOUT_CALC), (TUNING_WRITER, HELDOUT_WRITER))
            cases.append(
                replace(
                    c,
                    widths=pool[k % len(pool)],
                    merge=n % 2 == 0,
                    valign=("top", "center")[(n // 2 + m + heldout) % 2],
                    # Dates as text: a real date cell too wide for its column prints ###.
                    real_dates=False,
                )
            )
    return cases


SETS = office.office_pair("raw22", _cases)


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
