"""Two amendment tables side by side or stacked on one page, each under its own caption, and a
項目 printed over two sub-columns with a sub-label row, by LibreOffice Writer and Calc (branch
sidebyside71).

    python tools/make_sidebyside71_samples.py                               # both sets
    python tools/make_sidebyside71_samples.py --set office-sidebyside71     # or heldout-sidebyside71

Set XXXII's u10 (Writer, landscape, （その１） and （その２） each a whole six-column table nested in a
borderless 1×2 layout table, 6.5 pt) was read left table only from its PDF (6 of 12 rows, a word
count the only note) and its row-ordered texts glued （その２） to the left table's last
explanation, unwarned.  Its u01 (項目 printed over 評価書の項目 | 細目 under a spanning 項目 label)
gave two extra empty rows from the PDF, one per page's sub-label row.  The kinds here:

- ``w-side``: Writer, landscape, a borderless 1×2 table whose cells hold a caption and a ruled
  amendment table each (cell padding drawn per case: the gutter between the tables);
- ``c-side``: Calc, landscape, two tables in one sheet, one narrow blank column between, a
  caption row above each label row (the rows of both tables share the sheet's row heights);
- ``w-stack`` / ``c-stack``: two tables one under the other on one page, the second under a
  caption alone (（その２）, 【表２】, （続き） …: no title line between);
- ``w-sub`` / ``c-sub``: one table whose 項目 is printed over two ruled columns (the section
  heading | the rest of the path) under a spanning 項目 label, a sub-label row under it
  (評価書の項目 / 細目, 大項目 / 小項目 …), its label rows repeated on each page.

The truth is the six fields as written, the left (or upper) table's rows first.  Side and stack
cases keep their row-ordered texts (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF); sub-label
cases their PDF only.  ``office-sidebyside71`` (tuning) and ``heldout-sidebyside71`` (measure
only, never tune on it) draw their captions, sub-labels, rows, fonts, sizes and paddings from
their own pools.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_office_samples import SIX, Case, printed_rows

SETS = {"office-sidebyside71": False, "heldout-sidebyside71": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf")
TUNING_PLAN = ("w-side", "w-side", "c-side", "c-side", "w-stack", "c-stack", "w-sub", "c-sub")
HELDOUT_PLAN = ("w-side", "c-side", "w-stack", "c-stack", "w-sub", "c-sub")
TUNING_CAPTIONS = (("（その１）", "（その２）"), ("【表１】", "【表２】"), ("（その1）", "（続き）"))
HELDOUT_CAPTIONS = (("表１", "表２"), ("（１／２）", "（２／２）"), ("〔その１〕", "〔その２〕"))
TUNING_SUBLABELS = (("評価書の項目", "細目"), ("大項目", "小項目"), ("様式の項目", "細目"))
HELDOUT_SUBLABELS = (("評価書項目", "細目"), ("大項目", "中項目・小項目"))
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAGothic", "IPAPMincho")
# Glyph sizes (pt) of side-by-side tables (half a landscape page each) and of the others.
SIDE_SIZES = {False: (6.5, 7.0, 7.5), True: (6.5, 7.0)}
SIZES = {False: (8.0, 9.0), True: (8.5, 9.5)}
# Rows per table (side / stack) and per sub-label table.
ROWS_PER_TABLE = (3, 5)
SUB_ROWS = (8, 12)
# A side / stack row's cells hold at most this many characters in all (two tables on a page).
SHORT_ROW_CHARS = 140
# Writer's cell padding (cm) in the layout table: the gutter between the side-by-side tables.
PADDINGS = {False: (0.05, 0.1, 0.19), True: (0.08, 0.15)}
# Calc's blank column between side-by-side tables (character widths).
GAP_CHARS = {False: (0.6, 1.5), True: (1.5,)}
# Column shares (変更日, 項目, 変更前, 変更後, 提出時期, 説明).
SHARES = (0.12, 0.22, 0.22, 0.22, 0.07, 0.15)
LANDSCAPE_CM, PORTRAIT_CM = (29.7, 21.0), (21.0, 29.7)
MARGIN_CM = 1.5


def _look(name: str, kind: str, heldout: bool) -> dict:
    """A case's rows and look, drawn by an RNG seeded with its name."""
    rng = random.Random(f"piatable-sidebyside71-{name}")
    pool = [r for r in _pool(heldout) if not any(c in r["before"] + r["after"] for c in "[△□〒○")]
    style = rng.choice(office.DATE_STYLES)
    sub = kind.endswith("sub")
    if sub:
        pool = [r for r in pool if len(r["item"].split("\n")) >= 2]
        n = rng.randint(*SUB_ROWS)
        start = rng.randrange(len(pool) - n + 1)
        tables = [printed_rows(pool[start : start + n], style)]
    else:
        short = [
            r
            for r in pool
            if sum(len(r[k]) for k in ("item", "before", "after", "explanation")) <= SHORT_ROW_CHARS
        ]
        # One run of the pool cut in two: the tables share no row (a row printed in both would
        # be a duplicate the reader rightly flags).
        n1, n2 = rng.randint(*ROWS_PER_TABLE), rng.randint(*ROWS_PER_TABLE)
        start = rng.randrange(len(short) - n1 - n2 + 1)
        run = printed_rows(short[start : start + n1 + n2], style)
        tables = [run[:n1], run[n1:]]
    return {
        "kind": kind,
        "tables": tables,
        "captions": rng.choice(HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS),
        "sublabels": rng.choice(HELDOUT_SUBLABELS if heldout else TUNING_SUBLABELS),
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice((SIDE_SIZES if kind.endswith("side") else SIZES)[heldout]),
        "padding": rng.choice(PADDINGS[heldout]),
        "gap": rng.choice(GAP_CHARS[heldout]),
        "appendix": rng.choice(("２", "３")),
    }


