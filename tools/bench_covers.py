"""Cover facts of whole assessments per input kind (issue 14): right, or wrong / missing with or
without a note.

    python tools/bench_covers.py samples/office-cover2            # tuning set
    python tools/bench_covers.py samples/heldout-cover2           # held-out: measure, never tune
    python tools/bench_covers.py samples/office-cover2 --kinds pdf,pdftotext-raw   # some kinds
    python tools/bench_covers.py samples/office-cover2 -v         # each fact not right
    python tools/bench_covers.py samples/office-cover2 --kinds scan200,scan300,jpeg200,jpeg300 \
        --skew 0.5                                                # scans turned 0.5°, noisy

A set is made by tools/make_cover2_samples.py: ``NAME/input.pdf`` (kind ``pdf``),
``NAME-TOOL/input.txt`` (kind ``TOOL``: the five extractors' texts), each with
``expected/documents.json``.  The kinds ``scan300`` and ``scan200`` are made here from each
``input.pdf``: its first ``SCAN_PAGES`` pages rasterised at that dpi and saved as an image-only
PDF (greyscale JPEG, quality ``SCAN_JPEG``) in a temporary folder, read by OCR.  The kinds
``jpeg300`` and ``jpeg200`` (asked for by ``--kinds`` only) are the cover page alone, saved as a
JPEG image file.  ``--skew DEG`` turns every scanned page by DEG° and adds a scanner's blur,
noise and specks (``make_scans.damage``).

Per kind, the last column counts the documents whose 公表日 and 評価実施機関名 are both right
(a needless note aside; a 公表日 the cover leaves blank, null in the truth, is right when none is
read): issue 14 asks for both on every assessment with a cover.  A fact read where the truth
is null (a heading taken for a blank 公表日) counts as wrong.

Each printed fact (評価書番号, 評価書名, 評価実施機関名, 公表日 as ISO, form) counts once:
*right* (the same text, whitespace aside; *right noted* when a note doubts it all the same: a
needless warning, counted apart from *right*), *wrong with note* / *missing with note* (a note of the
result names the fact's label, ``normalize.cover.FACT_LABELS``), or *wrong silent* /
*missing silent*.  The project's rule: never wrong silent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import make_scans  # noqa: E402

from piatable.normalize.cover import FACT_LABELS  # noqa: E402
from piatable.pipeline import extract_document  # noqa: E402

FACTS = ("assessment_number", "assessment_name", "agency", "published", "form")
OUTCOMES = ("right", "right_noted", "wrong_noted", "wrong_silent", "missing_noted", "missing_silent")
SCAN_DPIS = (300, 200)
JPEG_DPIS = (300, 200)
SCAN_PAGES = 2
SCAN_JPEG = 50
_WS = re.compile(r"\s+")


def squash(text: str | None) -> str:
    return _WS.sub("", text or "")


def judge(documents: dict, notes: list[str], truth: dict) -> dict[str, str]:
    """Each printed fact's outcome (one of ``OUTCOMES``)."""
    out = {}
    for key in FACTS:
        got = documents.get(key)
        noted = any(FACT_LABELS[key] in n for n in notes)
        if key in truth and not truth[key] and got:
            # The cover prints none (a 公表日 left blank): anything read is invented.
            out[key] = "wrong_noted" if noted else "wrong_silent"
            continue
        if not truth.get(key):
            continue
        if got and squash(got) == squash(truth[key]):
            out[key] = "right_noted" if noted else "right"
        elif got:
            out[key] = "wrong_noted" if noted else "wrong_silent"
        else:
            out[key] = "missing_noted" if noted else "missing_silent"
    return out


