"""Rows wrong at confidence >= 0.9 with no warning, per half, on the sample cases a glob names
(branch pagenum74; scoring, alignment and the definitions of right / wrong / warned are
``tools/bench_calibration.score_case``'s).

    python tools/score_sets.py rows.json 'samples/office-extracol67/*' 'samples/heldout-extracol67/*'

Writes every row (case, row read, status, warned, confidence) to the JSON file and prints, for
the tuning half (``samples/office*`` …) and the held-out half (``samples/heldout*``): rows, wrong,
wrong at >= 0.9 unwarned, right rows warned, rows at >= 0.9 and the share right among them.
"""

from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_calibration import sample_cases, score_case

out, pats = sys.argv[1], sys.argv[2:]
rows = []
for c in sample_cases():
    if not any(fnmatch.fnmatch(c.name, p) for p in pats) or not c.name:
        continue
    for o in score_case(c):
        if o.status == "missing":
            continue
        rows.append([c.name, o.row_index, o.status, o.warned, o.confidence])
json.dump(rows, open(out, "w"))


def summ(rs):
    wr = [r for r in rs if r[2] != "right"]
    hi = [r for r in rs if r[4] >= 0.9]
    return dict(
        rows=len(rs),
        wrong=len(wr),
        wrong_hi_unwarned=sum(1 for r in wr if r[4] >= 0.9 and not r[3]),
        right_warned=sum(1 for r in rs if r[2] == "right" and r[3]),
        hi=len(hi),
        hi_right_pct=round(100 * sum(1 for r in hi if r[2] == "right") / max(1, len(hi)), 2),
    )


print("tuning", summ([r for r in rows if "/heldout" not in r[0]]))
print("heldout", summ([r for r in rows if "/heldout" in r[0]]))
