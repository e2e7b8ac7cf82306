"""Make scanned-looking amendment tables: render with reportlab + IPAex (tools/make_pdfs.py),
rasterise with pypdfium2, then turn slightly, blur, add noise and JPEG artefacts.

    python tools/make_scans.py                      # the committed cases under samples/scan/
    python tools/make_scans.py --from-pdf samples/pdf/excel-seed/input.pdf --dpi 200 \\
        --angle 0.6 -o /tmp/scan.pdf                # any PDF as an image-only scan
    python tools/make_scans.py --tsv                # also (re)write each case's tesseract TSV

Each committed case is ``samples/scan/<case>/input.{jpg,pdf,tif}`` with
``expected/records.json`` (what is printed) and, per page, ``ocr/page-N.tsv`` (tesseract's words
in pixels of the deskewed page) with ``ocr/page-N.json`` (dpi, angle, rulings) so that everything
after tesseract is tested quickly; the live-tesseract tests compare with the same truth.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_pdfs  # noqa: E402

SCANS = ROOT / "samples" / "scan"


def rasterise(pdf: Path, dpi: float) -> list[np.ndarray]:
    """Every page of a PDF as a greyscale image."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            out.append(np.asarray(img, dtype=np.uint8).copy())
            page.close()
        return out
    finally:
        doc.close()


@dataclass(slots=True)
class Damage:
    angle: float = 0.5  # degrees, counter-clockwise as seen
    blur: float = 0.6  # Gaussian sigma in pixels at 300 dpi
    noise: float = 6.0  # Gaussian noise sigma in grey levels
    speckle: float = 0.0004  # share of pixels turned to dark specks
    jpeg: int = 70  # JPEG quality (0: none)
    shift: tuple[int, int] = (-10, 8)  # page offset on the scanner bed, pixels
    seed: int = 7


def damage(gray: np.ndarray, dpi: float, d: Damage) -> np.ndarray:
    """A page as a scanner would give it: offset and turned, soft, noisy, JPEG-compressed."""
    rng = np.random.default_rng(d.seed)
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), d.angle, 1.0)
    m[0, 2] += d.shift[0]
    m[1, 2] += d.shift[1]
    img = cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255).astype(np.float32)
    sigma = d.blur * dpi / 300
    if sigma > 0:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    # Paper is not white, toner not black.
    img = 18 + img * (235 - 18) / 255
    img += rng.normal(0, d.noise, img.shape)
    specks = rng.random(img.shape) < d.speckle
    img[specks] = rng.uniform(40, 140, int(specks.sum()))
    out = np.clip(img, 0, 255).astype(np.uint8)
    if d.jpeg:
        buf = io.BytesIO()
        Image.fromarray(out).save(buf, "JPEG", quality=d.jpeg)
        out = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L"), dtype=np.uint8).copy()
    return out


