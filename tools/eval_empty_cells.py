"""Cells right on rows whose before or after cell is empty (samples/empty-cells), seed-like text.

Each set of rows is printed by tools/flatten.py in five styles and read back; the rows read are
aligned with the expected ones as in tools/eval_text.py and the six cells compared whitespace
aside.  ``--set`` changes a setting as on the command line; ``-v`` lists the wrong cells.

    python tools/eval_empty_cells.py [samples/empty-cells/tune.json ...] [--set stream.KEY=V] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import eval_text  # noqa: E402
import flatten  # noqa: E402

import piatable  # noqa: E402
from piatable.settings import Settings  # noqa: E402

STYLES = {
    "seed_12_20": flatten.Style(item_w=12, body_w=20, expl_w=12),
    "w14_22_wareki": flatten.Style(item_w=14, body_w=22, expl_w=14, date_style="wareki"),
    "w10_18_share": flatten.Style(item_w=10, body_w=18, expl_w=10, share_timing=True),
    "w12_24_nolines": flatten.Style(item_w=12, body_w=24, expl_w=12, blank_lines=False),
    "w16_20_end": flatten.Style(item_w=16, body_w=20, expl_w=14, header_at="end"),
}


def evaluate(rows: list[dict], settings: Settings) -> tuple[int, int, list[tuple]]:
    """(cells right, cells, wrong cells as (style, row, field, got, expected))."""
    right = total = 0
    wrong = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, style in STYLES.items():
            rendered = flatten.render(rows, style)
            path = Path(tmp) / f"{name}.txt"
            path.write_text(rendered.text, "utf-8")
            got = [r.to_dict() for r in piatable.extract_document(path, settings=settings).records]
            pairs = {j: i for i, j in eval_text.align(got, rendered.records)}
            for j, exp in enumerate(rendered.records):
                g = got[pairs[j]] if j in pairs else {}
                for f in eval_text.SIX:
                    total += 1
                    if eval_text.squash(g.get(f)) == eval_text.squash(exp.get(f)):
                        right += 1
                    else:
                        wrong.append((name, j, f, eval_text.squash(g.get(f)), eval_text.squash(exp.get(f))))
    return right, total, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--set", action="append", default=[], dest="assignments")
    ap.add_argument("-v", "--verbose", action="store_true")
    ns = ap.parse_args(argv)
    settings = Settings()
    for a in ns.assignments:
        settings.set(a)
    sets = ns.sets or sorted((ROOT / "samples" / "empty-cells").glob("*.json"))
    for path in sets:
        right, total, wrong = evaluate(json.loads(path.read_text("utf-8")), settings)
        print(f"{path.name}: {right}/{total} cells right ({right / total:.1%})")
        if ns.verbose:
            for w in wrong:
                print("   ", w[0], "row", w[1], w[2], "got", w[3][:40], "want", w[4][:40])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
