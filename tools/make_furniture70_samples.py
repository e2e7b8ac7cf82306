"""Page furniture round an amendment table that flattened texts glue into its cells (set XXXI kinds 7
and 9, branch furniture70): a turned watermark word, page headers and footers, 以上 after the
table, weekdays after the dates.

    python tools/make_furniture70_samples.py                              # both sets
    python tools/make_furniture70_samples.py --set office-furniture70     # or heldout-furniture70

Set XXXI's t06 printed 「取扱注意」 in 90 pt grey turned 35° over every page: ``pdftotext`` (-raw,
-layout, plain), pdfplumber and pypdf's layout text give it a glyph a line, and the readers took
「取」 「扱」 「注」 「意」 into 36 rows' cells.  Its t11 printed a page header (the city and the
評価書名) that pdf.js's text glued into a 変更後; its t12 printed 以上 after the table, above a
（別紙） table, read into the last 説明; its t08 printed ``2016年5月3日(火)``, the weekday wrapped
under the day and read into the 項目.

Each case is a Calc (.xlsx by openpyxl) or Writer (.docx by python-docx) table of
``make_office_samples.plain_case`` exported by LibreOffice, with some of: a page header (the city
and the 評価書名, left / centre / right), a page-number footer (``- {P} -``, ``{P}/{N}``, ``P.{P}``),
以上 set to the right after the table (Writer, or Calc's closing paragraph), the weekday printed
after each date (``(火)``, ``（火）``, ``（水・祝）`` on a holiday), and a watermark word drawn by
PyMuPDF over every page of the exported PDF (turned ``ANGLES``, ``SIZES`` pt, a light grey; its
glyphs are in the text layer as a viewer's stamp puts them).  The truth is the table's rows: the
furniture is no cell's text.  ``office-furniture70`` (tuning) and ``heldout-furniture70``
(measure only, never tune on it) draw tables, words, angles, sizes and headers from their own pools.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
import pymupdf as fitz
from make_pdfs import GOTHIC

SETS = {"office-furniture70": False, "heldout-furniture70": True}
TEXTS = (
    "pypdfium2",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdftotext",
    "pdfminer",
    "pdfplumber",
    "pypdf",
    "pymupdf",
    "pdftotext-layout-cp932",
    "pymupdf-sort",
    "pdfplumber-layout",
    "pypdf-layout",
)
WORDS = {False: ("取扱注意", "秘", "DRAFT"), True: ("複製禁止", "取扱注意", "社外秘")}
ANGLES = {False: (30, 35, 45), True: (40, 55, 60)}
SIZES = {False: (60, 90, 120), True: (40, 80, 100)}
GREYS = (0.75, 0.82, 0.88)
CITIES = {False: ("西ヶ丘村", "浜松台市", "みどり町"), True: ("北山市", "青葉町", "南原村")}
TITLES = {
    False: ("特定個人情報保護評価書（全項目評価書）", "住民基本台帳に関する事務 全項目評価書"),
    True: ("特定個人情報保護評価書（重点項目評価書）", "個人住民税に関する事務 全項目評価書"),
}
PAGE_FORMS = {False: ("- {P} -", "{P}/{N}"), True: ("P.{P}", "- {P} -", "{P} / {N}")}
WEEKDAYS = "月火水木金土日"
HOLIDAYS = {(1, 1), (5, 3), (5, 4), (5, 5), (11, 3), (11, 23), (2, 11)}
# Per case: (maker, watermark?, page header?, page numbers?, 以上?, weekdays?).
PLANS = {
    False: (
        ("calc", True, True, True, False, False),
        ("writer", True, False, True, True, True),
        ("writer", False, True, True, True, False),
        ("calc", False, True, False, False, True),
    ),
    True: (
        ("writer", True, True, True, True, False),
        ("calc", True, False, True, False, True),
        ("writer", False, True, True, True, True),
    ),
}


def with_weekdays(rows: list[dict], heldout: bool) -> list[dict]:
    """The rows with each date's weekday (a holiday's too) printed after it."""
    out = []
    for r in rows:
        d = dt.date.fromisoformat(r["change_date"])
        day = WEEKDAYS[d.weekday()]
        day = f"{day}・祝" if heldout and (d.month, d.day) in HOLIDAYS else day
        mark = f"（{day}）" if heldout else f"({day})"
        out.append(r | {"change_date_raw": r["change_date_raw"] + mark})
    return out


def stamp(pdf: Path, out: Path, word: str, size: float, angle: float, grey: float) -> None:
    """Draw ``word`` over every page of ``pdf`` (its middle, turned ``angle``° anticlockwise,
    ``size`` pt, grey ``grey``) with PyMuPDF and save it as ``out``."""
    doc = fitz.open(pdf)
    for page in doc:
        r = page.rect
        pivot = fitz.Point(r.width / 2, r.height / 2)
        width = sum(size if ord(c) > 0x2000 else size * 0.62 for c in word)
        start = fitz.Point(pivot.x - width / 2, pivot.y + size / 3)
        page.insert_text(
            start,
            word,
            fontsize=size,
            fontname="wm",
            fontfile=GOTHIC,
            color=(grey, grey, grey),
            morph=(pivot, fitz.Matrix(angle)),
            overlay=True,
        )
    doc.subset_fonts()
    doc.save(out, garbage=3, deflate=True)
    doc.close()


def make_case(name: str, table: list[dict], heldout: bool, plan: tuple) -> tuple[office.Case, dict]:
    """One case of ``plan`` and its watermark's look (empty without one)."""
    maker, wm, head, numbers, closing, weekdays = plan
    rng = random.Random(f"piatable-furniture70-{name}")
    case = office.plain_case(name, table, maker, heldout=heldout)
    n = rng.choice((12, 14, 16))
    start = rng.randrange(max(len(case.rows) - n, 0) + 1)
    rows = case.rows[start : start + n]
    rows = with_weekdays(rows, heldout) if weekdays else rows
    header = f"{rng.choice(CITIES[heldout])} {rng.choice(TITLES[heldout])}"
    case = replace(
        case,
        rows=rows,
        page_header=(header, rng.choice(("left", "center", "right"))) if head else ("", "right"),
        page_numbers=numbers,
        page_number_format=rng.choice(PAGE_FORMS[heldout]),
        closing=(("以上", "right"),) if closing else (),
        rows_per_page=case.rows_per_page or (5 if maker == "calc" else None),
        real_dates=case.real_dates and not weekdays,
    )
    look = {}
    if wm:
        look = {
            "watermark": rng.choice(WORDS[heldout]),
            "wm_size": rng.choice(SIZES[heldout]),
            "wm_angle": rng.choice(ANGLES[heldout]),
            "wm_grey": rng.choice(GREYS),
        }
    return case, look


