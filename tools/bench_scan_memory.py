"""Benchmark long scanned documents: time and peak memory against page count.

    python tools/bench_scan_memory.py                   # 2,000 blank pages (no objects) and
                                                        # 200 blank scanned pages (noisy paper)
    python tools/bench_scan_memory.py --pages 200,2000 --scanned 50,200

Each document is read by ``piatable.pipeline.extract_document`` in a child process; its wall time
and peak resident memory (the child's ru_maxrss) are printed.  The targets (issue 11): a
2,000-page PDF of blank pages in under 60 s and under 500 MB, and memory that does not grow with
the page count.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAND = (842, 595)


def blank_pdf(path: Path, pages: int) -> None:
    """A PDF of ``pages`` empty landscape A4 pages (no text layer, nothing drawn)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LAND)
    for _ in range(pages):
        c.showPage()
    c.save()


def scanned_blank_pdf(path: Path, pages: int, dpi: int = 200, ascii85: bool = False) -> None:
    """A PDF of ``pages`` scanned blank sheets: grey paper with noise and specks, one JPEG per
    page (the same image each page, as a scanner's feeder gives them).  The JPEG is stored as
    scanners and img2pdf store it (DCTDecode alone); ``ascii85`` wraps it in reportlab's default
    ASCII85 text encoding as well, which costs pdfium a decode per page before the JPEG's."""
    import numpy as np
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = np.random.default_rng(1)
    w, h = int(LAND[0] * dpi / 72), int(LAND[1] * dpi / 72)
    img = np.clip(rng.normal(232, 7, (h, w)), 0, 255)
    specks = rng.random(img.shape) < 0.0004
    img[specks] = rng.uniform(40, 140, int(specks.sum()))
    buf = io.BytesIO()
    Image.fromarray(img.astype(np.uint8)).save(buf, "JPEG", quality=65)
    from reportlab import rl_config

    reader = ImageReader(io.BytesIO(buf.getvalue()))
    was = rl_config.useA85
    rl_config.useA85 = int(ascii85)
    try:
        c = canvas.Canvas(str(path), pagesize=LAND)
        for _ in range(pages):
            c.drawImage(reader, 0, 0, *LAND)
            c.showPage()
        c.save()
    finally:
        rl_config.useA85 = was


CHILD = """
import sys
from piatable.pipeline import extract_document
res = extract_document(sys.argv[1])
print(len(res.records), res.status, "; ".join(res.notes)[:300])
"""


def run(path: Path) -> tuple[float, float, float, str]:
    """(seconds, CPU seconds, peak MB, what the pipeline said) of reading ``path`` in a child
    process (CPU: the child's user + system time, its threads included; on a machine shared
    with other jobs the wall time says more about the load than about piatable)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    said = proc.stdout.read().strip().splitlines()
    _, _, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    return secs, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, said[-1] if said else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default="2000", help="comma-separated page counts of blank PDFs")
    ap.add_argument("--scanned", default="200", help="comma-separated page counts of scanned blank PDFs")
    ap.add_argument("--ascii85", action="store_true", help="the scanned blanks' JPEGs also ASCII85-encoded")
    ns = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs: list[tuple[str, Path]] = []
        for n in [int(x) for x in ns.pages.split(",") if x]:
            p = folder / f"blank-{n}.pdf"
            blank_pdf(p, n)
            docs.append((f"blank PDF, {n} pages", p))
        for n in [int(x) for x in ns.scanned.split(",") if x]:
            p = folder / f"scanned-blank-{n}.pdf"
            scanned_blank_pdf(p, n, ascii85=ns.ascii85)
            docs.append((f"scanned blank PDF, {n} pages{' (A85)' if ns.ascii85 else ''}", p))
        print(f"{'document':32s} {'seconds':>8s} {'CPU s':>8s} {'peak MB':>8s}  records, status, notes")
        for name, path in docs:
            secs, cpu, peak, said = run(path)
            print(f"{name:32s} {secs:8.1f} {cpu:8.1f} {peak:8.0f}  {said}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
