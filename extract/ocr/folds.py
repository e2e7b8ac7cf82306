"""A fold or crease of the paper, read as a vertical ruling (issue 11, set XX's
t08__crease300.jpg: a fold line down the page through 変更後 added a column boundary, and the
page's rows were lost: "no table columns found").

A sheet folded in two and scanned shows a dark line from the top edge of the image to its
bottom edge, a little slanted.  Morphology takes its pieces for vertical rulings; one of them
may swallow the table's real ruling it crosses.  A table's ruling runs between the table's top
and bottom rulings; a fold runs on through the page's margins to the image's edge.  So a
vertical "ruling" that reaches within ``FOLD_EDGE_EM`` glyphs of the image's top or bottom edge
and runs more than ``FOLD_MARGIN_EM`` glyphs past the table's outer horizontal rulings is a
fold's piece: it is dropped, unless a straight column of ink inside it runs through
``RULING_INK_SHARE`` of the rows it shares with the table (the real ruling it swallowed), which
is kept in its place, between the table's rulings.  A straight ruling that runs on to the
image's edge along with the table's other column rulings (a table cut by the edge of the scan)
is no fold: it stays as it is.

A streak of dirt on a document feeder's glass (set XXXI's t09: four straight dark lines from
the image's top edge down the page, two through the 項目 and 変更後 columns, "the item column is
ruled as 2 columns", 0 of 13 rows right) is such a line too, and straight: it is told from a
table cut by the image's edge by the table's own column rulings, which stop at its outer
rulings (``_runs_alone``).  Inside the table a ruling separates text: no line of text runs
across it.  A streak runs across the text of the cells it passes (``rulings.crossed_by_text``), so
where a straight line is crossed by text no ruling is kept in its place; where it is not, it
lies on a ruling of the table (t09's streak down the 変更前 | 変更後 ruling), which is kept
when it stands across the table's rows (not beside the table, where t09's fourth streak ran).  Units:
pixels of the page image.
"""

from __future__ import annotations

import numpy as np

from .rulings import Rulings, crossed_by_text

# How near the image's edge a fold's piece ends, and how far past the table's outer rulings it
# runs, in glyph heights (a table's border ends at its outer ruling; a page's margin is many
# glyphs tall).
FOLD_EDGE_EM = 1.0
FOLD_MARGIN_EM = 2.0
# The share of a piece's rows inside the table that a straight column of ink (3 pixels wide)
# must cover to be a ruling the fold crossed: a ruling is unbroken; a fold slanted by a few
# hundredths crosses a column in a few dozen rows.
RULING_INK_SHARE = 0.9


def _straight(ink: np.ndarray, x0: int, x1: int, top: int, bottom: int) -> tuple[int, float]:
    """The x in ``x0``..``x1`` whose column of ink (3 pixels wide) covers the largest share of
    the rows ``top``..``bottom``, and that share."""
    band = ink[top:bottom] > 0
    if not band.shape[0]:
        return x0, 0.0
    shares = [float(band[:, max(x - 1, 0) : x + 2].any(axis=1).mean()) for x in range(x0, max(x1, x0 + 1))]
    best = int(np.argmax(shares))
    return x0 + best, shares[best]


def drop_folds(rulings: Rulings, ink: np.ndarray, glyph: float, min_vertical: float) -> list[int]:
    """Take the fold's pieces out of ``rulings.vertical`` (see the module notes), keeping a
    ruling one swallowed, if it is at least ``min_vertical`` pixels long.  ``ink``: the page's
    ink mask (non-zero is ink).  Returns the x (pixels) of the pieces taken out."""
    if not rulings.vertical or not rulings.horizontal:
        return []
    height = ink.shape[0]
    widest = max(h[2] - h[0] for h in rulings.horizontal)
    long = [h for h in rulings.horizontal if h[2] - h[0] >= 0.5 * widest]
    top, bottom = min(h[1] for h in long), max(h[3] for h in long)
    left, right = min(h[0] for h in long), max(h[2] for h in long)
    edge, margin = FOLD_EDGE_EM * glyph, FOLD_MARGIN_EM * glyph
    kept: list[tuple[int, int, int, int]] = []
    dropped: list[int] = []
    for v in rulings.vertical:
        x0, t, x1, b = v
        at_edge = t <= edge or b >= height - edge
        if not (at_edge and (t < top - margin or b > bottom + margin)):
            kept.append(v)
            continue
        a, z = max(t, top), min(b, bottom)
        x, share = _straight(ink, x0, x1, a, z)
        outside = np.concatenate([ink[t:a, max(x - 1, 0) : x + 2], ink[z:b, max(x - 1, 0) : x + 2]]) > 0
        straight = share >= RULING_INK_SHARE and outside.any(axis=1).mean() >= RULING_INK_SHARE
        if straight and not _runs_alone(v, rulings.vertical, top, bottom, margin):
            kept.append(v)  # a straight ruling running on to the image's edge: a table cut by it
            continue
        dropped.append((x0 + x1) // 2)
        if (
            share >= RULING_INK_SHARE
            and z - a >= min_vertical
            and left <= x <= right
            and not crossed_by_text(ink, x, a, z, rulings.horizontal, glyph)
        ):
            kept.append((x - 1, a, x + 2, z))
    rulings.vertical[:] = kept
    return dropped


def _runs_alone(
    v: tuple[int, int, int, int],
    vertical: list[tuple[int, int, int, int]],
    top: int,
    bottom: int,
    margin: float,
) -> bool:
    """True when vertical stroke ``v`` runs more than ``margin`` past the table's outer rulings
    (``top``, ``bottom``) on a side where fewer than half of the table's other column rulings
    (those at least half as tall as the table) do: the table does not go on there, so ``v`` is
    no column ruling of a table cut by the image's edge."""
    others = [u for u in vertical if u != v and u[3] - u[1] >= 0.5 * (bottom - top)]
    if not others:
        return False
    for past, beyond in (
        (v[1] < top - margin, [u[1] < top - margin for u in others]),
        (v[3] > bottom + margin, [u[3] > bottom + margin for u in others]),
    ):
        if past and sum(beyond) < 0.5 * len(others):
            return True
    return False
