"""Word tables whose 変更日 column is 10–15 mm wide (the date wraps over three to six lines, its
label over two: 変更 / 日), rows broken over pages, with their PDFs and texts (branch word72).

    python tools/make_narrowdate72_samples.py                               # both sets
    python tools/make_narrowdate72_samples.py --set office-word72            # or heldout-word72

Set XXXIII's w02 (a Writer table, portrait, 10 pt, 変更日 12 mm: ``令和`` / ``元年`` / ``9月`` / ``22``
/ ``日``, label ``変更`` / ``日``, rows broken over pages, pages fed 3, 1, 2) read 0 of 19 rows on
the PDF: the label row's ``変更`` beside ``項目`` was read as one label 変更項目 and the columns
were moved.  Each case here is a run of 12–20 rows of the pool typed in python-docx and printed
by LibreOffice Writer, portrait or landscape, the 変更日 column 10–15 mm, dates in one of
several styles (``令和元年9月22日``, ``R1.9.22``, ``2019/9/22``, full-width ``令和元年９月２２日``,
``2019年9月22日``), rows allowed to break over pages (the label row repeated), a paragraph
added to some 変更後 (and 変更前) cells so that rows do break; some cases' PDF pages are then put
in another order (``order`` in ``cases.json``).  The truth (``expected/records.json``) is the six
fields as written, pages in the reading order.  ``office-word72`` (tuning) and
``heldout-word72`` (measure only, never tune on it) draw tables, widths, date styles,
fonts and sizes from their own pools.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from flatten import render_date
from make_bikou55_samples import _rows
from make_office_samples import SetCase, convert, docx_label_table, docx_page, made_sets_main
from make_pageorder71_samples import _page_order
from make_pdfs import LABELS
from make_reason65_samples import _expected as broken_row_expected

SETS = {"office-word72": False, "heldout-word72": True}
TEXTS = (
    "pypdfium2",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdfplumber-layout",
    "pypdf",
    "pypdf-layout",
    "pymupdf",
)
TUNING_CASES, HELDOUT_CASES = 8, 6
ROWS = (12, 20)
TUNING_DATE_MM = (10.0, 12.0, 14.0)
HELDOUT_DATE_MM = (11.0, 13.0, 15.0)
TUNING_STYLES = ("wareki", "short", "slash", "wareki_fw")
HELDOUT_STYLES = ("wareki", "short", "slash", "seireki")
# The other columns' shares of the rest of the width: 項目, 変更前, 変更後, 提出時期, 説明.
REST_SHARES = (0.21, 0.27, 0.27, 0.07, 0.18)
# Page orders: most cases as printed, some fed out of order (set XXXIII w02: 3, 1, 2).
ORDERS = ("as-is", "rotated-back", "as-is", "reversed")
# The share of rows whose 変更後 (and now and then 変更前) gets another paragraph, so that rows
# break over pages.
LONG_SHARE = 0.3


def _names(heldout: bool) -> list[str]:
    n = HELDOUT_CASES if heldout else TUNING_CASES
    return [f"{'hnd72' if heldout else 'nd72'}-writer-{k + 1}" for k in range(n)]


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-narrowdate72-{name}")
    k = int(name.split("-")[2]) - 1
    want = rng.randint(*ROWS)
    rows: list[dict] = []
    while len(rows) < want:  # a pool table may be shorter: runs of several tables
        rows += _rows(rng, heldout, (want - len(rows), want - len(rows)))
    rows = sorted(rows, key=lambda r: r["change_date"])
    style = (HELDOUT_STYLES if heldout else TUNING_STYLES)[k % 4]
    texts = [r["after"] for r in rows if len(r["after"]) > 20]
    for r in rows:
        r["change_date_raw"] = render_date(r["change_date"], style)
        if r["after"] and texts and rng.random() < LONG_SHARE:
            # A paragraph of another row's after cell added (a rule added to the cell), and now
            # and then the same to the before cell (both cells then print two paragraphs).
            more = rng.choice(texts)
            r["after"] = f"{r['after']}\n{more}"
            if r["before"] and rng.random() < 0.5:
                r["before"] = f"{r['before']}\n{more}"
    return {
        "maker": "writer",
        "rows": rows,
        "date_style": style,
        "date_mm": rng.choice(HELDOUT_DATE_MM if heldout else TUNING_DATE_MM),
        "portrait": k % 3 != 2,
        "order": ORDERS[(k + heldout) % len(ORDERS)],
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice((9.0, 10.0, 10.5) if not heldout else (9.5, 10.0, 11.0)),
        "valign": rng.choice(("top", "center")),
        "seed": rng.random(),
    }


def write_docx(path: Path, look: dict) -> None:
    """The table typed in a word processor: a title paragraph, a grid table under a one-row label
    block repeated on each page, rows free to break over pages, the 変更日 column
    ``look["date_mm"]`` wide."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.shared import Cm, Mm

    doc = docx_page(look, landscape=not look["portrait"])
    table = docx_label_table(doc, list(LABELS), len(look["rows"]))
    valign = WD_ALIGN_VERTICAL.CENTER if look["valign"] == "center" else WD_ALIGN_VERTICAL.TOP
    for i, r in enumerate(look["rows"]):
        cells = table.rows[1 + i].cells
        for j, key in enumerate(x62.FIELDS):
            for n, para in enumerate(str(r[key]).split("\n")):
                p = cells[j].paragraphs[0] if n == 0 else cells[j].add_paragraph()
                p.add_run(para)
            cells[j].vertical_alignment = valign
    total = (21.0 if look["portrait"] else 29.7) - 3.0
    widths = [Mm(look["date_mm"])] + [Cm(round(s * (total - look["date_mm"] / 10), 2)) for s in REST_SHARES]
    for j, w in enumerate(widths):
        table.columns[j].width = w
        for cell in table.columns[j].cells:
            cell.width = w
    doc.save(path)


