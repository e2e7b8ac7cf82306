"""Tables that gave 0 rows with status success (issues 10 and 12, branch silent62): a pypdfium2 text
whose pages are joined by a blank line, a pdfminer text with no line ends at all, a 300 dpi scan of a
US-letter page, and dates wrapped inside a narrow 変更日 cell (``2024.4.`` / ``1``; ``令和6年`` /
``4月1日``).

    python tools/make_silent62_samples.py                          # both sets
    python tools/make_silent62_samples.py --set office-silent62    # or heldout-silent62

Session 61's unseen set (XXIII) held such inputs: 27 truth rows lost in silence (0 rows, exit 0, status
success), and a text-layer PDF whose narrow 変更日 column wrapped its dates read 0 of 7 rows right.
Each case here is a run of consecutive rows of the set's pool over one or two A4-landscape pages,
printed by LibreOffice Calc (an .xlsx typed by hand, ``make_outsider_tables.Case``) or Writer (a
.docx), with a 変更日 column narrow enough that its dates wrap (``DATE_SHARES``).  Beside the PDF:
the texts of ``TEXTS`` (``pypdfium2+nn``: ``get_text_range`` of each page joined by ``"\\n\\n"``;
``pdfminer-nolaparams``: ``extract_text_to_fp(..., laparams=None)``, the characters in stream order
with no line end; ``pdfminer+flat``: pdfminer's default text with its line ends removed;
``pdftotext-layout``) and, in ``samples/office-letter62`` (``heldout-letter62``),
``<case>-letter/input.png``: the first page rendered at 300 dpi by pdftoppm and drawn, scaled to
fit, on a US-letter portrait canvas (2550 × 3300 px, 300 dpi, 8 greys), as a scanner set to Letter
saves an A4-landscape print.  The truth (``expected/records.json``) is the
six fields as written; the letter scan's truth is the first page's rows.  ``office-silent62``
(tuning) draws from the tuning tables; ``heldout-silent62`` (measure only, never tune on it) from
the held-out tables, with widths, sizes and date styles of its own.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, build_made_set, build_named, write_json
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as OfficeCase

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-silent62": False, "heldout-silent62": True}
# Each set's letter scans: a set of their own (scan sets are measured apart from the PDF sets).
LETTER_SETS = {"office-silent62": "office-letter62", "heldout-silent62": "heldout-letter62"}
TEXTS = ("pypdfium2+nn", "pdfminer-nolaparams", "pdfminer+flat", "pdftotext-layout")
# (maker, date style): ``dot`` ``2024.4.1``, ``wareki`` ``令和6年4月1日``, ``slash`` ``2024/4/1``.
TUNING_CASES = (("calc", "dot"), ("writer", "wareki"), ("calc", "wareki"))
HELDOUT_CASES = (("writer", "dot"), ("calc", "slash"), ("writer", "seireki"))
# Share of the page's width the 変更日 column takes: narrow enough that the date wraps.
TUNING_DATE_SHARES = (0.040, 0.045)
HELDOUT_DATE_SHARES = (0.035, 0.050)
ROWS = (8, 12)
TUNING_SIZES = (10.0, 11.0)
HELDOUT_SIZES = (9.5, 10.5)
FONTS = ("IPAexGothic", "IPAexMincho")
# Draws of a case's rows and look until every cell is printed whole (Writer's rows that break
# over a page, or Calc's clipped cells, are drawn again).
DRAWS = 5
# The scan: dots per inch, the US-letter canvas in pixels at that resolution (portrait), and the
# grey levels kept (a scanner's 8-grey mode keeps the committed PNGs small).
LETTER_DPI = 300
LETTER_PX = (2550, 3300)
LETTER_GREYS = 8


def _date(iso: str, style: str) -> str:
    if style == "dot":
        y, m, d = (int(p) for p in iso.split("-"))
        return f"{y}.{m}.{d}"
    return render_date(iso, style)


def _case(name: str, heldout: bool, draw: int) -> OfficeCase:
    rng = random.Random(f"piatable-silent62-{name}-{draw}")
    _, maker, style = name.split("-")
    rows = _rows(rng, heldout, ROWS)
    for r in rows:
        r["change_date_raw"] = _date(r["change_date"], style)
    share = rng.choice(HELDOUT_DATE_SHARES if heldout else TUNING_DATE_SHARES)
    shares = (share, *(s * (1 - share) / sum(SHARES[1:]) for s in SHARES[1:]))
    return OfficeCase(
        name=name,
        maker=maker,
        font=rng.choice(FONTS),
        size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        landscape=True,
        valign="top",
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=shares,
        slack_lines=1.0,
        pool="",
        rows=rows,
        paper="A4",
    )


def letter_scan(pdf: Path, png: Path) -> None:
    """The PDF's first page rendered grey at ``LETTER_DPI`` by pdftoppm, scaled to fit the width of
    a US-letter portrait canvas (``LETTER_PX``) and drawn at its top, saved as a PNG of that dpi."""
    stem = png.with_name(png.stem + "-page")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(LETTER_DPI),
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    page = Image.open(stem.with_suffix(".png")).convert("L")
    width, height = LETTER_PX
    scale = min(width / page.width, height / page.height)
    page = page.resize((round(page.width * scale), round(page.height * scale)), Image.LANCZOS)
    canvas = Image.new("L", (width, height), 255)
    canvas.paste(page, ((width - page.width) // 2, 0))
    canvas = canvas.quantize(LETTER_GREYS, dither=Image.Dither.NONE)
    canvas.save(png, dpi=(LETTER_DPI, LETTER_DPI), optimize=True, bits=4)
    stem.with_suffix(".png").unlink()


def _names(heldout: bool) -> list[str]:
    prefix = "hs62" if heldout else "s62"
    return [f"{prefix}-{m}-{s}" for m, s in (HELDOUT_CASES if heldout else TUNING_CASES)]


README = """# {name}: inputs that gave 0 rows with status success (issues 10, 12; branch silent62)

