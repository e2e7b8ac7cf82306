"""Tables with short columns before 変更日 (番号 + 区分, or 区分 alone) and tables whose columns run
in reverse order (説明 first … 変更日 last), with their flattened texts (issue 10, branch numcols59).

    python tools/make_kindcol59_samples.py                          # both sets
    python tools/make_kindcol59_samples.py --set office-kindcol59   # or heldout-kindcol59

Set XX's t02 (Calc: ``番号 | 区分 | 変更日 | 項目 | …``, rows printed ``1 修正 2025/3/14 Ⅰ基本情報 …``)
lost every row in pdfplumber and pypdf texts; its t05 (Chromium, columns reversed) every row in
the same texts.  Each case here is a run of consecutive rows of the set's pool, printed

* by LibreOffice Calc (``make_outsider_tables.Case``: the .xlsx typed by hand, A3 or A4 landscape,
  fit to the page's width, the header row repeated), or
* by headless Chromium (an HTML table, ``@page`` A3 or A4 landscape),

in a font size of the set's, with the columns of its shape (``SHAPES``): ``numkind`` (a numbering
column and a kind column before the fields), ``kind`` (a kind column alone), ``longkind`` (both,
over ``LONG_ROWS`` rows), ``rev`` (the six fields right to left) and ``revnum`` (reversed, a
numbering column on the left).  A kind cell holds a word of the set's list (``TUNING_KINDS`` /
``HELDOUT_KINDS``, disjoint).  The truth (``expected/records.json``) is the six fields as written:
the extra columns are no field.  ``office-kindcol59`` (tuning) draws from the tuning tables,
labels and words; ``heldout-kindcol59`` (measure only, never tune on it) from the held-out
tables, with labels, words and sizes of its own.  Each case keeps its PDF and the texts of
``TEXTS`` (with the pages joined by form feeds, line ends ``+nl`` and nothing ``+j0``).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows, table_html
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, made_sets_main
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as CalcCase
from make_pdfs import LABELS, chromium_binary, print_html

SETS = {"office-kindcol59": False, "heldout-kindcol59": True}
TEXTS = (
    "pdfplumber",
    "pdfplumber+nl",
    "pdfplumber-layout",
    "pypdf",
    "pypdf+nl",
    "pypdf+j0",
    "pypdfium2",
    "pypdfium2+nl",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdftotext",
    "pdfminer",
)
SHAPES = {
    "calc": ("numkind", "kind", "longkind", "rev"),
    "chromium": ("numkind", "kind", "rev", "revnum"),
}
# The shapes with a numbering column.
NUMBERED = ("numkind", "longkind", "revnum")
ROWS = (5, 8)
LONG_ROWS = (10, 13)
# The six fields right to left (説明 first, 変更日 last), as indices of the six.
REVERSED = (5, 4, 3, 2, 1, 0)
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_LEADS = ("番号", "No.")
HELDOUT_LEADS = ("通番", "No")
TUNING_KIND_LABELS = ("区分", "種別")
HELDOUT_KIND_LABELS = ("変更区分", "種類")
# Kind words, the first the most common.
TUNING_KINDS = ("修正", "追加", "削除")
HELDOUT_KINDS = ("変更", "新規", "記載修正", "廃止")
FIRST_KIND_SHARE = 0.6
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
KIND_PCT, LEAD_PCT = 5, 4


def _kinds(rng: random.Random, n: int, heldout: bool) -> tuple[str, ...]:
    pool = HELDOUT_KINDS if heldout else TUNING_KINDS
    return tuple(pool[0] if rng.random() < FIRST_KIND_SHARE else rng.choice(pool[1:]) for _ in range(n))


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-kindcol59-{name}")
    shape = name.split("-")[2]
    rows = _rows(rng, heldout, LONG_ROWS if shape == "longkind" else ROWS)
    kinded = "kind" in shape
    return {
        "shape": shape,
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": rng.choice(("A3", "A4")),
        "lead": rng.choice(HELDOUT_LEADS if heldout else TUNING_LEADS) if shape in NUMBERED else "",
        "kind_label": rng.choice(HELDOUT_KIND_LABELS if heldout else TUNING_KIND_LABELS) if kinded else "",
        "kinds": _kinds(rng, len(rows), heldout) if kinded else (),
        "order": REVERSED if shape.startswith("rev") else (0, 1, 2, 3, 4, 5),
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
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
        shares=SHARES,
        slack_lines=1.0,
        pool="",
        rows=look["rows"],
        order=look["order"],
        lead_label=look["lead"],
        lead_style="ascii",
        kind_label=look["kind_label"],
        kind_values=look["kinds"],
        paper=look["paper"],
    )
    pdf, missing = print_case(case, work)
    if missing:
        raise SystemExit(f"{name}: not printed whole")
    return pdf, chromium_expected(pdf, look["rows"]), {k: v for k, v in asdict(case).items() if k != "rows"}


def _html(look: dict) -> str:
    order = look["order"]
    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    lead = [look["lead"]] if look["lead"] else []
    kind = [look["kind_label"]] if look["kind_label"] else []
    labels = lead + kind + [LABELS[k] for k in order]
    extra = (LEAD_PCT if lead else 0) + (KIND_PCT if kind else 0)
    widths = [look["widths"][k] * (100 - extra) / 100 for k in order]
    widths = ([LEAD_PCT] if lead else []) + ([KIND_PCT] if kind else []) + widths
    rows = []
    for i, r in enumerate(look["rows"]):
        cells = ([str(i + 1)] if lead else []) + ([look["kinds"][i]] if kind else [])
        rows.append(cells + [r[fields[k]] for k in order])
    return table_html(look, labels, widths, rows)


def _chromium_pdf(name: str, look: dict, work: Path) -> tuple[Path, list[dict], dict]:
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    pdf = work / f"{name}.pdf"
    print_html(_html(look), pdf, binary)
    settings = {k: v for k, v in look.items() if k != "rows"}
    settings = {"program": "Chromium --headless --print-to-pdf", **settings}
    return pdf, chromium_expected(pdf, look["rows"]), settings


def _names(heldout: bool) -> list[str]:
    prefix = "hk59" if heldout else "k59"
    return [f"{prefix}-{maker}-{shape}" for maker, shapes in SHAPES.items() for shape in shapes]


README = """# {name}: short columns before 変更日, and columns in reverse order (issue 10, branch numcols59)