def _printed(name: str, look: dict, work: Path) -> Path:
    """The case's PDF printed by LibreOffice Writer in ``work``.  Writer fits each row to its
    text (nothing is clipped); a row broken over a page prints its cells' lines apart, so the
    truth's pages come from ``make_reason65_samples._expected``
    (a cell's opening and tail found in pieces)."""
    src = work / f"{name}.docx"
    write_docx(src, look)
    convert([src], work)
    return work / f"{name}.pdf"


def _cases(work: Path, heldout: bool) -> list[SetCase]:
    """Each case: the printed PDF read for the truth, then its pages put in ``look["order"]``."""
    from pypdf import PdfReader, PdfWriter

    out = []
    for name in _names(heldout):
        look = _look(name, heldout)
        pdf = _printed(name, look, work)
        expected = broken_row_expected(pdf, look["rows"])
        reader = PdfReader(pdf)
        n = len(reader.pages)
        how = look["order"]
        order = (
            [n - 1, *range(n - 1)] if how == "rotated-back" and n > 2 else _page_order(n, how, look["seed"])
        )
        look["file_pages"] = [k + 1 for k in order]
        fed = pdf
        if order != list(range(n)):
            writer = PdfWriter()
            for k in order:
                writer.add_page(reader.pages[k])
            fed = work / "fed" / pdf.name
            fed.parent.mkdir(exist_ok=True)
            with fed.open("wb") as fh:
                writer.write(fh)
        settings = {"program": "LibreOffice Writer", **{k: v for k, v in look.items() if k != "rows"}}
        out.append((name, fed, expected, settings))
    return out


README = """# {name}: Word tables with a 10–15 mm 変更日 column, rows broken over pages (branch word72)

Tables typed with python-docx and printed by LibreOffice Writer (portrait or landscape), the
変更日 column 10–15 mm wide so that the date wraps over three to six lines and its label over two
(変更 / 日), dates as 令和元年9月22日, R1.9.22, 2019/9/22, 令和元年９月２２日 or 2019年9月22日, rows
free to break over pages (the label row repeated), some 変更前 / 変更後 cells of two paragraphs;
some PDFs' pages put in another order (`file_pages` in `cases.json`: the reading order's pages
in the file's order).
The truth (`expected/records.json`) is the six fields as written, pages in the reading order.

`samples/office-word72` (tuning); `samples/heldout-word72` (held out: measure on it,
never tune on it): other tables, widths, date styles and sizes.

    python tools/make_narrowdate72_samples.py
    python tools/eval_office.py samples/office-word72 samples/heldout-word72 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
