"""Which doubts warn which rows: each warning reason's wrong and right rows, per input kind.

    python tools/warn_reasons.py run --sets raw23,raw40 --tools pdftotext-raw,pypdfium2 -o a.json
    python tools/warn_reasons.py show a.json                 # reasons: wrong / right rows, alone
    python tools/warn_reasons.py show a.json --right         # the right rows warned, with evidence
    python tools/warn_reasons.py show a.json --alone "one width" --min-conf 0.5
                                     # the rows that reason alone warns (at confidence ≥ 0.5)
    python tools/warn_reasons.py diff before.json after.json # rows whose warning came or went

``run`` scores the sample cases whose folder names one of ``--sets`` and whose extractor is one
of ``--tools`` (``pdf`` for a PDF, ``scan`` for a committed scan) with
``tools/bench_calibration.py``'s definitions (issue 12: a row is wrong when one of its six cells
differs from the truth, warned when it carries a flag other than the informational ones or
confidence below 0.5) and writes every row read, its flags, confidence and evidence.

``show`` splits each warned row's warning into its reasons: the evidence lines of a warning flag
(``after: column_guess: …``), their quoted text and numbers taken out, or the flag alone when no
evidence names it, or ``confidence < 0.5`` when no warning flag is set.  For each reason it
prints the wrong and right rows it is on, and those it alone warns (remove the check and they
lose their warning), with ``--min-conf`` only rows at that confidence or more (below 0.5 a row
is warned by its confidence whatever its flags), and with ``--alone TEXT`` lists the rows a reason
holding TEXT alone warns, their wrong cells and the row's other evidence.  Each part's first line
also counts the wrong rows no warning marks.  Held-out rows (``samples/heldout*``) are counted
apart: measure them, never tune on them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import bench_calibration as bench  # noqa: E402

# Quoted text, numbers and arrows differ from row to row; the rest names the check.
_QUOTED = re.compile(r"「[^」]*」|'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”|‘[^’]*’")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PARENTHESES = re.compile(r"\s*[(（][^()（）]*[)）]")
_EVIDENCE = re.compile(r"^(?P<field>[a-z_]+): (?P<flag>[a-z_:]+): (?P<why>.*)$", re.S)
REASON_CHARS = 90


def _tool(case: str) -> str:
    """The extractor of a case folder (``pdf`` for a PDF, ``scan`` for a committed scan)."""
    name = case.rsplit("/", 1)[-1]
    for t in bench.TOOLS:
        if name.endswith("-" + t):
            return t
    return "pdf"


def select(sets: list[str], tools: list[str]) -> list[bench.Case]:
    """The sample cases of the named sets (a substring of the folder) read by the named tools."""
    out = []
    for c in bench.sample_cases():
        folder = c.name.split("/")[1] if c.name.startswith("samples/") else c.name
        tool = "scan" if c.family == "scan" else _tool(c.name)
        if any(s in folder for s in sets) and (not tools or tool in tools):
            out.append(c)
    return out


def run(sets: list[str], tools: list[str], out: Path) -> None:
    """Score the selected cases and write one JSON row per row read (and per missing row)."""
    rows = []
    cases = select(sets, tools)
    for k, case in enumerate(cases):
        if k % 50 == 0:
            print(f"{k}/{len(cases)} {case.name}", file=sys.stderr, flush=True)
        for o in bench.score_case(case):
            rows.append(
                {
                    "case": o.case,
                    "kind": o.kind,
                    "row": o.row_index,
                    "expected": o.expected_index,
                    "status": o.status,
                    "wrong_cells": o.wrong_cells,
                    "warned": o.warned,
                    "confidence": o.confidence,
                    "flags": o.flags,
                    "evidence": list(o.got.get("evidence") or []),
                }
            )
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def reasons(row: dict) -> list[str]:
    """The warning reasons of a row (empty when it is not warned)."""
    flags = bench.warning_flags(row["flags"])
    found: set[str] = set()
    named: set[str] = set()
    for line in row["evidence"]:
        m = _EVIDENCE.match(line)
        if not m or m["flag"] not in flags:
            continue
        named.add(m["flag"])
        why = _NUMBER.sub("N", _PARENTHESES.sub(" (…)", _QUOTED.sub("…", m["why"])))
        found.add(f"{m['flag']}: {why[:REASON_CHARS]}")
    found |= {f"{f} (no evidence)" for f in flags if f not in named}
    if not found and row["confidence"] < bench.WARN_BELOW:
        found.add("confidence < 0.5 (no flag)")
    return sorted(found)


def _heldout(row: dict) -> bool:
    return bench.is_heldout(row["case"])


def show(rows: list[dict], list_right: bool, kind: str, min_conf: float = 0.0, alone: str = "") -> None:
    """Print each reason's wrong / right rows (and those it alone warns), tuning and held-out;
    only rows at ``min_conf`` or more; with ``alone``, the rows a reason holding it alone warns."""
    rows = [
        r
        for r in rows
        if r["status"] != "missing" and (not kind or kind in r["kind"]) and r["confidence"] >= min_conf
    ]
    for title, part in (
        ("tuning", [r for r in rows if not _heldout(r)]),
        ("held-out", [r for r in rows if _heldout(r)]),
    ):
        if not part:
            continue
        wrong = [r for r in part if r["status"] != "right"]
        right = [r for r in part if r["status"] == "right"]
        print(
            f"=== {title}: wrong rows warned {sum(r['warned'] for r in wrong)}/{len(wrong)} "
            f"(unwarned {sum(not r['warned'] for r in wrong)}), "
            f"right rows warned {sum(r['warned'] for r in right)}/{len(right)}"
        )
        tally: dict[str, Counter[str]] = defaultdict(Counter)
        for r in part:
            rs = reasons(r)
            side = "right" if r["status"] == "right" else "wrong"
            for why in rs:
                tally[why][side] += 1
                if len(rs) == 1:
                    tally[why][side + " alone"] += 1
        print(f"{'wrong':>6s} {'right':>6s} {'w.alone':>7s} {'r.alone':>7s}  reason")
        for why, c in sorted(tally.items(), key=lambda kv: -kv[1]["right"] - kv[1]["right alone"]):
            print(f"{c['wrong']:6d} {c['right']:6d} {c['wrong alone']:7d} {c['right alone']:7d}  {why}")
        for r in part if alone else ():
            rs = reasons(r)
            if len(rs) == 1 and alone in rs[0]:
                wrong_cells = ",".join(r["wrong_cells"]) or "-"
                head = f"{r['status']:5s} {r['case']} row {r['row']} conf {r['confidence']:.3f}"
                print(f"  {head} wrong {wrong_cells}")
                for line in r["evidence"]:
                    print("      " + line[:200])
        if list_right:
            for r in right:
                if r["warned"]:
                    print(f"\n{r['case']} row {r['row']} conf {r['confidence']:.3f} {r['flags']}")
                    for line in r["evidence"]:
                        print("    " + line[:300])
        print()


def diff(before: list[dict], after: list[dict]) -> None:
    """Rows whose warning came or went between two runs (keyed by case and expected row)."""
    key = lambda r: (r["case"], r["expected"], r["row"] if r["expected"] is None else None)  # noqa: E731
    old = {key(r): r for r in before if r["status"] != "missing"}
    for r in after:
        if r["status"] == "missing":
            continue
        o = old.get(key(r))
        if o is None or (o["warned"] == r["warned"] and o["status"] == r["status"]):
            continue
        side = "held-out" if _heldout(r) else "tuning"
        print(
            f"[{side}] {r['case']} row {r['row']}: {o['status']} {'warned' if o['warned'] else 'quiet'}"
            f" {o['confidence']:.3f} → {r['status']} {'warned' if r['warned'] else 'quiet'}"
            f" {r['confidence']:.3f}  {reasons(o)} → {reasons(r)}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="score the selected cases and write their rows")
    r.add_argument("--sets", required=True, help="comma-separated substrings of the sample folders")
    r.add_argument("--tools", default="", help="comma-separated extractors (pdftotext-raw, pdf, scan …)")
    r.add_argument("-o", "--out", type=Path, required=True)
    s = sub.add_parser("show", help="each warning reason's wrong and right rows")
    s.add_argument("rows", type=Path)
    s.add_argument("--right", action="store_true", help="list the right rows warned")
    s.add_argument("--kind", default="", help="only rows of this input kind (substring)")
    s.add_argument("--min-conf", type=float, default=0.0, help="only rows at this confidence or more")
    s.add_argument("--alone", default="", help="list the rows a reason holding this text alone warns")
    d = sub.add_parser("diff", help="rows whose warning came or went")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    ns = ap.parse_args(argv)
    if ns.cmd == "run":
        run([x for x in ns.sets.split(",") if x], [x for x in ns.tools.split(",") if x], ns.out)
    elif ns.cmd == "show":
        show(json.loads(ns.rows.read_text("utf-8")), ns.right, ns.kind, ns.min_conf, ns.alone)
    else:
        diff(json.loads(ns.before.read_text("utf-8")), json.loads(ns.after.read_text("utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
