"""Amendment tables whose date (and timing, explanation) is one merged cell over two to four rows
(issue 10 and 12, branch raw23), made by LibreOffice Calc and Writer.

    python tools/make_raw23_samples.py                       # both sets
    python tools/make_raw23_samples.py --set office-raw23    # or heldout-raw23

In ``pdftotext -raw`` and pypdfium2 text a merged date is printed once: at the top of its run,
in its middle (centred: on the line of a middle row, or between two rows' lines) or at its foot.
The rows under it must be told apart without a date line of their own.  These tables print our
own sample tables so: the rows in runs of 1 to 4 that share a date (and, in some cases, a timing
and an explanation), merged, top / centred / bottom cells, a short and a tall row side by side
(a row's spare lines), Writer tables long enough to go over a page.

``office-raw23`` (tuning) and ``heldout-raw23`` (measure only, never tune on it) hold different
tables, in the tuning and held-out pools of fonts and sizes of tools/make_office_samples.py and
widths of their own (disjoint pools), and use its helpers (writing, converting, truth).  Each
case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case, plain_case, sets_main
from make_raw22_samples import HELDOUT, TUNING, kept_rows, width_pool

# Rows of each table printed (the first ones).
ROWS_PER_TABLE = 10
# The runs of rows sharing one date, in turn per case (each sums to ROWS_PER_TABLE).
RUNS = ((3, 1, 2, 4), (2, 4, 1, 3), (4, 2, 3, 1), (1, 3, 4, 2))
# What is merged besides the date, in turn per case.
MERGE_KEYS = (
    ("change_date_raw",),
    ("change_date_raw", "timing"),
    ("change_date_raw", "timing", "explanation"),
)
# (body alignment, the date's and timing's alignment), in turn per case.
VALIGNS = (("top", "center"), ("center", "center"), ("bottom", "bottom"), ("top", "top"), ("top", "bottom"))
# Column widths (order: date, item, before, after, timing, explanation).  Calc: Excel width
# units; Writer: centimetres of a landscape A4 page.
TUNING_CALC = ((11, 24, 36, 36, 8, 24), (10, 20, 30, 30, 7, 30))
HELDOUT_CALC = ((12, 26, 34, 34, 9, 26), (13, 22, 32, 32, 8, 20))
TUNING_WRITER = ((2.4, 4.6, 6.4, 6.4, 1.7, 4.2), (2.7, 5.0, 5.8, 5.8, 1.8, 4.6))
HELDOUT_WRITER = ((2.6, 4.4, 6.2, 6.2, 1.9, 4.4), (2.3, 5.2, 6.0, 6.0, 1.7, 4.0))
# The looks of each table: the held-out tables are short (4 to 8 rows kept), so more of them.
MAKERS = {False: ("calc", "calc", "writer"), True: ("calc", "calc", "writer", "calc", "writer")}


def shared_runs(rows: list[dict], runs: tuple[int, ...], keys: tuple[str, ...]) -> list[dict]:
    """``rows`` in runs of the given lengths, each run given its first row's date (moved on a day
    at a time until later than the run's above) and, when merged, its timing and explanation (a
    merged cell holds one value)."""
    out, i, last = [], 0, ""
    for n in runs:
        if i >= len(rows):  # (a short table: fewer runs)
            break
        head = rows[i]
        date = head["change_date"]
        while date <= last:  # one run's date is not the run's above (else one merged cell)
            date = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
        last = date
        for r in rows[i : i + n]:
            r = dict(r, change_date=date)
            if "timing" in keys:
                r["timing"] = head["timing"]
            if "explanation" in keys:
                r["explanation"] = head["explanation"]
            out.append(r)
        i += n
    return out


def _cases(heldout: bool) -> list[Case]:
    """Each table of the set in the set's looks (``MAKERS``), its rows in merged runs."""
    names = HELDOUT if heldout else TUNING
    cases = []
    for k, name in enumerate(names):
        rows = kept_rows(name, heldout, ROWS_PER_TABLE)
        for m, maker in enumerate(MAKERS[heldout]):
            n = len(MAKERS[heldout]) * k + m + heldout
            keys = MERGE_KEYS[n % len(MERGE_KEYS)]
            table = shared_runs(rows, RUNS[n % len(RUNS)], keys)
            style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
            c = plain_case(f"{maker}{m or ''}-raw23-{name}", table, maker, heldout=heldout, date_style=style)
            pool = width_pool(maker, heldout, (TUNING_CALC, HELDOUT_CALC), (TUNING_WRITER, HELDOUT_WRITER))
            body, cell = VALIGNS[n % len(VALIGNS)]
            cases.append(
                replace(
                    c,
                    widths=pool[(k + m) % len(pool)],
                    merge=True,
                    merge_keys=keys,
                    valign=body,
                    valign_of={"change_date_raw": cell, "timing": cell} if cell != body else {},
                    rows_per_page=None,
                    # A tall row beside short ones: spare lines under one row's text.
                    extra_spare={(n * 3) % len(table): 3} if maker == "calc" else {},
                    # Dates as text: a real date cell too wide for its column prints ###.
                    real_dates=False,
                )
            )
    return cases


SETS = office.office_pair("raw23", _cases)


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
