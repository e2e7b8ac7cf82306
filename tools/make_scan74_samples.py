"""Colour scans with colour fringing, and scanned PDFs of several pages (issue 11, session 74).

A fresh tester's set read two kinds badly: a colour scan whose red, green and blue planes lie
1-2 px apart (chromatic misregistration: a cheap colour scanner's sensor rows, a phone photo's
lens) of a table with a coloured header fill gave 0 rows of 14; a scanned PDF of two pages gave
no row of its second page, and no note.  This makes both kinds:

* ``fringe``: a LibreOffice Calc table (.xlsx written with openpyxl: its header filled in a light
  colour, one or two cells typed in red) rendered in colour by ``pdftoppm`` at 200 or 300 dpi,
  its planes shifted by 1-2 px (sub-pixel shifts too), turned 0.3-1°, lit unevenly (one side or
  corner darker, the paper a little yellow), a little sensor noise, saved as a colour JPEG (or a
  PNG: ``.png`` cases);
* ``pages``: the same kind of table over 2 or 3 pages (a manual page break every few rows; the
  header repeated on each page or not), each page damaged so, put into one PDF of JPEG pages
  (Pillow's PDF writer: one DCT image per page, as a scanner's PDF is).

    python tools/make_scan74_samples.py [--set scan74|heldout-scan74]
    python tools/make_scan74_samples.py --reread [--set ...]   # only tesseract's reads made
                                                               # again (no LibreOffice needed)

Each case: ``input.{jpg,png,pdf}``, ``expected/records.json`` (the truth, every page's rows) and
``ocr/`` (tesseract's read of every page, ``tools/ocr_cache.py``'s layout, for the tests).  The
held-out set shares no row text with the tuning set (each generator's HELDOUT_ROWS), draws its
own colours, shifts and seeds: it is measured, never tuned on.  Needs LibreOffice, poppler and
the IPA fonts; CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import io
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_ocr41_samples as m41
import make_ocr44_samples as m44
import make_ocr46_samples as m46
import make_ocr70_samples as m70

mos = m40.mos
SETS = {name: m40.ROOT / "samples" / name for name in ("scan74", "heldout-scan74")}
_SOURCES = (m40, m41, m44, m46, m70)
# Header fills (ARGB) a form's table is given: Excel's light theme colours.
TUNING_FILLS = ("FFBDD7EE", "FFFCE4D6", "FFE2EFDA")  # light blue, light orange, light green
HELDOUT_FILLS = ("FFFFF2CC", "FFDDEBF7", "FFEDE1F7")  # light yellow, pale blue, pale violet
# (program, font, dpi, pages, file kind) of each case.
# "lens": a phone photo's planes scaled about the centre (lateral chromatic aberration: the
# fringe grows towards the edges), not shifted.
TUNING_KINDS = (
    ("calc", "gothic", 200, 1, "jpg"),
    ("calc", "mincho", 300, 1, "jpg"),
    ("calc", "gothic", 200, 2, "pdf"),
    ("calc", "mincho", 200, 3, "pdf"),
    ("calc", "gothic", 200, 1, "lens"),
)
HELDOUT_KINDS = (
    ("calc", "mincho", 200, 1, "jpg"),
    ("calc", "gothic", 300, 1, "png"),
    ("calc", "gothic", 200, 2, "pdf"),
    ("calc", "mincho", 200, 3, "pdf"),
    ("calc", "mincho", 250, 1, "lens"),
)
# The sensor noise's spread (grey levels; more makes the JPEGs large).
NOISE = 1.5
# A PNG case: no sensor noise and PNG_BITS bits a channel (else a 300-dpi colour PNG is 9 MB).
PNG_BITS = 5
# make_ocr40_samples' read of a one-page image (build_scans calls m40.write_ocr, set to ours).
_WRITE_IMAGE_OCR = m40.write_ocr
# Rows a page of the ``pages`` kind holds (a manual page break every so many).
ROWS_PER_PAGE = 4


def _rows(heldout: bool, k: int, count: int) -> list[dict]:
    """``count`` rows of the generators' tuning (or held-out) rows, starting at a place set by
    ``k`` so that the cases differ."""
    pool = [r for m in _SOURCES for r in (m.HELDOUT_ROWS if heldout else m.TUNING_ROWS)]
    start = (7 * k) % len(pool)
    return [pool[(start + i) % len(pool)] for i in range(count)]


def render_colour(pdf: Path, dpi: int) -> list[np.ndarray]:
    """Every page of ``pdf`` rendered in colour by pdftoppm at ``dpi`` (H×W×3 uint8 each)."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(stem)], check=True)
        return [
            np.asarray(Image.open(p).convert("RGB"), dtype=np.uint8).copy()
            for p in sorted(Path(tmp).glob("page*.png"))
        ]


