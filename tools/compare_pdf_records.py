"""Dump, then compare, what piatable makes of every PDF: to check that a change meant to be
behaviour-neutral (a speed-up) leaves every record, note and status as it was.

    python tools/compare_pdf_records.py dump OUT.json [EXTRA.pdf ...]   # every PDF in samples/, tests/data/
    python tools/compare_pdf_records.py diff BEFORE.json AFTER.json

Run ``dump`` with the interpreter of each checkout (e.g. main's and a branch's ``.venv``); ``diff``
prints each PDF whose records, notes, status or cover facts differ and exits 1 when any does.
OCR-read PDFs are left out (``--kind pdf`` pages only: scans are not the PDF reader's work).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dump(out: Path, extra: list[str]) -> None:
    from piatable.pipeline import extract_document

    paths = sorted({*ROOT.glob("samples/**/*.pdf"), *ROOT.glob("tests/data/**/*.pdf")})
    paths += [Path(p).resolve() for p in extra]
    result: dict[str, object] = {}
    for p in paths:
        r = extract_document(p)
        if r.kind != "pdf":
            continue
        key = str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)
        result[key] = {
            "status": r.status,
            "notes": r.notes,
            "errors": [list(e) for e in r.errors],
            "records": [{k: v for k, v in rec.to_dict().items() if k != "source"} for rec in r.records],
            "documents": r.documents if isinstance(r.documents, dict) else str(r.documents),
        }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True, default=str), "utf-8")
    print(f"{len(result)} PDFs read by the PDF reader → {out}")


def diff(a: Path, b: Path) -> int:
    before, after = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    bad = 0
    for key in sorted(set(before) | set(after)):
        x, y = before.get(key), after.get(key)
        if x == y:
            continue
        bad += 1
        if x is None or y is None:
            print(f"{key}: only in {'after' if x is None else 'before'}")
            continue
        for part in sorted(set(x) | set(y)):
            if x.get(part) != y.get(part):
                print(f"{key}: {part} differ")
    print(f"{len(set(before) | set(after))} PDFs compared, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]), sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        sys.exit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
