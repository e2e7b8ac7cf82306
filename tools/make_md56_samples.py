"""Markdown and CSV texts of committed sample PDFs (issues 10, 12; branch md56).

    PY=/path/to/python-with-pymupdf4llm  # pymupdf4llm and pdfplumber importable
    $PY tools/make_md56_samples.py                 # both sets
    $PY tools/make_md56_samples.py --set office-md56

Two ways users hand a PDF's table to other software as text, each keeping the cells whole:

* ``pymupdf4llm-md``: ``pymupdf4llm.to_markdown(pdf)`` (pipe tables, ``<br>`` in cells), saved
  as ``input.md``;
* ``pdfplumber-tables-csv``: every page's ``pdfplumber`` ``extract_tables()`` (the text strategy
  where no table is found), each row written by ``csv.writer``, saved as ``input.csv``.

The PDFs are committed LibreOffice Calc / Writer / Gnumeric / AbiWord / Chromium samples of other
sets (``SOURCES``): each case folder ``<case>-<tool>`` holds the text and the PDF's
``expected/records.json``.  ``office-md56`` (tuning) from ``office-*`` PDFs, ``heldout-md56``
(measure only, never tune on it) from ``heldout-*`` PDFs.  No piatable import: run it with any
Python that has pymupdf4llm and pdfplumber.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# (set folder, case) of the PDFs each set is made of: merged 変更日 / 項目 cells, rows broken
# over pages, label rows repeated per page, 番号 and 備考 columns, Calc, Writer, Gnumeric,
# AbiWord and Chromium (not numcol19's: its truth has no page_start / page_end).
SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "office-md56": (
        ("office-merged56", "m56-ch-1"),
        ("office-merged56", "m56-va-juki"),
        ("office-newline56", "nl56-cityhead-juki-v1"),
        ("office-newline56", "nl56-writerhead-municipal-v4"),
        ("office-pagebreak", "writer-break-kokuho"),
        ("office-bikou55", "b55-calc-both"),
        ("office-carry53", "c53-mg-gnumeric-municipal"),
    ),
    "heldout-md56": (
        ("heldout-merged56", "hm56-tall-jidou_teate"),
        ("heldout-newline56", "hnl56-narrow-kaigo_hoken-v2"),
        ("heldout-pagebreak", "writer-break-yobou_sesshu"),
        ("heldout-bikou55", "hb55-chromium-both"),
        ("heldout-carry53", "hc53-mg-abiword-jidou_teate"),
        ("heldout-calc52", "hc52-calc-merged"),
    ),
}


def markdown(pdf: Path) -> str:
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(pdf))


def plumber_csv(pdf: Path) -> str:
    import pdfplumber

    buf = io.StringIO()
    writer = csv.writer(buf)
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            tables = page.extract_tables() or page.extract_tables(
                {"vertical_strategy": "text", "horizontal_strategy": "text"}
            )
            for table in tables:
                for row in table:
                    writer.writerow(["" if c is None else c for c in row])
    return buf.getvalue()


TOOLS = (("pymupdf4llm-md", "input.md", markdown), ("pdfplumber-tables-csv", "input.csv", plumber_csv))


README = {
    "office-md56": "# office-md56 (tuning)\n\nMarkdown (pymupdf4llm) and CSV (pdfplumber extract_tables)"
    " texts of committed office PDFs, made by `tools/make_md56_samples.py`; each case's PDF beside them.\n",
    "heldout-md56": "# heldout-md56 (held out)\n\nMarkdown (pymupdf4llm) and CSV (pdfplumber extract_tables)"
    " texts of committed held-out PDFs, made by `tools/make_md56_samples.py`. Measure on it, never tune"
    " on it.\n",
}


def build(name: str) -> None:
    root = SAMPLES / name
    if root.exists():
        shutil.rmtree(root)
    cases: dict[str, dict] = {}
    for source, case in SOURCES[name]:
        src = SAMPLES / source / case
        (root / case / "expected").mkdir(parents=True)  # the PDF itself, as every set keeps it
        shutil.copy(src / "input.pdf", root / case / "input.pdf")
        shutil.copy(src / "expected" / "records.json", root / case / "expected" / "records.json")
        cases[case] = {"pdf": f"samples/{source}/{case}/input.pdf", "tool": "pdf"}
        for tool, file, make in TOOLS:
            out = root / f"{case}-{tool}"
            (out / "expected").mkdir(parents=True)
            (out / file).write_text(make(src / "input.pdf"), encoding="utf-8")
            shutil.copy(src / "expected" / "records.json", out / "expected" / "records.json")
            cases[out.name] = {"pdf": f"samples/{source}/{case}/input.pdf", "tool": tool}
    (root / "README.md").write_text(README[name], encoding="utf-8")
    (root / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=list(SOURCES), action="append")
    ns = ap.parse_args(argv)
    for name in ns.set or list(SOURCES):
        build(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
