"""変更後 printed before 変更前, in row-ordered text (issue 10).

Some templates print the after cell left of the before cell (``変更日 項目 変更後の記載 変更前の記載
提出時期 …``).  Row-ordered text (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF) gives each row's
cells in the printed order, and the stream reader, which reads the form's order, takes the
first of the two text cells as the before cell: every row's pair swapped, at confidence 0.92
with no warning (Writer and Chromium tables of samples/office-reversed60).  The label row tells
the order (``label_order.text_roles``); ``swap_sides`` puts each row's two cells back:

* the two cells' last line is a before cell's mark alone (``新規``, ``記載なし``, ``なし``, ``―``:
  ``BEFORE_MARK``) with text above it: the mark, printed after the after cell's text, is the
  before cell, every line above it (in either cell as read) the after cell;
* else, both cells hold text: the reader's before cell is the after cell and the other way round;
* one cell empty otherwise: which of the two the text is cannot be told; the row is left as
  read and said (``column_guess``, as ``label_order.read_by_labels`` does).
"""

from __future__ import annotations

import regex

from piatable.models import RawRow
from piatable.vocabulary import BEFORE_MARK_PATTERN

# Columns as indices of LABELS: 変更日 / 項目 / 変更前 / 変更後 / 提出時期 / 説明.
DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)
# What only a before cell prints as its whole text (an added row's: 新規; nothing written).
BEFORE_MARK = regex.compile(rf"^{BEFORE_MARK_PATTERN}$")


def sides_swapped(roles: tuple[int, ...]) -> bool:
    """Whether ``roles`` (the printed columns left to right) is the form's order with 変更後
    before 変更前, the date anywhere (``label_order.reorder_dates`` moves a date printed after
    the item)."""
    return tuple(r for r in roles if r != DATE) == (ITEM, AFTER, BEFORE, TIMING, EXPLANATION)


def swap_sides(row: RawRow) -> bool:
    """The row's before and after cells put back in their columns (in place, see the module's
    docstring); False when the row is left as read (one cell empty, no mark)."""
    before, after = row.cells["before"], row.cells["after"]
    printed = before + after  # the after cell's lines, then the before cell's
    ink = [k for k, cl in enumerate(printed) if cl.text.strip()]
    if len(ink) >= 2 and BEFORE_MARK.match(printed[ink[-1]].text.strip()):
        row.cells["before"] = [printed[ink[-1]]]
        row.cells["after"] = printed[: ink[-1]]
        return True
    if any(cl.text.strip() for cl in before) and any(cl.text.strip() for cl in after):
        row.cells["before"], row.cells["after"] = after, before
        return True
    return False
