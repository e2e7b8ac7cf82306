"""Scans of tables whose columns stand in another order, with a narrow 提出時期 column (issue 11,
session 58; set XIX's t02-600dpi-grey.png: 変更日 on the right, its 提出時 / 期 label wrapped in a
column two glyphs wide, OCR read that label as no label, and every cell was read one column off).

Each case is an outsider table (``tools/make_outsider_tables.py``: openpyxl .xlsx printed by
LibreOffice Calc, python-docx .docx printed by Writer) in one of the column orders of
``COLUMN_ORDERS`` and ``COLORDER18_ORDERS``, its 提出時期 column narrowed to ``TIMING_SHARE`` of
the table's width so that its label wraps, then scanned (``tools/make_scan54_samples.py``'s
``pages_of``): a grey PNG, a JPEG, a 1-bit G4 TIFF, or a fax (``fax``: a G3 TIFF at 204 × 98
dpi, its pixels twice as tall as wide).  Tuning rows come from the tuning tables, held-out rows
from ``samples/heldout/tables`` (measured, never tuned on).  Scans have no extractor texts.

    python tools/make_scan58_samples.py [--set office-scan58|heldout-scan58]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_outsider_tables as mot
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-scan58", "heldout-scan58")}
# The 提出時期 column's share of the table's width: two glyphs and a little, so its label wraps.
TIMING_SHARE = 0.035
# A fax's resolutions (dots per inch across, down): ITU-T T.4 standard resolution.
FAX_DPI = (204, 98)

# (cases' prefix, pools, seed, looks): one case per look, the column orders taken in turn.
LOOKS = (
    {"dpi": 300, "angle": 0.3, "save": "png"},
    {"dpi": 400, "angle": -0.4, "save": "jpeg", "jpeg": 70},
    {"dpi": 200, "angle": 0.5, "save": "g4tiff"},
    {"dpi": 250, "save": "jpeg", "jpeg": 60},
    {"fax": True, "angle": -0.3, "save": "fax"},
)
ORDERS = (*mot.COLUMN_ORDERS, *mot.COLORDER18_ORDERS)
KINDS = {
    "office-scan58": ("s58", mot.TUNING_POOLS, 5858),
    "heldout-scan58": ("hs58", mot.HELDOUT_POOLS, 6858),
}


def set_cases(name: str) -> list[tuple[mot.Case, dict]]:
    """The cases of set ``name``: outsider tables in other column orders with a narrow 提出時期
    column, each with its look."""
    prefix, pools, seed = KINDS[name]
    sizes = (9.0, 10.0, 10.5)
    cases = mot.draw_cases(prefix, pools, len(LOOKS), seed=seed, rows_per_case=(3, 5), sizes=sizes)
    out = []
    for k, (case, look) in enumerate(zip(cases, LOOKS, strict=True)):
        shares = list(case.shares)
        spare = shares[4] - TIMING_SHARE
        shares[4] = TIMING_SHARE
        shares[5] += spare
        # The right-hand orders first: 変更日 on the right is set XIX's case.
        order = ORDERS[(k + seed) % len(ORDERS)] if k else mot.COLUMN_ORDERS[0]
        case = dataclasses.replace(case, shares=tuple(shares), order=order, landscape=True)
        kind = "fax" if look.get("fax") else look["save"] + str(look["dpi"])
        case.name = f"{kind}-{case.name}"
        out.append((case, look))
    return out


def fax_pages(pdf: Path, look: dict) -> list[Image.Image]:
    """The PDF's pages as a fax machine sends them: rendered at 204 dpi, squashed to 98 dpi down,
    thresholded to 1 bit."""
    pages = s54.pages_of(pdf, look | {"dpi": FAX_DPI[0]})
    return [
        s54.bilevel(p.resize((p.width, round(p.height * FAX_DPI[1] / FAX_DPI[0])), Image.Resampling.LANCZOS))
        for p in pages
    ]


def write(case: mot.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """The case's scan written in ``folder`` as ``look`` says; its path."""
    if look["save"] != "fax":
        pages = s54.pages_of(pdf, look)
        if len(pages) > 1 and look["save"] in ("jpeg", "png"):  # a PDF of JPEG pages
            look = look | {"save": "jpegpdf", "jpeg": look.get("jpeg", 75)}
        target = folder / f"input{s54.SUFFIX[look['save']]}"
        s54.save(pages, target, look)
        return target
    target = folder / "input.tif"
    pages = fax_pages(pdf, look)
    pages[0].save(target, "TIFF", compression="group3", dpi=FAX_DPI, save_all=True, append_images=pages[1:])
    return target


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth and the set's ``cases.json``."""
    made = set_cases(name)
    manifest: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = Path(tmp) / "pdfs"
        mot.build(pdfs, [c for c, _ in made], tools=())
        if root.exists():
            shutil.rmtree(root)
        for case, look in made:
            folder = root / case.name
            (folder / "expected").mkdir(parents=True)
            (folder / "expected" / "records.json").write_bytes(
                (pdfs / case.name / "expected" / "records.json").read_bytes()
            )
            target = write(case, pdfs / case.name / "input.pdf", folder, look)
            settings = {k: v for k, v in dataclasses.asdict(case).items() if k != "rows"}
            manifest[case.name] = settings | look | {"file": target.name, "rows": len(case.rows)}
            size = target.stat().st_size // 1024
            print(f"{name}/{case.name}: {len(case.rows)} rows, {size} KB", file=sys.stderr)
    mos.write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=name), "utf-8")


README = """# {name}: scans of tables in another column order with a wrapped 提出時期 label (issue 11)

Outsider Calc / Writer tables (tools/make_outsider_tables.py) whose columns stand in another order
than the form's (`order` in `cases.json`, as indices of 変更日 / 項目 / 変更前 / 変更後 / 提出時期 /
説明; 変更日 on the right first), the 提出時期 column two glyphs wide so its label wraps, scanned
as grey PNG, JPEG, G4 TIFF or a G3 fax TIFF at 204 x 98 dpi (`fax-…`).  `office-scan58` draws
from the tuning tables, `heldout-scan58` from samples/heldout/tables: measure on it, never tune.

    python tools/make_scan58_samples.py --set {name}
    python tools/eval_office.py samples/office-scan58 samples/heldout-scan58 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
