"""Whole assessments with a cover made by LibreOffice Writer, for the cover facts (issue 14).

    python tools/make_cover2_samples.py                       # both sets
    python tools/make_cover2_samples.py --set office-cover2   # tuning set
    python tools/make_cover2_samples.py --set heldout-cover2  # held-out set: measure only

Each case is a .docx (python-docx), or for the Calc layouts a .xlsx (openpyxl), converted by
``soffice --headless --convert-to pdf``: a cover
in one of several layouts (``LAYOUTS``: the official form's bordered table whose first row holds
the labels 評価書番号 | 評価書名 and the next their values; labels beside their values; values
on the line under their label without a table; the two mixed), two body pages and a short
amendment table.  Per case, ``SET/NAME/`` holds ``input.pdf`` (the PDF), and
``SET/NAME-TOOL/input.txt`` the five extractors' texts; each folder has
``expected/documents.json`` (the facts the cover prints).  Scans are not stored (a 300 dpi page
is 200 KB): tools/bench_covers.py rasterises each ``input.pdf`` itself.  The tuning set draws agencies,
affairs and dates from its own lists, the held-out set from others; everything else from an RNG
seeded with the case's name.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_pdfs
from flatten import render_date

ROOT = Path(__file__).resolve().parent.parent
SETS = {name: ROOT / "samples" / name for name in ("office-cover2", "heldout-cover2")}

TUNING_AGENCIES = (
    "〇〇市長",
    "サンプル市長",
    "みどり町教育委員会",
    "北浜県知事",
    "〇〇町長",
    "東山市教育委員会",
)
HELDOUT_AGENCIES = ("△△村長", "西川市教育委員会", "〇〇県後期高齢者医療広域連合長", "さくら市長", "〇〇区長")
TUNING_AFFAIRS = ("住民基本台帳に関する事務", "国民健康保険に関する事務", "個人住民税の賦課に関する事務")
HELDOUT_AFFAIRS = ("児童手当の支給に関する事務", "介護保険に関する事務", "就学援助に関する事務")
FORM_NAMES = ("全項目評価書", "基礎項目評価書", "重点項目評価書")
DATE_STYLES = ("wareki", "wareki_fw", "seireki", "slash")
# grid: the official form (a row of labels 評価書番号 | 評価書名, their values below, then the
# declaration, agency and date each as a label row over a value row); beside: label | value on
# each row; lines: no table, each value on the line under its label; mixed: grid for number and
# name, beside for agency and date.
LAYOUTS = ("grid", "beside", "lines", "mixed")
# Covers made in Calc (``write_xlsx``): labels in column A, values beside them in B–D, the
# declaration a tall wrapped cell between the name and the agency.  Appended after LAYOUTS'
# cases so that their names (and their files) stay as they were.
CALC_LAYOUTS = ("calc", "calc-bottom")
DECLARATION = (
    "個人のプライバシー等の権利利益の保護の宣言",
    "{agency}は、{affair}における特定個人情報ファイルの取扱いが個人のプライバシー等の権利利益に"
    "影響を及ぼしかねないことを認識し、特定個人情報の漏えいその他の事態を発生させるリスクを軽減させる"
    "ために適切な措置を講じ、もって個人のプライバシー等の権利利益の保護に取り組んでいることを宣言する。",
)
BODY = (
    "Ⅰ 基本情報",
    "１．特定個人情報ファイルを取り扱う事務",
    "①事務の名称　{affair}",
    "②事務の内容　住民の居住関係を公証するとともに、住民に関する記録を正確かつ統一的に行う。",
    "２．特定個人情報ファイルを取り扱う事務において使用するシステム",
    "システム１　①システムの名称　既存住民基本台帳システム",
    "３．個人番号の利用　法令上の根拠　番号法第９条第１項 別表第一の項",
)


def cover_of(rng: random.Random, heldout: bool) -> dict:
    """The facts one cover prints, and how it prints them."""
    form = rng.choice(FORM_NAMES)
    affair = rng.choice(HELDOUT_AFFAIRS if heldout else TUNING_AFFAIRS)
    name = affair + rng.choice((" ", "　", "")) + form if rng.random() < 0.7 else affair
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    if (year, month) == (2019, 4) or (year == 2019 and month < 5):
        month = 6
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    published = render_date(iso, rng.choice(DATE_STYLES))
    number = str(rng.choice((rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 400))))
    return {
        "assessment_number": number,
        "assessment_name": name,
        "agency": rng.choice(HELDOUT_AGENCIES if heldout else TUNING_AGENCIES),
        "published_raw": published,
        "published": iso,
        "form": form,
        "_affair": affair,
    }


def new_docx(font: str, size: float):  # type: ignore[no-untyped-def]
    """A new A4 portrait python-docx ``Document`` (2 cm margins) whose Normal style is ``font`` at
    ``size`` pt, East Asian text included, and ``para(text, big=False, center=False)`` that adds a
    paragraph (``big``: ``size`` + 6 pt).  Returns ``(doc, para)``."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    mos._set_east_asian(normal, font)
    normal.paragraph_format.space_after = Pt(2)

    def para(text: str, big: bool = False, center: bool = False) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        if big:
            run.font.size = Pt(size + 6)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    return doc, para


