"""Rows of Calc's two-pass text (``twophase``) that hold only an item: a heading inside a cell
read as the next row's start (issue 10, branch column56).

Pass 2 opens a row at every line that opens an item with a section of the form (Ⅰ…Ⅵ).  A before
or after cell may open with such a heading too (``Ⅱ特定個人情報ファイルの概要`` /
``③対象となる本人の範囲`` / ``・個人番号の入力時には…``: the part of the form a new text goes to),
and the row is then read as two: the first holds its item and nothing else, the second takes the
cell's heading for its item.  Two such "rows" each lack what the other has (the first a before or
after text, the second a date of its own), and they are one row when:

* the page's pass 1 holds only dates and timings (``_Page.texts`` false): a before or after cell
  that fits one line is drawn in pass 1 (``passone``), so a row whose text is all in pass 2 and
  reads no before or after text there has none at all, which no amendment row is;
* the next row prints no date of its own (a wrapped date opens a row for sure), and no two lines
  of the first share a printed line (one-line cells printed beside its item's last line);
* the page's rows outnumber its dates (pass 1's and the wrapped ones): joining the two leaves
  every date a row (the date lines count the rows; a merged date prints once for several rows,
  so this alone does not decide).

The joined row keeps the first row's lines as its item (``joined_cells``: they read as an item and
nothing else) and the second's as its body, the heading opening its first body cell (the before
cell, or the after cell when the before reads empty), and says it was joined (a confidence-only
``cut_guess``: the heading may as well open a row whose cells hold nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from piatable.models import CellLine

from .dates import is_date_line
from .rejoin import same_printed_line

JOINED_WHY = (
    "a row of pass 2 that reads only an item, on a page whose pass 1 holds no text cells and "
    "whose rows outnumber its dates, was joined with the next row (a heading inside its before "
    "or after cell read as a row's start)"
)
# What the joined row's confidence is at most: the join is a reading of the date count.
JOINED_CONFIDENCE = 0.7


def page_dates(page) -> int:
    """How many dates a page of ``twophase._Page`` prints: pass 1's and the rows' wrapped ones."""
    return sum(1 for cl in page.singles if is_date_line(cl.text)) + sum(r.date is not None for r in page.rows)


def _pieces_side_by_side(lines: list[CellLine]) -> bool:
    """Whether two of ``lines`` share a printed line, or a line holds pieces a space apart (cells
    side by side: ``②所属長の役職名 市民課長 市民窓口課長 …``, one-line cells printed beside the
    item's last line, kept as one line when a value may hold a space): a row with cells."""
    return any(same_printed_line(a, b) for a, b in pairwise(lines)) or any(
        len(cl.text.split()) > 1 for cl in lines
    )


def join_item_only_rows(pages: list, reads_no_change: Callable[[list[CellLine]], bool]) -> int:
    """Join, on each page of ``pages`` (``twophase._Page``, changed in place), a row whose lines
    ``reads_no_change`` (no before or after text when read alone) with the row after it, under
    the module's conditions; the joined row's ``why`` is ``JOINED_WHY`` and its ``joined_at`` the
    index of the second row's first line.  Returns how many rows
    were joined."""
    joined = 0
    for page in pages:
        if page.texts or page.pairing_why:
            continue
        rows = page.rows
        k = 0
        while k + 1 < len(rows):
            cur, nxt = rows[k], rows[k + 1]
            extra = len(rows) - page_dates(page)
            if (
                extra > 0
                and nxt.date is None
                and cur.lines
                and nxt.lines
                and not _pieces_side_by_side(cur.lines)
                and reads_no_change(cur.lines)
            ):
                cur.joined_at = len(cur.lines)
                cur.lines = [*cur.lines, *nxt.lines]
                cur.why = JOINED_WHY
                del rows[k + 1]
                joined += 1
                continue
            k += 1
    return joined


def joined_cells(
    lines: list[CellLine], at: int, split: Callable[[list[CellLine]], list[list[CellLine]]]
) -> list[list[CellLine]]:
    """The item / before / after / explanation of a row joined at ``lines[at]``: the first part
    whole as the item; the second read as a row by ``split`` (item, before, after, explanation),
    its "item" (the heading inside the cell) put at the start of its before cell, or of its after
    cell when the before is empty."""
    heading, before, after, explanation = split(lines[at:])
    if before:
        before = [*heading, *before]
    else:
        after = [*heading, *after]
    return [lines[:at], before, after, explanation]
