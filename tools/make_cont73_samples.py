"""Calc sheets whose records go on in the next sheet row, in column orders the form never
prints (変更後 before 変更前, 提出時期 before 項目), with numbering and remarks columns (branch
cont73, set XXXIV w04).

    python tools/make_cont73_samples.py                         # both sets
    python tools/make_cont73_samples.py --set office-cont73     # or heldout-cont73

Set XXXIV's w04 (Calc, No.｜変更日｜提出時期｜項目｜変更後｜変更前｜説明｜備考) printed the last line of
every third record's 項目 and 変更後 in a next sheet row without No., date nor timing; its
``-layout`` text set the wide 変更後 cells' last characters one character before the 変更前
column, so that no gap parted the two columns and a short 変更前 (``なし``) was read into the
変更後 beside it.  The sheets are ``make_sheet72_samples``' ``cont`` tables (its writer, truth and
texts) drawn with this set's own column orders and names; ``office-cont73`` (tuning) and
``heldout-cont73`` (measure only, never tune on it) draw from their own pools.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
import make_sheet72_samples as sheet72

SETS = {"office-cont73": False, "heldout-cont73": True}
TUNING_ORDERS = (
    ("date", "timing", "item", "after", "before", "explanation"),
    ("timing", "date", "item", "after", "before", "explanation"),
    ("item", "date", "after", "before", "timing", "explanation"),
    ("date", "item", "after", "before", "timing", "explanation"),
)
HELDOUT_ORDERS = (
    ("date", "timing", "item", "after", "before", "explanation"),
    ("item", "timing", "date", "after", "before", "explanation"),
    ("date", "item", "after", "before", "explanation", "timing"),
)
TUNING_PLAN = 8
HELDOUT_PLAN = 6


def _look(name: str, heldout: bool) -> dict:
    """``make_sheet72_samples``' ``cont`` look with an order of this set's pools."""
    look = sheet72._look(name, "cont", heldout)
    rng = random.Random(f"piatable-cont73-{name}")
    look["order"] = rng.choice(HELDOUT_ORDERS if heldout else TUNING_ORDERS)
    return look


def _cases(work: Path, heldout: bool):  # type: ignore[no-untyped-def]
    tag = "hct73" if heldout else "ct73"
    n = HELDOUT_PLAN if heldout else TUNING_PLAN
    looks = {f"{tag}-cont-{k + 1}": _look(f"{tag}-cont-{k + 1}", heldout) for k in range(n)}
    sources = []
    for name, look in looks.items():
        src = work / f"{name}.xlsx"
        sheet72._write_xlsx(src, look)
        sources.append(src)
    office.convert(sources, work, direct=frozenset(sources))
    for name, look in looks.items():
        pdf = work / f"{name}.pdf"
        expected = sheet72._expected(pdf, name, look, heldout)
        entry = {
            "kind": "cont",
            "rows": len(expected),
            "pages": max(r["page_end"] for r in expected),
            "font": look["font"],
            "size": look["size"],
            "order": list(look["order"]),
            "lead": look["lead"],
            "tail": look["tail"],
            "continued": {str(i): sorted(p) for i, p in look["splits"].items()},
        }
        yield name, pdf, expected, entry


README = """# {name}: records over two sheet rows, 変更後 before 変更前 (branch cont73)

LibreOffice Calc pages made by `tools/make_cont73_samples.py` from `make_sheet72_samples`' `cont`
tables in column orders with 変更後 left of 変更前 (提出時期 beside the date, before 項目 or last;
a No. column first and a 備考 column last or not); about a third of the records go on in the
next sheet row with the last lines of their 項目 (and of a two-paragraph 説明, now and then of
変更前 / 変更後), that row printing no number, date nor timing (set XXXIV w04).  The truth
(`expected/records.json`) is the six fields as written.  Texts: pypdfium2, `pdftotext -raw`,
pypdf, PyMuPDF, `pdftotext -layout`, pdfplumber and pypdf layouts.  `samples/office-cont73`
(tuning), `samples/heldout-cont73` (held out: measure on it, never tune on it).
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return office.made_sets_main(argv, __doc__, SETS, _cases, sheet72.TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
