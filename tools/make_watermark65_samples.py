"""Amendment tables with a short watermark word printed once per page over the table, and the
texts other extractors give of them (session 65's new user, branch watermark65).

    python tools/make_watermark65_samples.py                             # both sets
    python tools/make_watermark65_samples.py --set office-watermark65    # or heldout-watermark65

A new user's tables carried 「案」 (or 「DRAFT」, 「社外秘」, 「複製禁止」, 「写」) in large light-grey
letters, often turned 45°, once per page over the table: made by Chromium from HTML with a CSS
watermark (a ``position: fixed`` block, which Chromium prints on every page) or by LibreOffice's
PDF export option ``Watermark``.  The text-layer reader leaves such glyphs out by their size
(extract/watermark_glyphs.py); the flattened texts carry the word on a line of its own or glued
to a cell's line.  Each set holds:

- ``wm65-chrome-<table>`` (two tables): Chromium ``--print-to-pdf`` of an HTML table (the look of
  tools/make_chromium54_samples.py, every 変更日 printed) with a watermark ``<div>`` laid before
  or after the table in the page's order, turned ``ANGLES`` at ``SIZES`` pt in a light grey;
- ``wm65-calc-<table>`` / ``wm65-writer-<table>``: a Calc / Writer table
  (``make_office_samples.plain_case``) exported by LibreOffice with its option ``Watermark``.

Words, sizes, angles and places are drawn by an RNG seeded with the case's name; the held-out
set prints the held-out tables with other words and sizes.  Beside each PDF, the texts of
``TEXTS`` (pypdfium2, pdftotext -raw / -layout / plain, pdfminer, pdfplumber, PyMuPDF).  The
truth of every case is the table's (the watermark is no cell's text).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_chromium54_samples import (
    DATE_STYLES,
    HELDOUT_CSS,
    PDF_MAX_BYTES,
    TUNING_CSS,
    _expected,
    _html,
    _print,
)
from make_pdfs import EXTRACTORS, extract_text
from make_watermark56_samples import lo_watermark

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-watermark65": False, "heldout-watermark65": True}
TEXTS = (*EXTRACTORS, "pdfplumber", "pymupdf")
WORDS = {False: ("案", "社外秘", "DRAFT"), True: ("写", "複製禁止", "案")}
SIZES = {False: (120, 160), True: (100, 140, 180)}
ANGLES = (-45, -30, 0)
GREYS = ("#cccccc", "#d9d9d9", "rgba(0,0,0,0.15)")
ROWS = (12, 15)


def _watermark_css(look: dict) -> str:
    return (
        ".wm { position: fixed; top: 35%; left: 0; width: 100%; text-align: center; "
        f"font-size: {look['wm_size']}pt; color: {look['wm_grey']}; "
        f"transform: rotate({look['wm_angle']}deg); z-index: {1 if look['wm_after'] else -1}; }}\n"
    )


def chrome_html(rows: list[dict], look: dict) -> str:
    """The table page of make_chromium54_samples (each row its own date) with the watermark
    ``<div>`` before or after the table in the page's order."""
    runs = [(i, i + 1, "rs", False) for i in range(len(rows))]
    page = _html(rows, runs, look)
    page = page.replace("</style>", _watermark_css(look) + "</style>", 1)
    div = f'<div class="wm">{look["wm_word"]}</div>'
    if look["wm_after"]:
        return page.replace("</body>", div + "</body>", 1)
    return page.replace("<body>", "<body>" + div, 1)


