"""A body paragraph printed after the table, read into the table's last row, is no row's text.

A filing may go on under its amendment table with a paragraph of its own (LibreOffice Writer:
``以上の変更は、いずれも…提出したものである。`` set in the body's text width).  Every flattened
text puts it right after the last row's last printed line: ``-raw`` / pypdfium2 text as later lines
of the last explanation, ``-layout`` text split among the last row's cells (its first line starts
at the left margin and runs across the columns: the 変更日 and 項目 cells).  What tells it from a
cell's own text is its width: a paragraph of the body wraps at the page's text width, wider than
any cell's wrap width, so its first line holds far more characters than any line of the table's
cells (t05_writer_body: 48 characters against the cells' 10 at most).  And it is a sentence of
prose: it ends with 。.  Rows read column by column (pdfminer, plain ``pdftotext``) are left alone:
their last row's explanation takes the boxes no row took, in no printed order.

``cut_prose_after_table`` cuts from the first such line (never the row's first printed line) to
the row's end, from every cell, and names the text cut in a note
(``closing_mark.after_table_note``): nothing is dropped in silence.  Notes opening with a mark
(``※``, ``（注）``) are ``closing_text``'s.
"""

from __future__ import annotations

from piatable.models import CellLine, RawRow

from .closing_mark import after_table_note

# A line of body prose holds at least this many characters (whitespace not counted): a body
# paragraph's line on an A4 page at 10.5-12 pt holds 35-50; a cell line of a six-column table
# rarely passes 20.
PROSE_MIN_CHARS = 30
# ... and its widest run without whitespace at least this many times the widest such run in any
# cell line of the table (the cut lines left out): a cell cannot print a run wider than its
# column, while a line of the text may glue pieces of several cells with spaces (pypdfium2:
# ``一的に行う。 ・転入届、転 出届…``), each piece a short run.
PROSE_WIDTH_RATIO = 2.0
# The cut text is a sentence of prose: its last line ends so.
PROSE_END = ("。", "。」", "。）", "。)")
# Lines of the region that may stand after the cut lines (a page number, a stray piece).
TRAILING_SLACK = 3


def _width(text: str) -> int:
    return len("".join(text.split()))


def _run(text: str) -> int:
    """The widest run of ``text`` without whitespace (a line glued of several cells' pieces has
    only short runs)."""
    return max(map(len, text.split()), default=0)


def _key(cl: CellLine) -> tuple[int, int]:
    return (cl.page or 0, cl.line_no if cl.line_no is not None else -1)


def _cut_from(rows: list[RawRow]) -> tuple[int, int] | None:
    """The (page, line_no) of the last row's first body-prose line (module docstring), or None."""
    last = rows[-1]
    lines = [cl for cells in last.cells.values() for cl in cells]
    if not lines or any(cl.line_no is None for cl in lines):
        return None
    first = min(map(_key, lines))
    wide = [cl for cl in lines if _key(cl) > first and _width(cl.text) >= PROSE_MIN_CHARS]
    if not wide:
        return None
    at = min(map(_key, wide))
    tail_ids = {id(cl) for cl in lines if _key(cl) >= at}
    table = (cl for row in rows for cells in row.cells.values() for cl in cells if id(cl) not in tail_ids)
    widest = max((_run(cl.text) for cl in table), default=0)
    if widest == 0 or min(_run(cl.text) for cl in wide if _key(cl) == at) < PROSE_WIDTH_RATIO * widest:
        return None
    tail = max((cl for cl in lines if _key(cl) >= at), key=_key)
    if not tail.text.rstrip().endswith(PROSE_END):
        return None
    return at


def cut_prose_after_table(
    rows: list[RawRow], region: list[CellLine] | None = None
) -> tuple[list[CellLine], list[str]]:
    """Cut a body paragraph printed after the table from ``rows``' last row (module docstring):
    the region without the lines cut (``region`` is left as it is; [] when none is given) and
    the notes that name them.  With a ``region``, nothing is cut unless each line cut is one of
    its last lines (the region's text must still be placed whole)."""
    if not rows:
        return list(region or []), []
    at = _cut_from(rows)
    if at is None:
        return list(region or []), []
    last = rows[-1]
    cut = sorted((cl for cells in last.cells.values() for cl in cells if _key(cl) >= at), key=_key)
    kept = list(region or [])
    for cl in reversed(cut):
        k = next((k for k in range(len(kept) - 1, -1, -1) if kept[k] is cl or kept[k].text == cl.text), None)
        if region is not None and (k is None or len(kept) - k > len(cut) + TRAILING_SLACK):
            return list(region), []
        if k is not None:
            del kept[k]
    taken = {id(cl) for cl in cut}
    for name, cells in last.cells.items():
        last.cells[name] = [cl for cl in cells if id(cl) not in taken]
    last.set_pages()
    return kept, [after_table_note("".join(cl.text.strip() for cl in cut))]
