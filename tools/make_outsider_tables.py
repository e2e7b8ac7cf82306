"""Amendment tables made the way an outside user makes them (issue 12), not with
``tools/make_office_samples.py``'s defaults.

    python tools/make_outsider_tables.py              # samples/outsider and samples/heldout-outsider
    python tools/make_outsider_tables.py --set outsider
    python tools/make_outsider_tables.py --set outsider2    # tuning tables with no title line
    python tools/make_outsider_tables.py --set mixed --set heldout-mixed  # 変更日/項目 top, others centred
    python tools/make_outsider_tables.py --set colorder    # tuning tables for column-order text
    python tools/make_outsider_tables.py --set outsider3    # longer tables, larger type: page breaks
    python tools/make_outsider_tables.py --set colorder13 --set heldout-column13  # column order
    python tools/make_outsider_tables.py --set datecell --set heldout-datecell13  # dates in cells
    python tools/make_outsider_tables.py --set coveritem --set heldout-coveritem  # 表紙 items
    python tools/make_outsider_tables.py --set valigndate15 --set heldout-valigndate15  # merged dates
    python tools/make_outsider_tables.py --set office-layout16 --set heldout-layout16  # -layout kinds
    python tools/make_outsider_tables.py --set office-stream16 --set heldout-stream16  # dense Calc
    python tools/make_outsider_tables.py --set office-itemkey17 --set heldout-itemkey17  # narrow 項目
    python tools/make_outsider_tables.py --set office-dense17 --set heldout-dense17  # pass-1 items
    python tools/make_outsider_tables.py --set office-column17 --set heldout-column17  # column order
    python tools/make_outsider_tables.py --set office-pdfium17 --set heldout-pdfium17  # bullets, boxes
    python tools/make_outsider_tables.py --set office-colhead17 --set heldout-colhead17  # columns reordered
    python tools/make_outsider_tables.py --set office-numcol19 --set heldout-numcol19  # 番号 column
    python tools/make_outsider_tables.py --set office-between18 --set heldout-between18  # two tables
    python tools/make_outsider_tables.py --set office-narrowhead21 --set heldout-narrowhead21  # labels

Each case is a small .xlsx (openpyxl) or .docx (python-docx) written directly, in a style of its
own drawn from a seeded random generator: font (IPAexGothic, IPAexMincho, IPAGothic) at 8–11 pt,
column widths, portrait or landscape, vertical alignment of the body cells, row heights set by
hand with some slack (Calc) or left to Writer, a title line or none, the date in one of several
styles (令和, slashes, 西暦).  Each is converted with ``soffice --headless --convert-to pdf`` and read
by the five extractors (pdftotext -layout, -raw, plain, pypdfium2, pdfminer); the PDF is kept too
(samples/outsider3 commits only the texts: its PDFs are 75–130 KB each; ``--set outsider3``
makes them again).

The cell texts are rows of the repository's tables: the tuning set draws from ``samples/tables``
and ``tests/data/tables``, the held-out set from ``samples/heldout/tables`` (measure on it only,
never tune).  The truth of each case is its rows as written (``expected/records.json``); a case
whose PDF does not print every cell's text in full is made again with more row height.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bullet_cells import with_bullet_rows
from cover_items import with_cover_rows
from date_cells import with_date_rows
from flatten import render_date
from make_office_samples import _set_east_asian, _units, docx_label_table, merge_runs, soffice, stream_text
from make_pdfs import EXTRACTORS, extract_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TUNING_POOLS = (
    SAMPLES / "tables" / "zenkoumoku_juki.json",
    SAMPLES / "tables" / "kiso_kokuho.json",
    SAMPLES / "tables" / "zenkoumoku_zeimu.json",
    ROOT / "tests" / "data" / "tables" / "kiso_and_lists.json",
    ROOT / "tests" / "data" / "tables" / "municipal_edits.json",
)
HELDOUT_POOLS = tuple(sorted((SAMPLES / "heldout" / "tables").glob("*.json")))
LABELS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")
FONTS = ("IPAexGothic", "IPAexMincho", "IPAGothic")
SIZES = (8.0, 9.0, 10.0, 10.5, 11.0)
DATE_STYLES = ("wareki", "wareki_fw", "slash", "slash0", "seireki")
TITLES = ("（別添２）変更箇所", "別添３　変更箇所", "変更箇所", "")
VALIGNS = ("top", "center", "bottom")
# Vertical alignments of the mixed style (issue 10): 変更日 and 項目 at the top, the other cells
# centred or at the bottom (a one-line cell is then drawn before the row's dated line).
MIXED_VALIGNS = ("top-center", "top-bottom")
# Item labels of an attachment (real filings amend 別紙 often); a row of the mixed sets may
# amend one in place of its own item.
ATTACHMENT_ITEMS = (
    "（別紙１）事務の流れ",
    "（別紙２）特定個人情報ファイル記録項目",
    "別紙２　事務の流れ",
    "別添１　事務の内容",
    "（別添３）ファイル記録項目",
)
# Share of a page's printable width each column takes, before jitter (date, item, before,
# after, timing, explanation).
SHARES = (0.10, 0.20, 0.24, 0.24, 0.07, 0.15)
ROWS_PER_CASE = (5, 8)
# Widths of the extra columns (numcol19): a numbering column on the left, one on the right.
LEAD_SHARE = 0.04
# A kind column (区分: 修正 / 追加 …) after the numbering column (branch numcols59).
KIND_SHARE = 0.05
TAIL_SHARE = 0.07


@dataclass
class Case:
    """One outsider's document."""

    name: str
    maker: str  # "calc" or "writer"
    font: str
    size: float
    landscape: bool
    valign: str
    date_style: str
    title: str
    shares: tuple[float, ...]
    slack_lines: float  # calc: spare lines per row
    pool: str
    rows: list[dict] = field(default_factory=list)
    # calc: the dates written as rich text (two runs), as a pasted or partly formatted cell is;
    # Calc draws such a cell with its wrapped cells (pass 2), beside the item's first line.
    rich_dates: bool = False
    # calc: runs of equal dates written once in a merged 変更日 cell (the table's first rows share
    # one date over up to five rows, as a filing's first amendments often do).
    merge_dates: bool = False
    # Columns whose runs of equal cells are merged into one cell (``merge_runs``), and the
    # vertical alignment of a merged 変更日 cell when it differs from the body's (issue 12).
    merge_keys: tuple[str, ...] = ()
    date_valign: str = ""
    # The ``merge_keys`` runs end where this key's value changes (branch pairs57: 項目, 提出時期
    # and 説明 merged over the rows of one 項目 only), and those rows' heights leave the merged
    # cells out (the rows they cover print their own cells' lines only, as Calc fits them).
    merge_within: str = ""
    # writer: a cover page (the assessment's title, agency and date) before the table's page.
    cover_page: bool = False
    # The font a check box's ○ (``［○］``) is printed in, when not the cell's: a fallback font
    # (Droid Sans Fallback), as pasted text keeps (branch pdfium17).
    mark_font: str = ""
    # The columns left to right, as indices of ``SIX`` (issue 11, colhead17: a template that puts
    # 変更日 on the right, 提出時期 before 変更前, or 説明 before 提出時期).
    order: tuple[int, ...] = (0, 1, 2, 3, 4, 5)
    # Extra columns that carry no field (issues 10 / 11, numcol19): a numbering column on the left
    # (label and the number style, "" for none) and a column on the right (label, "" for none),
    # as some municipalities print them.  See ``numbered_cols``.
    lead_label: str = ""
    lead_style: str = ""
    tail_label: str = ""
    tail_values: tuple[str, ...] = ()
    # A kind column (区分 / 種別: ``修正``, ``追加`` …) before the fields, after the numbering
    # column when there is one (branch numcols59): label ("" for none) and each row's value.
    kind_label: str = ""
    kind_values: tuple[str, ...] = ()
    # Two tables (branch between18): rows from ``split_at`` on form a second table, printed after
    # the paragraphs ``prose`` under a label row of its own; with ``break_before`` the prose and
    # the second table open a new page, otherwise they follow on the first table's page.
    split_at: int = 0
    prose: tuple[str, ...] = ()
    break_before: bool = False
    # A page-number footer (branch between18): ``"- {p}/{n} -"``, ``"{p} / {n}"``, ``"- {p} -"``.
    footer: str = ""
    # Vertical alignment of single columns where it differs from ``valign`` (a user who formats
    # column by column: the explanation centred or at the bottom beside top-aligned text).
    key_valigns: dict[str, str] = field(default_factory=dict)
    # Labels typed with line breaks of their own (narrowhead21: 提出時期 / に係る説明, 提 / 出 / 時 /
    # 期), by field index; the others print as LABELS and wrap where their cell ends.
    label_lines: dict[int, str] = field(default_factory=dict)
    # The paper: "A4" or "A3" (a wide table with extra columns printed on A3, branch bikou55).
    paper: str = "A4"
    # writer: space after each paragraph of a cell, in points (a paragraph style's spacing, as
    # many templates set it; branch cellsplit58: a cell's paragraphs print apart).
    para_space: float = 0.0


def _jitter(rng: random.Random) -> tuple[float, ...]:
    raw = [s * rng.uniform(0.8, 1.25) for s in SHARES]
    total = sum(raw)
    return tuple(round(r / total, 3) for r in raw)


