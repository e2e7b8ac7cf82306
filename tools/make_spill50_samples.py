"""Calc tables whose two-pass text (``pdftotext -raw``, pypdfium2) spills one row's cells into
another's (issue 10, branch spill50: the kinds set XI showed), made by LibreOffice Calc.

    python tools/make_spill50_samples.py                        # both sets
    python tools/make_spill50_samples.py --set office-spill50   # or heldout-spill50

Three looks, each a run of consecutive rows of the set's pool (``make_office_samples._row_pool``)
drawn by an RNG seeded with the case's name:

* ``dates``: real date-valued 変更日 cells with a number format (``real_dates``, ``yyyy/m/d``:
  the 西暦 format prints ``###`` in the held-out fonts' narrow columns), and rows whose before /
  after cells are dates themselves (``date_cells.with_date_rows``: a 第三者点検 実施日 row),
  which Calc prints beside the row's date and timing in pass 1;
* ``noexpl``: the 説明 column empty on every row, in a larger font on a landscape page;
* ``mid``: the table opening mid-page, under a block of bordered label / value cells (the cover's
  cells of ``Case.cover``) and its heading cell 「（別添２）変更箇所」, its first rows' cells short
  enough to fit one line (printed beside their dates and timings in pass 1).

The ``dates`` and ``mid`` cases set their rows' heights (``fixed_heights``) instead of padding
cells with line breaks: a padded cell wraps, and Calc prints it with the wrapped cells (pass 2),
not beside its date.

``office-spill50`` (tuning) draws from the tuning tables' rows; ``heldout-spill50`` (measure
only, never tune on it) from the held-out tables' rows, in the held-out fonts and sizes.  Each
case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from date_cells import with_date_rows
from make_office_samples import SAMPLES, Case, _row_pool, plain_case, printed_rows, sets_main, widths_of

# Rows per case (a contiguous run of the pool), and date-valued rows put in the ``dates`` case.
ROWS_PER_CASE = (7, 10)
DATE_ROWS = 2
# The ``mid`` case's first rows: short one-line cells (before / after / explanation), as a
# table amending names of offices opens.
_DEPT = "Ⅰ基本情報\n７．評価実施機関における担当部署\n"
_ASK = "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n"
SHORT_ROWS = (
    (_DEPT + "①部署", "市民部市民課", "市民生活部市民窓口課", "組織改編に伴う変更"),
    (_DEPT + "②所属長の役職名", "市民課長", "市民窓口課長", "組織改編に伴う変更"),
)
HELDOUT_SHORT_ROWS = (
    (_ASK + "①請求先", "総務課", "総務部行政課", "組織改正による変更"),
    (_DEPT + "①部署", "税務課", "税務部市民税課", "機構改革に伴う修正"),
)
# The block of label / value cells above the ``mid`` case's table (a whole assessment's last
# body items before its amendment table).
BODY_TITLE = "Ⅰ基本情報（続き）"
BODY_CELLS = (
    ("７．評価実施機関における担当部署", "①部署 市民生活部市民窓口課\n②所属長の役職名 市民窓口課長"),
    ("８．他の評価実施機関", "該当なし"),
    ("９．規則第９条第２項の適用", "［ ］適用した"),
)


def _run(rng: random.Random, pool: list[dict]) -> list[dict]:
    count = rng.randint(*ROWS_PER_CASE)
    start = rng.randint(0, len(pool) - count)
    return [dict(r) for r in pool[start : start + count]]


def _short_rows(first: dict, heldout: bool) -> list[dict]:
    rows = HELDOUT_SHORT_ROWS if heldout else SHORT_ROWS
    keys = ("item", "before", "after", "explanation")
    return [
        {**dict(zip(keys, r, strict=True)), "change_date": first["change_date"], "timing": "事後"}
        for r in rows
    ]


def _cases(heldout: bool) -> list[Case]:
    prefix = "hs50" if heldout else "s50"
    pool = _row_pool(heldout)
    cases: list[Case] = []

    rng = random.Random(f"{prefix}-dates")
    rows = with_date_rows(rng, _run(rng, pool), DATE_ROWS, heldout)
    rows = [{**r, "change_date_raw": r.get("change_date_raw", "")} for r in rows]
    c = plain_case(f"{prefix}-calc-dates", rows, "calc", heldout, date_style="slash")
    # A date cell too narrow for its number prints ``###``: the widest 変更日 column of the set.
    widths = max(widths_of("calc", heldout), key=lambda w: w[0])
    cases.append(replace(c, real_dates=True, widths=widths, fixed_heights=True, merge=False))

    rng = random.Random(f"{prefix}-noexpl")
    rows = [{**r, "explanation": ""} for r in _run(rng, pool)]
    c = plain_case(f"{prefix}-calc-noexpl", rows, "calc", heldout)
    cases.append(replace(c, size=11.0, merge=False, real_dates=False))

    rng = random.Random(f"{prefix}-mid")
    run = _run(rng, pool)
    rows = [{**r, "change_date_raw": ""} for r in _short_rows(run[0], heldout)] + run
    c = plain_case(f"{prefix}-calc-mid", rows, "calc", heldout, date_style="slash")
    # The rows in their order (the short rows open the table), whatever order plain_case drew.
    rows = printed_rows(rows, "slash")
    cases.append(
        replace(
            c,
            rows=rows,
            cover_title=BODY_TITLE,
            cover=BODY_CELLS,
            merge=False,
            real_dates=False,
            fixed_heights=True,
        )
    )
    return cases


SETS = {
    "office-spill50": (SAMPLES / "office-spill50", lambda: _cases(False)),
    "heldout-spill50": (SAMPLES / "heldout-spill50", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
