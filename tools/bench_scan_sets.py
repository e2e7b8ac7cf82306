"""Scan sample sets scored from their committed tesseract reads (the steps after OCR, no OCR run).

    python tools/bench_scan_sets.py samples/scan-ocr47 samples/heldout-scan-ocr47 [--cells]
    python tools/bench_scan_sets.py --fresh samples/scan74      # each input read anew, whole
                                                                # pipeline, real tesseract; pages/s

Per set (each ``CASE/input.*`` with ``CASE/ocr/`` and ``CASE/expected/records.json``): cells
exactly right (whitespace aside), character similarity (1 - edit distance / truth characters over
all cells, ``bench_scan.cell_scores``), rows right (all six cells), wrong rows warned and right
rows warned (``bench_calibration.is_warned``: issue 12's definition), rows missing.  ``--cells``
lists every wrong cell (truth, read) with its row's flags.  Run it with another checkout's Python
(``/work/main/.venv/bin/python tools/bench_scan_sets.py …``) for that checkout's figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from bench_calibration import _scan_from_tsv, is_warned  # noqa: E402
from bench_scan import FIELDS, align, cell_scores  # noqa: E402


def tally(
    n: dict[str, int], expected: list[dict], got: list[dict], case: str = "", cells: bool = False
) -> None:
    """Add one case's counts to ``n`` (its keys: see ``score_set``): ``got`` records aligned with
    the ``expected`` ones; with ``cells``, each wrong cell printed under ``case``'s name."""
    for e, g in align(expected, got):
        n["rows"] += 1
        if g is None:
            n["missing"] += 1
            continue
        ok_row = True
        for f in FIELDS:
            truth, read = str(e.get(f) or ""), str(g.get(f) or "")
            _, d, k, ok = cell_scores(truth, read)
            n["cells"] += 1
            n["exact"] += ok
            n["dist"] += d
            n["chars"] += k
            ok_row &= ok
            if not ok and cells:
                print(f"{case} row {e.get('row_index')} {f} {g.get('flags')}")
                print(f"   truth {truth!r}\n   read  {read!r}")
        warned = is_warned(g)
        n["right" if ok_row else "wrong"] += 1
        n["right_warned" if ok_row else "wrong_warned"] += warned


def _fresh(case: Path, n: dict[str, int]) -> list[dict]:
    """Records of ``case``'s ``input.*`` read anew by the whole pipeline (tesseract run), its
    pages and seconds added to ``n``; its status and notes printed when not a success."""
    import time

    from piatable.pipeline import extract_document

    path = next(p for p in sorted(case.glob("input.*")))
    t0 = time.perf_counter()
    res = extract_document(path)
    n["seconds"] += time.perf_counter() - t0
    n["pages"] += res.pages or 1
    if res.status != "success" or res.notes:
        print(f"  {case.name}: {res.status}; " + " | ".join(res.notes)[:600])
    return [r.to_dict() for r in res.records]


def score_set(folder: Path, cells: bool = False, fresh: bool = False) -> dict[str, int]:
    """Counts over the cases of one set folder (see the module notes); wrong cells printed with
    ``cells``; with ``fresh`` each input read anew (``_fresh``) instead of its committed read."""
    n = {"cells": 0, "exact": 0, "dist": 0, "chars": 0, "rows": 0, "right": 0}
    n |= {"wrong": 0, "wrong_warned": 0, "right_warned": 0, "missing": 0, "pages": 0, "seconds": 0}
    for case in sorted(p for p in folder.iterdir() if (p / "ocr").is_dir()):
        expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
        got = _fresh(case, n) if fresh else _scan_from_tsv(case)[1]
        tally(n, expected, got, case.name, cells)
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--cells", action="store_true", help="list every wrong cell")
    ap.add_argument("--fresh", action="store_true", help="read each input anew (tesseract run)")
    ns = ap.parse_args(argv)
    for folder in ns.sets:
        n = score_set(folder, ns.cells, ns.fresh)
        if ns.fresh:
            print(
                f"{folder.name}: {n['pages']} pages in {n['seconds']:.1f} s = "
                f"{n['pages'] / max(n['seconds'], 1e-9):.2f} pages/s"
            )
        print(
            f"{folder.name}: cells {n['exact']}/{n['cells']} = {n['exact'] / max(n['cells'], 1):.1%}, "
            f"char sim {1 - n['dist'] / max(n['chars'], 1):.3f}, rows right {n['right']}/{n['rows']}, "
            f"wrong warned {n['wrong_warned']}/{n['wrong']}, right warned {n['right_warned']}/{n['right']}, "
            f"missing {n['missing']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
