"""Benchmark scanned tables: per-cell character similarity, exact cells, seconds per page.

    python tools/bench_scan.py                          # the committed scans (samples/scan)
    python tools/bench_scan.py --generate 200,300       # plus every samples/pdf case scanned
                                                        # at 200 and 300 dpi (turned, noisy, JPEG)
    python tools/bench_scan.py --turned                 # plus each scan turned 90/180/270° and
                                                        # EXIF-rotated JPEGs (orientation 3/6/8)
    python tools/bench_scan.py --set ocr.mode=page      # any setting changed
    python tools/bench_scan.py --img2table /tmp/i2tvenv/bin/python   # img2table side by side
    python tools/bench_scan.py --cached ...             # OCR each file once (cached under
                                                        # $TMPDIR/piatable-calibration-ocr by its
                                                        # hash): the steps after OCR measured
    python tools/bench_scan.py --no-committed --office samples/office --generate 200,300
                                                        # LibreOffice-made PDFs (a set of
                                                        # tools/make_office_samples.py) scanned
                                                        # instead of samples/pdf; samples/heldout
                                                        # is measured this way, never tuned on

Per scan: cells (six fields of each expected row; a row not found counts as empty cells),
the share of cells also right in their line breaks (+breaks; --all-misses lists those wrong
only there with similarity 1.00),
character similarity per cell (mean of 1 - CER over cells, and over all characters), the share of
cells exactly right ignoring whitespace, and seconds per page.  img2table runs in its own Python
(it needs opencv-contrib, which must not replace the project's opencv); its tables are matched to
the expected rows by their date cell.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
_WS = regex.compile(r"\s+")
# Whitespace other than line breaks: cells compared with their paragraph breaks.
_WS_NOT_BREAK = regex.compile(r"[^\S\n]+")


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _lines(text: str) -> list[str]:
    """A cell's lines without other whitespace (and without empty lines)."""
    return [ln for ln in _WS_NOT_BREAK.sub("", text.strip()).split("\n") if ln]


def cell_scores(truth: str, got: str) -> tuple[float, int, int, bool]:
    """(1 - CER clipped at 0, edit distance, truth length, exact ignoring whitespace)."""
    t, g = _WS.sub("", truth), _WS.sub("", got)
    d = levenshtein(t, g)
    sim = 1.0 if not t and not g else max(0.0, 1 - d / max(len(t), 1))
    return sim, d, len(t), t == g


def align(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    """Expected rows paired with got rows in order (DP on the rows' joined text similarity)."""
    import difflib

    def key(r: dict) -> str:
        return _WS.sub("", "".join(str(r.get(f) or "") for f in FIELDS))

    n, m = len(expected), len(got)
    sim = [
        [difflib.SequenceMatcher(None, key(e), key(g), autojunk=False).ratio() for g in got] for e in expected
    ]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], sim[i][j] + best[i + 1][j + 1])
    out: list[tuple[dict, dict | None]] = []
    i = j = 0
    while i < n:
        if j < m and best[i][j] == sim[i][j] + best[i + 1][j + 1] and sim[i][j] > 0.3:
            out.append((expected[i], got[j]))
            i, j = i + 1, j + 1
        elif j < m and best[i][j] == best[i][j + 1]:
            j += 1
        else:
            out.append((expected[i], None))
            i += 1
    return out


