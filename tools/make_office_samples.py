"""Amendment tables made by real office software: .xlsx / .docx → LibreOffice PDF → five extractors.

Every other sample PDF is drawn by our own code (tools/make_pdfs.py).  Real filings are Excel or
Word files exported to PDF, so this tool writes the ground-truth tables as .xlsx (openpyxl) and
.docx (python-docx), converts them with LibreOffice (``soffice --headless --convert-to pdf``) and
runs the five common extractors on each PDF (the same ones, with the same conventions, as
tools/make_pdfs.py).  The settings of each case (fonts, sizes, column widths, date style, vertical
alignment, merged cells, row order, rows per page, repeated header) are drawn by a seeded RNG from
the case's name, so the .xlsx / .docx files are reproducible (the PDFs differ only in their
creation date).

    python tools/make_office_samples.py                # every set below
    python tools/make_office_samples.py --set office   # one set: office, heldout, office-kinds,
                                                       # office-b, heldout-b,
                                                       # office-pagebreak, heldout-pagebreak,
                                                       # office-calcbreak, heldout-calcbreak,
                                                       # office-bottom, heldout-bottom,
                                                       # office-writerraw, heldout-writerraw,
                                                       # office4, heldout4, office5, heldout5,
                                                       # office8, heldout8, office9, heldout9,
                                                       # office-long, heldout-long,
                                                       # office-scanmerge,
                                                       # office-explonly19, heldout-explonly19,
                                                       # office-raw20, heldout-raw20
    python tools/make_office_samples.py --keep DIR     # also keep the .xlsx / .docx in DIR

Writes, for each case NAME of a set (``samples/office``, ``samples/heldout``,
``samples/office-kinds``):
    SET/NAME/input.pdf + SET/NAME/expected/records.json
    SET/NAME-<extractor>/input.txt + expected/records.json   (kinds: only some cases)
The expected records are the TRUE cells of the table data (a merged cell's value repeated in
each row it covers), never piatable's output; each case is checked after conversion: every
expected cell must be printed in full in the PDF's text layer (no clipped cell), or the tool stops.

Needs LibreOffice (libreoffice-calc, libreoffice-writer), poppler-utils, the IPAex and IPA fonts
(fonts-ipaexfont, fonts-ipafont-gothic, fonts-ipafont-mincho) and the ``office`` extra
(openpyxl, python-docx).  CI needs none of them: it only reads the committed files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_pdfs import EXPECTED_KEYS, EXTRACTORS, LABELS, extract_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TUNING_TABLES = {
    "seed": SAMPLES / "tables" / "seed.json",
    "juki": SAMPLES / "tables" / "zenkoumoku_juki.json",
    "kokuho": SAMPLES / "tables" / "kiso_kokuho.json",
    "zeimu": SAMPLES / "tables" / "zenkoumoku_zeimu.json",
    "lists": ROOT / "tests" / "data" / "tables" / "kiso_and_lists.json",
    "municipal": ROOT / "tests" / "data" / "tables" / "municipal_edits.json",
}
HELDOUT_DIR = SAMPLES / "heldout" / "tables"
DATE_STYLES = ("slash", "slash0", "wareki", "wareki_fw", "short", "seireki")
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")
MERGEABLE = ("change_date_raw", "timing", "explanation")
TEXT_CELLS = ("item", "before", "after", "explanation")
# LibreOffice fits a row's height on load a few lines short of what it then prints for long
# wrapped cells (screen and print metrics differ), clipping their last lines.  Trailing line
# breaks in each text cell (as people type to pad a cell) give the row spare lines; they print
# nothing.  One, and one more per this many characters of the cell:
CALC_SPARE_CHARS = 90


def truth_row(date: str, item: str, before: str, after: str, timing: str, explanation: str) -> dict:
    """One expected record of a hand-written table (ISO date, printed as given), as the
    sample scripts' tables list them: field → value."""
    return {
        "change_date": date,
        "change_date_raw": date,
        "item": item,
        "before": before,
        "after": after,
        "timing": timing,
        "explanation": explanation,
    }


