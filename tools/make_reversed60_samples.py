"""Tables whose columns run in another order (説明 first … 変更日 last, or 変更後 before 変更前),
and tables whose added rows print a mark (新規, 記載なし) as the before cell beside a long after
cell, with their flattened texts (issues 10 and 12, branch reversed60).

    python tools/make_reversed60_samples.py                            # both sets
    python tools/make_reversed60_samples.py --set office-reversed60    # or heldout-reversed60

Set XXI's t11 (Chromium, columns right to left) read in ``pdftotext -layout`` and PyMuPDF
``sort=True`` text swapped item-heading tails and cell tails between cells, five rows unwarned at
confidence 0.934; its t04 / t09 (row-ordered pypdfium2 / ``-raw`` text) read ``新規 住民基本台帳に…``
(the before cell's mark on the after cell's first line) whole into the after cell, unwarned.
Each case here is a run of consecutive rows of the set's pool, printed by headless Chromium (an
HTML table), LibreOffice Calc (an .xlsx typed by hand) or Writer (a .docx), in the column order
of its shape (``ORDERS``: ``rev`` right to left, ``swap`` 変更後 before 変更前, ``form`` the
form's), with ``MARKED`` of its rows (the longest after cells) turned into added rows whose
before cell is a mark of the set's list (``TUNING_MARKS`` / ``HELDOUT_MARKS``).  The truth
(``expected/records.json``) is the six fields as written.  ``office-reversed60`` (tuning) draws
from the tuning tables; ``heldout-reversed60`` (measure only, never tune on it) from the held-out
tables, with sizes and fonts of its own.  Each case keeps its PDF and the texts of ``TEXTS``
(pages joined by form feeds, or ``+nl``: by line ends, as users of the libraries join them).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows
from make_chromium54_samples import _expected as chromium_expected
from make_kindcol59_samples import REVERSED, _calc_pdf, _chromium_pdf
from make_office_samples import SetCase, build_made_set, build_named
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as OutsiderCase

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-reversed60": False, "heldout-reversed60": True}
TEXTS = (
    "pdftotext-layout",
    "pdftotext-raw",
    "pypdfium2",
    "pypdfium2+nl",
    "pypdf+nl",
    "pymupdf-sort+nl",
    "pymupdf+nl",
    "pdfplumber+nl",
    "pdfplumber-layout",
)
# Columns left to right, as indices of 変更日 / 項目 / 変更前 / 変更後 / 提出時期 / 説明.
ORDERS = {"rev": REVERSED, "swap": (0, 1, 3, 2, 4, 5), "form": (0, 1, 2, 3, 4, 5)}
CASES = (
    ("chromium", "rev"),
    ("chromium", "swap"),
    ("chromium", "form"),
    ("calc", "rev"),
    ("writer", "rev"),
    ("writer", "swap"),
)
ROWS = (5, 7)
# Rows of a case turned into added rows (their before cell a mark), the longest after cells.
MARKED = 2
TUNING_MARKS = ("新規", "記載なし")
HELDOUT_MARKS = ("新規", "記載なし", "なし")
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")


def _marked(rng: random.Random, rows: list[dict], heldout: bool) -> list[dict]:
    """``rows`` with the ``MARKED`` longest after cells' rows made added rows: the before cell a
    mark (the rest of the row as written)."""
    longest = sorted(range(len(rows)), key=lambda k: -len(rows[k]["after"]))[:MARKED]
    marks = HELDOUT_MARKS if heldout else TUNING_MARKS
    out = []
    for k, r in enumerate(rows):
        r = {f: v for f, v in r.items() if f not in ("change_kind", "item_id")}
        if k in longest and len(r["after"]) >= 20:
            r["before"] = rng.choice(marks)
        out.append(r)
    return out


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-reversed60-{name}")
    maker, shape = name.split("-")[1:3]
    return {
        "maker": maker,
        "shape": shape,
        "rows": _marked(rng, _rows(rng, heldout, ROWS), heldout),
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": rng.choice(("A3", "A4")),
        "lead": "",
        "kind_label": "",
        "kinds": (),
        "order": ORDERS[shape],
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }


def _writer_pdf(name: str, look: dict, work: Path) -> tuple[Path, list[dict], dict]:
    case = OutsiderCase(
        name=name,
        maker="writer",
        font=look["font"],
        size=look["size"],
        landscape=True,
        valign=look["valign"],
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=SHARES,
        slack_lines=1.0,
        pool="",
        rows=look["rows"],
        order=look["order"],
    )
    pdf, _ = print_case(case, work)
    settings = {"program": "LibreOffice Writer", **{k: v for k, v in look.items() if k != "rows"}}
    return pdf, chromium_expected(pdf, look["rows"]), settings


def _names(heldout: bool) -> list[str]:
    prefix = "hrv60" if heldout else "rv60"
    return [f"{prefix}-{maker}-{shape}" for maker, shape in CASES]


README = """# {name}: columns in another order, and added rows' marks beside long after cells (issues 10, 12)

Tables printed by headless Chromium (`*-chromium-*`, an HTML table), LibreOffice Calc
(`*-calc-*`, an .xlsx) and Writer (`*-writer-*`, a .docx) with their columns right to left
(`*-rev`: 説明 first … 変更日 last), 変更後 before 変更前 (`*-swap`) or in the form's order
(`*-form`), two rows of each (the longest after cells) made added rows whose before cell is a
mark (新規, 記載なし{extra}).  Each case is the PDF and its texts (`<case>-<extractor>`:
pdftotext -layout / -raw, pypdfium2 (form feeds and `+nl`), pypdf `+nl`, PyMuPDF `sort=True`
`+nl` and plain `+nl`, pdfplumber `+nl` and `layout=True`); truth in `expected/records.json`,
settings per case in `cases.json`.

`samples/office-reversed60` (tuning) draws from the tuning tables; `samples/heldout-reversed60`
(held out: measure on it, never tune on it) from the held-out tables, with sizes and fonts of its
own.

    python tools/make_reversed60_samples.py
    python tools/eval_office.py samples/office-reversed60 samples/heldout-reversed60 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    makers = {"calc": _calc_pdf, "chromium": _chromium_pdf, "writer": _writer_pdf}
    for name in _names(heldout):
        look = _look(name, heldout)
        yield name, *makers[look["maker"]](name, look, work)


def build(root: Path, heldout: bool) -> None:
    extra = ", なし" if heldout else ""
    build_made_set(
        root, lambda work: _cases(work, heldout), TEXTS, README.format(name=root.name, extra=extra)
    )


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
