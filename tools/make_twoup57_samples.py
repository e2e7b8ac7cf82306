"""Scans of tables printed 2-in-1: two pages reduced side by side on one landscape sheet (issue 11).

Set XVIII's ``G__2up300.png`` (a two-page Calc table printed "2 pages per sheet" and scanned at
300 dpi) was read as one page: 10 rows of 14, "270 words could not be placed".  Each case here is
a LibreOffice Calc or Writer table of two or more pages (``tools/make_office_samples.py``
renders it), its pages rendered grey (``make_scan54_samples.pages_of``), reduced two by two onto
A4 landscape sheets as a printer's 2-in-1 mode places them (each page centred in its half), and
the sheets scanned (``dpi``), with the look's grey paper and specks
(``make_ocrflip56_samples.worn``).  One sheet is a PNG; more are a multi-page TIFF.  Held-out
cases come from ``samples/heldout/tables`` in other fonts: measured, never tuned on.  Scans have
no extractor texts.

    python tools/make_twoup57_samples.py [--set office-twoup57|heldout-twoup57]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocrflip56_samples as flip
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-twoup57", "heldout-twoup57")}

# (case name, program, font, size pt, table, row indices, date style, look): ``dpi`` of the sheet's
# scan, ``photocopy`` / ``specks`` as make_ocrflip56_samples has them, ``rows_per_page`` (Calc: a
# manual page break every N rows, so that the table takes two pages or more).
KINDS = {
    "office-twoup57": (
        ("calc-gothic-10pt-300-t1", "calc", "IPAexGothic", 10.0, "juki", tuple(range(0, 12)), "wareki",
         {"dpi": 300, "rows_per_page": 6}),
        ("writer-mincho-10pt-300-t2", "writer", "IPAexMincho", 10.0, "zeimu", tuple(range(0, 12)), "slash",
         {"dpi": 300, "photocopy": 235, "specks": 1.0}),
    ),
    "heldout-twoup57": (
        ("calc-ipagothic-10pt-300-h1", "calc", "IPAGothic", 10.0, "kaigo_hoken.json", tuple(range(0, 12)),
         "wareki_fw", {"dpi": 300, "rows_per_page": 5}),
        # (Writer on the held-out tables stopped at a row "not printed in full": Calc again, in Mincho.)
        ("calc-ipamincho-10pt-300-h2", "calc", "IPAMincho", 10.0, "yobou_sesshu.json", tuple(range(0, 12)),
         "wareki", {"dpi": 300, "photocopy": 232, "specks": 1.0, "rows_per_page": 4}),
    ),
}  # fmt: skip

# An A4 landscape sheet (inches) and the margin a printer's 2-in-1 mode leaves round each page (px
# at the sheet's dpi, as set XVIII's sheets have it).
SHEET_IN = (11.69, 8.27)
MARGIN_PX = 20


def two_up(pages: list[Image.Image], dpi: int) -> list[Image.Image]:
    """``pages`` (grey) two by two on A4 landscape sheets, each reduced to fit its half and centred
    in it (a last odd page alone on its sheet's left half)."""
    w, h = int(SHEET_IN[0] * dpi), int(SHEET_IN[1] * dpi)
    sheets = []
    for k in range(0, len(pages), 2):
        sheet = Image.new("L", (w, h), 255)
        for j, page in enumerate(pages[k : k + 2]):
            scale = min((w / 2 - 2 * MARGIN_PX) / page.width, (h - 2 * MARGIN_PX) / page.height)
            small = page.resize((int(page.width * scale), int(page.height * scale)), Image.LANCZOS)
            x = int(j * w / 2 + (w / 2 - small.width) / 2)
            sheet.paste(small, (x, int((h - small.height) / 2)))
        sheets.append(sheet)
    return sheets


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The table cases of set ``name`` (``KINDS``)."""
    heldout = name.startswith("heldout")
    out = []
    for case_name, maker, font, size, table, picks, style, look in KINDS[name]:
        rng = random.Random(f"piatable-twoup57-{case_name}")
        path = mos.TUNING_TABLES.get(table) or mos.HELDOUT_DIR / table
        rows = mos.load_table(path)
        case = mos.Case(
            name=case_name,
            rows=mos.printed_rows([rows[i] for i in picks if i < len(rows)], style),
            maker=maker,
            font=font,
            size=size,
            widths=rng.choice(mos.widths_of(maker, heldout)),
            texts=False,
            rows_per_page=look.get("rows_per_page"),
        )
        out.append((case, look))
    return out


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's sheets, its truth and the set's ``cases.json``."""
    made_cases = set_cases(name)
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render([c for c, _ in made_cases], Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case, look in made_cases:
            _, pdf, expected = made[case.name]
            rng = np.random.default_rng(sum(map(ord, case.name)))
            pages = s54.pages_of(pdf, look)
            sheets = [flip.worn(s, look, rng) for s in two_up(pages, look["dpi"])]
            folder = root / case.name
            folder.mkdir(parents=True)
            res = (look["dpi"], look["dpi"])
            if len(sheets) == 1:
                target = folder / "input.png"
                sheets[0].save(target, "PNG", dpi=res)
            else:
                target = folder / "input.tif"
                kw = {"compression": "tiff_lzw", "dpi": res, "save_all": True}
                sheets[0].save(target, "TIFF", append_images=sheets[1:], **kw)
            mos.write_json(folder / "expected" / "records.json", expected)
            manifest[case.name] = mos.settings_of(case) | look | {"rows": len(expected), "pages": len(pages)}
            size = target.stat().st_size // 1024
            print(f"{name}/{case.name}: {len(expected)} rows, {len(pages)} pages, {size} KB", file=sys.stderr)
    (root / "cases.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    for name in mos.set_arguments(argv, __doc__, SETS).set:
        build(SETS[name], name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
