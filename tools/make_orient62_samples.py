"""Scans of several pages where ONE page is turned (issue 11 item 5, branch orient62): a sheet fed
sideways or upside down among upright ones.

    python tools/make_orient62_samples.py [--set office-orient62|heldout-orient62]

A new user's 3-page scan whose third page was fed upside down read 2 rows of 15 with status
``success``: the page before it "no table seen", the turned page never mentioned.  Each case here
is a LibreOffice Calc table (a manual page break every ``rows_per_page`` rows) or a Writer table
long enough for several pages, some with a cover on a page of their own before the table (a
document of more than ``OcrSettings.find_all_below`` pages: its table pages are looked for at low
resolution first), printed to PDF, rendered grey with pdftoppm at 150 dpi (the files kept small;
``make_scan54_samples.pages_of``: a slight skew), and then one table page (``page``: 1-based,
-1 the last) turned ``turn`` degrees clockwise (as a scanner delivers a sheet fed so), saved as
a PDF of JPEG pages (quality 20–25) or as a multi-page TIFF (JPEG-compressed grey).  Before
session 62, office-orient62's mid180-t4 read 1 row of 5 and last180-t1 4 of 6, both with status
``success``.  ``expected/records.json`` holds the
table's rows.  The held-out set (samples/heldout-orient62: other tables, fonts, pages and turns)
is measured, never tuned on.  Needs LibreOffice, poppler and the fonts; the tests and
tools/eval_office.py only read the committed files (tesseract runs then).
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as ms54
import make_scan_covers as msc

SETS = {name: mos.SAMPLES / name for name in ("office-orient62", "heldout-orient62")}
# (case name, program, font, size, table, first row, rows, date style, look).  The look: ``dpi``,
# ``angle`` (skew, degrees), ``page`` (the turned page, 1-based; -1: the last), ``turn``
# (clockwise, degrees), ``save`` ("jpegpdf" or "jpegtiff"), ``jpeg`` (quality),
# ``rows_per_page`` (Calc) for several pages, and ``cover``: an assessment's cover on a page of
# its own before the table (``make_scan_covers.cover_of``): a document of more than
# ``OcrSettings.find_all_below`` pages, whose table pages are first looked for at low resolution.
KINDS = {
    "office-orient62": (
        ("last180-calc-gothic-150-t1", "calc", "IPAexGothic", 10.0, "kokuho", 0, 6, "wareki_fw",
         {"cover": True, "dpi": 150, "angle": 0.4, "page": -1, "turn": 180, "save": "jpegpdf", "jpeg": 25,
          "rows_per_page": 2}),
        ("last90-writer-mincho-150-t2", "writer", "IPAexMincho", 11.0, "zeimu", 0, 10, "slash",
         {"dpi": 150, "angle": -0.3, "page": -1, "turn": 90, "save": "jpegpdf", "jpeg": 20}),
        ("mid180-calc-gothic-150-t4", "calc", "IPAexGothic", 9.5, "zeimu", 10, 5, "slash",
         {"cover": True, "dpi": 150, "angle": -0.5, "page": 2, "turn": 180, "save": "jpegtiff", "jpeg": 25,
          "rows_per_page": 2}),
    ),
    "heldout-orient62": (
        ("mid180-calc-gothic-150-h1", "calc", "IPAexGothic", 10.0, "yobou_sesshu.json", 0, 6, "wareki_fw",
         {"cover": True, "dpi": 150, "angle": 0.5, "page": 2, "turn": 180, "save": "jpegpdf", "jpeg": 25,
          "rows_per_page": 2}),
        ("last270-writer-mincho-150-h2", "writer", "IPAexMincho", 12.0, "kaigo_hoken.json", 0, 9, "slash",
         {"dpi": 150, "angle": -0.4, "page": -1, "turn": 270, "save": "jpegpdf", "jpeg": 20}),
        ("first90-calc-mincho-150-h3", "calc", "IPAexMincho", 10.5, "koseki_fuhyo.json", 0, 6, "wareki",
         {"dpi": 150, "angle": 0.3, "page": 1, "turn": 90, "save": "jpegtiff", "jpeg": 25,
          "rows_per_page": 2}),
        ("last180-calc-mincho-150-h4", "calc", "IPAexMincho", 11.0, "jidou_teate.json", 0, 9, "wareki_fw",
         {"cover": True, "dpi": 150, "angle": -0.7, "page": -1, "turn": 180, "save": "jpegpdf", "jpeg": 25,
          "rows_per_page": 3}),
    ),
}  # fmt: skip
SUFFIX = {"jpegpdf": ".pdf", "jpegtiff": ".tif"}


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``)."""
    heldout = name.startswith("heldout")
    out = []
    for case_name, maker, font, size, table, start, n, style, look in KINDS[name]:
        rng = random.Random(f"piatable-orient62-{case_name}")
        title, cells, _ = msc.cover_of(rng, heldout) if look.get("cover") else ("", (), {})
        case = mos.Case(
            name=case_name,
            rows=ms54.rows_of(table, start, n, style),
            maker=maker,
            font=font,
            size=size,
            widths=rng.choice(mos.widths_of(maker, heldout)),
            texts=False,
            rows_per_page=look.get("rows_per_page"),
            cover_title=title,
            cover=cells,
            cover_own_page=bool(cells),
        )
        out.append((case, look))
    return out


def _jpeg(img: Image.Image, quality: int) -> bytes:
    """``img`` as a JPEG of ``quality`` (the noise of a scanner's compression)."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def write_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's pages (upright, skewed a little) with page ``look['page']`` turned
    ``look['turn']`` degrees clockwise, saved as ``folder/input.<suffix>``.  Raises ValueError
    when the table printed on one page (no case of this kind)."""
    pages = ms54.pages_of(pdf, {"dpi": look["dpi"], "angle": look["angle"]})
    if len(pages) < 2 + bool(case.cover_own_page):
        raise ValueError(f"{case.name}: the table printed on one page")
    first = 1 if case.cover_own_page else 0  # the table's pages follow the cover's
    k = first + look["page"] - 1 if look["page"] > 0 else len(pages) + look["page"]
    # PIL's rotate counts counter-clockwise: a page turned t° clockwise is rotated by -t.
    pages[k] = pages[k].rotate(-look["turn"], expand=True)
    # Pillow writes each page as it is encoded: encode them as JPEGs first.
    encoded = [Image.open(io.BytesIO(_jpeg(img, look["jpeg"]))) for img in pages]
    target = folder / f"input{SUFFIX[look['save']]}"
    res = (look["dpi"], look["dpi"])
    if look["save"] == "jpegtiff":
        # (libtiff's JPEG compression at its own quality: the pages as the JPEGs decoded them.)
        frames = [Image.open(io.BytesIO(_jpeg(img, look["jpeg"]))) for img in pages]
        frames[0].save(target, "TIFF", compression="jpeg", dpi=res, save_all=True, append_images=frames[1:])
    else:
        # (Pillow's PDF writer encodes each page again, at the quality it is given.)
        encoded[0].save(
            target,
            "PDF",
            resolution=look["dpi"],
            quality=look["jpeg"],
            save_all=True,
            append_images=encoded[1:],
        )
    return target


def build(name: str) -> None:
    """Folder ``SETS[name]`` made anew: each case's scan, its truth and ``cases.json``."""
    root = SETS[name]
    mos.write_manifest(root, ms54.build_scans(root, name, set_cases(name), write_scan))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
