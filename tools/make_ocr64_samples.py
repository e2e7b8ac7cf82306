"""Scans that read wrongly without a word, or not at all (issues 11 and 12, branch ocr64; set XXV's
s03_t07_faint.png, s05_t02_stamp.pdf and s12_t08_skew-noise.pdf): a faint copy, red stamps
over the rulings, and noise that makes digits look alike (0/6/8, 1/7, 3/8, 5/6).

LibreOffice Calc and Writer tables (``tools/make_office_samples.py``) rendered grey by poppler
(``make_scan54_samples.pages_of``) and damaged with Pillow as ``LOOKS`` says:

* ``faint``: the ink lightened to ``ink`` (0 black … 255 paper) and the paper greyed to
  ``paper``, as a copier set too light prints, saved as a PNG;
* ``stamp``: ``stamps`` red seals (a ring and a word, ``STAMP_RGB``) printed over the page's
  rulings, where a clerk stamps a received copy, saved as a PDF of colour JPEG pages;
* ``noise``: specks (``specks`` per 10,000 pixels, dark and light), a blur of ``blur`` px and a
  harsh JPEG (``jpeg``): the strokes that tell 0 from 6 or 8, 1 from 7, 3 from 8 and 5 from 6
  broken or filled, saved as a PDF of grey JPEG pages.

``office-ocr64`` (tuning) draws from the tuning tables' rows and fonts; ``heldout-ocr64``
(measure only, never tune on it) from the held-out ones.

    python tools/make_ocr64_samples.py [--set office-ocr64|heldout-ocr64]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as s54
import make_scans

SETS = {name: mos.SAMPLES / name for name in ("office-ocr64", "heldout-ocr64")}

# (kind, maker, rows, look).
LOOKS = {
    "office-ocr64": (
        ("faint", "calc", 5, {"dpi": 200, "ink": 150, "paper": 235}),
        ("stamp", "calc", 5, {"dpi": 200, "stamps": 4, "jpeg": 60}),
        ("noise", "calc", 4, {"dpi": 200, "specks": 12, "blur": 0.7, "jpeg": 35}),
        ("noise", "writer", 4, {"dpi": 200, "specks": 10, "blur": 0.6, "jpeg": 40}),
    ),
    "heldout-ocr64": (
        ("faint", "calc", 5, {"dpi": 220, "ink": 160, "paper": 240}),
        ("faint", "writer", 4, {"dpi": 200, "ink": 145, "paper": 230}),
        ("stamp", "writer", 5, {"dpi": 220, "stamps": 5, "jpeg": 55}),
        ("noise", "calc", 4, {"dpi": 210, "specks": 11, "blur": 0.65, "jpeg": 35}),
    ),
}  # fmt: skip
# A stamp's ink (a vermilion seal) and its size in inches; how opaque it prints.
STAMP_RGB = (215, 45, 40)
STAMP_INCH = (0.55, 0.8)
STAMP_ALPHA = 0.85
STAMP_WORDS = ("済", "受付", "確認", "写")
# A font for the stamp's word (any Japanese font fontconfig finds; the ring alone without one).
STAMP_FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
# A pixel row is a ruling when this share of the table's width is darker than RULE_INK.
RULE_SHARE = 0.6
RULE_INK = 160


def _cases(name: str) -> list[tuple[mos.Case, dict]]:
    heldout = name.startswith("heldout")
    prefix = "hoc64" if heldout else "oc64"
    pool = mos._row_pool(heldout)
    out: list[tuple[mos.Case, dict]] = []
    for kind, maker, n, look in LOOKS[name]:
        cname = f"{prefix}-{kind}-{maker}{look['dpi']}"
        rng = random.Random(f"piatable-ocr64-{cname}")
        start = rng.randint(0, len(pool) - n)
        c = mos.plain_case(cname, [dict(r) for r in pool[start : start + n]], maker, heldout)
        if maker == "calc":
            c = replace(c, rows_per_page=None)
        out.append((replace(c, texts=False, fallback_glyphs="○□△"), {"kind": kind, "seed": cname} | look))
    return out


def faint(img: Image.Image, ink: int, paper: int) -> Image.Image:
    """``img`` (grey) with black mapped to ``ink`` and white to ``paper`` (linear)."""
    a = np.asarray(img, dtype=np.float32) / 255.0
    return Image.fromarray((ink + a * (paper - ink)).round().astype(np.uint8), "L")


def _rulings(gray: np.ndarray) -> list[int]:
    """Middle pixel rows of the page's horizontal rulings."""
    dark = gray < RULE_INK
    cols = np.flatnonzero(dark.any(axis=0))
    if not cols.size:
        return []
    rows = np.flatnonzero(dark.sum(axis=1) >= RULE_SHARE * (cols[-1] - cols[0] + 1)).tolist()
    return [r for k, r in enumerate(rows) if not k or r != rows[k - 1] + 1]


