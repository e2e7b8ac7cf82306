"""The bonuses of ``partition.BlockScorer``'s costs (its negative terms, cost units) and a lower
bound on a cut's cost from its item alone (``partition.best_partition`` skips items that cannot
beat the runner-up): the most those bonuses can take off.  ``partition`` imports this module,
never the other way round."""

from __future__ import annotations

from piatable.settings import StreamSettings

from .echo import ECHO_FLOOR, ECHO_WEIGHT
from .partition_lists import CHOICE_LINE_BONUS, CHOICE_RUN_CAP, DELETED_BLOCK_BONUS

# The same kind of heading (not a bullet) opens the before and the after cell.
SHARED_MARKER_BONUS = 1.5
# Weight of the explanation's overlap with the after cell less that with the before cell (shares).
EXPLANATION_OVERLAP_WEIGHT = 4.0
# Before and after cells of as many lines, each ending on a line clipped at the column's width.
CLIPPED_PAIR_BONUS = 2.0
DELETION_ONLY_BONUS = 4.0  # an after cell that says only 削除 (the before text was removed)

# Rounding allowance of ``bonus_bound`` (cost units; costs are sums of a few dozen terms).
BOUND_SLACK = 1e-6


def bonus_bound(s: StreamSettings) -> float | None:
    """The most that the bonuses of ``costs_from`` (every negative term) can take off a cut's
    item cost, so that ``cost(i, j) >= item_cost[i] + cut_i[i] - bound`` for every j; None when
    a weight of the settings is negative (the other terms then need not be >= 0)."""
    weights = (s.over_width_penalty, s.split_word_penalty, s.balance_weight, s.heading_opens_body_penalty)
    if min(*weights, s.disjoint_pair_penalty) < 0 or s.shared_opening_min_chars <= 0:
        return None
    opening = max(s.shared_opening_bonus, SHARED_MARKER_BONUS, 0.0)
    # The explanation's overlap term is -EXPLANATION_OVERLAP_WEIGHT * (after - before), both
    # shares in [0, 1]; the last line's 削除 takes its place.
    overlap = max(DELETION_ONLY_BONUS, EXPLANATION_OVERLAP_WEIGHT)
    # An empty before (j = i) or after (j = n) cell earns the explained-empty bonus alone; a cut
    # with both cells earns the others.
    choices = CHOICE_LINE_BONUS * CHOICE_RUN_CAP
    block = s.heading_opens_body_penalty + DELETED_BLOCK_BONUS
    echo = ECHO_WEIGHT * (1.0 - ECHO_FLOOR)  # the before/after echo (normalize/echo.py)
    return max(
        max(s.explained_empty_bonus, 0.0), opening + overlap + CLIPPED_PAIR_BONUS + choices + block + echo
    )
