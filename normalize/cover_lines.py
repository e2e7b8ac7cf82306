"""The cover's lines of a page: those above the amendment table.

A page may print the cover's facts above the table (a sheet's first rows), never under it; and
the table's rows name the cover's own labels (a row amending ``表紙`` / ``評価書名``: set XXV t03,
whose before cell was read as the cover's 評価書名, branch place64).  The cover reader is given
only the lines above the table's title or its column-label row.  A column-ordered text (plain
``pdftotext``, pdfminer) prints the label row one label a line: ``LABEL_ROW_LABELS`` such lines in
a row open the table too (before, its 変更日 was read as the 評価書名 of a ``評価書名`` above it,
session 65).
"""

from __future__ import annotations

from piatable.vocabulary import is_label_piece, is_title, label_count

# A line holding this many of the six column labels is the amendment table's label row.
LABEL_ROW_LABELS = 3


def lines_before_table(lines: list[str]) -> list[str]:
    """``lines`` (a page's printed lines, top to bottom) up to the amendment table's title
    (``（別添２）変更箇所``: ``vocabulary.is_title``) or its column-label row (``LABEL_ROW_LABELS``
    labels or more, on one line or one a line); all of them when the page prints neither."""
    run = 0
    for i, ln in enumerate(lines):
        if is_title(ln) or label_count(ln) >= LABEL_ROW_LABELS:
            return lines[:i]
        run = run + 1 if label_count(ln) >= 1 and is_label_piece(ln) else 0
        if run == LABEL_ROW_LABELS:
            return lines[: i + 1 - run]
    return lines


def is_column_label(value: str) -> bool:
    """Whether a value read for a cover fact is one of the table's column labels (``変更日``, a
    label's piece): never a cover fact (a column-ordered text's label row read after 評価書名)."""
    squashed = value.replace(" ", "").replace("　", "")
    return bool(squashed) and label_count(squashed) >= 1 and is_label_piece(squashed)