def made(work: Path, heldout: bool) -> Iterator[office.SetCase]:
    """The set's cases rendered in ``work``: (name, PDF, truth, ``cases.json`` entry)."""
    tables = office._four_tables(heldout)
    cases, looks = [], {}
    for k, plan in enumerate(PLANS[heldout]):
        tname, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}fu70-{plan[0]}-{tname}-{k + 1}"
        case, look = make_case(name, office._printable(office.load_table(path)), heldout, plan)
        cases.append(case)
        looks[name] = look
    rendered = office.render(cases, work)
    for case in cases:
        _, pdf, expected = rendered[case.name]
        look = looks[case.name]
        if look:
            stamped = work / f"{case.name}-wm.pdf"
            stamp(pdf, stamped, look["watermark"], look["wm_size"], look["wm_angle"], look["wm_grey"])
            pdf = stamped
        pages = max(r["page_end"] for r in expected)
        entry = office.settings_of(case) | look | {"rows": len(expected), "pages": pages}
        yield case.name, pdf, expected, entry


README = {
    "office-furniture70": "# office-furniture70 (tuning)\n\nCalc and Writer tables (openpyxl, python-docx)"
    " exported by LibreOffice with page furniture: a watermark word drawn turned over every page by"
    " PyMuPDF, a page header (city and 評価書名), page numbers, 以上 after the table, weekdays after the"
    " dates; their PDFs and the texts of pypdfium2, pdftotext -raw / -layout / plain / -layout CP932,"
    " pdfminer, pdfplumber (and its layout), pypdf (and its layout), PyMuPDF (and sorted), made by"
    " `tools/make_furniture70_samples.py`.  The truth is the table's rows: the furniture is no cell's"
    " text.\n",
    "heldout-furniture70": "# heldout-furniture70 (held out)\n\nAs office-furniture70, from the held-out"
    " tables, words, angles, sizes, headers and page-number forms, made by"
    " `tools/make_furniture70_samples.py`.  Measure on it, never tune on it.\n",
}


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, ``cases.json`` and README."""
    office.build_made_set(office.SAMPLES / name, lambda work: made(work, SETS[name]), TEXTS, README[name])


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
