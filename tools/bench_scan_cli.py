"""Scan sample sets scored by a checkout's command line, OCR included (what
``bench_scan_sets.py`` cannot: it scores the committed reads, made by the checkout that made
them, so a change before or inside OCR shows only through this).

    python tools/bench_scan_cli.py /work/main/.venv/bin/piatable /tmp/out-main samples/scan-ocr70
    python tools/bench_scan_cli.py .venv/bin/piatable /tmp/out-branch samples/scan-ocr70

Per set (each ``CASE/input.*`` with ``CASE/expected/records.json``): ``BIN extract`` writes
``OUT/SET/CASE.json`` (kept: a second run scores it again without OCR), then the figures of
``bench_scan_sets`` (cells exact, character similarity, rows right, wrong and right rows warned,
missing) and the rows read that no expected row took (extra).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from bench_scan import align  # noqa: E402
from bench_scan_sets import tally  # noqa: E402


def score_set(binary: str, out: Path, folder: Path) -> dict[str, int]:
    """Counts over the cases of one set folder, read by ``binary`` into ``out``."""
    n = dict.fromkeys(("cells", "exact", "dist", "chars", "rows", "right", "wrong", "extra"), 0)
    n |= dict.fromkeys(("wrong_warned", "right_warned", "missing"), 0)
    for case in sorted(p for p in folder.iterdir() if (p / "expected").is_dir()):
        target = out / folder.name / f"{case.name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            source = next(case.glob("input.*"))
            subprocess.run(
                [binary, "extract", str(source), "-o", str(target)], capture_output=True, check=False
            )
        got = json.loads(target.read_text("utf-8")) if target.exists() else []
        expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
        n["extra"] += max(len(got) - sum(g is not None for _, g in align(expected, got)), 0)
        tally(n, expected, got)
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary", help="a checkout's piatable command")
    ap.add_argument("out", type=Path, help="folder for the records read")
    ap.add_argument("sets", nargs="+", type=Path)
    ns = ap.parse_args(argv)
    for folder in ns.sets:
        n = score_set(ns.binary, ns.out, folder)
        print(
            f"{folder.name}: cells {n['exact']}/{n['cells']} = {n['exact'] / max(n['cells'], 1):.1%}, "
            f"char sim {1 - n['dist'] / max(n['chars'], 1):.3f}, rows right {n['right']}/{n['rows']}, "
            f"wrong warned {n['wrong_warned']}/{n['wrong']}, right warned {n['right_warned']}/{n['right']}, "
            f"missing {n['missing']}, extra {n['extra']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
