"""The second read of unsure OCR lines (extract/ocr/second_reads.py): warnings and cost.

    python tools/bench_second_reads.py samples/scan-ocr44 samples/heldout-scan-ocr44 [--rows]

Each case's ``input.*`` (a scanned page) is read live by tesseract twice, one page at a time
(``ocr.workers=1``): with ``ocr.second_read`` off (as before it) and on.  Printed per set: rows,
wrong rows (warned), right rows (warned) for each, and the CPU seconds per page (this process
and its tesseract children).  The scans of the second run are kept under
``$TMPDIR/piatable-second-reads/<case>`` (ocr_cache's layout, with every line read twice), so
that ``--cached`` scores them again without OCR (the CPU figures then are the cached ones).
``--rows`` lists the rows whose warning changed, with their flags.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
from bench_calibration import is_warned  # noqa: E402
from eval_text import SIX, align, squash  # noqa: E402
from ocr_cache import load_scans, save_scans  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "piatable-second-reads"


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


BELOW: list[float] = []


def read(path: Path, on: bool, cache: Path, cached: bool) -> tuple[list[dict], float, int]:
    """(records, CPU seconds of the OCR, pages) of one scanned image."""
    from piatable.extract.ocr.pages import scan_image_file
    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result
    from piatable.settings import Settings

    settings = Settings()
    settings.ocr = replace(settings.ocr, second_read=on, workers=1)
    if BELOW:
        settings.ocr = replace(settings.ocr, second_read_below=BELOW[0])
    stamp = cache / ("on" if on else "off")
    if cached and (stamp / "done").exists():
        scans, _ = load_scans(stamp)
        cpu = float((stamp / "cpu").read_text())
    else:
        t0 = _cpu()
        if path.suffix.lower() == ".pdf":
            from piatable.extract.ocr.pages import scan_pdf
            from piatable.extract.pdf import open_pdf

            doc = open_pdf(path)
            numbers = list(range(1, len(doc) + 1))
            doc.close()
            scans = scan_pdf(path, numbers, settings.ocr)
        else:
            scans = scan_image_file(path, settings.ocr)
        cpu = _cpu() - t0
        save_scans(stamp, scans, len(scans))
        (stamp / "cpu").write_text(f"{cpu:.3f}")
    kind = "pdf-ocr" if path.suffix.lower() == ".pdf" else "scan"
    reading = scans_to_reading(scans, kind, len(scans), settings.ocr)
    res = reading_to_result(reading, str(path), settings)
    return [r.to_dict() for r in res.records], cpu, len(scans)


def score(got: list[dict], expected: list[dict]) -> list[tuple[int | None, bool, bool, list[str]]]:
    """(expected row, wrong, warned, flags) per row read, and (j, True, False, []) per row lost."""
    pairs = dict(align(got, expected))
    out = []
    for i, g in enumerate(got):
        j = pairs.get(i)
        e = expected[j] if j is not None else {}
        wrong = j is None or any(squash(g.get(f)) != squash(e.get(f)) for f in SIX)
        out.append((j, wrong, is_warned(g), list(g.get("flags") or [])))
    matched = set(pairs.values())
    out += [(j, True, False, []) for j in range(len(expected)) if j not in matched]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--rows", action="store_true", help="list the rows whose warning changed")
    ap.add_argument("--cached", action="store_true", help="score the kept scans again, no OCR")
    ap.add_argument("--below", type=float, help="ocr.second_read_below (its own cache)")
    args = ap.parse_args(argv)
    if args.below is not None:
        BELOW.append(args.below)
    if not args.cached:
        # Warm up (modules, the dictionary, the page cache) on a throwaway read: the first
        # read's CPU would count them.
        first = next(iter(sorted(args.sets[0].glob("*/input.*"))))
        read(first, True, Path(tempfile.mkdtemp()), False)
    for folder in args.sets:
        tally = {"off": [0, 0, 0, 0, 0.0], "on": [0, 0, 0, 0, 0.0]}
        pages = 0
        changed = []
        for case in sorted(p for p in folder.iterdir() if (p / "expected" / "records.json").exists()):
            expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
            inputs = sorted(case.glob("input.*"))
            cache = (
                CACHE / (f"below{args.below:g}" if args.below is not None else "") / folder.name / case.name
            )
            outcomes = {}
            for mode in ("off", "on"):
                t = time.perf_counter()
                got, cpu, n = read(inputs[0], mode == "on", cache, args.cached)
                rows = score(got, expected)
                outcomes[mode] = rows
                tl = tally[mode]
                tl[0] += sum(w for _, w, _, _ in rows)
                tl[1] += sum(w and warned for _, w, warned, _ in rows)
                tl[2] += sum(not w for _, w, _, _ in rows)
                tl[3] += sum((not w) and warned for _, w, warned, _ in rows)
                tl[4] += cpu
                if mode == "off":
                    pages += n
                print(
                    f"  {case.name} {mode}: cpu {cpu:.2f} s, wall {time.perf_counter() - t:.1f} s",
                    file=sys.stderr,
                )
            off = {j: r for j, *r in outcomes["off"] if j is not None}
            for j, wrong, warned, flags in outcomes["on"]:
                before = off.get(j)
                if j is not None and before is not None and (before[1], before[0]) != (warned, wrong):
                    changed.append((case.name, j, before[0], before[1], wrong, warned, flags))
        print(f"{folder}: {pages} page(s)")
        for mode in ("off", "on"):
            w, ww, r, rw, cpu = tally[mode]
            per = cpu / pages if pages else 0.0
            print(
                f"  second_read {mode:3}: wrong {ww}/{w} warned, right {rw}/{r} warned, CPU {per:.2f} s/page"
            )
        if args.rows:
            for name, j, w0, warned0, w1, warned1, flags in changed:
                state = lambda w, x: ("wrong" if w else "right") + (" warned" if x else "")  # noqa: E731
                print(f"    {name} row {j}: {state(w0, warned0)} → {state(w1, warned1)}")
                for f in flags:
                    if f.startswith("ocr_suspect"):
                        print(f"      {f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
