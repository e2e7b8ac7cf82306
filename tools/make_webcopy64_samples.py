"""Web viewers' copies of a table's text (NBSP for spaces, CR LF, typographic and zero-width
spaces, a BOM) and tables on pages turned with /Rotate 90 or 270, with their texts (set XXV's
FAULTS §5 and §10, branch webcopy64).

    python tools/make_webcopy64_samples.py                            # both sets
    python tools/make_webcopy64_samples.py --set office-webcopy64     # or heldout-webcopy64

Set XXV's ``webcopy`` texts (copied from a browser's PDF viewer: pypdfium2's text with U+00A0 for
every space and CR LF line ends) read 36 rows right of 146 where their pypdfium2 twins read 80,
and kept U+00A0 in 139 rows.  Each upright case here is a table printed by LibreOffice Calc
(.xlsx), Writer (.docx) or headless Chromium (an HTML table), with web copies of several
extractors' texts (``make_pdfs.web_copy``: ``+web`` NBSP and CR LF, ``+web-bom`` the same after a
BOM, ``+web-uni`` typographic spaces U+2002/2003/2009/202F/205F/2007, ``+web-zw`` zero-width spaces
for spaces, ``+web-hint`` NBSP with zero-width break hints after 、 and 。, ``+web-ideo`` U+3000
for spaces).  Each turned case is a Writer or Calc table whose pages get ``/Rotate`` 90 or 270
(``qpdf --rotate``, as set XXV's t09), with the texts of ``ROTATED_TEXTS`` read from the turned
PDF.  The truth (``expected/records.json``) is the table's rows.  ``office-webcopy64`` (tuning)
draws from the tuning tables; ``heldout-webcopy64`` (measure only, never tune on it) from the
held-out tables, with fonts and sizes of its own.  Needs LibreOffice, Chromium, qpdf and poppler;
the tests read the committed files.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as ms54
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows, table_html
from make_chromium54_samples import _expected as chromium_expected
from make_pdfs import LABELS, chromium_binary, print_html

ROOT = Path(__file__).resolve().parent.parent
# Rows of a Chromium case (drawn between these counts).
CHROMIUM_ROWS = (4, 6)
SETS = {"office-webcopy64": False, "heldout-webcopy64": True}
# The web copies of an upright case: (extractor)+web(-kind), make_pdfs.extract_text names.
WEB_TEXTS = (
    "pypdfium2+web",
    "pypdfium2+web-bom",
    "pymupdf+web-uni",
    "pypdf+web-zw",
    "pdftotext-raw+web-hint",
    "pdfplumber+web",
    "pdftotext-layout+web",
    "pypdfium2+web-ideo",
)
# The texts of a turned case: pdfplumber and pdfminer lay the page out turned (a column of
# characters a line, or the page's lines from its foot up); pypdf and PyMuPDF read it as upright
# (so do pdftotext and pypdfium2, left out: the files kept small).
ROTATED_TEXTS = ("pdfplumber", "pdfplumber-layout", "pdfminer", "pypdf", "pymupdf")
# (case name, program, table, first row, rows, date style, font, size, turn): a table of
# make_office_samples.TUNING_TABLES or a file of samples/heldout/tables; ``turn`` 0 for an
# upright case, else the /Rotate its pages get.  Chromium's rows are drawn (``_rows``).
KINDS = {
    "office-webcopy64": (
        ("w64-calc", "calc", "kokuho", 2, 5, "slash", "IPAexGothic", 10.0, 0),
        ("w64-writer", "writer", "zeimu", 4, 5, "wareki", "IPAexMincho", 10.5, 0),
        ("w64-chromium", "chromium", "", 0, 0, "", "IPAexGothic", 9.0, 0),
        ("w64-writer-rot90", "writer", "juki", 3, 5, "slash", "IPAexGothic", 10.0, 90),
        ("w64-calc-rot270", "calc", "municipal", 0, 5, "wareki_fw", "IPAexMincho", 10.0, 270),
    ),
    "heldout-webcopy64": (
        ("hw64-calc", "calc", "kaigo_hoken.json", 1, 5, "wareki", "IPAexMincho", 9.5, 0),
        ("hw64-writer", "writer", "jidou_teate.json", 0, 5, "slash", "IPAexGothic", 11.0, 0),
        ("hw64-chromium", "chromium", "", 0, 0, "", "IPAexMincho", 10.0, 0),
        ("hw64-writer-rot90", "writer", "koseki_fuhyo.json", 0, 5, "seireki", "IPAexMincho", 10.5, 90),
        ("hw64-calc-rot270", "calc", "yobou_sesshu.json", 2, 5, "slash", "IPAexGothic", 9.5, 270),
    ),
}  # fmt: skip


def _chromium_pdf(
    name: str, font: str, size: float, heldout: bool, work: Path
) -> tuple[Path, list[dict], dict]:
    """A Chromium table of rows drawn from the set's tables: its PDF, truth and look."""
    rng = random.Random(f"piatable-webcopy64-{name}")
    look = {
        "rows": _rows(rng, heldout, CHROMIUM_ROWS),
        "font": font,
        "size": size,
        "paper": "A4",
        "valign": "top",
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }
    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    rows = [[r[f] for f in fields] for r in look["rows"]]
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    pdf = work / f"{name}.pdf"
    print_html(table_html(look, list(LABELS), list(look["widths"]), rows), pdf, binary)
    return pdf, chromium_expected(pdf, look["rows"]), {k: v for k, v in look.items() if k != "rows"}


