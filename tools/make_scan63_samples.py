"""Scans that read poorly (issue 11, branch scan63; set XXIV's s12_t11.pdf, s07_t03_spread.png and
s10_t07.pdf): a page turned 2–3° at 150–300 dpi, two pages side by side on one slanted sheet, and
a table whose rows are boxes of their own with a blank band between them.

LibreOffice Calc and Writer tables (``tools/make_office_samples.py``) rendered grey by poppler
(``make_scan54_samples.pages_of``) and damaged with Pillow as ``LOOKS`` says:

* ``skew``: every page turned ``angle`` degrees (bicubic, as a scanner's feed turns it), saved
  as a PDF of grey JPEG pages (``jpeg`` quality); ``rule: hairline``: a Writer table whose
  borders are Word's thinnest (¼ pt; still darker than set XXIV's t11 printed them);
* ``spread``: a Calc table of two pages (a manual page break), the two pages side by side on one
  sheet ``GUTTER_PX`` apart, the sheet turned ``angle`` degrees, saved as a JPEG without a
  resolution (the reader takes it from the size);
* ``boxed``: low rows (``BOXED_CHARS``), a band of paper ``BAND_EM`` glyphs tall inserted
  under each body row's foot ruling, with the ruling drawn again under the band (the band has
  no side borders: each row a box of its own, as a web page's spacer rows print), blurred by
  ``blur`` px, saved as a PDF of JPEG pages.

``office-scan63`` (tuning) draws from the tuning tables' rows and fonts; ``heldout-scan63``
(measure only, never tune on it) from the held-out ones.

    python tools/make_scan63_samples.py [--set office-scan63|heldout-scan63]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import io
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-scan63", "heldout-scan63")}

# (kind, maker, rows, look).  ``rows``: how many rows of the pool (a spread: rows on each of its
# two pages).
LOOKS = {
    "office-scan63": (
        ("skew", "writer", 3, {"dpi": 300, "angle": 2.5, "jpeg": 40, "rule": "hairline"}),
        ("skew", "calc", 4, {"dpi": 150, "angle": -2.8, "jpeg": 55}),
        ("spread", "calc", 3, {"dpi": 150, "angle": -0.7, "jpeg": 70}),
        ("boxed", "writer", 5, {"dpi": 200, "blur": 0.9, "jpeg": 55}),
    ),
    "heldout-scan63": (
        ("skew", "writer", 3, {"dpi": 200, "angle": -3.0, "jpeg": 45}),
        ("skew", "calc", 4, {"dpi": 250, "angle": 2.0, "jpeg": 40}),
        ("spread", "calc", 4, {"dpi": 150, "angle": 0.9, "jpeg": 55}),
        ("boxed", "calc", 5, {"dpi": 220, "blur": 0.8, "jpeg": 50, "angle": 0.4}),
    ),
}  # fmt: skip
# White between the two pages of a spread (px at the scan's dpi).
GUTTER_PX = 40
# A boxed table's band between rows, in glyph heights (set XXIV's t07: 8 pt under 10 pt text).
BAND_EM = 0.8
# A boxed table's rows are low (one or two lines: their side borders shorter than
# ``OcrSettings.min_vertical_em``, as set XXIV's t07 printed them): rows whose before, after and
# explanation are at most BOXED_CHARS characters, their item cut to its last two heading lines.
BOXED_FIELDS = ("before", "after", "explanation")
BOXED_CHARS = 30
# A pixel row is a horizontal ruling when this share of the table's width is darker than RULE_INK.
RULE_SHARE = 0.6
RULE_INK = 160


def _cases(name: str) -> list[tuple[mos.Case, dict]]:
    heldout = name.startswith("heldout")
    prefix = "hsc63" if heldout else "sc63"
    pool = mos._row_pool(heldout)
    out: list[tuple[mos.Case, dict]] = []
    for kind, maker, n, look in LOOKS[name]:
        cname = f"{prefix}-{kind}-{maker}{look['dpi']}"
        rng = random.Random(f"piatable-scan63-{cname}")
        count = 2 * n if kind == "spread" else n
        rows = pool
        if kind == "boxed":  # low rows: short texts, the item's last two heading lines
            rows = [r for r in pool if max(len(r[k] or "") for k in BOXED_FIELDS) <= BOXED_CHARS]
            rows = [r | {"item": "\n".join(r["item"].split("\n")[-2:])} for r in rows]
        start = rng.randint(0, len(rows) - count)
        c = mos.plain_case(cname, [dict(r) for r in rows[start : start + count]], maker, heldout)
        if "rule" in look:  # Word's thinnest borders (``Case.inner_rule``)
            c = replace(c, inner_rule=look["rule"])
        if kind == "spread":
            c = replace(c, rows_per_page=n, merge=False)
        elif maker == "calc":
            c = replace(c, rows_per_page=None)  # one page: a boxed or skewed page of its own
        out.append((replace(c, texts=False, fallback_glyphs="○□"), {"kind": kind} | look))
    return out


def rule_runs(gray: np.ndarray) -> list[tuple[int, int]]:
    """The horizontal rulings of ``gray``: (first, last + 1) pixel rows of each run of rows
    darker than ``RULE_INK`` across ``RULE_SHARE`` of the inked width, top first."""
    dark = gray < RULE_INK
    cols = np.flatnonzero(dark.any(axis=0))
    if not cols.size:
        return []
    rows = np.flatnonzero(dark.sum(axis=1) >= RULE_SHARE * (cols[-1] - cols[0] + 1))
    runs: list[tuple[int, int]] = []
    for r in rows.tolist():
        if runs and r == runs[-1][1]:
            runs[-1] = (runs[-1][0], r + 1)
        else:
            runs.append((r, r + 1))
    return runs


def boxed(img: Image.Image, dpi: float, size_pt: float) -> Image.Image:
    """``img`` with a band of paper under the label row's foot ruling and each body row's but the
    last, the ruling drawn again under the band (the next box's top); the page grows by the bands."""
    gray = np.asarray(img)
    runs = rule_runs(gray)
    tall = max(4, round(BAND_EM * size_pt * dpi / 72))
    band = np.full((tall, gray.shape[1]), int(np.median(gray)), gray.dtype)
    pieces, top = [], 0
    for first, end in runs[1:-1]:
        pieces += [gray[top:end], band, gray[first:end]]
        top = end
    pieces.append(gray[top:])
    return Image.fromarray(np.vstack(pieces))


def spread(pages: list[Image.Image]) -> Image.Image:
    """The first two of ``pages`` side by side on one sheet, ``GUTTER_PX`` apart."""
    a, b = pages[0], pages[1]
    sheet = Image.new("L", (a.width + GUTTER_PX + b.width, max(a.height, b.height)), 255)
    sheet.paste(a, (0, 0))
    sheet.paste(b, (a.width + GUTTER_PX, 0))
    return sheet


def turn(img: Image.Image, angle: float) -> Image.Image:
    """``img`` turned ``angle`` degrees counter-clockwise (bicubic, the page grown to hold it)."""
    if not angle:
        return img
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's pages scanned as ``look`` says, saved as ``folder/input.<suffix>``."""
    pages = s54.pages_of(pdf, {"dpi": look["dpi"]})
    if look["kind"] == "spread":
        if len(pages) != 2:
            raise ValueError(f"{case.name}: {len(pages)} pages, a spread needs 2")
        target = folder / "input.jpg"
        turn(spread(pages), look["angle"]).save(target, "JPEG", quality=look["jpeg"])
        return target
    if look["kind"] == "boxed":
        pages = [boxed(p, look["dpi"], case.size) for p in pages]
        pages = [p.filter(ImageFilter.GaussianBlur(look["blur"])) for p in pages]
    pages = [turn(p, look.get("angle", 0.0)) for p in pages]
    target = folder / "input.pdf"
    encoded = []
    for p in pages:  # Pillow writes each page as it is encoded: encode them as JPEGs first
        buf = io.BytesIO()
        p.save(buf, "JPEG", quality=look["jpeg"])
        encoded.append(Image.open(io.BytesIO(buf.getvalue())))
    encoded[0].save(target, "PDF", resolution=look["dpi"], save_all=True, append_images=encoded[1:])
    return target


README = """# {name}: scans that read poorly (issue 11)

LibreOffice Calc and Writer tables rendered by poppler and damaged with Pillow
(tools/make_scan63_samples.py): pages turned 2–3° at 150–300 dpi (`skew`, a PDF of JPEG pages),
two pages side by side on one slanted sheet (`spread`, a JPEG without a resolution), rows boxed
apart by a blank band, blurred (`boxed`, a PDF of JPEG pages).

    python tools/make_scan63_samples.py --set {name}
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
