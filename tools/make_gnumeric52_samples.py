"""Tables printed by Gnumeric (``ssconvert`` from the .xlsx; issues 10 / 11 / 12, branch gnumeric52):
a cell line holding a full-width space (``○○市総務部行政経営課　情報公開係``) that ``pdftotext
-layout`` printed as a gutter-wide gap, the piece after it read as the next column's (set XIII
t10, FAULTS kind 3, silent); a caption ``※…`` right above the label row, which the PDF reader
counted as words it could not place and ``-raw`` / pypdfium2 as a line in no record (kind 9).

    python tools/make_gnumeric52_samples.py                           # both sets
    python tools/make_gnumeric52_samples.py --set office-gnumeric52    # or heldout-gnumeric52

Each case: a run of ``ROWS`` rows of a pool's (``make_boxes42_samples._pool``) in a look
``make_office_samples.plain_case`` draws, printed by Gnumeric (``Case.program``) in a font and
size of the set's (``TUNING_LOOKS`` / ``HELDOUT_LOOKS``), with a caption under the title, a
date column narrow enough to wrap a long date in half the cases, a 提出時期 column that wraps
its label in the other half, and a line ``<部署>　<係>`` (a full-width space inside) added to the
after cell of ``SPACED_ROWS`` rows (and to the before cell of one of them).  ``office-gnumeric52``
(tuning) draws from the tuning tables' rows and ``TUNING_UNITS``; ``heldout-gnumeric52`` (measure
only, never tune on it) from the held-out tables' rows and ``HELDOUT_UNITS``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

# (font, size in pt) a case draws from.
TUNING_LOOKS = (("IPAexGothic", 11.0), ("IPAexGothic", 9.0), ("IPAexGothic", 10.0), ("Noto Sans CJK JP", 9.0))
HELDOUT_LOOKS = (("TakaoGothic", 10.0), ("TakaoGothic", 11.0), ("Noto Sans CJK JP", 9.0))
# Office names whose two parts a full-width space parts, added as a paragraph of a cell.
TUNING_UNITS = (
    "○○市総務部行政経営課　情報公開係",
    "市民生活部市民課　住民記録担当",
    "健康福祉部保険年金課　国民健康保険係",
    "○○市財務部税務課　市民税第一係",
)
HELDOUT_UNITS = (
    "△△町企画財政課　情報政策グループ",
    "こども未来部子育て支援課　手当給付係",
    "福祉保健部介護保険課　認定審査担当",
)
CAPTIONS = (
    "※提出時期は、特定個人情報保護評価に関する規則第１１条に基づく。",
    "※変更箇所は、評価書の記載に対応する。",
)
ROWS = (5, 6)
SPACED_ROWS = 2
# Calc width units: a date column this narrow wraps 令和5年10月1日; a 提出時期 column this narrow
# wraps its label (``提`` / ``出`` …).
NARROW_DATE = 8
NARROW_TIMING = 4
TUNING_CASES = 6
# The tuning case (0-based) printed in 11 pt with wide text columns (Calc width units), where a
# wrapped unit line's piece after the full-width space lands near the next column (set XIII t10's
# widths).
WIDE_TEXT_CASE = 4
WIDE_TEXT_WIDTHS = (9, 22, 35, 35, 5, 20)
WIDE_TEXT_LOOK = ("Noto Sans CJK JP", 11.0)
HELDOUT_CASES = 3


def _with_units(rows: list[dict], units: tuple[str, ...], rng: random.Random) -> list[dict]:
    """The rows with a unit line added as the last paragraph of the after cell of
    ``SPACED_ROWS`` rows (not deletions: their after is empty), the first of them its before
    cell's too."""
    out = [dict(r) for r in rows]
    fit = [i for i, r in enumerate(out) if r["after"].strip() and r["before"].strip()]
    for n, i in enumerate(rng.sample(fit, min(SPACED_ROWS, len(fit)))):
        unit = rng.choice(units)
        out[i]["after"] = out[i]["after"] + "\n" + unit
        if n == 0:
            out[i]["before"] = out[i]["before"] + "\n" + unit.replace("　", "　旧")
    return out


def _case(name: str, k: int, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-gnumeric52-{name}")
    n = rng.choice(ROWS)
    start = rng.randrange(len(pool) - n)
    wide = k == WIDE_TEXT_CASE and not heldout
    units = HELDOUT_UNITS if heldout else TUNING_UNITS[:1] if wide else TUNING_UNITS
    rows = _with_units(pool[start : start + n], units, rng)
    c = office.plain_case(name, rows, "calc", heldout=heldout)
    looks = HELDOUT_LOOKS if heldout else TUNING_LOOKS
    font, size = WIDE_TEXT_LOOK if wide else looks[k % len(looks)]
    widths = list(WIDE_TEXT_WIDTHS if wide else c.widths)  # the wide case's 提出時期 is narrow
    if wide:
        pass
    elif k % 2:
        widths[4] = NARROW_TIMING
    else:
        widths[0] = NARROW_DATE
    return replace(
        c,
        font=font,
        size=size,
        widths=tuple(widths),
        program="gnumeric",
        caption=rng.choice(CAPTIONS),
        valign="top" if wide else c.valign,
        merge=False,
        real_dates=False,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    pool = _pool(heldout)
    out = []
    for k in range(HELDOUT_CASES if heldout else TUNING_CASES):
        name = f"{'h' if heldout else ''}g52-gnumeric-{k + 1}"
        while name in redrawn:
            name += "-r"
        out.append(_case(name, k, pool, heldout))
    return out


SETS = split_sets("gnumeric52", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
