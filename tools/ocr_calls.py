"""Where a scanned page's CPU goes: every tesseract call counted by the step that made it.

    python tools/ocr_calls.py FILE [FILE ...] [--set section.key=value ...]
    python tools/ocr_calls.py --generate 200,300 --only excel-seed,excel-200dpi

Each file is read as ``piatable`` reads a scan, with ``ocr.workers=1`` (one thread, so that
each call's CPU is its own thread's and its step is on the stack).  Per step (the first read of
the cells' strips, the re-read of lost lines, the re-read of a date or timing cell, the cover's
band and the rest of a cover page, orientation detection, the header look of a long document,
a page without a grid): calls, pixels per call, and CPU seconds (the thread's CPU for the
in-process API, the children's for a tesseract process).  The rest of the page's CPU (Python,
OpenCV) is printed as ``other``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

# The step of a call: the first of these functions found on the stack (innermost first).
STEPS = (
    ("reread_lost_lines", "line re-read"),
    ("reread_broken_cells", "cell re-read"),
    ("_read_strip", "strips"),
    ("read_cover_band", "cover band"),
    ("read_cover_rest", "cover rest"),
    ("osd_turn", "orientation (OSD)"),
    ("_is_header", "header look"),
    ("scan_image", "page (no grid)"),
)


def _step() -> str:
    names = [f.name for f in traceback.extract_stack()]
    for fn, step in STEPS:
        if fn in names:
            return step
    return "other: " + "/".join(names[-4:-1])


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _all_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime + _children_cpu()


STATS: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])  # calls, pixels, CPU s


def _timed(fn, image_arg: int = 0):  # type: ignore[no-untyped-def]
    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        image = args[image_arg]
        t0, c0 = time.thread_time(), _children_cpu()
        try:
            return fn(*args, **kwargs)
        finally:
            s = STATS[_step()]
            s[0] += 1
            s[1] += image.size
            s[2] += time.thread_time() - t0 + _children_cpu() - c0

    return wrapped


def install() -> None:
    """Wrap the tesseract calls (engine's, and the names modules imported from it)."""
    from piatable.extract.ocr import engine, open_grid, orient, pages, strips

    chars, tsv = _timed(engine.tesseract_chars), _timed(engine.tesseract_tsv)
    engine.tesseract_chars = chars
    engine.tesseract_tsv = tsv
    strips.tesseract_chars = chars
    open_grid.tesseract_chars = chars
    pages.tesseract_tsv = tsv
    orient.osd_turn = _timed(orient.osd_turn)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--generate", default="", help="with --only: bench_scan's generated scans")
    ap.add_argument("--office", type=Path, help="with --generate: scan this set instead of samples/pdf")
    ap.add_argument("--only", default="", help="substrings of the generated cases' names")
    ap.add_argument("--set", action="append", default=[], help="section.key=value")
    ns = ap.parse_args(argv)
    from piatable.pipeline import extract_document
    from piatable.settings import Settings

    files = list(ns.files)
    if ns.generate:
        import bench_scan

        gen = Path(tempfile.gettempdir()) / "piatable-bench-scans"
        gen.mkdir(exist_ok=True)
        items = bench_scan.generated([int(x) for x in ns.generate.split(",")], gen, ns.office)
        files += [p for name, p, _ in items if not ns.only or any(o in name for o in ns.only.split(","))]
    install()
    settings = Settings()
    settings.set("ocr.workers=1")
    for s in ns.set:
        settings.set(s)
    pages_total, c0 = 0, _all_cpu()
    for path in files:
        res = extract_document(path, "scan", settings)
        pages = len({p for r in res.records for p in (r.page_start, r.page_end) if p}) or 1
        pages_total += pages
        print(f"{path.name}: {pages} pages, {len(res.records)} rows", flush=True)
    total = _all_cpu() - c0
    print(f"{pages_total} pages, {total:.1f} CPU s ({total / max(pages_total, 1):.2f} CPU s/page)")
    print(f"{'step':22s} {'calls/page':>10s} {'Mpx/call':>9s} {'CPU s/page':>10s} {'share':>6s}")
    ocr = 0.0
    for step, (calls, px, cpu) in sorted(STATS.items(), key=lambda kv: -kv[1][2]):
        ocr += cpu
        print(
            f"{step:22s} {calls / pages_total:10.1f} {px / max(calls, 1) / 1e6:9.3f} "
            f"{cpu / pages_total:10.2f} {cpu / total:6.1%}"
        )
    rest = total - ocr
    print(f"{'other (not tesseract)':22s} {'':20s} {rest / pages_total:10.2f} {rest / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
