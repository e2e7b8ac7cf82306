"""Scans of forms that print full-width square brackets, fax pages inside PDFs, and slide
tables on dark bands (issues 11 and 12, session 55).

Three kinds an unseen set of scans showed:

* ``brackets-…``: LibreOffice Calc and Writer tables whose check boxes and choices print in
  full-width brackets (``［○］紙``, ``［　］その他``, ``［　十分である　］``), as many municipal
  forms do, with the form's other misread-prone text (並びに, circled numbers in items, １．
  numbering, telephone numbers); scanned grey at 150–300 dpi, JPEG or PNG, skewed.
* ``faxpdf-…``: the same tables sent as a fax and kept as an image-only PDF: each page one JPEG of
  200 × 100 dpi (pixels twice as tall as wide) placed over the whole A4 page.
* ``band-…``: a LibreOffice Impress slide table (python-pptx's default style: a dark blue label
  band with white text, blue-grey shaded rows), from ``samples/office-slides54`` (tuning) or
  ``samples/heldout-slides54`` (held out), scanned grey at 200 dpi.

Each case is a folder with ``input.*`` and ``expected/records.json``, and the set's
``cases.json`` says how each looks (``tools/make_scan54_samples.py`` renders, skews and saves).
Tuning rows come from the tuning tables, held-out rows from ``samples/heldout/tables`` in other
fonts; the held-out set is measured, never tuned on.

    python tools/make_ocr55_samples.py [--set office-ocr55|heldout-ocr55]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import regex
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-ocr55", "heldout-ocr55")}

# (table, row index) of the rows each set prints: rows with check boxes and choices, 並びに,
# numbered items and telephone numbers.
TUNING_POOL = (
    ("juki", 13),
    ("zeimu", 6),
    ("seed", 0),
    ("juki", 11),
    ("zeimu", 7),
    ("kokuho", 11),
    ("juki", 2),
    ("zeimu", 12),
    ("kokuho", 8),
    ("juki", 10),
    ("seed", 4),
    ("juki", 7),
)
HELDOUT_POOL = (
    ("jidou_teate.json", 2),
    ("kaigo_hoken.json", 7),
    ("koseki_fuhyo.json", 3),
    ("yobou_sesshu.json", 5),
    ("jidou_teate.json", 4),
    ("koseki_fuhyo.json", 6),
    ("yobou_sesshu.json", 7),
    ("jidou_teate.json", 6),
    ("yobou_sesshu.json", 3),
)
# (case name, program, font, size pt, first row of the pool, rows, date style, look): the look
# as ``make_scan54_samples.KINDS`` has it, or ``save`` "faxpdf" (a PDF of JPEG pages of
# ``dpi`` × ``dpi``/2 pixels per inch, quality ``jpeg``).
KINDS = {
    "office-ocr55": (
        ("brackets-calc-gothic-200-t1", "calc", "IPAexGothic", 10.0, 0, 3, "wareki_fw",
         {"dpi": 200, "angle": 0.4, "save": "jpeg", "jpeg": 70}),
        ("brackets-writer-mincho-300-t2", "writer", "IPAexMincho", 9.0, 3, 3, "slash",
         {"dpi": 300, "angle": -0.5, "save": "jpeg", "jpeg": 70}),
        ("brackets-calc-mincho-150-t3", "calc", "IPAexMincho", 11.0, 6, 3, "wareki",
         {"dpi": 150, "save": "png"}),
        ("brackets-writer-gothic-250-t4", "writer", "IPAexGothic", 10.0, 9, 3, "wareki_fw",
         {"dpi": 250, "angle": 0.8, "save": "jpeg", "jpeg": 60}),
        ("faxpdf-calc-gothic-200-t5", "calc", "IPAexGothic", 11.0, 1, 3, "slash",
         {"dpi": 200, "save": "faxpdf", "jpeg": 70}),
    ),
    "heldout-ocr55": (
        ("brackets-calc-ipagothic-250-h1", "calc", "IPAGothic", 10.0, 0, 3, "wareki",
         {"dpi": 250, "angle": -0.4, "save": "jpeg", "jpeg": 65}),
        ("brackets-calc-ipagothic-200-h2", "calc", "IPAGothic", 10.0, 5, 3, "wareki_fw",
         {"dpi": 200, "angle": 0.6, "save": "jpeg", "jpeg": 70}),
        ("brackets-calc-ipamincho-300-h3", "calc", "IPAMincho", 9.0, 3, 3, "slash",
         {"dpi": 300, "save": "png"}),
        ("faxpdf-calc-ipamincho-200-h4", "calc", "IPAMincho", 10.0, 2, 3, "wareki",
         {"dpi": 200, "save": "faxpdf", "jpeg": 70}),
    ),
}  # fmt: skip
# The Impress decks scanned for the ``band-…`` cases: (set, case of that set, page, dpi).
BANDS = {
    "office-ocr55": (
        ("office-slides54", "s54-impress-1", 1, 200),
        ("office-slides54", "s54-impress-3", 1, 200),
    ),
    "heldout-ocr55": (("heldout-slides54", "hs54-impress-1", 1, 200),),
}
# A form's choice and check box printed in full-width brackets: ``[ 十分である ]`` as
# ``［　十分である　］``, ``[○]`` as ``［○］``, ``[ ]`` as ``［　］``.
_CHOICE = regex.compile(r"\[ ([^\[\]\n]+?) \]")
_BOX = regex.compile(r"\[( ?|○)\]")


def full_width_brackets(text: str) -> str:
    """``text`` with the form's half-width boxes and choices in full-width brackets."""
    text = _CHOICE.sub(lambda m: f"［　{m.group(1)}　］", text)
    return _BOX.sub(lambda m: "［" + (m.group(1).strip() or "　") + "］", text)


