"""A 変更日 cell listing two dates, a line each, in text that gives wrapped cells apart.

An item changed twice may keep both changes' dates in one 変更日 cell (Calc, Alt+Enter:
``2019/10/1`` / ``2025/3/14``; set XX t14).  Calc draws such a cell with the wrapped cells (its
second pass: ``twophase``), and pypdfium2 / ``pdftotext -raw`` give its two lines right before
the row's item.  The second date opens the row (a date, then an item); the first, a date line
that opens nothing, was read into the row above's last cell (``…地方税関係情報`` /
``2019/10/1`` in its 変更後, confidence 0.91, no flag).  Here it is the cell's first line
(its first lines, when a narrow column wrapped it: ``2017/6`` / ``/1`` / ``2021/4`` / ``/1``).
"""

from __future__ import annotations

from piatable.models import CellLine

from .dates import is_date_line
from .line_dates import DATE_OPENING, DATE_PART

# Lines a date listed above another may be wrapped into (``2017/6`` / ``/1``).
MAX_LISTED_LINES = 4


def listed_head(lines: list[CellLine], k: int) -> int | None:
    """Where the second date of a cell listing two opens, when ``lines[k]`` opens the first: the
    index after the lines ``lines[k:m]`` that join to a whole date (a date a narrow column wraps:
    ``2017/6`` / ``/1``; none a cell's value, ``CellLine.cell_date``) when ``lines[m]`` opens a
    year, every line printed right under the one before; else None.  The caller checks that a
    date opening a row starts at ``m``."""
    text = ""
    for m in range(k, min(k + MAX_LISTED_LINES, len(lines) - 1)):
        cl, nxt = lines[m], lines[m + 1]
        if cl.cell_date or not _next_printed(cl, nxt):
            return None
        text += cl.text.strip()
        if is_date_line(text) and DATE_OPENING.match(nxt.text):
            return m + 1
        if not DATE_PART.match(text):
            return None
    return None


def _next_printed(cl: CellLine, nxt: CellLine) -> bool:
    """``nxt`` is printed on the line right under ``cl`` (on one page)."""
    if cl.line_no is None or nxt.line_no is None:
        return False
    return cl.page == nxt.page and nxt.line_no == cl.line_no + 1
