"""A row-ordered text's before / after cut that breaks the cells' parallel paragraphs.

Text read in row order prints a row's 変更前 paragraphs, then its 変更後 paragraphs, with nothing
between them; the partition (``partition``, ``singlepass``) cuts them by their shapes and words.
A before cell of several paragraphs and an after cell revising them paragraph for paragraph
print alike in order (``庁舎内の…保管する。`` / ``なお、庁舎内の…`` then ``ガバメントクラウド上の…`` /
``なお、ガバメントクラウド…``): where the cut leaves the paragraphs that open alike at other places
in the two cells than another cut would, the cut is in doubt (set XXXIII w02: pypdfium2,
``pdftotext -raw``, pypdf, pdf.js texts gave the before cell the after's first paragraph, 0.789,
unwarned).

A pair of paragraphs opening with the same ``MIN_OPENING_CHARS`` letters (not marks: ``・``,
``（``, digits) is a parallel pair.  When the row's cut gives the cells unequal numbers of
paragraphs, and the cut giving both as many pairs more of them from their first paragraphs
than the row's cut does from either end (a cell may add or drop a paragraph at either end),
both cells get ``column_guess``.  (Other cuts are not weighed: a cell's own paragraphs may open
alike, a period's ``平成30年12月1日から`` / ``平成30年12月31日まで``, and shifted lists pair by
chance.)  Only for text read in row order without positions: a PDF's or a
layout text's cells come from their columns.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .chars import common_prefix, paragraphs

# Letters (kana, kanji, Latin) two paragraphs must open with alike to be a parallel pair: なお、,
# 庁舎, ただし; a bullet, bracket or number alone is every list's opening.
MIN_OPENING_CHARS = 2
_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Latin}]")
# Joined paragraphs beyond this many are not weighed (a long list's cut is not told by this).
MAX_PARAGRAPHS = 12


def _parallel(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` open with the same ``MIN_OPENING_CHARS`` letters or more."""
    shared = common_prefix(a, b)
    return len(_LETTER.findall(shared)) >= MIN_OPENING_CHARS


def _pairs(before: tuple[str, ...], after: tuple[str, ...]) -> int:
    """The parallel pairs of ``before`` and ``after`` aligned from their first paragraphs."""
    return sum(_parallel(a, b) for a, b in zip(before, after, strict=False))


def paired_paragraph_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the before and after cells of a row read in row order when the cut
    giving both cells as many paragraphs pairs more of them than the row's cut does, aligned
    from either end (module doc); [] otherwise."""
    before, after = paragraphs(record.before), paragraphs(record.after)
    paras = before + after
    half = len(paras) // 2
    if not before or not after or len(paras) % 2 or len(before) == half or len(paras) > MAX_PARAGRAPHS:
        return []
    own = max(_pairs(before, after), _pairs(before[::-1], after[::-1]))
    even = _pairs(paras[:half], paras[half:])
    if even <= own:
        return []
    why = (
        f"the before / after cut gives the cells {len(before)} and {len(after)} paragraphs, "
        f"{own} of them paired; {half} each would pair {even} (cells revised paragraph for "
        "paragraph print alike in order)"
    )
    return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
