"""Writer tables whose closing mark 以上 falls on a page of its own (the table fills the page
before), for tests/data/closing_page/: the reader must leave that page out of the rows, with a
note, not read 以上 into the last row's explanation (issue 10; found on heldout-closing19).

    python tools/make_closing_page_samples.py   # needs LibreOffice (soffice) and python-docx

Runs of the tuning tables are printed by Writer with 以上 set to the right after the table, its
paragraph set to open a page (Writer's "page break before"; a table that ends at a page's foot
puts it there alone the same way), and kept with their expected records when the PDF's last page
prints only 以上.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos

OUT = mos.ROOT / "tests" / "data" / "closing_page"
WANTED = 2
ROWS = 5


def _last_page_is_mark(pdf: Path) -> bool:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = len(doc)
        text = doc[pages - 1].get_textpage().get_text_range()
    finally:
        doc.close()
    return pages > 1 and "".join(text.split()) == "以上"


def _render(case: mos.Case, work: Path) -> tuple[Path, list[dict]]:
    """The case's .docx with its last paragraph (以上) opening a page, converted by Writer."""
    from docx import Document

    src = work / f"{case.name}.docx"
    mos.write_docx(src, case)
    doc = Document(str(src))
    doc.paragraphs[-1].paragraph_format.page_break_before = True
    doc.save(str(src))
    mos.convert([src], work)
    pdf = work / f"{case.name}.pdf"
    return pdf, mos.expected_records(pdf, case)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    kept = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, path in mos.TUNING_TABLES.items():
            table = mos._printable(mos.load_table(path))
            base = mos.plain_case(f"writer-closing-page-{name}", table[:ROWS], "writer", heldout=False)
            case = replace(base, closing=(("以上", "right"),), rows_per_page=None)
            pdf, expected = _render(case, work)
            if not _last_page_is_mark(pdf):
                print(f"{case.name}: 以上 not alone on the last page", file=sys.stderr)
                continue
            shutil.copy(pdf, OUT / f"{case.name}.pdf")
            mos.write_json(OUT / f"{case.name}.json", expected)
            print(f"kept {case.name}: {len(expected)} rows")
            kept += 1
            if kept >= WANTED:
                return 0
    print(f"only {kept} tables found", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