# --------------------------------------------------------------------------- Writer


def _doc(look: dict, landscape: bool):  # type: ignore[no-untyped-def]
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    w, h = LANDSCAPE_CM if landscape else PORTRAIT_CM
    sec.page_width, sec.page_height = Cm(w), Cm(h)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(MARGIN_CM)
    normal = doc.styles["Normal"]
    normal.font.name = look["font"]
    normal.font.size = Pt(look["size"])
    office._set_east_asian(normal, look["font"])
    normal.paragraph_format.space_after = Pt(0)
    doc.add_paragraph(f"（別添{look['appendix']}）変更箇所")
    return doc


def _fill(cell, text: str) -> None:  # type: ignore[no-untyped-def]
    """``text`` in ``cell``, a paragraph per line."""
    for k, line in enumerate(text.split("\n")):
        (cell.paragraphs[0] if k == 0 else cell.add_paragraph()).add_run(line)


def _widths(table, widths: list[float]) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Cm

    table.autofit = False
    for j, w in enumerate(widths):
        table.columns[j].width = Cm(w)
        for cell in table.columns[j].cells:
            cell.width = Cm(w)


def _amend_table(container, rows: list[dict], width: float, repeat: bool = True):  # type: ignore[no-untyped-def]
    """A ruled six-column amendment table of ``rows`` under its label row, added to ``container``
    (the document or a cell)."""
    from docx.oxml.ns import qn

    table = container.add_table(rows=1 + len(rows), cols=6)
    table.style = "Table Grid"
    for j, label in enumerate(office.LABELS):
        table.rows[0].cells[j].text = label
    if repeat:
        trpr = table.rows[0]._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    for i, r in enumerate(rows):
        for j, key in enumerate(SIX):
            _fill(table.rows[1 + i].cells[j], r[key])
    _widths(table, [s * width for s in SHARES])
    return table


def _cell_margins(table, cm: float) -> None:  # type: ignore[no-untyped-def]
    """The table's cells padded ``cm`` left and right (``w:tblCellMar``)."""
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    mar = tblpr.makeelement(qn("w:tblCellMar"), {})
    for side in ("left", "right"):
        mar.append(mar.makeelement(qn(f"w:{side}"), {qn("w:w"): str(int(cm * 567)), qn("w:type"): "dxa"}))
    tblpr.append(mar)


def _write_docx(path: Path, look: dict) -> None:
    kind = look["kind"]
    if kind == "w-side":
        doc = _doc(look, landscape=True)
        outer = doc.add_table(rows=1, cols=2)
        half = (LANDSCAPE_CM[0] - 2 * MARGIN_CM) / 2
        _widths(outer, [half, half])
        _cell_margins(outer, look["padding"])
        for side, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
            cell = outer.rows[0].cells[side]
            cell.paragraphs[0].add_run(caption)
            _amend_table(cell, rows, half - 2 * look["padding"] - 0.1, repeat=False)
    elif kind == "w-stack":
        doc = _doc(look, landscape=False)
        width = PORTRAIT_CM[0] - 2 * MARGIN_CM
        for k, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
            if k:
                doc.add_paragraph("")
            doc.add_paragraph(caption)
            _amend_table(doc, rows, width * (1.0 if k == 0 else 0.92))
    else:  # w-sub
        doc = _doc(look, landscape=False)
        _sub_docx(doc, look)
    doc.save(str(path))


