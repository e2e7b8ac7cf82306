"""A table that runs on in the right half of the same page: Writer pages in two or three text
columns (a section with ``w:cols``), the label row repeated atop each column (branch halves67).

    python tools/make_halves67_samples.py                            # both sets
    python tools/make_halves67_samples.py --set office-halves67      # or heldout-halves67

Set XXVIII's t03 (Writer, an A3 landscape sheet in a two-column section, 15 rows, 提出時期 so
narrow that 事後 wraps to 事 / 後) was read 0 of 15 rows right from its PDF and 0–2 from the
texts that keep columns side by side (``pdftotext -layout`` and its like).  Each case here is a
Writer table (python-docx, rows free to break, the label row repeated) on a landscape page set
in text columns (``COLUMNS``: A3 in 2, A4 in 2, A3 in 3), the table's widths filling one column,
提出時期 narrow (one character a line) in some, a few cells made tall so that a row breaks at
the column break; LibreOffice fills the left column, then the next, as t03's maker did.  The
truth is the six fields as written.  ``office-halves67`` (tuning) and ``heldout-halves67``
(measure only, never tune on it) draw from their own pool tables, seeds, fonts, sizes, widths
and column gaps.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

SETS = {"office-halves67": False, "heldout-halves67": True}
# (pdfplumber's flattened text is left out: it reads 0 rows of such a page, as of set XXVIII's t03,
# and a sample must give rows: tests/test_conservation.py.)
TEXTS = (
    "pypdfium2",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdfminer",
    "pdfplumber-layout",
    "pypdf",
    "pypdf-layout",
    "pymupdf",
    "pymupdf-sort",
)
ROWS = (16, 22)
# (paper, text columns, gap between the columns in cm) of each case, in turn.
TUNING_LAYOUTS = (("A3", 2, 1.25), ("A4", 2, 1.0), ("A3", 2, 0.8), ("A3", 3, 1.0))
HELDOUT_LAYOUTS = (("A3", 2, 1.0), ("A4", 2, 1.25), ("A3", 3, 0.8))
PAPER_CM = {"A3": (42.0, 29.7), "A4": (29.7, 21.0)}
MARGIN_CM = 1.5
# Column shares of one text column's width (変更日, 項目, 変更前, 変更後, 提出時期, 説明); the narrow
# 提出時期 ones print one character a line (t03).
TUNING_SHARES = ((0.10, 0.19, 0.25, 0.25, 0.05, 0.16), (0.11, 0.20, 0.23, 0.23, 0.08, 0.15))
HELDOUT_SHARES = ((0.09, 0.20, 0.24, 0.24, 0.05, 0.18), (0.12, 0.19, 0.24, 0.24, 0.07, 0.14))
# The 変更日 column is at least this wide (cm): narrower, its label wraps to 変更 / 日, a fault of
# its own (a single table reads it no better: its columns are taken out of order).
MIN_DATE_CM = 1.5
# Font sizes by paper (an A4 sheet in two columns prints small).
SIZES = {"A3": (8.0, 9.0), "A4": (6.5, 7.0)}
# Rows made tall (their before / after cells doubled) so that one may break at the column break.
TALL_ROWS = (3, 5)

# The page layout of each case by name, applied after ``office.write_docx`` wrote it.
_LAYOUT: dict[str, tuple[str, int, float]] = {}


def _write_docx(path: Path, case: Case) -> None:
    """``office.write_docx``, then the section set on its case's paper in text columns."""
    _original_write_docx(path, case)
    if case.name not in _LAYOUT:
        return
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm

    paper, ncols, gap = _LAYOUT[case.name]
    doc = Document(str(path))
    sec = doc.sections[0]
    w, h = PAPER_CM[paper]
    sec.page_width, sec.page_height = Cm(w), Cm(h)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(MARGIN_CM)
    sect = sec._sectPr
    for old in sect.findall(qn("w:cols")):
        sect.remove(old)
    cols = sect.makeelement(qn("w:cols"), {qn("w:num"): str(ncols), qn("w:space"): str(int(gap * 567))})
    sect.append(cols)
    doc.save(str(path))