def save(pages: list[np.ndarray], path: Path, dpi: float, jpeg: int = 70) -> None:
    """Pages as a JPEG/PNG (one page), a multi-page TIFF, or an image-only PDF (JPEG inside)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ims = [Image.fromarray(p) for p in pages]
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import time

        fixed = time.gmtime(1704067200)  # 2024-01-01: reproducible bytes
        ims[0].save(
            path,
            "PDF",
            resolution=dpi,
            save_all=True,
            append_images=ims[1:],
            quality=jpeg,
            creationDate=fixed,
            modDate=fixed,
        )
    elif suffix in (".tif", ".tiff"):
        ims[0].save(
            path,
            "TIFF",
            dpi=(dpi, dpi),
            save_all=True,
            append_images=ims[1:],
            compression="jpeg",
            quality=jpeg,
        )
    elif suffix in (".jpg", ".jpeg"):
        ims[0].save(path, "JPEG", dpi=(dpi, dpi), quality=jpeg)
    else:
        ims[0].save(path, dpi=(dpi, dpi), optimize=True)


def turned(gray: np.ndarray, degrees: int) -> np.ndarray:
    """The page turned ``degrees`` clockwise (0, 90, 180, 270), as a sheet fed sideways or
    upside down comes out of the scanner."""
    return np.ascontiguousarray(np.rot90(gray, k=-(degrees // 90)))


# EXIF orientation tag → how far the stored pixels are turned clockwise from upright (the
# viewer turns them back): 6 is a camera held with its top to the right.
EXIF_TURN = {1: 0, 3: 180, 6: 270, 8: 90}


def save_exif_jpeg(gray: np.ndarray, path: Path, dpi: float, tag: int, quality: int = 70) -> None:
    """An upright page stored turned, with the EXIF orientation ``tag`` that puts it upright."""
    img = Image.fromarray(turned(gray, EXIF_TURN[tag]))
    exif = Image.Exif()
    exif[0x0112] = tag
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", dpi=(dpi, dpi), quality=quality, exif=exif.tobytes())


def page_images(path: Path) -> list[tuple[np.ndarray, float]]:
    """The pages of a scan (image file or image-only PDF) upright as stored, with their dpi."""
    from piatable.extract.ocr.render import iter_images, native_dpi
    from piatable.extract.pdf import open_pdf

    if path.suffix.lower() != ".pdf":
        return [(p.gray, p.dpi) for p in iter_images(path)]
    doc = open_pdf(path)
    try:
        n = len(doc)
        dpis = [native_dpi(doc, i) or 300.0 for i in range(n)]
    finally:
        doc.close()
    return [(g, dpis[i]) for i, g in enumerate(rasterise(path, max(dpis)))]


def scan_pdf(pdf: Path, out: Path, dpi: float, d: Damage) -> None:
    pages = [
        damage(g, dpi, Damage(**{**_fields(d), "seed": d.seed + k}))
        for k, g in enumerate(rasterise(pdf, dpi))
    ]
    save(pages, out, dpi, d.jpeg or 90)


def _fields(d: Damage) -> dict:
    return {f: getattr(d, f) for f in d.__slots__}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- committed cases

LAND = make_pdfs.LAND


@dataclass(slots=True)
class Case:
    name: str
    rows: tuple[int, int]  # slice of the seed's records
    style: make_pdfs.Style
    dpi: int
    damage: Damage
    suffix: str


def cases() -> list[Case]:
    Style = make_pdfs.Style
    return [
        Case(
            "excel-200dpi-rot05",
            (0, 3),
            Style("excel", LAND, (62, 130, 215, 215, 50, 130), size=9, max_lines=12, valign="center"),
            200,
            Damage(angle=0.5, blur=0.7, noise=7, jpeg=65, seed=1),
            ".jpg",
        ),
        Case(
            "excel-300dpi-rot-1-pdf",
            (3, 6),
            Style("excel", LAND, (56, 150, 200, 200, 44, 120), size=8, max_lines=14, valign="top"),
            300,
            Damage(angle=-1.0, blur=0.8, noise=8, jpeg=60, seed=2),
            ".pdf",
        ),
        Case(
            "word-200dpi-rot02-tiff",
            (6, 9),
            make_pdfs.word_style(),
            200,
            Damage(angle=0.2, blur=0.6, noise=6, jpeg=70, seed=3),
            ".tif",
        ),
    ]


def make_case(case: Case, tmp: Path) -> Path:
    truth = make_pdfs.load_truth()[0][1]
    recs = truth[case.rows[0] : case.rows[1]]
    pdf = tmp / f"{case.name}.pdf"
    expected = make_pdfs.render_pdf(pdf, recs, case.style)
    folder = SCANS / case.name
    target = folder / f"input{case.suffix}"
    for old in folder.glob("input.*"):
        old.unlink()
    scan_pdf(pdf, target, case.dpi, case.damage)
    make_pdfs.write_json(folder / "expected" / "records.json", expected)
    return target


def write_tsv(target: Path) -> None:
    """The raw tesseract words of each page (deskewed pixels) and the page geometry."""
    from piatable.extract.ocr.engine import words_to_tsv
    from piatable.extract.ocr.pages import scan_image_file, scan_pdf
    from piatable.settings import Settings

    os_ = Settings().ocr
    if target.suffix == ".pdf":
        import pypdfium2 as pdfium

        n = len(pdfium.PdfDocument(str(target)))
        scans = scan_pdf(target, list(range(1, n + 1)), os_)
    else:
        scans = scan_image_file(target, os_)
    ocr = target.parent / "ocr"
    ocr.mkdir(exist_ok=True)
    for old in ocr.glob("page-*"):
        old.unlink()
    for s in scans:
        (ocr / f"page-{s.page}.tsv").write_text(words_to_tsv(s.words), "utf-8")
        (ocr / f"page-{s.page}.json").write_text(json.dumps(s.to_json(), indent=1) + "\n", "utf-8")
        print(f"{target.parent.name} page {s.page}: {len(s.words)} words, {s.seconds:.1f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from-pdf", type=Path, help="turn this PDF into a scan (with -o)")
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--angle", type=float, default=0.5)
    ap.add_argument("--jpeg", type=int, default=70)
    ap.add_argument("--noise", type=float, default=6.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tsv", action="store_true", help="also write the committed cases' tesseract TSV")
    ns = ap.parse_args(argv)
    if ns.from_pdf:
        if not ns.output:
            ap.error("--from-pdf needs -o")
        scan_pdf(
            ns.from_pdf, ns.output, ns.dpi, Damage(angle=ns.angle, jpeg=ns.jpeg, noise=ns.noise, seed=ns.seed)
        )
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for case in cases():
            target = make_case(case, Path(tmp))
            print(f"{case.name}: {target.stat().st_size // 1024} KB", file=sys.stderr)
            if ns.tsv:
                write_tsv(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
