"""Two or three amendment tables side by side on one page, with or without a gap between them
(branch sbs73).

    python tools/make_sbs73_samples.py                             # both sets
    python tools/make_sbs73_samples.py --set office-sbs73          # or heldout-sbs73

Set XXXIV's w05 (Calc, landscape, two six-column tables in the same sheet rows, columns A–F and
G–L, NO blank column between, 8 + 6 rows, a caption above each) lost the right table's rows in
its PDF (no gutter parted the tables), glued the two tables' lines in its ``-layout`` texts
(``…変更は 平３０．２．２ Ⅴ開示請求…``) and gave row-ordered texts rows right table's cells under
the left table's dates, unwarned.  The kinds here:

- ``c-adj``: Calc, two tables in one sheet's rows with no column between (unequal or equal
  lengths; a caption above each or none; landscape or portrait, fit to the page's width);
- ``c-gap``: the same with a narrow blank column between (set XXXIII's shape, for regressions);
- ``c-three``: Calc, three tables side by side, no column or a narrow one between;
- ``w-cols``: Writer, a two-column section, one ruled table in each column (a column break
  between), a caption above each or none.

The truth is the six fields as written, the left table's records first.  Texts: pypdfium2,
``pdftotext -raw``, pypdf, ``pdftotext -layout``, pypdf's layout.  ``office-sbs73`` (tuning) and
``heldout-sbs73`` (measure only, never tune on it) draw their rows, looks and lengths from their
own pools.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
import make_sidebyside71_samples as sb71
from make_boxes42_samples import _pool
from make_office_samples import printed_rows
from make_sheet72_samples import KEY, LABEL, SIDE_WIDTHS, a4_sheet

SETS = {"office-sbs73": False, "heldout-sbs73": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf", "pdftotext-layout", "pypdf-layout")
# (kind, captions above the tables, landscape, equal lengths) per case.
TUNING_PLAN = (
    ("c-adj", True, True, False),
    ("c-adj", False, False, False),
    ("c-adj", True, True, True),
    ("c-gap", False, True, False),
    ("c-three", True, True, False),
    ("w-cols", False, True, False),
)
HELDOUT_PLAN = (
    ("c-adj", False, True, False),
    ("c-adj", True, False, False),
    ("c-three", False, True, True),
    ("w-cols", True, True, False),
)
TUNING_CAPTIONS = (("（その１）", "（その２）", "（その３）"), ("【表１】", "【表２】", "【表３】"))
HELDOUT_CAPTIONS = (("表１", "表２", "表３"), ("〔その１〕", "〔その２〕", "〔その３〕"))
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAGothic", "IPAPMincho")
SIZES = {False: (6.5, 7.0, 8.0), True: (7.0, 7.5)}
# Rows per table: two tables, three tables.
ROWS = {2: (3, 8), 3: (2, 5)}
# A row's cells hold at most this many characters in all (two or three tables on a page).
SHORT_ROW_CHARS = 130
# The blank column between Calc tables (character widths; 0: none).
GAPS = {"c-adj": (0.0,), "c-gap": (0.8, 1.5), "c-three": (0.0, 0.0, 1.0)}
# Writer's space between the section's two columns (cm).
COLUMN_SPACES = {False: (0.6, 1.0), True: (0.8,)}


def _look(name: str, plan: tuple[str, bool, bool, bool], heldout: bool) -> dict:
    """A case's rows and look, drawn by an RNG seeded with its name (``plan``: its kind, whether
    captions stand above the tables, landscape, equal lengths)."""
    kind, captioned, landscape, equal = plan
    rng = random.Random(f"piatable-sbs73-{name}")
    pool = [r for r in _pool(heldout) if not any(c in r["before"] + r["after"] for c in "[△□〒○")]
    cells = ("item", "before", "after", "explanation")
    short = [r for r in pool if sum(len(r[k]) for k in cells) <= SHORT_ROW_CHARS]
    style = rng.choice(office.DATE_STYLES)
    n_tables = 3 if kind == "c-three" else 2
    counts = [rng.randint(*ROWS[n_tables]) for _ in range(n_tables)]
    if equal:
        counts = [counts[0]] * n_tables
    start = rng.randrange(len(short) - sum(counts) + 1)
    run = printed_rows(short[start : start + sum(counts)], style)
    tables, at = [], 0
    for n in counts:
        tables.append(run[at : at + n])
        at += n
    captions = rng.choice(HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS)
    return {
        "kind": kind,
        "tables": tables,
        "captions": list(captions[:n_tables]) if captioned else [""] * n_tables,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(SIZES[heldout]),
        "gap": rng.choice(GAPS.get(kind, (0.0,))),
        "landscape": landscape,
        "date_width": rng.choice((5.5, 7.0, 9.0)),
        "space": rng.choice(COLUMN_SPACES[heldout]),
        "appendix": rng.choice(("２", "３")),
    }


def _write_xlsx(path: Path, look: dict) -> None:
    from openpyxl.utils import get_column_letter

    wb, ws, put = a4_sheet(look, f"（別添{look['appendix']}）変更箇所", look["landscape"])
    captioned = any(look["captions"])
    labels_row = 3 if captioned else 2
    widths = dict(SIDE_WIDTHS, date=look["date_width"])
    step = 6 + (1 if look["gap"] else 0)
    for side, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
        left = 1 + side * step
        if caption:
            put(2, left, caption, boxed=False)
        for j, key in enumerate(LABEL):
            put(labels_row, left + j, LABEL[key])
            ws.column_dimensions[get_column_letter(left + j)].width = widths[key]
        for i, r in enumerate(rows):
            for j, key in enumerate(LABEL):
                put(labels_row + 1 + i, left + j, r[KEY.get(key, key)])
        if look["gap"] and side:
            ws.column_dimensions[get_column_letter(left - 1)].width = look["gap"]
    sb71._fit_rows(ws, look["size"])
    wb.save(str(path))


def _write_docx(path: Path, look: dict) -> None:
    """Writer: a two-column section (``w:cols``), a caption and a ruled table in each column."""
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn

    doc = sb71._doc(look, landscape=True)
    sec = doc.sections[0]._sectPr
    cols = sec.find(qn("w:cols"))
    if cols is None:
        cols = sec.makeelement(qn("w:cols"), {})
        sec.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), str(int(look["space"] * 567)))
    width = (sb71.LANDSCAPE_CM[0] - 2 * sb71.MARGIN_CM - look["space"]) / 2 - 0.2
    for side, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
        if side:
            doc.add_paragraph().add_run().add_break(WD_BREAK.COLUMN)
        if caption:
            doc.add_paragraph(caption)
        sb71._amend_table(doc, rows, width)
    doc.save(str(path))


def _cases(work: Path, heldout: bool):  # type: ignore[no-untyped-def]
    plan = HELDOUT_PLAN if heldout else TUNING_PLAN
    tag = "hsbs73" if heldout else "sbs73"
    looks = {f"{tag}-{p[0]}-{k + 1}": _look(f"{tag}-{p[0]}-{k + 1}", p, heldout) for k, p in enumerate(plan)}
    sb71.office_pdfs(work, looks, _write_xlsx, _write_docx)
    for name, look in looks.items():
        pdf = work / f"{name}.pdf"
        expected = office.expected_records(pdf, sb71._truth_case(name, look, heldout))
        entry = {
            "kind": look["kind"],
            "rows": len(expected),
            "per_table": [len(t) for t in look["tables"]],
            "pages": max(r["page_end"] for r in expected),
            "captions": look["captions"],
            "gap": look["gap"],
            "landscape": look["landscape"],
            "font": look["font"],
            "size": look["size"],
        }
        yield name, pdf, expected, entry


README = """# {name}: two or three tables side by side, with or without a gap (branch sbs73)

LibreOffice Calc (`*-c-*`) sheets with two or three six-column amendment tables in the same
sheet rows, no blank column between them (`c-adj`, set XXXIV w05's shape), a narrow one
(`c-gap`), or three tables (`c-three`); unequal lengths (equal now and then), a caption above
each or none, landscape or portrait fit to the page's width; and Writer (`*-w-*`) pages in a
two-column section, one ruled table in each column.  The truth (`expected/records.json`) is the
six fields as written, the left table first.  Texts: pypdfium2, `pdftotext -raw`, pypdf,
`pdftotext -layout`, pypdf's layout.  Made by `tools/make_sbs73_samples.py`;
`samples/office-sbs73` (tuning), `samples/heldout-sbs73` (held out: measure on it, never tune
on it).
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return office.made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
