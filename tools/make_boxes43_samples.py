"""Amendment tables made by LibreOffice Calc and Writer whose cells hold dates and choice lists,
for the flattened texts (pdfminer, plain ``pdftotext``) of issue 10 (boxes43).

    python tools/make_boxes43_samples.py                          # both sets
    python tools/make_boxes43_samples.py --set office-boxes43      # or heldout-boxes43

As tools/make_boxes42_samples.py (a random subset of a pool of tables' rows in a look drawn from
wide ranges by ``make_office_samples.varied_case``: every column's width, fonts and sizes,
alignment, merged cells, Calc page breaks, Writer rows over pages, every date style), but every
case holds at least one row whose before / after cells are whole dates (a 実施日 amended,
which flattened text prints as alone as a 変更日) and one whose cells are choice lists
(``[ 十分に行っている ]``): the look is drawn again, under the same name, until it does.
Rows of dates of our own join each pool (``DATE_ROWS``, ``HELDOUT_DATE_ROWS``): the held-out
tables have none.

``office-boxes43`` (tuning) draws four cases per maker from the tuning tables'
rows; ``heldout-boxes43`` (measure only, never tune on it) three per maker from the
held-out tables' rows, in the held-out fonts.  Each case keeps its PDF and the five extractors'
texts.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import HELDOUT_CASES, TUNING_CASES, drawn_cases
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import HELDOUT_DIR, TUNING_TABLES, Case, load_table, varied_case

TUNING_POOL = ("juki", "municipal", "kokuho", "zeimu")
# Looks drawn per case before giving up on holding both kinds of rows.
DRAWS_MAX = 60
_EXPL = "評価の再実施に伴う修正"


_row = office.truth_row


DATE_ROWS = (
    _row(
        "2019-04-01",
        "Ⅵ評価実施手続\n１．基礎項目評価\n①実施日",
        "平成28年3月1日",
        "平成31年3月1日",
        "事後",
        _EXPL,
    ),
    _row(
        "2021-09-01",
        "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間",
        "平成30年5月7日から平成30年6月5日まで",
        "令和3年6月1日から令和3年6月30日まで",
        "事前",
        "意見聴取の実施に伴う修正",
    ),
)
HELDOUT_DATE_ROWS = (
    _row(
        "2020-10-01",
        "Ⅵ評価実施手続\n３．第三者点検\n①実施日",
        "令和元年9月20日",
        "令和2年8月28日",
        "事後",
        "点検の実施による修正",
    ),
    _row(
        "2022-06-01",
        "Ⅰ基本情報\n８．他の評価実施機関\n公表日",
        "2019/6/1",
        "2022/5/20",
        "事後",
        "再評価の公表に伴う修正",
    ),
)


def _with_dates(pool: list[dict], extra: tuple[dict, ...]) -> list[dict]:
    """The pool with the rows ``extra`` placed among its rows by their 変更日 (a pool is in date
    order: ``varied_case`` keeps its rows' order)."""
    out = list(pool)
    for r in extra:
        at = next((k for k, p in enumerate(out) if p["change_date"] > r["change_date"]), len(out))
        out.insert(at, dict(r))
    return out


def _pool(heldout: bool) -> list[dict]:
    if heldout:
        rows = [r for path in sorted(HELDOUT_DIR.glob("*.json")) for r in load_table(path)]
        return _with_dates(sorted(rows, key=lambda r: r["change_date"]), HELDOUT_DATE_ROWS)
    rows = [r for name in TUNING_POOL for r in load_table(TUNING_TABLES[name])]
    return _with_dates(sorted(rows, key=lambda r: r["change_date"]), DATE_ROWS)


_DATE_CELL = re.compile(r"^(?:[0-9]{4}/|平成|令和)[0-9０-９元]")
_LIST_CELL = re.compile(r"^\s*[\[［]", re.M)


def _holds_both(c: Case) -> bool:
    cells = [r.get(k) or "" for r in c.rows for k in ("before", "after")]
    return any(_DATE_CELL.match(v.strip()) for v in cells) and any(_LIST_CELL.search(v) for v in cells)


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c = varied_case(name, pool, maker, heldout=heldout)
    for k in range(DRAWS_MAX):
        if _holds_both(c):
            break
        c = replace(varied_case(f"{name}#{k}", pool, maker, heldout=heldout), name=name)
    if heldout:
        rng = random.Random(f"piatable-boxes43-{name}")
        c = replace(c, font=rng.choice(office.HELDOUT_FONTS))
    # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
    # text's order, so the truth check leaves them out.
    return replace(c, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """As tools/make_boxes42_samples.py's, named ``[h]b43-<maker>-v<k>``."""
    return drawn_cases("b43", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES), _pool(heldout))


SETS = split_sets("boxes43", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
