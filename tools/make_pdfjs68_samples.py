"""Viewers' copies of a table printed by LibreOffice: pdf.js "select all + copy" and Edge's copy
(set XXIX FAULTS B1, branch decode68).

    python tools/make_pdfjs68_samples.py                          # both sets
    python tools/make_pdfjs68_samples.py --set office-pdfjs68     # or heldout-pdfjs68

Each case is a run of rows of one of the set's four tables, printed by Calc (.xlsx) or Writer
(.docx) in a look drawn by ``make_office_samples.plain_case``; its texts (``TEXTS``):

* ``pdfjs``: the copy of the PDF in a pdf.js viewer (Firefox), made by pdf.js itself
  (``tools/pdfjs_copy.mjs``, pdfjs-dist 4 under node): the text layer's items in content-stream
  order, a line break only where pdf.js ends a line (``hasEOL``), nothing between pages, CR LF;
  runs on one baseline joined with the space pdf.js adds for their gap;
* ``pdfjs-nospace``: the same with the whitespace-only items left out, as pdf.js 2's text layer
  left them out (no span for an all-whitespace item): runs on one baseline glued with no
  separator (``変更日項目変更前の記載…``, ``事後組織改編による…``), as set XXIX's ``_pdfjscopy``;
* ``edge``: a PDFium viewer's copy (Edge): pypdfium2's text of each page, pages joined by a line
  end, a space at every line's end, CR LF.

The truth (``expected/records.json``) is the case's rows.  ``office-pdfjs68`` (tuning) draws from
the tuning tables; ``heldout-pdfjs68`` (measure only, never tune on it) from the held-out tables,
other seeds.  Needs LibreOffice, node and pdfjs-dist (``npm install pdfjs-dist@4`` in a folder
given as ``PDFJS_DIST``); the tests read the committed files.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import (
    SAMPLES,
    _four_tables,
    _printable,
    build_set,
    load_table,
    plain_case,
    set_arguments,
    write_json,
    write_manifest,
)

SETS = ("office-pdfjs68", "heldout-pdfjs68")
TEXTS = ("pdfjs", "pdfjs-nospace", "edge")
USE = {
    False: "tuning",
    True: "held out: measured only, never tune on it (other tables and seeds)",
}
README = """{name} ({use})

Viewers' copies of tables printed by LibreOffice Calc (.xlsx) and Writer (.docx): pdf.js "select
all + copy" (`pdfjs`: made by pdf.js 4 itself, content-stream order, a line break only where the
baseline moves, nothing between pages, CR LF; `pdfjs-nospace`: whitespace-only items left out as
pdf.js 2's text layer did, runs on one baseline glued) and Edge's copy (`edge`: pypdfium2 text, a
space at each line end, CR LF), made by `tools/make_pdfjs68_samples.py` (branch decode68, set
XXIX FAULTS B1).
"""
ROWS = (6, 8, 10)
TOOLS = Path(__file__).resolve().parent


def _cases(heldout: bool) -> list:
    """A Calc and a Writer case of each of the set's four tables' first two, a Calc case of the
    third and a Writer case of the fourth."""
    h = "h" if heldout else ""
    out = []
    makers = ("calc", "writer", "calc", "writer", "writer", "calc")
    tables = _four_tables(heldout)
    for k, maker in enumerate(makers):
        table, path = tables[k % len(tables)]
        name = f"{h}p68-{maker}-{table}"
        rng = random.Random(f"piatable-pdfjs68-{name}")
        pool = _printable(load_table(path))
        n = min(rng.choice(ROWS), len(pool))
        first = rng.randrange(len(pool) - n + 1)
        style = "slash" if maker == "calc" else None  # a Calc date column is narrow
        case = plain_case(name, pool[first : first + n], maker, heldout, style)
        out.append(replace(case, texts=False))
    return out


def pdfjs_copy(pdf: Path, mode: str) -> bytes:
    """The bytes pdf.js's copy gives (``tools/pdfjs_copy.mjs``; ``mode`` space or nospace)."""
    dist = os.environ.get("PDFJS_DIST", "node_modules/pdfjs-dist")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "copy.txt"
        subprocess.run(["node", str(TOOLS / "pdfjs_copy.mjs"), dist, str(pdf), str(out), mode], check=True)
        return out.read_bytes()


def edge_copy(pdf: Path) -> bytes:
    """An Edge (PDFium) copy: pypdfium2's page texts joined by line ends, a space at every line's
    end, CR LF."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    lines = text.replace("\r\n", "\n").split("\n")
    return "\r\n".join(line + " " for line in lines).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    ns = set_arguments(argv, __doc__, SETS, keep=True)
    for name in ns.set:
        heldout = name.startswith("heldout")
        root = SAMPLES / name
        cases = _cases(heldout)
        build_set(root, cases, ns.keep)
        manifest = json.loads((root / "cases.json").read_text("utf-8"))
        for case in cases:
            pdf = root / case.name / "input.pdf"
            expected = json.loads((root / case.name / "expected" / "records.json").read_text("utf-8"))
            for tool in TEXTS:
                folder = root / f"{case.name}-{tool}"
                (folder / "expected").mkdir(parents=True, exist_ok=True)
                data = (
                    edge_copy(pdf) if tool == "edge" else pdfjs_copy(pdf, tool.partition("-")[2] or "space")
                )
                (folder / "input.txt").write_bytes(data)
                write_json(folder / "expected" / "records.json", expected)
            manifest[case.name]["texts"] = list(TEXTS)
        write_manifest(root, manifest)
        (root / "README.md").write_text(README.format(name=name, use=USE[heldout]), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
