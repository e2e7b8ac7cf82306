"""Whether a document's records depend on what the same process read before it (state leaking
between documents: a module-level cache, a mutated default, …).

    python tools/check_read_order.py dump OUT.json [--reverse] [SET ...]
    python tools/check_read_order.py diff A.json B.json

``dump`` reads every case input (``input.pdf`` / ``input.txt`` beside ``expected/records.json``,
as tools/eval_office.py finds them) of the SETs (default: every folder of ``samples/``) one after
another in one process, in sorted order or, with ``--reverse``, the reverse, and writes each
input's status, notes and records.  Run it both ways (two processes) and ``diff`` the two: each
input whose records, notes or status differ is printed, and the exit status is 1 when any does.
The default leaves out the sets of scans (``OCR_SET``): OCR is slow and reads no text layer.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Sets of scans (OCR: slow, and not what this check is after) are left out of the default.
OCR_SET = re.compile(r"scan|ocr")


def case_inputs(sets: list[Path]) -> list[Path]:
    """The case inputs of ``sets``, sorted (as tools/eval_office.inputs_of finds them)."""
    found: list[Path] = []
    for root in sets:
        for exp in sorted(root.rglob("expected/records.json")):
            folder = exp.parent.parent
            found += [folder / n for n in ("input.pdf", "input.txt") if (folder / n).exists()]
    return sorted(set(found))


def dump(out: Path, sets: list[Path], reverse: bool) -> None:
    from piatable.pipeline import extract_document

    paths = case_inputs(sets)
    result: dict[str, object] = {}
    for p in reversed(paths) if reverse else paths:
        r = extract_document(p)
        result[str(p.relative_to(ROOT))] = {
            "status": r.status,
            "notes": r.notes,
            "records": [{k: v for k, v in rec.to_dict().items() if k != "source"} for rec in r.records],
        }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True, default=str), "utf-8")
    print(f"{len(result)} inputs read{' in reverse order' if reverse else ''} → {out}")


def diff(a: Path, b: Path) -> int:
    one, two = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    bad = [k for k in sorted(set(one) | set(two)) if one.get(k) != two.get(k)]
    for k in bad:
        x, y = one.get(k) or {}, two.get(k) or {}
        print(f"{k}: " + ", ".join(part for part in sorted(set(x) | set(y)) if x.get(part) != y.get(part)))
    print(f"{len(set(one) | set(two))} inputs compared, {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "dump":
        rev = "--reverse" in args
        rest = [Path(x).resolve() for x in args[2:] if x != "--reverse"]
        every = sorted(p for p in (ROOT / "samples").iterdir() if p.is_dir() and not OCR_SET.search(p.name))
        dump(Path(args[1]), rest or every, rev)
    elif len(args) == 3 and args[0] == "diff":
        sys.exit(diff(Path(args[1]), Path(args[2])))
    else:
        sys.exit(__doc__)