def inputs(
    root: Path, kinds: set[str] | None, tmp: Path, skew: float = 0.0
) -> list[tuple[str, str, Path, dict]]:
    """(case, kind, input, truth) of a set, scans made from each PDF (turned by ``skew``°)."""
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        truth_file = folder / "expected" / "documents.json"
        if not truth_file.exists():
            continue
        truth = json.loads(truth_file.read_text("utf-8"))
        pdf = folder / "input.pdf"
        if pdf.exists():
            if not kinds or "pdf" in kinds:
                out.append((folder.name, "pdf", pdf, truth))
            for dpi in SCAN_DPIS:
                if kinds and f"scan{dpi}" not in kinds:
                    continue
                pages = _scanned(pdf, dpi, skew)[:SCAN_PAGES]
                scan = tmp / f"{folder.name}-scan{dpi}.pdf"
                make_scans.save(pages, scan, dpi, SCAN_JPEG)
                out.append((folder.name, f"scan{dpi}", scan, truth))
            for dpi in JPEG_DPIS:
                if not kinds or f"jpeg{dpi}" not in kinds:
                    continue
                image = tmp / f"{folder.name}-cover{dpi}.jpg"
                make_scans.save(_scanned(pdf, dpi, skew)[:1], image, dpi, SCAN_JPEG)
                out.append((folder.name, f"jpeg{dpi}", image, truth))
            continue
        text = folder / "input.txt"
        base, kind = _split(folder.name)
        if text.exists() and (not kinds or kind in kinds):
            out.append((base, kind, text, truth))
    return out


def _scanned(pdf: Path, dpi: int, skew: float) -> list:
    """The PDF's pages rasterised at ``dpi``, turned by ``skew``° with a scanner's damage."""
    pages = make_scans.rasterise(pdf, dpi)
    if not skew:
        return pages
    d = make_scans.Damage(angle=skew, jpeg=0)
    return [make_scans.damage(p, dpi, d) for p in pages[:SCAN_PAGES]]


def _split(name: str) -> tuple[str, str]:
    for tool in ("pdftotext-raw", "pdftotext-layout", "pdftotext", "pdfminer", "pypdfium2"):
        if name.endswith("-" + tool):
            return name[: -len(tool) - 1], tool
    return name, "txt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--kinds", help="comma-separated kinds (pdf, pdftotext, …, scan300, scan200)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--skew", type=float, default=0.0, help="turn scans by this many degrees, with noise")
    ns = ap.parse_args(argv)
    kinds = set(ns.kinds.split(",")) if ns.kinds else None
    figures: dict[str, dict] = {}
    for root in ns.sets:
        table: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
        both: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        with tempfile.TemporaryDirectory() as tmp:
            for case, kind, path, truth in inputs(root, kinds, Path(tmp), ns.skew):
                res = extract_document(path)
                docs = dict(res.documents)
                got = judge(docs, res.notes, truth)
                both[kind][1] += 1
                # A fact the cover leaves blank (truth null) is right when none was read.
                both[kind][0] += all(
                    got.get(k) in ("right", "right_noted") or (k in truth and not truth[k] and k not in got)
                    for k in ("published", "agency")
                )
                for key, outcome in got.items():
                    table[kind][outcome] += 1
                    if ns.verbose and outcome != "right":
                        notes = [n for n in res.notes if FACT_LABELS[key] in n]
                        got = docs.get(key)
                        print(f"  {case} {kind} {key}: {outcome} {got!r} (truth {truth[key]!r}) {notes}")
        print(f"== {root}")
        print(f"{'kind':18s} " + " ".join(f"{o:>14s}" for o in OUTCOMES) + "   公表日+機関名 right")
        total = dict.fromkeys(OUTCOMES, 0)
        for kind in sorted(table):
            row = table[kind]
            for o in OUTCOMES:
                total[o] += row[o]
            ok, n = both[kind]
            print(f"{kind:18s} " + " ".join(f"{row[o]:>14d}" for o in OUTCOMES) + f"   {ok:>3d} / {n}")
        ok, n = sum(v[0] for v in both.values()), sum(v[1] for v in both.values())
        cols = " ".join(f"{total[o]:>14d}" for o in OUTCOMES)
        print(f"{'all':18s} {cols}   {ok:>3d} / {n}", flush=True)
        figures[str(root)] = {"kinds": dict(table), "all": total, "published_and_agency": dict(both)}
    if ns.json:
        ns.json.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
