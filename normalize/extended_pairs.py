"""Before/after cells paired column by column whose before cell extends its after cell.

pdfminer orders a table's text boxes by where they sit and how tall they are, so a row's after
box may come out before its before box (set XVIII N, ``pdfminer`` with ``line_margin=0.2``:
``住民基本台帳法第 30 条の 11、第`` / ``30 条の 12`` printed before ``住民基本台帳法第 30 条の
11``); ``body_pairing`` reads the first as the before cell.  An amendment that keeps a text and
adds to it is common; one that keeps a text's opening and drops its tail is not: of the 325 rows
of the tables we hold (samples' tables, tests' tables, the truths of sets XVII and XVIII), the
after cell extends the before cell in 64, the before extends the after in none.  Yet such rows
exist (heldout-plain51: a choice ``[ 十分である ]`` dropped from a cell's end), and reading every
such pair the other way round made right rows wrong there (pdfminer, session 57).  So a pair
whose before cell is its after cell's text with more after it (whitespace aside) is doubted:
the extractor's order alone put them so (``EXTENDED_WHY``).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine

_WHITESPACE = regex.compile(r"\s+")

Pair = tuple[list[CellLine] | None, list[CellLine] | None]
EXTENDED_WHY = "its before cell extends its after cell, which the boxes' order alone put second"


def _text(lines: list[CellLine]) -> str:
    return _WHITESPACE.sub("", "".join(cl.text for cl in lines))


def extended_befores(cells: list[Pair]) -> set[int]:
    """The indexes of the rows of ``cells`` (one (before, after) pair of lines per row, None
    where a row has no such cell) whose before text strictly extends their after text."""
    out: set[int] = set()
    for k, (before, after) in enumerate(cells):
        if before and after:
            b, a = _text(before), _text(after)
            if a and len(b) > len(a) and b.startswith(a):
                out.add(k)
    return out