def _chrome_cases(heldout: bool) -> list[tuple[str, list[dict], dict]]:
    fonts, sizes, paddings, borders, widths = HELDOUT_CSS if heldout else TUNING_CSS
    out = []
    for table, path in mos._four_tables(heldout)[:2]:
        name = f"{'h' if heldout else ''}wm65-chrome-{table}"
        rng = random.Random(f"piatable-watermark65-{name}")
        pool = mos._printable(mos.load_table(path))
        n = rng.choice(ROWS)
        first = rng.randrange(max(len(pool) - n, 0) + 1)
        c = mos.plain_case(name, pool[first : first + n], "writer", heldout, rng.choice(DATE_STYLES))
        look = {
            "font": rng.choice(fonts),
            "size": rng.choice(sizes),
            "padding": rng.choice(paddings),
            "border": rng.choice(borders),
            "widths": rng.choice(widths),
            "valign": "top",
            "date_valign": "top",
            "timing_valign": "top",
            "lists": False,
            "break": "auto",
            "wm_word": rng.choice(WORDS[heldout]),
            "wm_size": rng.choice(SIZES[heldout]),
            "wm_angle": rng.choice(ANGLES),
            "wm_grey": rng.choice(GREYS),
            "wm_after": rng.random() < 0.5,
        }
        out.append((name, c.rows, look))
    return out


def _office_cases(heldout: bool) -> list[mos.Case]:
    tables = mos._four_tables(heldout)[2:]
    out = []
    for (table, path), maker in zip(tables, ("calc", "writer"), strict=True):
        name = f"{'h' if heldout else ''}wm65-{maker}-{table}"
        rng = random.Random(f"piatable-watermark65-{name}")
        pool = mos._printable(mos.load_table(path))
        n = rng.choice(ROWS) + 2
        first = rng.randrange(max(len(pool) - n, 0) + 1)
        out.append(mos.plain_case(name, pool[first : first + n], maker, heldout=heldout))
    return out


def _texts(root: Path, name: str, pdf: Path, expected: list[dict]) -> None:
    for tool in TEXTS:
        folder = root / f"{name}-{tool}"
        (folder / "expected").mkdir(parents=True)
        (folder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
        mos.write_json(folder / "expected" / "records.json", expected)


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest: dict = {}
    for name, rows, look in _chrome_cases(heldout):
        pdf = root / name / "input.pdf"
        _print(chrome_html(rows, look), pdf)
        if pdf.stat().st_size > PDF_MAX_BYTES:
            fonts = (HELDOUT_CSS if heldout else TUNING_CSS)[0]
            look["font"] = next(f for f in fonts if f != look["font"])
            _print(chrome_html(rows, look), pdf)
        expected = _expected(pdf, rows)
        mos.write_json(root / name / "expected" / "records.json", expected)
        _texts(root, name, pdf, expected)
        manifest[name] = {
            "program": "Chromium --headless --print-to-pdf (.html)",
            **look,
            "rows": len(expected),
        }
        print(f"{root.name}/{name}: {len(expected)} rows, {look['wm_word']}", file=sys.stderr)
    cases = _office_cases(heldout)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = mos.render(cases, work)
        for case in cases:
            src, _, expected = made[case.name]
            ods = work / "ods" / f"{src.stem}.ods"
            word = random.Random(f"piatable-watermark65-{case.name}-word").choice(WORDS[heldout])
            pdf = root / case.name / "input.pdf"
            pdf.parent.mkdir(parents=True)
            lo_watermark(ods if ods.exists() else src, pdf, word, case.maker)
            mos.write_json(root / case.name / "expected" / "records.json", expected)
            _texts(root, case.name, pdf, expected)
            manifest[case.name] = mos.settings_of(case) | {"watermark": word, "rows": len(expected)}
            print(f"{root.name}/{case.name}: {len(expected)} rows, {word}", file=sys.stderr)
    mos.write_manifest(root, manifest)
    held = " Held out: measure on it, never tune on it." if heldout else " Tuning set."
    (root / "README.md").write_text(
        f"# {root.name}\n\nTables with a watermark word printed once per page over them, and the texts of "
        f"{', '.join(TEXTS)} (tools/make_watermark65_samples.py).{held}\n",
        "utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    ns = mos.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        build(ROOT / "samples" / name, SETS[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
