"""Scans that lose whole pages (issues 11 and 12, session 60; set XXI's t02.scan-1bit.pdf and
t01.scan-spread.png): a Calc sheet too wide for its page, printed in column strips and scanned;
a Calc table whose label row prints on its first page only, printed two pages side by side.

LibreOffice Calc sheets (``tools/make_office_samples.py``; the strips as
``tools/make_strips56_samples.py`` makes them), rendered by poppler and scanned as an office
does:

* ``over`` / ``down``: the sheet's columns widened past the page (no fit to width), page order
  left to right then down (``over``) or top to bottom then right (``down``), the label row
  repeated; ``nohead``: ``down`` without it (only each strip's first page prints labels);
* ``spread``: a fitted sheet of two pages (a manual page break), its label row on page 1 only,
  the two pages set side by side on one wide image (two A4 landscape pages scanned as one
  sheet), the second a few pixels lower and further right, saved with or without a resolution.

Saved as a PDF of 1-bit pages (``g4pdf``), a PDF of grey JPEG pages (``jpegpdf``) or a PNG.
``office-scan60`` (tuning) draws from the tuning tables' rows; ``heldout-scan60`` (measure only,
never tune on it) from the held-out tables' rows, in the held-out fonts and sizes.

    python tools/make_scan60_samples.py [--set office-scan60|heldout-scan60]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as s54
import make_strips56_samples as s56

SETS = {name: mos.SAMPLES / name for name in ("office-scan60", "heldout-scan60")}

# (look, date style, scan look): as make_scan54_samples' looks, ``spread`` adding the second
# page's offset (px right, px down) and ``nodpi`` (the PNG saved without a resolution).
LOOKS = {
    "office-scan60": (
        ("over", None, {"dpi": 300, "save": "g4pdf"}),
        ("down", "slash", {"dpi": 200, "save": "jpegpdf", "jpeg": 60, "angle": 0.3}),
        ("nohead", None, {"dpi": 300, "save": "g4pdf"}),
        ("spread", "slash", {"dpi": 200, "save": "png", "spread": (24, 6), "nodpi": True}),
    ),
    "heldout-scan60": (
        ("over", None, {"dpi": 300, "save": "g4pdf"}),
        ("down", None, {"dpi": 300, "save": "g4pdf"}),
        ("nohead", "slash", {"dpi": 200, "save": "jpegpdf", "jpeg": 60}),
        ("spread", None, {"dpi": 200, "save": "png", "spread": (30, -8), "nodpi": True}),
        ("spread", "slash", {"dpi": 200, "save": "png", "spread": (16, 4)}),
    ),
}  # fmt: skip
# Rows on each page of a ``spread`` case (a manual page break after them; two pages).
SPREAD_PAGE_ROWS = (3, 4)
# White between the two pages of a ``spread`` sheet (px at the scan's dpi).
GUTTER_PX = 40


def _cases(name: str) -> list[tuple[mos.Case, dict]]:
    heldout = name.startswith("heldout")
    prefix = "hsc60" if heldout else "sc60"
    pool = mos._row_pool(heldout)
    out: list[tuple[mos.Case, dict]] = []
    for look, style, scan in LOOKS[name]:
        cname = f"{prefix}-{look}-{scan['save']}{scan['dpi']}" + ("-nodpi" if scan.get("nodpi") else "")
        rng = random.Random(cname)
        if look == "spread":
            per_page = rng.randint(*SPREAD_PAGE_ROWS)
            start = rng.randint(0, len(pool) - 2 * per_page)
            rows = [dict(r) for r in pool[start : start + 2 * per_page]]
            c = mos.plain_case(cname, rows, "calc", heldout, style)
            c = replace(c, repeat_header=False, rows_per_page=per_page, merge=False)
        else:
            c = mos.plain_case(cname, s56._run(rng, pool), "calc", heldout, style)
            order = {"over": {"page_order": "overThenDown"}, "nohead": {"repeat_header": False}}.get(look, {})
            c = s56._wide(c, **({"repeat_header": True} | order))
        out.append((replace(c, texts=False, fallback_glyphs="○□"), scan))
    return out


def spread(pages: list[Image.Image], shift: tuple[int, int]) -> Image.Image:
    """The first two of ``pages`` side by side on one grey sheet, ``GUTTER_PX`` apart, the
    second moved by ``shift`` (px right, px down) as a scanner's feed moves it."""
    a, b = pages[0], pages[1]
    dx, dy = shift
    w = a.width + GUTTER_PX + b.width + max(dx, 0)
    h = max(a.height, b.height + abs(dy))
    sheet = Image.new("L", (w, h), int(np.median(np.asarray(a))))
    sheet.paste(a, (0, max(-dy, 0)))
    sheet.paste(b, (a.width + GUTTER_PX + dx, max(dy, 0)))
    return sheet


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's pages scanned as ``look`` says, saved as ``folder/input.<suffix>``."""
    pages = s54.pages_of(pdf, look)
    target = folder / f"input{s54.SUFFIX[look['save']]}"
    if "spread" in look:
        if len(pages) != 2:
            raise ValueError(f"{case.name}: {len(pages)} pages, a spread needs 2")
        sheet = spread(pages, look["spread"])
        if look.get("nodpi"):
            sheet.save(target, "PNG")  # no pHYs chunk: the reader takes the dpi from the size
        else:
            sheet.save(target, "PNG", dpi=(look["dpi"], look["dpi"]))
        return target
    s54.save(pages, target, look)
    return target


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth and the set's ``cases.json``."""
    mos.write_manifest(root, s54.build_scans(root, name, _cases(name), write_scan))
    (root / "README.md").write_text(README.format(name=name), "utf-8")


README = """# {name}: scans that lose whole pages (issues 11 and 12)

LibreOffice Calc sheets rendered by poppler and scanned (tools/make_scan60_samples.py): a sheet
too wide for its page printed in column strips (`over`, `down`, `nohead`), 1-bit PDF or grey
JPEG PDF; a two-page sheet whose label row prints on page 1 only, the pages side by side on one
wide PNG (`spread`, `-nodpi`: saved without a resolution).

    python tools/make_scan60_samples.py --set {name}
    python tools/eval_office.py samples/{name} --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
