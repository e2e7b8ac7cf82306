"""Calc and Writer tables whose 提出時期 cells print a qualifier under 事前 / 事後, and tables whose
提出時期 column is so narrow that its label wraps (提出 / 時期) (issues 10 / 11 / 12 / 14, branch
timing51; set XII's w5 and c5 kinds).

    python tools/make_timing51_samples.py                          # both sets
    python tools/make_timing51_samples.py --set office-timing51     # or heldout-timing51

Two looks, each by Calc and by Writer:

- ``q``: about ``QUALIFIED_SHARE`` of the rows print, in the 提出時期 cell, a second line under
  事前 / 事後: a bracketed phrase, a ※ note or a short bare word (``QUALIFIERS``);
- ``n``: the same, in a 提出時期 column so narrow that its label wraps (Calc 4.5–5.5 character
  widths, Writer 1.1–1.3 cm: ``make_office_samples.fourth_case``'s ``narrowtiming`` widths); in
  Calc the rows' heights are set (``fixed_heights``), the label row's left at one line, so the
  wrapped label prints across the ruling under it (提出 / 時期 in set XII's c5).

The truth's ``timing`` is the word (事前 / 事後) whatever the cell prints beside it: the
qualifier is the timing cell's (``timing_raw``), never the explanation's (set XII's
REPRO.md: w5's truth timing 事前 for 「事前」 + 「（重要な変更）」).  Dates merge at most (no
merged timing).  ``office-timing51`` (tuning) takes two tuning tables, ``heldout-timing51``
(measure only, never tune on it) two held-out tables in the held-out fonts and sizes.  Each case
keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

KINDS = ("q", "n")
MAKERS = ("calc", "writer")
ROWS_MAX = 6
QUALIFIED_SHARE = 0.6
# What a 提出時期 cell prints under its word: the shapes people give a qualifier.
QUALIFIERS = ("（重要な変更）", "(任意)", "※重要な変更", "（再評価）", "再評価", "【重要】")
NARROW_CALC = (4.5, 5.0, 5.5)
NARROW_WRITER = (1.1, 1.2, 1.3)


def _qualified(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows, about ``QUALIFIED_SHARE`` of them with a qualifier line under their timing (one
    qualifier per table: a filing prints its qualifiers alike)."""
    qualifier = rng.choice(QUALIFIERS)
    out = []
    for r in rows:
        r = dict(r)
        if r["timing"] and rng.random() < QUALIFIED_SHARE:
            r["timing"] = f"{r['timing']}\n{qualifier}"
        out.append(r)
    return out


def _case(name: str, table: list[dict], maker: str, kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-timing51-{name}")
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    c = plain_case(name, table[start : start + ROWS_MAX], maker, heldout=heldout)
    widths = list(c.widths)
    if kind == "n":
        widths[4] = rng.choice(NARROW_CALC if maker == "calc" else NARROW_WRITER)
    return replace(
        c,
        rows=_qualified(c.rows, rng),
        widths=tuple(widths),
        merge_keys=("change_date_raw",),
        real_dates=False,
        # Calc rows of set heights (the label row left at one line: its wrapped label prints
        # across the ruling under it, set XII's c5), in the narrow look.
        fixed_heights=kind == "n" and maker == "calc",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each look by Calc and by Writer over two tuning tables or two held-out ones, named
    ``[h]tm51-<kind>-<maker>-<table>``."""
    cases = []
    for table, path in _four_tables(heldout)[:2]:
        for maker in MAKERS:
            for kind in KINDS:
                name = f"{'h' if heldout else ''}tm51-{kind}-{maker}-{table}"
                while name in redrawn:
                    name += "-r"
                cases.append(_case(name, _printable(load_table(path)), maker, kind, heldout))
    return cases


_printed_records = office.expected_records


def expected_records(pdf: Path, case: Case) -> list[dict]:
    """``make_office_samples.expected_records`` (the cells checked as printed, qualifier and all),
    each row's ``timing`` then its word alone: the truth of a qualified 提出時期 cell."""
    out = _printed_records(pdf, case)
    for e in out:
        if e.get("timing"):
            e["timing"] = e["timing"].split("\n")[0].strip()
    return out


office.expected_records = expected_records  # build_set looks it up when it runs
SETS = split_sets("timing51", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
