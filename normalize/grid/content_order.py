"""Columns in another order than the form's, told by what their cells hold when the label row
cannot tell it (issue 11, scans).

``column_order`` moves a page's columns by its label row, and only when all six labels are
read.  A scan whose two-line labels overflow their short header cell (``変更前の`` / ``記載``
crossed by the row's lower ruling; set XXXII's u12, a Calc sheet printing 項目 / 変更日 / 変更前
/ 変更後 / 説明 / 提出時期) gives tesseract cut glyphs: two labels read, the columns taken in the
form's order, and every cell of every row one column off (the explanation read as 提出時期, the
item as 変更日), 0 of 13 rows right.

A page ruled in exactly six columns is read by its cells instead when they tell the order
plainly: one column holding at least ``MIN_CELLS`` dates of the 変更日 grammar (lines that are a
date alone, or a wrapped date's head) and ``DOMINANCE`` times as many as any other column, and
one holding that many 事前 / 事後 lines; when these are not the first and fifth columns, the
date column is 変更日, the timing column 提出時期, and the other four, left to right, 項目, 変更前,
変更後, 説明 (the order every template of the samples keeps them in).  A label that was read
must stand over the column the cells gave it, else nothing is moved.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from piatable.vocabulary import TIMING, TIMING_CHOICE

from ..dates import is_date_head, is_date_line
from .column_order import ColumnMove
from .common import N_COLS
from .labels import Header
from .lines import Line

# A column is the table's date (timing) column with at least this many date (timing) lines …
MIN_CELLS = 3
# … and this many times as many as any other column.
DOMINANCE = 3
# The form's places of 変更日 and 提出時期 (indices of ``LABELS``), and of the other four in order.
_DATE, _TIMING = 0, 4
_OTHERS = (1, 2, 3, 5)


def _column_texts(body: list[Line], cols: list[tuple[float, float]]) -> list[list[str]]:
    """Per column, the texts of the body's line pieces whose words' centres fall in it."""
    out: list[list[str]] = [[] for _ in cols]
    for ln in body:
        for k, (a, b) in enumerate(cols):
            text = "".join(w.text for w in ln.words if a <= (w.x0 + w.x1) / 2 < b).strip()
            if text:
                out[k].append(text)
    return out


def _plain_winner(counts: list[int]) -> int | None:
    """The column whose count is at least ``MIN_CELLS`` and ``DOMINANCE`` times any other's."""
    best = max(range(len(counts)), key=counts.__getitem__)
    rest = max(c for k, c in enumerate(counts) if k != best)
    if counts[best] >= MIN_CELLS and counts[best] >= DOMINANCE * rest:
        return best
    return None


def content_move(
    header: Header | None, verticals: list[float], body: Callable[[], list[Line]]
) -> ColumnMove | None:
    """The move that puts a page's six ruled columns into the form's order as their cells tell
    it (module doc), or None: not six columns, no plain date and timing column, those already
    in the form's places, or a label read over another column than the cells gave it.
    ``verticals``: the x of the page's vertical rulings (page units); ``body``: the lines below
    the label row."""
    xs = sorted(verticals)
    if len(xs) != N_COLS + 1:
        return None
    cols = list(itertools.pairwise(xs))
    texts = _column_texts(body(), cols)
    dates = [sum(is_date_line(t) or is_date_head(t) for t in col) for col in texts]
    timings = [sum(bool(TIMING.match(t) or TIMING_CHOICE.match(t)) for t in col) for col in texts]
    d, t = _plain_winner(dates), _plain_winner(timings)
    if d is None or t is None or d == t or (d, t) == (_DATE, _TIMING):
        return None
    rest = iter(_OTHERS)
    roles = tuple(_DATE if p == d else _TIMING if p == t else next(rest) for p in range(N_COLS))
    if header is not None:
        for role, (x0, x1) in header.labels.items():
            mid = (x0 + x1) / 2
            at = [p for p, (a, b) in enumerate(cols) if a <= mid < b]
            if role not in header.twice and at and roles[at[0]] != role:
                return None
    return ColumnMove(roles, tuple(xs), read_by="cells")
