"""Whole assessments made by LibreOffice Writer and Calc: a cover, body pages printed as the forms
print them (bordered label | content grids, headings, prose), then the amendment table at the end.

    python tools/make_whole42_samples.py                          # both sets
    python tools/make_whole42_samples.py --set office-whole42     # tuning set
    python tools/make_whole42_samples.py --set heldout-whole42    # held-out set: measure only

Made for session 42's new user, whose `pdftotext -layout` texts of whole assessments lost the
table's 項目 cells (cut to their first line) once three body pages stood before the table, while
the table page alone read right.  Each case is a .docx (python-docx) or a .xlsx (openpyxl: a cover
sheet, a body sheet of label | content rows over several pages, the table's sheet) converted by
``soffice --headless --convert-to pdf``.  Per case, ``SET/NAME/`` holds ``input.pdf`` and
``SET/NAME-TOOL/input.txt`` the five extractors' texts, each with ``expected/records.json`` (the
table's rows, pages counted in the whole document) and ``expected/documents.json`` (the cover's
facts).  The tuning set draws rows, agencies and fonts from the tuning pools, the held-out set
from the held-out ones; everything else from an RNG seeded with the case's name.  Needs
LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

import make_cover2_samples as cover2
import make_office_samples as mos
import make_pdfs

ROOT = Path(__file__).resolve().parent.parent
SETS = {name: ROOT / "samples" / name for name in ("office-whole42", "heldout-whole42")}

# The body's grid rows as the forms print them: a numbered label, then its content (long
# contents wrap over several lines of the content column).
BODY_GRID = (
    ("①事務の名称", "{affair}"),
    (
        "②事務の内容",
        "住民の居住関係を公証するとともに、住民に関する記録を正確かつ統一的に行い、住民の住所に関する"
        "届出等の簡素化を図り、あわせて住民に関する記録の適正な管理を図るため、住民に関する事務の処理の"
        "基礎とする。",
    ),
    ("③対象人数", "[ ○ ] 30万人以上\n＜選択肢＞\n1) 1,000人未満　2) 1,000人以上1万人未満"),
    ("①システムの名称", "住民基本台帳システム"),
    (
        "②システムの機能",
        "1.住民基本台帳の記録　2.転入・転出等の届出に関する処理\n3.証明書の交付　4.統計資料の作成",
    ),
    ("③他のシステムとの接続", "[ ○ ] 宛名システム等　[ ] 税務システム\n[ ] その他（　　　）"),
    ("法令上の根拠", "番号法第９条第１項　別表第一の一の項\n住民基本台帳法第７条"),
    ("⑤保管期間", "[ 20年以上 ]\nその妥当性：住民基本台帳法施行令第３４条に定める期間保存する。"),
)
BODY_HEADINGS = (
    "Ⅰ　基本情報",
    "１．特定個人情報ファイルを取り扱う事務",
    "２．特定個人情報ファイルを取り扱う事務において使用するシステム",
    "Ⅱ　特定個人情報ファイルの概要",
    "３．特定個人情報の入手・使用",
    "６．特定個人情報の保管・消去",
)
# cover2.xlsx_table_sheet's column widths (characters).
TABLE_WIDTHS = (12, 18, 24, 24, 8, 16)
PROSE = "本評価書は、特定個人情報ファイルの取扱いについて評価したものである。" * 4


# How a case prints its body: the forms' grids, or prose paragraphs only (a body typed as text),
# or both.
BODY_STYLES = ("grids", "prose", "mixed")


def body_blocks(rng: random.Random, pages: int, style: str, affair: str) -> list[tuple[str, object]]:
    """The body as blocks, about a page each: ("heading", text), ("grid", rows), ("prose", text),
    ("break", None); ``style`` one of ``BODY_STYLES``."""
    out: list[tuple[str, object]] = []
    for k in range(pages):
        out.append(("heading", BODY_HEADINGS[k % len(BODY_HEADINGS)]))
        grids = style == "grids" or (style == "mixed" and rng.random() < 0.5)
        if grids:
            grid = rng.sample(BODY_GRID, rng.randint(4, len(BODY_GRID)))
            out.append(("grid", [(a, b.format(affair=affair)) for a, b in grid]))
        if not grids or rng.random() < 0.5:
            for label, content in rng.sample(BODY_GRID, rng.randint(5, len(BODY_GRID))):
                out.append(("prose", label))
                content = content.format(affair=affair).replace("\n", "　")
                out.append(("prose", content + PROSE[: rng.randint(0, len(PROSE))]))
        out.append(("break", None))
    return out


def write_docx(
    path: Path, facts: dict, rows: list[dict], font: str, size: float, rng: random.Random, style: str
) -> None:
    """The whole assessment as a .docx: cover (the official grid), body pages, the table."""
    doc, para = cover2.new_docx(font, size)
    f = facts
    para(f"特定個人情報保護評価書（{f['form']}）", big=True, center=True)
    para("")
    cover2.docx_grid(
        doc, [["評価書番号", "評価書名"], [f["assessment_number"], f["assessment_name"]]], [3.5, 13.5]
    )
    para("")
    decl = cover2.DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    cover2.docx_grid(doc, [[cover2.DECLARATION[0]], [decl]], [17.0])
    para("")
    cover2.docx_grid(doc, [["評価実施機関名", f["agency"]], ["公表日", f["published_raw"]]], [4.0, 13.0])
    para("[令和6年10月 様式4]")
    cover2.docx_page_break(doc)
    label_w = rng.choice((3.5, 4.5, 5.5))
    for kind, value in body_blocks(rng, rng.randint(3, 6), style, facts["_affair"]):
        if kind == "heading" or kind == "prose":
            para(str(value))
        elif kind == "grid":
            cells = [[a, b] for a, b in value]  # type: ignore[attr-defined]
            cover2.docx_grid(doc, cells, [label_w, 17.0 - label_w])
        else:
            cover2.docx_page_break(doc)
    para("（別添２）変更箇所")
    cells = [list(mos.LABELS)] + [[r[k] for k in mos.SIX] for r in rows]
    widths = rng.choice(mos.TUNING_WRITER_WIDTHS)
    scale = 17.0 / sum(widths)
    cover2.docx_grid(doc, cells, [w * scale for w in widths])
    doc.save(path)


def write_xlsx(
    path: Path, facts: dict, rows: list[dict], font: str, size: float, rng: random.Random, style: str
) -> None:
    """The assessment as a .xlsx: cover2's cover sheet, a body sheet of label | content rows
    (bordered, wrapped; several printed pages), and the table's sheet."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    cover2.write_xlsx(path, facts, "calc", rows, font, size)
    wb = load_workbook(path)
    # Row heights set as people set them by hand: every wrapped line of the tallest cell and one
    # spare (LibreOffice's own fit clips the last line of long cells).
    table = wb["変更箇所"]
    for i, r in enumerate(rows, 3):
        lines = max(
            sum(1 + len(part) * 2 // max(width - 2, 1) for part in r[k].split("\n"))
            for k, width in zip(mos.SIX, TABLE_WIDTHS, strict=True)
        )
        table.row_dimensions[i].height = size * 1.45 * (lines + 1)
    body = wb.create_sheet("本文", 1)
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    r = 1
    for kind, value in body_blocks(rng, rng.randint(3, 6), style, facts["_affair"]):
        if kind in ("heading", "prose"):
            c = body.cell(r, 1, str(value))
            c.font = Font(name=font, size=size)
            r += 1
        elif kind == "grid":
            for label, content in value:  # type: ignore[attr-defined]
                for col, text in ((1, label), (2, content)):
                    c = body.cell(r, col, text)
                    c.font = Font(name=font, size=size)
                    c.border = border
                    c.alignment = Alignment(vertical="top", wrap_text=True)
                body.row_dimensions[r].height = size * 1.6 * (1 + len(content) // 40 + content.count("\n"))
                r += 1
        else:
            from openpyxl.worksheet.pagebreak import Break

            body.row_breaks.append(Break(id=r - 1))
    body.column_dimensions["A"].width = rng.choice((18, 22, 26))
    body.column_dimensions["B"].width = 60
    body.page_setup.paperSize = body.PAPERSIZE_A4
    wb.save(path)


def cases(heldout: bool) -> list[tuple[str, str, dict, list[dict], str, float]]:
    """(name, maker, facts, rows, font, size) of each case."""
    tag = "h" if heldout else "t"
    makers = ["writer"] * 3 + ["calc"] * 2 if heldout else ["writer"] * 4 + ["calc"] * 3
    pool = mos._row_pool(heldout)
    out = []
    for k, maker in enumerate(makers, 1):
        name = f"{maker}-whole-{tag}{k}"
        rng = random.Random(f"piatable-whole42-{name}")
        facts = cover2.cover_of(rng, heldout)
        n = rng.randint(3, 6)
        start = rng.randrange(len(pool) - n)
        rows, font, size = mos.drawn_look(rng, pool[start : start + n], heldout, (9.0, 10.0, 10.5))
        out.append((name, maker, facts, rows, font, size))
    return out


def build(set_name: str) -> None:
    root = SETS[set_name]
    made = cases(set_name.startswith("heldout"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for name, maker, facts, rows, font, size in made:
            rng = random.Random(f"piatable-whole42-body-{name}")
            src = work / f"{name}.{'xlsx' if maker == 'calc' else 'docx'}"
            style = BODY_STYLES[len(sources) % len(BODY_STYLES)]
            (write_xlsx if maker == "calc" else write_docx)(src, facts, rows, font, size, rng, style)
            sources.append(src)
        mos.convert(sources, work)
        if root.exists():
            shutil.rmtree(root)
        for name, maker, facts, rows, font, size in made:
            pdf = work / f"{name}.pdf"
            case = mos.Case(name=name, rows=rows, maker=maker, font=font, size=size, widths=())
            try:
                expected = mos.expected_records(pdf, case)
            except mos.NotPrinted as e:
                print(f"{set_name}/{name}: skipped ({e})", file=sys.stderr)
                continue
            truth = {k: v for k, v in facts.items() if not k.startswith("_")}
            folder = root / name
            mos.write_json(folder / "expected" / "records.json", expected)
            mos.write_json(folder / "expected" / "documents.json", truth)
            shutil.copy(pdf, folder / "input.pdf")
            for tool in make_pdfs.EXTRACTORS:
                tf = root / f"{name}-{tool}"
                (tf / "expected").mkdir(parents=True)
                (tf / "input.txt").write_text(make_pdfs.extract_text(pdf, tool), "utf-8")
                mos.write_json(tf / "expected" / "records.json", expected)
                mos.write_json(tf / "expected" / "documents.json", truth)
            print(f"{set_name}/{name}: {maker}, {font} {size} pt, {len(rows)} rows", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    sys.exit(main())
