"""Scans degraded as set XXXII's worst were (issue 11, session 71; its u11 and u12 scans).

* ``pepper``: a LibreOffice table printed in 4-4.5 pt type (a sheet fitted to its page),
  scanned at 300 dpi black and white with salt-and-pepper noise (0.3% of the pixels black,
  0.4% white) and a skew of 1-1.5° (u11: its 11 px glyphs were taken for 9 pt ones and
  shrunk, and the noise read as rows of ``ea`` / ``eeeeees``: 0 of 20 rows);
* ``smudge``: a table printing its columns in another order than the form's (samples'
  office-order63 / heldout-order63 PDFs, Chromium), its label row worn unreadable (blotches of its
  print rubbed away), on yellowed paper with the next case's page showing
  through, a JPEG of quality 40 at 200 dpi (u12: its two-line labels cut by a ruling, two
  read; the columns taken in the form's order, 0 of 13 rows).

``python tools/make_scan71_samples.py [--set scan71|heldout-scan71]``: each case's scan, truth
(``expected/records.json``) and tesseract's read (``ocr/``) under samples/<set>/.  The held-out
set shares no row text, order or damage seed with the tuning set and is measured, never tuned
on.  Needs LibreOffice, poppler and the IPA fonts; CI reads the committed files only.
"""

from __future__ import annotations

import dataclasses
import io
import json
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_ocr70_samples as m70

mos = m40.mos
SETS = {name: m40.ROOT / "samples" / name for name in ("scan71", "heldout-scan71")}

# (case, program, font, size in points, skew in degrees) of the pepper cases.
PEPPER = {
    "scan71": (("pepper-calc-gothic-t1", "calc", "IPAexGothic", 4.0, 1.5),),
    "heldout-scan71": (("pepper-writer-mincho-h1", "writer", "IPAMincho", 4.5, -1.2),),
}
# (case, committed PDF whose columns are in another order) of the smudged-label cases.
SMUDGE = {
    "scan71": (
        ("smudge-tfirst-t2", "office-order63/o63-chromium-tfirst"),
        ("smudge-tmid-t3", "office-order63/o63-chromium-tmid"),
    ),
    "heldout-scan71": (
        ("smudge-tfirst-h2", "heldout-order63/ho63-chromium-tfirst"),
        ("smudge-tsecond-h3", "heldout-order63/ho63-chromium-tsecond"),
    ),
}


def peppered(img: np.ndarray, skew: float, rng: np.random.Generator) -> Image.Image:
    """``img`` (grey) with salt-and-pepper noise, turned ``skew`` degrees, black and white."""
    noise = rng.random(img.shape)
    out = img.copy()
    out[noise < 0.003] = 0
    out[noise > 0.996] = 255
    page = Image.fromarray(out).rotate(skew, resample=Image.BICUBIC, fillcolor=255)
    return page.point(lambda v: 255 if v > 150 else 0).convert("1")


def pepper_scanner(pdf: Path, folder: Path, look: dict, back: Path) -> Path:
    """``peppered`` first page of ``pdf`` at ``look['dpi']`` as ``folder / input.tif`` (CCITT
    group 4); the file written (``make_ocr40_samples.build_scans``' scanner)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "input.tif"
    page = peppered(m70._render(pdf, look["dpi"]), look["angle"], np.random.default_rng(look["seed"]))
    page.save(target, "TIFF", compression="group4", dpi=(look["dpi"], look["dpi"]))
    return target


def _label_band(pdf: Path, dpi: int) -> tuple[int, int, int, int]:
    """The label row's box on page 1 in pixels at ``dpi``: from the words 変更日 / 提出時期."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        tables = page.find_tables()
    labels = [w for w in words if w["text"].startswith(("変更日", "提出時期", "項目"))]
    top = min(w["top"] for w in labels)
    bottom = max(w["bottom"] for w in labels)
    x0, _, x1, _ = tables[0].bbox
    s = dpi / 72
    return int(x0 * s), int((top - 3) * s), int(x1 * s), int((bottom + 3) * s)


