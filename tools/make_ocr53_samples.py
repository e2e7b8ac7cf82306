"""Scans that cannot be read as they come (issues 11/12, session 53): landscape table pages turned
a quarter into portrait images with no EXIF orientation (a Calc table printed large, as a
slide, little text; Writer at 7 pt), 100 dpi grey PNGs of tables printed small, 1-bit
200 dpi fax-like TIFFs (dithered, thresholded), and upright Writer pages in IPA Mincho (ruled
across only, and a full grid) whose item cells read wrong (session 52's held-out kind).

Made as tools/make_ocr52_samples.py makes its sets (tools/make_ocr40_samples.py's cases and
LibreOffice renders, session 52's rows): one page per case with its truth (``expected/``) and
tesseract's read (``ocr/``, written after the page was put upright).  Tuning and held-out share
no row text and no font.

    python tools/make_ocr53_samples.py [--set scan-ocr53|heldout-scan53]

The held-out set (samples/heldout-scan53) is measured, never tuned on.  Needs LibreOffice,
poppler, tesseract and the fonts (fc-list :lang=ja); CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_ocr52_samples as m52

mos = m40.mos
SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr53", "heldout-scan53")}

# (case name, program, font, size in points, inner rule, rows, look): ``dpi``; ``turn``
# (degrees counter-clockwise, the page turned a quarter with the image grown to hold it);
# ``angle`` (a small skew, degrees); ``save``: "jpeg" (quality ``jpeg``), "png" (grey),
# "dither" or "threshold" (1-bit TIFF, CCITT group 4).
KINDS = {
    "scan-ocr53": (
        ("calc-slide-gothic-300-t1", "calc", "IPAexGothic", 18.0, "thin", 2,
         {"dpi": 300, "turn": 270, "angle": 0.4, "save": "jpeg", "jpeg": 75}),
        ("writer-mincho-300-t2", "writer", "IPAexMincho", 7.0, "hrules", 3,
         {"dpi": 300, "turn": 90, "angle": -0.3, "save": "jpeg", "jpeg": 75}),
        ("calc-gothic-100-t3", "calc", "IPAexGothic", 8.0, "thin", 3, {"dpi": 100, "save": "png"}),
        ("writer-mincho-200-t4", "writer", "IPAexMincho", 9.0, "thin", 3, {"dpi": 200, "save": "dither"}),
        ("writer-ipamincho-300-t5", "writer", "IPAMincho", 9.0, "hrules", 3,
         {"dpi": 300, "angle": 0.5, "save": "jpeg", "jpeg": 80}),
        ("writer-ipamincho-300-t6", "writer", "IPAMincho", 9.0, "thin", 3,
         {"dpi": 300, "angle": -0.4, "save": "jpeg", "jpeg": 80}),
    ),
    "heldout-scan53": (
        ("calc-ipagothic-300-h1", "calc", "IPAGothic", 16.0, "thin", 2,
         {"dpi": 300, "turn": 90, "angle": -0.4, "save": "jpeg", "jpeg": 75}),
        ("writer-ipamincho-100-h2", "writer", "IPAMincho", 8.0, "hrules", 3, {"dpi": 100, "save": "png"}),
        ("calc-ipamincho-200-h3", "calc", "IPAMincho", 9.0, "thin", 3, {"dpi": 200, "save": "threshold"}),
    ),
}  # fmt: skip
SUFFIX = {"jpeg": ".jpg", "png": ".png", "dither": ".tif", "threshold": ".tif"}


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``), the rows of session 52's sets (tuning or held-out)."""
    heldout = name.startswith("heldout")
    printed = m52.HELDOUT_ROWS if heldout else m52.TUNING_ROWS
    rows = [dict(r, change_date_raw=raw) for raw, r in printed]
    out = []
    for case_name, maker, font, size, rule, n, look in KINDS[name]:
        case, _ = m40.case_of(case_name, tuple(r for _, r in printed), maker, heldout, seed="ocr53")
        case = dataclasses.replace(case, font=font, size=size, rows=rows[:n], inner_rule=rule)
        out.append((case, look))
    return out


def scan(pdf: Path, folder: Path, look: dict, back: Path | None = None) -> Path:
    """The PDF's first page rendered grey at ``look['dpi']``, turned and saved as ``look`` says;
    the file written (``input.*``; ``back`` unused: ``make_ocr40_samples.build_scans``' scanner)."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        dpi = str(look["dpi"])
        subprocess.run(
            ["pdftoppm", "-gray", "-r", dpi, "-f", "1", "-l", "1", "-png", str(pdf), str(stem)], check=True
        )
        img = Image.open(sorted(Path(tmp).glob("page*.png"))[0]).convert("L")
    turn = look.get("turn", 0) + look.get("angle", 0.0)
    if turn:
        img = img.rotate(turn, resample=Image.BICUBIC, expand=True, fillcolor=255)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"input{SUFFIX[look['save']]}"
    res = (look["dpi"], look["dpi"])
    if look["save"] == "jpeg":
        img.save(target, "JPEG", quality=look["jpeg"], dpi=res)
    elif look["save"] == "png":
        img.save(target, "PNG", dpi=res)
    else:
        mono = (
            img.convert("1")
            if look["save"] == "dither"
            else img.point(lambda v: 255 if v > 160 else 0).convert("1")
        )
        mono.save(target, "TIFF", compression="group4", dpi=res)
    return target


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(
        argv, __doc__, SETS, lambda name: m40.build_scans(SETS[name], name, set_cases(name), scan)
    )


if __name__ == "__main__":
    raise SystemExit(main())
