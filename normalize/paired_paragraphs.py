"""A row-ordered text's before / after cut that breaks the cells' parallel paragraphs.

Text read in row order prints a row's 変更前 paragraphs, then its 変更後 paragraphs, with nothing
between them; the partition (``partition``, ``singlepass``) cuts them by their shapes and words.
A before cell of several paragraphs and an after cell revising them paragraph for paragraph
print alike in order (``庁舎内の…保管する。`` / ``なお、庁舎内の…`` then ``ガバメントクラウド上の…`` /
``なお、ガバメントクラウド…``): where the cut leaves the paragraphs that open alike at other places
in the two cells than another cut would, the cut is in doubt (set XXXIII w02: pypdfium2,
``pdftotext -raw``, pypdf, pdf.js texts gave the before cell the after's first paragraph, 0.789,
unwarned).

The paragraphs of both cells are aligned pairwise from the cells' first paragraphs and, apart,
from their last ones (a cell may add or drop a paragraph at either end); a pair opening with
the same ``MIN_OPENING_CHARS`` letters (not marks: ``・``, ``（``, digits) is a parallel pair.
When another cut of the joined paragraphs makes more parallel pairs than the row's cut, both
cells get ``column_guess``.  Only for text read in row order without positions: a PDF's or a
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


def _pairs(paras: tuple[str, ...], cut: int) -> int:
    """The parallel pairs the cut ``cut`` makes of ``paras`` (before = ``paras[:cut]``), the more
    of its cells' paragraphs aligned from their first ones or from their last ones."""
    before, after = paras[:cut], paras[cut:]
    ahead = sum(_parallel(a, b) for a, b in zip(before, after, strict=False))
    behind = sum(_parallel(a, b) for a, b in zip(reversed(before), reversed(after), strict=False))
    return max(ahead, behind)


def paired_paragraph_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the before and after cells of a row read in row order when another cut
    between them pairs more of their paragraphs (module doc); [] otherwise."""
    before, after = paragraphs(record.before), paragraphs(record.after)
    if not before or not after or len(before) + len(after) < 3:
        return []
    paras = before + after
    if len(paras) > MAX_PARAGRAPHS:
        return []
    cut = len(before)
    own = _pairs(paras, cut)
    best = max(range(1, len(paras)), key=lambda k: (_pairs(paras, k), k == cut))
    if best == cut or _pairs(paras, best) <= own:
        return []
    why = (
        f"the before / after cut leaves {own} paragraph(s) paired with the other cell's, a cut "
        f"{'later' if best > cut else 'earlier'} by {abs(best - cut)} paragraph(s) pairs "
        f"{_pairs(paras, best)} (cells revised paragraph for paragraph print alike in order)"
    )
    return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
