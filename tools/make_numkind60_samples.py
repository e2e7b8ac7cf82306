"""Tables with a numbering column and a kind column before 変更日 (変更箇所No. + 区分), small
type, with the texts of the row-ordered extractors (issues 10 and 12, branch numkind60).

    python tools/make_numkind60_samples.py                          # both sets
    python tools/make_numkind60_samples.py --set office-numkind60   # or heldout-numkind60

Set XXI's t12 (Calc, A3 landscape 7 pt, ``変更箇所No. | 区分 | 変更日 | 項目 | …``) lost every
row in pypdfium2 and pdfplumber ``x_tolerance=1`` texts, and in PyMuPDF ``flags=0`` text (each
cell on a line of its own) the next row's number and kind were glued to the explanation, unwarned
at confidence 0.91.  Calc prints its one-line cells first (``1 追加 2024/4/1 新規 事前 …``) and
the numbering label, wrapped in its narrow column, among the wrapped cells after them.  Each case
here is a run of consecutive rows of the set's pool printed by LibreOffice Calc or Writer
(``make_outsider_tables.Case``, as ``make_kindcol59_samples`` prints them) in 7–10 pt, with a
numbering label and a kind label of the set's lists, and kind words of its list
(``make_kindcol59_samples._kinds``).  The truth is the six fields as written.  ``office-numkind60``
(tuning) draws from the tuning tables; ``heldout-numkind60`` (measure only, never tune on it) from
the held-out tables, with labels, words and sizes of its own.  Each case keeps its PDF and the
texts of ``TEXTS`` (pages joined by form feeds and by line ends, ``+nl``).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as pdf_expected
from make_kindcol59_samples import FIRST_KIND_SHARE
from make_office_samples import SetCase, made_sets_main
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as OfficeCase

SETS = {"office-numkind60": False, "heldout-numkind60": True}
TEXTS = (
    "pypdfium2",
    "pypdfium2+nl",
    "pypdf+nl",
    "pymupdf",
    "pymupdf+nl",
    "pymupdf-flags0",
    "pymupdf-flags0+nl",
    "pymupdf-sort+nl",
    "pdftotext-raw",
    "pdfplumber+nl",
    "pdfplumber-x1+nl",
)
# (maker, shape): ``numkind`` 5-8 rows, ``longkind`` 10-13 rows (a page break in small paper).
CASES = (("calc", "numkind"), ("calc", "longkind"), ("writer", "numkind"), ("calc", "smallkind"))
ROWS = (5, 8)
LONG_ROWS = (10, 13)
TUNING_SIZES = (7.0, 8.0, 9.0)
HELDOUT_SIZES = (7.5, 8.5, 10.0)
TUNING_LEADS = ("変更箇所No.", "番号", "No.")
HELDOUT_LEADS = ("変更箇所番号", "項番", "変更No.")
# Shapes whose numbering label is the set's first (long) one.
LONG_LABEL_SHAPES = ("longkind", "smallkind")
TUNING_KIND_LABELS = ("区分", "種別")
HELDOUT_KIND_LABELS = ("変更区分", "区分")
TUNING_KINDS = ("修正", "追加", "削除")
HELDOUT_KINDS = ("変更", "新規", "記載修正", "削除")
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")


def _kinds(rng: random.Random, n: int, heldout: bool) -> tuple[str, ...]:
    pool = HELDOUT_KINDS if heldout else TUNING_KINDS
    return tuple(pool[0] if rng.random() < FIRST_KIND_SHARE else rng.choice(pool[1:]) for _ in range(n))


def _case(name: str, maker: str, shape: str, heldout: bool) -> OfficeCase:
    rng = random.Random(f"piatable-numkind60-{name}")
    rows = _rows(rng, heldout, LONG_ROWS if shape == "longkind" else ROWS)
    sizes = HELDOUT_SIZES if heldout else TUNING_SIZES
    leads = HELDOUT_LEADS if heldout else TUNING_LEADS
    return OfficeCase(
        name=name,
        maker=maker,
        font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        size=sizes[0] if shape == "smallkind" else rng.choice(sizes),
        landscape=True,
        valign=rng.choice(("top", "center")),
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=SHARES,
        slack_lines=1.0,
        pool="",
        rows=rows,
        # The long label (wrapped in its narrow column: Calc prints it among the wrapped cells).
        lead_label=leads[0] if shape in LONG_LABEL_SHAPES else rng.choice(leads),
        lead_style="ascii",
        kind_label=rng.choice(HELDOUT_KIND_LABELS if heldout else TUNING_KIND_LABELS),
        kind_values=_kinds(rng, len(rows), heldout),
        paper="A3" if shape == "smallkind" else rng.choice(("A3", "A4")),
    )


README = """# {name}: 変更箇所No. + 区分 before 変更日, row-ordered texts (issues 10, 12; branch numkind60)

Tables with a numbering column (変更箇所No. / 番号 …) and a kind column (区分: 修正 / 追加 …)
before 変更日, 7–10 pt, printed by LibreOffice Calc (`*-calc-*`, `smallkind`: A3 in the set's
smallest size) and Writer (`*-writer-*`), with the texts of `TEXTS` in
tools/make_numkind60_samples.py (pypdfium2, pypdf, PyMuPDF default / `flags=0` / `sort=True`,
pdftotext -raw, pdfplumber default and `x_tolerance=1`; pages joined by form feeds, `+nl` line
ends).  The extra columns are no field: the truth (`expected/records.json`) is the six fields as
written.  `samples/office-numkind60` is tuning; `samples/heldout-numkind60` (held out: measure on
it, never tune on it) has tables, labels (変更箇所番号 / 項番 / 変更No., 変更区分 / 区分), kind
words (変更 / 新規 / 記載修正 / 削除) and sizes of its own.

    python tools/make_numkind60_samples.py
    python tools/eval_office.py samples/office-numkind60 samples/heldout-numkind60 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    prefix = "hn60" if heldout else "n60"
    for maker, shape in CASES:
        name = f"{prefix}-{maker}-{shape}"
        case = _case(name, maker, shape, heldout)
        pdf, missing = print_case(case, work)
        if missing:
            raise SystemExit(f"{name}: not printed whole")
        yield name, pdf, pdf_expected(pdf, case.rows), {k: v for k, v in asdict(case).items() if k != "rows"}


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