def spare_lines(text: str) -> str:
    return "\n" * (1 + len(text) // CALC_SPARE_CHARS)


NBSP_FREE = re.compile(r"\s+")

# Settings pools.  The held-out set draws from pools disjoint from the tuning set's where the
# thing varied is a number (widths, sizes) or a font, so that tuning on one cannot fit the other.
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAGothic", "IPAPGothic", "IPAMincho", "IPAPMincho")
TUNING_SIZES = (9.0, 10.0, 10.5)
HELDOUT_SIZES = (9.5, 11.0)
# Column widths.  Calc: Excel width units (about one half-width character of the default font);
# Writer: centimetres on a landscape A4 page (25.7 cm between 2 cm margins).
TUNING_CALC_WIDTHS = ((11, 24, 34, 34, 8, 26), (12, 28, 40, 40, 9, 30), (10, 22, 30, 30, 7, 22))
HELDOUT_CALC_WIDTHS = ((13, 26, 37, 37, 10, 24), (9, 20, 28, 28, 6, 20))
TUNING_WRITER_WIDTHS = ((2.6, 4.6, 6.0, 6.0, 1.8, 4.7), (2.2, 5.0, 6.4, 6.4, 1.6, 4.1))
HELDOUT_WRITER_WIDTHS = ((2.9, 4.2, 6.6, 6.6, 2.0, 3.4), (2.4, 5.4, 5.6, 5.6, 1.7, 5.0))


@dataclass
class Case:
    """One document: which table, which program, and how it looks."""

    name: str
    rows: list[dict]  # the truth, in printed order, change_date_raw as printed
    maker: str  # "calc" (.xlsx) or "writer" (.docx)
    font: str
    size: float
    widths: tuple[float, ...]
    valign: str = "top"  # "top", "center" or "bottom" (Excel's and Calc's default)
    merge: bool = False  # merge runs of equal date / timing / explanation cells
    rows_per_page: int | None = None  # calc: a manual page break every N rows
    repeat_header: bool = True
    appendix: str = "２"
    header_fill: bool = False
    # The header's fill colour (ARGB) when ``header_fill`` (a coloured one: tools/make_scan74_samples.py).
    header_rgb: str = "FFD9D9D9"
    real_dates: bool = False  # calc: slash-style dates as real date cells with a number format
    texts: bool = True  # also write the five extractors' texts
    # Kinds: per-row, per-field runs [(text, {"underline"/"white"/"bold": True}), ...] (an
    # underline may be "double"; True is a single one) that
    # replace a cell's plain text; the truth keeps only the runs that are not white.
    runs: dict[tuple[int, str], list[tuple[str, dict]]] = field(default_factory=dict)
    timing_rotation: int | None = None  # calc: 90 (turned) or 255 (stacked vertical)
    bold_cells: bool = False  # every body cell bold (LibreOffice's bold of a font without a bold face)
    extra_spare: dict[int, int] = field(default_factory=dict)  # calc: more spare lines in row i
    merge_over_breaks: bool = False  # calc: merged runs go on over the manual page breaks
    # Per-column vertical alignment ("top", "center", "bottom") where it differs from ``valign``.
    valign_of: dict[str, str] = field(default_factory=dict)
    # calc: row heights set in the .xlsx (as people set them by hand: the text's lines and some
    # spare space, ``height_slack`` lines more) instead of trailing line breaks; the .xlsx is then
    # converted as it is (no .ods step).
    fixed_heights: bool = False
    height_slack: float = 0.0
    merge_keys: tuple[str, ...] = ("change_date_raw", "timing", "explanation")  # with ``merge``
    # calc: the column labels' horizontal alignment ("distributed": 均等割り付け, make_headers67)
    label_align: str = "center"
    # An assessment's cover (tools/make_scan_covers.py): its title line and (label, value) cells,
    # printed above the table on its first page, or on a page of its own before it.
    cover_title: str = ""
    cover: tuple[tuple[str, str], ...] = ()
    cover_own_page: bool = False
    # Characters the font lacks (Droid Sans Fallback: Latin, digits, ○ ① Ⅰ …): LibreOffice draws
    # them from another font in runs of their own, out of the text's order, so the truth check
    # leaves them out.
    fallback_glyphs: str = ""
    # The body's inner rulings: an openpyxl border style (Calc: "dotted", "hair", "dashed") or a
    # Word border value (Writer: "dotted", "dashed"); the header and the outer frame stay solid.
    # "hairline" (Writer): every border, the frame too, Word's thinnest single line (¼ pt: at
    # 300 dpi turned 2.5°, two pixels at grey 90–100; Writer's import of an HTML table's
    # border="1", set XXIV's t11, prints lighter: 150–235).
    # "hrules": ruled across only (each row's top and foot, no vertical rulings; session 52).
    inner_rule: str = "thin"
    # Paragraphs printed after the table, (text, "left" or "right"): a note (``※ …``) or the
    # document's closing mark ``以上`` set to the right, as filings end.
    closing: tuple[tuple[str, str], ...] = ()
    # calc: a last ruled row under the table printing this text in its 変更日 cell and nothing else
    # (「以下余白」: the rest of the form left blank; set XXIX's t04, tools/make_furniture68_samples.py).
    blank_row: str = ""
    # A page-number footer (``- 1 -``) on every page, as filings print one.
    page_numbers: bool = False
    # The text cells (項目, 変更前, 変更後, 説明) justified (両端揃え): Calc's horizontal
    # "justify", Writer's justified paragraphs, so a wrapped line's characters are spread.
    justify: bool = False
    # A caption printed under the title, above the column labels (``※変更箇所に下線``), as
    # filings print one: Calc in the row between them, Writer as a paragraph.
    caption: str = ""
    # writer: an A4 portrait page (17 cm between the margins) instead of landscape.
    portrait: bool = False
    # writer: points of spacing after every paragraph (書式 > 段落 > 段落の後), as filings set it.
    space_after: float = 0.0
    # calc: rows whose 変更前 and 変更後 are one cell merged across both columns (a note that
    # concerns both sides, 「（記載の整理）…」): the row's text is its before, its after empty.
    merge_across: tuple[int, ...] = ()
    # Which program prints the .xlsx / .docx: "libreoffice" (Calc / Writer), "gnumeric" (the .xlsx
    # through ``ssconvert``; it does not fit rows to wrapped text, so the rows get set heights) or
    # "abiword" (the .docx through ``abiword --to=pdf``; it ignores the column widths and prints
    # Kangxi radicals such as ⽇ U+2F47 in its text layer).
    program: str = "libreoffice"
    # calc: the sheet fitted to the page's width (as every case so far); False prints it at its
    # size, so a sheet too wide for the page puts its last columns on pages of their own
    # (session 56, tools/make_strips56_samples.py), in ``page_order``: "downThenOver" (Calc's and
    # Excel's default: top to bottom, then right) or "overThenDown" (left to right, then down).
    fit_width: bool = True
    page_order: str = "downThenOver"
    # The column labels as printed (a table's author may type short ones: 変更前 / 変更後 / 説明).
    labels: tuple[str, ...] = LABELS
    # A two-row label row (branch header53): ``span_label`` (変更箇所) printed in the upper row
    # over the columns ``span_cols`` (first, last; 0-based: (2, 3) 変更前 / 変更後, (0, 3) from
    # 変更日), their own labels in the lower row; the other labels merged over both rows
    # (``span_merge_down``) or printed in the upper row with an empty cell under them.  Repeated
    # on every page as the header rows / print titles (both rows) with ``repeat_header``.
    span_label: str = ""
    span_cols: tuple[int, int] = (2, 3)
    span_merge_down: bool = True
    # writer: body paragraphs printed above the title (a heading, a lead sentence: session 54).
    lead: tuple[str, ...] = ()
    # writer: a second small table of (label, value) rows printed after the closing paragraphs
    # (a 問合せ先 box: 担当課 / 電話), as filings print one under the amendment table.
    tail_table: tuple[tuple[str, str], ...] = ()
    # writer: the .docx is saved as .odt by Writer first and that .odt exported (a document made
    # in Writer itself, as a new user's .odt was: session 54).
    via_odt: bool = False
    # Page furniture (session 55, tools/make_pagemark55_samples.py): the page-number footer's form
    # with ``page_numbers`` (``{P}`` the page, ``{N}`` the pages: ``- {P} -``, ``{P}``,
    # ``{P}/{N}``, ``P.{P}``); a page header printed on every page, (text, "left" / "center" /
    # "right"): Calc's sheet header, Writer's page header; a footer text printed on every page
    # (Calc: at the footer's left; Writer: a line above the page number).
    page_number_format: str = "- {P} -"
    page_header: tuple[str, str] = ("", "right")
    page_footer: str = ""
    # writer: the table is cut after ``split_after`` rows, the paragraph ``split_heading`` printed
    # under it, and the other rows printed as a second table with its own label row.
    split_after: int | None = None
    split_heading: str = ""
    split_labels: bool = True  # the second table prints its own label row
    # writer: the 提出時期 cells of the body printed vertically (Word's 縦書き, textDirection tbRl:
    # 事 over 前), as set XVIII's G printed them (branch tbrl57).
    timing_vertical: bool = False
    # The text cells (項目, 変更前, 変更後, 説明) distributed (均等割り付け, branch spaced67): Calc's
    # horizontal "distributed", Writer's jc=distribute paragraphs: every line's characters spread
    # over the cell's width, its last line too.
    distributed: bool = False
    # calc: the sheet printed with its row and column headings (A B C …, 1 2 3 …; Calc's "print
    # row and column headers", openpyxl ``print_options.headings``; branch spaced67).
    print_headings: bool = False
    # Group rows (branch fygroup69): {body row index: label}: a row merged across all six columns
    # printed before that body row, naming the rows below it (``【令和５年度】``, ``＜第３回の変更＞``);
    # bold, ``group_fill`` filled grey (Calc).  Not a record: the truth has no row for it.
    group_rows: dict[int, str] = field(default_factory=dict)
    group_fill: bool = False


class NotPrinted(ValueError):
    """Cells of a case that the PDF does not print in full (clipped or lost)."""

    def __init__(self, case: str, rows: set[int], problems: list[str]) -> None:
        super().__init__(f"{case}: " + "; ".join(problems))
        self.rows = rows


# --------------------------------------------------------------------------- table data


def load_table(path: Path) -> list[dict]:
    rows = json.loads(path.read_text("utf-8"))
    for r in rows:
        missing = [k for k in (*SIX, "change_date") if k not in r]
        if missing:
            raise ValueError(f"{path}: row without {missing}")
    return rows


def date_groups(rows: list[dict]) -> list[list[dict]]:
    groups: list[list[dict]] = []
    for r in rows:
        if groups and groups[-1][0]["change_date"] == r["change_date"]:
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def printed_rows(rows: list[dict], date_style: str, newest_first: bool = False) -> list[dict]:
    """The rows with their dates printed in ``date_style``, in the table's order or with the
    groups of one date reversed (newest first), as both orders are met in published tables."""
    if newest_first:
        rows = [r for g in reversed(date_groups(rows)) for r in g]
    out = []
    for r in rows:
        r = {k: r[k] for k in ("change_date", *SIX)}
        r["change_date_raw"] = render_date(r["change_date"], date_style)
        out.append(r)
    return out


# --------------------------------------------------------------------------- .xlsx


def _runs_rich(runs: list[tuple[str, dict]], font: str, size: float):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    parts = []
    for text, how in runs:
        f = InlineFont(rFont=font, sz=size)
        if how.get("underline"):
            f.u = "double" if how["underline"] == "double" else "single"
        if how.get("white"):
            f.color = "FFFFFFFF"
        if how.get("red"):  # text printed in red (a changed word, a whole row): read like black
            f.color = "FFFF0000"
        if how.get("bold"):
            f.b = True
        parts.append(TextBlock(f, text))
    return CellRichText(parts)


def merge_runs(rows: list[dict], key: str, breaks: set[int], within: str = "") -> list[tuple[int, int]]:
    """(first, last) row indexes of runs of equal ``key`` values, not across a page break (nor,
    with ``within``, across a change of that key's value: a 提出時期 merged over one merged 項目's
    rows only)."""
    runs, start = [], 0
    for i in range(1, len(rows) + 1):
        if (
            i == len(rows)
            or rows[i][key] != rows[start][key]
            or i in breaks
            or not rows[i][key]
            or (within and rows[i][within] != rows[start][within])
        ):
            if i - 1 > start:
                runs.append((start, i - 1))
            start = i
    return runs


def write_xlsx(path: Path, case: Case) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    ws = wb.active
    ws.title = "変更箇所"
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=case.font, size=case.size, bold=case.bold_cells)
    top = _xlsx_cover(wb, ws, case, border) if case.cover else 0
    ws.cell(top + 1, 1, f"（別添{case.appendix}）変更箇所").font = Font(name=case.font, size=case.size + 1)
    hdr = top + 2
    if case.caption:
        ws.cell(hdr, 1, case.caption).font = Font(name=case.font, size=case.size)
        hdr += 1
    title_top = hdr
    header_cells = _header_cells(case)
    for k, row in enumerate(header_cells):
        for j, label in enumerate(row, 1):
            c = ws.cell(hdr + k, j, label or None)
            c.font = Font(name=case.font, size=case.size)
            c.alignment = Alignment(horizontal=case.label_align, vertical="center", wrap_text=True)
            c.border = _inner_border("hrules", 0, j, 1) if case.inner_rule == "hrules" else border
            if case.header_fill:
                c.fill = PatternFill("solid", fgColor=case.header_rgb)
    if case.span_label:
        a, b = case.span_cols
        ws.merge_cells(start_row=hdr, start_column=a + 1, end_row=hdr, end_column=b + 1)
        if case.span_merge_down:
            for j in range(1, len(SIX) + 1):
                if not a + 1 <= j <= b + 1:
                    ws.merge_cells(start_row=hdr, start_column=j, end_row=hdr + 1, end_column=j)
        hdr += 1
    n = len(case.rows)
    breaks = set(range(case.rows_per_page, n, case.rows_per_page)) if case.rows_per_page else set()

    def at(i: int) -> int:  # body row i's sheet row (group rows printed before it move it down)
        return hdr + 1 + i + sum(1 for g in case.group_rows if g <= i)

    for g, label in case.group_rows.items():
        row = at(g) - 1 if g < n else at(n - 1) + 1
        c = ws.cell(row, 1, label)
        c.font = Font(name=case.font, size=case.size, bold=True)
        c.alignment = Alignment(horizontal="left", vertical="center")
        for j in range(1, len(SIX) + 1):
            ws.cell(row, j).border = border
            if case.group_fill:
                ws.cell(row, j).fill = PatternFill("solid", fgColor="FFD9D9D9")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(SIX))
    for i, r in enumerate(case.rows):
        for j, key in enumerate(SIX, 1):
            c = ws.cell(at(i), j)
            value: object = r[key]
            if key == "change_date_raw" and case.real_dates:
                d = dt.date.fromisoformat(r["change_date"])
                fmt = {"slash": "yyyy/m/d", "slash0": "yyyy/mm/dd", "seireki": 'yyyy"年"m"月"d"日"'}
                value = dt.datetime(d.year, d.month, d.day)
                c.number_format = fmt[_date_style_of(r)]
            if case.fixed_heights:
                pass
            elif (i, key) in case.runs:
                runs = case.runs[(i, key)]
                spare = spare_lines("".join(t for t, _ in runs)) + "\n" * case.extra_spare.get(i, 0)
                value = _runs_rich([*runs, (spare, {})], case.font, case.size)
            elif key in TEXT_CELLS and value:
                spare = spare_lines(str(value)) + "\n" * case.extra_spare.get(i, 0)
                # The spare lines go where the alignment leaves them unseen: under top-aligned
                # text, over bottom-aligned text (else the text would stand above the row's foot).
                value = f"{spare}{value}" if case.valign == "bottom" else f"{value}{spare}"
            if case.fixed_heights and (i, key) in case.runs:
                value = _runs_rich(case.runs[(i, key)], case.font, case.size)
            c.value = value
            c.font = body_font
            c.border = border if case.inner_rule == "thin" else _inner_border(case.inner_rule, i, j, n)
            center = key in ("change_date_raw", "timing")
            rot = case.timing_rotation if key == "timing" else None
            justify = case.justify and key in TEXT_CELLS
            spread = "distributed" if case.distributed and key in TEXT_CELLS else None
            c.alignment = Alignment(
                horizontal="center" if center else (spread or ("justify" if justify else "left")),
                vertical=case.valign_of.get(key, case.valign),
                wrap_text=True,
                text_rotation=rot or 0,
            )
    if case.blank_row:
        for j in range(1, len(SIX) + 1):
            c = ws.cell(at(n - 1) + 1, j, case.blank_row if j == 1 else None)
            c.font, c.border = body_font, border
            c.alignment = Alignment(horizontal="center", vertical="top")
    for k, (text, align) in enumerate(case.closing):
        # One blank row, then each paragraph: a note from column A (it runs over the empty
        # cells beside it), 以上 in the last column, set to the right.
        c = ws.cell(at(n - 1) + 2 + k + (n in case.group_rows), 1 if align == "left" else len(SIX), text)
        c.font = body_font
        c.alignment = Alignment(horizontal=align, vertical="top")
    if case.merge:
        for key in case.merge_keys:
            col = SIX.index(key) + 1
            cuts = (set() if case.merge_over_breaks else breaks) | set(case.group_rows)
            for a, b in merge_runs(case.rows, key, cuts):
                ws.merge_cells(start_row=at(a), start_column=col, end_row=at(b), end_column=col)
    before_col = SIX.index("before") + 1
    for i in case.merge_across:
        ws.merge_cells(start_row=at(i), start_column=before_col, end_row=at(i), end_column=before_col + 1)
    for j, w in enumerate(case.widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    if case.fixed_heights:
        for i, h in enumerate(row_heights(case)):
            ws.row_dimensions[at(i)].height = h
    for k in sorted(breaks):  # a break before body row k (and before its group row)
        ws.row_breaks.append(Break(id=at(k) - 1 - (k in case.group_rows)))
    if case.repeat_header or case.fit_width:  # (the fitted cases before session 56 always repeat it)
        ws.print_title_rows = f"{title_top}:{hdr}"
    if case.page_numbers:
        ws.oddFooter.center.text = case.page_number_format.replace("{P}", "&P").replace("{N}", "&N")
    if case.page_footer:
        ws.oddFooter.left.text = case.page_footer
    if case.page_header[0]:
        getattr(ws.oddHeader, case.page_header[1]).text = case.page_header[0]
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = case.fit_width
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.pageOrder = case.page_order
    ws.print_options.horizontalCentered = True
    ws.print_options.headings = case.print_headings
    wb.save(path)


def _inner_border(style: str, i: int, j: int, n: int):  # type: ignore[no-untyped-def]
    """Body cell (row ``i`` of ``n``, column ``j`` of 1–6): ``style`` inside, solid on the frame."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="FF000000")
    if style == "none":  # no rulings in the body at all
        return Border()
    if style == "hrules":  # ruled across only: no vertical rulings at all
        return Border(top=thin, bottom=thin)
    inner = Side(style=style, color="FF000000")
    return Border(
        left=thin if j == 1 else inner,
        right=thin if j == len(SIX) else inner,
        top=thin if i == 0 else inner,
        bottom=thin if i == n - 1 else inner,
    )


def _xlsx_cover(wb, ws, case: Case, border) -> int:  # type: ignore[no-untyped-def]
    """The cover's title and its (label, value) cells, bordered, label in column A and value
    over columns B–D: on a sheet of its own printed first (``cover_own_page``), else in the
    table sheet's first rows.  Returns how many rows of ``ws`` the cover takes (0 on its own
    sheet)."""
    from openpyxl.styles import Alignment, Font

    sheet = wb.create_sheet("表紙", 0) if case.cover_own_page else ws
    font = Font(name=case.font, size=case.size)
    sheet.cell(1, 1, case.cover_title).font = Font(name=case.font, size=case.size + 3)
    row = 3
    for label, value in case.cover:
        a = sheet.cell(row, 1, label)
        b = sheet.cell(row, 2, value)
        for c in (a, b):
            c.font = font
            c.border = border
            c.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.cell(row, 3).border = border
        sheet.cell(row, 4).border = border
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        row += 1
    if case.cover_own_page:
        from openpyxl.utils import get_column_letter

        for j, w in enumerate(case.widths, 1):
            sheet.column_dimensions[get_column_letter(j)].width = w
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        return 0
    return row


def _units(text: str) -> int:
    """Display units: full width 2, half width 1."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def row_heights(case: Case) -> list[float]:
    """Row heights in points for a Calc case with ``fixed_heights``: each row's tallest cell's
    lines (estimated from the column width in Excel units, about 7 px each, and the font size),
    plus ``height_slack`` lines and the retries' extra lines (``extra_spare``).  A merged cell's
    lines are shared by the rows it covers only in the sense that each row is fitted alone."""
    out = []
    for i, r in enumerate(case.rows):
        lines = 1
        for j, key in enumerate(SIX):
            width_pt = max(case.widths[j] * 7 * 0.75 - 4, case.size)
            per_line = max(int(width_pt / (case.size / 2)) - 1, 2)
            n = sum(max(1, -(-_units(p) // per_line)) for p in str(r[key]).split("\n"))
            lines = max(lines, n)
        lines += case.height_slack + case.extra_spare.get(i, 0)
        out.append(round(lines * case.size * 1.45 + 4, 1))
    return out


def _date_style_of(r: dict) -> str:
    raw = r["change_date_raw"]
    if "年" in raw:
        return "seireki"
    return "slash0" if re.search(r"/0\d", raw) or re.search(r"/\d\d/\d\d$", raw) else "slash"


# --------------------------------------------------------------------------- .docx


def _set_east_asian(run_or_style, font: str) -> None:
    from docx.oxml.ns import qn

    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def docx_page(look: dict, landscape: bool):  # type: ignore[no-untyped-def]
    """A python-docx document on A4 (``landscape`` or portrait), 1.5 cm margins, its Normal style
    ``look["font"]`` (East Asian too) at ``look["size"]`` pt with no space after paragraphs, and
    the title paragraph （別添２）変更箇所."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = look["font"]
    style.font.size = Pt(look["size"])
    style.element.rPr.rFonts.set(qn("w:eastAsia"), look["font"])
    style.paragraph_format.space_after = Pt(0)
    doc.add_paragraph("（別添２）変更箇所")
    return doc


def docx_label_table(doc, labels: list[str], body_rows: int):  # type: ignore[no-untyped-def]
    """A grid-ruled python-docx table of ``body_rows`` rows under a label row of ``labels``, its
    widths fixed and its label row repeated on each page (``w:tblHeader``)."""
    from docx.oxml.ns import qn

    table = doc.add_table(rows=1 + body_rows, cols=len(labels))
    table.style = "Table Grid"
    table.autofit = False
    for j, label in enumerate(labels):
        table.rows[0].cells[j].text = label
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    return table


def _fill_cell(
    cell, text: str, runs: list[tuple[str, dict]] | None, case: Case, justify: bool = False
) -> None:
    from docx.shared import RGBColor

    if runs is None:
        runs = [(text, {})]
    # Split the runs at "\n" into paragraphs.
    paragraphs: list[list[tuple[str, dict]]] = [[]]
    for t, how in runs:
        for k, piece in enumerate(t.split("\n")):
            if k:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append((piece, how))
    for k, para in enumerate(paragraphs):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if justify or case.distributed:
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            p.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE if case.distributed else WD_ALIGN_PARAGRAPH.JUSTIFY
        for t, how in para:
            run = p.add_run(t)
            run.bold = bool(how.get("bold") or case.bold_cells) or None
            if how.get("underline"):
                from docx.enum.text import WD_UNDERLINE

                run.underline = WD_UNDERLINE.DOUBLE if how["underline"] == "double" else True
            if how.get("white"):
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            if how.get("red"):
                run.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)


def _header_cells(case: Case) -> list[list[str]]:
    """The label row's cells, one list per printed row: one row, or two (``span_label``: the
    spanning label at its first column and the other labels in the upper row, the spanned
    columns' labels in the lower one)."""
    if not case.span_label:
        return [list(case.labels)]
    a, b = case.span_cols
    upper = [case.span_label if j == a else "" if a <= j <= b else lab for j, lab in enumerate(case.labels)]
    lower = [lab if a <= j <= b else "" for j, lab in enumerate(case.labels)]
    return [upper, lower]


def write_docx(path: Path, case: Case) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT if case.portrait else WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = (Cm(21.0), Cm(29.7)) if case.portrait else (Cm(29.7), Cm(21.0))
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(2.0))
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    normal = doc.styles["Normal"]
    normal.font.name = case.font
    normal.font.size = Pt(case.size)
    _set_east_asian(normal, case.font)
    normal.paragraph_format.space_after = Pt(case.space_after)
    normal.paragraph_format.space_before = Pt(0)
    if case.cover:
        doc.add_paragraph(case.cover_title)
        ctable = doc.add_table(rows=len(case.cover), cols=2)
        ctable.style = "Table Grid"
        for (label, value), crow in zip(case.cover, ctable.rows, strict=True):
            crow.cells[0].text, crow.cells[1].text = label, value
        if case.cover_own_page:
            from docx.enum.text import WD_BREAK

            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            doc.add_paragraph("")
    for text in case.lead:
        doc.add_paragraph(text)
    doc.add_paragraph(f"（別添{case.appendix}）変更箇所")
    if case.caption:
        doc.add_paragraph(case.caption)
    cut = len(case.rows) if case.split_after is None else case.split_after
    _docx_table(doc, case, case.rows[:cut])
    if case.split_after is not None:
        doc.add_paragraph("")
        doc.add_paragraph(case.split_heading)
        _docx_table(doc, case, case.rows[cut:], labels=case.split_labels)
    if case.page_numbers:
        _docx_page_numbers(doc, case.page_number_format, case.page_footer)
    if case.page_header[0]:
        _docx_page_header(doc, *case.page_header)
    if case.closing:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        doc.add_paragraph("")
        for text, align in case.closing:
            para = doc.add_paragraph(text)
            if align == "right":
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if case.tail_table:
        doc.add_paragraph("")
        small = doc.add_table(rows=len(case.tail_table), cols=2)
        small.style = "Table Grid"
        for (label, value), srow in zip(case.tail_table, small.rows, strict=True):
            srow.cells[0].text, srow.cells[1].text = label, value
    doc.save(path)


def _docx_table(doc, case: Case, rows: list[dict], labels: bool = True) -> None:  # type: ignore[no-untyped-def]
    """The amendment table of ``rows`` (its label row first, unless not ``labels``) added to
    ``doc``."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.oxml.ns import qn
    from docx.shared import Cm

    header_cells = _header_cells(case) if labels else []
    h = len(header_cells)
    # Group rows (only in a table of all the case's rows): each before its body row.
    groups = case.group_rows if len(rows) == len(case.rows) else {}

    def at(i: int) -> int:  # body row i's table row
        return h + i + sum(1 for g in groups if g <= i)

    table = doc.add_table(rows=h + len(rows) + len(groups), cols=6)
    table.style = "Table Grid"
    table.autofit = False
    for k, row in enumerate(header_cells):
        for j, label in enumerate(row):
            if label:
                table.rows[k].cells[j].text = label
    if case.repeat_header:
        for k in range(h):
            trpr = table.rows[k]._tr.get_or_add_trPr()
            trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    runs = {key: merge_runs(rows, key, set(groups)) for key in case.merge_keys} if case.merge else {}
    covered = {(i, key) for key, rs in runs.items() for a, b in rs for i in range(a + 1, b + 1)}
    for i, r in enumerate(rows):
        cells = table.rows[at(i)].cells
        for j, key in enumerate(SIX):
            if (i, key) not in covered:  # a merged cell's text is in its first row only
                justify = case.justify and key in TEXT_CELLS
                _fill_cell(cells[j], r[key], case.runs.get((i, key)), case, justify)
            if case.timing_vertical and key == "timing":
                tcpr = cells[j]._tc.get_or_add_tcPr()
                tcpr.append(tcpr.makeelement(qn("w:textDirection"), {qn("w:val"): "tbRl"}))
            cells[j].vertical_alignment = {
                "center": WD_ALIGN_VERTICAL.CENTER,
                "bottom": WD_ALIGN_VERTICAL.BOTTOM,
            }.get(case.valign_of.get(key, case.valign), WD_ALIGN_VERTICAL.TOP)
    for key, rs in runs.items():
        j = SIX.index(key)
        for a, b in rs:
            table.cell(at(a), j).merge(table.cell(at(b), j))
    for j, w in enumerate(case.widths):
        table.columns[j].width = Cm(w)
        for cell in table.columns[j].cells:
            cell.width = Cm(w)
    for g, label in groups.items():  # merged once every cell has its width
        row = at(g) - 1
        merged = table.cell(row, 0).merge(table.cell(row, len(SIX) - 1))
        _fill_cell(merged, label, [(label, {"bold": True})], case)
    if case.span_label:  # merged once every cell has its width (a cell across two columns takes both)
        a, b = case.span_cols
        table.cell(0, a).merge(table.cell(0, b))
        if case.span_merge_down:
            for j in range(len(SIX)):
                if not a <= j <= b:
                    table.cell(0, j).merge(table.cell(1, j))
    if case.inner_rule != "thin":
        # The table's own borders: a solid frame, ``inner_rule`` between the cells.
        tblpr = table._tbl.tblPr
        borders = tblpr.makeelement(qn("w:tblBorders"), {})
        sz = "2" if case.inner_rule == "hairline" else "4"  # eighths of a point
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            val = case.inner_rule if edge.startswith("inside") else "single"
            if case.inner_rule == "hrules":  # ruled across only: no vertical rulings at all
                val = "nil" if edge in ("left", "right", "insideV") else "single"
            if case.inner_rule == "none":  # no rulings but the label row's foot (pandoc's look)
                val = "nil"
            if case.inner_rule == "hairline":  # every border Word's thinnest line (¼ pt, scan63)
                val = "single"
            attrs = {qn("w:val"): val, qn("w:sz"): sz, qn("w:space"): "0", qn("w:color"): "000000"}
            borders.append(borders.makeelement(qn(f"w:{edge}"), attrs))
        tblpr.append(borders)
        for cell in table.rows[h - 1].cells if h else []:  # the label row's foot stays solid
            tcpr = cell._tc.get_or_add_tcPr()
            tcb = tcpr.makeelement(qn("w:tcBorders"), {})
            attrs = {qn("w:val"): "single", qn("w:sz"): sz, qn("w:space"): "0", qn("w:color"): "000000"}
            tcb.append(tcb.makeelement(qn("w:bottom"), attrs))
            tcpr.append(tcb)


def _docx_page_header(doc, text: str, align: str) -> None:  # type: ignore[no-untyped-def]
    """``text`` as the page header of every page, set ``align`` ("left" / "center" / "right")."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    para = doc.sections[0].header.paragraphs[0]
    para.text = text
    para.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())


def _docx_page_numbers(doc, form: str = "- {P} -", above: str = "") -> None:  # type: ignore[no-untyped-def]
    """A centred page-number footer on every page: ``form`` with ``{P}`` a PAGE field and ``{N}``
    a NUMPAGES field (``- {P} -``, ``{P}/{N}``); ``above``: a footer line printed over it."""
    import re

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    footer = doc.sections[0].footer
    para = footer.paragraphs[0]
    if above:
        para.text = above
        para = footer.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{[PN]\})", form):
        if piece not in ("{P}", "{N}"):
            if piece:
                para.add_run(piece)
            continue
        run = para.add_run()
        field = " PAGE " if piece == "{P}" else " NUMPAGES "
        for kind, text in (("begin", None), (None, field), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                run._r.append(run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))
            elif text == field:
                el = run._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
                el.text = field
                run._r.append(el)
            else:
                el = run._r.makeelement(qn("w:t"), {})
                el.text = text
                run._r.append(el)


