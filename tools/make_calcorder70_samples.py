"""Calc and Writer tables with a numbering column first and a remarks column last, some cut into
groups by group rows, with their PDFs and row-ordered texts (branch calcorder70).

    python tools/make_calcorder70_samples.py                             # both sets
    python tools/make_calcorder70_samples.py --set office-calcorder70     # or heldout-calcorder70

Set XXXI's t07 (Calc fitted to the page's width at about 7 pt, No. first and 備考 last, dates
``R8.4.18``) gave 26 rows for 14 in every row-ordered text (pypdfium2, ``pdftotext -raw``, pypdf,
pdf.js, PyMuPDF): Calc prints a page's one-line cells first (``1 R8.4.18 事後 …に伴う追加
第３版で反映``), and the remark was read as a field.  Its t01 (fiscal-year group rows
``【令和５年度】`` merged across the table) shifted the cells one row at each group line in the
same texts.  Each case here is a table of 7–14 rows of the pool (``make_bikou55_samples._rows``)
with: a numbering column first (No. / 番号 / 項番) or none; a remarks column last (備考 / 備考欄
/ 補足), its cells empty or filled, short or now and then wrapped, or none; group rows (年度 /
第n版 / 令和n年m月改訂) or none; dates written out, slashed or ``R8.4.18``; the sheet fitted to
the page's width from wider columns (Calc shrinks it) or printed at its size.  The truth is the
six fields as written (neither extra column is a field; a group row is no record).
``office-calcorder70`` (tuning) and ``heldout-calcorder70`` (measure only, never tune on it) draw
their labels, remarks, group shapes, tables, fonts and sizes from their own pools.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracol67_samples as x67
import make_extracols62_samples as x62
import make_group_rows69_samples as g69
from make_bikou55_samples import _rows
from make_office_samples import made_sets_main

SETS = {"office-calcorder70": False, "heldout-calcorder70": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf", "pdftotext-layout")
PROGRAMS = x67.PROGRAMS
ROWS = (7, 14)
TUNING_CASES, HELDOUT_CASES = 12, 8
TUNING_LEADS = ("No.", "番号", "")
HELDOUT_LEADS = ("項番", "No", "")
TUNING_TAILS = ("備考", "備考欄", "")
HELDOUT_TAILS = ("補足", "備考", "")
TUNING_REMARKS = ("第３版で反映", "庁内決裁済", "要確認", "次回公表時に反映", "軽微")
HELDOUT_REMARKS = ("第２版で反映済", "審議会報告済", "再確認要", "別紙参照")
# A remark long enough to wrap in its narrow column (printed in pass 2).
TUNING_LONG = ("情報政策課と協議のうえ次回の評価書公表時にあわせて反映する",)
HELDOUT_LONG = ("個人情報保護審議会への報告後に評価書を再公表する予定",)
EMPTY_REMARK_SHARE = 0.45
# Longer cells are left out: a row taller than the page is clipped by Calc.
MAX_CELL = 240
LONG_REMARK_SHARE = 0.1
TUNING_GROUPS = ("【{era}{y}年度】", "【第{n}版】", "＜{era}{y}年{m}月改訂＞")
HELDOUT_GROUPS = ("〔{era}{y}年度分〕", "■第{n}版", "【{era}{y}年{m}月改訂分】")
EXTRA_SHARES = {"serial": 0.04, "remark": 0.09}
# make_extracol67's writers size the columns by its shares: the remarks column's added there.
x67.EXTRA_SHARES.setdefault("remark", EXTRA_SHARES["remark"])
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _names(heldout: bool) -> list[str]:
    n = HELDOUT_CASES if heldout else TUNING_CASES
    prefix = "hco70" if heldout else "co70"
    return [f"{prefix}-{('calc', 'writer', 'calc')[k % 3]}-{k + 1}" for k in range(n)]


def _group_label(shape: str, row: dict, n: int, full: bool) -> str:
    era, y = g69.fiscal(row["change_date"])
    m = dt.date.fromisoformat(row["change_date"]).month
    text = shape.format(era=era, y="元" if y == 1 else y, n=n, m=m)
    return text.translate(FULL) if full else text


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-calcorder70-{name}")
    maker = name.split("-")[1]
    k = int(name.split("-")[2]) - 1
    rows = [r for r in _rows(rng, heldout, ROWS) if max(len(r[f]) for f in ("before", "after")) <= MAX_CELL]
    rows = sorted(rows, key=lambda r: r["change_date"], reverse=rng.random() < 0.5)
    if rng.random() < 0.5:
        for r in rows:
            d = dt.date.fromisoformat(r["change_date"])
            r["change_date_raw"] = (
                f"R{d.year - 2018}.{d.month}.{d.day}"
                if d.year >= 2019
                else f"H{d.year - 1988}.{d.month}.{d.day}"
            )
    leads, tails = (HELDOUT_LEADS, HELDOUT_TAILS) if heldout else (TUNING_LEADS, TUNING_TAILS)
    lead, tail = leads[k % len(leads)], tails[(k // len(leads)) % len(tails)]
    if not lead and not tail:
        tail = tails[0]
    pool, long = (HELDOUT_REMARKS, HELDOUT_LONG) if heldout else (TUNING_REMARKS, TUNING_LONG)
    remarks = tuple(
        ""
        if (u := rng.random()) < EMPTY_REMARK_SHARE
        else (rng.choice(long) if u > 1 - LONG_REMARK_SHARE else rng.choice(pool))
        for _ in rows
    )
    columns: tuple = (*(("serial",) if lead else ()), 0, 1, 2, 3, 4, 5, *(("remark",) if tail else ()))
    extras = {}
    if lead:
        extras["serial"] = {"label": lead, "values": tuple(str(i + 1) for i in range(len(rows)))}
    if tail:
        extras["remark"] = {"label": tail, "values": remarks}
    groups: dict[int, str] = {}
    if k % 2 == 0 or rng.random() < 0.3:
        shapes = HELDOUT_GROUPS if heldout else TUNING_GROUPS
        shape = shapes[(k // 2) % len(shapes)]
        starts = g69.group_starts(rows, rng, first=rng.random() < 0.7, by_year="年度" in shape)
        full = rng.random() < 0.6
        groups = {g: _group_label(shape, rows[g], j + 1, full) for j, g in enumerate(starts)}
    sizes = (7.0, 8.0, 9.0, 10.0) if not heldout else (7.5, 8.5, 9.5)
    return {
        "maker": maker,
        "columns": columns,
        "two_rows": False,
        "extras": extras,
        "rows": rows,
        "groups": groups,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice(sizes),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
        # Calc: columns this much wider than the page, fitted back to its width (7 pt from 10 pt).
        "widen": rng.choice((1.0, 1.0, 1.4)),
    }


def _shares(look: dict) -> list[float]:
    extra = sum(EXTRA_SHARES[c] for c in look["columns"] if isinstance(c, str))
    return [
        x62.FIELD_SHARES[c] * (1.0 - extra) if isinstance(c, int) else EXTRA_SHARES[c]
        for c in look["columns"]
    ]


def _xlsx(path: Path, look: dict) -> None:
    """``make_extracol67``'s sheet, then its widths set (widened by ``widen``: fitted back) and
    a group row merged across the table, bold, before each group's first row."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    x67.write_xlsx(path, look)
    wb = load_workbook(path)
    ws = wb.active
    for j, w in enumerate(_shares(look), 1):
        ws.column_dimensions[get_column_letter(j)].width = round(
            w * look["widen"] * x62.PAGE_CM[look["paper"]] / 0.19, 1
        )
    thin = Side(style="thin", color="FF000000")
    ncols = len(look["columns"])
    for g in sorted(look["groups"], reverse=True):
        ws.insert_rows(3 + g)  # body row i at 3 + i (openpyxl moves no merged range: merged after)
    for n, g in enumerate(sorted(look["groups"])):
        at = 3 + g + n
        for j in range(1, ncols + 1):
            ws.cell(at, j).border = Border(left=thin, right=thin, top=thin, bottom=thin)
        c = ws.cell(at, 1, look["groups"][g])
        c.font = Font(name=look["font"], size=look["size"], bold=True)
        c.alignment = Alignment(horizontal="left", vertical="center")
        ws.merge_cells(start_row=at, start_column=1, end_row=at, end_column=ncols)
    wb.save(path)


