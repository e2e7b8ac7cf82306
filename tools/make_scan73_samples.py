"""Scans with the sheet's other side showing through, as set XXXIV's n12 was (issue 11, session 73).

* ``show``: the next case's page mirrored behind the page at a fifth of its contrast (n12: its
  ghost text crossing the cells was read as dashes and glyphs, `１－０－０－０件`, and a ghost line
  over a right-aligned date ``2020/06/02`` made it ``2020706702``: 5 of 14 rows right).  Calc
  cases print their dates as real date cells (yyyy/mm/dd, right-aligned) when the draw allows.

Made as tools/make_scan72_samples.py makes its sets (LibreOffice Calc / Writer from .xlsx / .docx,
the first page rendered by pdftoppm at 200 dpi, damaged here, a JPEG; truth and tesseract's read
committed): ``python tools/make_scan73_samples.py [--set scan73|heldout-scan73]``.  The held-out
set shares no row text with the tuning set (make_ocr70_samples' rows), draws its own seeds and
shows its back page a little lighter or darker: it is measured, never tuned on.  Needs
LibreOffice, poppler and the IPA fonts; CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import io
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_ocr70_samples as m70
from flatten import render_date

mos = m40.mos
SETS = {name: m40.ROOT / "samples" / name for name in ("scan73", "heldout-scan73")}
# (program, font, date style) of each case.
TUNING_KINDS = (("calc", "gothic", "slash0"), ("writer", "mincho", "wareki"), ("calc", "mincho", "slash0"))
HELDOUT_KINDS = (("writer", "gothic", "slash0"), ("calc", "gothic", "slash"), ("calc", "mincho", "wareki_fw"))
DPI = 200
# The back page's share of its contrast as it shows through (n12: 0.22).
ALPHA = {"scan73": (0.18, 0.26), "heldout-scan73": (0.15, 0.28)}


def shown_through(
    a: np.ndarray, back: np.ndarray, rng: np.random.Generator, alpha: tuple[float, float]
) -> Image.Image:
    """``a`` with ``back`` mirrored behind it at a share of its contrast drawn from ``alpha``,
    the paper a little grey, mild sensor noise."""
    back = np.asarray(Image.fromarray(np.fliplr(back)).resize((a.shape[1], a.shape[0])), dtype=np.float32)
    faint = 255 - (255 - back) * rng.uniform(*alpha)
    out = np.minimum(a.astype(np.float32), faint) - rng.uniform(3, 9) + rng.normal(0, 3, a.shape)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def scanner(name: str):
    """``build_scans``' scanner for set ``name``: the next case's page showing through the
    case's first page, a JPEG of ``look['jpeg']``."""

    def scan(pdf: Path, folder: Path, look: dict, back: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(look["seed"])
        target = folder / "input.jpg"
        im = shown_through(m70._render(pdf, DPI), m70._render(back, DPI), rng, ALPHA[name])
        scanned = io.BytesIO()  # the scanner's JPEG, saved again with its resolution
        im.save(scanned, "JPEG", quality=look["jpeg"])
        Image.open(scanned).save(target, "JPEG", quality=look["jpeg"], dpi=(DPI, DPI))
        return target

    return scan


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """One case per kind (TUNING_KINDS, HELDOUT_KINDS) of make_ocr70_samples' rows, its dates in
    the kind's style (Calc's slash dates as real date cells)."""
    rows, kinds = (m70.HELDOUT_ROWS, HELDOUT_KINDS) if heldout else (m70.TUNING_ROWS, TUNING_KINDS)
    tag = "h" if heldout else "t"
    out = []
    for k, (maker, font, style) in enumerate(kinds, 1):
        case, look = m40.case_of(f"{maker}-{font}-show-{tag}{k}", rows, maker, heldout, seed="scan73")
        dated = [dict(r, change_date_raw=render_date(r["change_date"], style)) for r in case.rows]
        case = dataclasses.replace(case, rows=dated, real_dates=maker == "calc" and style.startswith("slash"))
        seed = random.Random(f"piatable-scan73-{case.name}").randint(0, 9999)
        out.append((case, look | {"dpi": DPI, "damage": "show", "seed": seed}))
    return out


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    made = [
        (name, set_cases(name.startswith("heldout"))) for name in mos.set_arguments(argv, __doc__, SETS).set
    ]
    for name, cases in made:
        m40.build_scans(SETS[name], name, cases, scanner(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
