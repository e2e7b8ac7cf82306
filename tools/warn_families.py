"""Warnings per text extractor, tuning and held-out halves apart (issue 12, branch warn74).

    python tools/warn_families.py run rows.json --every 10 --start 3   # score the text cases
    python tools/warn_families.py summary rows.json                      # the table below
    python tools/warn_families.py summary before.json after.json         # side by side

``run`` scores, with ``tools/bench_calibration.score_case`` (its alignment, its definitions of
right, wrong and warned), every sample case whose input is a text file (``input.txt``) in the
LibreOffice-made sets ``samples/office*`` (tuning) and ``samples/heldout*`` (held out: measure,
never tune), every ``--every``-th from ``--start``, and writes each row as
``bench_calibration --json`` does (plus the cells read and expected), so ``tools/flag_sources.py``
reads it too.

``summary`` prints, per half and per extractor (the suffix of the case's folder: ``pypdfium2``,
``pdftotext-raw``, ``pdfminer``, plain ``pdftotext``, ``pdftotext-layout``; ``other`` for pypdf,
pdfplumber, PyMuPDF …): wrong rows warned, right rows warned, the share right among rows at
confidence ≥ 0.9; then where the right rows' warnings come from: confidence below 0.5 (such rows
are right about as often as their confidence says, so a narrower flag does not quieten them) or a
flag alone at confidence ≥ 0.5 (what narrowing a check can quieten), with the share of rows right
in each of those two groups.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_calibration import (
    ROOT,
    TOOLS,
    WARN_BELOW,
    is_heldout,
    is_warned,
    sample_cases,
    score_case,
    warning_flags,
)

HIGH = 0.9  # issue 12: among rows at confidence >= 0.9, >= 97% right


def _tool(family: str) -> str:
    last = family.split()[-1]
    return last if last in TOOLS else "other"


def run(out: Path, every: int, start: int) -> None:
    """Score every ``every``-th text case of the office / heldout sets into ``out`` (JSON)."""
    cases = [
        c
        for c in sample_cases()
        if c.name.split("/")[1].startswith(("office", "heldout"))
        and sorted((ROOT / c.name).glob("input.*"))[0].suffix == ".txt"
    ][start::every]
    rows = []
    for case in cases:
        for o in score_case(case):
            rows.append(
                {k: v for k, v in o.__dict__.items()}
                | {"status": o.status, "evidence": list(o.got.get("evidence") or [])}
            )
    out.write_text(json.dumps({"cases": len(cases), "rows": rows}, ensure_ascii=False) + "\n")


def tally(rows: list[dict]) -> dict[tuple[str, str], Counter[str]]:
    """(half, extractor or ALL) → counts of right / wrong rows, warned, high, and the split of the
    right rows' warnings (``low``: confidence < 0.5; ``flag``: a warning flag alone at ≥ 0.5)."""
    s: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["status"] == "missing":
            continue
        half = "held out" if is_heldout(r["case"]) else "tuning"
        right = r["status"] == "right"
        side = "right" if right else "wrong"
        low = r["confidence"] < WARN_BELOW
        flagged = bool(warning_flags(r["flags"]))
        for key in ((half, _tool(r["family"])), (half, "ALL")):
            c = s[key]
            c[side] += 1
            c[side + "_warned"] += is_warned(r)
            if r["confidence"] >= HIGH:
                c["high"] += 1
                c["high_right"] += right
            if low:
                c["low"] += 1
                c["low_right"] += right
            elif flagged:
                c["flag"] += 1
                c["flag_right"] += right
    return s


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "    - "


def summary(paths: list[Path]) -> None:
    tallies = [tally(json.loads(p.read_text("utf-8"))["rows"]) for p in paths]
    keys = sorted({k for t in tallies for k in t}, key=lambda k: (k[0] != "tuning", k[1] == "ALL", k[1]))
    print("half      extractor          wrong warned            right warned            conf>=0.9 right")
    for k in keys:
        cells = []
        for t in tallies:
            c = t[k]
            cells.append(
                f"{_pct(c['wrong_warned'], c['wrong'])} of {c['wrong']:4}  "
                f"{_pct(c['right_warned'], c['right'])} of {c['right']:4}  "
                f"{_pct(c['high_right'], c['high'])} of {c['high']:4}"
            )
        print(f"{k[0]:9} {k[1]:18} " + "  ->  ".join(cells))
    print("\nwhere the warnings sit (last file): rows at confidence < 0.5 / flagged at >= 0.5, share right")
    t = tallies[-1]
    for k in keys:
        c = t[k]
        print(
            f"{k[0]:9} {k[1]:18} conf<0.5: {c['low']:5} rows, {_pct(c['low_right'], c['low'])} right;"
            f"  flag at >=0.5: {c['flag']:4} rows, {_pct(c['flag_right'], c['flag'])} right"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--every", type=int, default=10)
    r.add_argument("--start", type=int, default=0)
    s = sub.add_parser("summary")
    s.add_argument("json", type=Path, nargs="+")
    ns = ap.parse_args(argv)
    if ns.cmd == "run":
        run(ns.out, ns.every, ns.start)
    else:
        summary(ns.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
