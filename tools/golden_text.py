"""Golden check of the text paths: every text input's records, notes and status, saved or compared.

Run it on one commit with ``--save FILE``, then on another with ``--compare FILE``: it prints
each input whose records (every field, page numbers, flags and confidences included), notes or
status differ, and exits 1 when any does.  Inputs: every ``*.txt`` under samples/ and the text
cases of ../shared (seed and cases), or the paths given.

    python tools/golden_text.py --save /tmp/before.json
    python tools/golden_text.py --compare /tmp/before.json
    python tools/golden_text.py --save /tmp/before.json --sample 800   # a seeded random 800 of them
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent.parent / "shared"


def text_inputs() -> list[Path]:
    paths = sorted((ROOT / "samples").rglob("*.txt"))
    for extra in (SHARED / "seed", SHARED / "cases"):
        paths += sorted(extra.glob("*.txt")) if extra.is_dir() else []
    return paths


def outcome(path: Path) -> dict:
    import piatable

    res = piatable.extract_document(path)
    return {
        "status": res.status,
        "notes": res.notes,
        "errors": [list(e) for e in res.errors],
        "records": [{**r.to_dict(), "source": ""} for r in res.records],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--sample", type=int, help="only N inputs drawn at random (seeded: the same N every run)")
    ap.add_argument("--seed", type=int, default=55, help="the seed of --sample")
    ns = ap.parse_args(argv)
    paths = ns.paths or text_inputs()
    if ns.sample and ns.sample < len(paths):
        import random

        paths = sorted(random.Random(ns.seed).sample(paths, ns.sample))
    got = {str(p): outcome(p) for p in paths}
    if ns.save:
        ns.save.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
        print(f"{len(got)} inputs saved to {ns.save}")
        return 0
    want = json.loads(ns.compare.read_text("utf-8"))
    differ = 0
    for key, now in got.items():
        then = want.get(key)
        if then is None:
            print(f"new: {key}")
            continue
        if json.loads(json.dumps(now, ensure_ascii=False)) != then:
            differ += 1
            fields = sorted(k for k in now if now[k] != then.get(k))
            print(f"differs ({', '.join(fields)}): {key}")
    print(f"{len(got)} inputs compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
