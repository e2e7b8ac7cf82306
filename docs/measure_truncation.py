"""Measure ``truncated:<field>`` on every bundled sample with expected records.

    .venv/bin/python docs/measure_truncation.py [-v]

A cell's truth comes from the hand-written tables (``samples/tables/*.json``): an expected cell
that equals a table's cell is whole; one that is a strict prefix of a table's cell was clipped
when the sample was printed; the seed's five cells clipped in the original document
(``samples/seed/NOTES.md``) count as clipped.  Only cells that piatable read right (whitespace
aside) are counted, so that reconstruction errors do not blur the figure; scans are left out.
Prints, per family, clipped cells flagged and whole cells flagged; ``-v`` lists the misses.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

import piatable.normalize.flags as flags_module
import piatable.normalize.records as records_module
from piatable.pipeline import extract_document
from piatable.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIELDS = ("item", "before", "after", "explanation")
SEED_CLIPPED = {(6, "after"), (8, "before"), (8, "after"), (10, "after"), (11, "before")}


def squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def truth_of() -> callable:
    whole: set[str] = set()
    clipped: set[str] = set()
    full: list[str] = []
    for path in sorted((SAMPLES / "tables").glob("*.json")):
        for k, rec in enumerate(json.loads(path.read_text("utf-8"))):
            for f in FIELDS:
                t = squash(rec[f])
                if not t:
                    continue
                if path.name == "seed.json" and (k, f) in SEED_CLIPPED:
                    clipped.add(t)
                else:
                    whole.add(t)
                    full.append(t)

    def truth(text: str) -> bool | None:
        t = squash(text)
        if not t:
            return None
        if t in clipped:
            return True
        if t in whole:
            return False
        return True if any(f.startswith(t) for f in full) else None

    return truth


def family(path: Path) -> str:
    rel = path.parent.relative_to(SAMPLES)
    if rel.parts[0] == "extractors":
        for tool in ("pdftotext", "pdfminer", "pypdfium2"):
            if tool in rel.parts[1]:
                return f"text from {tool}"
    return rel.parts[0]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true")
    verbose = ap.parse_args().v
    truth = truth_of()
    q = Settings().quality
    seen: dict[int, tuple] = {}
    original = flags_module.flag_record

    def spy(record, row, qs, tokenizer=None, today=None):  # keep each raw row for its evidence
        seen[record.row_index] = (row, record)
        return original(record, row, qs, tokenizer, today)

    records_module.flag_record = spy
    fams: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for path in sorted(SAMPLES.glob("**/input.*")):
        exp = path.parent / "expected" / "records.json"
        if not exp.exists() or path.parent.relative_to(SAMPLES).parts[0] == "scan":
            continue
        seen.clear()
        expected = json.loads(exp.read_text("utf-8"))
        extract_document(path)
        for k, e in enumerate(expected):
            if k not in seen:
                continue
            row, rec = seen[k]
            for f in FIELDS:
                tr = truth(e[f])
                if tr is None or squash(getattr(rec, f)) != squash(e[f]):
                    continue
                ev = flags_module.truncation_evidence(row, rec, f, q)
                flagged = sum(ev.values()) >= q.truncated_threshold
                c = fams[family(path)]
                c[0 if tr else 2] += 1
                c[1 if tr else 3] += flagged
                if verbose and tr != flagged:
                    kind = "missed" if tr else "false"
                    where = f"{path.parent.relative_to(SAMPLES)} row {k} {f}"
                    print(f"{kind}: {where} {getattr(rec, f)[-20:]!r} {ev}")
    print(f"{'family':22} {'clipped flagged':>16} {'whole flagged':>14}")
    tot = [0, 0, 0, 0]
    for name, c in sorted(fams.items()):
        print(f"{name:22} {c[1]:>7} / {c[0]:<6} {c[3]:>6} / {c[2]:<6}")
        tot = [a + b for a, b in zip(tot, c, strict=True)]
    print(f"{'all':22} {tot[1]:>7} / {tot[0]:<6} {tot[3]:>6} / {tot[2]:<6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
