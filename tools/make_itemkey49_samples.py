"""Amendment tables whose 項目 cell is merged over two or three rows (one item changed in several
rows), made by LibreOffice Calc and Writer, for ``item_key`` over flattened texts (issue 14,
branch key49).

    python tools/make_itemkey49_samples.py                           # both sets
    python tools/make_itemkey49_samples.py --set office-itemkey49    # or heldout-itemkey49

A merged 項目 cell is printed once, its lines placed on the rows it spans (top or centred): a
reader that cuts rows by text lines gives the first row the section and upper headings and the
next the rest, or nothing to the rows below (``normalize/item_spread.py``).  Each case takes
``ROWS`` contiguous rows of a table (``plain_case``'s look, its own merges off) and gives the
rows of ``RUNS`` (index ranges) the item of the run's first row; those runs are merged
(``merge_keys=("item",)``), the item column set at the vertical alignment drawn from
``VALIGNS``.  ``office-itemkey49`` (tuning) takes three tuning tables, ``heldout-itemkey49``
(measure only, never tune on it) two held-out tables in the held-out fonts and sizes; each by
Calc and by Writer, with its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

ROWS = 7
# Runs of rows given one item (first, last), inclusive: a pair, then a run of three.
RUNS = ((0, 1), (3, 5))
VALIGNS = ("top", "center")
FALLBACK_GLYPHS = "○□△"


def _merged_items(rows: list[dict]) -> list[dict]:
    """The rows with each run of ``RUNS`` given its first row's item."""
    out = [dict(r) for r in rows]
    for first, last in RUNS:
        for k in range(first + 1, min(last, len(out) - 1) + 1):
            out[k]["item"] = out[first]["item"]
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-itemkey49-{name}")
    start = rng.randrange(max(len(table) - ROWS, 0) + 1)
    c = plain_case(name, table[start : start + ROWS], maker, heldout=heldout)
    return replace(
        c,
        rows=_merged_items(c.rows),
        merge=True,
        merge_keys=("item",),
        valign="top",
        valign_of={"item": rng.choice(VALIGNS)},
        rows_per_page=None,
        real_dates=False,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each table by Calc and Writer, named ``[h]ik49-<maker>-<table>``."""
    tables = _four_tables(heldout)[: 2 if heldout else 3]
    cases = []
    for table, path in tables:
        for maker in ("calc", "writer"):
            name = f"{'h' if heldout else ''}ik49-{maker}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), maker, heldout))
    return cases


SETS = split_sets("itemkey49", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
