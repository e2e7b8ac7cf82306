"""Table pages fed out of order (branch scans68): scans whose pages came through the feeder last
first, and text-layer PDFs whose pages were put together in the wrong order.

    python tools/make_scans68_samples.py [--set office-scans68|heldout-scans68|office-pageorder68|...]

Set XXIX's t12 was a two-page table scanned with its pages in reverse order: 0 of 14 rows right,
5 lost.  Each case here is a filing made by ``make_office_samples`` (openpyxl / python-docx,
exported to PDF by LibreOffice Calc or Writer), long enough for two or three pages, then:

* ``scan``: its pages rendered grey by ``pdftoppm -gray`` at ``dpi``, put in the order
  ``order`` (``reverse``: last first; ``rotate``: the last page first, the others after it,
  as a stack whose last sheet was put on top), damaged as a scanner does (``make_scans.damage``
  with this set's own angles, noise and JPEG qualities), saved as an image PDF or a multi-page
  TIFF;
* ``layer``: the text-layer PDF with its pages reordered by pypdf (no rendering).

Some cases print a page-number footer (``page_numbers``: ``- 1 -`` or ``1/3``), others none (the
order must then be read from the title on the first page and the dates).  The expected records
are the filing's own: pages counted in reading order (the note says so).

The scans go to ``office-scans68`` / ``heldout-scans68`` (OCR: measured by naming them), the
text-layer PDFs to ``office-pageorder68`` / ``heldout-pageorder68`` (in ``eval_office.SET_NAMES``).
The tuning sets draw from the tuning tables' rows, the held-out ones (measure
only, never tune on them) from the held-out ones, with other seeds, resolutions and makers.
Needs LibreOffice, poppler (pdftoppm) and the fonts.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scans

NAMES = (
    "office-scans68",
    "heldout-scans68",
    "office-pageorder68",
    "heldout-pageorder68",
    "office-pageorder69",
    "heldout-pageorder69",
)
SETS = {name: mos.SAMPLES / name for name in NAMES}

# (how, maker, rows, order, look)
LOOKS = {
    "office-scans68": (
        ("scan", "calc", 16, "reverse", {"dpi": 200, "save": "pdf", "page_numbers": ""}),
        ("scan", "writer", 15, "reverse", {"dpi": 180, "save": "tif", "page_numbers": "- {P} -"}),
    ),
    "office-pageorder68": (
        ("layer", "writer", 16, "reverse", {"page_numbers": ""}),
        ("layer", "calc", 18, "rotate", {"page_numbers": "{P}/{N}"}),
    ),
    "heldout-scans68": (
        ("scan", "writer", 16, "reverse", {"dpi": 190, "save": "pdf", "page_numbers": ""}),
        ("scan", "calc", 17, "rotate", {"dpi": 170, "save": "tif", "page_numbers": "{P}/{N}"}),
    ),
    "heldout-pageorder68": (
        ("layer", "calc", 15, "reverse", {"page_numbers": "", "sep": "slash"}),
        ("layer", "writer", 17, "reverse", {"page_numbers": "- {P} -"}),
    ),
    # Session 69: a narrow 変更日 column (``date_width``: Calc's characters, Writer's cm) wraps
    # every date over two or three lines (``平成28年2月`` / ``6日``), some tables newest first, no
    # page numbers: the order is read from the title and the wrapped dates (set XXXI t06: no
    # date was read on two pages).
    "office-pageorder69": (
        (
            "layer",
            "calc",
            18,
            "reverse",
            {"page_numbers": "", "sep": "wareki", "date_width": 7, "newest_first": True},
        ),
        ("layer", "writer", 16, "rotate", {"page_numbers": "", "sep": "wareki_fw", "date_width": 2.2}),
    ),
    "heldout-pageorder69": (
        (
            "layer",
            "calc",
            17,
            "rotate",
            {"page_numbers": "", "sep": "seireki", "date_width": 6, "newest_first": True},
        ),
        ("layer", "writer", 15, "reverse", {"page_numbers": "", "sep": "wareki", "date_width": 2.3}),
    ),
}
SEP = ("slash", "wareki", "wareki_fw", "short", "seireki")


def _case(name: str, maker: str, n: int, heldout: bool, look: dict, rng: random.Random) -> mos.Case:
    pool = mos._row_pool(heldout)
    start = rng.randrange(len(pool) - n)
    sep = look.get("sep", rng.choice(SEP))  # (drawn all the same: the other cases keep their looks)
    case = mos.plain_case(name, [dict(r) for r in pool[start : start + n]], maker, heldout, sep)
    extra: dict = {"texts": False, "rows_per_page": None, "fallback_glyphs": "○□△"}
    if look["page_numbers"]:
        extra |= {"page_numbers": True, "page_number_format": look["page_numbers"]}
    if "date_width" in look:  # (each row prints its own date: no merged 変更日 cells)
        extra |= {"widths": (look["date_width"], *case.widths[1:]), "merge": False}
    if look.get("newest_first"):
        extra["rows"] = mos.printed_rows(pool[start : start + n], sep, newest_first=True)
    return replace(case, **extra)


def _order(pages: int, how: str) -> list[int]:
    """0-based page indexes in the order fed."""
    if how == "reverse":
        return list(range(pages))[::-1]
    return [pages - 1, *range(pages - 1)]


def _render(pdf: Path, dpi: int, work: Path) -> list[np.ndarray]:
    """``pdf``'s pages rendered grey by pdftoppm."""
    out = work / f"{pdf.stem}-r"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(out)], check=True)
    files = sorted(work.glob(f"{pdf.stem}-r-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [np.asarray(Image.open(f).convert("L"), dtype=np.uint8).copy() for f in files]


def _scan(pdf: Path, folder: Path, look: dict, order: list[int], seed: str, work: Path) -> Path:
    rng = random.Random(f"piatable-scans68-damage-{seed}")
    dpi = look["dpi"]
    pages = _render(pdf, dpi, work)
    damaged = [
        make_scans.damage(
            pages[k],
            dpi,
            make_scans.Damage(
                angle=round(rng.uniform(-0.7, 0.7), 2),
                noise=round(rng.uniform(3.0, 6.0), 1),
                jpeg=rng.choice((50, 60, 70)),
                seed=rng.randint(0, 999),
                shift=(rng.randint(-14, 14), rng.randint(-12, 12)),
            ),
        )
        for k in order
    ]
    target = folder / f"input.{look['save']}"
    make_scans.save(damaged, target, dpi, 50)
    return target


def _layer(pdf: Path, folder: Path, order: list[int]) -> Path:
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    writer = pypdf.PdfWriter()
    for k in order:
        writer.add_page(reader.pages[k])
    if reader.metadata:  # LibreOffice's own (Producer, Creator): pypdf only put the pages in order
        writer.add_metadata(dict(reader.metadata))
    target = folder / "input.pdf"
    with target.open("wb") as fh:
        writer.write(fh)
    return target


def build(name: str) -> None:
    """Folder ``SETS[name]`` made anew: each case's input, its truth and ``cases.json``."""
    root = SETS[name]
    heldout = name.startswith("heldout")
    prefix = ("hsc" if heldout else "sc") + name[-2:]
    plans = []
    for how, maker, rows, order, look in LOOKS[name]:
        cname = f"{prefix}-{how}-{order}-{maker}{look.get('dpi', '')}"
        rng = random.Random(f"piatable-scans68-{cname}")
        plans.append((cname, how, order, look, _case(cname, maker, rows, heldout, look, rng)))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = mos.render([p[-1] for p in plans], work)
        if root.exists():
            shutil.rmtree(root)
        manifest: dict[str, dict] = {}
        for cname, how, order, look, case in plans:
            folder = root / cname
            folder.mkdir(parents=True)
            _, pdf, expected = made[cname]
            import pypdf

            pages = len(pypdf.PdfReader(str(pdf)).pages)
            fed = _order(pages, order)
            if how == "scan":
                target = _scan(pdf, folder, look, fed, cname, work)
            else:
                target = _layer(pdf, folder, fed)
            mos.write_json(folder / "expected" / "records.json", expected)
            manifest[cname] = (
                mos.settings_of(case)
                | {"how": how, "fed": [k + 1 for k in fed]}
                | look
                | {"rows": len(expected), "pages": pages}
            )
            size = target.stat().st_size // 1024
            print(f"{name}/{cname}: {len(expected)} rows, pages fed {fed}, {size} KB", file=sys.stderr)
        mos.write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=name, never=NEVER if heldout else ""), "utf-8")


NEVER = "\nHeld out: measure on it, never tune on it.\n"
README = """# {name}: table pages fed out of order (branch scans68)

LibreOffice Calc and Writer filings of two or three pages whose pages come in the wrong order
(tools/make_scans68_samples.py): scans (pdftoppm, damaged as a scanner does) fed last page
first, and text-layer PDFs whose pages were reordered by pypdf.  `cases.json` gives the order
fed (`fed`: the filing's pages, 1-based, in the file's order).
{never}
    python tools/make_scans68_samples.py --set {name}
    python tools/eval_office.py samples/{name} --cases
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
