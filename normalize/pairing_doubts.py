"""Doubts on before/after cells paired column by column that a pair's own score does not show.

Plain ``pdftotext`` and pdfminer order a LibreOffice table's text boxes by where they sit on
the page; ``body_pairing.pair_cells`` reads them as the rows' before/after cells by the order
and by what the cells hold.  Three readings score as sure while the boxes are a row off (set
XII, session 51, FAULTS.md kind 8; office-plain51):

- a row read with a before or after cell alone, not an addition (a Writer box holding two rows'
  after cells, ``…管理`` / ``市民生活部市民窓口課``, left a row short): the rows above it on its
  page were paired around it, so they may be shifted by a cell (``lone_cell_rows``, as
  ``row_doubts``' "another row of its page was left without a before/after cell");
- an after cell closing with 削除 paired with a before box the extractor emitted after it:
  the mark says the row is a deletion, not which before box is its (any box scores alike), and
  the columns' order (before left of after) speaks against this one (``reversed_deletions``;
  Calc's bottom-aligned one-line cells come out with the next rows' boxes);
- timings / explanations handed out one per row in the extractor's order while that order
  and the before/after boxes' cross (``anchor_order_rows``).

Also the doubt of a row whose item box held lines read as another column's (``item_cut_doubt``).
"""

from __future__ import annotations

from piatable.models import CellLine, Doubt, RawRow

from .boxes import Box
from .partition import DELETION_MARKERS

LONE_CELL_WHY = "another row of its page was read with a before or after cell alone"
REVERSED_DELETION_WHY = "its before box, emitted after its 削除 after cell, was paired by the mark alone"
ANCHOR_ORDER_WHY = (
    "another row's before/after boxes were emitted between its page's timing or explanation boxes"
)
# Rows an anchoring box must lag behind the body boxes for its hand-out to be in doubt: a
# one-line timing centred in a tall Calc row comes out after the next row's body boxes in
# plain pdftotext (datecell dc-calc-7, coveritem cv-calc-7: 6 right rows at a lag of 1).
ANCHOR_LAG_ROWS = 2


def lone_cell_rows(moves: list[tuple[str, float, bool]], row_pages: list[set[int | None]]) -> set[int]:
    """Rows above a row of their page read with one cell alone that is no addition
    (``moves[k]``: how row k was read and that move's score, ``body_pairing.Pairing.moves``; an
    addition's after cell alone scores above 0, any other lone cell below): a box holding two
    rows' cells above the lone row shifts the rows between by a cell, the rows below it are
    paired afresh."""
    out: set[int] = set()
    for last, (how, score, _) in enumerate(moves):
        if how == "alone" and score < 0:
            pages = row_pages[last]
            out |= {k for k in range(last) if row_pages[k] & pages and moves[k][0] != "alone"}
    return out


def reversed_deletions(
    cells: list[tuple[list[CellLine] | None, list[CellLine] | None]], bodies: list[list[CellLine]]
) -> set[int]:
    """Rows whose after cell closes with 削除 and whose before cell comes from a box emitted
    after the after cell's box (``bodies``: the body boxes' lines in the extractor's order)."""
    box_of = {id(cl): k for k, lines in enumerate(bodies) for cl in lines}
    out: set[int] = set()
    for r, (before, after) in enumerate(cells):
        if not before or not after or not DELETION_MARKERS.match(after[-1].text.strip()):
            continue
        kb, ka = box_of.get(id(before[0])), box_of.get(id(after[0]))
        if kb is not None and ka is not None and kb > ka:
            out.add(r)
    return out


def joined(*reasons: str) -> str:
    """The reasons given, in order, ``; ``-joined (empty ones left out)."""
    return "; ".join(r for r in reasons if r)


def item_cut_doubt(in_row_order: bool, weak_strength: float) -> Doubt:
    """The doubt of a row whose item box held lines read as another column's
    (``item_intruders.read_other_columns``): a guess, but one its row's run of boxes bears out
    when the row was emitted in row order (``in_row_order``): the lines moved out of the item
    sit where that row's cells are (7 right rows, 1 wrong on the tuning sets of session 40), a
    ``cut_guess`` of ``weak_strength``; elsewhere a ``column_guess``.  (Also a
    ``column_guess`` when boxes were left over, set XII c4's item heading read as the before
    cell, was tried in session 51: 4 right rows warned for 2 wrong on the tuning sets.)"""
    why = "lines printed among its item's lines were read as another column's"
    if in_row_order:
        return Doubt("cut_guess", "item", why, weak_strength)
    return Doubt("column_guess", "item", why, 1.0)


def anchor_order_rows(rows: list[RawRow], boxes: list[Box], keys: list[str]) -> set[int]:
    """Rows whose anchoring cells (``keys``: the timing / explanation columns handed out one per
    row in the extractor's order, emitted between the before/after boxes, ``columnar._anchors``)
    break the order extractors emit a table's cells in: a row's before/after boxes come after
    its own and the rows above's before/after boxes, and a run of rows' timings / explanations
    comes after their before/after boxes (pdfminer emits rows in runs, column by column inside
    each), so a row t's before/after boxes are never emitted between the anchoring boxes of two
    rows r, r + 1 above it of one run (row r's emitted after row r + ``ANCHOR_LAG_ROWS``'s
    before/after boxes).
    When they are, the anchoring boxes were handed to the wrong rows (office-plain51
    p51-calc-v2: plain ``pdftotext`` emits a bottom-aligned Calc page's tall rows' timings and
    explanations before the short rows' above them): rows r … t are returned."""
    box_of = {id(cl): k for k, b in enumerate(boxes) for cl in b.lines}

    def first(row: RawRow, names: tuple[str, ...]) -> int | None:
        got = [p for n in names if row.cells.get(n) and (p := box_of.get(id(row.cells[n][0]))) is not None]
        return min(got) if got else None

    bodies = [first(r, ("before", "after")) for r in rows]
    out: set[int] = set()
    for key in keys:
        anchor = [first(r, (key,)) for r in rows]
        for t, b in enumerate(bodies):
            if b is None:
                continue
            # Row r's anchoring box came after the body boxes of the row ANCHOR_LAG_ROWS below
            # (one run of rows) and before t's, row r + 1's after t's: t's boxes split the
            # run's anchoring boxes.
            for r in range(t - ANCHOR_LAG_ROWS):
                ar, an, nb = anchor[r], anchor[r + 1], bodies[r + ANCHOR_LAG_ROWS]
                if ar is not None and an is not None and nb is not None and nb < ar < b < an:
                    out |= set(range(r, t + 1))
    return out
