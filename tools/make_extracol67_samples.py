"""Tables with a page column (評価書頁 / 頁 / 該当頁 with ``3`` … ``30``) or a serial column (通番 /
No. / 番号 with ``1`` … ``n``) beyond the six, in several places, under a one-row or a two-row
label block (変更内容 merged over 変更前の記載 / 変更後の記載 and the extra column), printed by
LibreOffice Calc (.xlsx) and Writer (.docx), with their flattened texts (branch extracol67).

    python tools/make_extracol67_samples.py                            # both sets
    python tools/make_extracol67_samples.py --set office-extracol67    # or heldout-extracol67

Set XXVIII's t10 (Calc, 評価書頁 between 変更後 and 提出時期 under a two-row label block, dotted
dates ``2024.4.1``) read the page number into 変更後 in layout texts (10 of 12 rows wrong, no
warning) and onto the date in PyMuPDF's text (``2024.4.1`` + ``3`` → 2024-04-13); its t02 (Writer,
通番 after 説明, 変更後 cells opening with 【修正】 / 【追加】) read the number into the explanation
in row-ordered texts.  The tables and words are ``make_extracols62_samples``'s pool
(``make_bikou55_samples._rows``); ``office-extracol67`` (tuning) prints the tuning tables with the
shapes of ``TUNING_SHAPES``; ``heldout-extracol67`` (measure only, never tune on it) the held-out
tables with other shapes, labels and seeds.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_office_samples import (
    TEN_TEXTS,
    SetCase,
    convert,
    docx_page,
    made_sets_main,
    spare_lines,
    stream_text,
)
from make_pdfs import LABELS

SETS = {"office-extracol67": False, "heldout-extracol67": True}
TEXTS = TEN_TEXTS
PROGRAMS = {"calc": "LibreOffice Calc", "writer": "LibreOffice Writer"}
ROWS = (6, 9)
# Column orders (the six fields as indices, the extra column by name) and whether the label
# block has two rows (変更内容 merged over 変更前 / 変更後 and an extra column beside them).
TUNING_SHAPES = {
    "pagemid2": ((0, 1, 2, 3, "page", 4, 5), True),
    "serialast": ((0, 1, 2, 3, 4, 5, "serial"), False),
    "pageitem": ((0, "page", 1, 2, 3, 4, 5), False),
}
HELDOUT_SHAPES = {
    "pageafter": ((0, 1, 2, 3, 4, 5, "page"), False),
    "serialmid2": ((0, 1, 2, 3, "serial", 4, 5), True),
    "pagebefore2": ((0, 1, "page", 2, 3, 4, 5), True),
}
SHAPE_MAKERS = {
    "pagemid2": ("calc", "writer"),
    "serialast": ("writer", "calc"),
    "pageitem": ("calc",),
    "pageafter": ("writer", "calc"),
    "serialmid2": ("calc", "writer"),
    "pagebefore2": ("writer",),
}
TUNING_LABELS = {"page": ("評価書頁", "頁"), "serial": ("通番", "No.")}
HELDOUT_LABELS = {"page": ("該当頁", "ページ", "評価書頁"), "serial": ("番号", "項番", "通番")}
GROUP_LABEL = "変更内容"
EXTRA_SHARES = {"page": 0.045, "serial": 0.04}
# The share of cases whose dates are dotted (``2024.4.1``), the others slashed or written out.
DOTTED_SHARE = 0.6
# The share of rows whose 変更後 opens with a bracketed mark on a line of its own (set XXVIII t02).
MARK_SHARE = 0.5
MARKS = ("【修正】", "【追加】")


def _names(heldout: bool) -> list[str]:
    prefix = "hx67" if heldout else "x67"
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    return [f"{prefix}-{maker}-{shape}" for shape in shapes for maker in SHAPE_MAKERS[shape]]


def _values(rng: random.Random, role: str, n: int) -> tuple[str, ...]:
    """Page numbers rising by 1–4 from 2–10, or serial numbers from 1 (or a later start)."""
    if role == "page":
        page, out = rng.randint(2, 10), []
        for _ in range(n):
            out.append(str(page))
            page += rng.randint(1, 4)
        return tuple(out)
    start = 1 if rng.random() < 0.7 else rng.randint(2, 12)
    return tuple(str(start + i) for i in range(n))


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-extracol67-{name}{'-held' if heldout else ''}")
    maker, shape = name.split("-")[1:3]
    columns, two_rows = (HELDOUT_SHAPES if heldout else TUNING_SHAPES)[shape]
    rows = _rows(rng, heldout, ROWS)
    if rng.random() < DOTTED_SHARE:
        for r in rows:
            d = dt.date.fromisoformat(r["change_date"])
            r["change_date_raw"] = f"{d.year}.{d.month}.{d.day}"
    marked = rng.random() < 0.5
    for r in rows:
        if marked and r["after"] and rng.random() < MARK_SHARE:
            r["after"] = f"{rng.choice(MARKS)}\n{r['after']}"
    role = next(c for c in columns if isinstance(c, str))
    labels = HELDOUT_LABELS if heldout else TUNING_LABELS
    return {
        "maker": maker,
        "shape": shape,
        "columns": columns,
        "two_rows": two_rows,
        "extras": {role: {"label": rng.choice(labels[role]), "values": _values(rng, role, len(rows))}},
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice(x62.HELDOUT_SIZES if heldout else x62.TUNING_SIZES),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
    }


def _shares(look: dict) -> list[float]:
    extra = sum(EXTRA_SHARES[c] for c in look["columns"] if isinstance(c, str))
    return [
        x62.FIELD_SHARES[c] * (1.0 - extra) if isinstance(c, int) else EXTRA_SHARES[c]
        for c in look["columns"]
    ]


def _grouped(look: dict) -> list[int]:
    """The column indices under 変更内容 in a two-row label block: 変更前, 変更後 and the extra
    column when it stands next to them."""
    cols = look["columns"]
    idx = [j for j, c in enumerate(cols) if c in (2, 3)]
    for j, c in enumerate(cols):
        if isinstance(c, str) and (j == idx[0] - 1 or j == idx[-1] + 1):
            idx.append(j)
    return sorted(idx)


def _labels(look: dict) -> list[str]:
    return [LABELS[c] if isinstance(c, int) else look["extras"][c]["label"] for c in look["columns"]]


def _cells(look: dict, i: int) -> list[str]:
    r = look["rows"][i]
    return [
        str(r[x62.FIELDS[c]]) if isinstance(c, int) else look["extras"][c]["values"][i]
        for c in look["columns"]
    ]


def write_xlsx(path: Path, look: dict) -> None:
    """The table typed in a spreadsheet: a title, the label block (one row, or two with
    変更内容 merged over its columns; repeated on each page), wrapped bordered cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=look["font"], size=look["size"])
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.cell(1, 1, "（別添２）変更箇所").font = font
    head = 2 if look["two_rows"] else 1
    grouped = _grouped(look) if look["two_rows"] else []
    for j, label in enumerate(_labels(look), 1):
        for r in range(2, 2 + head):
            c = ws.cell(r, j)
            c.font, c.alignment, c.border = font, centre, border
        if j - 1 in grouped:
            ws.cell(3, j, label)
        else:
            ws.cell(2, j, label)
            if head == 2:
                ws.merge_cells(start_row=2, start_column=j, end_row=3, end_column=j)
    if grouped:
        ws.cell(2, grouped[0] + 1, GROUP_LABEL)
        ws.merge_cells(start_row=2, start_column=grouped[0] + 1, end_row=2, end_column=grouped[-1] + 1)
    body = 2 + head
    for i in range(len(look["rows"])):
        for j, (col, text) in enumerate(zip(look["columns"], _cells(look, i), strict=True), 1):
            short = col in (0, 4) or isinstance(col, str)
            if text and not short:
                text += spare_lines(text)
            c = ws.cell(body + i, j, text or None)
            c.font = font
            c.alignment = Alignment(
                horizontal="center" if short else "left", vertical=look["valign"], wrap_text=True
            )
            c.border = border
    for j, w in enumerate(_shares(look), 1):
        ws.column_dimensions[get_column_letter(j)].width = round(w * x62.PAGE_CM[look["paper"]] / 0.19, 1)
    ws.print_title_rows = f"2:{1 + head}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    wb.save(path)