def draw_cases(
    prefix: str,
    pools: tuple[Path, ...],
    n: int,
    seed: int,
    titles: tuple[str, ...] = TITLES,
    valigns: tuple[str, ...] = VALIGNS,
    attachment_share: float = 0.0,
    rich_share: float = 0.0,
    rows_per_case: tuple[int, int] = ROWS_PER_CASE,
    sizes: tuple[float, ...] = SIZES,
    date_rows: tuple[int, int] = (0, 0),
    heldout_dates: bool = False,
    cover_rows: tuple[int, int] = (0, 0),
) -> list[Case]:
    """``n`` cases, alternating Calc and Writer, each a run of consecutive rows of one pool, its
    title line drawn from ``titles`` ("" for none), its vertical alignment from ``valigns``;
    with ``attachment_share`` > 0, each row's item is, at that chance, an attachment's label
    (``ATTACHMENT_ITEMS``); a Calc case writes its dates as rich text at ``rich_share``; each
    case has ``rows_per_case`` rows (inclusive range) in a font size drawn from ``sizes``, and
    ``date_rows`` (inclusive range) more rows whose before / after cells are dates
    (``date_cells``; its held-out items and styles with ``heldout_dates``), and ``cover_rows``
    rows amending the cover (``cover_items``; held-out wording with ``heldout_dates``)."""
    rng = random.Random(seed)
    cases = []
    for k in range(n):
        pool = pools[k % len(pools)]
        table = json.loads(pool.read_text("utf-8"))
        count = min(rng.randint(*rows_per_case), len(table))
        start = rng.randint(0, len(table) - count)
        case = Case(
            name=f"{prefix}-{'calc' if k % 2 == 0 else 'writer'}-{k + 1}",
            maker="calc" if k % 2 == 0 else "writer",
            font=rng.choice(FONTS),
            size=rng.choice(sizes),
            landscape=rng.random() < 0.6,
            valign=rng.choice(valigns),
            date_style=rng.choice(DATE_STYLES),
            title=rng.choice(titles),
            shares=_jitter(rng),
            slack_lines=rng.choice((0.5, 1.0, 1.5)),
            pool=pool.stem,
        )
        case.rich_dates = bool(rich_share) and k % 2 == 0 and rng.random() < rich_share
        chosen = table[start : start + count]
        if date_rows[1]:
            chosen = with_date_rows(rng, chosen, rng.randint(*date_rows), heldout_dates)
        if cover_rows[1]:
            chosen = with_cover_rows(rng, chosen, rng.randint(*cover_rows), heldout_dates)
        for r in chosen:
            row = dict(r)
            row["change_date_raw"] = render_date(r["change_date"], case.date_style)
            if attachment_share and rng.random() < attachment_share:
                row["item"] = rng.choice(ATTACHMENT_ITEMS)
            case.rows.append(row)
        cases.append(case)
    return cases


# Title lines of the layout sets' cases (tools/make_layout23/40/46_samples.py), "" for none.
SHORT_TITLES = ("（別添２）変更箇所", "変更箇所", "")


def named_look(
    case: Case, rng: random.Random, prefix: str, kind: str, k: int, fonts: tuple[str, ...]
) -> None:
    """Case ``k`` (from 0) of ``kind``, its maker set: named ``<prefix>-<kind>-<maker>-<k+1>``,
    a font of ``fonts`` and a title of ``SHORT_TITLES`` drawn from ``rng`` (in that order)."""
    case.name = f"{prefix}-{kind}-{case.maker}-{k + 1}"
    case.font = rng.choice(fonts)
    case.title = rng.choice(SHORT_TITLES)


def date_cells(case: Case) -> None:
    """Every row's 変更日 written in the case's date style (``change_date_raw``)."""
    for row in case.rows:
        row["change_date_raw"] = render_date(row["change_date"], case.date_style)


def cell_valign(case: Case, key: str) -> str:
    """The vertical alignment of column ``key``: a mixed style (``top-center``) puts 変更日 and
    項目 at the first, the other cells at the second."""
    if case.date_valign and key == "change_date_raw":
        return case.date_valign
    if key in case.key_valigns:
        return case.key_valigns[key]
    if "-" not in case.valign:
        return case.valign
    first, second = case.valign.split("-")
    return first if key in ("change_date_raw", "item") else second


def printed(row: dict, key: str) -> str:
    """The text row ``row`` prints in column ``key``: ``row[key + "_printed"]`` where the table
    prints a value another way than the truth holds it (``[　事前　]`` for 事前), else ``row[key]``."""
    return row.get(f"{key}_printed", row[key])


def table_labels(case: Case) -> list[str]:
    """The column labels left to right: the extra columns' with the six fields'."""
    labels = [case.label_lines.get(k, LABELS[k]) for k in case.order]
    return (
        ([case.lead_label] if case.lead_label else [])
        + ([case.kind_label] if case.kind_label else [])
        + labels
        + ([case.tail_label] if case.tail_label else [])
    )


def table_shares(case: Case) -> list[float]:
    """Each printed column's share of the width (the extra columns' taken from the others)."""
    shares = [case.shares[k] for k in case.order]
    lead = LEAD_SHARE if case.lead_label else 0.0
    kind = KIND_SHARE if case.kind_label else 0.0
    tail = TAIL_SHARE if case.tail_label else 0.0
    scale = 1.0 - lead - kind - tail
    return (
        ([lead] if lead else [])
        + ([kind] if kind else [])
        + [s * scale for s in shares]
        + ([tail] if tail else [])
    )


def lead_columns(case: Case) -> int:
    """How many extra columns stand before the fields (numbering, kind)."""
    return bool(case.lead_label) + bool(case.kind_label)


def row_number(case: Case, i: int) -> str:
    """Row ``i``'s number as the numbering column prints it."""
    n = str(i + 1)
    if case.lead_style == "fullwidth":
        return n.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return n


def extra_cells(case: Case, i: int) -> list[tuple[int, str]]:
    """(column, text) of row ``i``'s extra cells."""
    out = []
    if case.lead_label:
        out.append((0, row_number(case, i)))
    if case.kind_label:
        out.append((lead_columns(case) - 1, case.kind_values[i] if i < len(case.kind_values) else ""))
    if case.tail_label:
        out.append((len(table_labels(case)) - 1, case.tail_values[i] if i < len(case.tail_values) else ""))
    return out


def _page_cm(case: Case) -> float:
    long, short = (42.0, 29.7) if case.paper == "A3" else (29.7, 21.0)
    return (long if case.landscape else short) - 3.6


# --------------------------------------------------------------------------- .xlsx


