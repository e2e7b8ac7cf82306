"""Text the page or the document prints round an amendment table, which readers glued into its
cells (set XXIX, branch furniture68; normalize/cell_furniture.py, normalize/watermark_lines.py).

    python tools/make_furniture68_samples.py                               # both sets
    python tools/make_furniture68_samples.py --set office-furniture68      # or heldout-furniture68

Session 67's unseen set XXIX showed, silently (confidence 0.92–0.963, no flag):

- ``tfoot``: an HTML table printed by headless Chromium with a ``tfoot`` row saying the table
  goes on (「（次頁へ続く）」), which Chromium prints at the foot of every page: read into the
  explanation of each page's last row from the PDF and from every row-ordered text, and as an
  extra row from ``-layout`` text;
- ``wm``: a python-docx table exported by Writer with its PDF option ``Watermark`` (「公表用」):
  PyMuPDF and pypdf texts joined without form feeds print the word once per page on a line of
  its own, which the watermark rule did not take (two copies on the one "page" it saw);
- ``blank``: an openpyxl sheet printed by Calc whose last ruled row prints 「以下余白」 only: an
  extra row from the PDF and the texts, or the tail of the last 変更日 in ``-layout`` text;
- ``two``: a python-docx file of two amendment tables, the second under its heading
  【…評価書】 and its title （別添３）変更箇所 (Writer): PyMuPDF and pypdf texts glued the heading to
  the first table's last cell.

The truth is the table's rows (both tables' for ``two``, in printed order): the footer, the
watermark, 以下余白 and the heading are no cell's text.  Each case keeps its PDF and the texts of
``TEXTS`` (pages joined by line ends for pypdf, PyMuPDF and pypdfium2, as most users write
them).  ``office-furniture68`` (tuning) draws from the tuning tables, phrases, words and
headings; ``heldout-furniture68`` (measure only, never tune on it) from the held-out ones.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_chromium54_samples import HELDOUT_CSS, TUNING_CSS, _expected, _html, _plan
from make_furniture66_samples import _print_page
from make_pdfs import EXTRACTORS
from make_watermark56_samples import lo_watermark

SETS = {"office-furniture68": False, "heldout-furniture68": True}
TEXTS = (*EXTRACTORS, "pdfplumber", "pypdf+nl", "pymupdf+nl", "pypdfium2+nl")
FOOTERS = {
    False: ("（次頁へ続く）", "（続く）", "次頁に続く"),
    True: ("以下次頁", "（次ページへ続く）", "（次頁に続く）"),
}
WORDS = {False: ("公表用", "部外秘"), True: ("案", "写")}
BLANKS = {False: ("以下余白",), True: ("以下空白", "－以下余白－")}
HEADINGS = {
    False: ("【住民基本台帳に関する事務　全項目評価書】", "【国民健康保険に関する事務　基礎項目評価書】"),
    True: ("【介護保険に関する事務　全項目評価書】", "【個人住民税に関する事務　重点項目評価書】"),
}
KINDS = {False: ("tfoot", "wm", "blank", "two", "tfoot"), True: ("tfoot", "wm", "blank", "two", "tfoot")}


def _chromium_case(name: str, table: list[dict], k: int, heldout: bool, work: Path) -> tuple:
    rng = random.Random(f"piatable-furniture68-{name}")
    fonts, sizes, paddings, borders, widths = HELDOUT_CSS if heldout else TUNING_CSS
    n = rng.choice((16, 20))
    first = rng.randrange(max(min(len(table) - n, 6), 0) + 1)
    c = office.plain_case(name, table[first : first + n], "writer", heldout, rng.choice(("slash", "wareki")))
    rows, runs = _plan(c.rows, "mx", rng)
    look = {
        "font": rng.choice(fonts),
        "size": rng.choice(sizes),
        "padding": rng.choice(paddings),
        "border": rng.choice(borders),
        "widths": rng.choice(widths),
        "valign": rng.choice(("top", "middle")),
        "date_valign": "top",
        "timing_valign": rng.choice(("top", "middle")),
        "lists": False,
        "break": rng.choice(("auto", "avoid")),
    }
    footer = FOOTERS[heldout][min(k // 4, 2)]
    align = rng.choice(("right", "center", "left"))
    css = f"tfoot td {{ border: none; text-align: {align}; font-size: {rng.choice((7, 8, 9))}pt; }}"
    page = _html(rows, runs, look).replace("</style>", css + "\n</style>", 1)
    page = page.replace("</tbody>", f'</tbody><tfoot><tr><td colspan="6">{footer}</td></tr></tfoot>', 1)
    pdf = work / f"{name}.pdf"
    _print_page(page, pdf, ("file", ("home", "user"), f"{name}.html"), False, work)
    expected = _expected(pdf, rows)
    entry = {
        "program": "Chromium --headless --print-to-pdf --no-pdf-header-footer (.html, tfoot)",
        **look,
        "footer": footer,
        "footer_align": align,
    }
    return name, pdf, expected, entry


def _office_case(name: str, kind: str, table: list[dict], k: int, heldout: bool) -> office.Case:
    rng = random.Random(f"piatable-furniture68-{name}")
    n = rng.choice((12, 14, 16))
    first = rng.randrange(max(min(len(table) - n, 6), 0) + 1)
    maker = "calc" if kind == "blank" else "writer"
    c = office.plain_case(name, table[first : first + n], maker, heldout)
    if kind == "blank":
        return replace(c, blank_row=rng.choice(BLANKS[heldout]))
    if kind == "two":
        heading = rng.choice(HEADINGS[heldout])
        return replace(
            c,
            split_after=rng.randint(5, max(5, len(c.rows) - 5)),
            split_heading=f"{heading}（別添３）変更箇所",
            split_labels=True,
            repeat_header=True,
            fallback_glyphs="○□",
        )
    return c


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts, truth and ``cases.json``."""
    heldout = SETS[name]
    root = office.SAMPLES / name
    tables = office._four_tables(heldout)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made, office_cases, marks = [], [], {}
        for k, kind in enumerate(KINDS[heldout]):
            tname, _ = tables[k % len(tables)]
            case_name = f"{'h' if heldout else ''}fu68-{kind}-{tname}-v{k + 1}"
            table = [
                r
                for j in range(len(tables))
                for r in office._printable(office.load_table(tables[(k + j) % len(tables)][1]))
            ]
            if kind == "tfoot":
                made.append(_chromium_case(case_name, table, k, heldout, work))
            else:
                office_cases.append(_office_case(case_name, kind, table, k, heldout))
                if kind == "wm":
                    marks[case_name] = WORDS[heldout][k % len(WORDS[heldout])]
        rendered = office.render(office_cases, work)
        for case in office_cases:
            src, pdf, expected = rendered[case.name]
            entry = office.settings_of(case) | {"rows": len(expected)}
            if case.name in marks:
                ods = work / "ods" / f"{src.stem}.ods"
                pdf = work / f"{case.name}-wm.pdf"
                lo_watermark(ods if ods.exists() else src, pdf, marks[case.name], case.maker)
                entry["watermark"] = marks[case.name]
            if case.blank_row:
                entry["blank_row"] = case.blank_row
            made.append((case.name, pdf, expected, entry))
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        for case_name, pdf, expected, entry in sorted(made, key=lambda m: m[0]):
            office.write_pdf_and_texts(root, case_name, pdf, expected, TEXTS)
            entry["rows"] = len(expected)
            entry["pages"] = max(r["page_end"] for r in expected)
            manifest[case_name] = entry
            print(f"{name}/{case_name}: {len(expected)} rows, {entry['pages']} pages", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-furniture68": "# office-furniture68 (tuning)\n\nPage text round amendment tables: a"
    " Chromium table footer 「（次頁へ続く）」 printed on every page (HTML `tfoot`), a Writer export"
    " with the watermark option, a Calc sheet closed by a ruled 「以下余白」 row, a Writer file of two"
    " tables (the second under its heading 【…評価書】（別添３）変更箇所); their PDFs and texts, made by"
    " `tools/make_furniture68_samples.py`.\n",
    "heldout-furniture68": "# heldout-furniture68 (held out)\n\nAs office-furniture68, from the held-out"
    " tables, footers, watermark words, closing marks and headings, made by"
    " `tools/make_furniture68_samples.py`. Measure on it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
