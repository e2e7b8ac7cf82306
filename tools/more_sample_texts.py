"""Write pdfplumber, pypdf and PyMuPDF texts beside the PDF cases of a sample set (branch carry53).

    PYTHON tools/more_sample_texts.py samples/office-carry53 [samples/heldout-carry53 ...]

For each case folder holding ``input.pdf`` and ``expected/records.json``, writes
``<case>-pdfplumber``, ``<case>-pypdf`` and ``<case>-pymupdf`` folders with ``input.txt`` (each
page's text joined by form feeds: ``page.extract_text()``, ``page.extract_text()``,
``page.get_text("text")``, as set XIV's inputs were made, /work/newuser52/make_inputs.py) and the
case's expected records.  pypdf and PyMuPDF are no dependency of piatable: run this with a
Python that has them (``pip install pdfplumber pypdf pymupdf`` in a scratch venv).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def _texts(pdf: Path) -> dict[str, str]:
    import pdfplumber
    import pymupdf
    import pypdf

    with pdfplumber.open(str(pdf)) as doc:
        plumber = "\f".join(page.extract_text() or "" for page in doc.pages)
    reader = pypdf.PdfReader(str(pdf))
    mu = pymupdf.open(str(pdf))
    try:
        muxt = "\f".join(page.get_text("text") for page in mu)
    finally:
        mu.close()
    return {
        "pdfplumber": plumber,
        "pypdf": "\f".join(page.extract_text() for page in reader.pages),
        "pymupdf": muxt,
    }


def write_texts(root: Path) -> None:
    for case in sorted(p for p in root.iterdir() if (p / "input.pdf").exists()):
        for tool, text in _texts(case / "input.pdf").items():
            folder = root / f"{case.name}-{tool}"
            (folder / "expected").mkdir(parents=True, exist_ok=True)
            (folder / "input.txt").write_text(text, "utf-8")
            shutil.copy(case / "expected" / "records.json", folder / "expected" / "records.json")


def main(argv: list[str] | None = None) -> int:
    for name in argv if argv is not None else sys.argv[1:]:
        write_texts(Path(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