def docx_grid(doc, cells: list[list[str]], widths: list[float]) -> None:  # type: ignore[no-untyped-def]
    """A bordered table of ``cells`` (rows of strings) with column ``widths`` (cm) added to ``doc``."""
    from docx.shared import Cm

    t = doc.add_table(rows=len(cells), cols=len(cells[0]))
    t.style = "Table Grid"
    t.autofit = False
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            t.rows[r].cells[c].text = text
    for c, w in enumerate(widths):
        for cell in t.columns[c].cells:
            cell.width = Cm(w)


def docx_page_break(doc) -> None:  # type: ignore[no-untyped-def]
    """A page break after what ``doc`` holds."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def store_cover_set(root: Path, work: Path, made: list[tuple[str, dict, dict]], set_name: str) -> None:
    """Replace ``root`` by the converted cases: per ``(name, facts, settings)``, ``NAME/input.pdf``
    (``work/NAME.pdf``) and ``NAME-TOOL/input.txt`` for each of make_pdfs.EXTRACTORS, each with
    ``expected/documents.json`` (``facts`` without its ``_`` keys); ``cases.json`` maps each name
    to its ``settings``."""
    if root.exists():
        shutil.rmtree(root)
    manifest = {}
    for name, facts, settings in made:
        pdf = work / f"{name}.pdf"
        truth = {k: v for k, v in facts.items() if not k.startswith("_")}
        folder = root / name
        folder.mkdir(parents=True)
        shutil.copy(pdf, folder / "input.pdf")
        mos.write_json(folder / "expected" / "documents.json", truth)
        for tool in make_pdfs.EXTRACTORS:
            tf = root / f"{name}-{tool}"
            tf.mkdir(parents=True)
            (tf / "input.txt").write_text(make_pdfs.extract_text(pdf, tool), "utf-8")
            mos.write_json(tf / "expected" / "documents.json", truth)
        manifest[name] = settings
        print(f"{set_name}/{name}: " + ", ".join(f"{k} {v}" for k, v in settings.items()), file=sys.stderr)
    mos.write_manifest(root, manifest)


def write_docx(path: Path, facts: dict, layout: str, rows: list[dict], font: str, size: float) -> None:
    """The whole assessment as a .docx: cover (``layout``), two body pages, a short table."""
    doc, para = new_docx(font, size)

    def grid(cells: list[list[str]], widths: list[float]) -> None:
        docx_grid(doc, cells, widths)

    f = facts
    decl = DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    para(f"特定個人情報保護評価書（{f['form']}）", big=True, center=True)
    para("")
    if layout in ("grid", "mixed"):
        grid([["評価書番号", "評価書名"], [f["assessment_number"], f["assessment_name"]]], [3.5, 13.5])
    if layout == "beside":
        grid([["評価書番号", f["assessment_number"]], ["評価書名", f["assessment_name"]]], [4.0, 13.0])
    if layout == "lines":
        for label in ("評価書番号", "評価書名"):
            para(label)
            para(f[{"評価書番号": "assessment_number", "評価書名": "assessment_name"}[label]])
    para("")
    if layout == "lines":
        para(DECLARATION[0])
        para(decl)
    else:
        grid([[DECLARATION[0]], [decl]], [17.0])
    para("")
    if layout == "grid":
        grid([["評価実施機関名"], [f["agency"]]], [17.0])
        para("")
        grid([["公表日"], [f["published_raw"]]], [17.0])
    elif layout in ("beside", "mixed"):
        grid([["評価実施機関名", f["agency"]], ["公表日", f["published_raw"]]], [4.0, 13.0])
    else:
        for label, key in (("評価実施機関名", "agency"), ("公表日", "published_raw")):
            para(label)
            para(f[key])
    para("")
    para("[令和6年10月 様式4]")
    for k in range(2):
        docx_page_break(doc)
        for line in BODY:
            para(line.format(affair=f["_affair"]))
        para(f"（{k + 1}）" + "本ページは評価書の本文である。" * 6)
    docx_page_break(doc)
    para("（別添２）変更箇所")
    cells = [list(mos.LABELS)] + [[r[k] for k in mos.SIX] for r in rows]
    grid(cells, [2.2, 3.0, 3.6, 3.6, 2.2, 2.4])
    doc.save(path)


def xlsx_table_sheet(wb, title: str, rows: list[dict], font: str, size: float) -> None:  # type: ignore[no-untyped-def]
    """A landscape A4 sheet 変更箇所 added to the openpyxl workbook ``wb``: ``title`` in A1, then
    the six labels and ``rows`` (printed cells by make_office_samples.SIX) in bordered, wrapped,
    top-aligned cells of ``font`` at ``size`` pt."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    table = wb.create_sheet("変更箇所")
    table.cell(1, 1, title).font = Font(name=font, size=size)
    for i, line in enumerate([list(mos.LABELS)] + [[r[k] for k in mos.SIX] for r in rows], 2):
        for j, text in enumerate(line, 1):
            c = table.cell(i, j, text)
            c.font = Font(name=font, size=size)
            c.border = border
            c.alignment = Alignment(vertical="top", wrap_text=True)
    for col, width in zip("ABCDEF", (12, 18, 24, 24, 8, 16), strict=True):
        table.column_dimensions[col].width = width
    table.page_setup.orientation = "landscape"
    table.page_setup.paperSize = table.PAPERSIZE_A4


