"""Rows right and 変更日 dates right per reader on the date-form sets (branch dates74).

    python tools/eval_dates74.py [SET ...]      # default: samples/office-dates74 samples/heldout-dates74

For each set and family (the PDF, each extractor's text): rows found / expected, rows with all six
cells right with paragraph breaks (``eval_office``'s "rows all six"), and rows whose
``change_date`` is the expected ISO date (rows aligned as ``eval_office`` aligns them: a row lost
or merged counts as a wrong date).  ``heldout-dates74`` is for measuring only: never tune on it.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_office import ROOT, evaluate_case, family

SETS = ("samples/office-dates74", "samples/heldout-dates74")


def main(argv: list[str] | None = None) -> int:
    """Print a table per set (and the sets summed); 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ns = ap.parse_args(argv)
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for s in ns.sets:
        root = ROOT / s
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for inp in sorted(root.glob("*/input.*")):
            res = evaluate_case(inp)
            sc = res.score
            bad_dates = {w.row for w in res.wrong if w.field == "change_date" and not w.loose}
            row = [sc.rows_found, sc.rows_expected, sc.full_rows, sc.rows_expected - len(bad_dates)]
            for key in (family(inp), "ALL"):
                for k in range(4):
                    per[key][k] += row[k]
                    total[key][k] += row[k]
        _print(s, per)
    if len(ns.sets) > 1:
        _print("every set given", total)
    return 0


def _print(title: str, per: dict[str, list[int]]) -> None:
    print(f"\n## {title}\n\n| family | rows found/exp | rows all six | dates ISO right |")
    print("| --- | ---: | ---: | ---: |")
    for fam, (found, exp, full, dates) in per.items():
        print(f"| {fam} | {found}/{exp} | {full}/{exp} | {dates}/{exp} |")


if __name__ == "__main__":
    raise SystemExit(main())