def smudged(img: np.ndarray, band: tuple[int, int, int, int], back: np.ndarray, seed: int) -> Image.Image:
    """``img`` (grey) with the ``band`` box's print worn away in blotches (about half its ink
    gone, as rubbed-off toner or a wet smear leaves it), on yellowed paper with ``back``
    mirrored and faint behind it, a JPEG of quality 40."""
    rng = np.random.default_rng(seed)
    a = img.astype(np.float32)
    x0, y0, x1, y1 = band
    h, w = y1 - y0, x1 - x0
    blotch = rng.random((max(h // 5, 2), max(w // 5, 2))).astype(np.float32)
    wear = np.asarray(Image.fromarray(blotch).resize((w, h), Image.BICUBIC), dtype=np.float32)
    a[y0:y1, x0:x1] = np.where(wear > 0.45, np.maximum(a[y0:y1, x0:x1], 235.0), a[y0:y1, x0:x1])
    back = np.asarray(Image.fromarray(np.fliplr(back)).resize((a.shape[1], a.shape[0])), dtype=np.float32)
    a = np.minimum(a, 255 - (255 - back) * 0.15)
    rgb = np.stack([a * 0.98, a * 0.93, a * 0.78], -1)
    buf = io.BytesIO()
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB").save(buf, "JPEG", quality=40)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def build_smudged(root: Path, name: str) -> dict[str, dict]:
    """The set's smudged-label cases under ``root`` (each scan, truth, tesseract's read); their
    manifest entries.  The next case's page shows through."""
    manifest = {}
    sources = [m40.ROOT / "samples" / source / "input.pdf" for _, source in SMUDGE[name]]
    for k, (case, source) in enumerate(SMUDGE[name]):
        pdf = sources[k]
        expected = json.loads((pdf.parent / "expected" / "records.json").read_text())
        look = {"dpi": 200, "jpeg": 40, "seed": random.Random(f"piatable-scan71-{case}").randint(0, 9999)}
        band = _label_band(pdf, look["dpi"])
        back = m70._render(sources[(k + 1) % len(sources)], look["dpi"])
        folder = root / case
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "input.jpg"
        page = smudged(m70._render(pdf, look["dpi"]), band, back, look["seed"])
        page.save(target, "JPEG", quality=look["jpeg"], dpi=(look["dpi"], look["dpi"]))
        m40.write_ocr(target)
        mos.write_json(folder / "expected" / "records.json", expected)
        manifest[case] = {"program": f"samples/{source}/input.pdf (Chromium)", "damage": "smudge"} | look
        manifest[case] |= {"rows": len(expected)}
        print(f"{name}/{case}: {len(expected)} rows, {target.stat().st_size // 1024} KB", file=sys.stderr)
    return manifest


def build(name: str) -> None:
    """Set ``name`` made anew: its pepper cases (``make_ocr40_samples.build_scans``), then its
    smudged-label cases beside them, one ``cases.json``."""
    heldout = name.startswith("heldout")
    rows = m70.HELDOUT_ROWS if heldout else m70.TUNING_ROWS
    cases = []
    for case_name, maker, font, size, skew in PEPPER[name]:
        case, look = m40.case_of(case_name, rows, maker, heldout, seed="scan71")
        case = dataclasses.replace(case, font=font, size=size)
        seed = random.Random(f"piatable-scan71-{case_name}").randint(0, 9999)
        cases.append((case, look | {"dpi": 300, "angle": skew, "seed": seed, "damage": "pepper"}))
    root = SETS[name]
    m40.build_scans(root, name, cases, pepper_scanner)
    manifest = json.loads((root / "cases.json").read_text())
    mos.write_manifest(root, manifest | build_smudged(root, name))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    for name in mos.set_arguments(argv, __doc__, SETS).set:
        build(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