def write_docx(path: Path, look: dict) -> None:
    """The table typed in a word processor: a title paragraph, a grid table under a label block
    of one or two rows (repeated on each page), A4 landscape, column widths set."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.oxml.ns import qn
    from docx.shared import Cm

    doc = docx_page(look, landscape=True)
    labels = _labels(look)
    head = 2 if look["two_rows"] else 1
    table = doc.add_table(rows=head + len(look["rows"]), cols=len(labels))
    table.style = "Table Grid"
    table.autofit = False
    grouped = _grouped(look) if look["two_rows"] else []
    for j, label in enumerate(labels):
        if j in grouped:
            table.rows[1].cells[j].text = label
        elif head == 2:
            table.cell(0, j).merge(table.cell(1, j)).text = label
        else:
            table.rows[0].cells[j].text = label
    if grouped:
        table.cell(0, grouped[0]).merge(table.cell(0, grouped[-1])).text = GROUP_LABEL
    for r in range(head):
        trpr = table.rows[r]._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    valign = WD_ALIGN_VERTICAL.CENTER if look["valign"] == "center" else WD_ALIGN_VERTICAL.TOP
    for i in range(len(look["rows"])):
        # A row kept whole on a page (``w:cantSplit``), as the truth is read back whole.
        trpr = table.rows[head + i]._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))
        cells = table.rows[head + i].cells
        for j, text in enumerate(_cells(look, i)):
            for k, para in enumerate(text.split("\n")):
                p = cells[j].paragraphs[0] if k == 0 else cells[j].add_paragraph()
                p.add_run(para)
            cells[j].vertical_alignment = valign
    for j, s in enumerate(_shares(look)):
        w = Cm(round(s * 26.7, 2))
        table.columns[j].width = w
        for cell in table.columns[j].cells:
            cell.width = w
    doc.save(path)


def _pdf(name: str, look: dict, work: Path) -> Path:
    return printed_pdf(name, look, work, write_xlsx, write_docx)


def printed_pdf(
    name: str, look: dict, work: Path, xlsx: Callable, docx: Callable, plain: Callable | None = None
) -> Path:
    """The case's PDF made in ``work`` from its .xlsx (``xlsx(path, look)``) or .docx
    (``docx``) by LibreOffice; SystemExit when a cell of ``look["rows"]`` is not printed whole
    (cells and the PDF's text compared as ``plain`` gives them, when given: characters a
    fallback font prints out of their place taken out).  Shared with make_calcorder70_samples and
    make_roworder71_samples."""
    src = work / f"{name}.{'docx' if look['maker'] == 'writer' else 'xlsx'}"
    (docx if look["maker"] == "writer" else xlsx)(src, look)
    convert([src], work)
    pdf = work / f"{name}.pdf"
    whole = "".join(stream_text(pdf))
    whole = plain(whole) if plain else whole
    missing = [
        f"row {i} {key}"
        for i, r in enumerate(look["rows"])
        for key in x62.FIELDS
        if (plain(str(r[key])) if plain else "".join(str(r[key]).split())) not in whole
    ]
    if missing:
        raise SystemExit(f"{name}: not printed whole: {missing[:3]}")
    return pdf


README = """# {name}: a page or serial column beyond the six (branch extracol67)

Tables with a page column (評価書頁 / 頁 / 該当頁 / ページ with `3` … `30`) or a serial column
(通番 / No. / 番号 / 項番 with `1` … `n`) between 変更後 and 提出時期, after 説明, after 変更日 or
before 変更前, under a one-row label block or a two-row one (変更内容 merged over 変更前 / 変更後
and the extra column beside them), dates often dotted (`2024.4.1`), 変更後 cells often opening
with 【修正】 / 【追加】, printed by LibreOffice Calc (`*-calc-*`) and Writer (`*-writer-*`), as set
XXVIII's t10 and t02 print theirs.  The extra column is no field: the truth
(`expected/records.json`) is the six fields as written.  Each case is the PDF and 10 texts; the
columns of each case in `cases.json`.

`samples/office-extracol67` (tuning): shapes `pagemid2`, `serialast`, `pageitem`.
`samples/heldout-extracol67` (held out: measure on it, never tune on it): shapes `pageafter`,
`serialmid2`, `pagebefore2`, other labels and tables.

    python tools/make_extracol67_samples.py
    python tools/eval_office.py samples/office-extracol67 samples/heldout-extracol67 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    return x62.made_cases(work, heldout, _names, _look, _pdf, PROGRAMS)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
