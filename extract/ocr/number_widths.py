"""Numbers of one kind in a cell written in one width.

A document prints its numbers of a kind in one font and width: the articles and items of a law
(第１９条第７号, 別表第二の４２の項), a date's year, month and day, a count with its counter
(１０万人, ５年).  Tesseract measures the width of each digit from where its neighbours stand, and
one measure can go either way: 第1 9条第7号別表第二の4 2の項、４３の項 holds both widths for
one kind.  Two signs tell the width:

- the width most numbers of that kind in the cell were read in: numbers of two or more digits,
  whose own pitch tells their width, else lone digits, measured from their neighbours;
- a number whose digits tesseract read apart (``1 9``, ``4 2``): full-width digits stand an em
  apart, which tesseract takes for a space between half-width ones; such a number votes full
  width, whatever its glyphs.

Within one cell (the lines of one cell together), numbers of a kind take the width of the strict
majority of its votes (those of two or more digits; the lone digits' where those tie); the
space inside a number read apart is dropped.  A tie is left as read (and
``extract/ocr/suspects`` still flags the mix).
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines
from .suspects import COUNTER_KINDS

# A number (its digits possibly read apart by a space) and the kanji counter after it (on the
# next line when the cell wraps between them).
_COUNTED = regex.compile(r"(?<![0-9０-９])([0-9０-９](?:[ \u3000]?[0-9０-９])*)(の?\n?)(\p{Han})")
_SPLIT = regex.compile(r"[ \u3000]")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF = str.maketrans("０１２３４５６７８９", "0123456789")
FIELDS = ("before", "after", "explanation")


def _vote(number: str) -> bool | None:
    """Full width (True), half (False) or None (digits of both widths) for one number."""
    if _SPLIT.search(number):
        return True
    digits = _SPLIT.sub("", number)
    if all("０" <= c <= "９" for c in digits):
        return True
    if all("0" <= c <= "9" for c in digits):
        return False
    return None


def even_counted_numbers(text: str) -> str:
    """``text`` (one cell, lines joined by ``\\n``) with the numbers of each kind in the width
    the strict majority of that kind's numbers vote for (see the module notes)."""
    votes: dict[str, list[list[int]]] = {}
    for m in _COUNTED.finditer(text):
        kind = COUNTER_KINDS.get(m.group(3), m.group(3))
        v = _vote(m.group(1))
        if v is not None:
            single = len(m.group(1)) == 1
            votes.setdefault(kind, [[0, 0], [0, 0]])[int(single)][int(v)] += 1
    width: dict[str, bool] = {}
    for kind, (multi, single) in votes.items():
        # Numbers of two or more digits first (their own pitch tells their width), lone digits
        # (measured from their neighbours) only where those tie.  A kind read all in one width
        # changes only where a number of it was read apart.
        for v in (multi, single):
            if v[0] != v[1]:
                width[kind] = v[1] > v[0]
                break
    if not width:
        return text

    def write(m: regex.Match) -> str:
        kind = COUNTER_KINDS.get(m.group(3), m.group(3))
        if kind not in width:
            return m.group(0)
        number = _SPLIT.sub("", m.group(1)).translate(_FULL if width[kind] else _HALF)
        return number + m.group(2) + m.group(3)

    return _COUNTED.sub(write, text)


def even_number_widths(rows: list[RawRow]) -> int:
    """``even_counted_numbers`` on every before, after and explanation cell of OCR rows (in
    place); the number of lines changed.  Rows changed are flagged ``ocr_corrected``."""
    changed = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            if not lines or any("\n" in cl.text for cl in lines):
                continue
            texts = even_counted_numbers("\n".join(cl.text for cl in lines)).split("\n")
            changed += rewrite_lines(row, lines, texts)
    return changed