def pool_rows(name: str, start: int, n: int, style: str) -> list[dict]:
    """``n`` rows of the set's pool from ``start`` (wrapping round), dates printed in
    ``style``, brackets full width."""
    pool = HELDOUT_POOL if name.startswith("heldout") else TUNING_POOL
    rows = []
    for table, i in (pool[(start + k) % len(pool)] for k in range(n)):
        path = mos.TUNING_TABLES.get(table) or mos.HELDOUT_DIR / table
        row = dict(mos.load_table(path)[i])
        for key in ("before", "after"):
            row[key] = full_width_brackets(row[key])
        rows.append(row)
    return mos.printed_rows(rows, style)


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The table cases of set ``name`` (``KINDS``)."""
    heldout = name.startswith("heldout")
    out = []
    for case_name, maker, font, size, start, n, style, look in KINDS[name]:
        rng = random.Random(f"piatable-ocr55-{case_name}")
        case = mos.Case(
            name=case_name,
            rows=pool_rows(name, start, n, style),
            maker=maker,
            font=font,
            size=size,
            widths=rng.choice(mos.widths_of(maker, heldout)),
            texts=False,
        )
        out.append((case, look))
    return out


def save_fax_pdf(images: list[Image.Image], target: Path, look: dict) -> None:
    """The pages as a fax kept in a PDF: each page's pixels halved in height (``dpi`` across,
    half of it down), a JPEG of quality ``look['jpeg']``, placed over the whole page."""
    dpi = look["dpi"]
    pages = [i.resize((i.width, i.height // 2), Image.Resampling.LANCZOS) for i in images]
    pages[0].save(
        target, "PDF", dpi=(dpi, dpi // 2), quality=look["jpeg"], save_all=True, append_images=pages[1:]
    )


def band_case(root: Path, source: tuple[str, str, int, int], manifest: dict) -> None:
    """A slide of a committed Impress PDF scanned grey at its dpi, with that page's truth."""
    set_name, case, page, dpi = source
    folder = root / f"band-impress-{dpi}-{case}"
    folder.mkdir(parents=True)
    pdf = mos.SAMPLES / set_name / case / "input.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "p"
        subprocess.run(
            [
                "pdftoppm",
                "-gray",
                "-r",
                str(dpi),
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        img = Image.open(next(Path(tmp).glob("p*.png"))).convert("L")
        img.save(folder / "input.png", "PNG", dpi=(dpi, dpi))
    truth = json.loads((pdf.parent / "expected" / "records.json").read_text("utf-8"))
    rows = [dict(r, page_start=1, page_end=1) for r in truth if r["page_start"] == page]
    mos.write_json(folder / "expected" / "records.json", rows)
    manifest[folder.name] = {
        "program": "LibreOffice Impress (.pptx)",
        "from": f"{set_name}/{case}",
        "page": page,
    }
    manifest[folder.name] |= {"dpi": dpi, "save": "png", "rows": len(rows), "pages": 1}


def fax_or_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """A fax PDF (``save_fax_pdf``) when ``look["save"]`` is "faxpdf", else the default scan."""
    if look["save"] != "faxpdf":
        return s54.write_scan(case, pdf, folder, look)
    target = folder / "input.pdf"
    save_fax_pdf(s54.pages_of(pdf, look), target, look)
    return target


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth, the band cases and ``cases.json``."""
    manifest = s54.build_scans(root, name, set_cases(name), fax_or_scan)
    for source in BANDS[name]:
        band_case(root, source, manifest)
    mos.write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