Tables printed by LibreOffice Calc (`*-calc-*`, an .xlsx) and Writer (`*-writer-*`, a .docx) on
A4 landscape, with a 変更日 column narrow enough that its dates wrap (`2024.4.` / `1`, `令和6年` /
`4月1日`).  Each case is the PDF and 4 texts (`<case>-<extractor>`: `pypdfium2+nn`, each page's
`get_text_range()` joined by a blank line; `pdfminer-nolaparams`, `extract_text_to_fp(...,
laparams=None)`: no line ends at all; `pdfminer+flat`, pdfminer's text with its line ends removed;
`pdftotext-layout`), and `<case>-letter/input.png`: the first page at 300 dpi on a US-letter
portrait canvas (its truth: the rows printed on that page alone).  Settings per case in `cases.json`.

`samples/office-silent62` (tuning) draws from the tuning tables (dates `2024.4.1`, `令和6年4月1日`);
`samples/heldout-silent62` (held out: measure on it, never tune on it) from the held-out tables,
with date styles (`2024/4/1`, `2024年4月1日`), widths and sizes of its own.

    python tools/make_silent62_samples.py
    python tools/eval_office.py samples/office-silent62 samples/heldout-silent62 --total
"""


LETTER_README = """# {name}: the first page of each case of {pdfs} scanned onto US letter (branch silent62)

`<case>-letter/input.png`: the PDF's first page (A4 landscape) rendered grey at 300 dpi by pdftoppm,
scaled to fit the width of a US-letter portrait canvas (2550 × 3300 px) and drawn at its top, 8
greys (every held-out case; the tuning set's Calc cases); the truth is the rows printed on that page
alone.  {held}

    python tools/make_silent62_samples.py
    python tools/eval_office.py samples/office-letter62 samples/heldout-letter62 --total
"""


def _cases(letters: Path, work: Path, heldout: bool) -> Iterator[SetCase]:
    for name in _names(heldout):
        for draw in range(DRAWS):
            case = _case(name, heldout, draw)
            pdf, missing = print_case(case, work)
            try:
                # A Writer row that breaks over a page prints its cells in pieces (``missing``
                # then names them): the truth finds each cell across the pages, or raises.
                truth = chromium_expected(pdf, case.rows) if case.maker == "writer" or not missing else None
            except ValueError:
                truth = None
            if truth is not None:
                break
            print(f"{name}: {missing} not printed whole (draw {draw}), drawn again", file=sys.stderr)
        else:
            raise SystemExit(f"{name}: not printed whole in {DRAWS} draws")
        if heldout or case.maker == "calc":  # (the tuning Writer scan: 460 KB, over the budget)
            folder = letters / f"{name}-letter"
            (folder / "expected").mkdir(parents=True)
            letter_scan(pdf, folder / "input.png")
            write_json(folder / "expected" / "records.json", [r for r in truth if r["page_end"] == 1])
        settings = {k: v for k, v in asdict(case).items() if k not in ("rows", "shares")}
        yield name, pdf, truth, settings | {"date_share": round(case.shares[0], 3), "rows": len(truth)}


def build(root: Path, heldout: bool) -> None:
    """Write the set ``root`` (its PDFs and texts) and its letter scans' set (``LETTER_SETS``)."""
    letters = root.parent / LETTER_SETS[root.name]
    if letters.exists():
        shutil.rmtree(letters)
    letters.mkdir(parents=True)
    build_made_set(root, lambda work: _cases(letters, work, heldout), TEXTS, README.format(name=root.name))
    held = "Held out: measure on it, never tune on it." if heldout else "Tuning."
    readme = LETTER_README.format(name=letters.name, pdfs=root.name, held=held)
    (letters / "README.md").write_text(readme, "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
