"""Scanned assessments with a cover (tools/make_scan_covers.py): cover facts, cells, honesty.

    python tools/bench_scan_covers.py samples/scan8              # tuning set
    python tools/bench_scan_covers.py samples/heldout-scan8      # held-out: measure, never tune
    python tools/bench_scan_covers.py samples/scan8 --cached     # tesseract's page reads kept
                                                                 # under $TMPDIR by file hash:
                                                                 # the steps after them only;
                                                                 # covers above a table need
                                                                 # their own read, not kept:
                                                                 # cover facts only uncached
    python tools/bench_scan_covers.py samples/scan8 --rows wrong # list the wrong rows
    python tools/bench_scan_covers.py samples/scan8 --corrections  # each OCR correction judged

Per set: cover facts found right (of those printed: 評価書番号, 評価書名, 評価実施機関名, 公表日 as
ISO, form), rows read, cell similarity (mean of 1 - CER over cells) and share of cells exact
(whitespace aside; tools/bench_scan.py), and honesty as tools/bench_calibration.py counts it
(issue 12): the share of wrong rows warned, of right rows warned, and of right rows among rows
at confidence ≥ 0.9.  ``--corrections`` judges each corrected line (evidence ``ocr_corrected``)
against the truth cell: right when the corrected text is in the truth and the read text is not,
wrong the other way round.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import bench_calibration as bc  # noqa: E402
import bench_scan  # noqa: E402
from ocr_cache import load_scans, save_scans  # noqa: E402

_CORRECTED = re.compile(r"^(\w+): ocr_corrected[^:]*: read (.*), corrected to (.*)$", re.S)
FACTS = ("assessment_number", "assessment_name", "agency", "published", "form")


def _cache_dir(path: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    digest += os.environ.get("PIATABLE_OCR_CACHE_TAG", "")
    return Path(tempfile.gettempdir()) / "piatable-scan-covers-ocr" / digest


def run_scan(path: Path, cached: bool):  # type: ignore[no-untyped-def]
    """The DocumentResult of a scan: the whole pipeline, or (``cached``) tesseract's page reads
    kept from an earlier run and the steps after them."""
    from piatable.pipeline import extract_document
    from piatable.settings import Settings

    if not cached:
        return extract_document(path, "scan", Settings())
    from piatable.extract.ocr.pages import scan_image_file, scan_pdf
    from piatable.extract.ocr.reader import scans_to_scan_reading
    from piatable.pipeline import reading_to_result

    settings = Settings()
    cache = _cache_dir(path)
    if not (cache / "done").exists():
        if path.suffix.lower() == ".pdf":
            from piatable.extract.pdf import open_pdf

            doc = open_pdf(path)
            n = len(doc)
            doc.close()
            scans = scan_pdf(path, list(range(1, n + 1)), settings.ocr)
        else:
            scans = scan_image_file(path, settings.ocr)
            n = max(s.page for s in scans)
        save_scans(cache, scans, n)
    scans, n = load_scans(cache)
    reading = scans_to_scan_reading(path, scans, n, settings)
    return reading_to_result(reading, str(path), settings)


def judge_corrections(records: list[dict], outcomes: list[bc.RowOutcome]) -> tuple[int, int, list[str]]:
    """(right, wrong, the wrong ones) among the corrected lines of rows matched to a truth row."""
    right = wrong = 0
    shown: list[str] = []
    for o in outcomes:
        if o.row_index is None or o.expected_index is None:
            continue
        for ev in o.got.get("evidence") or []:
            m = _CORRECTED.match(ev)
            if not m:
                continue
            try:
                read, fixed = ast.literal_eval(m.group(2)), ast.literal_eval(m.group(3))
            except (SyntaxError, ValueError):
                continue
            field = m.group(1)
            truth = bc.squash(o.expected.get("change_date_raw" if field == "change_date" else field))
            r, f = bc.squash(read), bc.squash(fixed)
            if f in truth and r not in truth:
                right += 1
            elif r in truth and f not in truth:
                wrong += 1
                shown.append(f"{o.case} row {o.row_index} {field}: {read!r} -> {fixed!r}")
    return right, wrong, shown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--cached", action="store_true")
    ap.add_argument("--rows", choices=("wrong", "unwarned", "warned-right", "all"))
    ap.add_argument("--corrections", action="store_true")
    ap.add_argument("--worst", action="store_true", help="print the cells not exactly right")
    ap.add_argument("--json", type=Path)
    ns = ap.parse_args(argv)
    figures = {}
    for root in ns.sets:
        outcomes: list[bc.RowOutcome] = []
        facts_right = facts_total = 0
        sims: list[float] = []
        exact = cells = 0
        fixes_right = fixes_wrong = 0
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            inputs = sorted(folder.glob("input.*"))
            if not inputs:
                continue
            expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
            facts = json.loads((folder / "expected" / "documents.json").read_text("utf-8"))
            res = run_scan(inputs[0], ns.cached)
            got = [r.to_dict() for r in res.records]
            cover = dict(res.documents)
            ok = [k for k in FACTS if bc.squash(cover.get(k)) == bc.squash(facts.get(k)) and facts.get(k)]
            facts_right += len(ok)
            facts_total += len(FACTS)
            s = bench_scan.score(expected, got, every=ns.worst)
            sims.append(s["cell_similarity"] * s["cells"])
            exact += round(s["exact_cells"] * s["cells"])
            cells += s["cells"]
            case = bc.Case(folder.name, root.name, expected, lambda got=got: ("scan", got))
            outs = bc.score_case(case)
            outcomes += outs
            right, wrong, shown = judge_corrections(got, outs)
            fixes_right += right
            fixes_wrong += wrong
            print(
                f"{folder.name:22s} rows {s['rows']:>6s} cell-sim {s['cell_similarity']:.3f} "
                f"exact {s['exact_cells']:.3f} cover {len(ok)}/{len(FACTS)} "
                f"{ {k: cover.get(k) for k in FACTS if k not in ok} }",
                flush=True,
            )
            if ns.worst:
                for w in s["worst"]:
                    print(f"    {w[0]:.2f} row {w[1]} {w[2]}: {w[3]!r} -> {w[4]!r}")
            if ns.corrections:
                for line in shown:
                    print(f"    wrong correction: {line}")
        t = bc.summarise(outcomes)["total"]
        fig = {
            "cover_facts_right": facts_right,
            "cover_facts": facts_total,
            "cell_similarity": sum(sims) / max(cells, 1),
            "exact_cells": exact / max(cells, 1),
            "cells": cells,
            **t,
            "corrections_right": fixes_right,
            "corrections_wrong": fixes_wrong,
        }
        figures[str(root)] = fig
        print(
            f"== {root}: cover facts {facts_right}/{facts_total}; cells {cells}: "
            f"cell-sim {fig['cell_similarity']:.3f}, exact {fig['exact_cells']:.1%}; rows {t['rows']} "
            f"(wrong {t['wrong']}, missing {t['missing']}, extra {t['extra']}): wrong warned "
            f"{bc._pct(t['wrong_warned'], t['wrong']).strip()}, right warned "
            f"{bc._pct(t['right_warned'], t['right']).strip()}, right among conf ≥ 0.9 "
            f"{bc._pct(t['high_right'], t['high']).strip()}; corrections right {fixes_right}, "
            f"wrong {fixes_wrong}"
        )
        if ns.rows:
            bc.print_rows(outcomes, ns.rows)
    if ns.json:
        ns.json.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