def _docx(path: Path, look: dict) -> None:
    """``make_extracol67``'s document, then a group row (its cells merged, bold) before each
    group's first row."""
    from docx import Document

    x67.write_docx(path, look)
    doc = Document(path)
    table = doc.tables[0]
    for g in sorted(look["groups"], reverse=True):
        target = table.rows[1 + g]._tr
        row = table.add_row()
        target.addprevious(row._tr)
        cell = row.cells[0].merge(row.cells[-1])
        cell.paragraphs[0].add_run(look["groups"][g]).bold = True
    doc.save(path)


def _pdf(name: str, look: dict, work: Path) -> Path:
    return x67.printed_pdf(name, look, work, _xlsx, _docx)


README = """# {name}: a numbering column first, a remarks column last, group rows (branch calcorder70)

Tables printed by LibreOffice Calc (`*-calc-*`, some fitted to the page's width from wider
columns) and Writer (`*-writer-*`) with a numbering column first (No. / 番号 / 項番 / No) and a
remarks column last (備考 / 備考欄 / 補足; cells empty, short or wrapped), some cut into groups by
rows merged across the table (`【令和５年度】`, `【第２版】`, `＜令和6年4月改訂＞`, …), as set
XXXI's t07 and t01 print theirs.  The extra columns are no fields and a group row is no record:
the truth (`expected/records.json`) is the six fields as written.  Each case is the PDF and its
row-ordered texts (pypdfium2, `pdftotext -raw`, pypdf, PyMuPDF) and `pdftotext -layout`; the
columns, remarks and group labels of each case in `cases.json`.

`samples/office-calcorder70` (tuning); `samples/heldout-calcorder70` (held out: measure on it,
never tune on it): other labels, remarks, group shapes, tables and sizes.

    python tools/make_calcorder70_samples.py
    python tools/eval_office.py samples/office-calcorder70 samples/heldout-calcorder70 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default), each case's PDF by LibreOffice and
    its texts (``TEXTS``); 0."""
    cases = partial(x62.made_cases, names=_names, look_of=_look, pdf_of=_pdf, programs=PROGRAMS)
    return made_sets_main(argv, __doc__, SETS, cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
