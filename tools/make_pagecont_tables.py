"""Tables continued on the next page without a repeated label row and without inner vertical
rulings (issue 11, branch pagecont18).

    python tools/make_pagecont_tables.py --set office-pagecont18 --set heldout-pagecont18

A Writer table (.docx, python-docx) or a Calc sheet (.xlsx, openpyxl) long enough to run over
two or three pages, whose label row is NOT repeated on the next page, ruled in one of three
ways: horizontal rules between rows only (``hrules``), horizontal rules plus the table's outer
box with no inner verticals (``box``), or no rulings at all (``none``).  Calc sheets put a
manual page break after a row drawn at random (and let the rest break where it falls); Writer
lets a row break over the page.  Fonts, sizes, orientation, vertical alignment and title line
are drawn as in ``tools/make_outsider_tables.py``.  Each case is the PDF with its truth
(``expected/records.json``, the rows as written); settings per case in ``cases.json``.

``samples/office-pagecont18`` draws from the tuning tables (tune on it);
``samples/heldout-pagecont18`` from ``samples/heldout/tables`` (measure on it only).
Measured by ``python tools/eval_office.py samples/office-pagecont18 samples/heldout-pagecont18``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_outsider_tables as mo

RULINGS = ("hrules", "box", "none")
# Rows per case: enough, at 10–12 pt, to run over a page break.
ROWS = (14, 22)
SIZES = (9.0, 10.0, 10.5, 11.0, 12.0)
README = """# {name}: tables continued on the next page with no label row and no inner verticals

Writer (.docx) and Calc (.xlsx) amendment tables of 14–22 rows in 9–12 pt, the label row not
repeated on the next page, ruled with horizontal rules only (`hrules`), horizontal rules and the
outer box (`box`) or nothing (`none`); Calc sheets have a manual page break.  Each case is the
LibreOffice PDF with its truth.  Settings per case: `cases.json`; the ruling of each case:
`rulings.json`.

Made by `python tools/make_pagecont_tables.py --set {name}`; measured by
`python tools/eval_office.py samples/{name}`.

Only the PDFs tests/test_page_continued.py reads are committed (75–140 KB each); the tool makes
the others again.
"""


def cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> tuple[list[mo.Case], dict[str, str]]:
    """``n`` cases (Calc and Writer alternating) and the ruling of each (by case name)."""
    rng = random.Random(seed + 18)
    drawn = mo.draw_cases(
        prefix,
        pools,
        n,
        seed,
        titles=(*mo.TITLES, ""),
        valigns=mo.VALIGNS,
        rows_per_case=ROWS,
        sizes=SIZES,
    )
    # The first six cases take each ruling with Calc and Writer; the rest draw one.
    rulings = {
        c.name: RULINGS[k // 2 % len(RULINGS)] if k < 6 else rng.choice(RULINGS) for k, c in enumerate(drawn)
    }
    return drawn, rulings


def _docx_borders(path: Path, ruling: str) -> None:
    """Replace the Table Grid borders of the .docx at ``path`` by ``ruling``'s and drop the
    repeated label row."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(str(path))
    for table in doc.tables:
        tblpr = table._tbl.tblPr
        for old in tblpr.findall(qn("w:tblBorders")):
            tblpr.remove(old)
        borders = tblpr.makeelement(qn("w:tblBorders"), {})
        edges = {"hrules": ("top", "bottom", "insideH"), "box": ("top", "left", "bottom", "right", "insideH")}
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            on = edge in edges.get(ruling, ())
            attrs = {qn("w:val"): "single" if on else "nil"}
            if on:
                attrs.update({qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "000000"})
            borders.append(borders.makeelement(qn(f"w:{edge}"), attrs))
        tblpr.append(borders)
        for tr in table._tbl.tr_lst:
            trpr = tr.trPr
            if trpr is not None:
                for h in trpr.findall(qn("w:tblHeader")):
                    trpr.remove(h)
    doc.save(str(path))


def _xlsx_borders(path: Path, ruling: str, break_after: int) -> None:
    """Cells of the .xlsx at ``path`` ruled only at their foot (``hrules``), with the outer box
    (``box``) or not at all (``none``); no repeated title row; a manual page break after sheet
    row ``break_after``."""
    from openpyxl import load_workbook
    from openpyxl.styles import Border, Side
    from openpyxl.worksheet.pagebreak import Break

    wb = load_workbook(path)
    ws = wb.active
    thin = Side(style="thin")
    # The label row: the first with borders (a title line above it has none).
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).border.top.style)
    last_col = ws.max_column
    for row in ws.iter_rows(min_row=first):
        for c in row:
            if ruling == "none":
                c.border = Border()
                continue
            left = thin if ruling == "box" and c.column == 1 else None
            right = thin if ruling == "box" and c.column == last_col else None
            top = thin if c.row == first else None
            c.border = Border(left=left, right=right, top=top, bottom=thin)
    ws._print_rows = None  # the label row is not repeated (openpyxl has no public way)
    ws.row_breaks.append(Break(id=break_after))
    wb.save(path)


def build(root: Path, drawn: list[mo.Case], rulings: dict[str, str], seed: int) -> None:
    """``mo.build`` with each case re-ruled after it is written."""
    rng = random.Random(seed)
    write_xlsx, write_docx = mo.write_xlsx, mo.write_docx

    def xlsx(path: Path, case: mo.Case, extra: float) -> None:
        write_xlsx(path, case, extra)
        n = len(case.rows)
        _xlsx_borders(path, rulings[case.name], rng.randint(max(2, n // 3), max(2, n - 2)))

    def docx(path: Path, case: mo.Case) -> None:
        write_docx(path, case)
        _docx_borders(path, rulings[case.name])

    mo.write_xlsx, mo.write_docx = xlsx, docx
    try:
        mo.build(root, drawn, tools=(), keep_pdf=True, readme=README)
    finally:
        mo.write_xlsx, mo.write_docx = write_xlsx, write_docx
    mo._write_json(root / "rulings.json", rulings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("office-pagecont18", "heldout-pagecont18"), action="append")
    ns = ap.parse_args(argv)
    sets = ns.set or ["office-pagecont18", "heldout-pagecont18"]
    if "office-pagecont18" in sets:
        drawn, rulings = cases("pc18", mo.TUNING_POOLS, 10, 1818)
        build(mo.SAMPLES / "office-pagecont18", drawn, rulings, 1818)
    if "heldout-pagecont18" in sets:
        drawn, rulings = cases("hpc18", mo.HELDOUT_POOLS, 8, 2818)
        build(mo.SAMPLES / "heldout-pagecont18", drawn, rulings, 2818)
    return 0


if __name__ == "__main__":
    sys.exit(main())