def score(expected: list[dict], got: list[dict], every: bool = False) -> dict:
    sims, dist, chars, exact, cells, broken = [], 0, 0, 0, 0, 0
    worst: list[tuple[float, int, str, str, str]] = []
    for e, g in align(expected, got):
        for f in FIELDS:
            truth, read = str(e.get(f) or ""), str((g or {}).get(f) or "")
            s, d, n, ok = cell_scores(truth, read)
            sims.append(s)
            dist += d
            chars += n
            exact += ok
            cells += 1
            if ok and _lines(truth) != _lines(read):
                # Right but for its line breaks: listed (similarity 1.00) among the misses.
                broken += 1
                worst.append((1.0, e["row_index"], f, truth, read))
            if not ok:
                worst.append((s, e["row_index"], f, truth, read))
    worst.sort()
    return {
        "rows": f"{len(got)}/{len(expected)}",
        "cells": cells,
        "cell_similarity": sum(sims) / max(cells, 1),
        "char_similarity": 1 - dist / max(chars, 1),
        "exact_cells": exact / max(cells, 1),
        "exact_with_breaks": (exact - broken) / max(cells, 1),
        "worst": worst if every else worst[:5],
    }


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its waited-for children (tesseract, img2table):
    on a machine shared with other jobs, wall seconds measure the load as much as the tool."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


CPU: dict[str, float] = {}


def run_piatable(path: Path, sets: list[str], cached: bool = False) -> tuple[list[dict], int, float]:
    from piatable.pipeline import extract_document
    from piatable.settings import Settings

    settings = Settings()
    for s in sets:
        settings.set(s)
    t0, c0 = time.perf_counter(), cpu_seconds()
    if cached and path.suffix.lower() == ".pdf":
        from bench_calibration import _scan_cached

        _, records = _scan_cached(path)
        secs = time.perf_counter() - t0
        CPU["last"] = cpu_seconds() - c0
        pages = len({p for r in records for p in (r.get("page_start"), r.get("page_end")) if p}) or 1
        return records, pages, secs
    res = extract_document(path, "scan", settings)
    secs = time.perf_counter() - t0
    CPU["last"] = cpu_seconds() - c0
    if res.errors:
        print(f"  errors: {res.errors}", file=sys.stderr)
    pages = len({p for r in res.records for p in (r.page_start, r.page_end) if p}) or 1
    return [r.to_dict() for r in res.records], pages, secs


I2T_SCRIPT = r"""
import json, sys, time
from img2table.document import Image as I2TImage, PDF as I2TPDF
from img2table.ocr import TesseractOCR
path, rot = sys.argv[1], sys.argv[2] == "1"
ocr = TesseractOCR(n_threads=1, lang="jpn")
t0 = time.perf_counter()
if path.endswith(".pdf"):
    doc = I2TPDF(path, detect_rotation=rot)
else:
    doc = I2TImage(path, detect_rotation=rot)
tables = doc.extract_tables(ocr=ocr, implicit_rows=False, borderless_tables=False, min_confidence=1)
secs = time.perf_counter() - t0
if isinstance(tables, dict):
    tables = [t for ts in tables.values() for t in ts]
out = []
for t in tables:
    # Its cells as read (``content``: rows of TableCell); ``df`` needs pandas, which img2table
    # 2.x no longer installs.
    out.append([[("" if c.value is None else str(c.value)) for c in row] for row in t.content.values()])
print(json.dumps({"tables": out, "seconds": secs}, ensure_ascii=False))
"""


def run_img2table(python: str, path: Path, rot: bool) -> tuple[list[dict], float]:
    """img2table's tables → rows of six cells (rows whose first cell holds a date)."""
    from piatable.normalize.dates import DATE

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(I2T_SCRIPT)
    c0 = cpu_seconds()
    proc = subprocess.run(
        [python, fh.name, str(path), "1" if rot else "0"], capture_output=True, text=True, timeout=1800
    )
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "img2table failed")
    CPU["last"] = cpu_seconds() - c0  # its start-up and imports included
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    rows: list[dict] = []
    for table in data["tables"]:
        for cells in table:
            if len(cells) < 6:
                continue
            cells = cells[-6:] if len(cells) > 6 else cells
            if not DATE.search(_WS.sub("", cells[0])) and not rows:
                continue
            rec = {f: c.replace("\n", "") for f, c in zip(FIELDS, cells, strict=False)}
            if not DATE.search(_WS.sub("", cells[0])) and rows:
                # A row continued (or a merged cell): join to the previous row.
                for f in FIELDS:
                    if rec[f] and rec[f] != rows[-1][f]:
                        rows[-1][f] += rec[f]
                continue
            rows.append(rec)
    return rows, data["seconds"]


