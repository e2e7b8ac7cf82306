"""A 変更日 cell listing two dates, a line each, in text that gives wrapped cells apart.

An item changed twice may keep both changes' dates in one 変更日 cell (Calc, Alt+Enter:
``2019/10/1`` / ``2025/3/14``; set XX t14).  Calc draws such a cell with the wrapped cells (its
second pass: ``twophase``), and pypdfium2 / ``pdftotext -raw`` give its two lines right before
the row's item.  The second date opens the row (a date, then an item); the first, a date line
that opens nothing, was read into the row above's last cell (``…地方税関係情報`` /
``2019/10/1`` in its 変更後, confidence 0.91, no flag).  Here it is the cell's first line.
"""

from __future__ import annotations

from piatable.models import CellLine

from .dates import is_date_line


def listed_date(lines: list[CellLine], k: int, opened_at: int | None) -> bool:
    """Whether ``lines[k]`` is the first of two dates of one cell: a whole date alone on its
    printed line, not a cell's value (``CellLine.cell_date``), right above ``lines[k + 1]``,
    itself a whole date on one line (``opened_at == k + 1``: a date opens a row there) on the
    next printed line."""
    if opened_at != k + 1 or k + 1 >= len(lines):
        return False
    first, second = lines[k], lines[k + 1]
    if first.cell_date or not (is_date_line(first.text) and is_date_line(second.text)):
        return False
    if first.line_no is None or second.line_no is None:
        return False
    return first.page == second.page and second.line_no == first.line_no + 1
