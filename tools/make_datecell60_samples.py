"""Tables whose 変更日 cells print more than a date: an edition or number line above it (``第４版`` /
``2022年4月1日付``, ``No.3``, ``第2回``) or a weekday after it (``令和5年6月1日（木）``), in narrow and
wide 変更日 columns, with their flattened texts (issues 10 and 12, branch datecell60).

    python tools/make_datecell60_samples.py                           # both sets
    python tools/make_datecell60_samples.py --set office-datecell60   # or heldout-datecell60

Set XXI's t07 (Calc, ``第４版`` / ``2022年4月1日付`` in each date cell) lost every row of five
extractors' texts (each row's first lines read into the row above); its t13 (``令和５年６月１`` /
``日（木）`` wrapped in a narrow column) every row of plain, pdfminer, mutool and pypdf texts; and the
PDFs of both were warned ``column_guess`` on every (right) row.  Each case here is a run of
consecutive rows of the set's pool, printed by LibreOffice Calc (``make_outsider_tables.Case``: an
.xlsx typed by hand, the cell's lines typed with Alt+Enter) or headless Chromium (an HTML table,
``<br>`` between the cell's lines), with the 変更日 cells of its style (``STYLES``) and a narrow or
wide 変更日 column (``DATE_SHARES``).  The truth (``expected/records.json``) is the six fields as
written, the date as its ISO day.  ``office-datecell60`` (tuning) draws from the tuning tables and
prefixes; ``heldout-datecell60`` (measure only, never tune on it) from the held-out tables, with
prefixes and weekday forms of its own.  Each case keeps its PDF and the texts of ``TEXTS`` (pages
joined by form feeds, and ``+nl``: by line ends).
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
from make_kindcol59_samples import _chromium_pdf
from make_office_samples import SetCase, made_sets_main
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as CalcCase

SETS = {"office-datecell60": False, "heldout-datecell60": True}
TEXTS = (
    "pdfplumber",
    "pdfplumber+nl",
    "pdfplumber-layout",
    "pypdf",
    "pypdf+nl",
    "pypdf-layout",
    "pypdfium2",
    "pypdfium2+nl",
    "pymupdf",
    "pymupdf+nl",
    "pdftotext",
    "pdftotext-layout",
    "pdfminer",
    "mutool",
)
# Cases: (maker, style, column width).  ``ban``: an edition line above the date and 付 after it;
# ``num``: a number line above the date; ``wday``: a weekday after the date; ``tsuke``: 付 alone.
TUNING_CASES = (
    ("calc", "ban", "narrow"),
    ("calc", "wday", "narrow"),
    ("calc", "num", "wide"),
    ("chromium", "ban", "wide"),
    ("chromium", "wday", "narrow"),
    ("chromium", "num", "narrow"),
)
HELDOUT_CASES = (
    ("calc", "ban", "wide"),
    ("calc", "wday", "narrow"),
    ("calc", "num", "narrow"),
    ("chromium", "ban", "narrow"),
    ("chromium", "wday", "wide"),
    ("chromium", "tsuke", "narrow"),
)
# Share of the page's width the 変更日 column takes (the rest as ``SHARES``).
DATE_SHARES = {"narrow": 0.075, "wide": 0.13}
ROWS = (5, 8)
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
WEEKDAYS = "月火水木金土日"
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _edition(rng: random.Random, k: int, n: int, heldout: bool) -> str:
    """The line printed above a row's date: an edition (版) or a number, counting down the table."""
    v = n - k + rng.choice((1, 2))
    if heldout:
        return rng.choice((f"第{v}版".translate(FULL), f"改訂{v}", f"第{v}次"))
    return rng.choice((f"第{v}版".translate(FULL), f"第{v}版"))


def _number(rng: random.Random, k: int, heldout: bool) -> str:
    if heldout:
        return rng.choice((f"第{k + 1}回", f"No {k + 1}", f"Ver.{k + 1}.0"))
    return rng.choice((f"No.{k + 1}", f"第{k + 1}回"))


def _weekday(iso: str, heldout: bool, rng: random.Random) -> str:
    w = WEEKDAYS[dt.date.fromisoformat(iso).weekday()]
    if heldout:
        return rng.choice((f"({w})", f"（{w}曜日）"))
    return f"（{w}）"


