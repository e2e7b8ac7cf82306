"""One cell's line parted between two cells, seen in the row's other cell that repeats it (issue 12).

Text placed in columns by position (pdfplumber's plain text placed by guess, ``-layout``-like
text) parts a printed line where the words' places say; a before line ``番号法第９条第１項
別表第一の３０の項`` printed above the row's anchor line, in a vertically centred row, was read as
the after cell's ``番号法第９条第１項`` and the explanation's ``別表第一の３０の項``
(office-kindcol59's ``k59-calc-longkind-pdfplumber``: wrong at 0.916 with no flag).  The 変更前
and 変更後 cells of a row often repeat each other's lines whole: when two pieces of one printed
line put in two cells make together, in order, a line another cell of the row prints whole, the
two pieces are likely that one line of one cell, and the row is flagged ``column_guess`` on the
cell the second piece went to.
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import Doubt, RawRow

# The cells whose lines may be parted so, left to right.
_BODY = ("before", "after", "timing", "explanation")
# Each piece at least this many characters: a lone mark or number joins many lines by chance.
MIN_PIECE_CHARS = 4

WHY = "the {a} cell's {x!r} and the {b} cell's {y!r} on one printed line make the {c} cell's line whole"


def _squash(text: str) -> str:
    return "".join(text.split())


def split_echo_doubts(rows: list[RawRow]) -> None:
    """Give each row of ``rows`` with two pieces of one printed line in two cells that, joined in
    column order, make a whole line of a third cell (module notes) a ``column_guess`` doubt on
    the second piece's cell."""
    for row in rows:
        whole: dict[str, set[str]] = {
            f: {_squash(cl.text) for cl in row.cells.get(f) or []} for f in ("before", "after", "explanation")
        }
        at: dict[tuple[int | None, int], list[tuple[int, str, str]]] = {}
        for f in _BODY:
            for cl in row.cells.get(f) or []:
                if cl.line_no is not None:
                    at.setdefault((cl.page, cl.line_no), []).append((_BODY.index(f), f, _squash(cl.text)))
        found = None
        for pieces in at.values():
            pieces.sort()
            for (_, fa, x), (_, fb, y) in pairwise(pieces):
                if fa == fb or min(len(x), len(y)) < MIN_PIECE_CHARS:
                    continue
                for fc, lines in whole.items():
                    if fc not in (fa, fb) and x + y in lines:
                        found = (fa, x, fb, y, fc)
                        break
                if found:
                    break
            if found:
                break
        if found:
            fa, x, fb, y, fc = found
            row.doubts.append(Doubt("column_guess", fb, WHY.format(a=fa, x=x[:12], b=fb, y=y[:12], c=fc)))
