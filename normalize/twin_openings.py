"""A before or after paragraph that holds both cells' values, printed on one line (set XXXIV n07).

pypdfium2, ``pdftotext -raw``, pypdf, pdf.js and pdfminer put the one-line cells printed on one
baseline on one line, a space between them: an address cell's before and after
(``霧島台町役所 総務課 情報公開係 霧島台町役所 総務部 行政管理課``) then read as one paragraph of the
before cell, and the after cell's lines move up a cell (before and after swap halves), at 0.554
unwarned.  A before and its amended after most often open with the same words, so a paragraph
whose first word (up to a space, ``MIN_OPENING`` characters or more) opens a piece after a space
on the same paragraph, while no paragraph of the other cell opens so, is two cells' values on
one line: both cells get a ``column_guess``.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

# The first word of a paragraph is a cell's opening (an office, a law's name) from this many
# characters on (shorter ones, 第１条 / 番号法, recur in one cell's lists).
MIN_OPENING = 5
_SPACE = regex.compile(r"[ \t\u3000]+")
WHY = (
    "its paragraph 「{para}」 opens twice (「{word}」 again after a space) while the {other} cell "
    "opens otherwise: the before and after values may share that printed line"
)


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def twin_opening_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on before and after when a paragraph of one of them opens twice (its first
    word, ``MIN_OPENING`` characters or more, opening a piece after a space again) and no
    paragraph of the other opens with that word: the two cells' values printed on one line."""
    cells = {"before": _paragraphs(record.before), "after": _paragraphs(record.after)}
    for field, other in (("before", "after"), ("after", "before")):
        for para in cells[field]:
            pieces = _SPACE.split(para)
            word = pieces[0]
            if len(word) < MIN_OPENING or word not in pieces[1:]:
                continue
            if any(p.startswith(word) for p in cells[other]):
                continue
            why = WHY.format(para=para[:30], word=word, other=other)
            return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    return []
