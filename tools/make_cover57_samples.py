"""Whole Writer assessments with a cover page, in every input kind a researcher holds (issue 14).

    python tools/make_cover57_samples.py                          # both sets
    python tools/make_cover57_samples.py --set office-cover57     # tuning set
    python tools/make_cover57_samples.py --set heldout-cover57    # held-out set: measure only
    python tools/eval_issue14_bars.py samples /tmp/OUT57 samples/office-cover57 samples/heldout-cover57

Issue 14 asks for 公表日 and 評価実施機関名 right on every real-size assessment with a cover (PDFs,
scans, texts), one ``item_key`` per item however extracted, and the pages of text inputs.  Each
case is a .docx made by python-docx (``make_assessments55``'s body: cover, contents, the form's
sections as ruled boxes, then ``make_office_samples.write_docx``'s table with a repeated header
row) and exported by LibreOffice Writer; its cover prints the facts of
``make_cover2_samples.cover_of`` (評価書番号, 評価書名, 評価実施機関名, and the 公表日 in 令和 or 西暦
forms, half- or full-width) as the official form does, each label in a ruled box over its value
(``grid``) or beside it (``beside``).  The first case prints a page-number footer, the second none.

Per case: ``NAME/input.pdf``; ``NAME-TOOL/input.txt`` for each of ``TEXTS`` (``+nl``: pages joined
by line ends, as library users join them); ``NAME-scan/input.pdf`` (the cases of ``PLAN`` marked
so), the cover page and the table's pages rasterised at ``SCAN_DPI`` with a scanner's blur, noise
and a slight turn (``make_scans.damage``), image only. Each with ``expected/documents.json`` (the
cover's facts) and ``expected/records.json`` (the table's rows as printed, pages counted in the
document; the scan's pages in the scan). Tuning and held-out sets draw rows, fonts, agencies and
affairs from their own pools; the rest from an RNG seeded with the case's name. Needs LibreOffice
and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_assessments55 as a55
import make_cover2_samples as cover2
import make_cover55_samples as c55
import make_office_samples as office
import make_pdfs
import make_scans

ROOT = Path(__file__).resolve().parent.parent
SETS = {name: ROOT / "samples" / name for name in ("office-cover57", "heldout-cover57")}
TEXTS = ("pdftotext-layout", "pdftotext-raw", "pypdf+nl", "pdfplumber+nl", "pymupdf+nl", "pypdfium2+nl")
# Pages aimed at (whole document), table rows, and whether the case is scanned too, per case
# (a few MB for both sets: the texts of a 30-page assessment are 120 KB each).
PLAN = ((30, 10, True), (12, 8, False))
# JPEG quality of the scan's pages.
SCAN_JPEG = 40
COVER_LAYOUTS = ("grid", "beside")
SCAN_DPI = 200
# Draws of a case tried before giving up (a row whose text the font cannot print in full).
DRAWS = 4


def _cover(doc, facts: dict, layout: str) -> None:  # type: ignore[no-untyped-def]
    """The cover page: the form's title, number and name, the declaration, agency and 公表日."""
    f = facts
    doc.add_paragraph(f"特定個人情報保護評価書（{f['form']}）")
    decl = cover2.DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    if layout == "grid":
        number_name = [["評価書番号", "評価書名"], [f["assessment_number"], f["assessment_name"]]]
        cover2.docx_grid(doc, number_name, [3.5, 13.5])
        doc.add_paragraph("")
        cover2.docx_grid(doc, [[cover2.DECLARATION[0]], [decl]], [17.0])
        doc.add_paragraph("")
        cover2.docx_grid(doc, [["評価実施機関名"], [f["agency"]]], [17.0])
        doc.add_paragraph("")
        cover2.docx_grid(doc, [["公表日"], [f["published_raw"]]], [17.0])
    else:
        cover2.docx_grid(
            doc, [["評価書番号", f["assessment_number"]], ["評価書名", f["assessment_name"]]], [4.0, 13.0]
        )
        doc.add_paragraph("")
        cover2.docx_grid(doc, [[cover2.DECLARATION[0]], [decl]], [17.0])
        doc.add_paragraph("")
        cover2.docx_grid(doc, [["評価実施機関名", f["agency"]], ["公表日", f["published_raw"]]], [4.0, 13.0])
    doc.add_paragraph("[令和6年10月 様式4]")


def _front_docx(
    path: Path, case: office.Case, facts: dict, layout: str, pool: list[dict], pages: int
) -> None:
    """Cover (``_cover``), then make_assessments55's contents and ``pages`` body pages."""
    from docx import Document

    a55._body_docx(path, case, pool, random.Random(f"piatable-cover57-body-{case.name}"), pages)
    doc = Document(str(path))
    body = doc.element.body
    # make_assessments55's cover is everything before its first page break: replaced by ours.
    first_break = next(k for k, el in enumerate(body) if 'w:type="page"' in el.xml)
    for el in list(body)[:first_break]:
        body.remove(el)
    cover = Document()
    office._set_east_asian(cover.styles["Normal"], case.font)
    _cover(cover, facts, layout)
    for k, el in enumerate(el for el in cover.element.body if not el.tag.endswith("sectPr")):
        body.insert(k, el)
    doc.save(path)