Tables with a numbering column and a kind column (番号 + 区分: 修正 / 追加 …) before 変更日
(`*-numkind`, `*-longkind` over 10–13 rows), a kind column alone (`*-kind`), or the six fields
printed right to left (`*-rev`; `*-revnum` with a numbering column on the left), printed by
LibreOffice Calc (`*-calc-*`: an .xlsx typed by hand, A3 or A4 landscape) and headless Chromium
(`*-chromium-*`: an HTML table).  The extra columns are no field: the truth
(`expected/records.json`) is the six fields as written (pages found in the PDF's text).  Each
case is the PDF and 12 texts (`<case>-<extractor>`: pdfplumber plain (pages joined by form feeds,
`+nl` line ends) and `layout=True`, pypdf plain (form feeds, `+nl`, `+j0` nothing between),
pypdfium2 (and `+nl`), pdftotext -raw / -layout / plain, pdfminer); settings per case in
`cases.json`.

`samples/office-kindcol59` (tuning) draws from the tuning tables, labels and kind words;
`samples/heldout-kindcol59` (held out: measure on it, never tune on it) from the held-out tables,
with labels (通番 / No, 変更区分 / 種類), kind words (変更 / 新規 / 記載修正 / 廃止) and sizes of
its own.

    python tools/make_kindcol59_samples.py
    python tools/eval_office.py samples/office-kindcol59 samples/heldout-kindcol59 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    for name in _names(heldout):
        make = _calc_pdf if "-calc-" in name else _chromium_pdf
        yield name, *make(name, _look(name, heldout), work)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