def _date_cell(rng: random.Random, style: str, r: dict, k: int, n: int, heldout: bool, how: str) -> str:
    date = render_date(r["change_date"], how)
    if style == "ban":
        return f"{_edition(rng, k, n, heldout)}\n{date}付"
    if style == "num":
        return f"{_number(rng, k, heldout)}\n{date}"
    if style == "wday":
        return date + _weekday(r["change_date"], heldout, rng)
    return f"{date}付"


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-datecell60-{name}")
    _, _maker, style, width = name.split("-")
    rows = _rows(rng, heldout, ROWS)
    styles = ("wareki", "seireki", "wareki_fw") if style != "num" else ("slash", "seireki")
    how = rng.choice(styles)
    for k, r in enumerate(rows):
        r["change_date_raw"] = _date_cell(rng, style, r, k, len(rows), heldout, how)
    share = DATE_SHARES[width]
    widths = rng.choice(CHROMIUM_WIDTHS)
    rest = sum(widths[1:])
    return {
        "shape": f"{style}-{width}",
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": rng.choice(("A3", "A4")),
        "lead": "",
        "kind_label": "",
        "kinds": (),
        "order": (0, 1, 2, 3, 4, 5),
        "valign": rng.choice(("top", "top", "center")),
        "widths": (share * 100, *(w * (100 - share * 100) / rest for w in widths[1:])),
        "shares": (share, *(s * (1 - share) / sum(SHARES[1:]) for s in SHARES[1:])),
    }


def _calc_pdf(name: str, look: dict, work: Path) -> tuple[Path, list[dict], dict]:
    case = CalcCase(
        name=name,
        maker="calc",
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
        paper=look["paper"],
    )
    pdf, missing = print_case(case, work)
    if missing:
        raise SystemExit(f"{name}: not printed whole")
    return pdf, chromium_expected(pdf, look["rows"]), {k: v for k, v in asdict(case).items() if k != "rows"}


def _names(heldout: bool) -> list[str]:
    prefix = "hd60" if heldout else "d60"
    return [f"{prefix}-{m}-{s}-{w}" for m, s, w in (HELDOUT_CASES if heldout else TUNING_CASES)]


README = """# {name}: 変更日 cells that print more than a date (issues 10, 12; branch datecell60)

Each 変更日 cell prints an edition line above its date and 付 after it (`*-ban-*`: `第４版` /
`2022年4月1日付`), a number line above it (`*-num-*`: `No.3`, `第2回`), a weekday after it
(`*-wday-*`: `令和5年6月1日（木）`) or 付 alone (`*-tsuke-*`), in a narrow (`*-narrow`, 7.5 % of the
width: the date wraps) or wide (`*-wide`, 13 %) column, printed by LibreOffice Calc (`*-calc-*`: an
.xlsx typed by hand, Alt+Enter lines) and headless Chromium (`*-chromium-*`: an HTML table).  The
truth (`expected/records.json`) is the six fields as written, the date as its ISO day (pages found
in the PDF's text).  Each case is the PDF and 14 texts (`<case>-<extractor>`: pdfplumber plain and
`layout=True`, pypdf plain and layout, pypdfium2, PyMuPDF, pdftotext plain / -layout, pdfminer,
mutool; `+nl`: pages joined by line ends, not form feeds); settings per case in `cases.json`.

`samples/office-datecell60` (tuning) draws from the tuning tables (prefixes 第N版, No.N, 第N回;
weekdays `（木）`); `samples/heldout-datecell60` (held out: measure on it, never tune on it) from the
held-out tables, with prefixes (改訂N, 第N次, No N, Ver.N.0) and weekdays (`(木)`, `（木曜日）`) of
its own.

    python tools/make_datecell60_samples.py
    python tools/eval_office.py samples/office-datecell60 samples/heldout-datecell60 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    for name in _names(heldout):
        make = _calc_pdf if "-calc-" in name else _chromium_pdf
        pdf, truth, settings = make(name, _look(name, heldout), work)
        yield name, pdf, truth, {k: v for k, v in settings.items() if k not in ("shares", "widths")}


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
