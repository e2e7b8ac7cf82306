"""Scans of committed LibreOffice PDFs with set XI's scan kinds (issues 11/12, session 50): a
fit-to-width page (the whole page printed at ``FIT_SCALE`` of its size, text ~6 pt) scanned at
400 dpi as PNG, a 300 dpi colour JPEG of yellowed paper with grey ink, and a 150 dpi JPEG.

    python tools/make_ocr50_samples.py                      # both sets
    python tools/make_ocr50_samples.py --set office-ocr50   # tuning set (samples/office-ocr50)
    python tools/make_ocr50_samples.py --set heldout-ocr50  # held-out: measure only

Each case scans the one page of a committed office sample (``SOURCES``: samples/office-boxes44
for tuning, samples/heldout-boxes44 for the held-out set, so the two share no row text) and
keeps its truth (``expected/records.json``, copied) and tesseract's read (``ocr/``,
tools/ocr_cache.py's layout: tests and tools/bench_scan_sets.py run the steps after OCR from
it), as tools/make_ocr40_samples.py's sets do.  The held-out set is measured, never tuned on.
Needs poppler and tesseract; CI only reads the committed files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_office_samples as mos

SETS = {name: m40.ROOT / "samples" / name for name in ("office-ocr50", "heldout-ocr50")}

# Set XI's c1: a landscape Calc sheet fitted to the page width prints ~6 pt text where the
# samples print 8-11 pt: the whole page at two thirds of its size.
FIT_SCALE = 0.67
# Set XI's c3: yellowish paper (#f4ecd0) and grey ink (the darkest ink at this share of black).
PAPER_RGB = (0xF4, 0xEC, 0xD0)
INK_DEPTH = 0.7

# (case name, source case, look) per set; every source prints on one page.
SOURCES = {
    "office-ocr50": (
        ("calc-fit-400-t1", "office-boxes44/b44-calc-v4", {"dpi": 400, "fit": FIT_SCALE, "angle": -0.3}),
        ("writer-yellow-300-t2", "office-boxes44/b44-writer-v2", {"dpi": 300, "yellow": True, "angle": 0.7}),
        ("calc-low-150-t3", "office-boxes44/b44-calc-v5", {"dpi": 150, "angle": 0.4, "jpeg": 75}),
    ),
    "heldout-ocr50": (
        ("calc-fit-400-h1", "heldout-boxes44/hb44-calc-v2", {"dpi": 400, "fit": FIT_SCALE, "angle": 0.3}),
        (
            "writer-yellow-300-h2",
            "heldout-boxes44/hb44-writer-v4-r",
            {"dpi": 300, "yellow": True, "angle": -0.6},
        ),
        ("writer-low-150-h3", "heldout-boxes44/hb44-writer-v1", {"dpi": 150, "angle": -0.5, "jpeg": 75}),
    ),
}


def _page(pdf: Path, dpi: float) -> Image.Image:
    """The PDF's first page rendered greyscale by pdftoppm at ``dpi``."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-gray", "-r", f"{dpi:g}", "-f", "1", "-l", "1", "-png", str(pdf), str(stem)],
            check=True,
        )
        return Image.open(sorted(Path(tmp).glob("page*.png"))[0]).convert("L")


def scan(pdf: Path, folder: Path, look: dict) -> Path:
    """The scanned page written into ``folder`` (``input.png`` for a fit-to-width page, else
    ``input.jpg``); its path.  A fit-to-width page is rendered at ``dpi × fit`` and set on a
    white page of the full size (the content printed smaller, scanned at ``dpi``)."""
    dpi = look["dpi"]
    fit = look.get("fit", 1.0)
    img = _page(pdf, dpi * fit)
    if fit != 1.0:
        full = _page(pdf, dpi).size
        page = Image.new("L", full, 255)
        page.paste(img, (0, 0))
        img = page
    img = img.rotate(look["angle"], resample=Image.BICUBIC, expand=False, fillcolor=255)
    folder.mkdir(parents=True, exist_ok=True)
    if fit != 1.0:
        target = folder / "input.png"
        img.save(target, "PNG", dpi=(dpi, dpi))
        return target
    target = folder / "input.jpg"
    if look.get("yellow"):
        ink = 1.0 - np.asarray(img, dtype=np.float32) / 255.0
        rgb = np.stack([c * (1.0 - INK_DEPTH * ink) for c in PAPER_RGB], axis=-1)
        Image.fromarray(rgb.round().astype(np.uint8), "RGB").save(target, "JPEG", quality=80, dpi=(dpi, dpi))
        return target
    img.save(target, "JPEG", quality=look.get("jpeg", 75), dpi=(dpi, dpi))
    return target


def build(name: str) -> None:
    """Folder samples/``name`` made anew from ``SOURCES[name]``."""
    root = SETS[name]
    if root.exists():
        shutil.rmtree(root)
    manifest = {}
    for case, source, look in SOURCES[name]:
        src = m40.ROOT / "samples" / source
        folder = root / case
        target = scan(src / "input.pdf", folder, look)
        m40.write_ocr(target)
        expected = json.loads((src / "expected" / "records.json").read_text("utf-8"))
        mos.write_json(folder / "expected" / "records.json", expected)
        manifest[case] = {"source": f"samples/{source}/input.pdf"} | look | {"rows": len(expected)}
        print(f"{name}/{case}: {len(expected)} rows, {target.stat().st_size // 1024} KB", file=sys.stderr)
    mos.write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
