"""Cell accuracy of piatable on flattened-text samples that have expected records.

    python tools/eval_text.py [PATH ...] [-v]

PATH is a folder (every ``input.txt`` below it with ``expected/records.json`` beside it) or an
input file; the default is every such ``samples/**/input.txt``.  The rows read are aligned with
the expected rows (an alignment that keeps their order and matches the most cells, so that one
row too many or too few does not count every later row wrong).  Printed per case and per family:
rows found / expected, the share of the six cells (change_date, item, before, after, timing,
explanation) right exactly, right ignoring whitespace and newlines, and the share of expected rows
with all six right.  ``-v`` lists the wrong cells, got vs expected.

``evaluate(paths)`` returns the same numbers for tests.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import piatable

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def squash(value: object) -> str:
    return re.sub(r"\s+", "", "" if value is None else str(value))


@dataclass
class Wrong:
    row: int  # expected row index
    field: str
    got: object
    expected: object


@dataclass
class CaseResult:
    case: str
    family: str
    rows_found: int
    rows_expected: int
    cells: int = 0  # cells compared: six per expected row
    exact: int = 0
    loose: int = 0
    full_rows: int = 0
    wrong: list[Wrong] = field(default_factory=list)
    error: str | None = None

    @property
    def cell_accuracy(self) -> float:
        return self.exact / self.cells if self.cells else 0.0

    @property
    def loose_accuracy(self) -> float:
        return self.loose / self.cells if self.cells else 0.0

    @property
    def row_accuracy(self) -> float:
        return self.full_rows / self.rows_expected if self.rows_expected else 0.0


@dataclass
class Totals:
    rows_found: int = 0
    rows_expected: int = 0
    cells: int = 0
    exact: int = 0
    loose: int = 0
    full_rows: int = 0

    def add(self, r: CaseResult) -> None:
        for name in ("rows_found", "rows_expected", "cells", "exact", "loose", "full_rows"):
            setattr(self, name, getattr(self, name) + getattr(r, name))

    def as_dict(self) -> dict[str, float]:
        return {
            "rows_found": self.rows_found,
            "rows_expected": self.rows_expected,
            "cells": self.exact / self.cells if self.cells else 0.0,
            "cells_no_space": self.loose / self.cells if self.cells else 0.0,
            "rows": self.full_rows / self.rows_expected if self.rows_expected else 0.0,
        }


@dataclass
class Report:
    cases: list[CaseResult]
    families: dict[str, dict[str, float]]
    overall: dict[str, float]


TOOLS = ("pdftotext-layout", "pdftotext-raw", "pdftotext", "pdfminer", "pypdfium2")


def family(folder: Path) -> str:
    """The group a case is reported in: its table (gen), its extractor (extractors, and any set
    of extractor texts such as office/ and heldout/, named ``SET TOOL``) or its folder."""
    tool = next((t for t in TOOLS if folder.name.endswith("-" + t)), None)
    try:
        rel = folder.resolve().relative_to(SAMPLES)
    except ValueError:
        return f"{folder.parent.name} {tool}" if tool else "other"
    top = rel.parts[0] if rel.parts else "samples"
    if top == "gen" and len(rel.parts) > 1:
        name = rel.parts[1]
        if "_columns_" in name:  # each page's columns one after another
            return "gen column order"
        if "_layout_chars_" in name:  # columns at character offsets, as pdftotext -layout prints
            return "gen layout chars"
        table = name.split("_", 1)[0]
        return f"gen {table} layout" if "_layout_" in name else f"gen {table}"
    if top == "extractors" and tool:
        return f"text from {tool}"
    if tool:
        return f"{top} {tool}"
    return top


def _cell_equal(got: dict, exp: dict, name: str) -> tuple[bool, bool]:
    g, e = got.get(name), exp.get(name)
    return g == e, squash(g) == squash(e)


def align(got: list[dict], expected: list[dict]) -> list[tuple[int, int]]:
    """Pairs (got index, expected index) in order, matching the most whitespace-free cells."""
    n, m = len(got), len(expected)
    score = [[sum(_cell_equal(g, e, f)[1] for f in SIX) for e in expected] for g in got]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + score[i][j])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if best[i][j] == best[i + 1][j + 1] + score[i][j] and score[i][j] > 0:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def evaluate_case(path: Path) -> CaseResult:
    folder = path.parent
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    try:
        case = str(folder.resolve().relative_to(ROOT))
    except ValueError:
        case = str(folder)
    error = None
    try:
        got = [r.to_dict() for r in piatable.extract(path)]
    except piatable.PiatableError as exc:
        got, error = [], str(exc)
    res = CaseResult(case, family(folder), len(got), len(expected), cells=6 * len(expected), error=error)
    matched = dict((j, i) for i, j in align(got, expected))
    for j, exp in enumerate(expected):
        g = got[matched[j]] if j in matched else {}
        ok_all = True
        for name in SIX:
            exact, loose = _cell_equal(g, exp, name)
            res.exact += exact
            res.loose += loose
            if not exact:
                ok_all = False
                res.wrong.append(Wrong(j, name, g.get(name) if g else "<no row>", exp.get(name)))
        res.full_rows += ok_all
    return res


def find_inputs(paths: list[Path]) -> list[Path]:
    found: set[Path] = set()
    for p in paths:
        candidates = [p] if p.is_file() else p.rglob("input.txt")
        found |= {c for c in candidates if (c.parent / "expected" / "records.json").exists()}
    return sorted(found)


def evaluate(paths: list[Path] | None = None, verbose: bool = False, out=None) -> Report:
    """Evaluate every input under ``paths`` (default: all samples); print a table when ``out`` is given."""
    inputs = find_inputs(paths or [SAMPLES])
    results = [evaluate_case(p) for p in inputs]
    fams: dict[str, Totals] = defaultdict(Totals)
    overall = Totals()
    for r in results:
        fams[r.family].add(r)
        overall.add(r)
    report = Report(results, {k: v.as_dict() for k, v in sorted(fams.items())}, overall.as_dict())
    if out is not None:
        print_report(report, verbose, out)
    return report


def _short(value: object, n: int = 70) -> str:
    text = repr(value)
    return text if len(text) <= n else text[: n - 1] + "…"


def print_report(report: Report, verbose: bool, out) -> None:
    width = max((len(r.case) for r in report.cases), default=10)
    print(f"{'case':{width}s}  rows found/exp   cells  no-space  rows all six", file=out)
    for r in report.cases:
        print(
            f"{r.case:{width}s}  {r.rows_found:4d}/{r.rows_expected:<4d}     "
            f"{r.cell_accuracy:6.1%}  {r.loose_accuracy:8.1%}  {r.row_accuracy:12.1%}"
            + (f"  error: {r.error}" if r.error else ""),
            file=out,
        )
        if verbose:
            for w in r.wrong:
                print(
                    f"    row {w.row} {w.field}: got {_short(w.got)} expected {_short(w.expected)}", file=out
                )
    print(file=out)
    print(f"{'family':28s}  rows found/exp   cells  no-space  rows all six", file=out)
    for name, t in [*report.families.items(), ("ALL", report.overall)]:
        print(
            f"{name:28s}  {t['rows_found']:4d}/{t['rows_expected']:<4d}     "
            f"{t['cells']:6.1%}  {t['cells_no_space']:8.1%}  {t['rows']:12.1%}",
            file=out,
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="folders or input files (default: samples/)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the wrong cells")
    ns = ap.parse_args(argv)
    evaluate(ns.paths or None, ns.verbose, out=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