def stamped(img: Image.Image, dpi: int, count: int, rng: random.Random) -> Image.Image:
    """``img`` (grey) in colour with ``count`` red seals, each centred on a ruling (drawn at random
    among them) at a random place across the table, multiplied over the ink as a stamp prints."""
    gray = np.asarray(img)
    rules = _rulings(gray)
    cols = np.flatnonzero((gray < RULE_INK).any(axis=0))
    layer = Image.new("L", img.size, 0)
    draw = ImageDraw.Draw(layer)
    for _ in range(count if rules else 0):
        y = rng.choice(rules)
        x = rng.randint(int(cols[0]), int(cols[-1]))
        r = int(rng.uniform(*STAMP_INCH) * dpi / 2)
        width = max(3, r // 9)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=255, width=width)
        word = rng.choice(STAMP_WORDS)
        try:
            font = ImageFont.truetype(STAMP_FONT, int(1.1 * r / len(word)))
            draw.text((x, y), word, fill=255, font=font, anchor="mm")
        except OSError:
            pass
    mask = np.asarray(layer, dtype=np.float32)[..., None] / 255.0 * STAMP_ALPHA
    base = np.repeat(gray[..., None].astype(np.float32), 3, axis=2)
    red = base * (np.array(STAMP_RGB, dtype=np.float32) / 255.0)
    out = base * (1 - mask) + red * mask
    return Image.fromarray(out.round().astype(np.uint8), "RGB")


def noisy(img: Image.Image, specks: float, blur: float, rng: random.Random) -> Image.Image:
    """``img`` (grey) with ``specks`` dark and light 1-2 px specks per 10,000 pixels, blurred."""
    a = np.array(img)
    h, w = a.shape
    n = int(specks * h * w / 10_000)
    for value in (0, 255):
        ys = [rng.randrange(h - 1) for _ in range(n // 2)]
        xs = [rng.randrange(w - 1) for _ in range(n // 2)]
        for y, x in zip(ys, xs, strict=True):
            a[y : y + rng.choice((1, 2)), x : x + rng.choice((1, 2))] = value
    return Image.fromarray(a, "L").filter(ImageFilter.GaussianBlur(blur))


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's pages scanned as ``look`` says, saved as ``folder/input.<suffix>``."""
    pages = s54.pages_of(pdf, {"dpi": look["dpi"]})
    rng = random.Random(f"piatable-ocr64-damage-{look['seed']}")
    if look["kind"] == "faint":
        if len(pages) != 1:
            raise ValueError(f"{case.name}: {len(pages)} pages, a PNG holds 1")
        target = folder / "input.png"
        faint(pages[0], look["ink"], look["paper"]).save(target, dpi=(look["dpi"], look["dpi"]))
        return target
    if look["kind"] == "stamp":
        pages = [stamped(p, look["dpi"], look["stamps"], rng) for p in pages]
    else:
        pages = [noisy(p, look["specks"], look["blur"], rng) for p in pages]
    target = folder / "input.pdf"
    make_scans.save([np.asarray(p) for p in pages], target, look["dpi"], look["jpeg"])
    return target


README = """# {name}: scans that read wrongly without a word, or not at all (issues 11, 12)

LibreOffice Calc and Writer tables rendered by poppler and damaged with Pillow
(tools/make_ocr64_samples.py): a faint copy (`faint`, a PNG), red seals stamped over the
rulings (`stamp`, a PDF of colour JPEG pages), specks, blur and a harsh JPEG that make digits
look alike (`noise`, a PDF of grey JPEG pages).

    python tools/make_ocr64_samples.py --set {name}
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
