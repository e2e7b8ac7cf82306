"""Tables whose 変更日 cells print two dates: the change date and a second one qualified by a label
or set in brackets (``令和5年4月1日`` / ``（公表日：令和5年3月15日）``, ``2023/4/1`` / ``公表 2023/3/15``),
with their flattened texts (issues 10 and 12, branch pubdate65).

    python tools/make_pubdate65_samples.py                         # both sets
    python tools/make_pubdate65_samples.py --set pubdate65         # or heldout-pubdate65

A new user's table of this kind (Chromium from HTML, grey cells, 7 pt) was read with the second
date as a row of its own (text-layer PDF: an extra row), as the row's 変更日 (pypdfium2,
``pdftotext -raw``: no flag), or with each row cut in two (``pdftotext -layout``, pdfplumber's
layout text).  Each case here is a run of consecutive rows of the set's pool, printed by
LibreOffice Calc (an .xlsx, the cell's lines typed with Alt+Enter), LibreOffice Writer (a .docx,
a paragraph per line) or headless Chromium (an HTML table with grey cells, ``<br>`` between the
cell's lines), its 変更日 cells in one style (``STYLES``) in a narrow or wide column
(``DATE_SHARES``).  The truth (``expected/records.json``) is the six fields as written: the
change date as its ISO day, the whole cell (both dates) as ``change_date_raw``.
``pubdate65`` (tuning) draws from the tuning tables with the labels and brackets of ``TUNING``;
``heldout-pubdate65`` (measure only, never tune on it) from the held-out tables, with labels,
brackets and separators of its own (``HELDOUT``).  Each case keeps its PDF and the texts of
``TEXTS`` (pages joined by form feeds; ``+nl``: by line ends).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows
from make_chromium54_samples import _expected as chromium_expected
from make_kindcol59_samples import _html
from make_office_samples import SetCase, made_sets_main
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as OfficeCase
from make_pdfs import chromium_binary, print_html

SETS = {"pubdate65": False, "heldout-pubdate65": True}
TEXTS = (
    "pdfplumber",
    "pdfplumber-layout",
    "pypdf",
    "pypdf-layout",
    "pypdfium2",
    "pypdfium2+nl",
    "pymupdf",
    "pdftotext",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdfminer",
)
# Styles of a 変更日 cell: D the change date, Q the qualified date, L its label, ( ) the brackets.
#   paren: D / (L：Q)      label: D / L Q      after: D / Q L      inline: D(L Q)
#   bare:  D / (Q)         first: (L：Q) / D   (the qualified date printed first)
STYLES = ("paren", "label", "after", "inline", "bare", "first")
TUNING_CASES = (
    ("calc", "paren", "wide"),
    ("calc", "label", "narrow"),
    ("calc", "first", "wide"),
    ("writer", "after", "wide"),
    ("writer", "inline", "narrow"),
    ("writer", "label", "wide"),
    ("chromium", "paren", "narrow"),
    ("chromium", "bare", "wide"),
)
HELDOUT_CASES = (
    ("calc", "after", "narrow"),
    ("calc", "bare", "wide"),
    ("calc", "inline", "wide"),
    ("writer", "paren", "narrow"),
    ("writer", "first", "wide"),
    ("chromium", "label", "narrow"),
    ("chromium", "inline", "wide"),
    ("chromium", "paren", "wide"),
)
# Labels, brackets (open, close) and label separators of each set.
TUNING = {"labels": ("公表日", "公表", "施行日"), "brackets": (("（", "）"), ("(", ")")), "seps": ("：", " ")}
HELDOUT = {
    "labels": ("実施日", "届出日", "決裁日", "公表", "適用日"),
    "brackets": (("【", "】"), ("［", "］"), ("〔", "〕")),
    "seps": (":", "：", ""),
}
# Share of the page's width the 変更日 column takes (the rest as ``SHARES``).
DATE_SHARES = {"narrow": 0.085, "wide": 0.14}
ROWS = (5, 8)
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
CHROMIUM_SIZES = (7.0, 8.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
DATE_HOWS = ("wareki", "seireki", "slash", "wareki_fw")
# Days between the change date and the qualified one (either way: published before or after).
SHIFT_DAYS = (7, 45)


def _qualified(rng: random.Random, iso: str) -> str:
    """The second date's ISO day: some days before or after the change date ``iso``."""
    days = rng.randint(*SHIFT_DAYS) * rng.choice((-1, 1))
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _date_cell(rng: random.Random, style: str, iso: str, how: str, words: dict) -> str:
    """One 変更日 cell of ``style`` (``STYLES``): the change date ``iso`` printed ``how``
    (flatten.render_date) and a qualified date, lines joined by ``\\n``."""
    d = render_date(iso, how)
    q = render_date(_qualified(rng, iso), how)
    label, sep = rng.choice(words["labels"]), rng.choice(words["seps"])
    o, c = rng.choice(words["brackets"])
    if style == "paren":
        return f"{d}\n{o}{label}{sep}{q}{c}"
    if style == "label":
        return f"{d}\n{label}{sep or ' '}{q}"
    if style == "after":
        return f"{d}\n{q}{label}"
    if style == "inline":
        return f"{d}{o}{label}{sep}{q}{c}"
    if style == "bare":
        return f"{d}\n{o}{q}{c}"
    if style == "first":
        return f"{o}{label}{sep}{q}{c}\n{d}"
    raise ValueError(f"unknown style {style!r}")


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-pubdate65-{name}")
    _, maker, style, width = name.split("-")
    rows = _rows(rng, heldout, ROWS)
    how = rng.choice(DATE_HOWS)
    words = HELDOUT if heldout else TUNING
    for r in rows:
        r["change_date_raw"] = _date_cell(rng, style, r["change_date"], how, words)
    share = DATE_SHARES[width]
    widths = rng.choice(CHROMIUM_WIDTHS)
    rest = sum(widths[1:])
    sizes = CHROMIUM_SIZES if maker == "chromium" else (HELDOUT_SIZES if heldout else TUNING_SIZES)
    return {
        "shape": f"{style}-{width}",
        "date_how": how,
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(sizes),
        "paper": rng.choice(("A3", "A4")),
        "lead": "",
        "kind_label": "",
        "kinds": (),
        "order": (0, 1, 2, 3, 4, 5),
        "valign": rng.choice(("top", "top", "center")),
        "widths": (share * 100, *(w * (100 - share * 100) / rest for w in widths[1:])),
        "shares": (share, *(s * (1 - share) / sum(SHARES[1:]) for s in SHARES[1:])),
    }


