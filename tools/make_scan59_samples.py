"""Scans with blue ink, a crease or a bilevel page (issue 11 and 12, session 59; set XX's
t01__blue150, t03__bilevel-flip200, t04__crease200, t14__colour200: tesseract misread kanji and
read specks as kana and colons, and the rows said nothing).

LibreOffice Calc and Writer tables printed to PDF (``tools/make_office_samples.py``), rendered
by poppler and marked as the pages of an office are: a colour scan with a blue ballpoint's
ticks and a stroke over the margin (``ink``), a fold down the page through the 変更後 column
(``crease``: a dark line and a shadow beside it), thresholded to one bit (``bilevel``), saved
as JPEG, PNG or a PDF of 1-bit pages.  The rows come from ``samples/heldout/tables`` in the
held-out fonts (IPA): the set is held out, measured and never tuned on.

    python tools/make_scan59_samples.py [--set heldout-scan59]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("heldout-scan59",)}
# A blue ballpoint's colour (RGB) and a fold's darkening at its line and in its shadow.
BLUE_INK = (30, 50, 170)
CREASE_DARK, CREASE_SHADOW = 0.55, 0.08
# Where the fold runs: its share of the page's width (through the 変更後 column of a landscape
# table) and its slope (pixels across per pixel down).
CREASE_AT, CREASE_SLOPE = 0.55, 0.03

# (case name, program, font, size in points, table, first row, rows, date style, look): as
# make_scan54_samples.KINDS, the look adding ``ink``, ``crease`` and ``bilevel``.
KINDS = {
    "heldout-scan59": (
        ("blue150-calc-ipagothic-h1", "calc", "IPAGothic", 10.5, "jidou_teate.json", 3, 4, "slash",
         {"dpi": 150, "ink": True, "save": "jpeg", "jpeg": 70}),
        ("crease200-writer-ipamincho-h2", "writer", "IPAMincho", 10.0, "yobou_sesshu.json", 0, 3, "wareki",
         {"dpi": 200, "crease": True, "save": "png"}),
        ("bilevel200-calc-ipamincho-h3", "calc", "IPAMincho", 10.0, "kaigo_hoken.json", 6, 4, "wareki_fw",
         {"dpi": 200, "crease": True, "bilevel": True, "save": "g4pdf"}),
        ("crease300-writer-ipagothic-h4", "writer", "IPAGothic", 9.5, "koseki_fuhyo.json", 6, 4, "slash",
         {"dpi": 300, "crease": True, "angle": 0.4, "save": "jpeg", "jpeg": 40}),
        ("blue200-writer-ipagothic-h5", "writer", "IPAGothic", 10.0, "kaigo_hoken.json", 0, 4, "wareki",
         {"dpi": 200, "ink": True, "angle": -0.3, "save": "jpeg", "jpeg": 60}),
    ),
}  # fmt: skip


def blue_ink(img: Image.Image, dpi: int) -> Image.Image:
    """``img`` as a colour page with three ticks down its right margin and a stroke across its
    top, in ``BLUE_INK``."""
    out = img.convert("RGB")
    draw = ImageDraw.Draw(out)
    w, h, s = out.width, out.height, dpi / 100
    width = max(2, int(2 * s))
    for k in range(3):
        x, y = int(w * 0.9), int(h * (0.3 + 0.2 * k))
        draw.line([(x, y), (x + 10 * s, y + 12 * s), (x + 30 * s, y - 15 * s)], fill=BLUE_INK, width=width)
    draw.line([(int(w * 0.1), int(h * 0.04)), (int(w * 0.4), int(h * 0.043))], fill=BLUE_INK, width=width)
    return out


def crease(img: Image.Image) -> Image.Image:
    """``img`` (grey) folded: a dark line down the page at ``CREASE_AT`` of its width, sloping
    by ``CREASE_SLOPE``, with a wide faint shadow beside it."""
    a = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = a.shape
    line = w * CREASE_AT + (np.arange(h)[:, None] - h / 2) * CREASE_SLOPE
    dist = np.abs(np.arange(w)[None, :] - line)
    a = (
        a
        * (1 - CREASE_DARK * np.exp(-((dist / 2.0) ** 2)))
        * (1 - CREASE_SHADOW * np.exp(-((dist / 25.0) ** 2)))
    )
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's pages marked as ``look`` says, saved as ``folder/input.<suffix>``."""
    pages = s54.pages_of(pdf, look)
    if look.get("crease"):
        pages = [crease(p) for p in pages]
    if look.get("ink"):
        pages = [blue_ink(p, look["dpi"]) for p in pages]
    target = folder / f"input{s54.SUFFIX[look['save']]}"
    s54.save(pages, target, look)  # g4pdf thresholds the pages to one bit (``bilevel``)
    return target


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth and the set's ``cases.json``."""
    mos.write_manifest(root, s54.build_scans(root, name, _set_cases(name), write_scan))
    (root / "README.md").write_text(README.format(name=name), "utf-8")


README = """# {name}: scans with blue ink, a crease or a bilevel page (issues 11 and 12, held out)

LibreOffice Calc / Writer tables of samples/heldout/tables in the IPA fonts, rendered by poppler
and marked as office pages are (tools/make_scan59_samples.py): a colour JPEG with blue ballpoint
ticks (`blue…`), a fold through the 変更後 column (`crease…`), thresholded to one bit in a PDF
(`bilevel…`).  Held out: measure on it, never tune on it.

    python tools/make_scan59_samples.py --set {name}
    python tools/eval_office.py samples/{name} --total
"""


def _set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``), made as make_scan54_samples makes its own."""
    saved = s54.KINDS
    s54.KINDS = KINDS
    try:
        return s54.set_cases(name)
    finally:
        s54.KINDS = saved


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (all by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