def _sub_docx(doc, look: dict) -> None:  # type: ignore[no-untyped-def]
    """The table of a 項目 over two columns: two label rows (the spanning 項目 over the
    sub-labels; the others merged down over both), repeated on each page."""
    from docx.oxml.ns import qn

    rows = look["tables"][0]
    width = PORTRAIT_CM[0] - 2 * MARGIN_CM
    table = doc.add_table(rows=2 + len(rows), cols=7)
    table.style = "Table Grid"
    upper = [office.LABELS[0], office.LABELS[1], "", *office.LABELS[2:]]
    lower = ["", *look["sublabels"], "", "", "", ""]
    for j in range(7):
        table.rows[0].cells[j].text = upper[j]
        table.rows[1].cells[j].text = lower[j]
    for k in range(2):
        trpr = table.rows[k]._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    for i, r in enumerate(rows):
        head, rest = _item_parts(r["item"])
        cells = table.rows[2 + i].cells
        values = [r["change_date_raw"], head, rest, r["before"], r["after"], r["timing"], r["explanation"]]
        for j, v in enumerate(values):
            _fill(cells[j], v)
    shares = [SHARES[0], SHARES[1] * 0.45, SHARES[1] * 0.75, *SHARES[2:]]
    total = sum(shares)
    _widths(table, [s / total * width for s in shares])
    table.cell(0, 1).merge(table.cell(0, 2))
    for j in (0, 3, 4, 5, 6):
        table.cell(0, j).merge(table.cell(1, j))


def _item_parts(item: str) -> tuple[str, str]:
    """The item's section heading (its first line) and the rest of its path."""
    head, _, rest = item.partition("\n")
    return head, rest


# --------------------------------------------------------------------------- Calc


def _write_xlsx(path: Path, look: dict) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    kind = look["kind"]
    font = Font(name=look["font"], size=look["size"])
    thin = Side(style="thin", color="FF000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape" if kind == "c-side" else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.cell(1, 1, f"（別添{look['appendix']}）変更箇所").font = Font(name=look["font"], size=look["size"] + 2)

    def put(row: int, col: int, value: str, boxed: bool = True) -> None:
        c = ws.cell(row, col, value)
        c.font, c.alignment = font, wrap
        if boxed:
            c.border = box

    char_cm = 0.19
    widths = [s * (12.5 if kind == "c-side" else 18.0) / char_cm for s in SHARES]
    if kind == "c-side":
        for side, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
            left = 1 + side * 7
            put(3, left, caption, boxed=False)
            for j, label in enumerate(office.LABELS):
                put(4, left + j, label)
                ws.column_dimensions[get_column_letter(left + j)].width = round(widths[j], 1)
            for i, r in enumerate(rows):
                for j, key in enumerate(SIX):
                    put(5 + i, left + j, r[key])
        ws.column_dimensions["G"].width = look["gap"]
    elif kind == "c-stack":
        at = 3
        for k, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
            at += 1 if k else 0
            put(at, 1, caption, boxed=False)
            for j, label in enumerate(office.LABELS):
                put(at + 1, 1 + j, label)
            for i, r in enumerate(rows):
                for j, key in enumerate(SIX):
                    put(at + 2 + i, 1 + j, r[key])
            at += 2 + len(rows)
        for j, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(1 + j)].width = round(w, 1)
    else:  # c-sub
        rows = look["tables"][0]
        upper = [office.LABELS[0], office.LABELS[1], "", *office.LABELS[2:]]
        lower = ["", *look["sublabels"], "", "", "", ""]
        for j in range(7):
            put(2, 1 + j, upper[j])
            put(3, 1 + j, lower[j])
        ws.merge_cells("B2:C2")
        for col in "ADEFG":
            ws.merge_cells(f"{col}2:{col}3")
        for i, r in enumerate(rows):
            head, rest = _item_parts(r["item"])
            values = [
                r["change_date_raw"],
                head,
                rest,
                r["before"],
                r["after"],
                r["timing"],
                r["explanation"],
            ]
            for j, v in enumerate(values):
                put(4 + i, 1 + j, v)
        sub = [widths[0], widths[1] * 0.45, widths[1] * 0.75, *widths[2:]]
        for j, w in enumerate(sub):
            ws.column_dimensions[get_column_letter(1 + j)].width = round(w, 1)
        ws.print_title_rows = "2:3"
    _fit_rows(ws, look["size"])
    wb.save(str(path))