# --------------------------------------------------------------------------- conversion + truth


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit(
            "LibreOffice is missing: apt-get install -y --no-install-recommends "
            "libreoffice-calc libreoffice-writer"
        )
    return exe


def _soffice_run(files: list[Path], fmt: str, outdir: Path, profile: Path) -> None:
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )


def _other_program_run(src: Path, pdf: Path, program: str) -> None:
    """``src`` to ``pdf`` with Gnumeric's ``ssconvert`` or ``abiword --to=pdf``."""
    exe = {"gnumeric": "ssconvert", "abiword": "abiword"}[program]
    if not shutil.which(exe):
        raise SystemExit(f"{exe} is missing: apt-get install -y --no-install-recommends {program}")
    cmd = [exe, str(src), str(pdf)] if program == "gnumeric" else [exe, "--to=pdf", "-o", str(pdf), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)


def convert(
    files: list[Path],
    outdir: Path,
    direct: frozenset[Path] = frozenset(),
    programs: dict[Path, str] | None = None,
    via_odt: frozenset[Path] = frozenset(),
) -> None:
    """All files to ``outdir/<stem>.pdf``: with the program ``programs`` names for a file
    ("gnumeric": ``ssconvert``, "abiword": ``abiword --to=pdf``), else with LibreOffice, with a
    private profile (no lock with another LibreOffice).  A .xlsx goes through .ods first:
    LibreOffice does not fit the rows of an .xlsx to their wrapped text when it loads one (rows
    without a height keep the default 15 pt, and the text is clipped), but it does for an .ods
    whose rows ask for the optimal height, which is what the .xlsx's rows without a height mean
    (Excel fits them on save).  The files in ``direct`` (a .xlsx whose rows have their heights)
    are converted as they are; a .docx in ``via_odt`` is saved as .odt by Writer first and that
    .odt exported."""
    programs = programs or {}
    for f in files:
        if programs.get(f, "libreoffice") != "libreoffice":
            _other_program_run(f, outdir / f"{f.stem}.pdf", programs[f])
    files = [f for f in files if programs.get(f, "libreoffice") == "libreoffice"]
    if not files:
        return
    profile = Path(tempfile.gettempdir()) / f"lo_profile_office_{os.getpid()}"
    try:
        sheets = [f for f in files if f.suffix == ".xlsx" and f not in direct]
        others = [f for f in files if f.suffix != ".xlsx" or f in direct]
        if sheets:
            ods_dir = outdir / "ods"
            ods_dir.mkdir(exist_ok=True)
            _soffice_run(sheets, "ods", ods_dir, profile)
            others += [ods_dir / f"{f.stem}.ods" for f in sheets]
        texts = [f for f in others if f in via_odt]
        if texts:
            odt_dir = outdir / "odt"
            odt_dir.mkdir(exist_ok=True)
            _soffice_run(texts, "odt", odt_dir, profile)
            others = [f for f in others if f not in via_odt] + [odt_dir / f"{f.stem}.odt" for f in texts]
        _soffice_run(others, "pdf", outdir, profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def stream_text(pdf: Path) -> list[str]:
    """Each page's characters in content-stream order (LibreOffice draws a cell's text in one
    piece), whitespace removed, radicals printed for ideographs (AbiWord's ⽇) read as the
    ideographs (piatable's ``clean_text``): what the truth is checked against."""
    import pdfplumber

    from piatable.normalize.unicode import clean_text

    with pdfplumber.open(pdf) as doc:
        return [NBSP_FREE.sub("", clean_text("".join(c["text"] for c in p.chars))) for p in doc.pages]


def squash(text: str) -> str:
    return NBSP_FREE.sub("", text)


def locate(want: str, whole: str, start: int = 0, max_pieces: int = 3) -> tuple[int, int] | None:
    """Where the (whitespace-free) text ``want`` is printed in ``whole`` at or after ``start``:
    the positions of its first and last characters.  A cell that a page break splits is printed
    in pieces (the other cells of its row come between them), so it is found as at most
    ``max_pieces`` pieces in order (longest first piece first, then shorter ones that start
    elsewhere).  None when it is not printed in full."""
    if not want:
        return None
    seen: set[int] = set()
    for n in range(len(want), 0, -1):
        pos = whole.find(want[:n], start)
        if pos < 0 or pos in seen:
            continue
        seen.add(pos)
        if n == len(want):
            return pos, pos + n - 1
        if max_pieces > 1:
            rest = locate(want[n:], whole, pos + n, max_pieces - 1)
            if rest is not None:
                return pos, rest[1]
    return None


def expected_records(pdf: Path, case: Case) -> list[dict]:
    """The truth in the committed format, with the pages each row was printed on.

    A row starts on the page where its item (or, if empty, its first non-empty cell) is printed
    and ends on the page where the last character of its longest cell is printed, searched from
    the previous row's start.  Raises ValueError when a cell is not printed in full (a clipped
    or lost cell would make a wrong truth)."""
    drop = str.maketrans("", "", case.fallback_glyphs)
    pages = [p.translate(drop) for p in stream_text(pdf)]
    whole = "".join(pages)

    def squash(text: str) -> str:
        return NBSP_FREE.sub("", text).translate(drop)

    starts, at = [], 0
    for p in pages:
        starts.append(at)
        at += len(p)

    def page_of(pos: int) -> int:
        return max(k for k, s in enumerate(starts) if s <= pos) + 1

    problems, bad, out, cursor = [], set(), [], 0
    for i, r in enumerate(case.rows):
        cells = [squash(r[k]) for k in ("item", "before", "after", "explanation") if r[k]]
        first = cells[0] if cells else squash(r["change_date_raw"])
        span = locate(first, whole, cursor) or locate(first, whole)
        if span is None:
            problems.append(f"row {i}: {first[:30]!r} not printed in full")
            bad.add(i)
            continue
        # The row's cells are looked for from the row's start, or from the page before it (a
        # merged or vertically centred cell may be printed before the item).
        near = starts[max(page_of(span[0]) - 2, 0)]
        for key in SIX:
            want = squash(r[key])
            # A merged cell is printed once, maybe pages before this row (Writer).
            start = 0 if case.merge and key in MERGEABLE else near
            # (From the document's start when not found near: a row broken over a page whose
            # item's first piece is also another row's is placed too late.)
            # (A cell longer than a page is printed in a piece per page.)
            pieces = max(3, len(pages) + 1)
            if want and locate(want, whole, start) is None and locate(want, whole, 0, pieces) is None:
                problems.append(f"row {i} {key}: {r[key][:40]!r} not printed in full")
                bad.add(i)
        longest = max(cells, key=len) if cells else first
        end = locate(longest, whole, near) or span
        cursor = span[0]
        e = {k: r[k] for k in ("change_date", *SIX)}
        e["row_index"] = i
        e["page_start"] = page_of(span[0])
        e["page_end"] = max(page_of(end[1]), e["page_start"])
        e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
        out.append({k: e.get(k) for k in EXPECTED_KEYS})
    if problems:
        raise NotPrinted(case.name, bad, problems)
    return out


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


# Calc: how many times a case whose rows LibreOffice clipped is made again with more spare lines.
CALC_RETRIES = 3


def render(cases: list[Case], work: Path) -> dict[str, tuple[Path, Path, list[dict]]]:
    """Each case's source, PDF and expected records.  A Calc case whose rows are clipped is
    made again with two more spare lines in those rows (see ``spare_lines``)."""
    done: dict[str, tuple[Path, Path, list[dict]]] = {}
    todo = list(cases)
    for attempt in range(CALC_RETRIES + 1):
        sources = []
        for case in todo:
            if case.program == "gnumeric":
                case.fixed_heights = True
            src = work / f"{case.name}.{'xlsx' if case.maker == 'calc' else 'docx'}"
            (write_xlsx if case.maker == "calc" else write_docx)(src, case)
            sources.append(src)
        pairs = list(zip(todo, sources, strict=True))
        convert(
            sources,
            work,
            frozenset(s for c, s in pairs if c.fixed_heights),
            {s: c.program for c, s in pairs},
            frozenset(s for c, s in pairs if c.via_odt),
        )
        again = []
        for case, src in zip(todo, sources, strict=True):
            pdf = work / f"{case.name}.pdf"
            try:
                done[case.name] = (src, pdf, expected_records(pdf, case))
            except NotPrinted as exc:
                if case.maker != "calc" or attempt == CALC_RETRIES:
                    raise
                for i in exc.rows:
                    case.extra_spare[i] = case.extra_spare.get(i, 0) + 2
                # A merged cell across an automatic page break, or a centred cell, can still
                # be clipped: then the case is made without them.
                if attempt == 1:
                    case.merge = False
                if attempt == 2:
                    case.valign = "top"
                print(f"{case.name}: rows {sorted(exc.rows)} clipped, made again", file=sys.stderr)
                again.append(case)
        if not again:
            break
        todo = again
    return done


def settings_of(case: Case) -> dict:
    """How a case looks, for the set's ``cases.json`` (what a reader of a failure needs)."""
    return (
        {
            "program": {"gnumeric": "Gnumeric ssconvert (.xlsx)", "abiword": "AbiWord --to=pdf (.docx)"}.get(
                case.program,
                ("LibreOffice Calc (.xlsx)" if case.fixed_heights else "LibreOffice Calc (.xlsx via .ods)")
                if case.maker == "calc"
                else f"LibreOffice Writer (.docx{' saved as .odt' if case.via_odt else ''})",
            ),
            "font": case.font,
            "size_pt": case.size,
            "widths": list(case.widths),
            "widths_unit": "Excel width units" if case.maker == "calc" else "cm",
            "valign": case.valign,
            "merged_cells": list(case.merge_keys) if case.merge else False,
            "valign_of": case.valign_of,
            "fixed_row_heights": case.fixed_heights,
            "height_slack_lines": case.height_slack,
            "merged_over_page_breaks": case.merge_over_breaks,
            "rows_per_page": case.rows_per_page,
            "header_repeated": case.repeat_header,
            "portrait": case.portrait,
            "space_after_pt": case.space_after,
            "title": f"（別添{case.appendix}）変更箇所",
            "real_date_cells": case.real_dates,
            "dates": sorted({r["change_date_raw"] for r in case.rows}),
            "styled_cells": sorted(
                {
                    f"{k}:{'+'.join(sorted({h for _, how in v for h in how}))}"
                    for (_, k), v in case.runs.items()
                }
            ),
            "timing_rotation": case.timing_rotation,
            "bold_cells": case.bold_cells,
            "extra_spare_lines": sum(case.extra_spare.values()),
            "texts": case.texts,
            "closing": [text for text, _ in case.closing],
            "page_numbers": case.page_number_format
            if case.page_numbers and case.page_number_format != "- {P} -"
            else case.page_numbers,
        }
        | ({"page_header": list(case.page_header)} if case.page_header[0] else {})
        | ({"page_footer": case.page_footer} if case.page_footer else {})
        | ({"split": [case.split_after, case.split_heading]} if case.split_after is not None else {})
        | ({"caption": case.caption} if case.caption else {})
        | ({"lead": list(case.lead)} if case.lead else {})
        | ({"tail_table": [list(r) for r in case.tail_table]} if case.tail_table else {})
        | ({"justified": True} if case.justify else {})
        | ({"distributed": True} if case.distributed else {})
        | ({"print_headings": True} if case.print_headings else {})
        | ({"timing_vertical": True} if case.timing_vertical else {})
        | ({"merge_across": list(case.merge_across)} if case.merge_across else {})
        | (
            {
                "two_row_header": {
                    "span_label": case.span_label,
                    "span_cols": list(case.span_cols),
                    "merged_down": case.span_merge_down,
                }
            }
            if case.span_label
            else {}
        )
    )


# Sets whose PDFs are not kept, and the only texts written for them (the repository stays lean).
LEAN_SETS = (
    "office2",
    "heldout2",
    "office3",
    "heldout3",
    "office-passone",
    "heldout-passone",
    "office-writerraw",
    "heldout-writerraw",
    "office8",
    "heldout8",
    "office-explonly19",
    "heldout-explonly19",
    "office-raw20",
    "heldout-raw20",
)
LEAN_TEXTS = ("pypdfium2", "pdftotext-raw")
# Sets whose PDFs are kept but whose only texts are LEAN_TEXTS (issues 10 and 12, branch raw46:
# faults of the row-ordered texts only).
ROW_ORDERED_SETS = (
    "office-raw46",
    "heldout-raw46",
    "office-silent47",
    "heldout-silent47",
    "office-raw47",
    "heldout-raw47",
    "office-stream48",
    "heldout-stream48",
    "office-raw49",
    "heldout-raw49",
)
# Sets for the ``pdftotext -layout`` reader only (issue 10, fourth round): their PDFs are kept,
# and only that extractor's text is written.
LAYOUT_SETS = (
    "office4",
    "heldout4",
    "office5",
    "heldout5",
    "office9",
    "heldout9",
    "office-explonly19",
    "heldout-explonly19",
    "office-layout48",
    "heldout-layout48",
    "office-layout49",
    "heldout-layout49",
)
LAYOUT_TEXTS = ("pdftotext-layout",)
# Sets for pdfplumber's ``extract_text()`` (issues 10 and 12, branch plumber48): the sixth text,
# written beside the PDF only for these sets (the older sets keep their five).
PLUMBER_SETS = (
    "office-plumber48",
    "heldout-plumber48",
    "office-plumber49",
    "heldout-plumber49",
    "office-plumber50",
    "heldout-plumber50",
    "office-plumber51",
    "heldout-plumber51",
    "office-plumber52",
    "heldout-plumber52",
    "office-plumber53",
    "heldout-plumber53",
)
PLUMBER_TEXTS = ("pdfplumber",)
# Branch plumber49's sets also keep pdfplumber's ``extract_text(layout=True)``.
PLUMBER_LAYOUT_SETS = ("office-plumber49", "heldout-plumber49", "office-plumber51", "heldout-plumber51")
PLUMBER_LAYOUT_TEXTS = ("pdfplumber", "pdfplumber-layout")
# Sets for pypdf's ``extract_text()`` and PyMuPDF's ``get_text("text")`` (issues 10/12, branch
# pypdf53; and the false alarms and silent wrongs of issue 12, branch honest55): the five texts
# and those two.
PYPDF_SETS = ("office-pypdf53", "heldout-pypdf53", "office-honest55", "heldout-honest55")
PYPDF_TEXTS = (*EXTRACTORS, "pypdf", "pymupdf")
# Sets of tables in a document's body text (session 54, tools/make_bodytext54_samples.py): the
# five texts and PyMuPDF's in its default order and with ``sort=True``.
BODYTEXT_SETS = ("office-bodytext54", "heldout-bodytext54")
BODYTEXT_TEXTS = (*EXTRACTORS, "pymupdf", "pymupdf-sort")
# Sets for pdfminer with other layout parameters (issue 10, branch plain54): the default pdfminer
# text, ``boxes_flow=None`` and ``-0.5`` (make_pdfs.extract_text), and plain ``pdftotext``.
FLOW_SETS = ("office-plain54", "heldout-plain54")
FLOW_TEXTS = ("pdfminer", "pdfminer-noflow", "pdfminer-flowneg", "pdftotext")
# pypdf's layout mode (``extract_text(extraction_mode="layout")``: branch bikou55's sets).
PYPDF_LAYOUT_TEXTS = ("pypdf-layout",)
# Sets of merged 項目 / 説明 / 変更日 cells and rows broken over pages (issue 10, branch flow55,
# tools/make_flow55_samples.py): fourteen extractors' texts.
ALL_TEXTS_SETS = ("office-flow55", "heldout-flow55", "office-spaced67", "heldout-spaced67")
# The texts of pdfplumber, pypdf and PyMuPDF as their users call them (make_pdfs.extract_text).
LIBRARY_TEXTS = (
    "pdfplumber",
    "pdfplumber-layout",
    "pypdf",
    "pypdf-layout",
    "pymupdf",
    "pymupdf-sort",
    "pymupdf-blocks",
)
ALL_TEXTS = (*EXTRACTORS, "pdfminer-noflow", "pdfminer-flowneg", *LIBRARY_TEXTS)
# Ten texts, one of each family's common call (the five command-line and pdfminer ones, the three
# libraries' plain calls, pdfplumber's and pypdf's layout modes): a set of one new kind read by
# every order (tools/make_extracol67_samples.py, make_twocol68_samples.py).
TEN_TEXTS = (
    "pypdfium2",
    "pdftotext-raw",
    "pdftotext",
    "pdftotext-layout",
    "pdfminer",
    "pdfplumber",
    "pdfplumber-layout",
    "pypdf",
    "pypdf-layout",
    "pymupdf",
)
# Sets of page furniture (session 55, tools/make_pagemark55_samples.py): the five texts, pdfplumber,
# pypdf and PyMuPDF as their users call them, and ``pdftotext -layout`` in CP932 with CRLF.
PAGEMARK_SETS = ("office-pagemark55", "heldout-pagemark55")
PAGEMARK_TEXTS = (*EXTRACTORS, *LIBRARY_TEXTS, "pdftotext-layout-cp932")
# Column strips and Shift-JIS text (session 56): ``pdftotext [-layout] -enc Shift-JIS``'s bytes
# as poppler writes them (``-sjis``: ASCII made full-width, spaces as U+3000), beside the UTF-8
# layout text and a library's text without form feeds.
STRIPS_SETS = ("office-strips56", "heldout-strips56")
STRIPS_TEXTS = ("pdftotext-layout", "pdftotext-layout-sjis", "pdftotext-sjis", "pypdfium2+nl")
# Sets of page furniture in texts joined without form feeds (session 56,
# tools/make_newline56_samples.py): the library texts with form feeds and with line ends
# (``TOOL+nl``, as their users join pages).
NEWLINE_SETS = ("office-newline56", "heldout-newline56")
_NEWLINE_TOOLS = (
    "pypdfium2",
    "pdfplumber",
    "pdfplumber-layout",
    "pypdf",
    "pymupdf",
    "pymupdf-sort",
    "pymupdf-blocks",
)
NEWLINE_TEXTS = tuple(t for tool in _NEWLINE_TOOLS for t in (tool, f"{tool}+nl"))
# Texts with pages joined by line ends, no form feeds (make_pdfs.extract_text's ``TOOL+nl``:
# branch thead56's sets).
NL_TEXTS = tuple(f"{t}+nl" for t in ("pypdfium2", "pypdf", "pymupdf", "pdfplumber"))
# Sets of rows that row-ordered texts read as two (issue 10, branch column56,
# tools/make_column56_samples.py): the row-ordered extractors, each also with pages joined by line
# ends as library users join them (``+nl``).
ROWSPLIT_SETS = ("office-column56", "heldout-column56")
ROWSPLIT_TEXTS = tuple(
    t + nl for t in ("pypdfium2", "pdftotext-raw", "pymupdf-sort", "mutool") for nl in ("", "+nl")
)
# Sets of rows continued over a page and cells torn between columns in stream texts
# (tools/make_rawtear57_samples.py, branch rawtear57): the stream extractors, each also with
# pages joined by line ends (``+nl``).
RAWTEAR_SETS = ("office-rawtear57", "heldout-rawtear57")
RAWTEAR_TEXTS = tuple(
    t + nl for t in ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf", "pymupdf-blocks") for nl in ("", "+nl")
)
# Sets of merged 変更日 cells read by layout-mode extractors (tools/make_merged56_samples.py,
# branch merged56): the layout texts, with form feeds and with pages joined by line ends.
MERGED56_SETS = ("office-merged56", "heldout-merged56")
# Sets of Writer tables whose 提出時期 is printed vertically (tools/make_tbrl57_samples.py, branch
# tbrl57): the layout texts and the row-ordered ones, with form feeds and pages joined by line ends.
TBRL57_SETS = ("office-tbrl57", "heldout-tbrl57")
TBRL57_TEXTS = (
    "pdftotext-layout",
    "pdftotext-layout+nl",
    "pdfplumber-layout",
    "pdfplumber-layout+nl",
    "pymupdf-sort",
    "pymupdf-sort+nl",
    "pypdf",
    "pypdf+nl",
)
# Tables over pages with page-number footers and repeated-block items read by library users
# (tools/make_pagejoin59_samples.py, branch pagejoin59): pypdf's pages joined with "" (``+j0``),
# line ends and form feeds; pdfplumber plain and layout, PyMuPDF ``sort=True``.
PAGEJOIN_SETS = ("office-pagejoin59", "heldout-pagejoin59", "office-unwarn61", "heldout-unwarn61")
PAGEJOIN_TEXTS = (
    "pypdf+j0",
    "pypdf+nl",
    "pypdf",
    "pdfplumber",
    "pdfplumber+nl",
    "pdfplumber-layout",
    "pdfplumber-layout+nl",
    "pymupdf-sort",
    "pymupdf-sort+nl",
)
MERGED56_TEXTS = (
    "pdftotext-layout",
    "pdftotext-layout+nl",
    "pdfplumber-layout",
    "pdfplumber-layout+nl",
    "pypdf-layout",
    "pypdf-layout+nl",
    "pymupdf-sort",
)


def parse_set_args(doc: str, names: list[str], argv: list[str] | None) -> argparse.Namespace:
    """The command line of a tool that makes sample sets: ``--set NAME`` (repeatable, one of
    ``names``; none given: every set, ``ns.set`` filled so) and ``--keep DIR`` (also copy the
    .xlsx / .docx there)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--set", choices=sorted(names), action="append", help="default: every set")
    ap.add_argument("--keep", type=Path, help="also copy the .xlsx / .docx here")
    ns = ap.parse_args(argv)
    ns.set = ns.set or list(names)
    return ns


def poppler_sjis(pdf: Path, tool: str) -> bytes:
    """``pdftotext [-layout] -enc Shift-JIS``'s bytes of ``pdf`` (``tool``: pdftotext or
    pdftotext-layout): poppler maps every ASCII character to its full-width form and pads the
    columns with U+3000 (set XVII kind 11)."""
    flags = {"pdftotext": [], "pdftotext-layout": ["-layout"]}[tool]
    return subprocess.run(
        ["pdftotext", *flags, "-enc", "Shift-JIS", str(pdf), "-"], check=True, capture_output=True
    ).stdout


def build_set(root: Path, cases: list[Case], keep: Path | None) -> None:
    """Write every case of one set under ``root`` (replacing what was there), and the settings
    of each case in ``root/cases.json``."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = render(cases, work)
        if root.exists():
            for folder in root.iterdir():
                if folder.is_dir() and folder.name != "tables":
                    shutil.rmtree(folder)
        root.mkdir(parents=True, exist_ok=True)
        manifest: dict[str, dict] = {}
        for case in cases:
            src, pdf, expected = made[case.name]
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(src, keep / src.name)
            folder = root / case.name
            (folder / "expected").mkdir(parents=True)
            shutil.copy(pdf, folder / "input.pdf")
            write_json(folder / "expected" / "records.json", expected)
            if case.texts:
                tools = LEAN_TEXTS if root.name in (*LEAN_SETS, *ROW_ORDERED_SETS) else EXTRACTORS
                if root.name in LONG_SETS:
                    tools = LONG_TEXTS
                if root.name in PLUMBER_SETS:
                    tools = PLUMBER_LAYOUT_TEXTS if root.name in PLUMBER_LAYOUT_SETS else PLUMBER_TEXTS
                if root.name in PYPDF_SETS:
                    tools = PYPDF_TEXTS
                if root.name in BODYTEXT_SETS:
                    tools = BODYTEXT_TEXTS
                if root.name in FLOW_SETS:
                    tools = FLOW_TEXTS
                if root.name in ALL_TEXTS_SETS:
                    tools = ALL_TEXTS
                if root.name in PAGEMARK_SETS:
                    tools = PAGEMARK_TEXTS
                if root.name in STRIPS_SETS:
                    tools = STRIPS_TEXTS
                if root.name in NEWLINE_SETS:
                    tools = NEWLINE_TEXTS
                if root.name in ROWSPLIT_SETS:
                    tools = ROWSPLIT_TEXTS
                if root.name in MERGED56_SETS:
                    tools = MERGED56_TEXTS
                if root.name in RAWTEAR_SETS:
                    tools = RAWTEAR_TEXTS
                if root.name in TBRL57_SETS:
                    tools = TBRL57_TEXTS
                if root.name in PAGEJOIN_SETS:
                    tools = PAGEJOIN_TEXTS
                for tool in LAYOUT_TEXTS if root.name in LAYOUT_SETS else tools:
                    tfolder = root / f"{case.name}-{tool}"
                    (tfolder / "expected").mkdir(parents=True)
                    if tool.endswith("-sjis"):  # poppler's own Shift-JIS (CP932) bytes
                        (tfolder / "input.txt").write_bytes(poppler_sjis(pdf, tool.removesuffix("-sjis")))
                    elif tool.endswith("-cp932"):
                        (tfolder / "input.txt").write_bytes(cp932_text(pdf, tool))
                    else:
                        (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                    write_json(tfolder / "expected" / "records.json", expected)
            pages = expected[-1]["page_end"] if expected else 0
            size = (folder / "input.pdf").stat().st_size
            if root.name in LEAN_SETS or root.name in LONG_SETS:
                # Only the texts are committed (the PDF is remade by this tool, seeded).
                shutil.rmtree(folder)
            spare = f", {sum(case.extra_spare.values())} extra spare lines" if case.extra_spare else ""
            manifest[case.name] = settings_of(case) | {"rows": len(expected), "pages": pages}
            print(
                f"{root.name}/{case.name}: {len(expected)} rows, {pages} pages, {size // 1024} KB{spare}",
                file=sys.stderr,
            )
        write_manifest(root, manifest)


# --------------------------------------------------------------------------- the sets


def _rng(name: str) -> random.Random:
    return random.Random(f"piatable-office-{name}")


def widths_of(maker: str, heldout: bool) -> tuple[tuple[float, ...], ...]:
    """The column widths a case of ``maker`` draws from (Calc: width units; Writer: cm), the
    held-out set's or the tuning set's."""
    if maker == "calc":
        return HELDOUT_CALC_WIDTHS if heldout else TUNING_CALC_WIDTHS
    return HELDOUT_WRITER_WIDTHS if heldout else TUNING_WRITER_WIDTHS


def plain_case(
    name: str, table: list[dict], maker: str, heldout: bool, date_style: str | None = None
) -> Case:
    """A case whose look is drawn from the set's pools by an RNG seeded with its name (the date
    style too, unless given)."""
    rng = _rng(name)
    fonts = HELDOUT_FONTS if heldout else TUNING_FONTS
    sizes = HELDOUT_SIZES if heldout else TUNING_SIZES
    widths = rng.choice(widths_of(maker, heldout))
    drawn = rng.choice(DATE_STYLES)
    date_style = date_style or drawn
    rows = printed_rows(table, date_style, newest_first=rng.random() < 0.35)
    return Case(
        name=name,
        rows=rows,
        maker=maker,
        font=rng.choice(fonts),
        size=rng.choice(sizes),
        widths=widths,
        valign=rng.choice(("top", "center")),
        merge=rng.random() < 0.5,
        rows_per_page=rng.choice((None, None, 3, 4, 5)) if maker == "calc" else None,
        repeat_header=rng.random() < 0.75,
        appendix=rng.choice(("２", "3")),
        header_fill=rng.random() < 0.4,
        real_dates=maker == "calc" and date_style in ("slash", "slash0", "seireki") and rng.random() < 0.5,
    )


def tuning_cases() -> list[Case]:
    """Each tuning table by Calc and by Writer, and two more looks; the date styles taken in
    turn so that each is printed by both programs."""
    cases = []
    for name, path in TUNING_TABLES.items():
        table = load_table(path)
        for maker in ("calc", "writer"):
            style = DATE_STYLES[(len(cases) + len(cases) // len(DATE_STYLES)) % len(DATE_STYLES)]
            cases.append(plain_case(f"{maker}-{name}", table, maker, heldout=False, date_style=style))
    # Two more looks of the longest tables: many rows per page and a Writer table whose header
    # is not repeated.
    juki = load_table(TUNING_TABLES["juki"])
    c = plain_case("calc-juki-b", juki, "calc", heldout=False)
    cases.append(replace(c, rows_per_page=None, merge=True, valign="center"))
    c = plain_case("writer-zeimu-b", load_table(TUNING_TABLES["zeimu"]), "writer", heldout=False)
    cases.append(replace(c, repeat_header=False, merge=True))
    return cases


def heldout_cases() -> list[Case]:
    """Each held-out table by Calc and by Writer, the date styles taken in turn."""
    cases = []
    for path in sorted(HELDOUT_DIR.glob("*.json")):
        table = load_table(path)
        for maker in ("calc", "writer"):
            style = DATE_STYLES[(len(cases) + 3) % len(DATE_STYLES)]
            cases.append(plain_case(f"{maker}-{path.stem}", table, maker, heldout=True, date_style=style))
    return cases


def second_look_cases(tables: dict[str, Path], heldout: bool) -> list[Case]:
    """Two tables of a set again, each by Calc and by Writer, in looks drawn anew (the RNG is
    seeded by the new name): other widths, fonts, sizes, page breaks and merged cells.  For
    the flattened-text families (issue 10): ``office-b`` from tuning tables is for tuning,
    ``heldout-b`` from the held-out tables is for measuring only."""
    cases = []
    for k, (name, path) in enumerate(tables.items()):
        table = load_table(path)
        for maker in ("calc", "writer"):
            style = DATE_STYLES[(len(cases) + 5) % len(DATE_STYLES)]
            c = plain_case(f"{maker}-{name}-v2", table, maker, heldout=heldout, date_style=style)
            # Half the cases with merged cells and a page break every few rows, whatever drawn.
            if k % 2:
                c = replace(c, merge=True, rows_per_page=4 if maker == "calc" else None)
            cases.append(c)
    return cases


def office_b_cases() -> list[Case]:
    return second_look_cases({n: TUNING_TABLES[n] for n in ("kokuho", "municipal")}, heldout=False)


def heldout_b_cases() -> list[Case]:
    tables = {
        p.stem: p for p in sorted(HELDOUT_DIR.glob("*.json")) if p.stem in ("kaigo_hoken", "yobou_sesshu")
    }
    return second_look_cases(tables, heldout=True)


# ----- kinds of hard input (issue 11)


def changed_spans(before: str, after: str) -> list[tuple[str, dict]]:
    """``after`` as runs, the words not in ``before`` underlined (変更箇所に下線)."""
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    runs: list[tuple[str, dict]] = []
    for op, _, _, j1, j2 in sm.get_opcodes():
        if j2 > j1:
            runs.append((after[j1:j2], {} if op == "equal" else {"underline": True}))
    return runs


def _kind(name: str, rows: list[dict], maker: str, **kw) -> Case:
    rng = _rng(name)
    base = dict(
        name=name,
        rows=rows,
        maker=maker,
        font=rng.choice(TUNING_FONTS),
        size=rng.choice(TUNING_SIZES),
        widths=rng.choice(TUNING_CALC_WIDTHS if maker == "calc" else TUNING_WRITER_WIDTHS),
        valign=rng.choice(("top", "center")),
        texts=False,
    )
    base.update(kw)
    return Case(**base)


def _rows(table: str, n: int, style: str, start: int = 0) -> list[dict]:
    rows = load_table(TUNING_TABLES[table])[start : start + n]
    return printed_rows(rows, style)


DASH_DATES: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"{d.year}\u2212{d.month}\u2212{d.day}",  # minus sign
    lambda d: f"{d.year}ー{d.month}ー{d.day}",  # prolonged sound mark
    lambda d: f"{d.year}\u2010{d.month}\u2010{d.day}",  # hyphen
    lambda d: f"{d.year}－{d.month}－{d.day}".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    lambda d: f"{d.year}／{d.month}／{d.day}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
)

FW_SPACE_CELLS = (
    "住民票コード　氏名　生年月日　性別　住所　個人番号　世帯主との続柄",
    "氏名　氏名の振り仮名　生年月日　性別　住所　個人番号",
    "宛名番号　氏名　生年月日　性別　住所　電話番号　個人番号",
    "氏名　住所　個人番号　生年月日　性別　世帯番号　続柄",
)
# Openings of different lengths, so that the wraps fall at other places in each row.
FW_SPACE_PADS = ("", "・", "※・", "（１）", "記録：", "主な項目：")

LATIN_ROWS = (
    (
        "平成29年7月18日",
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム２\n②システムの機能",
        "中間サーバーとの連携はLGWANを経由して行う。",
        "中間サーバーとの連携はLGWANを経由して行う。\n平成29年7月から情報提供ネットワークシステムとの連携を開始する。",
        "事前",
        "情報連携の開始に伴う修正",
    ),
    (
        "平成30年4月1日",
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n⑤その他の措置の内容",
        "ユーザIDとパスワードによる認証を行う。",
        "ユーザIDとパスワードによる認証に加え、ICカードによる2要素認証を行う。",
        "事後",
        "セキュリティ対策の強化\n重要な変更に当たらない",
    ),
    (
        "令和2年10月1日",
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
        "市民課長",
        "市民窓口課長（TEL 0123-45-6789）",
        "事後",
        "組織改正に伴う修正",
    ),
    (
        "令和5年3月31日",
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
        "庁舎内のサーバ室（USBメモリの使用を禁止）",
        "ガバメントクラウド（AWS東京リージョン）\n※ISMAP登録済みのクラウドサービスを利用する。",
        "事前",
        "ガバメントクラウドへの移行に伴う変更",
    ),
)


def kind_cases() -> list[Case]:
    cases: list[Case] = []
    # Underlined changed words in 変更後 (both programs).
    for k, (table, maker) in enumerate((("juki", "calc"), ("municipal", "writer"), ("zeimu", "calc"))):
        rows = _rows(table, 6, ("slash", "wareki", "slash0")[k])
        runs = {(i, "after"): changed_spans(r["before"], r["after"]) for i, r in enumerate(rows)}
        cases.append(_kind(f"underlined-{k + 1}", rows, maker, runs=runs))
    # White text inside a cell: the truth is without it.
    for k, (table, maker) in enumerate((("kokuho", "calc"), ("lists", "writer"))):
        rows = _rows(table, 5, ("slash", "seireki")[k])
        runs = {}
        for i in (1, 3):
            r = rows[i]
            hidden = "（内部メモ：次回改定で再確認）" if k == 0 else "※作業用：削除予定"
            runs[(i, "explanation")] = [(r["explanation"], {}), ("\n" + hidden, {"white": True})]
            runs[(i, "before")] = [(hidden, {"white": True}), (r["before"], {})] if r["before"] else []
        runs = {key: v for key, v in runs.items() if v}
        cases.append(_kind(f"hidden-{k + 1}", rows, maker, runs=runs))
    # Timing turned 90° or stacked vertically (Calc).
    for k, rot in enumerate((90, 255, 90)):
        rows = _rows(("seed", "juki", "municipal")[k], 5, ("slash", "short", "wareki_fw")[k])
        cases.append(_kind(f"rotated-timing-{k + 1}", rows, "calc", timing_rotation=rot))
    # Look-alike dashes in dates, both programs, with extractor texts.
    for k, (table, maker) in enumerate((("zeimu", "calc"), ("juki", "writer"), ("kokuho", "calc"))):
        rows = _rows(table, 6, "slash", start=2 * k)
        for i, r in enumerate(rows):
            r["change_date_raw"] = DASH_DATES[(i + k) % len(DASH_DATES)](
                dt.date.fromisoformat(r["change_date"])
            )
        cases.append(_kind(f"dash-dates-{k + 1}", rows, maker, texts=True))
    # A full-width space at a soft wrap: lists separated by U+3000 behind openings of different
    # lengths, in narrow columns, so that in some rows a U+3000 falls exactly at a wrap.
    for k, maker in enumerate(("writer", "calc")):
        base = _rows("municipal", 1, "slash")[0]
        rows = []
        for i in range(6):
            pad = FW_SPACE_PADS[i % len(FW_SPACE_PADS)]
            text = FW_SPACE_CELLS[i % len(FW_SPACE_CELLS)]
            rows.append(
                dict(base, before=pad + text, after=pad + text + "　旧氏", explanation="記録項目の追加")
            )
        widths = (2.2, 4.4, 3.9, 4.1, 1.6, 4.0) if maker == "writer" else (11, 22, 19, 20, 8, 20)
        cases.append(_kind(f"fullwidth-space-wrap-{k + 1}", rows, maker, widths=widths))
    # Word-made PDFs with Latin letters and digits beside Japanese.
    for k in range(2):
        rows = []
        for raw, item, before, after, timing, expl in LATIN_ROWS if k == 0 else LATIN_ROWS[::-1]:
            y, m, d = (int(x) for x in re.findall(r"\d+", raw))
            year = y + (1988 if raw.startswith("平成") else 2018)
            rows.append(
                dict(
                    change_date=dt.date(year, m, d).isoformat(),
                    change_date_raw=raw,
                    item=item,
                    before=before,
                    after=after,
                    timing=timing,
                    explanation=expl,
                )
            )
        cases.append(
            _kind(f"latin-beside-japanese-{k + 1}", rows, "writer", font=("IPAexMincho", "IPAMincho")[k])
        )
    # Bold cells (LibreOffice emboldens a font without a bold face), with extractor texts.
    for k, (table, maker) in enumerate((("seed", "calc"), ("kokuho", "writer"))):
        rows = _rows(table, 5, ("slash", "wareki")[k])
        cases.append(_kind(f"bold-{k + 1}", rows, maker, bold_cells=True, texts=True))
    return cases


# ----- second sets (issue 10): more looks for the flattened-text readers

# Pools disjoint from the first sets' (widths and sizes), for office2 (tuning) and heldout2
# (measure only).  Fonts: every installed IPA font in both.
OFFICE2_CALC_WIDTHS = ((14, 30, 44, 44, 8, 28), (8, 18, 26, 26, 6, 18), (12, 20, 36, 36, 9, 36))
OFFICE2_WRITER_WIDTHS = ((3.2, 4.0, 6.2, 6.2, 1.9, 4.2), (2.0, 4.8, 5.8, 5.8, 1.5, 5.8))
OFFICE2_SIZES = (8.0, 12.0)
HELDOUT2_CALC_WIDTHS = ((11, 22, 32, 32, 9, 34), (10, 32, 38, 38, 7, 16), (15, 24, 30, 30, 8, 26))
HELDOUT2_WRITER_WIDTHS = ((2.5, 3.8, 6.8, 6.8, 1.8, 4.0), (3.0, 5.2, 5.4, 5.4, 1.9, 4.8))
HELDOUT2_SIZES = (8.5, 10.0, 11.5)
ALL_FONTS = (*TUNING_FONTS, *HELDOUT_FONTS)
OFFICE2_SIZES_ROWS = (5, 8, 12, 16)


def _drawn_case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    """A case of a random subset of ``pool`` (kept in order, 5–16 rows), its look drawn from
    the office2 (tuning) or heldout2 pools by an RNG seeded with its name."""
    rng = _rng(name)
    n = min(len(pool), rng.choice(OFFICE2_SIZES_ROWS))
    picked = sorted(rng.sample(range(len(pool)), n))
    table = [pool[k] for k in picked]
    calc_w = HELDOUT2_CALC_WIDTHS if heldout else OFFICE2_CALC_WIDTHS
    writer_w = HELDOUT2_WRITER_WIDTHS if heldout else OFFICE2_WRITER_WIDTHS
    date_style = rng.choice(DATE_STYLES)
    return Case(
        name=name,
        rows=printed_rows(table, date_style, newest_first=rng.random() < 0.35),
        maker=maker,
        font=rng.choice(ALL_FONTS),
        size=rng.choice(HELDOUT2_SIZES if heldout else OFFICE2_SIZES),
        widths=rng.choice(calc_w if maker == "calc" else writer_w),
        valign=rng.choice(("top", "center")),
        merge=rng.random() < 0.5,
        rows_per_page=rng.choice((None, None, 2, 3, 4, 6)) if maker == "calc" else None,
        repeat_header=rng.random() < 0.75,
        appendix=rng.choice(("２", "3")),
        header_fill=rng.random() < 0.4,
        real_dates=maker == "calc" and date_style in ("slash", "slash0", "seireki") and rng.random() < 0.5,
    )


def office2_cases() -> list[Case]:
    """Tuning cases: random subsets of the tuning tables' rows in new looks."""
    pool = [r for path in TUNING_TABLES.values() for r in load_table(path)]
    return [
        _drawn_case(f"{m}-mix{k}", pool, m, heldout=False) for k in range(1, 5) for m in ("calc", "writer")
    ]


def heldout2_cases() -> list[Case]:
    """Held-out cases (never tune on them): the held-out tables' rows and heldout2's own table,
    in looks of their own."""
    own = [r for path in sorted((SAMPLES / "heldout2" / "tables").glob("*.json")) for r in load_table(path)]
    old = [r for path in sorted(HELDOUT_DIR.glob("*.json")) for r in load_table(path)]
    cases = []
    for k in range(1, 3):
        for m in ("calc", "writer"):
            cases.append(_drawn_case(f"{m}-own{k}", own, m, heldout=True))
            cases.append(_drawn_case(f"{m}-mix{k}", old, m, heldout=True))
    return cases


# ----- rows broken over a page break (Writer, issue 11)

# Narrow date columns, so that a wareki date wraps and a page break can fall inside it.
TUNING_BREAK_WIDTHS = ((1.6, 4.8, 6.6, 6.6, 1.6, 4.5), (1.8, 5.0, 6.0, 6.0, 1.6, 5.3))
HELDOUT_BREAK_WIDTHS = ((1.7, 4.4, 6.8, 6.8, 1.7, 4.3), (1.5, 5.2, 6.2, 6.2, 1.8, 4.8))


def _long_rows(rows: list[dict], rng: random.Random, times: tuple[int, ...]) -> list[dict]:
    """The rows with their before / after cells made ``times`` times as long (the cell's
    paragraphs repeated), so that rows run over page breaks."""
    out = []
    for r in rows:
        r = dict(r)
        for key in ("before", "after"):
            if r[key] and rng.random() < 0.7:
                r[key] = "\n".join([r[key]] * rng.choice(times))
        out.append(r)
    return out


def break_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """A Writer case whose long rows break over pages: wrapped dates in a narrow date column,
    merged date / timing / explanation cells in every other case, top or centred cells."""
    rng = _rng(name)
    style = ("wareki", "wareki_fw", "seireki", "wareki")[k % 4]
    # The held-out tables are shorter: their rows are made longer, to break over pages as often.
    times = (3, 4) if heldout else (2, 3)
    rows = _long_rows(printed_rows(table, style, newest_first=rng.random() < 0.35), rng, times)
    return Case(
        name=name,
        rows=rows,
        maker="writer",
        font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        widths=rng.choice(HELDOUT_BREAK_WIDTHS if heldout else TUNING_BREAK_WIDTHS),
        valign=("top", "center")[k % 2],
        merge=k % 2 == 0,
        repeat_header=rng.random() < 0.8,
        appendix=rng.choice(("２", "3")),
        texts=False,
    )


def each_table(heldout: bool) -> list[tuple[int, str, Path]]:
    """(k, name, path) of each table of a set: the tuning tables, or the held-out ones by name."""
    if heldout:
        return [(k, path.stem, path) for k, path in enumerate(sorted(HELDOUT_DIR.glob("*.json")))]
    return [(k, name, path) for k, (name, path) in enumerate(TUNING_TABLES.items())]


def pagebreak_cases() -> list[Case]:
    """Tuning: the tuning tables by Writer with long rows broken over pages."""
    return [
        break_case(f"writer-break-{name}", load_table(path), False, k) for k, name, path in each_table(False)
    ]


def heldout_pagebreak_cases() -> list[Case]:
    """Held-out (measure only, never tune): the held-out tables, the same way, other looks."""
    return [
        break_case(f"writer-break-{name}", load_table(path), True, k) for k, name, path in each_table(True)
    ]


ENDS_EDIT = re.compile(r"(新規追加|削除)$")


def _long_distinct_rows(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with some before / after cells made long by paragraphs of other rows' cells
    (distinct text, not a cell repeated: repeated lines look like a PDF's over-printing), the
    same paragraphs appended to both cells (the rest of a long passage, unchanged)."""
    pool = [p for r in rows for key in ("before", "after") for p in r[key].split("\n") if len(p) >= 12]
    out = []
    for r in rows:
        r = dict(r)
        if r["before"] and r["after"] and not ENDS_EDIT.search(r["after"]) and rng.random() < 0.6:
            picked = rng.sample(pool, min(len(pool), rng.choice((2, 3, 4))))
            extra = [p for p in picked if p not in r["after"]]
            r["before"] = "\n".join([r["before"], *extra])
            r["after"] = "\n".join([r["after"], *extra])
        out.append(r)
    return out


def writer_raw_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """A Writer case for the texts of ``pdftotext -raw`` and pypdfium2 (issue 10): long rows
    (``_long_distinct_rows``) broken over pages under a repeated header row (every case), top or
    centred cells, merged date / timing / explanation cells in every third case."""
    case = break_case(name, table, heldout, k)
    rng = _rng(name + "-long")
    style = ("wareki", "wareki_fw", "seireki", "slash")[k % 4]
    rows = _long_distinct_rows(printed_rows(table, style, newest_first=rng.random() < 0.35), rng)
    return replace(
        case,
        rows=rows,
        valign=("top", "center", "top")[k % 3],
        merge=k % 3 == 2,
        repeat_header=True,
        texts=True,
    )


def writer_raw_cases(heldout: bool) -> list[Case]:
    """Tuning (``heldout`` False: the tuning tables) or held-out (the held-out tables: measure
    only, never tune), each table twice with other looks."""
    tables = (
        [(path.stem, path) for path in sorted(HELDOUT_DIR.glob("*.json"))]
        if heldout
        else list(TUNING_TABLES.items())
    )
    return [
        writer_raw_case(f"writer-raw{v}-{name}", load_table(path), heldout, k + 3 * v)
        for v in (1, 2)
        for k, (name, path) in enumerate(tables)
    ]


# ----- Calc rows under a date merged over a page break (issue 11)


def section_once(rows: list[dict]) -> list[dict]:
    """The rows with the section line (Ⅰ…Ⅵ) of a 項目 left out where the row above printed the
    same one, as many bodies print their tables: then no row opens with a section."""
    out, prev = [], None
    for r in rows:
        lines = r["item"].split("\n")
        section = lines[0] if lines and lines[0][:1] in "ⅠⅡⅢⅣⅤⅥ" else None
        if section is not None and section == prev and len(lines) > 1:
            r = dict(r, item="\n".join(lines[1:]))
        prev = section if section is not None else prev
        out.append(r)
    return out


def calcbreak_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """A Calc case whose date, 提出時期 and explanation cells are merged over runs of equal
    values that a manual page break cuts, with the section line printed once per run of one
    section in every other case: rows at the top of a page print no date, often no timing."""
    rng = _rng(name)
    style = ("wareki", "slash", "seireki", "wareki_fw")[k % 4]
    rows = printed_rows(table, style)
    if k % 2 == 0:
        rows = section_once(rows)
    return Case(
        name=name,
        rows=rows,
        maker="calc",
        font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        widths=rng.choice(HELDOUT_CALC_WIDTHS if heldout else TUNING_CALC_WIDTHS),
        valign="top",
        merge=True,
        merge_over_breaks=True,
        rows_per_page=rng.choice((2, 3, 4)),
        repeat_header=rng.random() < 0.8,
        appendix=rng.choice(("２", "3")),
        texts=False,
    )


def calcbreak_cases() -> list[Case]:
    """Tuning: the tuning tables by Calc, merged dates cut by page breaks."""
    return [
        calcbreak_case(f"calc-break-{name}", load_table(path), False, k)
        for k, name, path in each_table(False)
    ]


def heldout_calcbreak_cases() -> list[Case]:
    """Held-out (measure only, never tune): the held-out tables, the same way, other looks."""
    return [
        calcbreak_case(f"calc-break-{name}", load_table(path), True, k) for k, name, path in each_table(True)
    ]


# ----- third sets (issue 10): looks as varied as a municipality's own tables

# Each column's width drawn from a range (Calc: Excel units; Writer: cm, scaled to the page),
# so that narrow and wide item / explanation columns and wrapped dates all occur.
CALC_WIDTH_RANGES = ((7, 16), (13, 42), (18, 48), (18, 48), (5, 10), (12, 46))
WRITER_WIDTH_RANGES = ((1.5, 3.2), (2.6, 6.5), (4.0, 7.5), (4.0, 7.5), (1.2, 2.2), (2.4, 6.8))
WRITER_TABLE_CM = 25.5
OFFICE3_SIZES = (9.0, 10.0, 11.0)
HELDOUT3_SIZES = (9.5, 10.5)
VALIGNS = ("top", "center", "bottom")
LONG_EXPLANATION = "なお、本変更は特定個人情報の取扱いの方法を変えるものではなく、重要な変更には当たらない。"


def _widths(rng: random.Random, maker: str) -> tuple[float, ...]:
    if maker == "calc":
        return tuple(float(rng.randint(a, b)) for a, b in CALC_WIDTH_RANGES)
    w = [rng.uniform(a, b) for a, b in WRITER_WIDTH_RANGES]
    scale = min(1.0, WRITER_TABLE_CM / sum(w))
    return tuple(round(x * scale, 1) for x in w)


def _explanations(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with the explanation column left empty (some tables never fill it), or each
    explanation made long, or as they are."""
    pick = rng.random()
    if pick < 0.15:
        return [dict(r, explanation="") for r in rows]
    if pick < 0.35:
        long = [f"{r['explanation']}。{LONG_EXPLANATION}" if r["explanation"] else "" for r in rows]
        return [dict(r, explanation=e) for r, e in zip(rows, long, strict=True)]
    return rows


def varied_case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    """A case of a random subset of ``pool`` (in order, 4–16 rows) in a look drawn from wide
    ranges: every column's width, IPAex fonts at 9–11 pt, top / centre / bottom alignment (also
    the date and timing centred beside top-aligned text), merged dates, timings or
    explanations, Calc rows of hand-set heights with spare space, empty or long explanations,
    every date style, Writer rows long enough to break over pages."""
    rng = _rng(name)
    n = min(len(pool), rng.choice((4, 6, 9, 12, 16)))
    picked = sorted(rng.sample(range(len(pool)), n))
    date_style = rng.choice(DATE_STYLES)
    rows = printed_rows([pool[k] for k in picked], date_style, newest_first=rng.random() < 0.3)
    rows = _explanations(rows, rng)
    if maker == "writer" and rng.random() < 0.35:
        rows = _long_rows(rows, rng, (2, 3))
    valign = rng.choice(VALIGNS)
    valign_of: dict[str, str] = {}
    if rng.random() < 0.35:
        valign_of = {"change_date_raw": "center", "timing": "center"}
        valign = rng.choice(("top", "bottom"))
    merge = rng.random() < 0.55
    keys = rng.choice((MERGEABLE, ("change_date_raw",), ("change_date_raw", "timing"), ("timing",)))
    fixed = maker == "calc" and rng.random() < 0.6
    widths = _widths(rng, maker)
    # A real date cell too narrow for its number prints ### (a date text wraps instead).
    real_dates = maker == "calc" and date_style in ("slash", "slash0", "seireki") and rng.random() < 0.5
    real_dates = real_dates and widths[0] >= 12
    return Case(
        name=name,
        rows=rows,
        maker=maker,
        font=rng.choice(TUNING_FONTS),
        size=rng.choice(HELDOUT3_SIZES if heldout else OFFICE3_SIZES),
        widths=widths,
        valign=valign,
        valign_of=valign_of,
        merge=merge,
        merge_keys=keys,
        rows_per_page=rng.choice((None, None, 3, 5, 8)) if maker == "calc" else None,
        repeat_header=rng.random() < 0.75,
        appendix=rng.choice(("２", "3")),
        header_fill=rng.random() < 0.4,
        real_dates=real_dates,
        fixed_heights=fixed,
        height_slack=rng.choice((0.0, 0.5, 1.0, 2.0)) if fixed else 0.0,
    )


def office3_cases() -> list[Case]:
    """Tuning cases: the tuning tables' rows and office3's own table in varied looks."""
    pool = [r for path in TUNING_TABLES.values() for r in load_table(path)]
    pool += [r for path in sorted((SAMPLES / "office3" / "tables").glob("*.json")) for r in load_table(path)]
    return [varied_case(f"{m}-v{k}", pool, m, heldout=False) for k in range(1, 7) for m in ("calc", "writer")]


def heldout3_cases() -> list[Case]:
    """Held-out cases (measure only, never tune): heldout3's own table, alone or with the
    earlier held-out tables' rows, in varied looks."""
    own = [r for path in sorted((SAMPLES / "heldout3" / "tables").glob("*.json")) for r in load_table(path)]
    old = [r for path in sorted(HELDOUT_DIR.glob("*.json")) for r in load_table(path)]
    cases = []
    for k in range(1, 3):
        for m in ("calc", "writer"):
            cases.append(varied_case(f"{m}-own{k}", own, m, heldout=True))
            cases.append(varied_case(f"{m}-mix{k}", own + old, m, heldout=True))
    return cases


def passone_cases() -> list[Case]:
    """Tuning cases (issue 12): Calc tables in office3's varied looks, whose one-line before /
    after / explanation cells print in pass 1 (``normalize/passone``): the tuning tables' rows
    and office3's own table."""
    pool = [r for path in TUNING_TABLES.values() for r in load_table(path)]
    pool += [r for path in sorted((SAMPLES / "office3" / "tables").glob("*.json")) for r in load_table(path)]
    return [varied_case(f"calc-w{k}", pool, "calc", heldout=False) for k in range(1, 21)]


def heldout_passone_cases() -> list[Case]:
    """Held-out cases (issue 12; measure only, never tune): Calc tables of the held-out
    tables' rows in varied looks."""
    own = [r for path in sorted((SAMPLES / "heldout3" / "tables").glob("*.json")) for r in load_table(path)]
    old = [r for path in sorted(HELDOUT_DIR.glob("*.json")) for r in load_table(path)]
    return [varied_case(f"calc-h{k}", own + old, "calc", heldout=True) for k in range(1, 11)]


# ----- cells aligned to the bottom (Excel's and Calc's default alignment)


def bottom_cases(heldout: bool) -> list[Case]:
    """Random subsets of the tuning (or held-out) tables' rows in drawn looks, every cell aligned
    to the bottom, as a spreadsheet left at its default prints them; merged date / timing /
    explanation cells in every other case.  ``office-bottom`` is for tuning, ``heldout-bottom``
    for measuring only."""
    if heldout:
        pool = [r for path in sorted(HELDOUT_DIR.glob("*.json")) for r in load_table(path)]
    else:
        pool = [r for path in TUNING_TABLES.values() for r in load_table(path)]
    cases = []
    for k in range(1, 4):
        for m in ("calc", "writer"):
            c = _drawn_case(f"{m}-bottom{k}", pool, m, heldout=heldout)
            cases.append(replace(c, valign="bottom", merge=k % 2 == 1))
    return cases


# ----- fourth sets (issue 10/12): the -layout fault kinds an independent tester met


def checkbox_spaced(text: str) -> str:
    """A cell's runs of check-box lines (``[○]紙`` / ``[ ]その他``) printed as a form prints them:
    on one line, a space inside each box and a full-width space after it and between the
    choices (``[ ○ ]　紙　[ ]　その他``), so that the line wraps inside a narrow cell."""
    out: list[str] = []
    run: list[str] = []
    for line in [*text.split("\n"), None]:
        m = re.match(r"^\[\s*(○?)\s*\](.*)$", line) if line is not None else None
        if m:
            box = "[ ○ ]" if m.group(1) else "[ ]"
            run.append(f"{box}\u3000{m.group(2).strip()}")
            continue
        if run:
            out.append("\u3000".join(run))
            run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)


# A check-box line of the form (入手元), put in front of a before / after cell that has none.
CHECKBOX_LINES = tuple(
    "\u3000".join(parts)
    for parts in (
        (
            "[ ○ ]",
            "本人又は本人の代理人",
            "[ ]",
            "評価実施機関内の他部署（　）",
            "[ ]",
            "行政機関・独立行政法人等（　）",
        ),
        (
            "[ ]",
            "本人又は本人の代理人",
            "[ ○ ]",
            "評価実施機関内の他部署（住民課）",
            "[ ]",
            "地方公共団体・地方独立行政法人（　）",
        ),
        ("[ ○ ]", "本人から", "[ ]", "行政機関", "[ ]", "民間事業者", "[ ○ ]", "その他（住基ネット）"),
    )
)


def _with_checkboxes(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with their check-box lines spaced out (``checkbox_spaced``) and, in about a
    third of the rest, a check-box line of the form in front of the before and after cells."""
    out = []
    for r in rows:
        r = dict(r)
        before, after = checkbox_spaced(r["before"]), checkbox_spaced(r["after"])
        if before == r["before"] and after == r["after"] and before and after and rng.random() < 0.4:
            a, b = rng.sample(CHECKBOX_LINES, 2)
            before, after = f"{a}\n{before}", f"{b}\n{after}"
        r["before"], r["after"] = before, after
        out.append(r)
    return out


FOURTH_KINDS = ("narrowtiming", "mergebreak", "bottom", "noheader", "checkbox")


def fourth_case(
    name: str, kind: str, maker: str, pool: list[dict], heldout: bool, valign: str | None = None
) -> Case:
    """A case of one fault kind (``FOURTH_KINDS``), the rest of its look drawn as office3's:
    ``narrowtiming`` a 提出時期 column so narrow that its label wraps (提出時 / 期);
    ``mergebreak`` Calc dates (and timings) merged over manual page breaks, centred or at the
    foot (Calc then prints the date in the part on the later page; ``valign`` sets the
    alignment drawn otherwise); ``bottom`` every cell at
    the foot; ``noheader`` Writer rows long enough to break over pages, the header not
    repeated; ``checkbox`` check-box lines spaced with full-width spaces, wrapping in narrow
    before / after cells."""
    rng = _rng(name)
    base = varied_case(name, pool, maker, heldout)
    widths = list(base.widths)
    rows = base.rows
    kw: dict = {}
    if kind == "narrowtiming":
        widths[4] = rng.choice((4.5, 5.0, 5.5)) if maker == "calc" else rng.choice((1.1, 1.2, 1.3))
        kw = {"valign": rng.choice(("top", "center", "bottom")), "valign_of": {}}
    elif kind == "mergebreak":
        keys = rng.choice((("change_date_raw",), ("change_date_raw", "timing"), MERGEABLE))
        kw = {
            "merge": True,
            "merge_keys": keys,
            "merge_over_breaks": True,
            "rows_per_page": rng.choice((2, 3, 4)),
            "valign": rng.choice(("center", "bottom")),
            "valign_of": {},
            "fixed_heights": False,
            "real_dates": False,
        }
        # Long date groups, so that runs of one date go over the breaks.
        by_date = date_groups(pool)
        big = [g for g in by_date if len(g) >= 3] or by_date
        picked = [r for g in rng.sample(big, min(3, len(big))) for r in g[:6]]
        rows = printed_rows(picked, rng.choice(DATE_STYLES))
    elif kind == "bottom":
        kw = {"valign": "bottom", "valign_of": {}}
    elif kind == "noheader":
        rows = _long_rows(rows, rng, (2, 3))
        kw = {"repeat_header": False, "valign": rng.choice(("top", "center", "bottom")), "valign_of": {}}
    elif kind == "checkbox":
        rows = _with_checkboxes(rows, rng)
        if maker == "calc":
            widths[2] = widths[3] = float(rng.randint(16, 26))
        else:
            widths[2] = widths[3] = round(rng.uniform(3.6, 5.0), 1)
    if valign is not None:
        kw["valign"] = valign
    return replace(base, rows=rows, widths=tuple(widths), **kw)


def fourth_cases(heldout: bool) -> list[Case]:
    """``office4`` (tuning: the tuning tables' rows) or ``heldout4`` (measure only: the
    held-out tables' rows), each kind by Calc and Writer (``mergebreak``: Calc three times;
    ``noheader``: Writer twice)."""
    if heldout:
        folders = [SAMPLES / d / "tables" for d in ("heldout", "heldout2", "heldout3")]
        pool = [r for f in folders for path in sorted(f.glob("*.json")) for r in load_table(path)]
    else:
        pool = [r for path in TUNING_TABLES.values() for r in load_table(path)]
    tag = "h" if heldout else "t"
    cases = []
    for kind in FOURTH_KINDS:
        twice = {"mergebreak": ("calc", "calc", "calc"), "noheader": ("writer", "writer")}
        makers = twice.get(kind, ("calc", "writer"))
        for k, m in enumerate(makers, 1):
            # The third Calc case of merged dates is centred (Calc prints a centred merged
            # date in the part of the cell where its middle falls).
            valign = "center" if k == 3 else None
            cases.append(fourth_case(f"{m}-{kind}-{tag}{k}", kind, m, pool, heldout, valign))
    return cases


# ----- fifth sets (issues 10/12): Writer rows over pages with centred / bottom cells


# A lengthened before / after cell longer than this many characters is left as it was.
FIFTH_MAX_CHARS = 600
FIFTH_KINDS = ("wcentre", "wbottom", "wmixed", "wnarrow", "cvalign")


def fifth_case(name: str, kind: str, pool: list[dict], heldout: bool) -> Case:
    """A case of one fault kind (``FIFTH_KINDS``) for the ``pdftotext -layout`` reader, its look
    drawn as office3's (narrow and wide columns, 9–11 pt; IPAex fonts for tuning, IPA fonts for
    the held-out part): ``wcentre`` / ``wbottom`` Writer rows long enough to break over pages
    under a repeated header, every cell centred / at the foot; ``wmixed`` the same with the
    date and timing centred beside top- or bottom-aligned text; ``wnarrow`` the same with a
    提出時期 column so narrow that its label wraps (提出時 / 期), centred or at the foot;
    ``cvalign`` Calc rows with long explanations, centred or at the foot, a manual page break
    every few rows."""
    rng = _rng(name)
    maker = "calc" if kind == "cvalign" else "writer"
    base = varied_case(name, pool, maker, heldout)
    fonts = HELDOUT_FONTS if heldout else TUNING_FONTS
    widths = list(base.widths)
    rows = base.rows
    kw: dict = {"font": rng.choice(fonts), "repeat_header": True, "valign_of": {}}
    if maker == "writer":
        longer = _long_distinct_rows(rows, rng) if rng.random() < 0.5 else _long_rows(rows, rng, (2, 3))
        # A cell longer than a page or two is printed in more pieces than the truth check finds.
        rows = [
            a if max(len(a["before"]), len(a["after"])) <= FIFTH_MAX_CHARS else b
            for a, b in zip(longer, rows, strict=True)
        ]
        kw["valign"] = {"wcentre": "center", "wbottom": "bottom"}.get(kind, rng.choice(("center", "bottom")))
        if kind == "wmixed":
            kw["valign"] = rng.choice(("top", "bottom"))
            kw["valign_of"] = {"change_date_raw": "center", "timing": "center"}
        if kind == "wnarrow":
            widths[4] = rng.choice((1.1, 1.2, 1.3))
        kw["merge"] = rng.random() < 0.4
    else:
        long = [f"{r['explanation']}。{LONG_EXPLANATION}" if r["explanation"] else "" for r in rows]
        rows = [dict(r, explanation=e) for r, e in zip(rows, long, strict=True)]
        kw |= {"valign": rng.choice(("center", "bottom")), "rows_per_page": rng.choice((3, 4, 5))}
    return replace(base, rows=rows, widths=tuple(widths), **kw)


def _row_pool(heldout: bool) -> list[dict]:
    """The rows later sets draw from: the held-out tables' (heldout, heldout2, heldout3) for a
    held-out set, else the tuning tables' and office3's own."""
    if heldout:
        folders = [SAMPLES / d / "tables" for d in ("heldout", "heldout2", "heldout3")]
        return [r for f in folders for path in sorted(f.glob("*.json")) for r in load_table(path)]
    pool = [r for path in TUNING_TABLES.values() for r in load_table(path)]
    own = sorted((SAMPLES / "office3" / "tables").glob("*.json"))
    return pool + [r for path in own for r in load_table(path)]


def drawn_look(
    rng: random.Random, rows: list[dict], heldout: bool, sizes: tuple[float, ...]
) -> tuple[list[dict], str, float]:
    """``rows`` printed in a date style, a font of the set's and a size of ``sizes``, drawn in
    that order from ``rng`` (the cover sets: make_cover2_samples, make_whole42_samples)."""
    printed = printed_rows(rows, rng.choice(DATE_STYLES))
    return printed, rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS), rng.choice(sizes)


def fifth_cases(heldout: bool) -> list[Case]:
    """``office5`` (tuning: the tuning tables' rows) or ``heldout5`` (measure only: the
    held-out tables' rows), each kind twice."""
    pool = _row_pool(heldout)
    tag = "h" if heldout else "t"
    return [fifth_case(f"{kind}-{tag}{k}", kind, pool, heldout) for kind in FIFTH_KINDS for k in (1, 2)]


# ----- long tables (issue 10, sixth round): centred / bottom cells, repeated header, rows over
# page breaks, full-width spaces inside cells, Mincho and Gothic at 9–11 pt

LONG_SETS = ("office-long", "heldout-long")
LONG_TEXTS = ("pypdfium2", "pdftotext-raw", "pdfminer", "pdftotext")
LONG_TUNING_FONTS = ("IPAexMincho", "IPAexGothic")
LONG_HELDOUT_FONTS = ("IPAMincho", "IPAGothic", "IPAPMincho")
LONG_TUNING_SIZES = (9.0, 10.0, 11.0)
LONG_HELDOUT_SIZES = (9.0, 9.5, 10.5)
FW_SPACE_AFTER = re.compile(r"^([①-⑳]|[０-９]+．|[0-9]+\.|（[０-９0-9]+）|・)")


def fullwidth_spaced(text: str, rng: random.Random) -> str:
    """``text`` with full-width spaces (U+3000) put inside it as people type them in a cell:
    after a line's opening marker (``①　``, ``３．　``) or in place of a comma, in some lines."""
    out = []
    for line in text.split("\n"):
        m = FW_SPACE_AFTER.match(line)
        if m and len(line) > m.end() + 2 and rng.random() < 0.6:
            line = line[: m.end()] + "\u3000" + line[m.end() :]
        elif "、" in line and rng.random() < 0.4:
            k = line.index("、")
            line = line[:k] + "\u3000" + line[k + 1 :]
        out.append(line)
    return "\n".join(out)


def long_case(name: str, pool: list[dict], maker: str, heldout: bool, k: int) -> Case:
    """A long table (22–30 rows, several pages, the header row repeated on each) with its
    cells vertically centred or at the foot, full-width spaces inside some cells, Mincho or
    Gothic at 9–11 pt; Writer rows made long enough to break over pages in every other case."""
    rng = _rng(name)
    n = min(len(pool), rng.randint(22, 30))
    picked = sorted(rng.sample(range(len(pool)), n))
    date_style = rng.choice(DATE_STYLES)
    rows = printed_rows([pool[j] for j in picked], date_style, newest_first=rng.random() < 0.3)
    if maker == "writer" and k % 2 == 0:
        rows = _long_distinct_rows(rows, rng)
    spaced = []
    for r in rows:
        r = dict(r)
        for key in ("item", "before", "after", "explanation"):
            if r[key] and rng.random() < 0.35:
                r[key] = fullwidth_spaced(r[key], rng)
        spaced.append(r)
    widths = _widths(rng, maker)
    valign = ("center", "bottom")[k % 2]
    merge = k % 3 == 2
    return Case(
        name=name,
        rows=spaced,
        maker=maker,
        font=rng.choice(LONG_HELDOUT_FONTS if heldout else LONG_TUNING_FONTS),
        size=rng.choice(LONG_HELDOUT_SIZES if heldout else LONG_TUNING_SIZES),
        widths=widths,
        valign=valign,
        merge=merge,
        merge_keys=rng.choice((MERGEABLE, ("change_date_raw",), ("change_date_raw", "timing"))),
        rows_per_page=None,
        repeat_header=True,
        appendix=rng.choice(("２", "3")),
        header_fill=rng.random() < 0.4,
    )


def long_cases(heldout: bool) -> list[Case]:
    """``office-long`` (tuning: the tuning tables' rows and office3's) or ``heldout-long``
    (measure only, never tune: the held-out tables' rows), four cases by Calc and four by
    Writer."""
    pool = _row_pool(heldout)
    tag = "h" if heldout else "t"
    makers = ("calc", "writer")
    return [long_case(f"{m}-long-{tag}{k}", pool, m, heldout, k) for k in range(1, 5) for m in makers]


# ----- Calc tables with merged dates over several rows and wide one-line cells (issues 10/12,
# eighth round: a new user's "mdate" tables lost rows and whole one-line cells without a note)

# Rows of one merged date: drawn from this range.
MDATE_RUN = (2, 4)
# Calc widths (Excel units): wide before / after columns, so that many cells print on one line.
MDATE_WIDTH_RANGES = ((8, 14), (16, 34), (40, 70), (40, 70), (5, 9), (14, 40))


def mdate_case(name: str, pool: list[dict], heldout: bool) -> Case:
    """A Calc case (``varied_case``'s look) whose dates are merged over runs of 2–4 rows (the
    runs' rows share the first row's date), its date and timing cells centred or at the top,
    wide before / after columns (one-line cells of 30–70 characters), 4–16 rows."""
    base = varied_case(name, pool, "calc", heldout)
    rng = _rng(name + "/mdate")
    rows = list(base.rows)
    out, k = [], 0
    while k < len(rows):
        run = rng.randint(*MDATE_RUN)
        head = rows[k]
        out += [
            dict(r, change_date_raw=head["change_date_raw"], change_date=head["change_date"])
            for r in rows[k : k + run]
        ]
        k += run
    widths = tuple(float(rng.randint(a, b)) for a, b in MDATE_WIDTH_RANGES)
    return replace(
        base,
        rows=out,
        widths=widths,
        merge=True,
        merge_keys=rng.choice((("change_date_raw",), ("change_date_raw", "timing"))),
        valign_of={"change_date_raw": rng.choice(("center", "top"))},
        real_dates=False,
        rows_per_page=rng.choice((None, None, 6)),
    )


def mdate_cases(heldout: bool) -> list[Case]:
    """``office8`` (tuning: the tuning tables' rows and office3's) or ``heldout8`` (measure
    only, never tune: the held-out tables' rows)."""
    pool = _row_pool(heldout)
    tag = "h" if heldout else "t"
    return [mdate_case(f"calc-mdate-{tag}{k}", pool, heldout) for k in range(1, 7 if not heldout else 5)]


# ----- ninth sets (issues 10/12): merged cells of every vertical alignment, list markers at line
# starts, dates wrapped in a narrow date column, Writer rows over pages

NINTH_KINDS = ("vmerge", "markers", "ndate", "wbreak")
NINTH_MAKERS = {"vmerge": ("calc", "writer", "calc"), "wbreak": ("writer", "writer")}
MARKER_LINE = re.compile(r"(^|\n)([①-⑳]|[ア-ン]\u3000)")


def ninth_case(name: str, kind: str, maker: str, pool: list[dict], heldout: bool) -> Case:
    """A case of one fault kind (``NINTH_KINDS``) for the ``pdftotext -layout`` reader, the rest
    of its look drawn as office3's: ``vmerge`` runs of one date / 提出時期 / explanation merged
    over several rows, the merged cells at the top, middle or foot of their span (drawn apart
    from the other cells' alignment); ``markers`` rows whose cells hold lines opening with a
    circled number (``①部署``) or a katakana marker (``ア　…``), in narrow columns;
    ``ndate`` a date column so narrow that each date wraps (``2023/`` / ``4/1``), centred or at
    the foot; ``wbreak`` Writer rows long enough to break over pages under a repeated header,
    the 提出時期 merged."""
    rng = _rng(name)
    base = varied_case(name, pool, maker, heldout)
    widths = list(base.widths)
    rows = base.rows
    fonts = HELDOUT_FONTS if heldout else TUNING_FONTS
    kw: dict = {"font": rng.choice(fonts), "valign_of": {}, "fixed_heights": False, "real_dates": False}
    style = rng.choice(DATE_STYLES)
    if kind == "vmerge":
        by_date = date_groups(pool)
        big = [g for g in by_date if len(g) >= 3] or by_date
        picked = [r for g in rng.sample(big, min(3, len(big))) for r in g[:5]]
        rows = printed_rows(picked, style)
        merged_valign = rng.choice(VALIGNS)
        keys = rng.choice((("timing",), ("change_date_raw", "timing"), MERGEABLE))
        kw |= {
            "merge": True,
            "merge_keys": keys,
            "valign": rng.choice(VALIGNS),
            "valign_of": {k: merged_valign for k in keys},
            "rows_per_page": None,
        }
    elif kind == "markers":
        marked = [r for r in pool if any(MARKER_LINE.search(r[k] or "") for k in TEXT_CELLS)]
        picked = sorted(rng.sample(range(len(marked)), min(len(marked), rng.choice((5, 7, 9)))))
        rows = printed_rows([marked[j] for j in picked], style)
        if maker == "calc":
            widths[1] = float(rng.randint(13, 18))
            widths[2] = widths[3] = float(rng.randint(18, 26))
        else:
            widths[1] = round(rng.uniform(2.6, 3.4), 1)
            widths[2] = widths[3] = round(rng.uniform(4.0, 5.0), 1)
        kw |= {"valign": rng.choice(VALIGNS), "merge": rng.random() < 0.5, "merge_keys": ("timing",)}
    elif kind == "ndate":
        rows = printed_rows(rows, rng.choice(("slash", "slash0", "seireki", "wareki")))
        widths[0] = float(rng.choice((5, 6))) if maker == "calc" else rng.choice((1.2, 1.3, 1.4))
        kw |= {"valign": rng.choice(("center", "bottom")), "merge": rng.random() < 0.4}
    elif kind == "wbreak":
        rows = _long_rows(rows, rng, (2, 3))
        kw |= {
            "valign": rng.choice(VALIGNS),
            "repeat_header": True,
            "merge": True,
            "merge_keys": rng.choice((("timing",), ("change_date_raw", "timing"))),
        }
    return replace(base, rows=rows, widths=tuple(widths), **kw)


def ninth_cases(heldout: bool) -> list[Case]:
    """``office9`` (tuning: the tuning tables' rows and office3's) or ``heldout9`` (measure only,
    never tune: the held-out tables' rows, the IPA fonts)."""
    pool = _row_pool(heldout)
    tag = "h" if heldout else "t"
    cases = []
    for kind in NINTH_KINDS:
        for k, m in enumerate(NINTH_MAKERS.get(kind, ("calc", "writer")), 1):
            cases.append(ninth_case(f"{m}-{kind}-{tag}{k}", kind, m, pool, heldout))
    return cases


# ----- scans of merged cells and wrapped labels (issue 11, scans)

# Writer widths (cm) whose before / after columns are narrow enough to wrap their labels
# (変更前の / 記載, 変更 / 前の記載 …) and whose explanation column is wide.
NARROW_WRITER_WIDTHS = ((2.4, 5.4, 2.0, 2.0, 1.6, 9.0), (2.2, 6.0, 1.6, 1.7, 1.5, 8.0))
# Rows sharing one 提出時期 and explanation (merged over them) come in runs of this many.
SHARED_RUN = (3, 6)


def _shared_runs(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with 提出時期 and explanation made equal over runs of 3–6 rows (the first row's),
    as bodies write one reason for a batch of changes; Calc / Writer merge them."""
    out: list[dict] = []
    k = 0
    while k < len(rows):
        n = rng.randint(*SHARED_RUN)
        head = rows[k]
        out += [dict(r, timing=head["timing"], explanation=head["explanation"]) for r in rows[k : k + n]]
        k += n
    return out


def scanmerge_case(name: str, table: list[dict], maker: str, heldout: bool, k: int) -> Case:
    """A case whose 提出時期 and explanation (and dates) are merged over runs of rows: Calc with
    manual page breaks cutting the merged runs (text printed on the run's first page) or none
    (a run's text centred in its tall cell), Writer with before / after columns so narrow that
    their labels wrap."""
    rng = _rng(name)
    rows = _shared_runs(printed_rows(table, DATE_STYLES[k % len(DATE_STYLES)]), rng)
    if maker == "calc":
        return Case(
            name=name,
            rows=rows,
            maker="calc",
            font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
            size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
            widths=rng.choice(HELDOUT_CALC_WIDTHS if heldout else TUNING_CALC_WIDTHS),
            valign=("top", "center")[k % 2],
            merge=True,
            merge_over_breaks=k % 2 == 0,
            rows_per_page=rng.choice((3, 4, 5)) if k % 2 == 0 else None,
            repeat_header=True,
            appendix=rng.choice(("２", "3")),
            texts=False,
        )
    return Case(
        name=name,
        rows=rows,
        maker="writer",
        font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        widths=NARROW_WRITER_WIDTHS[k % 2],
        valign=("top", "center")[k % 2],
        merge=True,
        merge_keys=("timing", "explanation"),
        repeat_header=True,
        appendix=rng.choice(("２", "3")),
        texts=False,
    )


def scanmerge_cases() -> list[Case]:
    """Tuning: two tuning tables by Calc (merged runs cut by page breaks; centred runs) and one
    by Writer.  (No held-out twin: Calc clips the held-out tables' long merged rows over a page
    break and the narrow Writer columns; measure held-out on samples/heldout-calcbreak.)"""
    plan = [("juki", "calc", 0), ("zeimu", "calc", 1), ("kokuho", "writer", 2)]
    return [
        scanmerge_case(f"{m}-sm-{name}", load_table(TUNING_TABLES[name]), m, False, k) for name, m, k in plan
    ]


def underline16_cases(heldout: bool) -> list[Case]:
    """Tables whose 変更後 cells underline the changed words (変更箇所に下線), by Calc and by
    Writer in the set's looks, 8 rows each, for scans (issue 11: an underline is no row ruling).
    Tuning ``office-underline16`` from the tuning tables; ``heldout-underline16`` from the
    held-out tables (measure only)."""
    if heldout:
        makers = ("writer", "calc", "calc", "writer")
        plan = [(p.stem, p, m) for p, m in zip(sorted(HELDOUT_DIR.glob("*.json")), makers, strict=True)]
    else:
        pairs = (("juki", "calc"), ("municipal", "writer"), ("kokuho", "calc"), ("zeimu", "writer"))
        plan = [(n, TUNING_TABLES[n], m) for n, m in pairs]
    cases = []
    for k, (name, path, maker) in enumerate(plan):
        table = load_table(path)
        if heldout:  # rows LibreOffice prints otherwise than the truth (brackets, △ □ names)
            table = [r for r in table if not any(c in r["after"] + r["before"] for c in "[△□")]
        start = min(k * 3, max(len(table) - 8, 0))
        table = table[start : start + 8]
        style = DATE_STYLES[k % len(DATE_STYLES)]
        c = plain_case(f"{maker}-ul-{name}", table, maker, heldout=heldout, date_style=style)
        runs = {(i, "after"): changed_spans(r["before"], r["after"]) for i, r in enumerate(c.rows)}
        cases.append(replace(c, runs={key: v for key, v in runs.items() if v}, texts=False))
    return cases


# A new user's fonts (issue 11): Droid Sans Fallback (a Linux desktop's default Japanese face,
# whose 令 OCR reads 発/金) beside IPAex, and dates of every style, 令和元年 and two-digit months.
ERA17_FONTS = ("Droid Sans Fallback", "Droid Sans Fallback", "IPAexGothic", "IPAexMincho")
ERA17_STYLES = ("wareki", "short", "slash", "wareki_fw", "seireki", "slash0")
DROID_LACKS = "()-./0123456789ABCDGHILMNPRSTUVW[]※ⅠⅡⅢⅣⅤⅥ→①②③④⑤⑥⑦⑧⑨⑩□△○"


def era17_cases(heldout: bool) -> list[Case]:
    """Tables of 8 rows by Calc and Writer in Droid Sans Fallback or IPAex, each date group given
    a date drawn anew (令和元年 and months 10–12 among them) in one of the date styles, for
    scans' date misreads (issue 11).  Tuning ``office-era17`` from the tuning tables;
    ``heldout-era17`` from the held-out tables (measure only)."""
    if heldout:
        plan = [(p.stem, p) for p in sorted(HELDOUT_DIR.glob("*.json"))]
    else:
        plan = [(n, TUNING_TABLES[n]) for n in ("juki", "municipal", "kokuho", "zeimu", "lists")]
    cases = []
    for k, (name, path) in enumerate(plan):
        maker = ("calc", "writer")[k % 2]
        rng = _rng(f"era17-{name}-{heldout}")
        table = load_table(path)
        table = [r for r in table if not any(c in r["after"] + r["before"] for c in "[△□〒")]
        start = rng.randrange(max(len(table) - 8, 0) + 1)
        table = [dict(r) for r in table[start : start + 8]]
        new_dates: dict[str, str] = {}
        for r in table:
            if r["change_date"] not in new_dates:
                year = rng.choice((2019, 2019, 2020, 2022, 2023, 2024, 2025))
                month = rng.choice((5, 7, 10, 11, 12)) if year == 2019 else rng.randint(1, 12)
                new_dates[r["change_date"]] = dt.date(year, month, rng.randint(1, 28)).isoformat()
            r["change_date"] = new_dates[r["change_date"]]
        style = ERA17_STYLES[(k + (3 if heldout else 0)) % len(ERA17_STYLES)]
        c = plain_case(f"{maker}-era-{name}", table, maker, heldout=heldout, date_style=style)
        font = ERA17_FONTS[k % len(ERA17_FONTS)]
        lacks = DROID_LACKS if font.startswith("Droid") else ""
        cases.append(replace(c, font=font, texts=False, real_dates=False, fallback_glyphs=lacks))
    return cases


def _halfwidth_katakana(text: str) -> str:
    """``text`` with its katakana runs of three or more letters written half-width (システム →
    ｼｽﾃﾑ, データ → ﾃﾞｰﾀ), as some forms print them."""
    half = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF66, 0xFF9E)}
    marks = {"\u3099": "\uff9e", "\u309a": "\uff9f"}

    def one(m: re.Match[str]) -> str:
        out = []
        for ch in unicodedata.normalize("NFD", m.group(0)):
            out.append(half.get(ch) or marks.get(ch) or ch)
        return "".join(out)

    return re.sub(r"[\u30a1-\u30fa\u30fc]{3,}", one, text)


def hwkana18_cases() -> list[Case]:
    """Two tables of 8 rows, by Calc and by Writer, whose before / after cells print their
    katakana words half-width (ｼｽﾃﾑ): cells keep what was printed (``normalize/unicode.py``)."""
    cases = []
    for k, name in enumerate(("juki", "kokuho")):
        maker = ("calc", "writer")[k]
        table = [dict(r) for r in load_table(TUNING_TABLES[name])]
        table = [r for r in table if re.search(r"[\u30a1-\u30fa\u30fc]{3,}", r["before"] + r["after"])][:8]
        for r in table:
            r["before"], r["after"] = _halfwidth_katakana(r["before"]), _halfwidth_katakana(r["after"])
        cases.append(plain_case(f"{maker}-hwkana-{name}", table, maker, heldout=False))
    return cases


def _four_tables(heldout: bool) -> list[tuple[str, Path]]:
    """Four tables for a set of one kind: four tuning tables, or the first four held-out ones."""
    if heldout:
        return [(p.stem, p) for p in sorted(HELDOUT_DIR.glob("*.json"))][:4]
    return [(n, TUNING_TABLES[n]) for n in ("juki", "kokuho", "zeimu", "municipal")]


def _printable(table: list[dict]) -> list[dict]:
    """The rows without choice cells and marks (``[ 再委託する ]``, △, □, 〒) that Writer may not
    print whole in narrow cells (``NotPrinted``)."""
    return [r for r in table if not any(c in r["after"] + r["before"] for c in "[△□〒")]


def dotted18_cases(heldout: bool) -> list[Case]:
    """Tables whose inner rulings are dotted, dashed or hairlines (the frame and the label row's
    foot solid), by Calc and by Writer, for scans and PDFs of such rulings (issue 11).  Tuning
    ``office-dotted18`` from the tuning tables; ``heldout-dotted18`` from the held-out tables."""
    plan = _four_tables(heldout)
    calc_rules, writer_rules = ("dotted", "hair", "dashed", "dotted"), ("dotted", "dashed")
    cases = []
    for k, (name, path) in enumerate(plan):
        maker = ("calc", "writer")[k % 2]
        rng = _rng(f"dotted18-{name}-{heldout}")
        table = _printable(load_table(path))
        start = rng.randrange(max(len(table) - 9, 0) + 1)
        c = plain_case(f"{maker}-dotted-{name}", table[start : start + 9], maker, heldout=heldout)
        rule = calc_rules[k % 4] if maker == "calc" else writer_rules[(k // 2 + heldout) % 2]
        cases.append(replace(c, inner_rule=rule, texts=False))
    return cases


# Explanations a row of their own may hold beside a merged date (issue 10, between19): tuning
# and held-out phrases differ.
EXPLONLY_TUNING = (
    "上記の変更に伴い、関連する記載を修正",
    "字句の修正",
    "組織改編に伴う担当部署名の変更（以下同じ）",
    "様式の改正に伴う記載の整理",
)
EXPLONLY_HELDOUT = (
    "前項の変更に合わせて用語を統一",
    "誤記の訂正",
    "事務手続の見直しに伴う所要の修正（他の項目も同様）",
)


def explonly19_cases(heldout: bool) -> list[Case]:
    """Tables of 8–9 rows by Calc and by Writer whose date is merged over its group, one or two
    rows of a group printing only 提出時期に係る説明 (no item, before, after; the timing merged
    with the group's or empty): in ``pdftotext -layout`` text such a row's explanation stands
    under the row above's, with no date of its own.  Tuning ``office-explonly19`` from the
    tuning tables; ``heldout-explonly19`` from the held-out tables (measure only)."""
    plan = _four_tables(heldout)
    phrases = EXPLONLY_HELDOUT if heldout else EXPLONLY_TUNING
    cases = []
    for k, (name, path) in enumerate(plan):
        maker = ("calc", "writer")[k % 2]
        rng = _rng(f"explonly19-{name}-{heldout}")
        table = _printable(load_table(path))
        start = rng.randrange(max(len(table) - 7, 0) + 1)
        rows = [dict(r) for r in table[start : start + 7]]
        # One or two explanation-only rows, each right after a row, inside that row's date group.
        for at in sorted(rng.sample(range(1, len(rows) + 1), 2 if k < 2 else 1), reverse=True):
            prev = rows[at - 1]
            timing = "" if rng.random() < 0.4 else prev["timing"]
            extra = dict(prev, item="", before="", after="", timing=timing, explanation=rng.choice(phrases))
            rows.insert(at, extra)
        c = plain_case(f"{maker}-explonly-{name}", rows, maker, heldout=heldout)
        keys = rng.choice((("change_date_raw",), ("change_date_raw", "timing")))
        c = replace(c, merge=True, merge_keys=keys, valign=rng.choice(("top", "center")), rows_per_page=None)
        cases.append(replace(c, real_dates=False))
    return cases


# What filings print after the table: the closing mark 以上 set to the right, a note (※), both.
CLOSINGS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("以上", "right"),),
    (("※　変更日は、評価書の記載を変更した日を示す。", "left"), ("以上", "right")),
    (("※　上記のほか、軽微な字句の修正を行っている。", "left"),),
    (("以　上", "right"),),
)


def closing19_cases(heldout: bool) -> list[Case]:
    """Tables followed by a note or the closing mark 以上 (``CLOSINGS``), by Calc and by Writer,
    so that the last row must not take them in (issue 10).  Tuning ``office-closing19`` from the
    tuning tables; ``heldout-closing19`` from the held-out tables (measure only)."""
    plan = _four_tables(heldout)
    cases = []
    for k, (name, path) in enumerate(plan):
        for maker in ("calc", "writer"):
            rng = _rng(f"closing19-{name}-{maker}-{heldout}")
            table = _printable(load_table(path))
            start = rng.randrange(max(len(table) - 7, 0) + 1)
            c = plain_case(f"{maker}-closing-{name}", table[start : start + 7], maker, heldout=heldout)
            closing = CLOSINGS[(2 * k + (maker == "writer") + heldout) % len(CLOSINGS)]
            cases.append(replace(c, closing=closing, rows_per_page=None))
    return cases


def _short_cell_rows(table: list[dict], rng: random.Random, n: int) -> list[dict]:
    """``n`` consecutive rows of ``table`` where at least a third hold a before or after cell of
    at most 12 characters (one printed line beside the date in row-ordered text)."""
    short = [
        i
        for i, r in enumerate(table)
        if 0 < min(len(r["before"] or "x" * 99), len(r["after"] or "x" * 99)) <= 12
    ]
    best = max(
        range(max(len(table) - n, 0) + 1), key=lambda s: (sum(s <= i < s + n for i in short), rng.random())
    )
    return [dict(r) for r in table[best : best + n]]


def raw20_cases(heldout: bool) -> list[Case]:
    """Tables of 8 rows by Calc and by Writer (two each) where short before / after cells (one
    printed line) sit among wrapped ones and the 提出時期 / 説明 columns are centred or at the
    bottom while the text cells stay at the top: in ``pdftotext -raw`` and pypdfium2 text the
    one-line cells and the explanation's first line share printed lines with other cells
    (issue 10, branch raw20).  Tuning ``office-raw20`` from the tuning tables; ``heldout-raw20``
    from the held-out tables (measure only)."""
    cases = []
    for k, (name, path) in enumerate(_four_tables(heldout)):
        maker = ("calc", "writer")[k % 2]
        rng = _rng(f"raw20-{name}-{heldout}")
        rows = _short_cell_rows(_printable(load_table(path)), rng, 8)
        c = plain_case(f"{maker}-raw20-{name}", rows, maker, heldout=heldout)
        where = rng.choice(("center", "bottom"))
        c = replace(c, valign="top", valign_of={"timing": where, "explanation": where}, merge=False)
        cases.append(c)
    return cases


def office_pair(
    name: str, cases: Callable[..., list[Case]]
) -> dict[str, tuple[Path, Callable[[], list[Case]]]]:
    """The ``office-<name>`` and ``heldout-<name>`` sets of ``cases(heldout=...)`` as ``SETS``
    and ``sets_main`` take them (name → folder under samples/, cases maker)."""
    return {
        f"{kind}-{name}": (SAMPLES / f"{kind}-{name}", partial(cases, heldout=kind == "heldout"))
        for kind in ("office", "heldout")
    }


SETS: dict[str, tuple[Path, Callable[[], list[Case]]]] = {
    "office": (SAMPLES / "office", tuning_cases),
    "heldout": (SAMPLES / "heldout", heldout_cases),
    "office2": (SAMPLES / "office2", office2_cases),
    "heldout2": (SAMPLES / "heldout2", heldout2_cases),
    "office-kinds": (SAMPLES / "office-kinds", kind_cases),
    "office-b": (SAMPLES / "office-b", office_b_cases),
    "heldout-b": (SAMPLES / "heldout-b", heldout_b_cases),
    "office-pagebreak": (SAMPLES / "office-pagebreak", pagebreak_cases),
    "heldout-pagebreak": (SAMPLES / "heldout-pagebreak", heldout_pagebreak_cases),
    "office-calcbreak": (SAMPLES / "office-calcbreak", calcbreak_cases),
    "heldout-calcbreak": (SAMPLES / "heldout-calcbreak", heldout_calcbreak_cases),
    "office3": (SAMPLES / "office3", office3_cases),
    "heldout3": (SAMPLES / "heldout3", heldout3_cases),
    "office-passone": (SAMPLES / "office-passone", passone_cases),
    "heldout-passone": (SAMPLES / "heldout-passone", heldout_passone_cases),
    **office_pair("bottom", bottom_cases),
    "office4": (SAMPLES / "office4", lambda: fourth_cases(heldout=False)),
    **office_pair("writerraw", writer_raw_cases),
    "heldout4": (SAMPLES / "heldout4", lambda: fourth_cases(heldout=True)),
    "office5": (SAMPLES / "office5", lambda: fifth_cases(heldout=False)),
    "heldout5": (SAMPLES / "heldout5", lambda: fifth_cases(heldout=True)),
    **office_pair("long", long_cases),
    "office8": (SAMPLES / "office8", lambda: mdate_cases(heldout=False)),
    "heldout8": (SAMPLES / "heldout8", lambda: mdate_cases(heldout=True)),
    "office9": (SAMPLES / "office9", lambda: ninth_cases(heldout=False)),
    "heldout9": (SAMPLES / "heldout9", lambda: ninth_cases(heldout=True)),
    "office-scanmerge": (SAMPLES / "office-scanmerge", scanmerge_cases),
    **office_pair("underline16", underline16_cases),
    **office_pair("era17", era17_cases),
    "office-hwkana18": (SAMPLES / "office-hwkana18", hwkana18_cases),
    **office_pair("dotted18", dotted18_cases),
    **office_pair("explonly19", explonly19_cases),
    **office_pair("closing19", closing19_cases),
    **office_pair("raw20", raw20_cases),
}


def set_arguments(
    argv: list[str] | None, doc: str | None, sets: Iterable[str], keep: bool = False
) -> argparse.Namespace:
    """The command line every sample-set generator shares: ``--set NAME`` (repeatable, one of
    ``sets``; ``.set`` is every set when none is named) and, with ``keep``, ``--keep DIR`` (also
    copy the .xlsx / .docx there).  ``doc``'s first line is the description."""
    names = list(sets)
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    ap.add_argument("--set", choices=sorted(names), action="append", help="default: every set")
    if keep:
        ap.add_argument("--keep", type=Path, help="also copy the .xlsx / .docx here")
    ns = ap.parse_args(argv)
    ns.set = ns.set or names
    return ns


def write_pdf_and_texts(root: Path, name: str, pdf: Path, expected: list[dict], tools: Iterable[str]) -> None:
    """Write ``root/<name>/input.pdf`` with its truth (``expected/records.json``) and, for each
    extractor in ``tools`` (``make_pdfs.extract_text`` names), ``root/<name>-<tool>/input.txt`` with
    the same truth.  Raises FileExistsError if a case folder is there already."""
    folder = root / name
    (folder / "expected").mkdir(parents=True)
    shutil.copy(pdf, folder / "input.pdf")
    write_json(folder / "expected" / "records.json", expected)
    for tool in tools:
        tfolder = root / f"{name}-{tool}"
        (tfolder / "expected").mkdir(parents=True)
        if tool.endswith("-cp932"):
            (tfolder / "input.txt").write_bytes(cp932_text(pdf, tool))
        else:
            (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
        write_json(tfolder / "expected" / "records.json", expected)


def cp932_text(pdf: Path, tool: str) -> bytes:
    """The text of ``pdf`` by the extractor ``tool`` less its ``-cp932`` suffix, as a Windows user
    saves it: CP932 bytes (unmappable characters replaced), CRLF line ends."""
    text = extract_text(pdf, tool.removesuffix("-cp932")).replace("\n", "\r\n")
    return text.encode("cp932", "replace")


def write_case_with_texts(
    root: Path, case: Case, pdf: Path, expected: list[dict], tools: Iterable[str]
) -> dict:
    """Write the case's PDF and texts with their truth (``write_pdf_and_texts``) and return the
    case's ``cases.json`` entry (its settings, rows and pages)."""
    write_pdf_and_texts(root, case.name, pdf, expected, tools)
    pages = max(r["page_end"] for r in expected)
    return settings_of(case) | {"rows": len(expected), "pages": pages}


# One case of a sample set as its maker gives it: (case name, its PDF, its truth records, its
# ``cases.json`` entry).
SetCase = tuple[str, Path, list[dict], dict]


def build_made_set(
    root: Path, cases: Callable[[Path], Iterable[SetCase]], tools: Iterable[str], readme: str
) -> None:
    """Write a sample set under ``root`` anew (the folder is removed first): each case ``cases(work)``
    yields (its PDF made inside the scratch folder ``work``) with its truth and the ``tools``' texts
    (``write_pdf_and_texts``), a line per case on stderr, then ``cases.json`` (the entries) and
    ``README.md`` (``readme``)."""
    tools = tuple(tools)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf, truth, entry in cases(Path(tmp)):
            write_pdf_and_texts(root, name, pdf, truth, tools)
            manifest[name] = entry
            print(f"{root.name}/{name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)
    write_manifest(root, manifest)
    (root / "README.md").write_text(readme, "utf-8")


def write_manifest(root: Path, manifest: dict[str, dict]) -> None:
    """Write a sample set's ``cases.json`` under ``root``: {case name: how the case looks and how
    many rows it has}, UTF-8 JSON with one-space indents (what a reader of a failure needs)."""
    (root / "cases.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")


def build_named(
    argv: list[str] | None, doc: str | None, sets: Iterable[str], build: Callable[[str], None]
) -> int:
    """``main`` of a generator that builds one set by name: ``build(name)`` for each set chosen
    on the command line (``set_arguments``); 0."""
    for name in set_arguments(argv, doc, sets).set:
        build(name)
    return 0


def made_sets_main(
    argv: list[str] | None,
    doc: str | None,
    sets: dict[str, bool],
    cases: Callable[[Path, bool], Iterable[SetCase]],
    tools: Iterable[str],
    readme: str,
) -> int:
    """``main`` of a generator whose ``sets`` map a set's name to whether it is held out: each set
    chosen on the command line is built anew under ``samples/`` (``build_made_set``) from
    ``cases(work, heldout)``, its README ``readme`` with ``{name}`` filled in; 0."""
    tools = tuple(tools)

    def build(name: str) -> None:
        build_made_set(SAMPLES / name, lambda work: cases(work, sets[name]), tools, readme.format(name=name))

    return build_named(argv, doc, sets, build)


def sets_main(argv: list[str] | None, doc: str | None, sets: dict) -> int:
    """``main`` of a generator whose ``sets`` map a name to ``(folder, cases maker)``: builds the
    chosen sets with build_set."""
    ns = set_arguments(argv, doc, sets, keep=True)
    for name in ns.set:
        root, make = sets[name]
        build_set(root, make(), ns.keep)
    return 0


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
