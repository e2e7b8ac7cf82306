"""A date whose day may hold an extra column's number (branch extracol67).

Column-ordered and row-ordered readers join a date and a line of one or two digits after it
into one date when the two parse as one (``split_compound_lines``: a narrow 変更日 column wraps
``2024.4.13`` as ``2024.4.1`` / ``3``).  In a table with a page or numbering column beyond the
six, that line is as likely the column's value: PyMuPDF's text of set XXVIII t10 (評価書頁 with
``3`` … ``30``) prints each row's date, then its page, and ``2024.4.1`` + ``3`` was read as
2024-04-13 with no warning.  The two cannot be told apart from the text, so a row whose date
was so joined (its line ``wraps``, and the date without its last digit is a date too) in a text
whose label row names such a column (``extra_columns.EXTRA_COLUMNS_NOTE``) is flagged
``column_guess`` on ``change_date``.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import extra_column_role

from .dates import parse_date
from .extra_columns import extra_columns_of

# The roles whose cells are small numbers a date's day may take in.
NUMBER_ROLES = ("page", "number")
# A numeric date whose day has two digits (``2024.4.13``, ``R6.4.13``, ``2024/4/13``).
_TWO_DIGIT_DAY = regex.compile(
    r"^(?P<head>.*[0-9０-９][./．／\-－][0-9０-９]{1,2}[./．／\-－][0-9０-９])[0-9０-９]$"
)
WHY = (
    "the date {raw} was joined from {head} and a number on the line after it; the label row names"
    " an extra column ({label}) of small numbers, so the number may be its cell, not the day's digit"
)


def glued_day_doubts(rows: list[RawRow], notes: list[str]) -> None:
    """Give each row of ``rows`` whose date may hold an extra column's number (module notes)
    its ``column_guess`` doubt on ``change_date``."""
    labels = [label for label, _ in extra_columns_of(notes) if extra_column_role(label) in NUMBER_ROLES]
    if not labels:
        return
    for row in rows:
        lines = row.cells.get("change_date") or []
        if len(lines) != 1 or not lines[0].wraps:
            continue
        raw = "".join(lines[0].text.split())
        m = _TWO_DIGIT_DAY.match(raw)
        if m and parse_date(raw) and parse_date(m["head"]):
            row.doubts.append(
                Doubt("column_guess", "change_date", WHY.format(raw=raw, head=m["head"], label=labels[0]))
            )
