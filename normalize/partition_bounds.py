"""A lower bound on a cut's cost from its item alone (``partition.best_partition`` skips items that
cannot beat the runner-up): the most the scorer's bonuses can take off."""

from __future__ import annotations

from piatable.settings import StreamSettings

from .partition import (
    CLIPPED_PAIR_BONUS,
    DELETION_ONLY_BONUS,
    EXPLANATION_OVERLAP_WEIGHT,
    SHARED_MARKER_BONUS,
)
from .partition_lists import CHOICE_LINE_BONUS, CHOICE_RUN_CAP, DELETED_BLOCK_BONUS

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
    return max(max(s.explained_empty_bonus, 0.0), opening + overlap + CLIPPED_PAIR_BONUS + choices + block)
