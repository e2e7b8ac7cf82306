"""Poor scans of assessments with a cover page (issues 11 and 12, branch scan61b): a fax (1-bit, 200 ×
100 dpi, CCITT G4 TIFF), JPEG quality 25 pages in a PDF, and a crease across the page through the
cover's box of facts, as set XXII's ``t02.fax200x100.tif``, ``t12.jpegq25.pdf`` and
``t01.crease.pdf`` were made.

    python tools/make_scan61b_samples.py [--set office-scan61b|heldout-scan61b]

Each case is a LibreOffice Calc or Writer table with its cover on a page of its own
(``make_scan_covers.scan_case``: rows, agencies and names of the tuning or held-out pools), printed
to PDF, rendered grey with pdftoppm's renderer (pypdfium2, ``make_scans.rasterise``) and damaged
with PIL / numpy as ``LOOKS`` says.  ``expected/records.json`` holds the table's rows and
``expected/documents.json`` the cover's facts.  Set XXII showed: the fax read with every row warned
and 0 right, status ``success``; the crease's cover read with no 評価実施機関名 and no 公表日.  The
held-out set (samples/heldout-scan61b) is measured, never tuned on.  Needs LibreOffice and the IPA
fonts; the tests and tools/eval_office.py only read the committed files (tesseract runs then).
"""

from __future__ import annotations

import io
import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan_covers as msc
import make_scans

SETS = {name: mos.SAMPLES / name for name in ("office-scan61b", "heldout-scan61b")}
# (case name, program, look).  ``fax``: rendered at 200 dpi, every second pixel row kept, 1-bit
# (a fax machine's fine-across, coarse-down pixels), a G4 TIFF claiming 200 × 100 dpi.  ``jpeg``:
# JPEG pages of that quality in a PDF.  ``crease``: a fold line across the cover page (and across
# every page with ``crease_all``) at a height drawn inside the cover's box of facts.
# ``rows_per_page`` (Calc: a page break after every N rows): a scan of more than
# ``OcrSettings.find_all_below`` pages, whose cover the table's search does not scan.
KINDS = {
    "office-scan61b": (
        ("fax-calc-t1", "calc", {"dpi": 200, "fax": True}),
        ("jpeg25-writer-t2", "writer", {"dpi": 150, "jpeg": 25}),
        ("crease-calc-t3", "calc", {"dpi": 200, "jpeg": 70, "crease": True, "rows_per_page": 1}),
        ("crease-calc-t4", "calc", {"dpi": 200, "jpeg": 60, "crease": True, "rows_per_page": 1}),
    ),
    "heldout-scan61b": (
        ("fax-writer-h1", "writer", {"dpi": 200, "fax": True}),
        ("jpeg25-calc-h2", "calc", {"dpi": 150, "jpeg": 25}),
        ("crease-writer-h3", "writer", {"dpi": 200, "jpeg": 70, "crease": True}),
        (
            "crease-calc-h4",
            "calc",
            {"dpi": 200, "jpeg": 70, "crease": True, "crease_all": True, "rows_per_page": 1},
        ),
    ),
}
# A fax's threshold (grey level below which a pixel is ink).
FAX_THRESHOLD = 150
# The crease: a dark fold line this many pixels thick at 200 dpi, and under it a band of paper
# that lost its ink (the fold's white ridge) of this many pixels, as in set XXII's t01.
CREASE_DARK_PX = 3
CREASE_WHITE_PX = 8
CREASE_DARK = 120


def crease(gray: np.ndarray, rng: random.Random, dpi: float) -> np.ndarray:
    """``gray`` with a fold line across it, slanted by at most a degree, at a height inside the
    middle half of the page's inked rows (a cover's box of facts lies there)."""
    out = gray.copy()
    h, w = out.shape
    rows = np.flatnonzero((out < 128).sum(axis=1) > 0)
    top, bottom = (rows[0], rows[-1]) if rows.size else (0, h)
    y0 = rng.uniform(top + 0.35 * (bottom - top), top + 0.75 * (bottom - top))
    slope = np.tan(np.radians(rng.uniform(-0.3, 0.3)))
    scale = dpi / 200.0
    dark, white = max(1, round(CREASE_DARK_PX * scale)), max(2, round(CREASE_WHITE_PX * scale))
    paper = int(np.median(out))
    for x in range(w):
        y = round(y0 + slope * (x - w / 2))
        out[max(y, 0) : max(y + white, 0), x] = paper
        out[max(y - dark, 0) : max(y, 0), x] = CREASE_DARK
    return out


def fax(gray: np.ndarray) -> Image.Image:
    """A fax page: every second pixel row (half the resolution down), thresholded to 1 bit."""
    img = Image.fromarray(gray).resize((gray.shape[1], gray.shape[0] // 2), Image.Resampling.BILINEAR)
    return img.point(lambda v: 255 if v > FAX_THRESHOLD else 0).convert("1")


def write_scan(pdf: Path, folder: Path, look: dict, seed: str) -> Path:
    """The scan of a case's PDF in ``folder`` (``input.tif`` or ``input.pdf``)."""
    rng = random.Random(seed)
    dpi = look["dpi"]
    pages = make_scans.rasterise(pdf, dpi)
    if look.get("crease"):
        pages = [crease(g, rng, dpi) if k == 0 or look.get("crease_all") else g for k, g in enumerate(pages)]
    folder.mkdir(parents=True, exist_ok=True)
    if look.get("fax"):
        target = folder / "input.tif"
        faxed = [fax(g) for g in pages]
        faxed[0].save(
            target, "TIFF", compression="group4", dpi=(dpi, dpi / 2), save_all=True, append_images=faxed[1:]
        )
        return target
    target = folder / "input.pdf"
    encoded = []
    for g in pages:  # Pillow writes each page as it is encoded: encode them as JPEGs first
        buf = io.BytesIO()
        Image.fromarray(g).save(buf, "JPEG", quality=look["jpeg"])
        encoded.append(Image.open(io.BytesIO(buf.getvalue())))
    encoded[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=encoded[1:])
    return target


def build(name: str) -> None:
    """Folder ``SETS[name]`` made anew: each case's scan, its truth and ``cases.json``."""
    root = SETS[name]
    heldout = name.startswith("heldout")
    cases = []
    for case_name, maker, look in KINDS[name]:
        case, facts, damage = msc.scan_case(f"s61b-{case_name}", heldout, True, maker)
        cases.append((replace(case, rows_per_page=look.get("rows_per_page")), facts, damage, look))
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render([c for c, _, _, _ in cases], Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        for case, facts, _, look in cases:
            _, pdf, expected = made[case.name]
            folder = root / case.name
            target = write_scan(pdf, folder, look, f"piatable-scan61b-{case.name}")
            mos.write_json(folder / "expected" / "records.json", expected)
            mos.write_json(folder / "expected" / "documents.json", facts)
            pages = max(r["page_end"] for r in expected)
            manifest[case.name] = mos.settings_of(case) | look | {"rows": len(expected), "pages": pages}
            print(
                f"{name}/{case.name}: {len(expected)} rows, {target.stat().st_size // 1024} KB",
                file=sys.stderr,
            )
        mos.write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
