"""A 大項目 merged down over several rows of a 項目 printed over sub-columns, in ``-layout``-like
text (branch subcol72).

A table whose 項目 is printed over sub-columns (大項目 | 中項目・小項目, 項目 / 細項目) may merge the
大項目 cell over the rows of one section: LibreOffice prints it once, at the top of the first row
it covers, in their middle or at the foot of the last.  Read by sub-column, the rows it covers
printed no 大項目 and their items lost their section, unwarned (samples/heldout-layout71's merged
case, office-layout71's ``ly71-calc-saikoumoku``).  Which rows a printed 大項目 covers comes from
where it stands among them (``merged_fill.merged_runs``, as for a merged 項目), each covered row
taking it (``merged_cell_filled``); a row no run covers keeps its item and is in doubt.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from piatable.vocabulary import ITEM_OPENING

from .common import PageRows
from .lines import Line
from .merged_fill import merged_runs

ITEM = 1
# The columns every row prints itself beside a merged 大項目 (変更前, 変更後).
OWN_COLUMNS = (2, 3)
# At least this many rows of the page print a section (Ⅰ…Ⅵ) in the first sub-column for a row
# printing none there to be under a merged one.
MIN_SECTION_ROWS = 1
UNCOVERED_WHY = (
    "the row prints no 大項目 in the 項目's first sub-column while rows of the page print one: a"
    " merged 大項目 printed with another row, which the item may lack"
)


def _first_part(lines: list[Line]) -> list[Line]:
    return [replace(ln, text=ln.item_parts[0]) for ln in lines if ln.item_parts and ln.item_parts[0]]


def fill_merged_sections(res: PageRows) -> None:
    """Each row of a page read by sub-column (every item line's ``item_parts`` set) that prints
    nothing in the first sub-column takes the first sub-column lines of the row whose merged
    大項目 covers it (``merged_runs`` over the first sub-column, the rows' 変更前 / 変更後 their
    own cells; ``res.align`` the page's alignment), when those open a section (Ⅰ…Ⅵ): both
    rows ``merged`` (``merged_cell_filled``), a run read in doubt a ``row_split_guess``
    (``res.doubts``).  A row left without one while others print a section is in doubt too."""
    firsts = [_first_part(row.get(ITEM, [])) for row in res.rows]
    sections = [bool(f) and bool(ITEM_OPENING.match(f[0].text.strip())) for f in firsts]
    if sum(sections) < MIN_SECTION_ROWS or all(
        firsts[k] or not res.rows[k].get(ITEM) for k in range(len(firsts))
    ):
        return
    tmp = [
        {ITEM: f, **{c: row.get(c, []) for c in OWN_COLUMNS}} for f, row in zip(firsts, res.rows, strict=True)
    ]
    heights = [ln.bottom - ln.top for row in res.rows for ln in row.get(ITEM, [])]
    runs = merged_runs(tmp, 0, ITEM, OWN_COLUMNS, statistics.median(heights), res.align or "top")
    sources, doubts = (runs[0], runs[1]) if runs else ({}, {})
    for k, row in enumerate(res.rows):
        if firsts[k] or not row.get(ITEM):
            continue
        src = sources.get(k)
        if src is None or src == k or not sections[src]:
            res.doubts.setdefault(k, UNCOVERED_WHY)
            continue
        n = len(row[ITEM][0].item_parts)
        taken = [
            replace(ln, item_parts=(ln.item_parts[0], *[""] * (n - 1)))
            for ln in res.rows[src][ITEM]
            if ln.item_parts and ln.item_parts[0]
        ]
        row[ITEM] = taken + row[ITEM]
        res.merged[k] = res.merged[src] = True
        if k in doubts:
            res.doubts.setdefault(k, doubts[k])