def fringed(rgb: np.ndarray, rng: np.random.Generator, look: dict) -> Image.Image:
    """One page as a cheap colour scanner gives it: turned ``look['angle']``°, lit unevenly, the
    paper a little yellow, the red and blue planes shifted by ``look['shift_r']`` and
    ``look['shift_b']`` px (x, y) against the green one, mild sensor noise."""
    import cv2

    im = Image.fromarray(rgb).rotate(look["angle"], resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    a = np.asarray(im, dtype=np.float32)
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1.0 - look["shade"] * np.clip((gx * (xx / w - 0.5) + gy * (yy / h - 0.5)) + 0.5, 0, 1)
    a = a * light[..., None] * np.array([1.0, 0.985, 0.94], dtype=np.float32)
    planes = []
    scales = (look.get("scale_r", 1.0), 1.0, look.get("scale_b", 1.0))
    for c, shift in enumerate((look["shift_r"], (0.0, 0.0), look["shift_b"])):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), 0, scales[c])
        m[:, 2] += shift
        planes.append(
            cv2.warpAffine(a[..., c], m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        )
    a = np.stack(planes, axis=2) + rng.normal(0, look.get("noise", NOISE), (h, w, 1))
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if look["file"] == "png":  # a scanner's smoothed PNG, 5 bits a channel: kept small
        from PIL import ImageOps

        im = ImageOps.posterize(im, PNG_BITS)
    return im


def scanner(pdf: Path, folder: Path, look: dict, back: Path) -> Path:
    """The case's scan written under ``folder`` (``build_scans``' scanner; ``back`` unused)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(look["seed"])
    dpi = look["dpi"]
    pages = [fringed(p, rng, look) for p in render_colour(pdf, dpi)]
    kind = "jpg" if look["file"] == "lens" else look["file"]
    if kind != "pdf":
        assert len(pages) == 1, f"{folder.name}: {len(pages)} pages for a one-page scan"
    target = folder / f"input.{kind}"
    if kind == "png":
        pages[0].save(target, "PNG", dpi=(dpi, dpi), optimize=True)
    elif kind == "jpg":
        pages[0].save(target, "JPEG", quality=look["jpeg"], dpi=(dpi, dpi))
    else:
        assert len(pages) == look["pages"], f"{folder.name}: {len(pages)} pages, not {look['pages']}"
        jpegs = []
        for p in pages:  # each page the scanner's JPEG, as a scanner's PDF holds it
            buf = io.BytesIO()
            p.save(buf, "JPEG", quality=look["jpeg"])
            jpegs.append(Image.open(io.BytesIO(buf.getvalue())))
        jpegs[0].save(
            target, "PDF", save_all=True, append_images=jpegs[1:], resolution=dpi, quality=look["jpeg"]
        )
    return target


def write_ocr(target: Path) -> None:
    """Tesseract's read of every page of the scan, in ``tools/ocr_cache.py``'s layout."""
    if target.suffix != ".pdf":
        _WRITE_IMAGE_OCR(target)
        return
    import pypdfium2 as pdfium
    from ocr_cache import save_scans

    from piatable.extract.ocr.pages import scan_pdf
    from piatable.settings import Settings

    count = len(pdfium.PdfDocument(str(target)))
    scans = scan_pdf(target, list(range(1, count + 1)), Settings().ocr)
    ocr = target.parent / "ocr"
    if ocr.exists():
        shutil.rmtree(ocr)
    save_scans(ocr, scans, count)


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """One case per kind (TUNING_KINDS, HELDOUT_KINDS): its rows, header fill, red cells, page
    breaks and damage drawn from an RNG seeded with its name."""
    kinds, fills, tag = (HELDOUT_KINDS, HELDOUT_FILLS, "h") if heldout else (TUNING_KINDS, TUNING_FILLS, "t")
    out = []
    for k, (maker, font, dpi, pages, kind) in enumerate(kinds, 1):
        what = "lens" if kind == "lens" else "fringe" if pages == 1 else f"pages{pages}"
        name = f"{maker}-{font}-{dpi}-{what}-{tag}{k}"
        count = 5 if pages == 1 else ROWS_PER_PAGE * pages - 1
        case, look = m40.case_of(name, tuple(_rows(heldout, k, count)), maker, heldout, seed="scan74")
        rng = random.Random(f"piatable-scan74-{name}")
        red = rng.sample(range(len(case.rows)), 2)
        runs = {
            (i, key): [(case.rows[i][key], {"red": True})]
            for i in red
            for key in ("after",)
            if case.rows[i][key]
        }
        case = dataclasses.replace(
            case,
            header_fill=True,
            header_rgb=fills[(k - 1) % len(fills)],
            rows_per_page=ROWS_PER_PAGE if pages > 1 else None,
            repeat_header=rng.random() < 0.5 if pages > 1 else True,
            size=min(case.size, 10.0) if pages == 1 else case.size,
            runs=runs,
        )
        big, small = rng.choice((1.0, 1.5, 2.0)), rng.choice((0.5, 1.0))
        look = {
            "dpi": dpi,
            "angle": look["angle"],
            "jpeg": rng.choice((60, 68)) if dpi >= 300 or pages > 2 else rng.choice((65, 72, 78)),
            "file": kind,
            "pages": pages,
            "shade": round(rng.uniform(0.08, 0.2), 2),
            "shift_r": (rng.choice((-1, 1)) * big, rng.choice((-1, 0, 1)) * small),
            "shift_b": (rng.choice((-1, 1)) * small, rng.choice((-1, 1)) * big),
            "seed": rng.randint(0, 9999),
        }
        if kind == "png":
            look["noise"] = 0.0
        if kind == "lens":  # 1.5-3 px at the page's sides, none at its centre
            spread = rng.uniform(0.0012, 0.0022)
            look |= {"shift_r": (0.0, 0.0), "shift_b": (0.0, 0.0), "scale_r": 1 + spread}
            look["scale_b"] = 1 - rng.uniform(0.5, 1.0) * spread
        out.append((case, look))
    return out


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    args = list(argv if argv is not None else sys.argv[1:])
    reread = "--reread" in args
    args = [a for a in args if a != "--reread"]
    m40.write_ocr = write_ocr  # build_scans reads each scan with it: PDFs page by page
    for name in mos.set_arguments(args, __doc__, SETS).set:
        if reread:  # the committed scans read again by this checkout (the reader changed)
            for case in sorted(p for p in SETS[name].iterdir() if p.is_dir()):
                write_ocr(next(case.glob("input.*")))
            continue
        m40.build_scans(SETS[name], name, set_cases(name.startswith("heldout")), scanner)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
