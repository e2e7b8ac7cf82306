"""Calc's first pass of dates and timings alone, aligned with the rows (``twophase``).

In ``pdftotext -raw`` and pypdfium2 text of a Calc table whose one-line cells are only dates and
timings, pass 1 lists, row by row, each row's date then its timing; a merged one prints once.
``align_singles`` reads the least-cost alignment of those pieces with the rows,
``singles_left_open`` which rows the near-best alignments give other values, and
``singles_shares`` what share of them give each row the values taken (``plan_values``).
"""

from __future__ import annotations

from collections.abc import Callable

from piatable.models import CellLine

from . import passone
from .dates import is_date_line
from .passone import UNTAKEN_COST
from .plan_values import Alignment, chosen_shares, rows_left_open

# The costs of a row taking its date or timing from the row above (a merged cell), of splitting
# two cells printed on one line between two rows, of a pass-1 line no row takes and of the first
# row going without: passone's (one scale for both alignments).
# Cost of a row taking a date and a timing printed on two lines: a row's own date and timing
# share their baseline (both at the row's top, or both centred in it); they stand apart only
# when one of them is merged over more rows (centred in the merged span).
APART_PAIR_COST = 0.5

# An option of one row in pass 1 (passone.step_costs): takes a date, no text cells, takes a
# timing, none after it.
_OPTIONS = ((True, 0, True, 0), (True, 0, False, 0), (False, 0, True, 0), (False, 0, False, 0))
# A step of the alignment (``passone.step_costs``).
Step = Callable[[int, int, tuple[bool, int, bool, int]], tuple[float, int] | None]


def align_singles(
    singles: list[CellLine], own_date: list[bool], above: tuple[bool, bool] = (True, True)
) -> tuple[list[tuple[bool, bool, bool]], float]:
    """For each row: (takes a pass-1 date, takes a pass-1 timing, assignment unsure); and the
    alignment's cost.

    ``own_date[r]``: row r printed its date in pass 2, so takes none here.  Pass 1 lists, row by
    row, each row's date then its timing.  Least total cost (``INHERIT_COST`` per cell taken from
    the row above, ``SPLIT_LINE_COST`` for one printed line shared by two rows, ``UNTAKEN_COST``
    per line no row takes, which ends the alignment early); a row is unsure when another
    option of it comes within ``APART_PAIR_COST`` of the least cost (that cost is a prior, not
    evidence).  ``above``: whether a date and a timing were
    read before these rows (the first row of a table has no row above to take one from).
    """
    n, m = len(own_date), len(singles)
    kinds = ["d" if is_date_line(cl.text) else "t" for cl in singles]

    step = passone.step_costs(kinds, singles, own_date, above, APART_PAIR_COST)

    # Unsure also when another option loses only by the prior of APART_PAIR_COST.
    best, path = passone.best_path(n, m, step, _OPTIONS, UNTAKEN_COST, APART_PAIR_COST)
    out = [(opt[0], opt[2], len(near) > 1) if opt else (False, False, True) for opt, near in path]
    return out, best


def _pieces(
    singles: list[CellLine], own_date: list[bool], above: tuple[CellLine | None, CellLine | None]
) -> tuple[list[str], list[str], Step, tuple[str | None, str | None]]:
    """The texts and kinds of pass 1's pieces, the alignment's step and the texts read above."""
    kinds = ["d" if is_date_line(cl.text) else "t" for cl in singles]
    known = (above[0] is not None, above[1] is not None)
    step = passone.step_costs(kinds, singles, own_date, known, APART_PAIR_COST)
    texts = [cl.text for cl in singles]
    return texts, kinds, step, (above[0].text if above[0] else None, above[1].text if above[1] else None)


def singles_left_open(
    singles: list[CellLine],
    own_date: list[bool],
    above: tuple[CellLine | None, CellLine | None] = (None, None),
) -> list[bool]:
    """Per row of ``align_singles``: whether the readings within ``APART_PAIR_COST`` of the best
    give it another date or timing (``plan_values``); ``above``: the date and timing read
    before these rows."""
    texts, kinds, step, known = _pieces(singles, own_date, above)
    return rows_left_open(texts, kinds, own_date, step, _OPTIONS, UNTAKEN_COST, APART_PAIR_COST, known)


def singles_shares(
    singles: list[CellLine],
    own_date: list[bool],
    plan: list[tuple[bool, bool, bool]],
    above: tuple[CellLine | None, CellLine | None] = (None, None),
) -> list[float]:
    """Per row of ``align_singles``'s ``plan``: the share of the readings within
    ``APART_PAIR_COST`` of the best that give it the date and timing ``plan`` gives it
    (``plan_values.chosen_shares``)."""
    texts, kinds, step, known = _pieces(singles, own_date, above)
    chosen = [(d, 0, t, 0) for d, t, _ in plan]
    plan_of = Alignment(texts, kinds, own_date, step, _OPTIONS, UNTAKEN_COST, APART_PAIR_COST, known)
    return chosen_shares(plan_of, chosen)
