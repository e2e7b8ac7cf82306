"""Scans a new user met that read wrongly or not at all without a word (issues 11 and 12, branch
ocr65): text printed in red beside red seals, a multi-page scan whose pages differ in resolution,
a dark scanner border along an edge, and a faint page among black ones.

LibreOffice Calc and Writer tables (``tools/make_office_samples.py``) rendered by poppler
(``pdftoppm``, in colour for the red kinds) and finished with Pillow as ``LOOKS`` says:

* ``red``: the cells of ``red_rows`` (every column) and the 変更後 of ``red_words`` rows printed
  in red by the office program itself (an .xlsx / .docx font colour), and ``stamps`` red seals
  (a ring and a word, ``make_ocr64_samples.stamped``) over the rulings; a colour PNG;
* ``dpimix``: a table of several pages, each page scanned at its own resolution (``dpis``), saved
  as a multi-page TIFF or a PDF of JPEG pages;
* ``border``: the scanner's lid left open, or a sheet smaller than the bed: a black band along
  each edge of ``bands`` (edge → inches deep), a grey PNG;
* ``faint``: a PDF of grey JPEG pages whose page ``faint_page`` came out faint (ink at ``ink``,
  paper at ``paper`` of 255).

``office-ocr65`` (tuning) draws from the tuning tables' rows and fonts; ``heldout-ocr65`` (measure
only, never tune on it) from the held-out ones, with other seeds, resolutions and edges.

    python tools/make_ocr65_samples.py [--set office-ocr65|heldout-ocr65]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr64_samples as m64
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-ocr65", "heldout-ocr65")}

# (kind, maker, rows, look).
LOOKS = {
    "office-ocr65": (
        ("red", "calc", 5, {"dpi": 200, "red_rows": (2,), "red_words": (0, 4), "stamps": 0}),
        ("red", "calc", 5, {"dpi": 250, "red_rows": (1,), "red_words": (3,), "stamps": 2}),
        ("red", "calc", 4, {"dpi": 200, "red_rows": (), "red_words": (), "stamps": 3}),
        ("dpimix", "calc", 6, {"dpis": (300, 200), "rows_per_page": 3, "save": "tif"}),
        ("border", "calc", 4, {"dpi": 250, "bands": {"top": 0.8, "left": 0.45}}),
        ("faint", "calc", 6, {"dpi": 200, "rows_per_page": 3, "faint_page": 2, "ink": 210, "paper": 240}),
    ),
    "heldout-ocr65": (
        ("red", "writer", 4, {"dpi": 250, "red_rows": (1,), "red_words": (3,), "stamps": 1}),
        ("red", "calc", 4, {"dpi": 300, "red_rows": (), "red_words": (), "stamps": 2}),
        ("dpimix", "calc", 6, {"dpis": (250, 300), "rows_per_page": 3, "save": "pdf"}),
        ("border", "writer", 3, {"dpi": 300, "bands": {"bottom": 0.9, "right": 0.4}}),
        ("faint", "calc", 6, {"dpi": 250, "rows_per_page": 3, "faint_page": 1, "ink": 195, "paper": 235}),
    ),
}  # fmt: skip
RED = {"red": True}
# A scanner's border: its grey (the lid's underside, 0 black … 255 white).
BORDER_GREY = 18
JPEG_QUALITY = 60


def _cases(name: str) -> list[tuple[mos.Case, dict]]:
    heldout = name.startswith("heldout")
    prefix = "hoc65" if heldout else "oc65"
    pool = mos._row_pool(heldout)
    out: list[tuple[mos.Case, dict]] = []
    seen: dict[str, int] = {}
    for kind, maker, n, look in LOOKS[name]:
        dpi = look.get("dpi") or look["dpis"][0]
        base = f"{prefix}-{kind}-{maker}{dpi}"
        seen[base] = seen.get(base, 0) + 1
        cname = base if seen[base] == 1 else f"{base}-{seen[base]}"
        rng = random.Random(f"piatable-ocr65-{cname}")
        start = rng.randint(0, len(pool) - n)
        c = mos.plain_case(cname, [dict(r) for r in pool[start : start + n]], maker, heldout)
        c = replace(
            c, rows_per_page=look.get("rows_per_page"), merge=False, texts=False, fallback_glyphs="○□△"
        )
        if kind == "red":
            c = replace(c, runs=_red_runs(c, look))
        out.append((c, {"kind": kind, "seed": cname} | look))
    return out


def _red_runs(case: mos.Case, look: dict) -> dict[tuple[int, str], list[tuple[str, dict]]]:
    """Runs printing ``red_rows`` whole and the 変更後 of ``red_words`` in red (its text after its
    first line, or all of it when it is one line)."""
    runs: dict[tuple[int, str], list[tuple[str, dict]]] = {}
    for i in look["red_rows"]:
        for key in mos.SIX:
            if case.rows[i][key]:
                runs[(i, key)] = [(case.rows[i][key], RED)]
    for i in look["red_words"]:
        text = case.rows[i]["after"]
        head, sep, tail = text.partition("\n")
        runs[(i, "after")] = [(head + sep, {}), (tail, RED)] if tail else [(text, RED)]
    return runs


def colour_pages(pdf: Path, dpi: int) -> list[Image.Image]:
    """The PDF's pages rendered in colour by poppler at ``dpi``."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(stem)], check=True)
        return [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("page*.png"))]


