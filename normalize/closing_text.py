"""Notes printed after the table, read into the last row's explanation, are no row's text.

A filing may print notes under its amendment table (``※ 変更日は…``, ``※１ …`` / ``※２ …``,
``（注）提出時期は…``).  Every extractor's text (row-ordered, column-ordered and ``-layout``) puts
them right after the last row's last cell, so a reader takes them in as later paragraphs of its
explanation.  No explanation of the samples' truth rows (20,161) has a later paragraph opening
with such a mark (the same fact ``normalize/evidence.py`` warns on), while before / after cells
often hold ``※…`` paragraphs: so only the explanation of a table's last row is cut, from its
first later paragraph that opens with a note's mark to its end.  The text cut is named in a
note (``closing_mark.after_table_note``), never dropped in silence.

The closing mark 以上 and Calc's notes among its one-line cells are dropped from the text before
any reading (``normalize/closing_mark.py``).
"""

from __future__ import annotations

from piatable.models import CellLine, RawRow

from .cell_furniture import grid_without_furniture, set_aside_furniture
from .closing_mark import NOTE_OPENING, after_table_note

__all__ = ["cut_closing_notes", "cut_page_text", "grid_without_furniture"]

# Lines of the region that may stand after a note cut (a page number, a stray piece).
TRAILING_SLACK = 3


def cut_closing_notes(
    rows: list[RawRow], region: list[CellLine] | None = None
) -> tuple[list[CellLine], list[str]]:
    """Cut notes printed after the table from the explanation of ``rows``' last row (module
    docstring): the region without the lines cut (``region`` is left as it is; [] when none is
    given) and the notes that name them.  The explanation's first paragraph always stays (a note
    alone in the explanation is no evidence of where the row's own explanation went).  With a
    ``region``, nothing is cut unless each line cut is one of its last lines (the region's text
    must still be placed whole)."""
    if not rows:
        return list(region or []), []
    lines = rows[-1].cells.get("explanation") or []
    at = next(
        (
            k
            for k in range(1, len(lines))
            if NOTE_OPENING.match(lines[k].text) and not _same_line(lines[k - 1], lines[k])
        ),
        None,
    )
    if at is None or _beside_row_text(rows[-1], lines[at]):
        return list(region or []), []
    cut = lines[at:]
    kept = list(region or [])
    for cl in reversed(cut):
        k = next((k for k in range(len(kept) - 1, -1, -1) if kept[k].text == cl.text), None)
        if region is not None and (k is None or len(kept) - k > len(cut) + TRAILING_SLACK):
            return list(region), []
        if k is not None:
            del kept[k]
    del lines[at:]
    rows[-1].set_pages()
    return kept, [after_table_note(" ".join(cl.text.strip() for cl in cut))]


def _beside_row_text(row: RawRow, note: CellLine) -> bool:
    """Another cell of ``row`` prints a line on the note's printed line or below it (layout
    text, whose lines keep their numbers): the note stands inside the row, a paragraph of its
    explanation, not under the table (branch cont73: a record's last sheet row holding its
    explanation's ``※軽微な変更`` beside its 変更後's ``上記を新規追加``)."""
    if note.line_no is None or note.page is None:
        return False
    return any(
        cl.page == note.page and cl.line_no is not None and cl.line_no >= note.line_no
        for name, cells in row.cells.items()
        if name != "explanation"
        for cl in cells
    )


def _same_line(left: CellLine, right: CellLine) -> bool:
    """Two pieces of one printed line (a note's mark is a paragraph's opening, not a piece)."""
    return left.line_no is not None and left.line_no == right.line_no and left.page == right.page


def cut_page_text(
    rows: list[RawRow], region: list[CellLine] | None = None
) -> tuple[list[CellLine], list[str]]:
    """The form's page text set aside from ``rows`` (a footer, 以下余白, the next table's heading:
    ``cell_furniture.set_aside_furniture``), then the notes printed after the table cut from the
    last explanation (``cut_closing_notes``): (the region without the lines cut, [] when no
    ``region`` is given; the notes)."""
    kept = None if region is None else list(region)
    notes = set_aside_furniture(rows, kept)
    kept, closing = cut_closing_notes(rows, kept)
    return kept, notes + closing
