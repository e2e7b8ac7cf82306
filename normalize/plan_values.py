"""Which rows a pass-1 alignment leaves open: near-best readings that give a row other values.

In ``pdftotext -raw`` and pypdfium2 text of a Calc table (``twophase``, ``passone``) a page's
one-line cells (dates, timings, short text cells) come first, row by row, and a merged cell is
printed once.  ``passone.best_path`` aligns them with the rows; where several alignments cost
the same (three rows under two merged dates: which row opens the second date?) the rows are
``unsure``.  Most such ties do not matter: the alignments differ in which row *takes* a 事後
that the next row would inherit anyway, and every row ends up with the same date and timing.
Some do: the rows between two merged dates take one date in one reading and the other in the
next, and nothing in the text (no row prints a date of its own there) tells which.

``rows_left_open`` says, per row, whether the near-best alignments give it more than one
value: its date, its timing, or the one-line text cells it takes (and the columns they go to).
Only those rows are in doubt about their cells; the others read the same whatever the tie.

Exact over the alignments within ``margin`` of the least cost: states (piece reached, date and
timing carried) are followed row by row with their least cost, and a step is kept when the
least cost of finishing from it stays within the margin.  Polynomial: at most (pieces + 1) ×
(dates + rows + 1) × (timings + 1) states per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Option = TypeVar("Option", bound=tuple)

# Cost tolerance of float sums of the alignment's costs.
_EPS = 1e-9


def finish_costs(
    n: int,
    m: int,
    step: Callable[[int, int, Option], tuple[float, int] | None],
    options: Sequence[Option],
    untaken: float,
) -> list[list[float]]:
    """``bwd[r][t]``: the least cost of rows ``r..n-1`` taking pieces from ``t`` on (pieces no
    row takes cost ``untaken`` each): the backward table of ``passone.best_path`` too."""
    inf = float("inf")
    bwd = [[inf] * (m + 1) for _ in range(n + 1)]
    for t in range(m + 1):
        bwd[n][t] = untaken * (m - t)
    for r in range(n - 1, -1, -1):
        for t in range(m + 1):
            for opt in options:
                s = step(r, t, opt)
                if s is not None:
                    bwd[r][t] = min(bwd[r][t], s[0] + bwd[r + 1][s[1]])
    return bwd


def rows_left_open(
    texts: Sequence[str],
    kinds: Sequence[str],
    own_date: Sequence[bool],
    step: Callable[[int, int, Option], tuple[float, int] | None],
    options: Sequence[Option],
    untaken: float,
    margin: float = 0.0,
    above: tuple[str | None, str | None] = (None, None),
) -> list[bool]:
    """Per row: whether the alignments within ``margin`` of the least cost give it more than one
    value (its date, its timing, or the texts and columns of its one-line text cells).

    ``texts`` / ``kinds``: pass 1's pieces and their kinds (``d`` date, ``t`` timing, ``x``
    text); ``own_date[r]``: row r printed its date in pass 2; ``step`` and ``options``: the
    alignment's (``passone.step_costs``); ``untaken``: the cost of a piece no row takes;
    ``above``: the date and timing read before these rows (a page before), None when unknown.
    An option's second and fourth items are the text cells taken before and after the timing.
    Texts are compared whitespace-free (a page that prints the date again, as Calc does when a
    page break cuts a merged cell, gives its first rows the same date either way)."""
    n, m = len(own_date), len(texts)
    bwd = finish_costs(n, m, step, options, untaken)
    limit = bwd[0][0] + margin + _EPS
    texts = ["".join(t.split()) for t in texts]
    start = tuple(None if t is None else "".join(t.split()) for t in above)
    # (piece reached, date carried, timing carried) -> least cost.
    states: dict[tuple[int, object, object], float] = {(0, *start): 0.0}
    out: list[bool] = []
    for r in range(n):
        after: dict[tuple[int, object, object], float] = {}
        values: set[tuple] = set()
        for (t, date, timing), cost in states.items():
            for opt in options:
                s = step(r, t, opt)
                if s is None or cost + s[0] + bwd[r + 1][s[1]] > limit:
                    continue
                new_date, new_timing, cells = date, timing, []
                for k in range(t, s[1]):
                    if kinds[k] == "d":
                        new_date = texts[k]
                    elif kinds[k] == "t":
                        new_timing = texts[k]
                    else:
                        cells.append(texts[k])
                if own_date[r]:
                    new_date = ("own", r)
                values.add((new_date, new_timing, opt[1], opt[3], tuple(cells)))
                key = (s[1], new_date, new_timing)
                if cost + s[0] < after.get(key, float("inf")):
                    after[key] = cost + s[0]
        out.append(len(values) > 1)
        states = after
    return out