def stamped_colour(img: Image.Image, dpi: int, count: int, rng: random.Random) -> Image.Image:
    """A colour page with ``count`` red seals over its rulings (``make_ocr64_samples.stamped``
    applied to its grey, multiplied over its colours)."""
    grey = img.convert("L")
    seals = np.asarray(m64.stamped(grey, dpi, count, rng), dtype=np.float32)
    # The seals' own factor per channel (1 where none), times the page's colours.
    base = np.repeat(np.asarray(grey, dtype=np.float32)[..., None], 3, axis=2)
    factor = np.where(base > 0, seals / np.maximum(base, 1), 1.0)
    out = np.asarray(img, dtype=np.float32) * np.clip(factor, 0, 1)
    return Image.fromarray(out.round().astype(np.uint8), "RGB")


def bordered(img: Image.Image, dpi: int, bands: dict[str, float]) -> Image.Image:
    """``img`` (grey) with a dark band along each edge of ``bands``, as many inches deep as it
    says, its inner edge ragged by a pixel or two (the lid's shadow)."""
    a = np.array(img)
    h, w = a.shape
    for edge, band in bands.items():
        depth = int(band * dpi)
        rng = np.random.default_rng(depth)
        jitter = rng.integers(0, 3, size=max(h, w))
        for k in range(h if edge in ("left", "right") else w):
            d = depth + int(jitter[k])
            if edge == "left":
                a[k, :d] = BORDER_GREY
            elif edge == "right":
                a[k, w - d :] = BORDER_GREY
            elif edge == "top":
                a[:d, k] = BORDER_GREY
            else:
                a[h - d :, k] = BORDER_GREY
    return Image.fromarray(a, "L")


def _jpeg(img: Image.Image) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY)
    return Image.open(io.BytesIO(buf.getvalue()))


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's pages scanned as ``look`` says, saved as ``folder/input.<suffix>``."""
    rng = random.Random(f"piatable-ocr65-damage-{look['seed']}")
    kind = look["kind"]
    if kind == "red":
        pages = colour_pages(pdf, look["dpi"])
        if len(pages) != 1:
            raise ValueError(f"{case.name}: {len(pages)} pages, a PNG holds 1")
        page = stamped_colour(pages[0], look["dpi"], look["stamps"], rng) if look["stamps"] else pages[0]
        target = folder / "input.png"
        page.save(target, dpi=(look["dpi"], look["dpi"]))
        return target
    if kind == "border":
        pages = s54.pages_of(pdf, {"dpi": look["dpi"]})
        if len(pages) != 1:
            raise ValueError(f"{case.name}: {len(pages)} pages, a PNG holds 1")
        target = folder / "input.png"
        bordered(pages[0], look["dpi"], look["bands"]).save(target, dpi=(look["dpi"],) * 2)
        return target
    if kind == "dpimix":
        dpis = look["dpis"]
        pages = [s54.pages_of(pdf, {"dpi": d}) for d in dpis]
        chosen = [pages[k % len(dpis)][k] for k in range(len(pages[0]))]
        res = [dpis[k % len(dpis)] for k in range(len(chosen))]
        if look["save"] == "tif":
            target = folder / "input.tif"
            _save_tiff(chosen, res, target)
        else:
            target = folder / "input.pdf"
            _save_pdf([_jpeg(p) for p in chosen], res, target)
        return target
    pages = s54.pages_of(pdf, {"dpi": look["dpi"]})
    k = look["faint_page"] - 1
    pages[k] = m64.faint(pages[k], look["ink"], look["paper"])
    target = folder / "input.pdf"
    _save_pdf([_jpeg(p) for p in pages], [look["dpi"]] * len(pages), target)
    return target


def _save_tiff(frames: list[Image.Image], dpis: list[int], target: Path) -> None:
    """A multi-page TIFF (JPEG-compressed frames) whose each frame carries its own resolution."""
    from PIL import TiffImagePlugin

    with TiffImagePlugin.AppendingTiffWriter(str(target), new=True) as tf:
        for img, d in zip(frames, dpis, strict=True):
            img.save(tf, "TIFF", dpi=(d, d), compression="jpeg", quality=JPEG_QUALITY)
            tf.newFrame()


def _save_pdf(pages: list[Image.Image], dpis: list[int], target: Path) -> None:
    """A PDF of one image page per scan page, each printed at its own resolution (A4 whatever
    its pixels), as a scanner that changed its setting between pages writes it."""
    import time

    import pypdf

    fixed = time.gmtime(1704067200)  # reproducible bytes
    writer = pypdf.PdfWriter()
    for img, d in zip(pages, dpis, strict=True):
        buf = io.BytesIO()
        img.save(buf, "PDF", resolution=d, creationDate=fixed, modDate=fixed)
        writer.append(pypdf.PdfReader(io.BytesIO(buf.getvalue())))
    with target.open("wb") as fh:
        writer.write(fh)


README = """# {name}: scans that read wrongly or not at all without a word (issues 11, 12; ocr65)

LibreOffice Calc and Writer tables rendered by poppler and finished with Pillow
(tools/make_ocr65_samples.py): text printed in red by the office program, with or without red
seals over the rulings (`red`, colour PNGs), pages scanned at different resolutions in one file
(`dpimix`, a multi-page TIFF or a PDF), a dark scanner border along one or two edges (`border`),
and a faint page among black ones in a PDF of JPEG pages (`faint`).

    python tools/make_ocr65_samples.py --set {name}
    python tools/eval_office.py samples/{name} --total
"""


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth and the set's ``cases.json``."""
    mos.write_manifest(root, s54.build_scans(root, name, _cases(name), write_scan))
    (root / "README.md").write_text(README.format(name=name), "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
