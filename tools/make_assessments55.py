"""Real-size assessments made by LibreOffice Writer: cover, contents, body, then the table (speed55).

    python tools/make_assessments55.py        # samples/assessments55

Issue 13 asks that, with warm workers, real-size assessments (40–80 pages, the amendment table
at the end) go at least as many pages per second as ``pdftotext`` needs for their whole text.
The bench's own assessments (``tools/make_pdfs.make_long``) are drawn by our renderer with
sparse filler pages; these are what a body files: a Writer .docx (A4 portrait, a page-number
footer) exported by LibreOffice, whose

- first page is the cover (特定個人情報保護評価書（全項目評価書）, its 評価書番号 / 評価書名 box,
  the 宣言 and 評価実施機関名 / 公表日 in a ruled box),
- second page the contents (目次), naming the sections and ``（別添3）変更箇所``,
- body is the form's sections (Ⅰ 基本情報 … Ⅵ 評価実施手続) as the form prints them: a
  heading, then ruled two-column boxes of item labels (①事務の名称 …) and their prose,
- last pages the amendment table (``make_office_samples.write_docx``: a repeated header row).

The body's labels are the item paths and its prose the before / after / explanation cells of
the committed tuning tables (seeded draws), so nothing but committed sources makes them.  The
table's rows are those tables' rows too, each case its own draw.  Each case keeps its PDF and the
expected records (checked against the PDF's text layer as every office case is, the body's pages
left out of that search), and the ``pdftotext -raw`` and plain ``pdftotext`` texts of the whole
document (the flattened-text path on a whole assessment).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from copy import deepcopy
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "assessments55"
# (case name, pages aimed at, table rows): a 40- to 80-page assessment, tables of 3–10 pages.
PLAN = (("writer-a44", 44, 22), ("writer-b60", 60, 34), ("writer-c78", 78, 48))
# Portrait widths (cm, 17 cm between the margins) of the six columns: header53's Writer widths.
WIDTHS = ((2.0, 3.2, 4.0, 4.0, 0.9, 2.9), (1.9, 3.4, 3.9, 3.9, 1.0, 2.9))
SECTIONS = (
    "Ⅰ 基本情報",
    "Ⅱ 特定個人情報ファイルの概要",
    "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
    "Ⅳ その他のリスク対策",
    "Ⅴ 開示請求、問合せ",
    "Ⅵ 評価実施手続",
)
TEXTS = ("pdftotext-raw", "pdftotext")
# Characters of body prose LibreOffice prints on one A4 portrait page of these boxes (about).
CHARS_PER_PAGE = 1300


def _pool() -> list[dict]:
    """The printable rows of the tuning tables (juki, kokuho, zeimu, municipal, seed)."""
    rows = []
    for name in ("seed", "juki", "kokuho", "zeimu", "municipal"):
        rows += office._printable(office.load_table(office.TUNING_TABLES[name]))
    return rows


def _labels(pool: list[dict]) -> dict[str, list[str]]:
    """The item paths' lower lines by section heading (the first line's numeral)."""
    out: dict[str, list[str]] = {s: [] for s in SECTIONS}
    for r in pool:
        lines = [ln.strip() for ln in r["item"].split("\n") if ln.strip()]
        if not lines:
            continue
        for s in SECTIONS:
            if lines[0][:1] == s[:1]:
                out[s].append(" ".join(lines[1:]) or lines[0])
    return out


def _prose(pool: list[dict], rng: random.Random, chars: int) -> list[str]:
    """Paragraphs of about ``chars`` characters from the pool's before / after / explanation."""
    paras, have = [], 0
    while have < chars:
        r = rng.choice(pool)
        text = "".join(r[k].replace("\n", "") for k in ("before", "after", "explanation") if r[k])
        if text:
            paras.append(text)
            have += len(text)
    return paras


