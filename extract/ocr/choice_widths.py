"""Digits of a form's count answer in the width the document prints them.

The forms ask for counts by choices printed in brackets (``[ 50人以上100人未満 ]``,
``[ 10万人以上30万人未満 ]``, ``[ 1,000人以上1万人未満 ]``).  Tesseract measures a digit's width
from its neighbours and reads some of them in the other width (``[５０人以上100人未満]``), while
one document prints its answers in one width.  An answer in brackets that is wholly a count
choice (numbers with 人 / 万人, 以上 / 未満) has its digits written in the document's width:

- the width the document's other count answers' numbers of two or more digits were read in, when
  more than ``number_widths.DOCUMENT_WIDTH_SHARE`` of at least ``DOCUMENT_WIDTH_MIN`` agree;
- else the width of the answer's own numbers of two or more digits (measured by their own pitch),
  when they agree;
- else half width, as the forms print them (every answer of the samples' first 1,171 truth
  choices, made from the forms' text, is half width).

A document typed in full width (``[ ３０万人以上 ]``, samples/office-width23) keeps it: the answer
is no longer made half width by the forms' preference alone (newuser23's scans: printed ３０
written 30).  The line is flagged ``ocr_corrected`` with what was read.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .number_widths import document_width
from .rewrites import rewrite_lines

# A count choice in brackets: one or two counts (digits of either width, a thousands comma, 万),
# each with 人, joined by 以上 and closed by 以上 or 未満.
_COUNT = r"[0-9０-９][0-9０-９,，]*万?人"
CHOICE = regex.compile(rf"\[[ \u3000]*{_COUNT}(?:以上(?:{_COUNT}未満)?|未満)[ \u3000]*\]")
_HALF = str.maketrans("０１２３４５６７８９，", "0123456789,")
_FULL = str.maketrans("0123456789,", "０１２３４５６７８９，")
_LONGER = regex.compile(r"[0-9０-９][0-9０-９,，]*[0-9０-９]")
_ASCII = regex.compile(r"[0-9,]")
FIELDS = ("before", "after")


def _answer_width(answer: str) -> bool | None:
    """Full (True) or half width of an answer's numbers of two or more digits, when all were
    read in one width; else None."""
    numbers = _LONGER.findall(answer)
    if any(not n.isascii() and _ASCII.search(n) for n in numbers):
        return None  # a number read in two widths
    widths = {not n.isascii() for n in numbers}
    return next(iter(widths)) if len(widths) == 1 else None


def choice_votes(text: str) -> list[int]:
    """[half, full]: ``text``'s count choices whose numbers of two or more digits were read in one
    width, by that width."""
    out = [0, 0]
    for m in CHOICE.finditer(text):
        full = _answer_width(m.group(0))
        if full is not None:
            out[int(full)] += 1
    return out


def even_choice(text: str, document: list[int] | None = None) -> str:
    """``text`` with the digits of each bracketed count choice in one width: the document's
    (``document``: [half, full] of its other answers, ``choice_votes``), else the answer's own
    longer numbers', else half (module notes)."""

    def write(m: regex.Match) -> str:
        full = document_width(document)
        if full is None:
            full = bool(_answer_width(m.group(0)))
        return m.group(0).translate(_FULL if full else _HALF)

    return CHOICE.sub(write, text)


def even_choices(rows: list[RawRow]) -> int:
    """``even_choice`` on every line of the before and after cells of OCR rows (in place), each
    with the document's other answers as evidence; the number of lines changed."""
    cells = [lines for row in rows for f in FIELDS if (lines := row.cells.get(f) or [])]
    votes = [[choice_votes(cl.text) for cl in lines] for lines in cells]
    total = [sum(v[0] for vs in votes for v in vs), sum(v[1] for vs in votes for v in vs)]
    changed = 0
    k = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            if not lines:
                continue
            written = []
            for cl, own in zip(lines, votes[k], strict=True):
                others = [total[0] - own[0], total[1] - own[1]]
                written.append(even_choice(cl.text, others))
            k += 1
            changed += rewrite_lines(row, lines, written)
    return changed
