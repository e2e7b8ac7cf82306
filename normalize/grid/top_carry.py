"""Which merged columns a dateless row at the top of a page takes from the row above (issues
10 / 12, branch empty50).

A row opening a page without a date (the grid's leading rows, ``rows._take_row``) sits under a
date merged over the page break, or its own 変更日 cell is empty ("same as above", its date "").
The page before's foot tells them apart in a spreadsheet: LibreOffice Calc leaves a merged cell
open at a page's foot (no ruling under it), so a column the page before closed there
(``state["closed_above"]``) ended, and the cell here is the row's own: left empty, it stays
empty.  Writer closes a merged cell at every page's foot, so there the ruling tells nothing:
the date is still taken (merged dates are the common case) and the row flagged
``date_carried_guess``.  ``samples/office-empty50``: 5 Calc rows right that took the date above.
"""

from __future__ import annotations

from .common import MERGED_COLUMNS, cell_text
from .lines import Line


def carry_open_columns(
    cells: dict[int, list[Line]], above: dict[int, list], state: dict
) -> tuple[dict[int, list], list[str]]:
    """``cells`` (a copy) with each empty merged column (変更日, 提出時期, 説明) taken from the row
    above's cells ``above`` unless the page before closed it at its foot in a spreadsheet
    (``state``: the page's ``rows_whole`` and ``closed_above``); and the flags to add
    (``date_carried_guess`` where the 変更日 was taken over a closing ruling Writer draws)."""
    closed = state.get("closed_above", ())
    own_empty = closed if state.get("rows_whole") else ()
    out = dict(cells)
    for c in MERGED_COLUMNS:
        if c not in own_empty and not cell_text(out.get(c)) and above.get(c):
            out[c] = list(above[c])
    guess = 0 in closed and not own_empty and not cell_text(cells.get(0)) and bool(above.get(0))
    return out, ["date_carried_guess"] if guess else []
