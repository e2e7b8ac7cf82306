"""Calibration bench: do the warnings find the wrong rows, and is the confidence honest?

    python tools/bench_calibration.py                    # every sample with expected records
    python tools/bench_calibration.py --scans 200,300    # plus every samples/pdf case scanned
    python tools/bench_calibration.py --no-samples --scans 200,300 --scan-office samples/office
                                                         # only the LibreOffice-made tables of a
                                                         # set scanned (bench_scan --office);
                                                         # samples/heldout: measure, never tune
    python tools/bench_calibration.py --rows wrong       # list the wrong rows (or: unwarned, all)
    python tools/bench_calibration.py --json out.json    # the figures (and every row) as JSON

Inputs: every ``samples/**/input.*`` with ``expected/records.json`` beside it (seed, gen,
extractors, pdf, scan, office, heldout …), the committed scans read from their tesseract TSV
(``ocr/page-N.tsv``, no OCR run), the hand-written tables of ``tests/data/tables`` and
``samples/tables`` re-flowed by the test suite's wrapper (``tests/reflow.py``) at four width
pairs, and with ``--scans`` the PDFs scanned as ``tools/bench_scan.py --generate`` does (the OCR
of each is cached under ``$TMPDIR/piatable-calibration-ocr``, keyed by the file's hash).

Definitions (issue 12):

* a row is **wrong** when any of its six cells (change_date, item, before, after, timing,
  explanation) differs from the expected row, whitespace aside; rows are aligned in order,
  matching the most cells (``tools/eval_text.py``); a row read that matches no expected row is
  **extra** (wrong); an expected row no row matched is **missing** (reported apart: it cannot
  carry a warning);
* a row is **warned** when it carries a flag other than ``truncated:*`` and the informational
  ``ocr``, ``ocr_corrected``, ``row_continued``, ``merged_cell_filled``, ``item_key_fuzzy`` (a
  doubt about the derived item_key, not about the printed cells), or its confidence is below 0.5.

The weights of ``--fit`` never see ``samples/heldout`` (measure on it, never tune on it): its
figures are printed apart, then the tuning set's, then all.

Printed per family (the sample folder, the extractor, the table) and per input kind: rows,
wrong, missing, extra, the share of wrong rows warned and of right rows warned; then a
reliability table (confidence bins against the share of rows right), and for each flag the
wrong and right rows it fires on; then, per warning flag and input kind, the wrong and right rows
it fires on and of how many it is the only warning (``flag_kind_hits``: a narrower check that
lost a flag's ``(only)`` wrong rows would leave them unwarned).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
from ocr_cache import load_scans, save_scans  # noqa: E402

SIX = ("change_date", "item", "before", "after", "timing", "explanation")
# Held-out cases: measured, never fitted on (samples/heldout/README.md).
# Every held-out set (samples/heldout, heldout2, heldout-b, heldout-pagebreak) starts so.
HELDOUT = "samples/heldout"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})


def is_heldout(case: str) -> bool:
    """A held-out case: a held-out sample, or a scan made from a held-out set (``scan heldout…``)."""
    return case.startswith((HELDOUT, "scan " + HELDOUT.split("/")[1]))


INFORMATIONAL = frozenset({"ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy"})
WARN_BELOW = 0.5
BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0001)
# Re-flow widths (item and explanation, before and after) in full-width characters.
REFLOW_WIDTHS = ((10, 14), (12, 20), (16, 22), (13, 18))
_WS = re.compile(r"\s+")


def squash(value: object) -> str:
    return _WS.sub("", "" if value is None else str(value))


def warning_flags(flags: list[str]) -> list[str]:
    """The flags that count as a warning (issue 12's definition)."""
    return [f for f in flags if f not in INFORMATIONAL and not f.startswith("truncated:")]


def is_warned(rec: dict) -> bool:
    return bool(warning_flags(rec.get("flags") or [])) or float(rec.get("confidence", 1.0)) < WARN_BELOW


@dataclass
class RowOutcome:
    case: str
    family: str
    kind: str
    row_index: int | None  # of the row read (None: a missing expected row)
    expected_index: int | None
    wrong_cells: list[str]
    warned: bool
    confidence: float
    flags: list[str]
    cell_confidence: dict[str, float] = field(default_factory=dict)
    features: dict[str, dict[str, float]] = field(default_factory=dict)
    got: dict = field(default_factory=dict)
    expected: dict = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.row_index is None:
            return "missing"
        if self.expected_index is None:
            return "extra"
        return "wrong" if self.wrong_cells else "right"


# ----------------------------------------------------------------------------- cases


@dataclass
class Case:
    name: str
    family: str
    expected: list[dict]
    run: object  # () -> (kind, list[dict])


TOOLS = ("pdftotext-layout", "pdftotext-raw", "pdftotext", "pdfminer", "pypdfium2")


def _family(folder: Path) -> str:
    """The sample folder, with the extractor for text cases (``office pdfminer``)."""
    from eval_text import family

    rel = folder.relative_to(ROOT / "samples").parts
    if rel[0] in ("office", "office-kinds", "heldout"):
        tool = next((t for t in TOOLS if rel[-1].endswith("-" + t)), "pdf")
        return f"{rel[0]} {tool}"
    return family(folder)


def _kind_group(kind: str, family: str) -> str:
    """The input kind a row is reported under."""
    if kind in ("scan", "pdf-ocr"):
        return "scan"
    if kind == "pdf":
        return "pdf"
    if kind == "text-layout":
        return "text -layout"
    if family.endswith(("pdfminer", " pdftotext")) or "column order" in family:
        return "text out of row order"
    if family.endswith(("pdftotext-raw", "pypdfium2")):
        return "text -raw/pypdfium2"
    return "text in row order"


def _extract(path: Path, kind: str = "auto") -> tuple[str, list[dict]]:
    from piatable.pipeline import extract_document

    res = extract_document(path, kind)  # type: ignore[arg-type]
    return res.kind, [r.to_dict() for r in res.records]


def sample_cases() -> list[Case]:
    cases = []
    for exp in sorted((ROOT / "samples").rglob("expected/records.json")):
        folder = exp.parent.parent
        inputs = sorted(folder.glob("input.*"))
        if not inputs:
            continue
        expected = json.loads(exp.read_text("utf-8"))
        rel = str(folder.relative_to(ROOT))
        if (folder / "ocr").is_dir():
            cases.append(Case(rel, "scan", expected, lambda f=folder: _scan_from_tsv(f)))
        elif inputs[0].suffix.lower() in IMAGE_SUFFIXES:
            cases.append(Case(rel, "scan", expected, lambda p=inputs[0]: _scan_cached(p)))
        else:
            cases.append(Case(rel, _family(folder), expected, lambda p=inputs[0]: _extract(p)))
    return cases


def _scan_from_tsv(folder: Path) -> tuple[str, list[dict]]:
    """Records of a committed scan from its tesseract TSV (the steps after OCR, no OCR run)."""
    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result
    from piatable.settings import Settings

    settings = Settings()
    scans, _ = load_scans(folder / "ocr")
    reading = scans_to_reading(scans, "scan", len(scans), settings.ocr)
    res = reading_to_result(reading, str(folder), settings)
    return "scan", [r.to_dict() for r in res.records]


def reflow_cases(tmp: Path) -> list[Case]:
    from tests.reflow import reflow

    tables = sorted((ROOT / "tests" / "data" / "tables").glob("*.json")) + sorted(
        p for p in (ROOT / "samples" / "tables").glob("*.json") if p.stem != "seed"
    )
    cases = []
    for table in tables:
        rows = json.loads(table.read_text("utf-8"))
        for item_w, body_w in REFLOW_WIDTHS:
            path = tmp / f"{table.stem}_{item_w}_{body_w}.txt"
            path.write_text(
                reflow(rows, 2 * item_w, 2 * body_w, 2 * item_w, blank_lines=item_w % 2 == 0),
                encoding="utf-8",
            )
            cases.append(Case(f"reflow {path.stem}", "reflowed tables", rows, lambda p=path: _extract(p)))
    return cases


def scan_cases(dpis: list[int], source: Path | None = None) -> list[Case]:
    """Every PDF case of ``source`` (default samples/pdf; ``--scan-office`` a LibreOffice set
    such as samples/office or the held-out samples/heldout) scanned as bench_scan does."""
    import bench_scan

    folder = Path(tempfile.gettempdir()) / "piatable-bench-scans"
    folder.mkdir(exist_ok=True)
    cases = []
    for name, path, exp in bench_scan.generated(dpis, folder, source):
        expected = json.loads(exp.read_text("utf-8"))
        cases.append(Case(f"scan {name}", "generated scans", expected, lambda p=path: _scan_cached(p)))
    return cases


def _scan_cached(path: Path) -> tuple[str, list[dict]]:
    """OCR once per file (a PDF, or an image file; cached by content hash), then the steps
    after OCR."""
    from piatable.extract.ocr.pages import scan_image_file, scan_pdf
    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.extract.pdf import open_pdf
    from piatable.pipeline import reading_to_result
    from piatable.settings import Settings

    settings = Settings()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    # PIATABLE_OCR_CACHE_TAG: a cache of its own for OCR made by other code (the steps before
    # the words: rendering, re-reads …), so that an older read is not scored as a newer one's.
    digest += os.environ.get("PIATABLE_OCR_CACHE_TAG", "")
    cache = Path(tempfile.gettempdir()) / "piatable-calibration-ocr" / digest
    image = path.suffix.lower() in IMAGE_SUFFIXES
    if not (cache / "done").exists():
        if image:
            from piatable.extract.ocr.pages import _frame_count

            n = _frame_count(path)
            save_scans(cache, scan_image_file(path, settings.ocr), n)
        else:
            doc = open_pdf(path)
            n = len(doc)
            doc.close()
            save_scans(cache, scan_pdf(path, list(range(1, n + 1)), settings.ocr), n)
    scans, n = load_scans(cache)
    reading = scans_to_reading(scans, "scan" if image else "pdf-ocr", n, settings.ocr)
    res = reading_to_result(reading, str(path), settings)
    return "scan", [r.to_dict() for r in res.records]


# ----------------------------------------------------------------------------- scoring


def align(got: list[dict], expected: list[dict]) -> list[tuple[int, int]]:
    from eval_text import align as _align

    return _align(got, expected)


def score_case(case: Case) -> list[RowOutcome]:
    try:
        from piatable.normalize.confidence import FEATURE_SINK
    except ImportError:  # an older piatable (the baseline): no features to fit on
        FEATURE_SINK = []

    seen: list[dict] = []
    FEATURE_SINK[:] = [lambda rec, x: seen.append(x)]
    try:
        kind, got = case.run()  # type: ignore[operator]
    except Exception as exc:  # a bug in one case must not hide the others' figures
        print(f"{case.name}: failed ({type(exc).__name__}: {exc})", file=sys.stderr)
        kind, got = "failed", []
    finally:
        FEATURE_SINK.clear()
    # The last len(got) feature sets are the records' (a reader may read some pages twice).
    feats = seen[-len(got) :] if got and len(seen) >= len(got) else [{} for _ in got]
    group = _kind_group(kind, case.family)
    pairs = align(got, case.expected)
    by_got = dict(pairs)
    matched = {j for _, j in pairs}
    out = []
    for i, g in enumerate(got):
        j = by_got.get(i)
        e = case.expected[j] if j is not None else {}
        wrong = [f for f in SIX if squash(g.get(f)) != squash(e.get(f))] if j is not None else list(SIX)
        out.append(
            RowOutcome(
                case.name,
                case.family,
                group,
                i,
                j,
                wrong,
                is_warned(g),
                float(g.get("confidence", 1.0)),
                list(g.get("flags") or []),
                dict(g.get("cell_confidence") or {}),
                feats[i],
                g,
                e,
            )
        )
    for j, e in enumerate(case.expected):
        if j not in matched:
            out.append(
                RowOutcome(case.name, case.family, group, None, j, list(SIX), False, 0.0, [], {}, {}, {}, e)
            )
    return out


@dataclass
class Tally:
    rows: int = 0
    wrong: int = 0
    wrong_warned: int = 0
    right: int = 0
    right_warned: int = 0
    missing: int = 0
    extra: int = 0
    # Rows read with confidence >= 0.9, and how many of them are right.
    high: int = 0
    high_right: int = 0

    def add(self, o: RowOutcome) -> None:
        if o.status == "missing":
            self.missing += 1
            return
        self.rows += 1
        if o.confidence >= 0.9:
            self.high += 1
            self.high_right += o.status == "right"
        if o.status == "extra":
            self.extra += 1
        if o.status == "right":
            self.right += 1
            self.right_warned += o.warned
        else:
            self.wrong += 1
            self.wrong_warned += o.warned

    def as_dict(self) -> dict[str, float]:
        return {
            "rows": self.rows,
            "wrong": self.wrong,
            "wrong_warned": self.wrong_warned,
            "right": self.right,
            "right_warned": self.right_warned,
            "missing": self.missing,
            "extra": self.extra,
            "high": self.high,
            "high_right": self.high_right,
        }


def _pct(a: int, b: int) -> str:
    return f"{a:4d}/{b:<4d} {a / b:6.1%}" if b else f"{a:4d}/{b:<4d}    n/a"


def summarise(outcomes: list[RowOutcome]) -> dict:
    fams: dict[str, Tally] = defaultdict(Tally)
    kinds: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for o in outcomes:
        fams[o.family].add(o)
        kinds[o.kind].add(o)
        total.add(o)
    read = [o for o in outcomes if o.status != "missing"]
    bins = []
    for lo, hi in pairwise(BINS):
        inside = [o for o in read if lo <= o.confidence < hi]
        right = sum(o.status == "right" for o in inside)
        mean = sum(o.confidence for o in inside) / len(inside) if inside else 0.0
        bins.append(
            {"from": lo, "to": min(hi, 1.0), "rows": len(inside), "right": right, "mean_confidence": mean}
        )
    high = [o for o in read if o.confidence >= 0.9]
    flag_hits: dict[str, Counter[str]] = defaultdict(Counter)
    for o in read:
        for f in o.flags:
            flag_hits[f]["right" if o.status == "right" else "wrong"] += 1
    flag_kinds = flag_kind_hits(read)
    cell_bins: list[dict] = []
    cells = [
        (o.cell_confidence.get(f), f not in o.wrong_cells) for o in read if o.status != "extra" for f in SIX
    ]
    cells = [(c, ok) for c, ok in cells if c is not None]
    for lo, hi in pairwise(BINS):
        inside = [ok for c, ok in cells if lo <= c < hi]
        cell_bins.append({"from": lo, "to": min(hi, 1.0), "cells": len(inside), "right": sum(inside)})
    return {
        "families": {k: v.as_dict() for k, v in sorted(fams.items())},
        "kinds": {k: v.as_dict() for k, v in sorted(kinds.items())},
        "total": total.as_dict(),
        "reliability": bins,
        "cell_reliability": cell_bins,
        "high_confidence": {"rows": len(high), "right": sum(o.status == "right" for o in high)},
        "flags": {f: dict(c) for f, c in sorted(flag_hits.items())},
        "flag_kinds": flag_kinds,
    }


def flag_kind_hits(read: list[RowOutcome]) -> dict[str, dict[str, dict[str, int]]]:
    """Per warning flag and per input kind: the right and wrong rows it fires on, and those it is
    the only warning of (``right_only`` / ``wrong_only``: the row is at confidence ≥ 0.5 and
    carries no other warning, so the flag alone decides whether it is warned).  A row warned only
    by its confidence below 0.5 counts under ``(confidence < 0.5)``.  Shape: ``{flag: {kind:
    {"right", "right_only", "wrong", "wrong_only": int}}}``; informational flags and
    ``truncated:*`` are left out (they are no warning)."""
    out: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for o in read:
        side = "right" if o.status == "right" else "wrong"
        warns = sorted(set(warning_flags(o.flags)))
        if not warns and o.confidence < WARN_BELOW:
            out["(confidence < 0.5)"][o.kind][side] += 1
        for f in warns:
            out[f][o.kind][side] += 1
            if len(warns) == 1 and o.confidence >= WARN_BELOW:
                out[f][o.kind][side + "_only"] += 1
    return {
        f: {
            k: {n: c[n] for n in ("right", "right_only", "wrong", "wrong_only")}
            for k, c in sorted(kinds.items())
        }
        for f, kinds in sorted(out.items())
    }


def print_summary(s: dict, out=sys.stdout) -> None:
    def table(title: str, items: dict[str, dict]) -> None:
        print(
            f"{title:28s} {'rows':>5s} {'wrong':>5s} {'miss':>4s} {'extra':>5s}  "
            f"{'wrong rows warned':>19s}  {'right rows warned':>19s}  {'right at conf >= 0.9':>19s}",
            file=out,
        )
        for name, t in items.items():
            print(
                f"{name:28s} {t['rows']:5d} {t['wrong']:5d} {t['missing']:4d} {t['extra']:5d}  "
                f"{_pct(t['wrong_warned'], t['wrong']):>19s}  {_pct(t['right_warned'], t['right']):>19s}"
                f"  {_pct(t['high_right'], t['high']):>19s}",
                file=out,
            )

    table("family", s["families"])
    print(file=out)
    table("input kind", {**s["kinds"], "ALL": s["total"]})
    print(file=out)
    print("reliability (rows read)      rows  right   share right  mean confidence", file=out)
    for b in s["reliability"]:
        share = f"{b['right'] / b['rows']:6.1%}" if b["rows"] else "   n/a"
        print(
            f"  confidence {b['from']:.2f}–{b['to']:.2f}      {b['rows']:5d} {b['right']:6d}   {share:>10s}"
            f"  {b['mean_confidence']:15.3f}",
            file=out,
        )
    h = s["high_confidence"]
    print(f"rows with confidence ≥ 0.9: {_pct(h['right'], h['rows'])} right", file=out)
    if any(b["cells"] for b in s["cell_reliability"]):
        print(file=out)
        print("cell reliability              cells  right  share right", file=out)
        for b in s["cell_reliability"]:
            share = f"{b['right'] / b['cells']:6.1%}" if b["cells"] else "   n/a"
            print(
                f"  cell_confidence {b['from']:.2f}–{b['to']:.2f} {b['cells']:6d} {b['right']:6d}"
                f"  {share:>10s}",
                file=out,
            )
    print(file=out)
    print(f"{'flag':34s} {'on wrong rows':>13s} {'on right rows':>13s}", file=out)
    for f, c in s["flags"].items():
        print(f"{f:34s} {c.get('wrong', 0):13d} {c.get('right', 0):13d}", file=out)
    print(file=out)
    print(
        f"{'warning flag, input kind':52s} {'wrong':>6s} {'(only)':>6s} {'right':>6s} {'(only)':>6s}",
        file=out,
    )
    for f, kinds in s.get("flag_kinds", {}).items():
        for k, c in kinds.items():
            print(
                f"{f[:30]:30s} {k:21s} {c['wrong']:6d} {c['wrong_only']:6d}"
                f" {c['right']:6d} {c['right_only']:6d}",
                file=out,
            )


def print_rows(outcomes: list[RowOutcome], which: str, out=sys.stdout) -> None:
    for o in outcomes:
        if which == "wrong" and o.status == "right":
            continue
        if which == "unwarned" and (o.status == "right" or o.warned or o.status == "missing"):
            continue
        if which == "warned-right" and (o.status != "right" or not o.warned):
            continue
        print(
            f"{o.case} row {o.row_index} (expected {o.expected_index}) {o.status} "
            f"conf {o.confidence:.3f} flags {o.flags} cells {o.cell_confidence}",
            file=out,
        )
        for f in o.wrong_cells:
            print(f"    {f}: got {str(o.got.get(f))[:90]!r}", file=out)
            print(f"    {' ' * len(f)}  exp {str(o.expected.get(f))[:90]!r}", file=out)


def fit(outcomes: list[RowOutcome], l2: float = 0.002, steps: int = 30000) -> dict[str, float]:
    """Weights of the confidence model fitted to the rows read (logistic regression, weights
    kept ≥ 0 so that evidence of doubt never raises the confidence), plus the two priors."""
    import numpy as np

    read = [o for o in outcomes if o.status != "missing" and o.features and not is_heldout(o.case)]
    names = sorted({k for o in read for k in o.features.get("row", {})})
    X = np.array([[o.features["row"].get(k, 0.0) for k in names] for o in read])
    y = np.array([o.status == "right" for o in read], dtype=float)
    w = np.zeros(len(names))
    b = 3.0
    lr = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(b - X @ w)))
        g = p - y  # d loss / d logit
        gb = g.mean()
        gw = -(X.T @ g) / len(y) + l2 * w
        b -= lr * gb
        w = np.maximum(0.0, w - lr * gw)
    out = {"prior_logit": float(b)} | {f"weight_{k}": float(v) for k, v in zip(names, w, strict=True)}
    # The cell prior: the one that makes the mean cell confidence the share of cells right.
    cells = [
        (o.features[f], f not in o.wrong_cells)
        for o in read
        if o.status != "extra"
        for f in SIX
        if f in o.features
    ]
    if cells:
        Xc = np.array([[x.get(k, 0.0) for k in names] for x, _ in cells])
        yc = np.array([ok for _, ok in cells], dtype=float)
        zc = Xc @ w
        lo, hi = 0.0, 12.0
        for _ in range(50):
            mid = (lo + hi) / 2
            if (1 / (1 + np.exp(-(mid - zc)))).mean() < yc.mean():
                lo = mid
            else:
                hi = mid
        out["cell_prior_logit"] = (lo + hi) / 2
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", default="", help="comma-separated dpis: also scan every samples/pdf case")
    ap.add_argument(
        "--scan-office",
        type=Path,
        action="append",
        default=[],
        help="with --scans: a LibreOffice set (samples/office, samples/heldout …) scanned too",
    )
    ap.add_argument("--no-samples", action="store_true", help="only the scans (with --scans)")
    ap.add_argument(
        "--only", default="", help="substring of the case names to run (comma-separated: any of them)"
    )
    ap.add_argument("--no-reflow", action="store_true", help="leave out the re-flowed tables")
    ap.add_argument(
        "--every",
        default="",
        help="N or N/K: only every Nth case (from the Kth, 0 by default), after --only: a quick sample",
    )
    ap.add_argument("--rows", choices=("wrong", "unwarned", "warned-right", "all"), help="list rows")
    ap.add_argument("--json", type=Path, help="write the figures and every row here")
    ap.add_argument("--fit", action="store_true", help="fit the confidence weights and print them")
    ns = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cases = [] if ns.no_samples else sample_cases()
        if not ns.no_reflow and not ns.no_samples:
            cases += reflow_cases(Path(tmp))
        if ns.scans:
            dpis = [int(x) for x in ns.scans.split(",")]
            if not ns.scan_office:
                cases += scan_cases(dpis)
            for source in ns.scan_office:
                cases += scan_cases(dpis, source)
        if ns.only:
            wanted = [w for w in ns.only.split(",") if w]
            cases = [c for c in cases if any(w in c.name for w in wanted)]
        if ns.every:
            step, _, start = ns.every.partition("/")
            cases = cases[int(start or 0) :: int(step)]
        outcomes = [o for c in cases for o in score_case(c)]
    tuning = [o for o in outcomes if not is_heldout(o.case)]
    heldout = [o for o in outcomes if is_heldout(o.case)]
    summary = summarise(outcomes)
    if ns.fit:
        for k, v in fit(tuning or outcomes).items():
            print(f"quality.{k} = {v:.2f}")
        print()
    if ns.rows:
        print_rows(outcomes, ns.rows)
        print()
    if heldout and tuning:
        print("=== tuning set (every sample but samples/heldout) ===")
        print_summary(summarise(tuning))
        print()
        print("=== held-out set (samples/heldout: never tuned or fitted on) ===")
        print_summary(summarise(heldout))
        print()
        print("=== all ===")
    print_summary(summary)
    if ns.json:
        rows = [
            {k: v for k, v in o.__dict__.items() if k not in ("got", "expected")}
            | {"status": o.status, "evidence": list(o.got.get("evidence") or [])}
            for o in outcomes
        ]
        ns.json.write_text(
            json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False, indent=1) + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
