"""Wrong rows nobody is warned of, per input of sample sets (branch order74).

    python tools/wrong_unwarned.py SET [SET ...] [--FAMILY ...]

For each input (aligned with its expected rows as tools/eval_office.py aligns them), every row
with a cell wrong whitespace-free that ``bench_calibration.is_warned`` does not count as warned
is listed (case, row, confidence, flags, wrong cells), then two counts by family: those rows
(eval_office's "wrong rows warned" complement) and, of them, the rows at confidence 0.9 or more
carrying no warning flag (the worst outcome of the project's rules).  ``--pdf-calc``,
``--pdftotext-layout`` …: only inputs of those families.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_calibration import is_warned, warning_flags
from eval_office import SIX, align, family, inputs_of, squash

from piatable import extract_document

# The confidence from which a row counts as trusted (README: rows at 0.9 or more).
TRUSTED = 0.9


def main(argv: list[str]) -> int:
    """List and count; 0."""
    fams = [a[2:] for a in argv if a.startswith("--")]
    unwarned: dict[str, int] = {}
    trusted: dict[str, int] = {}
    for root in [Path(a).resolve() for a in argv if not a.startswith("--")]:
        for p in inputs_of(root):
            fam = family(p)
            if fams and fam not in fams:
                continue
            exp = json.loads((p.parent / "expected" / "records.json").read_text("utf-8"))
            got = [r.to_dict() for r in extract_document(p).records]
            matched = {j: i for i, j in align(got, exp)}
            for j, e in enumerate(exp):
                if j not in matched:
                    continue
                g = got[matched[j]]
                bad = [n for n in SIX if squash(g.get(n)) != squash(e.get(n))]
                if not bad or is_warned(g):
                    continue
                unwarned[fam] = unwarned.get(fam, 0) + 1
                if g.get("confidence", 1.0) >= TRUSTED and not warning_flags(g.get("flags") or []):
                    trusted[fam] = trusted.get(fam, 0) + 1
                print(p.parent.name, j, g.get("confidence"), g.get("flags"), bad)
    print("wrong unwarned (eval_office):", unwarned, sum(unwarned.values()))
    print(f"wrong at >= {TRUSTED} with no warning flag:", trusted, sum(trusted.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