def _fit_rows(ws, size: float) -> None:  # type: ignore[no-untyped-def]
    """Each row of text given a height that holds its tallest cell (Calc's own fit of a .xlsx row
    may clip its last line): a full-width glyph is ``size`` pt wide, a column width unit
    0.19 cm; a line is 1.35 glyph heights, one line to spare."""
    from openpyxl.utils import get_column_letter

    for row in ws.iter_rows(min_row=2):
        lines = 0
        for c in row:
            if not isinstance(c.value, str) or not c.value:
                continue
            width_pt = (ws.column_dimensions[get_column_letter(c.column)].width or 8.43) * 0.19 * 28.35
            per_line = max(1, int(width_pt / size) - 1)
            lines = max(lines, sum(1 + len(p) // per_line for p in c.value.split("\n")))
        if lines:
            ws.row_dimensions[row[0].row].height = round((lines + 1) * size * 1.35, 1)


# --------------------------------------------------------------------------- the sets


def _truth_case(name: str, look: dict, heldout: bool) -> Case:
    """A ``make_office_samples.Case`` of the rows in printed order (its ``expected_records``
    checks each cell printed in full and finds its pages)."""
    rows = [r for t in look["tables"] for r in t]
    maker = "calc" if look["kind"].startswith("c") else "writer"
    return replace(office.plain_case(name, rows, maker, heldout=heldout), rows=rows, merge=False)


def office_pdfs(work: Path, looks: dict[str, dict], write_xlsx, write_docx) -> None:  # type: ignore[no-untyped-def]
    """Each look written (Calc kinds ``c-…`` by ``write_xlsx``, the others by ``write_docx``) into
    ``work`` as NAME.xlsx / NAME.docx and printed to NAME.pdf by LibreOffice."""
    sources = []
    for name, look in looks.items():
        src = work / f"{name}.{'xlsx' if look['kind'].startswith('c') else 'docx'}"
        (write_xlsx if src.suffix == ".xlsx" else write_docx)(src, look)
        sources.append(src)
    office.convert(sources, work, direct=frozenset(s for s in sources if s.suffix == ".xlsx"))


def _cases(work: Path, heldout: bool):  # type: ignore[no-untyped-def]
    plan = HELDOUT_PLAN if heldout else TUNING_PLAN
    tag = "hsb71" if heldout else "sb71"
    looks = {
        f"{tag}-{kind}-{k + 1}": _look(f"{tag}-{kind}-{k + 1}", kind, heldout) for k, kind in enumerate(plan)
    }
    office_pdfs(work, looks, _write_xlsx, _write_docx)
    for name, look in looks.items():
        pdf = work / f"{name}.pdf"
        expected = office.expected_records(pdf, _truth_case(name, look, heldout))
        entry = {
            "kind": look["kind"],
            "rows": len(expected),
            "pages": max(r["page_end"] for r in expected),
            "captions": list(look["captions"]) if not look["kind"].endswith("sub") else [],
            "sublabels": list(look["sublabels"]) if look["kind"].endswith("sub") else [],
            "font": look["font"],
            "size": look["size"],
        }
        yield name, pdf, expected, entry


README = """# {name}: two tables side by side or stacked, sub-label rows (branch sidebyside71)

LibreOffice Writer (`*-w-*`) and Calc (`*-c-*`) pages with two amendment tables side by side
(`side`: Writer nests them in a borderless 1×2 table, Calc puts them in one sheet with a narrow
blank column between), or one under the other (`stack`), each under its caption (（その１） /
（その２）, 【表２】, 表２, （続き） …), and tables whose 項目 is printed over two ruled columns with a
sub-label row (`sub`: 評価書の項目 / 細目, 大項目 / 小項目 …), as set XXXII's u10 and u01 print
theirs.  The truth (`expected/records.json`) is the six fields as written, the left (upper)
table first.  Side and stack cases keep the row-ordered texts (pypdfium2, `pdftotext -raw`,
pypdf, PyMuPDF).  Made by `tools/make_sidebyside71_samples.py`; `samples/office-sidebyside71`
(tuning), `samples/heldout-sidebyside71` (held out: measure on it, never tune on it).
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0.  Sub-label cases keep their PDF
    only (their texts' sub-columns are another branch's subject)."""
    import shutil

    done = office.made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)
    for name in SETS:
        for folder in (office.SAMPLES / name).glob("*-sub-*-*"):
            if folder.is_dir() and not folder.name.rsplit("-", 1)[-1].isdigit():
                shutil.rmtree(folder)
    return done


if __name__ == "__main__":
    raise SystemExit(main())