def _xlsx_heights(case: Case, widths: list[float], extra: float) -> list[float]:
    covered = {
        (i, key)
        for key in (case.merge_keys if case.merge_within else ())
        for a, b in merge_runs(case.rows, key, set(), case.merge_within)
        for i in range(a + 1, b + 1)
    }
    # ``widths`` are the printed columns' (a lead column first): each field's is found by its
    # place in ``case.order`` (taken by field index, a narrow 提出時期 printed after 変更後 made
    # the 変更後 cell's rows pages tall: session 58).
    first = lead_columns(case)
    out = []
    for i, r in enumerate(case.rows):
        lines = 1
        for j, key in enumerate(SIX):
            if (i, key) in covered:
                continue
            width_pt = widths[first + case.order.index(j)] * 7 * 0.75 - 4
            per_line = max(int(width_pt / (case.size / 2)) - 1, 2)
            lines = max(lines, sum(max(1, -(-_units(p) // per_line)) for p in str(r[key]).split("\n")))
        out.append(round((lines + case.slack_lines + extra) * case.size * 1.5 + 4, 1))
    return out


def _rich(text: str, case: Case):
    """``text`` as rich text of two runs in the case's font (what a pasted cell holds)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    font = InlineFont(rFont=case.font, sz=case.size)
    return CellRichText([TextBlock(font, text[:2]), TextBlock(font, text[2:])])


def _mark_pieces(text: str) -> list[str]:
    """``text`` cut around each check box's ○ (``［○］``): odd pieces are the marks."""
    return re.split(r"(?<=［)(○)(?=］)", text)


def _marked(text: str, case: Case):
    """``text`` as rich text whose check-box marks are in ``case.mark_font``."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    body = InlineFont(rFont=case.font, sz=case.size)
    mark = InlineFont(rFont=case.mark_font, sz=case.size)
    pieces = _mark_pieces(text)
    return CellRichText([TextBlock(mark if k % 2 else body, p) for k, p in enumerate(pieces) if p])


def _date_runs(case: Case) -> list[tuple[int, int]]:
    """(first, last) rows of each run of two or more equal dates."""
    runs, a = [], 0
    for i in range(1, len(case.rows) + 1):
        if i == len(case.rows) or case.rows[i]["change_date_raw"] != case.rows[a]["change_date_raw"]:
            if i - 1 > a:
                runs.append((a, i - 1))
            a = i
    return runs


def write_xlsx(path: Path, case: Case, extra: float) -> None:
    """The table as an outsider types it in a spreadsheet: wrapped cells with borders, widths
    and heights set by hand, fit to the page's width, the header row repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=case.font, size=case.size)
    # Excel width units are about 7 px (0.19 cm) each at the default font.
    shares = table_shares(case)
    widths = [round(s * _page_cm(case) / 0.19, 1) for s in shares]
    first = lead_columns(case)  # the first field column's offset
    top = 1
    if case.title:
        ws.cell(1, 1, case.title).font = font
        top = 3
    for j, label in enumerate(table_labels(case)):
        c = ws.cell(top, j + 1, label)
        c.font = Font(name=case.font, size=case.size, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
    runs = _date_runs(case) if case.merge_dates else []
    covered = {i for a, b in runs for i in range(a + 1, b + 1)}
    shift = 0  # sheet rows the prose and the second label row take (two tables)
    for i, (r, h) in enumerate(zip(case.rows, _xlsx_heights(case, widths, extra), strict=True)):
        if case.split_at and i == case.split_at:
            shift = _xlsx_between(ws, case, top + 1 + i, border)
        for j, value in extra_cells(case, i):
            c = ws.cell(top + 1 + i + shift, j + 1, value)
            c.font = font
            c.alignment = Alignment(horizontal="center", vertical=cell_valign(case, "item"), wrap_text=True)
            c.border = border
        for j, key in enumerate((SIX[k] for k in case.order), start=first):
            value = None if key == "change_date_raw" and i in covered else printed(r, key)
            if key == "change_date_raw" and case.rich_dates and value is not None:
                value = _rich(value, case)
            elif case.mark_font and isinstance(value, str) and "［○］" in value:
                value = _marked(value, case)
            c = ws.cell(top + 1 + i + shift, j + 1, value)
            c.font = font
            c.alignment = Alignment(vertical=cell_valign(case, key), wrap_text=True)
            c.border = border
        ws.row_dimensions[top + 1 + i + shift].height = h
    date_col = case.order.index(0) + 1 + first
    for a, b in runs:
        ws.merge_cells(start_row=top + 1 + a, start_column=date_col, end_row=top + 1 + b, end_column=date_col)
    for key in case.merge_keys:
        col = case.order.index(SIX.index(key)) + 1 + first
        for a, b in merge_runs(case.rows, key, set(), case.merge_within):
            ws.merge_cells(start_row=top + 1 + a, start_column=col, end_row=top + 1 + b, end_column=col)
    for j, w in enumerate(widths):
        ws.column_dimensions["ABCDEFGHIJ"[j]].width = w
    ws.page_setup.orientation = "landscape" if case.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if case.paper == "A3" else ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{top}:{top}"
    if case.footer:
        ws.oddFooter.center.text = case.footer.format(p="&P", n="&N")
    wb.save(path)


def _xlsx_between(ws, case: Case, at: int, border) -> int:  # type: ignore[no-untyped-def]
    """The prose between two tables, each paragraph a row merged over the six columns (one
    blank row above and below), then the second table's label row, from sheet row ``at``; with
    ``case.break_before`` a manual page break above the prose.  Returns the rows taken."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.pagebreak import Break

    font = Font(name=case.font, size=case.size)
    if case.break_before:
        ws.row_breaks.append(Break(id=at - 1))
    row = at + 1
    for para in case.prose:
        c = ws.cell(row, 1, para)
        c.font = font
        c.alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        lines = max(1, -(-_units(para) * case.size / 2 // (_page_cm(case) * 28.35 - 10)))
        ws.row_dimensions[row].height = round((lines + 0.3) * case.size * 1.5, 1)
        row += 1
    row += 1
    for j, label in enumerate(case.label_lines.get(k, LABELS[k]) for k in case.order):
        c = ws.cell(row, j + 1, label)
        c.font = Font(name=case.font, size=case.size, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
    return row + 1 - at


# --------------------------------------------------------------------------- .docx


def write_docx(path: Path, case: Case) -> None:
    """The table as an outsider types it in a word processor: Table Grid, widths in cm, each
    paragraph of a cell its own paragraph, the header row repeated."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    if case.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = case.font
    normal.font.size = Pt(case.size)
    _set_east_asian(normal, case.font)
    normal.paragraph_format.space_after = Pt(0)
    if case.footer:
        _docx_footer(sec, case.footer)
    if case.cover_page:
        _docx_cover(doc, case)
    if case.title:
        doc.add_paragraph(case.title)
    parts = [case.rows[: case.split_at], case.rows[case.split_at :]] if case.split_at else [case.rows]
    for n, rows in enumerate(parts):
        if n:
            _docx_between(doc, case)
        _docx_table(doc, case, rows)
    doc.save(path)


def _docx_table(doc, case: Case, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """One table of ``rows`` under its label row (repeated on each page)."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.shared import Cm, Pt

    labels = table_labels(case)
    first = lead_columns(case)  # the first field column's offset
    table = docx_label_table(doc, labels, len(rows))
    valigns = {"center": WD_ALIGN_VERTICAL.CENTER, "bottom": WD_ALIGN_VERTICAL.BOTTOM}
    runs = {key: merge_runs(rows, key, set(), case.merge_within) for key in case.merge_keys}
    covered = {(i, key) for key, rs in runs.items() for a, b in rs for i in range(a + 1, b + 1)}
    for i, r in enumerate(rows):
        cells = table.rows[1 + i].cells
        for j, value in extra_cells(case, i):
            cells[j].text = value
            cells[j].vertical_alignment = valigns.get(cell_valign(case, "item"), WD_ALIGN_VERTICAL.TOP)
        for j, key in enumerate((SIX[k] for k in case.order), start=first):
            # A merged cell's text is in its first row only.
            paras = [] if (i, key) in covered else str(printed(r, key)).split("\n")
            for k, para in enumerate(paras):
                p = cells[j].paragraphs[0] if k == 0 else cells[j].add_paragraph()
                if case.para_space:
                    p.paragraph_format.space_after = Pt(case.para_space)
                for m, piece in enumerate(_mark_pieces(para) if case.mark_font else [para]):
                    run = p.add_run(piece)
                    if m % 2:
                        _set_east_asian(run, case.mark_font)
            cells[j].vertical_alignment = valigns.get(cell_valign(case, key), WD_ALIGN_VERTICAL.TOP)
    for key, rs in runs.items():
        j = case.order.index(SIX.index(key)) + first
        for a, b in rs:
            table.cell(1 + a, j).merge(table.cell(1 + b, j))
    for j, s in enumerate(table_shares(case)):
        w = Cm(round(s * _page_cm(case), 2))
        table.columns[j].width = w
        for cell in table.columns[j].cells:
            cell.width = w


def _docx_footer(sec, pattern: str) -> None:  # type: ignore[no-untyped-def]
    """A centred footer printing ``pattern`` with the PAGE / NUMPAGES fields for {p} / {n}."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    para = sec.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{[pn]\})", pattern):
        if piece in ("{p}", "{n}"):
            run = para.add_run()
            for kind, text in (
                ("begin", ""),
                ("instr", "PAGE" if piece == "{p}" else "NUMPAGES"),
                ("end", ""),
            ):
                if kind == "instr":
                    el = OxmlElement("w:instrText")
                    el.set(qn("xml:space"), "preserve")
                    el.text = text
                else:
                    el = OxmlElement("w:fldChar")
                    el.set(qn("w:fldCharType"), kind)
                run._r.append(el)
        elif piece:
            para.add_run(piece)


def _docx_between(doc, case: Case) -> None:  # type: ignore[no-untyped-def]
    """The paragraphs between two tables (after a page break with ``case.break_before``)."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph()
    if case.break_before:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for para in case.prose:
        doc.add_paragraph(para)
    doc.add_paragraph()


def _docx_cover(doc, case: Case) -> None:  # type: ignore[no-untyped-def]
    """A cover page as a filing's (title, assessment name, agency, publication date), then a
    page break: the table opens the second page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    date = render_date(case.rows[0]["change_date"], "wareki")
    for line in (
        "特定個人情報保護評価書（全項目評価書）",
        "",
        "評価書番号　１２",
        "評価書名　住民基本台帳に関する事務　全項目評価書",
        "",
        "○○市長",
        f"公表日　{date}",
    ):
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------- build


def to_pdf(src: Path, outdir: Path) -> Path:
    profile = Path(tempfile.gettempdir()) / f"lo_profile_outsider_{src.stem}"
    try:
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / f"{src.stem}.pdf"


def _squash(text: str) -> str:
    return "".join(str(text).split())


def unprinted(pdf: Path, case: Case) -> list[str]:
    """The cells whose text the PDF does not hold whole (clipped by a row too low)."""
    whole = "".join(stream_text(pdf))
    return [f"row {i} {key}" for i, r in enumerate(case.rows) for key in SIX if _squash(r[key]) not in whole]


# Spare lines given each Calc row in turn while LibreOffice clips a row (Writer rows grow).
PRINT_EXTRAS = (0.0, 1.0, 2.5)


def print_case(case: Case, work: Path) -> tuple[Path, list[str]]:
    """The case printed to PDF by LibreOffice in ``work``: Calc from an .xlsx (``write_xlsx``),
    printed again with more spare lines per row (``PRINT_EXTRAS``) while a row is not printed
    whole, Writer from a .docx once.  Returns the PDF and what ``unprinted`` still finds missing
    (empty when every row is printed whole)."""
    for extra in PRINT_EXTRAS:
        src = work / f"{case.name}.{'xlsx' if case.maker == 'calc' else 'docx'}"
        (write_xlsx(src, case, extra) if case.maker == "calc" else write_docx(src, case))
        pdf = to_pdf(src, work)
        missing = unprinted(pdf, case)
        if not missing or case.maker == "writer":
            break
    return pdf, missing


def expected(case: Case) -> list[dict]:
    out = []
    for i, r in enumerate(case.rows):
        out.append(
            {
                "row_index": i,
                "change_date": r["change_date"],
                "change_date_raw": r["change_date_raw"],
                "item": r["item"],
                "item_path": r["item"].split("\n"),
                "before": r["before"],
                "after": r["after"],
                "timing": r["timing"],
                "explanation": r["explanation"],
            }
        )
    return out


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def build(
    root: Path,
    cases: list[Case],
    tools: tuple[str, ...] = EXTRACTORS,
    keep_pdf: bool = True,
    readme: str = "",
) -> None:
    """Each case's PDF (unless not ``keep_pdf``) and its texts by ``tools``, with the truth, under
    ``root``."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    settings = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for case in cases:
            pdf, missing = print_case(case, work)
            if missing:
                print(f"{case.name}: not printed whole: {missing[:4]}", file=sys.stderr)
            truth = expected(case)
            if keep_pdf:
                folder = root / case.name
                _write_json(folder / "expected" / "records.json", truth)
                shutil.copy(pdf, folder / "input.pdf")
            for tool in tools:
                tf = root / f"{case.name}-{tool}"
                _write_json(tf / "expected" / "records.json", truth)
                (tf / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            settings[case.name] = {k: v for k, v in asdict(case).items() if k != "rows"}
            print(f"{case.name}: {len(truth)} rows", file=sys.stderr)
    _write_json(root / "cases.json", settings)
    (root / "README.md").write_text((readme or README).format(name=root.name), "utf-8")


def build_sets(
    doc: str,
    sets: dict[str, tuple],
    make_cases: Callable[..., list[Case]],
    readme: str,
    argv: list[str] | None = None,
) -> int:
    """The command line of a sample maker whose ``sets`` map a set's name to ``make_cases``'
    arguments: ``--set NAME`` (again for more; default every set), ``--only TEXT`` (only the
    cases whose name holds it); each set built under ``samples/`` with ``readme``.  ``doc``:
    the maker's docstring (its first line the description).  Returns the exit status."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--set", choices=tuple(sets), action="append")
    ap.add_argument("--only", default="", help="make only the cases whose name holds this")
    ns = ap.parse_args(argv)
    for name in ns.set or list(sets):
        cases = [c for c in make_cases(*sets[name]) if ns.only in c.name]
        build(SAMPLES / name, cases, readme=readme)
    return 0


README = """# {name}: tables made as an outside user makes them (issue 12)

Eight small amendment tables written directly with openpyxl (.xlsx, `*-calc-*`) and python-docx
(.docx, `*-writer-*`), each in a style of its own (font IPAexGothic / IPAexMincho / IPAGothic at
8–11 pt, column widths, portrait or landscape, vertical alignment, row heights set by hand, a
title line or none, dates as 令和 / slashes / 西暦), converted with `soffice --headless
--convert-to pdf`; each case is the PDF and its five extractors' texts (`<case>-pdftotext-layout`,
`-pdftotext-raw`, `-pdftotext`, `-pypdfium2`, `-pdfminer`), with the truth in
`expected/records.json` (the rows as written).  Settings per case: `cases.json`.

`samples/outsider` draws its cells from the tuning tables (`samples/tables`, `tests/data/tables`);
`samples/heldout-outsider` from `samples/heldout/tables`: measure on it, never tune.

Made by `python tools/make_outsider_tables.py`; measured by

    python tools/bench_calibration.py --only=outsider --no-reflow
"""


FLAT_README = """# {name}: flattened text of long outsider tables (issue 10)

Ten amendment tables written directly with openpyxl (`*-calc-*`) and python-docx (`*-writer-*`) in
the outsider styles (font, size 9–12 pt, widths, orientation, plain or mixed vertical alignment,
title line or none, some dates as rich text), 7–12 rows each; in about half the cases a narrow
date column (the date wraps), in about half dates printed with a look-alike dash or full-width
digits (`2019−4−1`, `2021ー4ー1`, `2022‐3‐15`, `２０２２／３／１５`).  Converted with `soffice
--headless --convert-to pdf`; only the `pdftotext -raw` and pypdfium2 texts are kept, with the
truth (`expected/records.json`, the rows as written).  Settings per case: `cases.json`.

`samples/office-stream13` draws from the tuning tables; `samples/heldout-stream13` from
`samples/heldout/tables`: measure on it only, never tune on it.

    python tools/make_outsider_tables.py --set office-stream13 --set heldout-stream13
    python tools/eval_office.py samples/office-stream13 samples/heldout-stream13
"""


README_DATECELL = """# {name}: rows whose before / after cells are dates (issue 10, branch datecell13)

Small amendment tables written as `samples/outsider`'s are (openpyxl .xlsx `*-calc-*`, python-docx
.docx `*-writer-*`, each in a style of its own, every vertical alignment), with two to four rows
amending a date put in among the pool's rows (`tools/date_cells.py`): 第三者点検 ①実施日, 基礎項目評価
①実施日, 意見聴取 ②実施日・期間 …, the before / after cell a date alone (令和, full-width, slashes,
西暦), a period (`…から…まで`, `…～…`) or two dates one per line, sometimes an empty before cell.
Each case is the PDF and its five extractors' texts, with the truth in `expected/records.json`.

`samples/datecell` (tuning) draws its rows from the tuning tables and `date_cells.TUNING_*`;
`samples/heldout-datecell13` (held out: measure on it, never tune) from `samples/heldout/tables`
and `date_cells.HELDOUT_*` (other items, date styles and period forms).

Made by `python tools/make_outsider_tables.py --set datecell --set heldout-datecell13`; measured by

    python tools/eval_office.py samples/datecell samples/heldout-datecell13
"""


# The column-ordered texts (issues 10 / 12's pdfminer and plain pdftotext families).
COLUMN_TOOLS = ("pdfminer", "pdftotext")
# The texts kept for the flattened-order sets (issue 10's pypdfium2 and -raw families).
FLAT_TOOLS = ("pdftotext-raw", "pypdfium2")
# Dates printed with a look-alike dash or full-width digits, as pasted from other software:
# (separator, full-width digits).
DASH_STYLES = (("\u2212", False), ("ー", False), ("\u2010", False), ("-", False), ("／", True), (".", True))


def dashed_date(iso: str, sep: str, fullwidth: bool) -> str:
    """``iso`` printed as year-month-day with ``sep`` between the parts (full-width digits if
    ``fullwidth``): 2019−4−1, ２０２２／３／１５."""
    y, m, d = (int(x) for x in iso.split("-"))
    text = f"{y}{sep}{m}{sep}{d}"
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if fullwidth else text


def flat_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """Cases for the flattened-order sets: the outsider styles, long tables, and in half of
    them a narrow date column (the date wraps) or dates with a look-alike dash."""
    rng = random.Random(seed + 7)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=VALIGNS + MIXED_VALIGNS,
        attachment_share=0.1,
        rich_share=0.3,
        rows_per_case=(7, 12),
        sizes=(9.0, 10.0, 10.5, 11.0, 12.0),
    )
    for case in cases:
        if rng.random() < 0.5:
            shares = list(case.shares)
            shares[0] = round(shares[0] * rng.uniform(0.45, 0.7), 3)
            case.shares = tuple(shares)
        if rng.random() < 0.5:
            sep, fw = rng.choice(DASH_STYLES)
            case.date_style = f"dash{ord(sep):x}{'_fw' if fw else ''}"
            for row in case.rows:
                row["change_date_raw"] = dashed_date(row["change_date"], sep, fw)
    return cases


def narrow_writer_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """Writer tables whose 変更日 column is very narrow (a date prints in three to eight pieces:
    ``令和`` / ``元年`` / ``5 月`` / ``1 日``), in every date style (令和, slashes, 西暦, look-alike
    dashes, full-width digits), plain and mixed vertical alignment, 8–11 pt: the kind that made
    a held-out Writer text read no rows (branch stream14)."""
    rng = random.Random(seed + 11)
    cases = draw_cases(
        prefix,
        pools,
        2 * n,
        seed=seed,
        valigns=VALIGNS + MIXED_VALIGNS,
        attachment_share=0.1,
        rows_per_case=(4, 6),
        sizes=(8.0, 9.0, 10.0, 11.0),
    )
    out = [c for c in cases if c.maker == "writer"][:n]
    for case in out:
        shares = list(case.shares)
        shares[0] = round(rng.uniform(0.035, 0.06), 3)
        case.shares = tuple(shares)
        if rng.random() < 0.4:
            sep, fw = rng.choice(DASH_STYLES)
            case.date_style = f"dash{ord(sep):x}{'_fw' if fw else ''}"
            for row in case.rows:
                row["change_date_raw"] = dashed_date(row["change_date"], sep, fw)
    return out


def merged_date_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """Cases whose 変更日 cells are merged over runs of equal dates (and, in some, the 提出時期
    cells over runs of equal timing), the merged date aligned at the top, centre or bottom of
    its cell, the other cells aligned otherwise (mostly centred): the kind whose date printed
    at the top of its merged cell gave a 削除 row another row's date and timing, unwarned, in
    ``pdftotext -layout`` (issue 12)."""
    rng = random.Random(seed + 15)
    cases = draw_cases(prefix, pools, n, seed=seed, rich_share=0.2, rows_per_case=(5, 9))
    for k, case in enumerate(cases):
        # Every alignment of the merged date, in turn, beside a body aligned otherwise.
        case.date_valign = VALIGNS[k % 3]
        case.valign = rng.choice([v for v in ("center", "center", "top", "bottom") if v != case.date_valign])
        case.merge_keys = ("change_date_raw", "timing") if rng.random() < 0.4 else ("change_date_raw",)
    return cases


README_MERGED = """# {name}: merged 変更日 cells aligned apart from the body (issue 12, branch calib15)

Small amendment tables written as `samples/outsider`'s are (openpyxl .xlsx `*-calc-*`, python-docx
.docx `*-writer-*`, each in a style of its own) whose 変更日 cells are merged over each run of
equal dates (in about 40% of the cases the 提出時期 cells too), the merged date aligned at the
top, centre or bottom of its cell (in turn), the other cells aligned otherwise (mostly centred).
A new user's Calc table of this kind, its date at the top of the merged cell, gave a 削除 row
another row's date and timing in `pdftotext -layout`, unwarned.  Each case is its PDF's five
extractors' texts (the PDFs, 60–120 KB each, are not kept: the command makes them again), with
the truth in `expected/records.json` (a merged cell's value on every row it spans).  Settings
per case: `cases.json`.

`samples/valigndate15` (tuning) draws from the tuning tables; `samples/heldout-valigndate15` (held
out: measure on it, never tune) from `samples/heldout/tables`.

    python tools/make_outsider_tables.py --set valigndate15 --set heldout-valigndate15
    python tools/bench_calibration.py --no-reflow --only valigndate15
"""


def merge_date_runs(rng: random.Random, case: Case, longest: int, share: float) -> None:
    """Runs of consecutive rows share one 変更日 (at chance ``share`` a run of 2..``longest``
    rows, else one row), printed once in a merged cell (Calc) or merged 変更日 cells (Writer),
    and every row's date written in the case's style."""
    i = 0
    while i < len(case.rows) - 1:
        run = rng.randint(2, longest) if rng.random() < share else 1
        for row in case.rows[i + 1 : i + run]:
            row["change_date"] = case.rows[i]["change_date"]
        i += run
    if case.maker == "calc":
        case.merge_dates = True
    else:
        case.merge_keys = ("change_date_raw",)
    date_cells(case)


def dense_calc_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool) -> list[Case]:
    """Small-type tables with narrow columns (two in three Calc), runs of two to four rows sharing
    one date in a merged 変更日 cell centred vertically, some rows amending an attachment (its
    label the item and again the after cell's first line, over 上記を新規追加) or the cover, and
    short 削除 / 新規追加 cells: the kinds whose row-ordered text (``pdftotext -raw``, pypdfium2)
    gave extra rows and lost rows (issue 10, branch stream16)."""
    rng = random.Random(seed + 16)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=("center", "top", "top-center", "bottom"),
        attachment_share=0.15,
        rich_share=0.2,
        rows_per_case=(6, 10),
        sizes=(8.0, 8.0, 9.0),
        cover_rows=(0, 1),
        heldout_dates=heldout,
    )
    for k, case in enumerate(cases):
        case.maker = "writer" if k % 3 == 1 else "calc"
        case.name = f"{prefix}-{case.maker}-{k + 1}"
        case.landscape = rng.random() < 0.4
        raw = [s * rng.uniform(0.6, 1.6) for s in SHARES]
        case.shares = tuple(round(r / sum(raw), 3) for r in raw)
        case.date_valign = "center"
        for row in case.rows:
            if rng.random() < 0.12:
                label = rng.choice(ATTACHMENT_ITEMS)
                row.update(item=label, before="", after=f"{label}\n上記を新規追加", timing="事後")
                row["explanation"] = rng.choice(("別紙の追加", "事務の流れを追加", "重要な変更に当たらない"))
        merge_date_runs(rng, case, 4, 0.6)
    return cases


# Fonts and sizes of the dense17 sets (other than stream16's 8-9 pt IPAex): Droid Sans Fallback
# is the one other Japanese font LibreOffice finds here.
DENSE17_FONTS = ("IPAexMincho", "IPAexGothic", "Droid Sans Fallback")
DENSE17_SIZES = (7.5, 8.0, 8.5, 9.5)


def dense17_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool) -> list[Case]:
    """Dense tables of another make than ``dense_calc_cases`` (issue 10, branch dense17): three
    in four Calc, 7.5-9.5 pt in three fonts, each column's share jittered 0.5-1.8x, more rows
    whose item is one line (an attachment's label, with its own before / after text or adding
    it over 上記を新規追加; the cover), runs of one to five rows sharing a merged, centred date,
    every alignment of the other cells: Calc then prints many rows' items in pass 1, and the
    rows pass 2 opens are fewer than the rows."""
    rng = random.Random(seed + 17)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=("center", "top", "bottom", "top-center", "top-bottom"),
        attachment_share=0.25,
        rich_share=0.0,
        rows_per_case=(7, 12),
        sizes=DENSE17_SIZES,
        cover_rows=(0, 2),
        heldout_dates=heldout,
    )
    for k, case in enumerate(cases):
        case.maker = "writer" if k % 4 == 2 else "calc"
        case.name = f"{prefix}-{case.maker}-{k + 1}"
        case.font = rng.choice(DENSE17_FONTS)
        case.landscape = rng.random() < 0.5
        raw = [s * rng.uniform(0.5, 1.8) for s in SHARES]
        case.shares = tuple(round(r / sum(raw), 3) for r in raw)
        case.date_valign = rng.choice(("center", "center", "top"))
        for row in case.rows:
            if rng.random() < 0.15:
                label = rng.choice(ATTACHMENT_ITEMS)
                row.update(item=label, before="", after=f"{label}\n上記を新規追加", timing="事前")
                reasons = ("別紙の追加", "記録項目の追加に伴う修正", "重要な変更に当たらない")
                row["explanation"] = rng.choice(reasons)
        merge_date_runs(rng, case, 5, 0.7)
    return cases