def generated(dpis: list[int], folder: Path, source: Path | None = None) -> list[tuple[str, Path, Path]]:
    """Every PDF case of ``source`` (default samples/pdf) scanned at each dpi (turned 0.2–1°,
    noise, blur, JPEG)."""
    import make_scans

    prefix = f"{source.name}-" if source else ""
    source = source or ROOT / "samples" / "pdf"
    out = []
    angles = [0.3, -0.6, 0.9, -0.2, 0.7, -1.0, 0.5, -0.4]
    for k, case in enumerate(sorted(p for p in source.iterdir() if (p / "input.pdf").exists())):
        for dpi in dpis:
            target = folder / f"{prefix}{case.name}-{dpi}.pdf"
            if not target.exists():
                d = make_scans.Damage(angle=angles[k % len(angles)], jpeg=65, noise=7, seed=k)
                make_scans.scan_pdf(case / "input.pdf", target, dpi, d)
            if (case / "expected" / "records.json").exists():
                out.append((f"{prefix}{case.name}@{dpi}", target, case / "expected" / "records.json"))
    return out


def turned_variants(items: list[tuple[str, Path, Path]], folder: Path) -> list[tuple[str, Path, Path]]:
    """Each scan turned 90°, 180° and 270° (every page, same format), and the single-image ones
    also as JPEGs stored turned with EXIF orientation 3, 6 and 8: they must read as well as the
    upright ones."""
    import make_scans

    out = []
    for name, path, exp in items:
        pages = make_scans.page_images(path)
        dpi = pages[0][1]
        for deg in (90, 180, 270):
            target = folder / f"{name}-turn{deg}{path.suffix}"
            if not target.exists():
                make_scans.save([make_scans.turned(g, deg) for g, _ in pages], target, dpi, 90)
            out.append((f"{name}@turn{deg}", target, exp))
        if len(pages) == 1:
            for tag in (3, 6, 8):
                target = folder / f"{name}-exif{tag}.jpg"
                if not target.exists():
                    make_scans.save_exif_jpeg(pages[0][0], target, dpi, tag, 90)
                out.append((f"{name}@exif{tag}", target, exp))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generate", default="", help="comma-separated dpis: scan every samples/pdf case")
    ap.add_argument("--only", default="", help="substrings of the case names to run, comma-separated")
    ap.add_argument(
        "--turned", action="store_true", help="also each scan turned 90/180/270° and EXIF-rotated (3/6/8)"
    )
    ap.add_argument("--no-committed", action="store_true")
    ap.add_argument(
        "--office",
        type=Path,
        help="with --generate: scan this set's PDFs (samples/office …) instead of samples/pdf",
    )
    ap.add_argument("--set", action="append", default=[], help="section.key=value")
    ap.add_argument("--img2table", default="", help="a Python that has img2table installed")
    ap.add_argument("--worst", action="store_true", help="print the worst cells")
    ap.add_argument("--all-misses", action="store_true", help="print every cell not exactly right")
    ap.add_argument(
        "--cached",
        action="store_true",
        help="OCR each scanned PDF once (cached by content hash, bench_calibration's cache): "
        "measures the steps after OCR; seconds then mean nothing",
    )
    ap.add_argument("--json", type=Path, help="write the figures here")
    ns = ap.parse_args(argv)
    items: list[tuple[str, Path, Path]] = []
    if not ns.no_committed:
        for folder in sorted((ROOT / "samples" / "scan").iterdir()):
            inputs = sorted(folder.glob("input.*"))
            if inputs:
                items.append((folder.name, inputs[0], folder / "expected" / "records.json"))
    if ns.generate:
        gen = Path(tempfile.gettempdir()) / "piatable-bench-scans"
        gen.mkdir(exist_ok=True)
        items += generated([int(x) for x in ns.generate.split(",")], gen, ns.office)
    if ns.only:
        items = [it for it in items if any(o in it[0] for o in ns.only.split(","))]
    if ns.turned:
        gen = Path(tempfile.gettempdir()) / "piatable-bench-turned"
        gen.mkdir(exist_ok=True)
        items += turned_variants(list(items), gen)
    results = []
    tot: dict[str, list[float]] = {}
    for name, path, exp_path in items:
        expected = json.loads(exp_path.read_text("utf-8"))
        got, pages, secs = run_piatable(path, ns.set, ns.cached)
        s = score(expected, got, every=ns.all_misses)
        line = {
            "case": name,
            "tool": "piatable",
            "pages": pages,
            "s_per_page": secs / pages,
            "cpu": CPU["last"],
            **s,
        }
        results.append(line)
        print(
            f"{name:34s} piatable  rows {s['rows']:>6s}  cell-sim {s['cell_similarity']:.3f}  "
            f"char-sim {s['char_similarity']:.3f}  exact {s['exact_cells']:.3f}"
            f"  +breaks {s['exact_with_breaks']:.3f}  {secs / pages:5.1f} s/page"
            f"  {CPU['last'] / pages:5.1f} CPU s/page",
            flush=True,
        )
        if ns.worst or ns.all_misses:
            for w in s["worst"]:
                print(f"    {w[0]:.2f} row {w[1]} {w[2]}: {w[3]!r} -> {w[4]!r}")
        for k in ("cell_similarity", "char_similarity", "exact_cells", "exact_with_breaks"):
            tot.setdefault(f"piatable:{k}", []).append(s[k])
        tot.setdefault("piatable:pages", []).append(pages)
        tot.setdefault("piatable:seconds", []).append(secs)
        tot.setdefault("piatable:cpu", []).append(CPU["last"])
        if ns.img2table:
            for rot in (False, True):
                tool = f"img2table{'+rot' if rot else ''}"
                try:
                    rows, isecs = run_img2table(ns.img2table, path, rot)
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    print(f"{name:34s} {tool}: failed ({exc})", flush=True)
                    continue
                s2 = score(expected, rows)
                results.append(
                    {
                        "case": name,
                        "tool": tool,
                        "pages": pages,
                        "s_per_page": isecs / pages,
                        "cpu": CPU["last"],
                        **s2,
                    }
                )
                print(
                    f"{name:34s} {tool:9s} rows {s2['rows']:>6s}  cell-sim {s2['cell_similarity']:.3f}  "
                    f"char-sim {s2['char_similarity']:.3f}  exact {s2['exact_cells']:.3f}  "
                    f"{isecs / pages:5.1f} s/page  {CPU['last'] / pages:5.1f} CPU s/page",
                    flush=True,
                )
                for k in ("cell_similarity", "char_similarity", "exact_cells"):
                    tot.setdefault(f"{tool}:{k}", []).append(s2[k])
                tot.setdefault(f"{tool}:pages", []).append(pages)
                tot.setdefault(f"{tool}:seconds", []).append(isecs)
                tot.setdefault(f"{tool}:cpu", []).append(CPU["last"])
    print("mean over scans:")
    for tool in sorted({k.split(":")[0] for k in tot}):
        pages = sum(tot[f"{tool}:pages"])
        secs = sum(tot[f"{tool}:seconds"])

        def mean(k: str, tool: str = tool) -> float:
            return sum(tot[f"{tool}:{k}"]) / len(tot[f"{tool}:{k}"])

        print(
            f"  {tool:10s} cell-sim {mean('cell_similarity'):.3f}"
            f"  char-sim {mean('char_similarity'):.3f}"
            f"  exact {mean('exact_cells'):.3f}"
            + (f"  +breaks {mean('exact_with_breaks'):.3f}" if f"{tool}:exact_with_breaks" in tot else "")
            + f"  {pages / secs:.3f} pages/s ({secs / pages:.1f} s/page)"
            f"  {sum(tot[f'{tool}:cpu']) / pages:.1f} CPU s/page"
        )
    if ns.json:
        ns.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
