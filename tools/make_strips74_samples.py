"""Calc sheets printed in 2, 3 or 4 column strips (branch strips74: set XXXV's k01, a sheet four
pages wide, 0 rows read).

    python tools/make_strips74_samples.py                            # both sets
    python tools/make_strips74_samples.py --set office-strips74      # or heldout-strips74

A sheet wider than its page, printed at 100 % (not fitted to the width), prints its columns in
strips, the columns that fit one page each: "down, then over" (Calc's and Excel's default: every
page of the first strip, then every page of the next) or "over, then down" (each row page's
strips one after the other; openpyxl's ``page_setup.pageOrder``, which Calc honours from a
.xlsx).  Each case's column widths are chosen so that its columns fall into the strips its shape
names (each strip's columns fill 80–93 % of the room a page leaves beside the print-title
columns, and the next strip's first column is wider than what is left); print-title columns
("Columns to repeat": none, A, or A:B; No. and/or 変更日) printed on every strip; the label row
repeated as print titles or printed only on the first row page; a manual page break every 2–4
rows or none (rows broken where the page ends); cells that wrap.  The generator checks that
the PDF has strips × row pages pages.  ``office-strips74`` (tuning) draws from the tuning
tables with the shapes of ``TUNING``; ``heldout-strips74`` (measure only, never tune on it)
from the held-out tables with the shapes of ``HELDOUT``.
"""

from __future__ import annotations

import random
import subprocess
import sys
from functools import partial
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_extracol67_samples import printed_pdf
from make_office_samples import made_sets_main, spare_lines
from make_pdfs import LABELS

SETS = {"office-strips74": False, "heldout-strips74": True}
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
ROWS = (5, 10)
# A case's shape: (paper, orientation, page order, extra columns ("num" first, "remark" last),
# print-title columns ("" none, "A:A", "A:B"), the columns each later strip opens with, the label
# row repeated on every page, rows per page (0: no manual break)).
TUNING = {
    "a4p-over-4-ab": ("A4", "portrait", "overThenDown", ("num",), "A:B", (2, 3, 5), True, 3),
    "a4l-down-3": ("A4", "landscape", "downThenOver", (), "", (2, 4), True, 3),
    "a4p-over-3-a": ("A4", "portrait", "overThenDown", (), "A:A", (3, 5), True, 2),
    "a3l-down-4-num": ("A3", "landscape", "downThenOver", ("num",), "A:A", (2, 3, 4), True, 4),
    "a4l-over-2-ab": ("A4", "landscape", "overThenDown", ("num",), "A:B", (4,), True, 3),
    "a4p-down-4-bare": ("A4", "portrait", "downThenOver", ("remark",), "", (2, 3, 4), False, 3),
    "a4l-over-3-bare-a": ("A4", "landscape", "overThenDown", (), "A:A", (2, 4), False, 0),
    "a3p-down-3-ab": ("A3", "portrait", "downThenOver", ("num", "remark"), "A:B", (3, 5), True, 0),
}
HELDOUT = {
    "a4p-down-4-ab": ("A4", "portrait", "downThenOver", ("num",), "A:B", (2, 3, 5), True, 3),
    "a3l-over-4": ("A3", "landscape", "overThenDown", (), "", (2, 3, 4), True, 3),
    "a4l-down-3-num": ("A4", "landscape", "downThenOver", ("num", "remark"), "A:A", (3, 4), True, 2),
    "a4p-over-3-bare": ("A4", "portrait", "overThenDown", (), "", (2, 4), False, 3),
    "a4l-over-4-a": ("A4", "landscape", "overThenDown", (), "A:A", (2, 3, 4), True, 0),
    "a3p-down-2-ab": ("A3", "portrait", "downThenOver", ("num",), "A:B", (3,), True, 4),
}
TUNING_LABELS = {"num": "No.", "remark": "備考"}
HELDOUT_LABELS = {"num": "番号", "remark": "備考"}
REMARKS = ("", "", "別紙参照", "担当課確認済み", "第2回変更分")
# The printable width (cm) of each paper and orientation at Calc's margins for a .xlsx and one
# Excel width unit in cm as Calc prints it (measured on its rulings: make_widepage73_samples).
PRINTABLE_CM = {("A4", "portrait"): 17.2, ("A4", "landscape"): 25.9, ("A3", "portrait"): 25.9}
PRINTABLE_CM[("A3", "landscape")] = 38.2
UNIT_CM = 0.247
# Widths (Excel units) of the print-title columns; shares of a strip's room the others draw from.
TITLE_WIDTHS = {"num": 5.0, 0: 11.0}
SHARES = {"num": 0.06, 0: 0.14, 1: 0.3, 2: 0.35, 3: 0.35, 4: 0.14, 5: 0.4, "remark": 0.2}
# Each strip's columns fill this share of the room a page leaves beside the print titles: the
# next strip's first column must be wider than what is left (checked).
FILL = (0.8, 0.93)
# A strip's columns and the next one's first column together at least this share of the room
# (Calc's cell padding and rounding: a few per cent either way).
OVERFLOW = 1.08
RUNNING_HEAD = "特定個人情報保護評価書（全項目評価書）"


