"""Whole assessments printed the way municipal ones are, for the cover facts (issue 14).

    python tools/make_cover20_samples.py                        # both sets
    python tools/make_cover20_samples.py --set office-cover20   # tuning set
    python tools/make_cover20_samples.py --set heldout-cover20  # held-out set: measure only

Like tools/make_cover2_samples.py (whose writers and lists it reuses), with what real covers
print and those cases lacked: the official form as *one* bordered table (評価書番号 | 評価書名
over their values, then the declaration, 特記事項, 評価実施機関名 and 公表日 each a full-width
label row over its value row); 公表日 on another line of its cell or a row further down than its
label; 平成 and 令和元年 dates as well as 令和 and western ones, full-width digits, a date spaced
out with full-width spaces as Word users align it; the number in full-width digits; a 項目一覧
(contents) page after the cover; and whole assessments of 40–80 pages with the change table at
the end.  Calc covers put each value in the row under its label.  Per case, ``SET/NAME/input.pdf``
and ``SET/NAME-TOOL/input.txt`` (the five extractors' texts), each with
``expected/documents.json``.  Scans are made by tools/bench_covers.py from ``input.pdf``.  The
tuning set draws agencies and affairs from make_cover2_samples' tuning lists, the held-out set
from its held-out lists.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_cover2_samples as mc2
import make_office_samples as mos
from flatten import FULL, era, render_date

ROOT = Path(__file__).resolve().parent.parent
SETS = {name: ROOT / "samples" / name for name in ("office-cover20", "heldout-cover20")}

# form: the official form as one table; form-cell: its 公表日 value on the second line of its
# cell (a blank line first); side: label | value rows in one table, the 公表日 value a row
# further down (an empty row between); lines-gap: no table, a blank line between each label and
# its value; long-*: the form or side cover, contents, 40–80 body pages, the table at the end.
LAYOUTS = ("form", "form-cell", "side", "lines-gap", "long-form", "long-side")
CALC_LAYOUTS = ("calc-below",)
DATE_STYLES = ("wareki", "wareki_fw", "seireki", "seireki_fw", "spaced", "slash")
CONTENTS = (
    "項目一覧",
    "Ⅰ 基本情報",
    "（別添１）事務の内容",
    "Ⅱ 特定個人情報ファイルの概要",
    "（別添２）特定個人情報ファイル記録項目",
    "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
    "Ⅳ その他のリスク対策",
    "Ⅴ 開示請求、問合せ",
    "Ⅵ 評価実施手続",
    "（別添３）変更箇所",
)
NOTE = "特記事項"
NOTE_TEXT = "本評価書は、令和６年度の制度改正に伴い再評価を実施したものである。"


def print_date(iso: str, style: str) -> str:
    """The 公表日 as a cover prints it: ``render_date``'s styles, western with full-width digits
    (``seireki_fw``), or the era date spaced out with full-width spaces (``spaced``:
    令和　６年　４月　１日, each number padded to two full-width places)."""
    if style == "seireki_fw":
        return render_date(iso, "seireki").translate(FULL)
    if style == "spaced":
        d = dt.date.fromisoformat(iso)
        name, _, year = era(d)

        def pad(n: int) -> str:
            return f"{n:>2}".translate(FULL).replace(" ", "\u3000")

        y = "\u3000元" if year == 1 else pad(year)
        return f"{name}{y}年{pad(d.month)}月{pad(d.day)}日"
    return render_date(iso, style)


# The 公表日 falls this many days at most after the table's latest change (an assessment is
# published after the changes it lists, which the pipeline checks: normalize.cover.published_doubts).
PUBLISHED_AFTER_DAYS = 300
LAST_DAY = dt.date(2025, 12, 28)


def cover_of(rng: random.Random, heldout: bool, latest: str) -> dict:
    """The facts one cover prints: make_cover2_samples' facts with a 公表日 within
    ``PUBLISHED_AFTER_DAYS`` after ``latest`` (the table's latest change, ISO; 平成 and 令和元年
    dates when the table's changes are early), printed in ``DATE_STYLES``, and the number in
    full-width digits at times."""
    facts = mc2.cover_of(rng, heldout)
    first = dt.date.fromisoformat(latest).toordinal() + 1
    day = dt.date.fromordinal(min(rng.randint(first, first + PUBLISHED_AFTER_DAYS), LAST_DAY.toordinal()))
    iso = day.isoformat()
    facts["published"] = iso
    facts["published_raw"] = print_date(iso, rng.choice(DATE_STYLES))
    facts["_number_printed"] = (
        facts["assessment_number"].translate(FULL) if rng.random() < 0.4 else facts["assessment_number"]
    )
    return facts


def write_docx(
    path: Path, facts: dict, layout: str, rows: list[dict], font: str, size: float, pages: int
) -> None:
    """The assessment as a .docx: the cover (``layout``), the 項目一覧 page, ``pages`` body pages,
    the change table."""
    from docx.shared import Cm

    doc, para = mc2.new_docx(font, size)

    def page_break() -> None:
        mc2.docx_page_break(doc)

    f = facts
    decl = mc2.DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    date_cell = ("\n" + f["published_raw"]) if layout == "form-cell" else f["published_raw"]
    para(f"特定個人情報保護評価書（{f['form']}）", big=True, center=True)
    para("")
    if layout in ("form", "form-cell", "long-form"):
        full = [
            [mc2.DECLARATION[0]],
            [decl],
            [NOTE],
            [NOTE_TEXT],
            ["評価実施機関名"],
            [f["agency"]],
            ["公表日"],
            [date_cell],
        ]
        cells = [["評価書番号", "評価書名"], [f["_number_printed"], f["assessment_name"]]] + full
        t = doc.add_table(rows=len(cells), cols=2)
        t.style = "Table Grid"
        for r, row in enumerate(cells):
            if len(row) == 1:
                merged = t.rows[r].cells[0].merge(t.rows[r].cells[1])
                merged.text = row[0]
            else:
                for c, text in enumerate(row):
                    t.rows[r].cells[c].text = text
        for c, w in enumerate((3.5, 13.5)):
            t.columns[c].cells[0].width = Cm(w)
    elif layout in ("side", "long-side"):
        cells = [
            ["評価書番号", f["_number_printed"]],
            ["評価書名", f["assessment_name"]],
            [mc2.DECLARATION[0], decl],
            [NOTE, NOTE_TEXT],
            ["評価実施機関名", f["agency"]],
            ["公表日", ""],
            ["", f["published_raw"]],
        ]
        mc2.docx_grid(doc, cells, [4.5, 12.5])
    else:
        for label, value in (
            ("評価書番号", f["_number_printed"]),
            ("評価書名", f["assessment_name"]),
            (mc2.DECLARATION[0], decl),
            ("評価実施機関名", f["agency"]),
            ("公表日", f["published_raw"]),
        ):
            para(label)
            para("")
            para(value)
    para("")
    para("[令和6年10月 様式4]")
    page_break()
    for line in CONTENTS:
        para(line, big=line == CONTENTS[0], center=line == CONTENTS[0])
    for k in range(pages):
        page_break()
        for line in mc2.BODY:
            para(line.format(affair=f["_affair"]))
        para(f"（{k + 1}）" + "本ページは評価書の本文である。" * 8)
    page_break()
    para("（別添３）変更箇所")
    cells = [list(mos.LABELS)] + [[r[k] for k in mos.SIX] for r in rows]
    mc2.docx_grid(doc, cells, [2.2, 3.0, 3.6, 3.6, 2.2, 2.4])
    doc.save(path)


def write_xlsx(path: Path, facts: dict, rows: list[dict], font: str, size: float) -> None:
    """The assessment as a .xlsx: a cover sheet whose labels sit in column A each over its value
    (the value row merged over A–D), a contents sheet, and the table sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    f = facts
    wb = Workbook()
    cover = wb.active
    cover.title = "表紙"
    cover.cell(1, 1, f"特定個人情報保護評価書（{f['form']}）").font = Font(name=font, size=size + 4)
    cover.merge_cells("A1:D1")
    decl = mc2.DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    row = 3
    for label, value, lines in (
        ("評価書番号", f["_number_printed"], 1),
        ("評価書名", f["assessment_name"], 1),
        (mc2.DECLARATION[0], decl, 4),
        (NOTE, NOTE_TEXT, 1),
        ("評価実施機関名", f["agency"], 1),
        ("公表日", f["published_raw"], 1),
    ):
        for text, height in ((label, 1), (value, lines)):
            c = cover.cell(row, 1, text)
            c.font = Font(name=font, size=size)
            c.alignment = Alignment(vertical="center", wrap_text=True)
            cover.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
            for col in range(1, 5):
                cover.cell(row, col).border = border
            cover.row_dimensions[row].height = size * 1.6 * max(height, 1)
            row += 1
    cover.cell(row + 1, 1, "[令和6年10月 様式4]").font = Font(name=font, size=size)
    for col in "ABCD":
        cover.column_dimensions[col].width = 24
    cover.page_setup.paperSize = cover.PAPERSIZE_A4
    cover.sheet_properties.pageSetUpPr.fitToPage = True
    cover.page_setup.fitToWidth, cover.page_setup.fitToHeight = 1, 0
    contents = wb.create_sheet("項目一覧")
    for i, line in enumerate(CONTENTS, 1):
        contents.cell(i, 1, line).font = Font(name=font, size=size)
    contents.column_dimensions["A"].width = 70
    mc2.xlsx_table_sheet(wb, "（別添３）変更箇所", rows, font, size)
    wb.save(path)


def cases(heldout: bool) -> list[tuple[str, dict, str, list[dict], str, float, int]]:
    """(name, facts, layout, rows, font, size, body pages) of each case: every layout once, the
    form layouts once more."""
    tag = "h" if heldout else "t"
    layouts = [*LAYOUTS, *CALC_LAYOUTS, "form", "form-cell"]
    pool = mos._row_pool(heldout)
    out = []
    for k, layout in enumerate(layouts, 1):
        name = f"{layout}-{tag}{k}"
        rng = random.Random(f"piatable-cover20-{name}")
        if k % 3 == 1:
            # Early changes, so that the 公表日 may be a 平成 or 令和元年 date.
            early = sorted(range(len(pool) - 1), key=lambda i: pool[i]["change_date"])[:4]
            start = rng.choice(early)
        else:
            start = rng.randrange(len(pool) - 3)
        drawn = pool[start : start + 2]
        facts = cover_of(rng, heldout, max(r["change_date"] for r in drawn))
        rows = mos.printed_rows(drawn, rng.choice(mos.DATE_STYLES))
        fonts = mos.HELDOUT_FONTS if heldout else mos.TUNING_FONTS
        pages = rng.randint(38, 76) if layout.startswith("long") else 2
        out.append((name, facts, layout, rows, rng.choice(fonts), rng.choice((10.0, 10.5, 11.0)), pages))
    return out


def build(set_name: str) -> None:
    root = SETS[set_name]
    made = cases(set_name.startswith("heldout"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for name, facts, layout, rows, font, size, pages in made:
            if layout in CALC_LAYOUTS:
                src = work / f"{name}.xlsx"
                write_xlsx(src, facts, rows, font, size)
            else:
                src = work / f"{name}.docx"
                write_docx(src, facts, layout, rows, font, size, pages)
            sources.append(src)
        mos.convert(sources, work)
        settings = [
            (n, f, {"layout": lay, "font": fo, "size_pt": sz, "body_pages": pg})
            for n, f, lay, _r, fo, sz, pg in made
        ]
        mc2.store_cover_set(root, work, settings, set_name)


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
