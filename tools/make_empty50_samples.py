"""Calc and Writer tables whose 変更日 cells are left empty ("same as above") beside tables (and
runs of one table) whose 変更日 is merged over several rows (issues 10 / 12, branch empty50).

    python tools/make_empty50_samples.py                          # both sets
    python tools/make_empty50_samples.py --set office-empty50      # or heldout-empty50

A merged 変更日 prints its date once, at the top, the middle or the foot of the rows it covers
(the cell's vertical alignment); every row it covers takes the date.  An empty 変更日 cell prints
nothing, and its row's date is "" (the truth convention of set XI, /work/newuser49/REPRO.md).
The rows are cut into runs of 1–3 rows, each run given one date (the dates of consecutive runs
differ, so that no two runs merge into one); two looks:

- ``em``: every run prints its date on its first row and leaves the other rows' cells empty
  (no merged 変更日; the 提出時期 printed on every row);
- ``mx``: each run drawn merged (its rows share one merged cell) or empty as in ``em``, both in
  one table.

The 変更日 column's vertical alignment is drawn from top / centre / bottom per case (the merged
cells' and the single cells' alike, as a sheet's column is formatted), the text cells' from top /
centre.  ``office-empty50`` (tuning) takes four tuning tables, ``heldout-empty50`` (measure only,
never tune on it) two held-out tables in the held-out fonts and sizes; each table by Calc and by
Writer in both looks.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

KINDS = ("em", "mx")
MAKERS = ("calc", "writer")
ROWS_MAX = 9
# Rows per run of one date, drawn per run.
RUN_LENGTHS = (1, 2, 2, 3)
# The share of an ``mx`` table's runs of two or more rows that are merged (the rest left empty).
MERGED_SHARE = 0.5
DATE_ALIGNS = ("top", "center", "bottom")
BODY_ALIGNS = ("top", "center")
DATE_STYLES = ("slash", "wareki", "seireki")
FALLBACK_GLYPHS = "○□△"


def _runs(n: int, rng: random.Random, lengths: tuple[int, ...] = RUN_LENGTHS) -> list[tuple[int, int]]:
    """Consecutive runs (first, end exclusive) covering ``n`` rows, each of a length drawn from
    ``lengths`` (make_carry53_samples, make_chromium54_samples use it too)."""
    out, at = [], 0
    while at < n:
        k = min(rng.choice(lengths), n - at)
        out.append((at, at + k))
        at += k
    return out


def _dated(rows: list[dict], kind: str, rng: random.Random) -> list[dict]:
    """The rows cut into runs, each run one date (its first row's, or the nearest row's date
    unlike the run before's); in a run left empty its rows after the first have no date
    (``change_date`` None, ``change_date_raw`` ""), in a merged run they share the first's."""
    out = [dict(r) for r in rows]
    dates = [(r["change_date"], r["change_date_raw"]) for r in rows]
    last = None
    for a, b in _runs(len(out), rng):
        date = next((d for d in dates[a:] + dates[:a] if d[0] != last), dates[a])
        last = date[0]
        merged = kind == "mx" and b - a > 1 and rng.random() < MERGED_SHARE
        for i in range(a, b):
            r = out[i]
            if i == a or merged:
                r["change_date"], r["change_date_raw"] = date
            else:
                r["change_date"], r["change_date_raw"] = None, ""
    return out


def _case(name: str, table: list[dict], maker: str, kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-empty50-{name}")
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    c = plain_case(
        name, table[start : start + ROWS_MAX], maker, heldout=heldout, date_style=rng.choice(DATE_STYLES)
    )
    return replace(
        c,
        rows=_dated(c.rows, kind, rng),
        valign=rng.choice(BODY_ALIGNS),
        valign_of={"change_date_raw": rng.choice(DATE_ALIGNS)},
        merge=kind == "mx",
        merge_keys=("change_date_raw",),
        real_dates=False,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each look by Calc and by Writer over four tuning tables or two held-out ones, named
    ``[h]em50-<kind>-<maker>-<table>``."""
    cases = []
    for table, path in _four_tables(heldout)[: 2 if heldout else 4]:
        for maker in MAKERS:
            for kind in KINDS:
                name = f"{'h' if heldout else ''}em50-{kind}-{maker}-{table}"
                while name in redrawn:
                    name += "-r"
                cases.append(_case(name, _printable(load_table(path)), maker, kind, heldout))
    return cases


SETS = split_sets("empty50", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