def cases(heldout: bool, draw: int = 0) -> list[tuple[office.Case, dict, str, int]]:
    """(table case, cover facts, cover layout, pages aimed at) of each case of the set;
    ``draw`` > 0 draws them anew (a row the font cannot print in full)."""
    tag = "h" if heldout else "t"
    pool = office._row_pool(heldout)
    out = []
    for k, (pages, n, _scanned) in enumerate(PLAN, 1):
        name = f"writer-cover-{tag}{k}"
        rng = random.Random(f"piatable-cover57-{name}" + (f"-{draw}" if draw else ""))
        table = sorted(rng.sample(pool, n), key=lambda r: r["change_date"])
        case = office.plain_case(name, table, "writer", heldout)
        case = replace(case, portrait=True, widths=rng.choice(a55.WIDTHS), size=10.0, merge=False)
        case = replace(case, repeat_header=True, page_numbers=k % 2 == 1, closing=(("以上", "right"),))
        facts = cover2.cover_of(rng, heldout)
        # Bodies as they are named (cover2's lists hold 〇〇 placeholders, which OCR reads as letters).
        facts["agency"] = rng.choice(c55.HELDOUT_AGENCIES if heldout else c55.TUNING_AGENCIES)
        out.append((case, facts, COVER_LAYOUTS[(k - 1) % len(COVER_LAYOUTS)], pages))
    return out


def _scan(pdf: Path, out: Path, first_table_page: int, seed: int) -> None:
    """The cover and the pages from ``first_table_page`` (1-based) on, scanned (image only)."""
    import pypdf

    reader, writer = pypdf.PdfReader(str(pdf)), pypdf.PdfWriter()
    for k in [0, *range(first_table_page - 1, len(reader.pages))]:
        writer.add_page(reader.pages[k])
    picked = out.with_suffix(".picked.pdf")
    with picked.open("wb") as fh:
        writer.write(fh)
    make_scans.scan_pdf(picked, out, SCAN_DPI, make_scans.Damage(angle=0.3, jpeg=SCAN_JPEG, seed=seed))
    picked.unlink()


def _made(
    case: office.Case, facts: dict, layout: str, pool: list[dict], pages: int, work: Path
) -> tuple[int, list[dict]]:
    """Write and convert the case (``work/NAME.pdf``): (its pages, its expected records)."""
    import pypdfium2 as pdfium

    name = case.name
    front, src, pdf = work / f"{name}-front.docx", work / f"{name}.docx", work / f"{name}.pdf"
    body_pages, got = pages - 2, 0
    for _ in range(3):  # the body's length fitted to the pages aimed at
        _front_docx(front, case, facts, layout, pool, body_pages)
        a55._write(src, case, front)
        office.convert([src], work)
        got = len(pdfium.PdfDocument(str(pdf)))
        if abs(got - pages) <= 1:
            break
        body_pages = max(body_pages + pages - got, 1)
    return got, a55._expected(pdf, case)


def build(set_name: str) -> None:
    root = SETS[set_name]
    heldout = set_name.startswith("heldout")
    pool = a55._pool() if not heldout else office._row_pool(True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if root.exists():
            shutil.rmtree(root)
        for k, (_, _, scanned) in enumerate(PLAN):
            for draw in range(DRAWS):
                case, facts, layout, pages = cases(heldout, draw)[k]
                try:
                    got, expected = _made(case, facts, layout, pool, pages, work)
                    break
                except office.NotPrinted as e:
                    print(f"{set_name}/{case.name}: drawn again ({e})", file=sys.stderr)
            else:
                raise SystemExit(f"{set_name}: no draw of case {k + 1} printed in full")
            name = case.name
            pdf = work / f"{name}.pdf"
            truth = {k: v for k, v in facts.items() if not k.startswith("_")}
            folder = root / name
            shutil.copy(pdf, _put(folder, expected, truth) / "input.pdf")
            for tool in TEXTS:
                text = make_pdfs.extract_text(pdf, tool)
                (_put(root / f"{name}-{tool}", expected, truth) / "input.txt").write_text(text, "utf-8")
            print(f"{set_name}/{name}: {got} pages, {len(expected)} rows, cover {layout}", file=sys.stderr)
            if not scanned:
                continue
            first = min(r["page_start"] for r in expected)
            shifted = [
                {**r, "page_start": r["page_start"] - first + 2, "page_end": r["page_end"] - first + 2}
                for r in expected
            ]
            scan_dir = _put(root / f"{name}-scan", shifted, truth)
            _scan(pdf, scan_dir / "input.pdf", first, seed=len(name))


def _put(folder: Path, records: list[dict], documents: dict) -> Path:
    (folder / "expected").mkdir(parents=True)
    office.write_json(folder / "expected" / "records.json", records)
    office.write_json(folder / "expected" / "documents.json", documents)
    return folder


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
