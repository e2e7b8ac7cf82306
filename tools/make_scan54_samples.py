"""Scans as researchers get them (issue 11, session 54): LibreOffice Calc and Writer tables
printed to PDF, then rendered the way scanners and phones deliver pages: turned 90°, 180° or
270° with no EXIF tag (a sheet fed sideways, a phone held flat) or with the EXIF orientation that
undoes the turn (6, 3, 8), 100–150 dpi greyscale PNGs, 1-bit 200 dpi pages (a CCITT G4 TIFF, and
G4 pages inside a PDF), JPEGs at quality 40–60, 0.5–2° skew, multi-page image PDFs (one JPEG per
page), and pages on grey paper under uneven light.

Each case is a folder with ``input.*`` (the scan) and ``expected/records.json`` (the truth, read
from the PDF's text layer by ``make_office_samples.expected_records``); ``cases.json`` says how
each looks.  A case's name starts with its kind (``turn90-…``, ``exif6-…``, ``grey100-…``,
``g4tiff-…``, ``g4pdf-…``, ``jpeg40-…``, ``skew2-…``, ``pages-…``, ``light-…``), which
``tools/eval_office.py`` groups by.  Tuning and held-out share no table and no font (the tuning
rows come from ``samples/tables``, the held-out rows from ``samples/heldout/tables``; IPAex
fonts against IPA fonts).

    python tools/make_scan54_samples.py [--set office-scan54|heldout-scan54]

The held-out set (samples/heldout-scan54) is measured, never tuned on.  Needs LibreOffice,
poppler and the fonts (fc-list :lang=ja); the tests and tools/eval_office.py only read the
committed files (tesseract runs then).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_ocr51_samples import darken

SETS = {name: mos.SAMPLES / name for name in ("office-scan54", "heldout-scan54")}

# How a look turns the page (degrees counter-clockwise, as PIL's ``rotate`` counts) for each
# EXIF orientation that puts it upright again in a viewer (6: the viewer turns it 90°
# clockwise; 3: 180°; 8: 90° counter-clockwise).
EXIF_TURN = {6: 90, 3: 180, 8: 270}
EXIF_ORIENTATION = 0x0112

# (case name, program, font, size in points, table, first row, rows, date style, look).
# ``table``: a key of ``make_office_samples.TUNING_TABLES`` or a file of samples/heldout/tables.
# The look: ``dpi``; ``turn`` (degrees counter-clockwise, no tag) or ``exif`` (an orientation
# tag, the pixels turned as ``EXIF_TURN`` says); ``angle`` (skew, degrees); ``save``: "jpeg"
# (quality ``jpeg``), "png" (grey), "g4tiff" (1-bit TIFF, CCITT G4), "g4pdf" (1-bit pages in a
# PDF, CCITT G4) or "jpegpdf" (a PDF of JPEG pages, quality ``jpeg``); ``light`` (the darkest
# side's brightness, grey paper under uneven light).  A JPEG or PNG case must print on one page;
# a TIFF or PDF holds every page.  ``rows_per_page`` (Calc: a manual page break every N rows) and
# ``portrait`` (Writer: an A4 portrait page) make tables of several pages.
KINDS = {
    "office-scan54": (
        ("turn90-calc-gothic-300-t1", "calc", "IPAexGothic", 10.0, "kokuho", 0, 3, "wareki_fw",
         {"dpi": 300, "turn": 90, "angle": 0.4, "save": "jpeg", "jpeg": 60}),
        ("turn270-writer-mincho-250-t2", "writer", "IPAexMincho", 9.0, "juki", 2, 3, "slash",
         {"dpi": 250, "turn": 270, "angle": -0.6, "save": "jpeg", "jpeg": 55}),
        ("turn180-calc-mincho-300-t3", "calc", "IPAexMincho", 10.5, "zeimu", 0, 3, "wareki",
         {"dpi": 300, "turn": 180, "angle": 0.8, "save": "jpeg", "jpeg": 60}),
        ("exif6-writer-gothic-300-t4", "writer", "IPAexGothic", 9.0, "municipal", 0, 3, "wareki_fw",
         {"dpi": 300, "exif": 6, "save": "jpeg", "jpeg": 60}),
        ("grey100-calc-gothic-100-t5", "calc", "IPAexGothic", 11.0, "lists", 0, 3, "slash",
         {"dpi": 100, "save": "png"}),
        ("grey150-writer-mincho-150-t6", "writer", "IPAexMincho", 9.0, "kokuho", 3, 3, "wareki_fw",
         {"dpi": 150, "angle": 0.3, "save": "png"}),
        ("g4tiff-calc-mincho-200-t7", "calc", "IPAexMincho", 10.0, "juki", 5, 3, "wareki",
         {"dpi": 200, "angle": -0.5, "save": "g4tiff"}),
        ("jpeg40-writer-gothic-200-t8", "writer", "IPAexGothic", 10.0, "zeimu", 3, 3, "slash",
         {"dpi": 200, "angle": 1.2, "save": "jpeg", "jpeg": 40}),
        ("pages-calc-gothic-200-t9", "calc", "IPAexGothic", 11.0, "municipal", 0, 7, "wareki_fw",
         {"dpi": 200, "angle": 1.0, "save": "jpegpdf", "jpeg": 55, "rows_per_page": 3}),
        ("light-writer-gothic-250-t10", "writer", "IPAexGothic", 9.0, "lists", 3, 3, "wareki",
         {"dpi": 250, "angle": -1.5, "light": 0.55, "save": "jpeg", "jpeg": 60}),
    ),
    "heldout-scan54": (
        ("turn90-writer-ipamincho-300-h1", "writer", "IPAMincho", 9.5, "kaigo_hoken.json", 0, 3, "wareki_fw",
         {"dpi": 300, "turn": 90, "angle": -0.5, "save": "jpeg", "jpeg": 55}),
        ("exif8-calc-ipagothic-300-h2", "calc", "IPAGothic", 11.0, "jidou_teate.json", 0, 3, "slash",
         {"dpi": 300, "exif": 8, "angle": 0.3, "save": "jpeg", "jpeg": 50}),
        ("turn270-calc-ipagothic-200-h3", "calc", "IPAGothic", 9.5, "koseki_fuhyo.json", 0, 3, "wareki",
         {"dpi": 200, "turn": 270, "angle": 0.7, "save": "jpeg", "jpeg": 45}),
        ("grey120-writer-ipagothic-120-h4", "writer", "IPAGothic", 11.0, "yobou_sesshu.json", 0, 3, "slash",
         {"dpi": 120, "save": "png"}),
        ("g4pdf-calc-ipagothic-200-h5", "calc", "IPAGothic", 10.0, "koseki_fuhyo.json", 3, 4, "wareki_fw",
         {"dpi": 200, "angle": -1.0, "save": "g4pdf", "rows_per_page": 2}),
        ("light-calc-ipamincho-250-h6", "calc", "IPAMincho", 11.0, "kaigo_hoken.json", 3, 3, "wareki",
         {"dpi": 250, "angle": 2.0, "light": 0.5, "save": "jpeg", "jpeg": 50}),
    ),
}  # fmt: skip
SUFFIX = {"jpeg": ".jpg", "png": ".png", "g4tiff": ".tif", "g4pdf": ".pdf", "jpegpdf": ".pdf"}
# Grey paper: the brightest a lit page's paper comes out in the scans with ``light`` (0-255).
PAPER = 225
# 1-bit pages: the grey level below which a pixel is ink (a scanner's fixed threshold).
THRESHOLD = 160


def rows_of(table: str, start: int, n: int, style: str) -> list[dict]:
    """``n`` rows of ``table`` from ``start``, their dates printed in ``style``."""
    path = mos.TUNING_TABLES.get(table) or mos.HELDOUT_DIR / table
    return mos.printed_rows(mos.load_table(path)[start : start + n], style)


def table_case(
    seed: str, name: str, maker: str, font: str, size: float, rows: list[dict], heldout: bool, **more
) -> mos.Case:
    """A Calc or Writer case of ``rows`` (``rows_of``) in ``font`` and ``size``, its column widths
    drawn from the set's pool (``mos.widths_of``) by a generator seeded ``<seed>-<name>``, no
    texts; ``more``: other ``mos.Case`` fields (``rows_per_page``)."""
    rng = random.Random(f"{seed}-{name}")
    widths = rng.choice(mos.widths_of(maker, heldout))
    return mos.Case(
        name=name, rows=rows, maker=maker, font=font, size=size, widths=widths, texts=False, **more
    )


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``)."""
    heldout = name.startswith("heldout")
    out = []
    for case_name, maker, font, size, table, start, n, style, look in KINDS[name]:
        rows = rows_of(table, start, n, style)
        more = {"rows_per_page": look.get("rows_per_page")}
        out.append((table_case("piatable-scan54", case_name, maker, font, size, rows, heldout, **more), look))
    return out