README_DENSE17 = """# {name}: dense tables, items printed with the one-line cells (issue 10, branch dense17)

Three in four Calc, the rest Writer, at 7.5-9.5 pt in IPAex Mincho / Gothic or Droid Sans
Fallback, each column's share jittered 0.5-1.8x, runs of one to five rows sharing a merged
変更日 (centred, or at the top), every alignment of the other cells, many rows whose item is one
line (an attachment's label with its own before / after, or adding it over 上記を新規追加; the
cover).  Calc prints such an item with the page's one-line cells (pass 1), so pass 2 opens
fewer rows than the page holds.  Only the `pdftotext -raw` and pypdfium2 texts are kept, with
the truth (`expected/records.json`).  `samples/office-dense17` draws from the tuning tables;
`samples/heldout-dense17` from `samples/heldout/tables` with other seeds: measure on it only,
never tune on it.

    python tools/make_outsider_tables.py --set office-dense17 --set heldout-dense17
    python tools/eval_text.py samples/office-dense17 samples/heldout-dense17
"""


README_DENSE = """# {name}: dense tables, merged centred dates (issue 10, branch stream16)

Calc (two in three) and Writer tables in the outsider styles at 8–9 pt with narrow columns
(each column's share jittered 0.6–1.6×), runs of two to four rows sharing one date in a merged
変更日 cell centred vertically, some rows amending an attachment (the label as item and as the
after cell's first line, over 上記を新規追加) or the cover (表紙), short 削除 / 新規追加 cells.
Only the `pdftotext -raw` and pypdfium2 texts are kept, with the truth (`expected/records.json`).
`samples/office-stream16` draws from the tuning tables; `samples/heldout-stream16` from
`samples/heldout/tables` with other seeds: measure on it only, never tune on it.

    python tools/make_outsider_tables.py --set office-stream16 --set heldout-stream16
    python tools/eval_office.py samples/office-stream16 samples/heldout-stream16
"""


