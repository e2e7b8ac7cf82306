"""Which merged columns a dateless row at the top of a page takes from the row above (issues
10 / 12, branch empty50).

A row opening a page without a date (the grid's leading rows, ``rows._take_row``) sits under a
date merged over the page break, or its own 変更日 cell is empty ("same as above", its date "").
The page before's foot tells them apart in a spreadsheet: LibreOffice Calc leaves a merged cell
open at a page's foot (no ruling under it), so a column the page before closed there
(``state["closed_above"]``) ended, and the cell here is the row's own: left empty, it stays
empty.  Writer may close a merged cell at a page's foot too, so there the ruling tells nothing
and the date is still taken (merged dates are the common case).  Chromium closes them as Calc
does (``Reading.feet_close_cells``, branch carry54: a ``rowspan`` 変更日 broken over a page is
open at the page's foot, an empty one-row cell closed; office-chromium54 cr54-mx-zeimu's last
row, an empty 変更日 opening page 2, took the date above before).  A warning there
(``date_carried_guess``) was tried and dropped: over the committed Writer PDFs it fired on 84
right rows (dates merged over a break) for 2 wrong ones (``samples/office-empty50``).
``samples/office-empty50``: 5 Calc rows right that took the date above; no other committed
PDF's values move.
"""

from __future__ import annotations

from .break_rows import MERGED_ITEM
from .common import MERGED_COLUMNS, PageRows, cell_text
from .lines import Line


def carry_open_columns(cells: dict[int, list[Line]], above: dict[int, list], state: dict) -> dict[int, list]:
    """``cells`` (a copy) with each empty merged column (変更日, 提出時期, 説明) taken from the row
    above's cells ``above`` unless the page before closed it at its foot in a spreadsheet
    (``state``: the page's ``feet_close_cells`` and ``closed_above``)."""
    own_empty = state.get("closed_above", ()) if state.get("feet_close_cells") else ()
    own_empty = (*own_empty, *state.get("closed_top", ()))
    out = dict(cells)
    for c in MERGED_COLUMNS:
        if c not in own_empty and not cell_text(out.get(c)) and above.get(c):
            out[c] = list(above[c])
    return out


def closed_on_page(pr: PageRows, r: int, first: int | None) -> tuple[int, ...]:
    """Merged columns (``MERGED_COLUMNS``) whose cell holding row ``r`` of a ruled page starts at
    ``r`` under a body row of the same page (``first``: the page's first body row): a ruling
    between them closes it, so the cell is the row's own, never one merged over the page break
    (office-chromium54 cr54-long-juki: a row broken over the break, then a row whose 変更日 is
    left empty took the broken row's date)."""
    if not pr.ruled or first is None or r <= first or r >= len(pr.spans):
        return ()
    return tuple(c for c in MERGED_COLUMNS if (span := pr.spans[r].get(c)) is not None and span[0] == r)


def carried_over(pr: PageRows, r: int, top: int | None) -> tuple[int, ...]:
    """Columns (of ``MERGED_COLUMNS``) whose cell holding row ``r`` is a span of several rows
    opening at the page's first body row ``top``: a merged cell carried over the page break."""
    if top is None or r >= len(pr.spans):
        return ()
    spans = pr.spans[r]
    return tuple(
        c
        for c in (*MERGED_COLUMNS, MERGED_ITEM)
        if c in spans and spans[c][0] == top and spans[c][1] - spans[c][0] > 1
    )