def _turned(pdf: Path, turn: int, work: Path) -> Path:
    """``pdf`` with every page's /Rotate set to ``turn`` (``qpdf --rotate=+turn``)."""
    out = work / f"{pdf.stem}-rot{turn}.pdf"
    subprocess.run(["qpdf", f"--rotate=+{turn}", str(pdf), str(out)], check=True)
    return out


def build(root: Path, heldout: bool) -> None:
    """Folder ``root`` made anew: each case's PDF, its texts, the truth, cases.json, README.md."""
    kinds = KINDS[root.name]
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        office = [
            ms54.table_case(
                "piatable-webcopy64", name, maker, font, size, ms54.rows_of(table, start, n, style), heldout
            )
            for name, maker, table, start, n, style, font, size, _ in kinds
            if maker != "chromium"
        ]
        made = mos.render(office, work)
        for name, maker, table, start, _n, style, font, size, turn in kinds:
            if maker == "chromium":
                pdf, truth, look = _chromium_pdf(name, font, size, heldout, work)
                entry = {"program": "Chromium --headless --print-to-pdf", **look}
            else:
                _, pdf, truth = made[name]
                case = next(c for c in office if c.name == name)
                entry = mos.settings_of(case) | {"table": table, "first": start, "date_style": style}
            if turn:
                pdf = _turned(pdf, turn, work)
                entry["rotate"] = turn
            tools = ROTATED_TEXTS if turn else WEB_TEXTS
            mos.write_pdf_and_texts(root, name, pdf, truth, tools)
            manifest[name] = entry | {"rows": len(truth), "texts": list(tools)}
            print(f"{root.name}/{name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)
    mos.write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=root.name), "utf-8")


README = """# {name}: web viewers' copies (NBSP, CR LF, Unicode spaces) and /Rotate 90 / 270 pages (webcopy64)

Upright cases (`*-calc`, `*-writer`, `*-chromium`): a table printed by LibreOffice Calc, Writer or
headless Chromium, with web copies of several extractors' texts (`<case>-<extractor>+web[-kind]`:
NBSP for every space and CR LF; `-bom` after a UTF-8 BOM; `-uni` typographic spaces; `-zw`
zero-width spaces for spaces; `-hint` NBSP and zero-width break hints after 、 。; `-ideo` U+3000
for spaces).  Turned cases (`*-rot90`, `*-rot270`): the PDF's pages carry /Rotate 90 or 270 (qpdf),
with the texts pdfplumber (plain, layout), pdfminer, pypdf and PyMuPDF give of them (pdftotext and
pypdfium2 read such pages upright: left out).  The truth (`expected/records.json`) is the table's rows.

`samples/office-webcopy64` (tuning): the tuning tables.  `samples/heldout-webcopy64` (held out:
measure on it, never tune on it): the held-out tables, other fonts and sizes.

    python tools/make_webcopy64_samples.py
    python tools/eval_office.py samples/office-webcopy64 samples/heldout-webcopy64 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
