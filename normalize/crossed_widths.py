"""Rows of column-ordered text whose before and after cells wrap at each other's width (issue 10,
boxes43).

LibreOffice wraps every cell at its own column's width, so in a table whose 変更前 and 変更後
columns differ in width (before 28 display units, after 44) every wrapped before cell of the
text is about as wide as the others, and so is every after cell.  When the boxes' widths cannot
tell the columns apart (``stock_explanations``: the explanation column wraps as wide as one of
them), the before / after boxes are paired by the extractor's order and their words alone, and
plain ``pdftotext``, which may emit a row's after box before its before box, can cross them.  A
row whose before cell wraps at the after column's width, or whose after cell at the before
column's, was likely crossed: it is named here to be doubted, not swapped (the widths are read
from the rows themselves, a majority of them right).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from piatable.models import CellLine, RawRow

from .chars import BODY_MARKER, display_width
from .wrap_widths import PARAGRAPH_CLOSE

# Cells of a column that must show its width before a row is measured against it.
COLUMN_CELLS_MIN = 2


def _wrap_width(cell: list[CellLine]) -> int | None:
    """The widest line of a cell that runs on into the next (no paragraph's end after it, no
    list marker opening the next): such a line fills its column; None when no line runs on."""
    runs_on = [
        display_width(a.text)
        for a, b in pairwise(cell)
        if a.text.rstrip()[-1:] not in PARAGRAPH_CLOSE and not BODY_MARKER.match(b.text)
    ]
    return max(runs_on, default=None)


def _column_width(widths: list[int | None], slack: int) -> int | None:
    """The width most cells of a column wrap at: the commonest width (each counting the widths up
    to ``slack`` narrower, as kinsoku and half-width characters leave lines short), when more than
    half of the wrapped cells fit it and at least ``COLUMN_CELLS_MIN`` do; else None."""
    seen = [w for w in widths if w is not None]
    counts = Counter(seen)
    if not counts:
        return None
    best = max(counts, key=lambda w: (sum(c for v, c in counts.items() if w - slack <= v <= w), w))
    fit = sum(1 for w in seen if best - slack <= w <= best + slack)
    return best if fit >= COLUMN_CELLS_MIN and 2 * fit > len(seen) else None


def crossed_width_rows(rows: list[RawRow], slack: int) -> set[int]:
    """The rows (indices) whose before cell wraps at the after column's width while their after
    cell wraps clearly narrower (by more than ``2 * slack`` display units) and not at the before
    column's width, or the other way round; a column's width (``_column_width``) unknown
    (too few wrapped cells, no majority) does not contradict a row."""
    before = [_wrap_width(r.cells.get("before") or []) for r in rows]
    after = [_wrap_width(r.cells.get("after") or []) for r in rows]
    wb, wa = _column_width(before, slack), _column_width(after, slack)

    def near(w: int | None, target: int | None) -> bool:
        return w is not None and target is not None and target - slack <= w <= target + slack

    def crossed(mine: int | None, other: int | None, own_width: int | None, other_width: int | None) -> bool:
        # ``mine`` wraps at the other column's width, ``other`` clearly narrower, neither at its own.
        if other_width is None or mine is None or other is None or not near(mine, other_width):
            return False
        return other < other_width - 2 * slack and not near(mine, own_width) and not near(other, other_width)

    return {
        k
        for k in range(len(rows))
        if crossed(before[k], after[k], wb, wa) or crossed(after[k], before[k], wa, wb)
    }
