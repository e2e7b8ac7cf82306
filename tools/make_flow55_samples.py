"""Tables with merged 項目 / 説明 / 変更日 cells and rows broken over pages, printed by Calc,
Writer and AbiWord, and read by fourteen extractors (issue 10, branch flow55).

    python tools/make_flow55_samples.py                          # both sets
    python tools/make_flow55_samples.py --set office-flow55      # or heldout-flow55

An unseen test set of office-made PDFs showed three kinds of fault (the flow55 brief):

- ``cm``: LibreOffice Calc, 項目 merged over a run of ``MERGE_RUN`` rows (several changes of one
  form item) and 説明 merged over another run (one reason for several changes); flattened text
  loses rows;
- ``wm``: LibreOffice Writer, the .docx saved as .odt first (a document made in Writer), 変更日
  merged over runs of 1–3 rows and 項目 over runs of 2–3 rows, before / after cells made long
  so that rows break over pages (the page-2 part of an item cell goes on under the repeated
  header);
- ``ab``: AbiWord (``abiword --to=pdf`` of the .docx), long rows that break over pages.

The truth of a merged cell is its value in every row it covers (``make_office_samples``).
``office-flow55`` (tuning) takes two tuning tables per kind, ``heldout-flow55`` (measure only,
never tune on it) two held-out tables in the held-out fonts, sizes and widths.  Each case keeps
its PDF and the texts of ``TEXTS``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_empty50_samples import FALLBACK_GLYPHS, _runs
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import (
    HELDOUT_BREAK_WIDTHS,
    TUNING_BREAK_WIDTHS,
    Case,
    _four_tables,
    _long_rows,
    _printable,
    load_table,
    plain_case,
)

KINDS = ("cm", "wm", "ab")
ROWS_MAX = {"cm": 8, "wm": 10, "ab": 6}
# Rows a merged 項目 or 説明 covers in a Calc table (the unseen set merged over three).
MERGE_RUN = 3
# Runs of a Writer table's merged 変更日 and 項目.
DATE_RUNS = (1, 2, 3)
ITEM_RUNS = (2, 3)
# How many times a Writer / AbiWord row's before / after paragraphs are repeated (rows that
# break over pages; Writer's landscape page holds more).
LONG_TIMES = {"wm": (3, 4), "ab": (2, 3)}


def _shared(rows: list[dict], key: str, runs: list[tuple[int, int]], keys: tuple[str, ...] = ()) -> None:
    """Each run's rows (first, end exclusive) take the first row's ``key`` (and ``keys``)."""
    for a, b in runs:
        for i in range(a + 1, b):
            for k in (key, *keys):
                rows[i][k] = rows[a][k]


def _calc_rows(rows: list[dict], rng: random.Random) -> list[dict]:
    """One run of ``MERGE_RUN`` rows sharing their 項目, another (which may overlap it) sharing
    their 説明."""
    out = [dict(r) for r in rows]
    n = len(out)
    a = rng.randrange(0, n - MERGE_RUN + 1)
    _shared(out, "item", [(a, a + MERGE_RUN)])
    b = rng.randrange(0, n - MERGE_RUN + 1)
    _shared(out, "explanation", [(b, b + MERGE_RUN)])
    return out


def _writer_rows(rows: list[dict], rng: random.Random) -> list[dict]:
    """Dates shared over runs of ``DATE_RUNS`` rows and items over runs of ``ITEM_RUNS`` rows
    (inside a date run or across two), consecutive runs of one column different."""
    out = [dict(r) for r in rows]
    _shared(out, "change_date_raw", _runs(len(out), rng, DATE_RUNS), ("change_date",))
    item_runs = [(a, b) for a, b in _runs(len(out), rng, (1, *ITEM_RUNS)) if b - a > 1]
    _shared(out, "item", item_runs)
    return out


def _case(name: str, table: list[dict], kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-flow55-{name}")
    n = ROWS_MAX[kind]
    start = rng.randrange(max(len(table) - n, 0) + 1)
    maker = "calc" if kind == "cm" else "writer"
    c = plain_case(name, table[start : start + n], maker, heldout=heldout)
    if kind == "cm":
        return replace(
            c,
            rows=_calc_rows(c.rows, rng),
            merge=True,
            merge_keys=("item", "explanation"),
            rows_per_page=None,
            fallback_glyphs=FALLBACK_GLYPHS,
        )
    rows = _long_rows(c.rows, rng, LONG_TIMES[kind])
    widths = rng.choice(HELDOUT_BREAK_WIDTHS if heldout else TUNING_BREAK_WIDTHS)
    if kind == "wm":
        return replace(
            c,
            rows=_writer_rows(rows, rng),
            widths=widths,
            merge=True,
            merge_keys=("change_date_raw", "item"),
            repeat_header=True,
            via_odt=True,
            fallback_glyphs=FALLBACK_GLYPHS,
        )
    return replace(
        c, rows=rows, widths=widths, merge=False, program="abiword", fallback_glyphs=FALLBACK_GLYPHS
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind over two of the set's four tables, named ``[h]f55-<kind>-<table>``."""
    cases = []
    tables = _four_tables(heldout)
    for k, kind in enumerate(KINDS):
        for m in range(2):
            table, path = tables[(k + 2 * m) % len(tables)]
            name = f"{'h' if heldout else ''}f55-{kind}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), kind, heldout))
    return cases


SETS = split_sets("flow55", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