README_NARROW = """# {name}: Writer tables with a very narrow 変更日 column (issue 10, branch stream14)

Six small Writer tables (python-docx, converted with `soffice --headless --convert-to pdf`) whose
date column takes 3.5–6% of the width, so that each date prints in pieces a line (`令和` / `元年` /
`5 月` / `1 日`) and the timing too (`事` / `前`); date styles 令和, slashes, 西暦, look-alike dashes,
full-width digits; 8–11 pt; plain and mixed alignment.  Only the `pdftotext -raw` and pypdfium2
texts are kept, with the truth (`expected/records.json`).  Drawn from the tuning tables.

    python tools/make_outsider_tables.py --set office-narrowdate14
    python tools/eval_office.py samples/office-narrowdate14
"""


def split_cases(
    prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool, merged: bool = False
) -> list[Case]:
    """Calc tables (two in three) and Writer tables whose 変更日 column is narrow enough that a
    date breaks somewhere (inside its digits, after a slash, between 年 and 月, after ``R5.``),
    in every date style (令和 with full- or half-width digits, slashes with or without zeros,
    西暦, ``R5.4.1``), every alignment, 8–12 pt, some with cover rows (表紙): the kind whose
    broken dates ran two rows into their neighbours in silence (issue 10, branch stream15).
    With ``merged``, each Calc table's first three to five rows share one date in a merged cell."""
    rng = random.Random(seed + 15)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=VALIGNS + MIXED_VALIGNS,
        attachment_share=0.1,
        rich_share=0.2,
        rows_per_case=(5, 10),
        sizes=(8.0, 9.0, 10.0, 10.5, 11.0, 12.0),
        cover_rows=(0, 1),
        heldout_dates=heldout,
    )
    for k, case in enumerate(cases):
        if k % 3 == 1:
            case.maker = "writer"
            case.name = case.name.replace("-calc-", "-writer-")
        elif case.maker == "writer":
            case.maker = "calc"
            case.name = case.name.replace("-writer-", "-calc-")
        if not merged or rng.random() < 0.5:
            shares = list(case.shares)
            shares[0] = round(rng.uniform(0.035, 0.075), 3)
            case.shares = tuple(shares)
        case.date_style = rng.choice((*DATE_STYLES, "short", "slash0"))
        if merged and case.maker == "calc":
            # The first three to five rows share the first row's date, in one merged cell.
            case.merge_dates = True
            for row in case.rows[1 : rng.randint(3, 5)]:
                row["change_date"] = case.rows[0]["change_date"]
        date_cells(case)
    return cases


README_SPLIT = """# {name}: dates broken inside a narrow 変更日 column (issue 10, branch stream15)

Calc (two in three) and Writer tables in the outsider styles whose date column takes 3.5–7.5% of
the width, so that a date breaks at any point (`2022/04/0` / `1`, `令和5年` / `4月1日`, `R5.` /
`4.1`); every date style, every alignment, 8–12 pt, some rows amending the cover (表紙).  Only
the `pdftotext -raw` and pypdfium2 texts are kept, with the truth (`expected/records.json`).
`samples/office-split15` draws from the tuning tables; `samples/heldout-split15` from
`samples/heldout/tables` with other seeds: measure on it only, never tune on it.

    python tools/make_outsider_tables.py --set office-split15 --set heldout-split15
    python tools/eval_office.py samples/office-split15 samples/heldout-split15
"""


README_ATTACH = """# {name}: Calc tables whose rows amend attachments (issue 10, branch stream14)

Four small Calc tables (openpyxl, converted with `soffice --headless --convert-to pdf`) in the
outsider styles, about a third of whose rows amend an attachment in place of an item of the form
(`（別紙２）特定個人情報ファイル記録項目`, `別添１　事務の内容`), the label wrapping in a narrow item column;
Calc draws such a row's wrapped cells in its second pass, opened by the label.  Only the
`pdftotext -raw` and pypdfium2 texts are kept, with the truth.  Drawn from the tuning tables.

    python tools/make_outsider_tables.py --set office-attach14
    python tools/eval_office.py samples/office-attach14
"""


def layout_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """The three kinds a new user's ``pdftotext -layout`` text read worst (issues 10 / 12, branch
    layout16), in turn: (a) a landscape Writer table in 9 pt Mincho after a cover page, its
    変更日 cells merged over runs of equal dates and centred, its rows breaking over pages under
    the repeated header; (b) a Calc table whose merged 変更日 cells are centred, the body
    aligned otherwise; (c) a Writer table in larger type whose rows continue over page breaks.
    Runs of one to four rows share a date."""
    rng = random.Random(seed + 16)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=VALIGNS + MIXED_VALIGNS,
        rows_per_case=(8, 13),
        sizes=(9.0, 10.0, 10.5, 11.0, 12.0),
    )
    for k, case in enumerate(cases):
        kind = "abc"[k % 3]
        case.maker = "calc" if kind == "b" else "writer"
        case.name = f"{prefix}-{kind}-{case.maker}-{k + 1}"
        if kind == "a":
            case.font, case.size, case.landscape, case.cover_page = "IPAexMincho", 9.0, True, True
        elif kind == "c":
            case.size = rng.choice((10.5, 11.0, 12.0))
        if kind in "ab":
            case.date_valign = "center"
            case.valign = rng.choice(("top", "top", "center", "bottom", "top-center"))
            case.merge_keys = ("change_date_raw",)
            i = 0
            while i < len(case.rows):
                run = rng.randint(1, 4)
                for row in case.rows[i + 1 : i + run]:
                    row["change_date"] = case.rows[i]["change_date"]
                i += run
            date_cells(case)
    return cases