def _office_pdf(name: str, look: dict, work: Path) -> tuple[Path, list[dict], dict]:
    """The case printed by LibreOffice Calc (.xlsx) or Writer (.docx), by the maker in ``name``."""
    case = OfficeCase(
        name=name,
        maker="calc" if "-calc-" in name else "writer",
        font=look["font"],
        size=look["size"],
        landscape=True,
        valign=look["valign"],
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=look["shares"],
        slack_lines=1.0,
        pool="",
        rows=look["rows"],
        paper=look["paper"] if "-calc-" in name else "A4",  # Writer's page is A4 (write_docx)
    )
    pdf, missing = print_case(case, work)
    if missing:
        raise SystemExit(f"{name}: not printed whole: {missing[:3]}")
    settings = {k: v for k, v in asdict(case).items() if k != "rows"}
    return pdf, chromium_expected(pdf, look["rows"]), {**settings, "date_how": look["date_how"]}


def _chromium_pdf(name: str, look: dict, work: Path) -> tuple[Path, list[dict], dict]:
    """The case as an HTML table with grey body cells printed by headless Chromium."""
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    pdf = work / f"{name}.pdf"
    page = _html(look).replace("</style>", "td { background: #e6e6e6; }\n</style>")
    print_html(page, pdf, binary)
    settings = {k: v for k, v in look.items() if k != "rows"}
    return (
        pdf,
        chromium_expected(pdf, look["rows"]),
        {"program": "Chromium --headless --print-to-pdf", **settings},
    )


def _names(heldout: bool) -> list[str]:
    prefix = "hpd65" if heldout else "pd65"
    return [f"{prefix}-{m}-{s}-{w}" for m, s, w in (HELDOUT_CASES if heldout else TUNING_CASES)]


README = """# {name}: 変更日 cells printing a second, qualified date (issues 10, 12; branch pubdate65)

Each 変更日 cell prints the change date and a second date qualified by a label or set in
brackets: `令和5年4月1日` / `（公表日：令和5年3月15日）` (`*-paren-*`), `2023/4/1` / `公表 2023/3/15`
(`*-label-*`), `2023/4/1` / `2023/3/15公表` (`*-after-*`), `令和5年4月1日（公表日令和5年3月15日）`
on one line (`*-inline-*`, wrapped in a narrow column), `2023/4/1` / `(2023/3/15)` (`*-bare-*`), or the
qualified date first (`*-first-*`), in a narrow (`*-narrow`, 8.5 % of the width) or wide (`*-wide`,
14 %) 変更日 column, printed by LibreOffice Calc (`*-calc-*`: an .xlsx, Alt+Enter lines),
LibreOffice Writer (`*-writer-*`: a .docx) and headless Chromium (`*-chromium-*`: an HTML table,
grey cells, 7 or 8 pt).  The truth (`expected/records.json`) is the six fields as written: the
change date as its ISO day, the whole cell as `change_date_raw` (pages found in the PDF's text).
Each case is the PDF and 11 texts (`<case>-<extractor>`: pdfplumber plain and `layout=True`, pypdf
plain and layout, pypdfium2 (and `+nl`), PyMuPDF, pdftotext plain / -raw / -layout, pdfminer);
settings per case in `cases.json`.

`samples/pubdate65` (tuning) draws from the tuning tables, labels 公表日 / 公表 / 施行日 and
brackets （） / (); `samples/heldout-pubdate65` (held out: measure on it, never tune on it) from the
held-out tables, with labels (実施日, 届出日, 決裁日, 公表, 適用日), brackets (【】, ［］, 〔〕) and
separators of its own.

    python tools/make_pubdate65_samples.py
    python tools/eval_office.py samples/pubdate65 samples/heldout-pubdate65 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    for name in _names(heldout):
        make = _chromium_pdf if "-chromium-" in name else _office_pdf
        pdf, truth, settings = make(name, _look(name, heldout), work)
        yield name, pdf, truth, {k: v for k, v in settings.items() if k not in ("shares", "widths")}


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