def _body_docx(path: Path, case: Case, pool: list[dict], rng: random.Random, pages: int) -> None:
    """Cover, contents and ``pages`` pages (about) of the form's sections, as one .docx."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    office._set_east_asian(doc.styles["Normal"], case.font)

    def box(rows: list[tuple[str, list[str]]]) -> None:
        t = doc.add_table(rows=len(rows), cols=2)
        t.style = "Table Grid"
        for (label, paras), row in zip(rows, t.rows, strict=True):
            row.cells[0].text = label
            row.cells[1].text = paras[0] if paras else ""
            for p in paras[1:]:
                row.cells[1].add_paragraph(p)

    doc.add_paragraph("特定個人情報保護評価書（全項目評価書）")
    box([("評価書番号", ["123"]), ("評価書名", ["住民基本台帳に関する事務 全項目評価書"])])
    doc.add_paragraph("個人のプライバシー等の権利利益の保護の宣言")
    box([("", _prose(pool, rng, 300))])
    doc.add_paragraph("特記事項")
    box([("", _prose(pool, rng, 200))])
    box([("評価実施機関名", ["サンプル市長"]), ("公表日", ["令和5年3月31日"])])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("目次")
    for k, s in enumerate(SECTIONS):
        doc.add_paragraph(f"{s}　……………………　{k * pages // len(SECTIONS) + 3}")
    doc.add_paragraph(f"（別添{case.appendix}）変更箇所")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    labels = _labels(pool)
    per_section = pages * CHARS_PER_PAGE // len(SECTIONS)
    for s in SECTIONS:
        doc.add_paragraph(s)
        have = 0
        while have < per_section:
            leafs = labels[s] or ["①" + s[2:]]
            rows = []
            for _ in range(rng.randint(2, 4)):
                paras = _prose(pool, rng, rng.randint(60, 400))
                rows.append((rng.choice(leafs), paras))
                have += sum(map(len, paras))
            box(rows)
            doc.add_paragraph("")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.save(path)


def _write(path: Path, case: Case, body: Path) -> None:
    """The table's .docx (``write_docx``) with the body's paragraphs and boxes put before it."""
    from docx import Document

    office.write_docx(path, case)
    doc, front = Document(str(path)), Document(str(body))
    elements = [deepcopy(el) for el in front.element.body if not el.tag.endswith("sectPr")]
    for k, el in enumerate(elements):
        doc.element.body.insert(k, el)
    doc.save(path)


def _table_start(pdf: Path) -> int:
    """0-based index of the page that prints the table's title above its labels."""
    pages = office.stream_text(pdf)
    return max(k for k, p in enumerate(pages) if "変更箇所" in p and "変更前" in p)


def _expected(pdf: Path, case: Case) -> list[dict]:
    """``expected_records`` with the pages before the table blanked (their prose is drawn
    from the same cells, so a cell's text must be found in the table only)."""
    start = _table_start(pdf)
    whole = office.stream_text
    office.stream_text = lambda p: ["" if k < start else t for k, t in enumerate(whole(p))]
    try:
        return office.expected_records(pdf, case)
    finally:
        office.stream_text = whole


def _case(name: str, rows: int, pool: list[dict]) -> Case:
    rng = random.Random(f"piatable-assessments55-{name}")
    table = sorted(rng.sample(pool, min(rows, len(pool))), key=lambda r: r["change_date"])
    c = office.plain_case(name, table, "writer", False)
    return replace(
        c,
        portrait=True,
        widths=rng.choice(WIDTHS),
        size=10.0,
        merge=False,
        repeat_header=True,
        appendix="3",
        page_numbers=True,
        closing=(("以上", "right"),),
    )


def build(root: Path = SET) -> None:
    """Write every case of ``PLAN`` under ``root`` (replacing what was there)."""
    import pypdfium2 as pdfium

    pool = _pool()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if root.exists():
            shutil.rmtree(root)
        for name, pages, rows in PLAN:
            case = _case(name, rows, pool)
            rng = random.Random(f"piatable-assessments55-body-{name}")
            body = work / f"{name}-body.docx"
            src = work / f"{name}.docx"
            body_pages = pages - 2
            for _ in range(3):  # the body's length fitted to the pages aimed at
                _body_docx(body, case, pool, random.Random(rng.random()), body_pages)
                _write(src, case, body)
                office.convert([src], work)
                got = len(pdfium.PdfDocument(str(work / f"{name}.pdf")))
                if abs(got - pages) <= 1:
                    break
                body_pages = max(body_pages + pages - got, 1)
            pdf = work / f"{name}.pdf"
            expected = _expected(pdf, case)
            folder = root / name
            (folder / "expected").mkdir(parents=True)
            shutil.copy(pdf, folder / "input.pdf")
            office.write_json(folder / "expected" / "records.json", expected)
            for tool in TEXTS:
                tf = root / f"{name}-{tool}"
                (tf / "expected").mkdir(parents=True)
                (tf / "input.txt").write_text(office.extract_text(pdf, tool), "utf-8")
                office.write_json(tf / "expected" / "records.json", expected)
            size = (folder / "input.pdf").stat().st_size
            print(f"{name}: {got} pages, {len(expected)} rows, {size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    build()
