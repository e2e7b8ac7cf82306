"""Reason-first explanations, added rows, wide explanation columns and captions under the title
(issues 10 and 12, raw46), made by LibreOffice Calc and Writer.

    python tools/make_raw46_samples.py                         # both sets
    python tools/make_raw46_samples.py --set office-raw46      # or heldout-raw46

Four faults an unseen tester met in pypdfium2 and ``pdftotext -raw`` text, where a row's wrapped
cells follow one another with nothing to say where one ends:

* an explanation whose first paragraph is a reason (``…のため``, ``…に伴い``, ``…による変更``,
  ``誤記の訂正``) read into the end of the 変更後 cell;
* added rows (変更前 empty; 変更後 new text, maybe closing with 上記を新規追加, or only 新規追加)
  whose cells are read one column to the left;
* an explanation column wider than the 変更後 column (its first line cannot be the after's);
* a caption under the table's title (``※変更箇所に下線``) read into the first row.

The looks come from the pools of tools/make_office_samples.py.  ``office-raw46`` (tuning) takes
the tuning tables and the tuning pools below; ``heldout-raw46`` (measure only, never tune on it)
the held-out tables, pools and widths.  Each case keeps its PDF and only the pypdfium2 and
``pdftotext -raw`` texts (make_office_samples.ROW_ORDERED_SETS).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, four_table_cases, split_sets
from make_office_samples import Case, _printable, plain_case

# Rows of each table kept (before the added rows go in).
ROWS_MAX = 6
FALLBACK_GLYPHS = "○□△"
# First paragraphs of explanations that give the reason of the change.
TUNING_REASONS = (
    "番号法の改正に伴い、記載を修正",
    "システム更改のため",
    "組織改編による変更",
    "誤記の訂正",
    "事務の見直しに伴う変更",
    "委託先の変更による修正",
    "評価書の様式変更に伴い修正",
)
HELDOUT_REASONS = (
    "法令改正のため",
    "担当課の名称変更に伴い修正",
    "記載内容の明確化による変更",
    "誤記の訂正及び表現の修正",
    "再評価の実施に伴う見直し",
    "運用開始のため追記",
)
# Second paragraphs some explanations carry.
TUNING_SECONDS = ("重要な変更に当たらない", "重大な変更に該当しない")
HELDOUT_SECONDS = ("重要な変更には当たらない。", "軽微な変更")
# Captions under the title.
TUNING_CAPTIONS = ("※変更箇所に下線", "※下線部は変更箇所を示す", "注：変更箇所は下線で示す")
HELDOUT_CAPTIONS = ("※変更した箇所に下線を付している", "注）下線部分が変更箇所")
# Column widths (date, item, before, after, timing, explanation): the explanation column is as
# wide as or wider than the after column in the second look of each pool.
TUNING_CALC = ((11, 24, 34, 34, 8, 26), (11, 22, 28, 28, 8, 40))
HELDOUT_CALC = ((12, 26, 36, 36, 9, 24), (12, 22, 26, 26, 9, 44))
TUNING_WRITER = ((2.6, 4.6, 6.0, 6.0, 1.8, 4.7), (2.4, 4.4, 5.0, 5.0, 1.6, 7.0))
HELDOUT_WRITER = ((2.9, 4.2, 6.6, 6.6, 2.0, 3.4), (2.6, 4.0, 5.2, 5.2, 1.8, 6.6))
VALIGNS = ("top", "center", "bottom")


def _reason(rng: random.Random, heldout: bool) -> str:
    first = rng.choice(HELDOUT_REASONS if heldout else TUNING_REASONS)
    if rng.random() < 0.35:
        return f"{first}\n{rng.choice(HELDOUT_SECONDS if heldout else TUNING_SECONDS)}"
    return first


def _added(like: dict, rng: random.Random) -> dict:
    """``like`` as an added row: before empty, after its text (maybe closing with 上記を新規追加)
    or only 新規追加."""
    text = like["after"] or like["before"]
    kind = rng.random()
    if kind < 0.3:
        after = "新規追加"
    elif kind < 0.65:
        after = f"{text}\n上記を新規追加"
    else:
        after = text
    return dict(like, before="", after=after)


def _rows(table: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    rows = [dict(r, explanation=_reason(rng, heldout)) for r in table[start : start + ROWS_MAX]]
    for at in (1, 4):
        at = min(at, len(rows))
        rows.insert(at, _added(dict(rows[at - 1], explanation=_reason(rng, heldout)), rng))
    return rows


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-raw46-{name}")
    c = plain_case(name, _rows(_printable(table), rng, heldout), maker, heldout=heldout)
    if maker == "calc":
        pool = HELDOUT_CALC if heldout else TUNING_CALC
    else:
        pool = HELDOUT_WRITER if heldout else TUNING_WRITER
    captions = HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS
    return replace(
        c,
        widths=pool[(n // 2) % len(pool)],
        valign=VALIGNS[n % len(VALIGNS)],
        real_dates=False,
        merge=False,
        caption=captions[n % len(captions)] if n % 4 != 3 else "",
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Four tables, each by Calc and by Writer, named ``[h]r46-<maker>-<table>``."""
    return four_table_cases("r46", heldout, redrawn, _case)


SETS = split_sets("raw46", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