_original_write_docx = office.write_docx
office.write_docx = _write_docx


def column_cm(paper: str, ncols: int, gap: float) -> float:
    """The width of one text column (cm)."""
    return (PAPER_CM[paper][0] - 2 * MARGIN_CM - (ncols - 1) * gap) / ncols


def _tall(rows: list[dict], rng: random.Random) -> list[dict]:
    """A few rows with before and after cells twice as long (the text said again, a new line)."""
    out = [dict(r) for r in rows]
    usable = [k for k, r in enumerate(out) if r["before"] and r["after"]]
    for k in rng.sample(usable, min(len(usable), rng.randint(*TALL_ROWS))):
        out[k]["before"] += "\n" + out[k]["before"]
        out[k]["after"] += "\n" + out[k]["after"]
    return out


def make_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """A case: ``ROWS`` rows of the pool table on a page in text columns."""
    rng = random.Random(f"piatable-halves67-{name}")
    layouts = HELDOUT_LAYOUTS if heldout else TUNING_LAYOUTS
    paper, ncols, gap = layouts[k % len(layouts)]
    n = rng.randint(*ROWS)
    start = rng.randrange(max(len(table) - n, 0) + 1)
    rows = _tall(table[start : start + n], rng)
    case = office.plain_case(name, rows, "writer", heldout=heldout)
    width = column_cm(paper, ncols, gap) - 0.2
    shares = rng.choice(HELDOUT_SHARES if heldout else TUNING_SHARES)
    _LAYOUT[name] = (paper, ncols, gap)
    widths = [s * width for s in shares]
    more = max(0.0, MIN_DATE_CM - widths[0])
    widths[0] += more
    widths[2] -= more / 2
    widths[3] -= more / 2
    return replace(
        case,
        widths=tuple(round(w, 2) for w in widths),
        size=rng.choice(SIZES[paper]),
        repeat_header=True,
        merge=False,
        valign="top",
    )


def cases(heldout: bool) -> list[Case]:
    """One case per layout, their pool rows taken in turn from ``office._four_tables`` (a case's
    rows from its table and on into the next ones)."""
    tables = office._four_tables(heldout)
    out = []
    for k in range(len(HELDOUT_LAYOUTS if heldout else TUNING_LAYOUTS)):
        tname, _ = tables[(k + 1) % len(tables)]
        # This table's rows, then the others' in turn: enough rows to fill more than a column.
        table = [
            r
            for j in range(len(tables))
            for r in office._printable(office.load_table(tables[(k + 1 + j) % len(tables)][1]))
        ]
        out.append(make_case(f"{'h' if heldout else ''}hv67-{tname}-{k + 1}", table, heldout, k))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    import shutil
    import tempfile

    root = office.SAMPLES / name
    made_cases = cases(SETS[name])
    with tempfile.TemporaryDirectory() as tmp:
        made = office.render(made_cases, Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            paper, ncols, gap = _LAYOUT[case.name]
            manifest[case.name] = office.write_case_with_texts(root, case, pdf, expected, TEXTS) | {
                "paper": paper,
                "text_columns": ncols,
                "column_gap_cm": gap,
            }
            pages = manifest[case.name]["pages"]
            print(f"{name}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-halves67": "# office-halves67 (tuning)\n\nWriter tables (python-docx) on landscape pages set in"
    " text columns (A3 in 2, A4 in 2, A3 in 3: a section's `w:cols`), the label row repeated atop each"
    " column, the table running on in the right half of the same page, some rows broken at the column"
    " break and 提出時期 narrow (事 / 後 a character a line) in some; their PDFs and texts (pypdfium2,"
    " pdftotext -raw / -layout, pdfminer, pdfplumber's layout, pypdf and its layout, PyMuPDF and"
    " its sort), made by `tools/make_halves67_samples.py`.\n",
    "heldout-halves67": "# heldout-halves67 (held out)\n\nAs office-halves67, from the held-out pool"
    " tables, seeds, fonts, sizes, widths and column gaps, made by `tools/make_halves67_samples.py`."
    " Measure on it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
