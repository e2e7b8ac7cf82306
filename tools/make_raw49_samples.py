"""LibreOffice Calc tables whose row-ordered texts (pypdfium2, ``pdftotext -raw``) a new user's
set IX read wrong (issues 10 and 12, raw49).

    python tools/make_raw49_samples.py                         # both sets
    python tools/make_raw49_samples.py --set office-raw49      # or heldout-raw49

Three kinds, each Calc table printed in the order Calc draws a page (one-line cells first, then
wrapped cells: normalize/twophase.py):

* ``spaces``: 8 pt, short before / after cells with a full-width space inside
  (``健康福祉部　保険年金課``), printed with the one-line cells; ``pdftotext -raw`` prints the space
  half-width, the same as the gap between two cells;
* ``item``: 項目 merged over two or three rows (one item, several changes), printed once;
* ``merged``: dates, timings and explanations merged over runs of rows.

The looks and tables come from tools/make_office_samples.py (``plain_case``, ``_four_tables``);
``office-raw49`` (tuning) takes the tuning tables and the tuning values below, ``heldout-raw49``
(measure only, never tune on it) the held-out ones.  Each case keeps its PDF and only the
pypdfium2 and ``pdftotext -raw`` texts (make_office_samples.ROW_ORDERED_SETS).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _printable, load_table, plain_case

# Rows of each table kept.
ROWS_MAX = 7
FALLBACK_GLYPHS = "○□△"
# One-line before / after pairs with a full-width space inside each cell (invented).
TUNING_SPACED = (
    ("市民部　市民課", "市民生活部　市民窓口課"),
    ("総務部　情報政策課", "総務部　デジタル推進課"),
    ("月１回　定期送付", "随時　電子送付"),
    ("福祉部　介護保険課", "福祉部　高齢介護課"),
)
HELDOUT_SPACED = (
    ("健康部　国保年金課", "健康部　保険医療課"),
    ("企画部　情報管理課", "企画部　ＤＸ推進課"),
    ("年２回　紙媒体", "毎月　電子媒体"),
)
# Calc widths (date, item, before, after, timing, explanation): before / after wide enough for
# the pairs above on one line.
TUNING_CALC = ((11, 24, 30, 30, 8, 22), (10, 22, 28, 28, 7, 20))
HELDOUT_CALC = ((12, 26, 32, 32, 9, 24),)
KINDS = ("spaces", "item", "merged")


def _rows(table: list[dict], rng: random.Random, kind: str, heldout: bool) -> list[dict]:
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    rows = [dict(r) for r in table[start : start + ROWS_MAX]]
    if kind == "spaces":
        pairs = HELDOUT_SPACED if heldout else TUNING_SPACED
        for i in rng.sample(range(len(rows)), min(3, len(rows))):
            before, after = rng.choice(pairs)
            rows[i].update(before=before, after=after)
    elif kind == "item":
        # One item over the next one or two rows as well (one item, several changes).
        i = 0
        while i < len(rows) - 1:
            span = rng.choice((2, 3))
            for j in range(i + 1, min(i + span, len(rows))):
                rows[j]["item"] = rows[i]["item"]
            i += span + rng.choice((0, 1))
    else:
        # Runs of equal dates, timings and explanations (merged over the run).
        i = 0
        while i < len(rows) - 1:
            span = rng.choice((2, 3))
            for j in range(i + 1, min(i + span, len(rows))):
                for key in ("change_date_raw", "timing", "explanation"):
                    rows[j][key] = rows[i][key]
            i += span
    return rows


def _case(name: str, table: list[dict], kind: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-raw49-{name}")
    rows = _rows(_printable(table), rng, kind, heldout)
    # ASCII dates (2023/4/1, R5.4.1) fit one line and print with the one-line cells, as set IX's.
    c = plain_case(name, rows, "calc", heldout=heldout, date_style=rng.choice(("slash", "short")))
    pool = HELDOUT_CALC if heldout else TUNING_CALC
    return replace(
        c,
        widths=pool[n % len(pool)],
        size=8 if kind == "spaces" else c.size,
        valign="top",
        real_dates=False,
        merge=kind != "spaces",
        merge_keys=("item",) if kind == "item" else ("change_date_raw", "timing", "explanation"),
        rows_per_page=None,
        # Row heights set in the .xlsx, as set IX's were, so that a short cell stays one line
        # (and Calc prints it with the one-line cells).
        fixed_heights=True,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind on two tables (tuning: juki, kokuho; held out: the first two held-out tables),
    named ``[h]r49-<kind>-<table>``."""
    cases = []
    tables = office._four_tables(heldout)[:2]
    for k, kind in enumerate(KINDS):
        for m, (table, path) in enumerate(tables):
            name = f"{'h' if heldout else ''}r49-{kind}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, load_table(path), kind, heldout, 2 * k + m))
    return cases


SETS = split_sets("raw49", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
