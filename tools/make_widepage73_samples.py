"""Calc sheets wider than the paper (printed at 100 %, not fitted to the width): the columns that
do not fit printed on later pages, in both page orders, on A4 / A3, portrait / landscape, with 6–8
columns (a No. column first, a 備考 column last), the label row repeated as print titles and
sometimes a print-title column (the No. or 変更日 column repeated on every page), a manual page
break every 2–4 rows and a running head naming the form (特定個人情報保護評価書（全項目評価書）), as
set XXXIV's n10 printed its table (branch widepage73).

    python tools/make_widepage73_samples.py                             # both sets
    python tools/make_widepage73_samples.py --set office-widepage73     # or heldout-widepage73

Each case's columns are widened so that the sheet's first columns fill most of the page's
printable width and the rest (提出時期 / 説明 / 備考, sometimes 変更後 too) print on pages of their
own: "down, then over" (Calc's and Excel's default: every page of the first columns, then every
page of the last ones) or "over, then down" (each page's columns one after the other).  Each case
keeps its PDF and the texts of ``TEXTS``.  ``office-widepage73`` (tuning) draws from the tuning
tables with the shapes of ``TUNING``; ``heldout-widepage73`` (measure only, never tune on it) from
the held-out tables with the shapes of ``HELDOUT``.
"""

from __future__ import annotations

import random
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_extracol67_samples import printed_pdf
from make_office_samples import made_sets_main, spare_lines
from make_pdfs import LABELS

SETS = {"office-widepage73": False, "heldout-widepage73": True}
TEXTS = (
    "pdftotext-layout",
    "pdftotext-layout-cp932",
    "pdfplumber-layout",
    "pypdf-layout",
    "pypdfium2",
    "pdftotext-raw",
    "pdfminer",
)
PROGRAMS = {"calc": "LibreOffice Calc"}
ROWS = (6, 11)
# A case's shape: (paper, orientation, page order, extra columns ("num" first, "remark" last),
# print-title column ("" none, "A" the first column), the field the last strip opens with
# (4 提出時期, 3 変更後), rows per page).
TUNING = {
    "a4l-down": ("A4", "landscape", "downThenOver", (), "", 4, 3),
    "a4p-over": ("A4", "portrait", "overThenDown", (), "", 4, 2),
    "a3l-down-num": ("A3", "landscape", "downThenOver", ("num",), "", 4, 4),
    "a4l-down-datecol": ("A4", "landscape", "downThenOver", (), "A", 4, 3),
    "a3p-over-numcol": ("A3", "portrait", "overThenDown", ("num", "remark"), "A", 4, 3),
    "a4l-down-after": ("A4", "landscape", "downThenOver", ("remark",), "", 3, 2),
}
HELDOUT = {
    "a3l-over": ("A3", "landscape", "overThenDown", (), "", 4, 3),
    "a4p-down-remark": ("A4", "portrait", "downThenOver", ("remark",), "", 4, 2),
    "a4l-over-numcol": ("A4", "landscape", "overThenDown", ("num",), "A", 4, 4),
    "a3p-down-datecol": ("A3", "portrait", "downThenOver", ("remark",), "A", 4, 3),
    "a4l-over-after-num": ("A4", "landscape", "overThenDown", ("num", "remark"), "", 3, 3),
}
TUNING_LABELS = {"num": "No.", "remark": "備考"}
HELDOUT_LABELS = {"num": "番号", "remark": "備考"}
REMARKS = ("", "", "別紙参照", "担当課確認済み", "第2回変更分")
# The printable width (cm) of each paper and orientation at Calc's margins for a .xlsx (0.75 in
# left and right) and one Excel width unit in cm as Calc prints it (measured on its rulings).
PRINTABLE_CM = {("A4", "portrait"): 17.2, ("A4", "landscape"): 25.9, ("A3", "portrait"): 25.9}
PRINTABLE_CM[("A3", "landscape")] = 38.2
UNIT_CM = 0.247
# Shares of the first strip's width (date, item, before, after; No. beside them) and of the
# last's (timing, explanation, remark) each case draws from.
FIRST_SHARES = {"num": 0.05, 0: 0.12, 1: 0.25, 2: 0.29, 3: 0.29}
LAST_SHARES = {3: 0.4, 4: 0.12, 5: 0.4, "remark": 0.18}
RUNNING_HEAD = "特定個人情報保護評価書（全項目評価書）"