def write_xlsx(path: Path, facts: dict, layout: str, rows: list[dict], font: str, size: float) -> None:
    """The assessment as a .xlsx made as Excel covers are: a cover sheet (title; 評価書番号,
    評価書名, the declaration, 特記事項, 評価実施機関名 and 公表日 as label | value rows, the values
    merged over columns B–D; the cells aligned at the foot for ``calc-bottom``, Calc's default,
    else centred) and a sheet with a short table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    valign = "bottom" if layout == "calc-bottom" else "center"
    f = facts
    wb = Workbook()
    cover = wb.active
    cover.title = "表紙"
    cover.cell(1, 1, f"特定個人情報保護評価書（{f['form']}）").font = Font(name=font, size=size + 4)
    cover.merge_cells("A1:D1")
    decl = DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    cells = (
        ("評価書番号", f["assessment_number"], 1),
        ("評価書名", f["assessment_name"], 1),
        (DECLARATION[0], decl, 5),
        ("特記事項", "", 2),
        ("評価実施機関名", f["agency"], 1),
        ("公表日", f["published_raw"], 1),
    )
    row = 3
    for label, value, lines in cells:
        for col, text in ((1, label), (2, value)):
            c = cover.cell(row, col, text or None)
            c.font = Font(name=font, size=size)
            c.alignment = Alignment(vertical=valign, wrap_text=True)
        for col in range(1, 5):
            cover.cell(row, col).border = border
        cover.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        cover.row_dimensions[row].height = size * 1.5 * max(lines, 2)
        row += 2 if lines > 1 else 1
    cover.cell(row + 1, 1, "[令和6年10月 様式4]").font = Font(name=font, size=size)
    for col, width in zip("ABCD", (22, 24, 24, 24), strict=True):
        cover.column_dimensions[col].width = width
    cover.page_setup.paperSize = cover.PAPERSIZE_A4
    cover.sheet_properties.pageSetUpPr.fitToPage = True
    cover.page_setup.fitToWidth, cover.page_setup.fitToHeight = 1, 0
    xlsx_table_sheet(wb, "（別添２）変更箇所", rows, font, size)
    wb.save(path)


def cases(heldout: bool) -> list[tuple[str, dict, str, list[dict], str, float]]:
    """(name, facts, layout, rows, font, size) of each case: every layout once, and then some."""
    tag = "h" if heldout else "t"
    layouts = list(LAYOUTS) + (["grid", "grid"] if not heldout else ["grid"]) + list(CALC_LAYOUTS)
    pool = mos._row_pool(heldout)
    out = []
    for k, layout in enumerate(layouts, 1):
        name = f"{layout}-{tag}{k}"
        rng = random.Random(f"piatable-cover2-{name}")
        facts = cover_of(rng, heldout)
        start = rng.randrange(len(pool) - 3)
        rows, font, size = mos.drawn_look(rng, pool[start : start + 2], heldout, (10.0, 10.5, 11.0))
        out.append((name, facts, layout, rows, font, size))
    return out


def build(set_name: str) -> None:
    root = SETS[set_name]
    made = cases(set_name.startswith("heldout"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for name, facts, layout, rows, font, size in made:
            calc = layout in CALC_LAYOUTS
            src = work / f"{name}.{'xlsx' if calc else 'docx'}"
            (write_xlsx if calc else write_docx)(src, facts, layout, rows, font, size)
            sources.append(src)
        mos.convert(sources, work)
        settings = [(n, f, {"layout": lay, "font": fo, "size_pt": sz}) for n, f, lay, _r, fo, sz in made]
        store_cover_set(root, work, settings, set_name)


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
