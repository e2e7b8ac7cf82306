"""Tables of two to five pages fed out of order, many with a narrow 変更日 column that wraps its
dates over two to four lines, with their flattened texts (branch pageorder71; set XXXII u04).

    python tools/make_pageorder71_samples.py                               # both sets
    python tools/make_pageorder71_samples.py --set office-pageorder71      # or heldout-pageorder71

Set XXXII's u04 (a Calc table of 20 rows, 3 pages fed 2, 3, 1, 変更日 wrapped ``令和２`` / ``年４月``
/ ``２７日``): the PDF route put the pages back with a note, every text kept the file's order with
no note, and pdfplumber's text read 1 row for 20 (each date piece glued to the item beside it).
Each case here is a run of rows of the set's pool typed in LibreOffice Calc (``*-calc-*``) or
Writer (``*-writer-*``), label row repeated on each page, title on the first page only, some
with a page number in the footer (``- 1 -``, ``1 / 3``, ``1ページ``), its PDF's pages then put in
another order with pypdf (``order`` in ``cases.json``: reversed, rotated, shuffled, or left as
they are).  Controls: tables whose dates run newest first, or are not sorted, left in order
(nothing may move them).  The truth (``expected/records.json``) is the six fields as written,
pages counted in the reading order (as the PDF route's note says it counts them).
"""

from __future__ import annotations

import random
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracol67_samples as x67
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, made_sets_main

SETS = {"office-pageorder71": False, "heldout-pageorder71": True}
# Texts with form feeds and with pages joined by line ends (``+nl``: the page breaks then show only
# by the label row printed again on each page).
TEXTS = ("pypdfium2+nl", "pdftotext-raw", "pdftotext-layout", "pdfplumber+nl", "pymupdf", "pypdf+nl")
PROGRAMS = x67.PROGRAMS
TUNING_CASES, HELDOUT_CASES = 10, 8
# Rows per table: two to five pages at the sizes below.
ROWS = (14, 30)
# The 変更日 column's share of the width: narrow (dates wrap over 2-4 lines) or the form's.
TUNING_DATE_SHARES = (0.035, 0.045, 0.10)
HELDOUT_DATE_SHARES = (0.04, 0.05, 0.10)
TUNING_FOOTERS = ("- &P -", "&P / &N", "")
HELDOUT_FOOTERS = ("&Pページ", "P.&P", "")
ORDERS = ("reversed", "rotated", "shuffled", "rotated", "as-is")


def _names(heldout: bool) -> list[str]:
    n = HELDOUT_CASES if heldout else TUNING_CASES
    prefix = "hpo71" if heldout else "po71"
    return [f"{prefix}-{('calc', 'writer')[k % 2]}-{k + 1}" for k in range(n)]


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-pageorder71-{name}")
    k = int(name.split("-")[2]) - 1
    want = rng.randint(*ROWS)
    rows: list[dict] = []
    while len(rows) < want:  # a pool table may be shorter: runs of several tables
        rows += _rows(rng, heldout, (want - len(rows), want - len(rows)))
    # Dates newest first, or as the pool gives them (not sorted), in a control case of each kind.
    sort = ("rising", "rising", "falling", "rising", "unsorted")[k % 5]
    if sort != "unsorted":
        rows = sorted(rows, key=lambda r: r["change_date"], reverse=sort == "falling")
    shares = HELDOUT_DATE_SHARES if heldout else TUNING_DATE_SHARES
    footers = HELDOUT_FOOTERS if heldout else TUNING_FOOTERS
    order = ORDERS[(k + heldout) % len(ORDERS)] if sort != "unsorted" else "as-is"
    return {
        "maker": name.split("-")[1],
        "columns": (0, 1, 2, 3, 4, 5),
        "two_rows": False,
        "extras": {},
        "rows": rows,
        "sort": sort,
        "order": order,
        "date_share": rng.choice(shares),
        "footer": rng.choice(footers),
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice((8.0, 9.0, 10.0) if not heldout else (7.5, 9.5)),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
        "seed": rng.random(),
    }


@contextmanager
def _date_share(share: float):
    """make_extracols62's column shares with the 変更日 column's set to ``share`` (the rest scaled)."""
    saved = x62.FIELD_SHARES
    rest = 1.0 - saved[0]
    x62.FIELD_SHARES = (share, *(s * (1.0 - share) / rest for s in saved[1:]))
    try:
        yield
    finally:
        x62.FIELD_SHARES = saved


def _xlsx(path: Path, look: dict) -> None:
    from openpyxl import load_workbook

    x67.write_xlsx(path, look)
    if look["footer"]:
        wb = load_workbook(path)
        wb.active.oddFooter.center.text = look["footer"]
        wb.save(path)


def _docx(path: Path, look: dict) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    x67.write_docx(path, look)
    if look["footer"]:
        doc = Document(path)
        para = doc.sections[0].footer.paragraphs[0]
        before, _, after = look["footer"].replace("&N", "").partition("&P")
        para.add_run(before)
        field = para._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
        para._p.append(field)
        para.add_run(after.replace(" / ", ""))
        doc.save(path)


def _page_order(n: int, how: str, seed: float) -> list[int]:
    """The file's pages (indexes of the reading order) for ``how``."""
    if how == "reversed":
        return list(range(n))[::-1]
    if how == "rotated":
        return [*range(1, n), 0]
    if how == "shuffled":
        order = list(range(n))
        while order == sorted(order):
            random.Random(seed).shuffle(order)
            seed += 1
        return order
    return list(range(n))


def _cases(work: Path, heldout: bool) -> list[SetCase]:
    """Each case: the in-order PDF read for the truth, then its pages put in ``look["order"]``."""
    from pypdf import PdfReader, PdfWriter

    out = []
    for name in _names(heldout):
        look = _look(name, heldout)
        with _date_share(look["date_share"]):
            pdf = x67.printed_pdf(name, look, work, _xlsx, _docx)
        expected = chromium_expected(pdf, look["rows"])
        reader = PdfReader(pdf)
        order = _page_order(len(reader.pages), look["order"], look["seed"])
        look["file_pages"] = [k + 1 for k in order]
        writer = PdfWriter()
        for k in order:
            writer.add_page(reader.pages[k])
        fed = work / "fed" / pdf.name
        fed.parent.mkdir(exist_ok=True)
        with fed.open("wb") as fh:
            writer.write(fh)
        settings = {"program": PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        out.append((name, fed, expected, settings))
    return out


README = """# {name}: table pages fed out of order, narrow 変更日 columns (branch pageorder71)

Tables of two to five pages typed in LibreOffice Calc (`*-calc-*`) and Writer (`*-writer-*`),
the label row repeated on each page, the title on the first only, the 変更日 column often so
narrow that its dates wrap over two to four lines, some with page numbers in the footer; the
PDF's pages then put in another order (`file_pages` in `cases.json`: the reading order's pages
in the file's order).  Controls: dates newest first, dates not sorted, pages left in order.
The truth (`expected/records.json`) is the six fields as written, pages in the reading order.

`samples/office-pageorder71` (tuning); `samples/heldout-pageorder71` (held out: measure on it,
never tune on it): other tables, widths, footers and sizes.

    python tools/make_pageorder71_samples.py
    python tools/eval_office.py samples/office-pageorder71 samples/heldout-pageorder71 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