def _names(heldout: bool) -> list[str]:
    prefix = "hwp73" if heldout else "wp73"
    return [f"{prefix}-calc-{shape}" for shape in (HELDOUT if heldout else TUNING)]


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-widepage73-{name}")
    shape = name.split("-", 2)[2]
    paper, orient, order, extras, title_col, cut, per_page = (HELDOUT if heldout else TUNING)[shape]
    rows = _rows(rng, heldout, ROWS)
    labels = HELDOUT_LABELS if heldout else TUNING_LABELS
    columns = [c for c in ("num", 0, 1, 2, 3, 4, 5, "remark") if isinstance(c, int) or c in extras]
    return {
        "maker": "calc",
        "shape": shape,
        "columns": columns,
        "labels": [LABELS[c] if isinstance(c, int) else labels[c] for c in columns],
        "paper": paper,
        "orientation": orient,
        "page_order": order,
        "title_column": title_col,
        "cut": cut,
        "rows_per_page": per_page,
        "remarks": [rng.choice(REMARKS) for _ in rows],
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice((9.5, 11.0) if heldout else (9.0, 10.0)),
        "fill": rng.uniform(0.86, 0.95),
        "valign": rng.choice(("top", "center")),
        "page_numbers": rng.random() < 0.5,
    }


def _widths(look: dict) -> list[float]:
    """Excel widths: the columns before the cut fill ``fill`` of the printable width, those from
    it (with the print-title column repeated beside them) fit in what is left of a page."""
    page = PRINTABLE_CM[(look["paper"], look["orientation"])] / UNIT_CM
    cols = look["columns"]
    at = cols.index(look["cut"])
    first = cols[:at]
    last = cols[at:]
    total = sum(FIRST_SHARES[c] for c in first)
    widths = {c: FIRST_SHARES[c] / total * page * look["fill"] for c in first}
    lead = widths[cols[0]] if look["title_column"] else 0.0
    room = (page - lead) * 0.85
    total = sum(LAST_SHARES[c] for c in last)
    widths.update({c: LAST_SHARES[c] / total * room for c in last})
    return [round(widths[c], 1) for c in cols]


def _cells(look: dict, i: int) -> list[str]:
    r = look["rows"][i]
    out = []
    for c in look["columns"]:
        if c == "num":
            out.append(str(i + 1))
        elif c == "remark":
            out.append(look["remarks"][i])
        else:
            out.append(str(r[x62.FIELDS[c]]))
    return out


def write_xlsx(path: Path, look: dict) -> None:
    """The sheet: a title, the label row (print titles), wrapped bordered cells, a manual break
    every ``rows_per_page`` rows, printed at 100 % on the look's paper in its page order."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=look["font"], size=look["size"])
    ws.cell(1, 1, "（別添３）変更箇所").font = font
    for j, label in enumerate(look["labels"], 1):
        c = ws.cell(2, j, label)
        c.font, c.border = font, border
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i in range(len(look["rows"])):
        for j, (col, text) in enumerate(zip(look["columns"], _cells(look, i), strict=True), 1):
            short = col in (0, 4, "num", "remark")
            if text and not short:
                text += spare_lines(text)
            c = ws.cell(3 + i, j, text or None)
            c.font, c.border = font, border
            c.alignment = Alignment(
                horizontal="center" if col in (0, 4, "num") else "left",
                vertical=look["valign"],
                wrap_text=True,
            )
        if i and i % look["rows_per_page"] == 0:
            ws.row_breaks.append(Break(id=2 + i))
    for j, w in enumerate(_widths(look), 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.print_title_rows = "2:2"
    if look["title_column"]:
        ws.print_title_cols = f"{look['title_column']}:{look['title_column']}"
    ws.oddHeader.right.text = RUNNING_HEAD
    if look["page_numbers"]:
        ws.oddFooter.center.text = "&P / &N"
    ws.page_setup.orientation = look["orientation"]
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if look["paper"] == "A3" else ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.pageOrder = look["page_order"]
    wb.save(path)


def _pdf(name: str, look: dict, work: Path) -> Path:
    return printed_pdf(name, look, work, write_xlsx, write_xlsx)


README = """# {name}: sheets wider than the paper, their last columns on later pages (branch widepage73)

LibreOffice Calc sheets printed at 100 % (not fitted to the page's width) on A4 / A3, portrait /
landscape: the first columns (No., 変更日, 項目, 変更前, sometimes 変更後) on the first pages and
the rest (変更後, 提出時期, 説明, 備考) on pages of their own, "down, then over" (every page of the
first columns, then every page of the last) or "over, then down" (each page's columns one after
the other); the label row repeated as print titles, in some cases the first column (No. or
変更日) repeated as a print-title column; a manual page break every 2–4 rows; the running head
特定個人情報保護評価書（全項目評価書）.  The extra columns are no field: the truth
(`expected/records.json`) is the six fields as written.  Each case is the PDF and 7 texts; each
case's shape in `cases.json`.

`samples/office-widepage73` (tuning) and `samples/heldout-widepage73` (held out: measure on it,
never tune on it; other shapes, tables, fonts and sizes).

    python tools/make_widepage73_samples.py
    python tools/eval_office.py samples/office-widepage73 samples/heldout-widepage73
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default, each case by ``make_extracols62``'s
    ``made_cases`` from this tool's names, looks and PDFs); 0."""
    cases = partial(x62.made_cases, names=_names, look_of=_look, pdf_of=_pdf, programs=PROGRAMS)
    return made_sets_main(argv, __doc__, SETS, cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
