"""A table ruled with horizontal rules only (no vertical rulings, or only its outer box): the
rows lie between rules drawn across the table's whole width (issue 11, branch pagecont18).

Split from ``ruled`` (the page-by-page reading of the grid), which asks it for the y range of
such a page's rules when the vertical rulings do not bound the rows.
"""

from __future__ import annotations

from piatable.settings import GridSettings

# Share of the table's width (its outer column bounds) a horizontal rule must cover to be a row
# rule of a table without vertical rulings (an underline or a short stroke is not).
FULL_RULE_SHARE = 0.9
# Rules that a page needs to be read between them: fewer leave the rows to the dates' anchors.
MIN_ROW_RULES = 2


def full_width_rules(
    rules: list[tuple[float, list[tuple[float, float]]]], bounds: list[float], settings: GridSettings
) -> tuple[float, float] | None:
    """The y of the first and last of ``rules`` (y, covered x intervals) that run across the
    table's width ``bounds[0]``..``bounds[-1]``, when at least ``MIN_ROW_RULES`` do; else None."""
    lo, hi = bounds[0], bounds[-1]
    ys = []
    for y, cover in rules:
        spans = sorted((max(a, lo), min(b, hi)) for a, b in cover if b > lo and a < hi)
        total, end = 0.0, lo
        for a, b in spans:
            if b > end:
                total += b - max(a, end)
                end = b
        if total >= FULL_RULE_SHARE * (hi - lo):
            ys.append(y)
    return (ys[0], ys[-1]) if len(ys) >= MIN_ROW_RULES else None
