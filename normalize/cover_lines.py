"""The cover's lines of a page: those above the amendment table.

A page may print the cover's facts above the table (a sheet's first rows), never under it; and
the table's rows name the cover's own labels (a row amending ``表紙`` / ``評価書名``: set XXV t03,
whose before cell was read as the cover's 評価書名, branch place64).  The cover reader is given
only the lines above the table's title or its column-label row.
"""

from __future__ import annotations

from piatable.vocabulary import is_title, label_count

# A line holding this many of the six column labels is the amendment table's label row.
LABEL_ROW_LABELS = 3


def lines_before_table(lines: list[str]) -> list[str]:
    """``lines`` (a page's printed lines, top to bottom) up to the amendment table's title
    (``（別添２）変更箇所``: ``vocabulary.is_title``) or its column-label row (``LABEL_ROW_LABELS``
    labels or more); all of them when the page prints neither."""
    for i, ln in enumerate(lines):
        if is_title(ln) or label_count(ln) >= LABEL_ROW_LABELS:
            return lines[:i]
    return lines
