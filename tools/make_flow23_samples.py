"""Amendment tables that provoke lost rows in column-ordered text (issue 10, plain23).

    python tools/make_flow23_samples.py                        # both sets
    python tools/make_flow23_samples.py --set office-flow23     # or heldout-flow23

pdfminer ``extract_text`` and plain ``pdftotext`` print a page's cells as text boxes, column by
column, and often merge vertically adjacent cells of one column into one box.  A row is lost
when its date line never becomes a row's date.  These tables gather what makes that likely, the
way filings print it: dates merged over runs of 2 to 4 rows, empty 変更前 cells with an after
cell closing in 新規追加 / 上記を新規追加, a narrow date column whose dates wrap, dates written
with look-alike dashes, items printing no section of the form (Ⅰ…Ⅵ), and (Writer) long rows
running over page breaks.  The looks (fonts, sizes, alignment, page breaks) come from the pools
of tools/make_office_samples.py, whose helpers (writing, converting, truth) this tool uses.

``office-flow23`` (tuning) takes the tuning tables; ``heldout-flow23`` (measure only, never tune
on it) the held-out tables, in the held-out pools.  Each case keeps its PDF and the five
extractors' texts.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets, table_cases
from make_office_samples import (
    DASH_DATES,
    HELDOUT_BREAK_WIDTHS,
    TUNING_BREAK_WIDTHS,
    Case,
    plain_case,
)

# Rows kept per table (the kinds show in two or three pages).
ROWS_MAX = 9
# Runs of rows sharing one date (merged in the table): their lengths are drawn from these.
RUN_LENGTHS = (1, 2, 3, 4)
# Share of rows (never the first) made additions: no 変更前, the after cell closing in 新規追加.
ADDITION_SHARE = 0.3
ADDITION_CLOSINGS = ("上記を新規追加", "新規追加")
# Share of rows (never the first) whose item prints no section of the form (Ⅰ…Ⅵ): filers often
# print only the heading under it (``２．基本情報`` / ``⑥事務担当部署``), in every third case.
SECTIONLESS_SHARE = 0.4
# Calc date columns narrow enough (characters) that a date wraps onto a second line.
NARROW_CALC_DATE = (6, 7)


def _merged_dates(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with runs of 1 to 4 consecutive rows given the first row's date (a merged date
    cell, as several changes filed on one day print)."""
    out = [dict(r) for r in rows]
    k = 0
    while k < len(out):
        n = rng.choice(RUN_LENGTHS)
        for r in out[k + 1 : k + n]:
            r["change_date"] = out[k]["change_date"]
        k += n
    return out


def _additions(rows: list[dict], rng: random.Random) -> list[dict]:
    """Rows drawn (never the first) made additions: 変更前 empty, the after cell closing in
    上記を新規追加 (its text kept above) or printing 新規追加 alone."""
    out = [dict(r) for r in rows]
    picks = rng.sample(range(1, len(out)), max(1, round(ADDITION_SHARE * len(out)))) if len(out) > 1 else []
    for i in picks:
        r = out[i]
        closing = rng.choice(ADDITION_CLOSINGS)
        r["before"] = ""
        r["after"] = f"{r['after']}\n{closing}" if closing.startswith("上記") and r["after"] else "新規追加"
    return out


def _sectionless(rows: list[dict], rng: random.Random) -> list[dict]:
    """Rows drawn (never the first) with their item's first line, the section (Ⅰ…Ⅵ), left out."""
    out = [dict(r) for r in rows]
    picks = (
        rng.sample(range(1, len(out)), max(1, round(SECTIONLESS_SHARE * len(out)))) if len(out) > 1 else []
    )
    for i in picks:
        lines = out[i]["item"].split("\n")
        if len(lines) > 1:
            out[i]["item"] = "\n".join(lines[1:])
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-flow23-{name}")
    rows = _additions(_merged_dates(table[:ROWS_MAX], rng), rng)
    if n % 3 == 2:
        rows = _sectionless(rows, rng)
    style = office.DATE_STYLES[(n + 2 * heldout) % len(office.DATE_STYLES)]
    c = plain_case(name, rows, maker, heldout=heldout, date_style=style)
    c = replace(c, merge=True, fallback_glyphs="○□")
    if n % 3 == 1:
        # Look-alike dashes (U+2212, ー, U+2010, －, ／, .) in every date.
        dashed = [dict(r) for r in c.rows]
        for i, r in enumerate(dashed):
            dash = DASH_DATES[(i + n) % len(DASH_DATES)]
            r["change_date_raw"] = dash(dt.date.fromisoformat(r["change_date"]))
        c = replace(c, rows=dashed)
    if maker == "writer":
        # Long rows in narrow columns: rows break over pages, dates wrap.
        widths = rng.choice(HELDOUT_BREAK_WIDTHS if heldout else TUNING_BREAK_WIDTHS)
        c = replace(c, rows=office._long_rows(c.rows, rng, (2, 3)), widths=widths)
    elif n % 2 == 0:
        c = replace(c, widths=(rng.choice(NARROW_CALC_DATE), *c.widths[1:]))
    return c


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return table_cases("f23", heldout, redrawn, _case)


SETS = split_sets("flow23", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
