"""Warn of a column-ordered row whose before/after cell opens as another row's cell does.

pdfminer groups a page's text lines into boxes by how close they are: lines of one column a
line's height apart or less go into one box.  In a LibreOffice Writer table (no spare space in a
cell, text at the cell's top) the last line of one row's cell and the first line of the next
row's cell in that column are that close when the first cell fills its row, so one box holds
the cells of two or more consecutive rows (set VI's T08: the after cells of its last two rows in
one box).  The column-by-column pairing (``columnar``) hands each row one box, so the rows'
cells shift: one row takes a neighbour's cell, another takes a box holding its neighbour's cell
and its own.

What shows it in the rows: a before/after cell that opens with the same text (its first
``RUN_TOGETHER_OPENING_CHARS`` characters, spaces aside) as a before/after cell of another row,
while the other text cell of its own row opens otherwise.  An amended cell repeats its own row's
before cell; two different rows whose cells open alike while their own before and after do not
are a box read into the wrong row.  A text that repeats one opening in every row
(``＜…における措置＞``) repeats it in both cells of each row and is left alone.  Each such row gets
a ``column_guess`` doubt on the cell (issue 12: a row we are unsure of carries a flag).  So does a
row whose after cell is a bare 新規追加 alone (``doubt_lone_marks``).
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .body_pairing import BARE_ADDITION_MARK

# Characters (spaces aside) of a cell's opening compared between rows.
RUN_TOGETHER_OPENING_CHARS = 12
TEXT_CELLS = ("before", "after")


def _opening(row: RawRow, key: str) -> str:
    text = "".join("".join(cl.text.split()) for cl in row.cells[key])
    return text[:RUN_TOGETHER_OPENING_CHARS] if len(text) >= RUN_TOGETHER_OPENING_CHARS else ""


def doubt_cells_of_other_rows(rows: list[RawRow]) -> None:
    """Add ``column_guess`` to each row's before/after cell that opens as a before/after cell of
    another row does while its own row's other text cell opens otherwise (module doc)."""
    openings = [{key: _opening(r, key) for key in TEXT_CELLS} for r in rows]
    for k, row in enumerate(rows):
        for key in TEXT_CELLS:
            mine = openings[k][key]
            other_key = "after" if key == "before" else "before"
            if not mine or openings[k][other_key] == mine:
                continue
            shared = [j for j, o in enumerate(openings) if j != k and mine in o.values()]
            if shared:
                why = f"its {key} cell opens as row {shared[0] + 1}'s does: two rows' cells may run together"
                row.doubts.append(Doubt("column_guess", key, why))
    doubt_lone_marks(rows)


# Why a row whose after cell is nothing but a bare 新規追加 (its before empty) is in doubt.
LONE_MARK_WHY = (
    "its after cell is 新規追加 alone: an added row's before cell (its after text paired elsewhere)"
    " or an after cell of its own"
)


def doubt_lone_marks(rows: list[RawRow]) -> None:
    """Add ``column_guess`` to each row whose before cell is empty and whose after cell is a bare
    mark of an addition (``新規追加`` alone, ``body_pairing.BARE_ADDITION_MARK``): tables print it
    in either column (set X's C3: the after column, beside a 削除 row; set XI's c4_midpage: the
    before column, its after list emitted boxes away), and a box-order text does not tell which
    (session 50)."""
    for row in rows:
        after = "".join("".join(cl.text.split()) for cl in row.cells["after"])
        before = "".join("".join(cl.text.split()) for cl in row.cells["before"])
        if not before and BARE_ADDITION_MARK.match(after):
            row.doubts.append(Doubt("column_guess", "after", LONE_MARK_WHY))
