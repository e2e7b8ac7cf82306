"""Cell accuracy of piatable on every bundled sample that has expected records.

    python tools/eval_samples.py [PATTERN ...] [-v]

PATTERN defaults to every ``samples/**/input.*`` with an ``expected/records.json`` beside it.
Prints, per sample and per family (the seed, each extractor's text, PDFs), the rows found, the
share of the six cells right exactly (paragraph breaks included) and ignoring whitespace, and the
share of rows with all six right; ``-v`` lists the wrong cells.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

import piatable

ROOT = Path(__file__).resolve().parent.parent
SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def family(case: Path) -> str:
    rel = case.relative_to(ROOT / "samples")
    top = rel.parts[0]
    if top == "extractors":
        name = rel.parts[1]
        for tool in ("pdftotext-layout", "pdftotext-raw", "pdftotext", "pdfminer", "pypdfium2"):
            if name.endswith(tool):
                return f"text from {tool}"
    return top


def squash(value: object) -> str:
    return re.sub(r"\s+", "", str(value or ""))


def evaluate(inputs: list[Path], verbose: bool = False) -> dict[str, dict[str, float]]:
    fams: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for path in inputs:
        expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
        try:
            got = piatable.extract(path)
        except piatable.PiatableError as exc:
            print(f"{path}: {exc}")
            got = []
        exact = loose = full_rows = 0
        for k, e in enumerate(expected):
            g = got[k].to_dict() if k < len(got) else {}
            ok = [g.get(f) == e[f] for f in SIX]
            exact += sum(ok)
            loose += sum(squash(g.get(f)) == squash(e[f]) for f in SIX)
            full_rows += all(ok)
            if verbose:
                for f, good in zip(SIX, ok, strict=True):
                    if not good:
                        print(f"   row {k} {f}: got {g.get(f)!r:.90} expected {e[f]!r:.90}")
        n = len(expected) * 6
        f = fams[family(path.parent)]
        for i, v in enumerate((exact, loose, full_rows, n, len(expected))):
            f[i] += v
        print(
            f"{path.parent.relative_to(ROOT)!s:55s} rows {len(got):3d}/{len(expected):3d}"
            f"  cells {exact / n:6.1%}  no-space {loose / n:6.1%}"
        )
    out = {}
    print()
    print(f"{'family':28s} {'cells':>7s} {'no-space':>9s} {'rows all six':>13s}")
    for name, (exact, loose, full_rows, n, rows) in sorted(fams.items()):
        out[name] = {"cells": exact / n, "cells_no_space": loose / n, "rows": full_rows / rows}
        print(f"{name:28s} {exact / n:7.1%} {loose / n:9.1%} {full_rows / rows:13.1%}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("patterns", nargs="*", default=["samples/**/input.*"])
    ap.add_argument("-v", "--verbose", action="store_true")
    ns = ap.parse_args(argv)
    inputs = sorted(
        {
            p
            for pat in ns.patterns
            for p in ROOT.glob(pat)
            if (p.parent / "expected" / "records.json").exists()
        }
    )
    evaluate(inputs, ns.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