def pages_of(pdf: Path, look: dict) -> list[Image.Image]:
    """The PDF's pages rendered grey at ``look['dpi']``, each skewed, lit and turned as the
    look says."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(look["dpi"]), "-png", str(pdf), str(stem)],
            check=True,
        )
        images = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page*.png"))]
    out = []
    for img in images:
        if "light" in look:
            paper = np.asarray(img, dtype=np.float32) * (PAPER / 255.0)
            img = darken(Image.fromarray(paper.round().astype(np.uint8), "L"), look["light"])
        turn = look.get("turn", 0) + EXIF_TURN.get(look.get("exif", 0), 0) + look.get("angle", 0.0)
        if turn:
            fill = int(np.median(np.asarray(img)))
            img = img.rotate(turn, resample=Image.BICUBIC, expand=True, fillcolor=fill)
        out.append(img)
    return out


def bilevel(img: Image.Image) -> Image.Image:
    """A scanner's 1-bit page: grey thresholded at ``THRESHOLD``."""
    return img.point(lambda v: 255 if v > THRESHOLD else 0).convert("1")


def save(images: list[Image.Image], target: Path, look: dict) -> None:
    """The pages written to ``target`` as ``look['save']`` says (see ``KINDS``)."""
    res = (look["dpi"], look["dpi"])
    kind = look["save"]
    if kind in ("jpeg", "png") and len(images) > 1:
        raise ValueError(f"{target.parent.name}: {len(images)} pages for a one-page {kind} scan")
    if kind == "jpeg":
        exif = Image.Exif()
        if "exif" in look:
            exif[EXIF_ORIENTATION] = look["exif"]
        images[0].save(target, "JPEG", quality=look["jpeg"], dpi=res, exif=exif.tobytes())
    elif kind == "png":
        images[0].save(target, "PNG", dpi=res)
    elif kind == "g4tiff":
        pages = [bilevel(i) for i in images]
        pages[0].save(target, "TIFF", compression="group4", dpi=res, save_all=True, append_images=pages[1:])
    elif kind == "g4pdf":
        pages = [bilevel(i) for i in images]
        pages[0].save(target, "PDF", resolution=look["dpi"], save_all=True, append_images=pages[1:])
    else:  # jpegpdf: Pillow writes each page as it is encoded, so encode them as JPEGs first
        pages = []
        for i in images:
            buf = io.BytesIO()
            i.save(buf, "JPEG", quality=look["jpeg"])
            pages.append(Image.open(io.BytesIO(buf.getvalue())))
        pages[0].save(target, "PDF", resolution=look["dpi"], save_all=True, append_images=pages[1:])


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The default scan of a case: ``pages_of(pdf, look)`` saved as ``folder/input.<suffix>``."""
    target = folder / f"input{SUFFIX[look['save']]}"
    save(pages_of(pdf, look), target, look)
    return target


def build_scans(
    root: Path,
    name: str,
    made_cases: list[tuple[mos.Case, dict]],
    scan: Callable[[mos.Case, Path, Path, dict], Path] = write_scan,
) -> dict[str, dict]:
    """Folder ``root`` made anew from ``made_cases`` ((case, look) pairs): each case's scan (``scan``
    (case, its PDF, its folder, look) writes it and returns the file), its truth and an entry of the
    manifest, which is returned (the caller may add cases, then ``mos.write_manifest`` it)."""
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render([c for c, _ in made_cases], Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict[str, dict] = {}
        for case, look in made_cases:
            _, pdf, expected = made[case.name]
            folder = root / case.name
            folder.mkdir(parents=True)
            target = scan(case, pdf, folder, look)
            mos.write_json(folder / "expected" / "records.json", expected)
            pages = max(r["page_end"] for r in expected)
            manifest[case.name] = mos.settings_of(case) | look | {"rows": len(expected), "pages": pages}
            size = target.stat().st_size // 1024
            print(f"{name}/{case.name}: {len(expected)} rows, {pages} pages, {size} KB", file=sys.stderr)
    return manifest


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth and the set's ``cases.json``."""
    mos.write_manifest(root, build_scans(root, name, set_cases(name)))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
