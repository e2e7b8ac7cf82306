"""Scans marked up in an office, as set XXXIII's were (issue 11, session 72; its n10, n07, n11 scans).

* ``stamp``: a 回覧 box (課長 / 係長 / 担当, each with a seal's ring) stamped above the table and
  pencil notes (済, 要確認) in the margins beside it, grey (n10: the box's walls, taken for column
  rulings, cut words of the label row and of every row in two: 変更後の記載 read 変後更の記載, 0 of
  18 rows right);
* ``highlight``: highlighter bands drawn over some of the table's text lines, a colour scan
  (n07: yellow, read as shaded cells that parted the rows: 14 extra rows);
* ``crumple``: the sheet crumpled and flattened (a smooth displacement, shading along the
  creases), its change dates printed with full-width slashes ２０１８／８／１７ (n11: the slashes
  read ノ and ン, 9 of 12 dates unparsed).

Made as tools/make_ocr40_samples.py makes its sets (LibreOffice Calc / Writer from .xlsx / .docx,
the first page rendered by pdftoppm at 200 dpi, damaged here, a JPEG; truth and tesseract's read
committed): ``python tools/make_scan72_samples.py [--set scan72|heldout-scan72]``.  The held-out
set shares no row text with the tuning set (make_ocr70_samples' rows), draws its own seeds, and
its highlighter is green: it is measured, never tuned on.  Needs LibreOffice, poppler and the
IPAex fonts; CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import io
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_ocr70_samples as m70
from flatten import FULL, render_date

mos = m40.mos
SETS = {name: m40.ROOT / "samples" / name for name in ("scan72", "heldout-scan72")}
TUNING_KINDS = (("calc", "gothic", "stamp"), ("writer", "mincho", "highlight"), ("calc", "mincho", "crumple"))
HELDOUT_KINDS = (
    ("writer", "gothic", "stamp"),
    ("calc", "gothic", "highlight"),
    ("writer", "gothic", "crumple"),
)
DPI = 200
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
# The highlighter's colour as what it lets through of each channel.
MARKER = {"scan72": (1.0, 0.96, 0.35), "heldout-scan72": (0.62, 1.0, 0.55)}


def _ink_box(a: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the page's ink (pixels darker than 160)."""
    ys, xs = np.nonzero(a < 160)
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


def stamped(a: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """A 回覧 box over the table's top right, above its first ink, and pencil notes in the
    margins beside the table."""
    im = Image.fromarray(a)
    d = ImageDraw.Draw(im)
    left, top, right, bottom = _ink_box(a)
    cw = int(min(0.5 * DPI, max(top - 12, 40)))
    x0 = int(right - 3 * cw - rng.integers(0, cw))
    y0 = max(top - cw - 8, 2)
    label = ImageFont.truetype(FONT, max(cw // 5, 10))
    for k, t in enumerate(("課長", "係長", "担当")):
        d.rectangle([x0 + k * cw, y0, x0 + (k + 1) * cw, y0 + cw], outline=40, width=3)
        d.text((x0 + k * cw + cw // 4, y0 + 3), t, fill=40, font=label)
        d.ellipse(
            [x0 + k * cw + cw // 5, y0 + cw // 3, x0 + k * cw + cw * 4 // 5, y0 + cw * 14 // 15],
            outline=90,
            width=3,
        )
    pencil = ImageFont.truetype(FONT, int(DPI * 0.2))
    for k, t in enumerate(("済", "要確認", "済")):
        x = 4 if k % 2 else min(right + 6, a.shape[1] - int(DPI * 0.25))
        if k % 2 and left < DPI * 0.8:
            continue  # no margin to the left of the table
        d.text((x, int(top + (0.2 + 0.3 * k) * (bottom - top))), t, fill=110, font=pencil)
    return im


def highlighted(a: np.ndarray, rng: np.random.Generator, marker: tuple[float, float, float]) -> Image.Image:
    """Highlighter bands (0.14 in tall, a fifth to a third of the page wide) over text lines of
    the table, in colour."""
    rgb = np.stack([a.astype(np.float32)] * 3, -1)
    left, _, right, _ = _ink_box(a)
    h = int(DPI * 0.14)
    dark = (a[:, left:right] < 128).sum(axis=1)
    # Rows of text: some ink, not a ruling's (a ruling darkens most of its row).
    text_rows = np.flatnonzero((dark > 0.02 * (right - left)) & (dark < 0.5 * (right - left)))
    for _ in range(7):
        y = int(rng.choice(text_rows)) - h // 2
        x = int(rng.integers(left, max(left + 1, right - (right - left) // 3)))
        length = int(rng.uniform(0.2, 0.33) * (right - left))
        rgb[y : y + h, x : x + length] *= np.array(marker, dtype=np.float32)
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")


def crumpled(a: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """The page displaced smoothly (up to 0.06 in) and shaded along the creases."""
    import cv2

    h, w = a.shape
    f = a.astype(np.float32)
    dx = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), DPI * 0.5)
    dy = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), DPI * 0.5)
    dx *= DPI * 0.06 / (np.abs(dx).max() + 1e-6)
    dy *= DPI * 0.06 / (np.abs(dy).max() + 1e-6)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    out = cv2.remap(f, xx + dx, yy + dy, cv2.INTER_LINEAR, borderValue=255)
    shade = 1 - 0.5 * np.abs(cv2.Sobel(dx + dy, cv2.CV_32F, 1, 1, ksize=5))
    shade = np.clip(shade / shade.max(), 0.7, 1.0)
    return Image.fromarray(np.clip(out * shade, 0, 255).astype(np.uint8))


def scanner(name: str):
    """``build_scans``' scanner for set ``name``: the case's damage (``look['damage']``) on its
    first page, a JPEG of ``look['jpeg']``."""

    def scan(pdf: Path, folder: Path, look: dict, back: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(look["seed"])
        a = m70._render(pdf, DPI)
        damage = look["damage"]
        if damage == "stamp":
            im = stamped(a, rng)
        elif damage == "highlight":
            im = highlighted(a, rng, MARKER[name])
        else:
            im = crumpled(a, rng)
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=look["jpeg"])
        target = folder / "input.jpg"
        Image.open(io.BytesIO(buf.getvalue())).save(target, "JPEG", quality=look["jpeg"], dpi=(DPI, DPI))
        return target

    return scan


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """One case per kind (TUNING_KINDS, HELDOUT_KINDS) of make_ocr70_samples' rows; the crumpled
    cases print their dates with full-width slashes."""
    rows, kinds = (m70.HELDOUT_ROWS, HELDOUT_KINDS) if heldout else (m70.TUNING_ROWS, TUNING_KINDS)
    tag = "h" if heldout else "t"
    out = []
    for k, (maker, font, damage) in enumerate(kinds, 1):
        case, look = m40.case_of(f"{maker}-{font}-{damage}-{tag}{k}", rows, maker, heldout, seed="scan72")
        if damage == "crumple":
            dated = [
                dict(
                    r,
                    change_date_raw=render_date(r["change_date"], "slash").translate(FULL).replace("/", "／"),
                )
                for r in case.rows
            ]
            case = dataclasses.replace(case, rows=dated)
        seed = random.Random(f"piatable-scan72-{case.name}").randint(0, 9999)
        out.append((case, look | {"dpi": DPI, "damage": damage, "seed": seed}))
    return out


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    for name in mos.set_arguments(argv, __doc__, SETS).set:
        m40.build_scans(SETS[name], name, set_cases(name.startswith("heldout")), scanner(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