def _names(heldout: bool) -> list[str]:
    prefix = "hst74" if heldout else "st74"
    return [f"{prefix}-calc-{shape}" for shape in (HELDOUT if heldout else TUNING)]


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-strips74-{name}")
    shape = name.split("-", 2)[2]
    paper, orient, order, extras, titles, cuts, label_rows, per_page = (HELDOUT if heldout else TUNING)[shape]
    rows = _rows(rng, heldout, ROWS)
    labels = HELDOUT_LABELS if heldout else TUNING_LABELS
    columns = [c for c in ("num", 0, 1, 2, 3, 4, 5, "remark") if isinstance(c, int) or c in extras]
    n_titles = {"": 0, "A:A": 1, "A:B": 2}[titles]
    return {
        "maker": "calc",
        "shape": shape,
        "columns": columns,
        "labels": [LABELS[c] if isinstance(c, int) else labels[c] for c in columns],
        "paper": paper,
        "orientation": orient,
        "page_order": order,
        "title_columns": titles,
        "titles": columns[:n_titles],
        "cuts": list(cuts),
        "strips": len(cuts) + 1,
        "label_rows": label_rows,
        "rows_per_page": per_page,
        "remarks": [rng.choice(REMARKS) for _ in rows],
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice((9.5, 11.0) if heldout else (9.0, 10.0)),
        "fills": [round(rng.uniform(*FILL), 3) for _ in range(len(cuts) + 1)],
        "valign": rng.choice(("top", "center")),
        "page_numbers": rng.random() < 0.5,
    }


def _widths(look: dict) -> list[float]:
    """Excel widths: the print-title columns at ``TITLE_WIDTHS``, each strip's other columns
    filling its ``fills`` share of the room beside them by ``SHARES``; SystemExit when a strip's
    next column would fit on its page."""
    page = PRINTABLE_CM[(look["paper"], look["orientation"])] / UNIT_CM
    cols = look["columns"]
    titles = look["titles"]
    widths = {c: TITLE_WIDTHS[c] for c in titles}
    room = page - sum(widths.values())
    bounds = [0, *(cols.index(c) for c in look["cuts"]), len(cols)]
    strips = [[c for c in cols[a:b] if c not in titles] for a, b in pairwise(bounds)]
    for strip, fill in zip(strips, look["fills"], strict=True):
        total = sum(SHARES[c] for c in strip)
        widths.update({c: SHARES[c] / total * room * fill for c in strip})
    for strip, nxt in pairwise(strips):
        # The next strip's first column widened to overflow this strip's page (its other
        # columns narrowed to keep the next strip within its own).
        need = room * OVERFLOW - sum(widths[c] for c in strip)
        if widths[nxt[0]] < need:
            rest = list(nxt[1:])
            spare = room * FILL[1] - need
            if (rest and spare <= 0) or (not rest and need > room * FILL[1]):
                raise SystemExit(f"{look['shape']}: no widths put {nxt[0]} on a page of its own")
            widths[nxt[0]] = need
            if rest and sum(widths[c] for c in rest) > spare:
                scale = spare / sum(widths[c] for c in rest)
                widths.update({c: widths[c] * scale for c in rest})
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
    """The sheet: a title, the label row (print titles or not), wrapped bordered cells, a manual
    break every ``rows_per_page`` rows (or none), printed at 100 % in the look's page order with
    its print-title columns."""
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
        if look["rows_per_page"] and i and i % look["rows_per_page"] == 0:
            ws.row_breaks.append(Break(id=2 + i))
    for j, w in enumerate(_widths(look), 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    if look["label_rows"]:
        ws.print_title_rows = "2:2"
    if look["title_columns"]:
        ws.print_title_cols = look["title_columns"]
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
    """The case's PDF; SystemExit unless its page count is a multiple of its strips."""
    pdf = printed_pdf(name, look, work, write_xlsx, write_xlsx)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    if pages % look["strips"]:
        raise SystemExit(f"{name}: {pages} pages for {look['strips']} strips")
    return pdf


README = """# {name}: sheets printed in 2, 3 or 4 column strips (branch strips74)

LibreOffice Calc sheets printed at 100 % (not fitted to the page's width) on A4 / A3, portrait /
landscape, their columns in 2, 3 or 4 strips of a page each, "down, then over" (every page of
the first strip, then every page of the next) or "over, then down" (each row page's strips one
after the other); print-title columns (none, A, or A:B: No. / 番号 and 変更日 repeated on every
strip); the label row repeated on every page or printed on the first row page only; a manual
page break every 2–4 rows or none; cells that wrap.  The extra columns (No. / 番号, 備考) are no
field: the truth (`expected/records.json`) is the six fields as written.  Each case is the PDF
and 7 texts; each case's shape (strips, cuts, page order, print titles) in `cases.json`.

`samples/office-strips74` (tuning) and `samples/heldout-strips74` (held out: measure on it,
never tune on it; other shapes, tables, fonts and sizes).

    python tools/make_strips74_samples.py
    python tools/eval_office.py samples/office-strips74 samples/heldout-strips74
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    cases = partial(x62.made_cases, names=_names, look_of=_look, pdf_of=_pdf, programs=PROGRAMS)
    return made_sets_main(argv, __doc__, SETS, cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
