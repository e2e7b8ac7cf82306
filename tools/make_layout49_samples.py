"""``pdftotext -layout`` text of Calc tables with cells merged over 2–4 rows (issues 10 / 12,
branch layout49), made by LibreOffice Calc.

    python tools/make_layout49_samples.py                          # both sets
    python tools/make_layout49_samples.py --set office-layout49    # or heldout-layout49

LibreOffice prints a merged cell's text once, placed by the cell's vertical alignment (top,
centre or bottom) over the rows it spans, and on a page break only on the page where that
place falls.  Three looks:

- ``mv``: the 変更日 and the 提出時期 with its 説明 each merged over runs of 2–4 rows
  (a run's rows given the run's first value), each at its own vertical alignment (drawn from
  top / centre / bottom), the text cells at the top; a manual page break every 4 or 5 rows
  in most cases, merged runs going on over it;
- ``nd``: the same with a narrow 変更日 column (令和 dates wrap: ``令和5年10月2`` / ``日``);
- ``mi``: the 項目 merged over runs instead of the 変更日 (a date printed on every row).

The looks come from the pools of tools/make_office_samples.py (``plain_case``);
``office-layout49`` (tuning) takes four tuning tables, ``heldout-layout49`` (measure only, never
tune on it) two held-out tables and the held-out fonts and sizes.  Each case keeps its PDF and
only its ``pdftotext -layout`` text (make_office_samples.LAYOUT_SETS), with the truth.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

KINDS = ("mv", "nd", "mi")
# The columns each look merges (the 提出時期 with its 説明 always): dates, or 項目 beside dates
# printed on every row.
MERGED = {
    "mv": ("change_date_raw", "timing", "explanation"),
    "nd": ("change_date_raw", "timing", "explanation"),
    "mi": ("item", "timing", "explanation"),
}
ROWS_MAX = 11
# Run lengths of the merged cells (rows), drawn per run.
RUN_LENGTHS = (1, 2, 2, 3, 4)
ALIGNS = ("top", "center", "bottom")
SIZES = ((9.0, 10.0, 10.5), (9.5, 11.0))
# A narrow 変更日 column (Excel width units) that wraps a 令和 date over two lines.
NARROW_DATE_WIDTH = (7, 8)
DATE_STYLES = {"mv": ("slash", "wareki", "short"), "nd": ("wareki", "wareki_fw"), "mi": ("slash", "short")}
FALLBACK_GLYPHS = "○□△"
# A manual page break every N rows (None: where the page fills), merged runs going on over it.
PAGE_ROWS = (None, 4, 5)


def _runs(n: int, rng: random.Random) -> list[tuple[int, int]]:
    """Consecutive runs (first, end exclusive) covering ``n`` rows."""
    out, at = [], 0
    while at < n:
        k = min(rng.choice(RUN_LENGTHS), n - at)
        out.append((at, at + k))
        at += k
    return out


def _merged(rows: list[dict], rng: random.Random, merged: tuple[str, ...]) -> list[dict]:
    """The rows with runs of equal values in the ``merged`` columns (dates, 提出時期 + 説明,
    項目: each run's rows given its first row's value; the runs of each column drawn apart)."""
    out = [dict(r) for r in rows]
    groups = (("change_date", "change_date_raw"), ("timing", "explanation"), ("item",))
    for keys in (g for g in groups if g[-1] in merged):
        for a, b in _runs(len(out), rng):
            for r in out[a + 1 : b]:
                for key in keys:
                    r[key] = out[a][key]
    return out


def _case(name: str, table: list[dict], kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-layout49-{name}")
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    c = plain_case(
        name,
        table[start : start + ROWS_MAX],
        "calc",
        heldout=heldout,
        date_style=rng.choice(DATE_STYLES[kind]),
    )
    aligns = {
        "change_date_raw": rng.choice(ALIGNS),
        "timing": (t := rng.choice(ALIGNS)),
        "explanation": t,
        "item": rng.choice(ALIGNS),
    }
    widths = c.widths
    if kind == "nd":
        widths = (rng.choice(NARROW_DATE_WIDTH), *widths[1:])
    return replace(
        c,
        rows=_merged(c.rows, rng, MERGED[kind]),
        size=rng.choice(SIZES[int(heldout)]),
        widths=widths,
        valign="top",
        valign_of=aligns,
        merge=True,
        merge_keys=MERGED[kind],
        merge_over_breaks=True,
        rows_per_page=rng.choice(PAGE_ROWS),
        repeat_header=rng.random() < 0.7,
        real_dates=False,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind over four tuning tables or two held-out ones, named ``[h]ly49-<kind>-<table>``."""
    tables = _four_tables(heldout)[: 2 if heldout else 4]
    cases = []
    for table, path in tables:
        for kind in KINDS:
            name = f"{'h' if heldout else ''}ly49-{kind}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), kind, heldout))
    return cases


SETS = split_sets("layout49", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
