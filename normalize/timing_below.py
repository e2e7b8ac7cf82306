"""Two rows of row-ordered text that share a date printed above the first and a timing printed
below the second's start: one row read as two (issue 10, branch column56).

Writer's (and Word's) tables printed in row order (pypdfium2, ``pdftotext -raw``) give each row's
cells in column order: date, item, before, after, timing, explanation.  A cell merged over
several rows prints once, with the first row of its run, so a row whose date and timing are both
merged over the next row prints them both before the next row's item.  Where a line of a before
or after cell opens with a section of the form (``Ⅲ特定個人情報ファイルの取扱い…`` /
``①リスクに対する措置の内容``), the reader may open a row there (``stream._opens_next_row``): the
first "row" then takes the date and nothing after it, the second the timing and the
explanation, and the first is filled from the second (``merged_cell_filled``).  The text says
they were one row: the shared timing stands below the second's opening line, where a cell merged
over both would not be printed.

``timing_below_doubts`` warns both (``row_split_guess``): which reading is right the text does
not settle (pypdfium2 and ``-raw`` order pieces by position, and a merged timing centred on two
rows of unequal height stands below the second's top too).  Only for two rows alone sharing the
date (a date merged over three rows or more is a merged run: on the committed row-ordered sets
such runs gave most of the right rows this warned), and for text read without positions and in
row order (``RawRow.widths`` set, ``RawRow.positioned`` not, no ``column_order`` evidence): in
``-layout`` text a merged timing is printed at its rows' middle, below the second row's top, and
in column-ordered text every timing comes after the items.
"""

from __future__ import annotations

from piatable.models import CellLine, Doubt, RawRow

TIMING_BELOW_WHY = (
    "this row and the next share a date printed above this row's item and a timing printed "
    "below the next row's first line: one row read as two (a heading inside a before or after "
    "cell opening a row) or two rows under merged cells, the text does not tell"
)


def _in_row_order(row: RawRow) -> bool:
    return (
        not row.positioned
        and any(row.widths.values())
        and not any(d.kind == "column_order" for d in row.doubts)
    )


def _opening(row: RawRow) -> CellLine | None:
    """The row's first item / before / after line, if any."""
    for key in ("item", "before", "after"):
        if row.cells[key]:
            return row.cells[key][0]
    return None


def _key(cl: CellLine) -> tuple:
    """One printed line's piece: its text and where it stands (a cell shared by two rows)."""
    return cl.text, cl.page, cl.line_no


def _at(cl: CellLine) -> tuple[int, int] | None:
    if cl.page is None or cl.line_no is None:
        return None
    return cl.page, cl.line_no


def timing_below_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row of ``rows``, a ``row_split_guess`` when it and the next row (or the row above and
    it) hold one date line and one timing line, the timing printed below the second row's
    opening line."""
    out: list[list[Doubt]] = [[] for _ in rows]
    for k in range(len(rows) - 1):
        a, b = rows[k], rows[k + 1]
        if not (_in_row_order(a) and _in_row_order(b)):
            continue
        da, db, ta, tb = a.cells["change_date"], b.cells["change_date"], a.cells["timing"], b.cells["timing"]
        if not (da and db and ta and tb) or _key(da[0]) != _key(db[0]) or _key(ta[0]) != _key(tb[0]):
            continue
        run = [r for r in rows[max(0, k - 1) : k + 3] if r.cells["change_date"]]
        if sum(_key(r.cells["change_date"][0]) == _key(da[0]) for r in run) != 2:
            continue  # a date merged over three rows or more: a merged run, centred cells
        opening = _opening(b)
        if opening is None:
            continue
        timing_at, opening_at, date_at = _at(ta[0]), _at(opening), _at(da[0])
        if None in (timing_at, opening_at, date_at):
            continue
        if date_at < opening_at < timing_at:  # type: ignore[operator]
            doubt = Doubt("row_split_guess", None, TIMING_BELOW_WHY)
            out[k].append(doubt)
            out[k + 1].append(doubt)
    return out
