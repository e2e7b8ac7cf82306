"""Column starts of a ``-layout``-like page from where its body's lines open cells between the
header's labels (``layout_text``'s first estimate when no line shows all six cells)."""

from __future__ import annotations

import itertools
from collections import Counter

from .common import N_COLS
from .labels import Header, label_fills_cell
from .page_shift import OPENER_MIN_LINES


def starts_from_openers(header: Header, openers: list[list[float]]) -> dict[int, float]:
    """Column starts where the body's lines open cells, between the labels: a label centred
    in its header cell stands right of its column's start, so where fewer body lines open a
    cell at the label's own offset than at another, the start is the offset right of the
    previous label's end and not right of this label's start at which the most body lines
    (at least ``OPENER_MIN_LINES``) open a cell, ``openers`` each line's cell openings
    (``layout_text``).
    Columns without such an offset are left out, and all are when two labels or more stand at
    their columns' starts (a left-aligned header)."""
    counts = Counter(round(x) for xs in openers for x in xs)
    out: dict[int, float] = {}
    labels = header.labels
    at_labels = at_roomy = 0
    for k in range(1, N_COLS):
        if k not in labels or k - 1 not in labels:
            continue
        at_label = sum(n for x, n in counts.items() if abs(x - labels[k][0]) <= 1.5)
        lo, hi = labels[k - 1][1], labels[k][0] + 1
        cand = [x for x, n in counts.items() if lo < x <= hi and n >= OPENER_MIN_LINES]
        best = max(cand, key=lambda x: (counts[x], -x)) if cand else None
        if at_label >= OPENER_MIN_LINES and (best is None or at_label >= counts[best]):
            at_labels += 1
            at_roomy += int(not label_fills_cell(labels, k))
        elif best is not None:
            out[k] = float(best)
    # Labels that stand at their columns' starts on two columns or more, one of them with room
    # beside it in its cell, or on three or more: a left-aligned header, whose other labels are
    # kept too (labels that fill their cells stand at their starts centred too, as a Calc
    # header's narrow 提出時期 and 説明 do: ``labels.label_fills_cell``).
    if at_labels >= 3 or (at_labels >= 2 and at_roomy):
        return {}
    # Starts must keep the labels' order.
    ks = sorted(out)
    for a, b in itertools.pairwise(ks):
        if out[b] <= out[a]:
            del out[b]
    return out