# Column orders of issue 11 (colhead17) templates: 変更日 on the right, 提出時期 before 変更前,
# 説明 before 提出時期.
COLUMN_ORDERS = ((1, 2, 3, 4, 5, 0), (0, 1, 4, 2, 3, 5), (0, 1, 2, 3, 5, 4))


def colhead_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """Outsider tables (Calc and Writer in turn) whose columns stand in another order than the
    form's (``COLUMN_ORDERS`` in turn, issue 11, colhead17): the reader must take each column's
    role from its label.  5–8 rows each."""
    cases = draw_cases(prefix, pools, n, seed=seed, rows_per_case=(5, 8))
    for k, case in enumerate(cases):
        case.order = COLUMN_ORDERS[(k // 2) % len(COLUMN_ORDERS)]
    return cases


# Column orders of issue 10 (colorder18) templates, other than colhead17's: 項目 before 変更日,
# 提出時期 right after 変更日, 変更日 between 変更後 and 提出時期, 提出時期 and 説明 before 変更前.
COLORDER18_ORDERS = ((1, 0, 2, 3, 4, 5), (0, 4, 1, 2, 3, 5), (1, 2, 3, 0, 4, 5), (0, 1, 4, 5, 2, 3))


def colorder_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """``colhead_cases`` with ``COLORDER18_ORDERS`` (issue 10, colorder18): flattened text must
    read each column's role from the label row's order."""
    cases = draw_cases(prefix, pools, n, seed=seed, rows_per_case=(5, 8))
    for k, case in enumerate(cases):
        case.order = COLORDER18_ORDERS[(k // 2) % len(COLORDER18_ORDERS)]
    return cases


README_COLORDER = """# {name}: flattened text, columns in another order (issue 10, colorder18)

Small outsider tables (openpyxl .xlsx `*-calc-*`, python-docx .docx `*-writer-*`) printed in other
column orders than colhead17's (`order` in `cases.json`, as indices of 変更日 / 項目 / 変更前 /
変更後 / 提出時期 / 説明): 項目 before 変更日, 提出時期 right after 変更日, 変更日 between 変更後 and
提出時期, 提出時期 and 説明 before 変更前.  Each case is the PDF and its five extractors' texts, with
the truth in `expected/records.json`.

`samples/office-colorder18` (tuning) draws from the tuning tables; `samples/heldout-colorder18`
from `samples/heldout/tables`: measure on it only, never tune on it.

    python tools/make_outsider_tables.py --set office-colorder18 --set heldout-colorder18
    python tools/eval_text.py samples/heldout-colorder18
"""


README_COLHEAD = """# {name}: tables whose columns stand in another order (issue 11, colhead17)

Small outsider tables (openpyxl .xlsx `*-calc-*`, python-docx .docx `*-writer-*`, each in a style
of its own) whose columns are printed in another order than the form's: 変更日 on the right,
提出時期 before 変更前の記載, or 提出時期に係る説明 before 提出時期 (`order` in `cases.json`, as
indices of 変更日 / 項目 / 変更前 / 変更後 / 提出時期 / 説明).  Each case is the PDF and its five
extractors' texts, with the truth in `expected/records.json`.

`samples/office-colhead17` (tuning) draws from the tuning tables; `samples/heldout-colhead17`
from `samples/heldout/tables`: measure on it only, never tune on it.

    python tools/make_outsider_tables.py --set office-colhead17 --set heldout-colhead17
    python tools/eval_office.py samples/office-colhead17 samples/heldout-colhead17
"""


README_LAYOUT = """# {name}: -layout kinds a new user's tables read worst (issues 10 / 12, layout16)

Amendment tables written as `samples/outsider`'s are, in three kinds in turn: (a) a landscape
Writer table in 9 pt IPAexMincho after a cover page, 変更日 cells merged over runs of one to
four equal dates and centred vertically, rows breaking over pages under the repeated header;
(b) a Calc table with merged, centred 変更日 cells; (c) a Writer table in 10.5–12 pt whose rows
continue over page breaks.  Only the `pdftotext -layout` texts are kept, with the truth
(`expected/records.json`, a merged cell's value on every row it spans).  Settings: `cases.json`.

`samples/office-layout16` (tuning) draws from the tuning tables; `samples/heldout-layout16`
(held out: measure on it only, never tune) from `samples/heldout/tables`.

    python tools/make_outsider_tables.py --set office-layout16 --set heldout-layout16
    python tools/eval_text.py samples/office-layout16/*-pdftotext-layout
"""


def bullet_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool) -> list[Case]:
    """Calc (two in three) and Writer tables at 8–10 pt, columns jittered 0.6–1.6×, about half
    their rows' before / after cells rewritten by ``bullet_cells`` (・ bullets under ＜…＞
    headings, ［○］ check boxes, short cells beside long ones); in three cases in four the ○ in
    Droid Sans Fallback; in a third a merged 変更日 over runs of equal dates: the kinds a new
    user's row-ordered text read wrong, unwarned (issues 10 / 12, branch pdfium17)."""
    rng = random.Random(seed + 17)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        valigns=VALIGNS + MIXED_VALIGNS,
        attachment_share=0.05,
        rich_share=0.2,
        rows_per_case=(5, 8),
        sizes=(8.0, 9.0, 9.0, 10.0),
        heldout_dates=heldout,
    )
    for k, case in enumerate(cases):
        case.maker = "writer" if k % 3 == 1 else "calc"
        case.name = f"{prefix}-{case.maker}-{k + 1}"
        raw = [s * rng.uniform(0.6, 1.6) for s in SHARES]
        case.shares = tuple(round(r / sum(raw), 3) for r in raw)
        case.mark_font = "Droid Sans Fallback" if rng.random() < 0.75 else ""
        case.rows = with_bullet_rows(rng, case.rows, 0.5, heldout)
        if rng.random() < 0.33:
            i = 0
            while i < len(case.rows) - 1:
                run = rng.randint(2, 3) if rng.random() < 0.5 else 1
                for row in case.rows[i + 1 : i + run]:
                    row["change_date"] = case.rows[i]["change_date"]
                i += run
            case.date_valign = rng.choice(VALIGNS)
            if case.maker == "calc":
                case.merge_dates = True
            else:
                case.merge_keys = ("change_date_raw",)
            date_cells(case)
    return cases


README_BULLETS = """# {name}: bullets, ＜…＞ headings, fallback-font check boxes, short cells (issues 10 / 12)

Calc (two in three) and Writer tables in the outsider styles at 8–10 pt, columns jittered
0.6–1.6×, about half their rows' before / after cells rewritten (`tools/bullet_cells.py`): ・
bullet lists under a ＜…＞ heading, ［○］ / ［　］ check-box lists (in three cases in four the ○
printed in Droid Sans Fallback), a one-line cell (`［ ］承認を受ける`, `削除`) beside a long or a
short one; a third of the cases merge runs of equal dates.  Only the `pdftotext -raw` and
pypdfium2 texts are kept, with the truth (`expected/records.json`).  `samples/office-pdfium17`
draws from the tuning tables; `samples/heldout-pdfium17` from `samples/heldout/tables` and the
held-out wording: measure on it only, never tune on it.

    python tools/make_outsider_tables.py --set office-pdfium17 --set heldout-pdfium17
    python tools/eval_text.py samples/office-pdfium17/*-pdftotext-raw samples/office-pdfium17/*-pypdfium2
"""


# Keyword sets of draw_cases shared by a set and its held-out twin.  Issue 10's mixed alignment:
# 変更日 and 項目 at the top, the other cells centred or at the bottom; some rows amend an
# attachment (（別紙１）事務の流れ).
MIXED = {"valigns": MIXED_VALIGNS, "attachment_share": 0.2, "rich_share": 0.75}
# Issues 10/12, branch column13: a second tuning set for the column-order readers (every
# alignment, plain and mixed) and a held-out set of the same styles from the held-out pools.
COL13 = {"titles": (*TITLES, ""), "valigns": VALIGNS + MIXED_VALIGNS, "rich_share": 0.3}
# Rows whose before / after cells are dates (第三者点検 ①実施日, 意見聴取 ②実施日・期間; issue 10,
# branch datecell13): every alignment, two to four such rows per table.
DATED = {"valigns": VALIGNS + MIXED_VALIGNS, "rich_share": 0.3, "date_rows": (2, 4)}
# Rows amending the cover (表紙 / 評価実施機関名; lead, issue 10): a 項目 that opens with no
# section numeral, one of them the table's last row; every alignment and date style.
COVERED = {"valigns": VALIGNS + MIXED_VALIGNS, "rich_share": 0.3, "cover_rows": (1, 2)}
# Issues 10 / 12, branch column17: column-ordered texts of longer tables (6–11 rows, page
# breaks) in every style and size.
COL17 = {
    "titles": (*TITLES, ""),
    "valigns": VALIGNS + MIXED_VALIGNS,
    "rich_share": 0.4,
    "rows_per_case": (6, 11),
}


def _flat(readme: str) -> dict:
    """``build``'s arguments of a set of which only the pypdfium2 and -raw texts are kept."""
    return {"tools": FLAT_TOOLS, "keep_pdf": False, "readme": readme}


def _calc_only(cases: list[Case]) -> list[Case]:
    return [c for c in cases if c.maker == "calc"]


# Each set: its cases and ``build``'s other arguments, made when the set is built (in this order).
SET_PLANS: dict[str, Callable[[], tuple[list[Case], dict]]] = {
    "outsider": lambda: (draw_cases("out", TUNING_POOLS, 8, seed=1201), {}),
    # Tuning tables with no title line above the column labels (issue 12's held-out losses
    # were all untitled tables: a region found late, the text before it checked by nothing).
    "outsider2": lambda: (draw_cases("out2", TUNING_POOLS, 8, seed=1202, titles=("",)), {}),
    # Longer tables in larger type, every alignment (plain and mixed), so that rows break
    # across pages under the repeated header (issue 10's -raw / pypdfium2 families).
    "outsider3": lambda: (
        draw_cases(
            "out3",
            TUNING_POOLS,
            8,
            seed=1311,
            valigns=VALIGNS + MIXED_VALIGNS,
            attachment_share=0.1,
            rich_share=0.3,
            rows_per_case=(9, 14),
            sizes=(9.0, 10.0, 10.5, 11.0, 12.0),
        ),
        {},
    ),
    "heldout-outsider": lambda: (draw_cases("ho", HELDOUT_POOLS, 8, seed=2412), {}),
    "mixed": lambda: (draw_cases("mx", TUNING_POOLS, 8, seed=1010, **MIXED), {}),
    "heldout-mixed": lambda: (draw_cases("hmx", HELDOUT_POOLS, 6, seed=2010, **MIXED), {}),
    # Tuning tables for the column-order readers (pdfminer, plain pdftotext; issue 10): the
    # outsider styles with a seed of their own, half of them untitled.
    "colorder": lambda: (draw_cases("co", TUNING_POOLS, 10, seed=1110, titles=(*TITLES, "")), {}),
    # Issue 10 (stream13): flattened orders of long outsider tables, narrow date columns and
    # look-alike dashes.
    "office-stream13": lambda: (flat_cases("s13", TUNING_POOLS, 10, 1313), _flat(FLAT_README)),
    "heldout-stream13": lambda: (flat_cases("hs13", HELDOUT_POOLS, 10, 2313), _flat(FLAT_README)),
    "colorder13": lambda: (draw_cases("c13", TUNING_POOLS, 12, seed=1313, **COL13), {}),
    "heldout-column13": lambda: (draw_cases("hc13", HELDOUT_POOLS, 10, seed=2513, **COL13), {}),
    "datecell": lambda: (draw_cases("dc", TUNING_POOLS, 8, seed=1313, **DATED), {"readme": README_DATECELL}),
    "heldout-datecell13": lambda: (
        draw_cases("hdc", HELDOUT_POOLS, 6, seed=2313, heldout_dates=True, **DATED),
        {"readme": README_DATECELL},
    ),
    "office-narrowdate14": lambda: (narrow_writer_cases("nd14", TUNING_POOLS, 6, 1414), _flat(README_NARROW)),
    # Calc tables in which rows amend an attachment (（別紙２）特定個人情報ファイル記録項目) whose
    # label wraps: pass 2 opens such a row at the label, not at a section Ⅰ…Ⅵ.
    "office-attach14": lambda: (
        _calc_only(
            draw_cases(
                "at14",
                TUNING_POOLS,
                8,
                seed=1415,
                valigns=VALIGNS,
                attachment_share=0.35,
                rows_per_case=(4, 6),
            )
        ),
        _flat(README_ATTACH),
    ),
    "coveritem": lambda: (draw_cases("cv", TUNING_POOLS, 8, seed=1414, **COVERED), {}),
    "heldout-coveritem": lambda: (
        draw_cases("hcv", HELDOUT_POOLS, 6, seed=2414, heldout_dates=True, **COVERED),
        {},
    ),
    "office-split15": lambda: (split_cases("sp15", TUNING_POOLS, 12, 1515, False), _flat(README_SPLIT)),
    "heldout-split15": lambda: (split_cases("hsp15", HELDOUT_POOLS, 9, 2515, True), _flat(README_SPLIT)),
    # Calc tables whose first rows share a merged 変更日 cell (issue 10, branch stream15).
    "office-mergedate15": lambda: (
        _calc_only(split_cases("md15", TUNING_POOLS, 9, 1615, False, merged=True)),
        _flat(README_SPLIT),
    ),
    "heldout-mergedate15": lambda: (
        _calc_only(split_cases("hmd15", HELDOUT_POOLS, 6, 2615, True, merged=True)),
        _flat(README_SPLIT),
    ),
    "valigndate15": lambda: (
        merged_date_cases("md", TUNING_POOLS, 9, 1515),
        {"keep_pdf": False, "readme": README_MERGED},
    ),
    "heldout-valigndate15": lambda: (
        merged_date_cases("hmd", HELDOUT_POOLS, 6, 2515),
        {"keep_pdf": False, "readme": README_MERGED},
    ),
    # The -layout kinds of issues 10 / 12 (branch layout16): cover + merged centred dates in
    # Writer, merged centred dates in Calc, Writer rows over page breaks.
    "office-layout16": lambda: (
        layout_cases("ly16", TUNING_POOLS, 12, 1616),
        {"tools": ("pdftotext-layout",), "keep_pdf": False, "readme": README_LAYOUT},
    ),
    "heldout-layout16": lambda: (
        layout_cases("hly16", HELDOUT_POOLS, 9, 2616),
        {"tools": ("pdftotext-layout",), "keep_pdf": False, "readme": README_LAYOUT},
    ),
    "office-stream16": lambda: (dense_calc_cases("ds16", TUNING_POOLS, 12, 1616, False), _flat(README_DENSE)),
    "heldout-stream16": lambda: (
        dense_calc_cases("hds16", HELDOUT_POOLS, 9, 2616, True),
        _flat(README_DENSE),
    ),
    # Issue 14 (branch itemkey17): one item key per item over a table's kinds; a narrow 項目
    # column wraps headings mid-word, so readers glue a neighbour cell's characters into them.
    "office-itemkey17": lambda: (narrow_item_cases("ik17", TUNING_POOLS, 6, 1717), {}),
    "heldout-itemkey17": lambda: (narrow_item_cases("hik17", HELDOUT_POOLS, 6, 2717), {}),
    "office-dense17": lambda: (dense17_cases("dn17", TUNING_POOLS, 12, 1717, False), _flat(README_DENSE17)),
    "heldout-dense17": lambda: (dense17_cases("hdn17", HELDOUT_POOLS, 10, 2717, True), _flat(README_DENSE17)),
    "office-column17": lambda: (
        draw_cases("oc17", TUNING_POOLS, 10, seed=1717, **COL17),
        {"tools": COLUMN_TOOLS, "keep_pdf": False},
    ),
    "heldout-column17": lambda: (
        draw_cases("hc17", HELDOUT_POOLS, 10, seed=2717, **COL17),
        {"tools": COLUMN_TOOLS, "keep_pdf": False},
    ),
    "office-pdfium17": lambda: (bullet_cases("bl17", TUNING_POOLS, 12, 1717, False), _flat(README_BULLETS)),
    "heldout-pdfium17": lambda: (bullet_cases("hbl17", HELDOUT_POOLS, 9, 2717, True), _flat(README_BULLETS)),
    "office-colhead17": lambda: (colhead_cases("ch17", TUNING_POOLS, 6, 1717), {"readme": README_COLHEAD}),
    "heldout-colhead17": lambda: (colhead_cases("hch17", HELDOUT_POOLS, 6, 2717), {"readme": README_COLHEAD}),
    "office-between18": lambda: (
        between_cases("bt18", TUNING_POOLS, 10, 1818, False),
        {"readme": README_BETWEEN},
    ),
    "heldout-between18": lambda: (
        between_cases("hbt18", HELDOUT_POOLS, 8, 2818, True),
        {"readme": README_BETWEEN},
    ),
    "office-colorder18": lambda: (colorder_cases("co18", TUNING_POOLS, 8, 1818), {"readme": README_COLORDER}),
    "heldout-colorder18": lambda: (
        colorder_cases("hco18", HELDOUT_POOLS, 8, 2818),
        {"readme": README_COLORDER},
    ),
    "office-numcol19": lambda: (
        numcol_cases("nc19", TUNING_POOLS, 8, 1919, False),
        {"readme": README_NUMCOL},
    ),
    "heldout-numcol19": lambda: (
        numcol_cases("hnc19", HELDOUT_POOLS, 8, 2919, True),
        {"readme": README_NUMCOL},
    ),
    "office-shift20": lambda: (
        numcol_cases("sh20", TUNING_POOLS, 6, 2020, False, SHIFT20_ROWS),
        {"readme": README_SHIFT20},
    ),
    "heldout-shift20": lambda: (
        numcol_cases("hsh20", HELDOUT_POOLS, 6, 3020, True, SHIFT20_ROWS),
        {"readme": README_SHIFT20},
    ),
    "office-narrowhead21": lambda: (
        narrowhead_cases("nh21", TUNING_POOLS, 6, 2121, False),
        {"readme": README_NARROWHEAD},
    ),
    "heldout-narrowhead21": lambda: (
        narrowhead_cases("hnh21", HELDOUT_POOLS, 6, 3121, True),
        {"readme": README_NARROWHEAD},
    ),
}
SET_NAMES = tuple(SET_PLANS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=SET_NAMES, action="append")
    ns = ap.parse_args(argv)
    sets = ns.set or list(SET_NAMES)
    for name, plan in SET_PLANS.items():
        if name in sets:
            cases, args = plan()
            build(SAMPLES / name, cases, **args)
    return 0


# Narrow header cells (narrowhead21): the share of the 提出時期 column (its label and 事前 / 事後
# wrap a character a line) and of the explanation column (提出時期に係る説明 wraps after
# 提出時期, whose first line then reads as the other label), portrait pages.
NARROW_TIMING_SHARE = (0.05, 0.065)
NARROW_EXPLANATION_SHARE = (0.10, 0.13)
# Line breaks typed into the labels of the two columns (the first four cases): the explanation's
# after 提出時期 (so that its first line is the other label), the timing's after each character.
TYPED_LABEL_LINES = ({5: "提出時期\nに係る説明"}, {4: "提\n出\n時\n期", 5: "提出時期\nに係る説明"})


def narrowhead_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool) -> list[Case]:
    """Outsider tables (Calc and Writer in turn, every alignment) on portrait pages whose 提出時期
    column is so narrow that its label and its 事前 / 事後 print a character a line, and whose
    explanation column wraps 提出時期に係る説明 after 提出時期 (narrowhead21): the header's first
    line then shows 提出時期 twice, once as the start of the other label.  Every other case has a
    numbering column on the left and an empty 備考 column on the right (as numcol19)."""
    leads = HELDOUT_NUMCOL_LEADS if heldout else NUMCOL_LEADS
    rng = random.Random(seed + 21)
    cases = draw_cases(prefix, pools, n, seed, valigns=VALIGNS + MIXED_VALIGNS, sizes=(9.0, 10.0, 10.5, 11.0))
    for k, case in enumerate(cases):
        case.landscape = False
        if k < 2 * len(TYPED_LABEL_LINES):  # a Calc and a Writer case of each
            case.label_lines = dict(TYPED_LABEL_LINES[k // 2])
        if (k // 2) % 2 == 0:
            case.lead_label, case.lead_style, case.tail_label = leads[k % len(leads)], "ascii", "備考"
        shares = list(case.shares)
        shares[4] = rng.uniform(*NARROW_TIMING_SHARE)
        shares[5] = rng.uniform(*NARROW_EXPLANATION_SHARE)
        rest = 1.0 - shares[4] - shares[5]
        wide = sum(shares[:4])
        case.shares = tuple(round(x, 3) for x in [x * rest / wide for x in shares[:4]] + shares[4:])
    return cases


README_NARROWHEAD = """# {name}: narrow header cells (issues 10 / 11, narrowhead21)

Outsider tables (openpyxl .xlsx `*-calc-*`, python-docx .docx `*-writer-*`, every alignment) on
portrait pages whose 提出時期 column is 5–6.5% of the width, so that its label and its 事前 / 事後
print a character a line (提 / 出 / 時 / 期), and whose explanation column is 10–13%, so that
提出時期に係る説明 wraps after 提出時期: the header's first line then reads 提出時期 where the
explanation column starts, and a reader that takes it for the timing label shifts the columns.

`samples/office-narrowhead21` draws from the tuning tables; `samples/heldout-narrowhead21` from
`samples/heldout/tables`: measure on it only, never tune.

    python tools/make_outsider_tables.py --set office-narrowhead21 --set heldout-narrowhead21
    python tools/eval_office.py samples/office-narrowhead21
"""


# Numbering columns (issues 10 / 11, numcol19): the label of the left column and of the right one.
# The held-out set also draws labels the tuning set never shows.
NUMCOL_LEADS = ("番号", "No.", "項番")
HELDOUT_NUMCOL_LEADS = ("No", "通番", "番号", "項番")
NUMCOL_TAILS = ("", "", "備考", "頁")
HELDOUT_NUMCOL_TAILS = ("", "該当頁", "備考", "")


def numcol_cases(
    prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool, rows: tuple[int, int] = (5, 12)
) -> list[Case]:
    """Outsider tables (Calc and Writer in turn, every alignment, ``rows`` rows) with a numbering
    column before the fields (numbers 1.., half- or full-width) and, in some, an empty 備考 or a
    頁 column of page numbers on the right (issues 10 / 11, numcol19)."""
    rng = random.Random(seed + 19)
    cases = draw_cases(prefix, pools, n, seed, valigns=VALIGNS + MIXED_VALIGNS, rows_per_case=rows)
    leads = HELDOUT_NUMCOL_LEADS if heldout else NUMCOL_LEADS
    tails = HELDOUT_NUMCOL_TAILS if heldout else NUMCOL_TAILS
    for k, case in enumerate(cases):
        case.lead_label = leads[k % len(leads)]
        case.lead_style = "fullwidth" if rng.random() < 0.3 else "ascii"
        case.tail_label = tails[(k // 2) % len(tails)]
        if "頁" in case.tail_label:
            page = rng.randint(2, 9)
            values = []
            for _ in case.rows:
                page += rng.randint(0, 4)
                values.append(str(page))
            case.tail_values = tuple(values)
    return cases


# Rows of a shift20 case: enough for the table to run over two or three pages, so that a page
# of column-ordered text opens with the numbering column's label (``\\f項番``).
SHIFT20_ROWS = (14, 22)
README_SHIFT20 = """# {name}: numbered tables over several pages (issue 10, shift20)

As `office-numcol19` (a numbering column 番号 / No. / 項番 … before the fields, in some a 備考 or
頁 column after them), with up to 22 rows (14–22 drawn, as many as the drawn table holds; rows a page would
clip are left out), so that each table runs over two to five pages.  In
column-ordered text (pdfminer, plain pdftotext) a page then opens with the numbering column's
label, right after the form feed (``\\f項番``): setting the label aside must keep the page break,
else two pages' cells are handed to one page's rows and every later cell shifts a row.

`samples/office-shift20` draws from the tuning tables; `samples/heldout-shift20` from
`samples/heldout/tables` with the held-out labels: measure on it only, never tune.

    python tools/make_outsider_tables.py --set office-shift20 --set heldout-shift20
    python tools/eval_office.py samples/office-shift20
"""

README_NUMCOL = """# {name}: a numbering column before the fields (issues 10 / 11, numcol19)

Outsider tables (openpyxl .xlsx `*-calc-*`, python-docx .docx `*-writer-*`, every alignment, 5–12
rows) with an extra first column numbering the rows (番号 / No. / 項番 …, numbers 1.. half- or
full-width), as some municipalities print, and in some an extra column on the right (an empty 備考,
or 頁 / 該当頁 with page numbers).  The extra columns carry no field: the truth
(`expected/records.json`) is the six fields as written.  Each case is the PDF and its five
extractors' texts; settings per case (`lead_label`, `tail_label`, …) in `cases.json`.

`samples/office-numcol19` (tuning) draws from the tuning tables; `samples/heldout-numcol19` from
`samples/heldout/tables` with labels the tuning set does not show: measure on it only, never tune.

    python tools/make_outsider_tables.py --set office-numcol19 --set heldout-numcol19
    python tools/eval_text.py samples/office-numcol19
    python tools/eval_office.py samples/office-numcol19
"""


# Paragraphs printed between two tables of one document (branch between18): what a filing says
# between the table of one revision and the next.  Tuning and held-out wordings differ.
PROSE_TUNING = (
    (
        "上記の変更は、平成３１年度の評価書の修正として提出したものである。令和５年度の再評価に伴う変更箇所は、次のとおりである。",
    ),
    ("以下は、令和４年度に実施した再評価に伴う変更箇所である。",),
    (
        "※　上記のほか、字句の修正を行った。",
        "２　令和３年度の見直しに伴う変更",
    ),
    ("次の表は、しきい値評価の再実施に伴い変更した箇所を示す。なお、重要な変更には該当しない。",),
)
PROSE_HELDOUT = (
    ("前回の評価書公表後の変更箇所は、上記のとおりである。また、システム更改に伴う変更箇所を次に示す。",),
    ("【第２回変更】",),
    (
        "（注）上表の変更は、いずれも重要な変更に該当しないものである。",
        "令和６年度の組織改正に伴う変更は、以下のとおりである。",
    ),
    ("中間評価に伴い、次の箇所を変更した。",),
)
FOOTERS = ("- {p}/{n} -", "{p} / {n}", "- {p} -", "")


def between_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, heldout: bool) -> list[Case]:
    """Calc and Writer documents holding two amendment tables with prose between them (branch
    between18): ``draw_cases`` rows (6–11) cut in two at a random row, the paragraphs drawn from
    ``PROSE_TUNING`` or ``PROSE_HELDOUT``, the second table on a new page or following on the
    first's, a page-number footer in one of ``FOOTERS``."""
    rng = random.Random(seed + 18)
    cases = draw_cases(
        prefix,
        pools,
        n,
        seed=seed,
        titles=(*TITLES, ""),
        valigns=VALIGNS + MIXED_VALIGNS,
        rows_per_case=(6, 11),
    )
    for case in cases:
        case.split_at = rng.randint(2, len(case.rows) - 2)
        case.prose = rng.choice(PROSE_HELDOUT if heldout else PROSE_TUNING)
        case.break_before = rng.random() < 0.4
        case.footer = rng.choice(FOOTERS)
    return cases


README_BETWEEN = """# {name}: two tables with prose between them (branch between18)

Calc (`*-calc-*`) and Writer (`*-writer-*`) documents of 6–11 rows cut into two amendment tables,
each under its own label row, with one or two paragraphs of prose between them (`上記の変更は、…
次のとおりである。`), the second table on the same page or on a new one, and a page-number footer
(`- 2/3 -`, `2 / 3`, `- 2 -`) or none.  Each case is the PDF and its five extractors' texts; the
truth (`expected/records.json`) is both tables' rows in order.  `office-between18` draws from the
tuning tables, `heldout-between18` from `samples/heldout/tables` and other prose: measure on it only.

    python tools/make_outsider_tables.py --set office-between18 --set heldout-between18
    python tools/eval_office.py samples/office-between18 samples/heldout-between18

Only two PDFs are committed (`bt18-calc-1`, `bt18-writer-2`: about 100 KB each; the tests read
them); the generator writes every case's PDF again.
"""


def narrow_item_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int) -> list[Case]:
    """``draw_cases`` in every alignment with the 項目 column narrowed to 12–16% of the width
    (the rest spread over the other columns), so that headings wrap inside words."""
    rng = random.Random(seed + 1)
    cases = draw_cases(prefix, pools, n, seed, titles=(*TITLES, ""), valigns=VALIGNS + MIXED_VALIGNS)
    for case in cases:
        item = rng.uniform(0.12, 0.16)
        rest = 1.0 - case.shares[1]
        scale = (1.0 - item) / rest
        case.shares = tuple(item if k == 1 else s * scale for k, s in enumerate(case.shares))
    return cases


if __name__ == "__main__":
    sys.exit(main())
