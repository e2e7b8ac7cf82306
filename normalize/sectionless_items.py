"""Item cells that print no section of the form (Ⅰ…Ⅵ), in column-ordered text.

Filers often print only the headings under a section (``２．特定個人情報の入手（…）`` /
``リスク１：目的外の入手が行われるリスク`` / ``対象者以外の情報の入手を防止するための措置の内容``,
``６．特定個人情報の保管・消去`` / ``①保管場所``).  Where the document's other items open with a
section, ``columnar`` reads a heading without one as a before/after cell's quotation (cells quote
headings: ``（１．研修）``), so such an item box opened no row and its row was lost with no word,
when its date was merged with the row above (pdfminer, plain ``pdftotext``).

A box is such an item when its lines part into paragraphs that are all headings of the form
(``items.heading_score`` at least ``PARAGRAPH_SCORE_MIN``, a heading wrapped over at most
``PARAGRAPH_LINES_MAX`` lines), the first opening with a heading's number (``２．``, not
bracketed) and scoring ``FIRST_SCORE_MIN``, no level printed twice (two ``N．`` or two ①…⑳
openings: a cell listing headings), when it is no wider than the item column (the widest box
opening with a section, plus ``WIDTH_SLACK``) and an item comes before it on its page (a
Writer row cut by a page break goes on at the top of the next page with the rest of its item,
which is no row: at a page's top such an item is left to the cells), and no item box holding
its section alone waits for the rest of its path (pdfminer may print that rest as a box of its
own).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from .chars import CIRCLED, DIGITS, display_width
from .items import heading_score

if TYPE_CHECKING:  # boxes cuts item boxes with is_heading_path
    from .boxes import Box

# A paragraph of an item is a heading of the form: at least this score (``委託事項１``: 0.5).
PARAGRAPH_SCORE_MIN = 0.5
# The item's first paragraph: a whole heading of the form.
FIRST_SCORE_MIN = 1.0
# Lines a heading may wrap over in the item column.
PARAGRAPH_LINES_MAX = 4
# Display units an item box may stray past the item column's width (kinsoku, a half-width digit).
WIDTH_SLACK = 2
# Lines of a box read as a path of headings at most (longer boxes are cells).
ITEM_LINES_MAX = 12
# A heading's number opening an item under its section (not a bracketed one, which cells quote).
NUMBERED_OPENING = regex.compile(rf"^\s*[{DIGITS}]{{1,2}}[．.]")
# A circled number opening a heading (``①保管場所``): one level of the path, printed once.
CIRCLED_OPENING = regex.compile(rf"^\s*[{CIRCLED}]")


@lru_cache(maxsize=4096)
def _score(text: str) -> float:
    return heading_score(text)


def is_heading_path(texts: tuple[str, ...]) -> bool:
    """Whether the lines part into paragraphs that are all headings of the form, the first a
    numbered whole heading (module docstring)."""
    if not texts or len(texts) > ITEM_LINES_MAX or not NUMBERED_OPENING.match(texts[0]):
        return False
    if (
        sum(bool(NUMBERED_OPENING.match(t)) for t in texts) > 1
        or sum(bool(CIRCLED_OPENING.match(t)) for t in texts) > 1
    ):
        return False  # a level printed twice: a cell listing headings, or two items
    n = len(texts)
    # can[k]: lines k… part into heading paragraphs.
    can = [False] * n + [True]
    for k in range(n - 1, -1, -1):
        for end in range(k + 1, min(n, k + PARAGRAPH_LINES_MAX) + 1):
            para = "".join(t.strip() for t in texts[k:end])
            least = FIRST_SCORE_MIN if k == 0 else PARAGRAPH_SCORE_MIN
            if can[end] and _score(para) >= least:
                can[k] = True
                break
    return can[0]


def sectionless_items(boxes: list[Box], kinds: dict[int, str], item_width: int) -> dict[int, str]:
    """``{id(box): "item"}`` for the boxes read as another column's (``kinds``: ``id(box)`` to
    its kind) that are items printing no section (module docstring); ``item_width``: the widest
    item box opening with a section (0: none, nothing is read so).  ``boxes`` in the extractor's
    order, each knowing its page."""
    if not item_width:
        return {}
    out = {}
    page_of_item = None
    lone = 0  # item boxes holding their section alone, whose rest is still to come
    for b in boxes:
        if kinds.get(id(b)) == "item":
            if page_of_item != b.page:
                lone = 0
            page_of_item = b.page
            lone += len(b.lines) == 1
        if kinds.get(id(b)) in ("item", "date", "timing") or len(b.lines) < 2:
            continue
        if page_of_item != b.page:
            # Above its page's first item: the rest of an item a page break cut (Writer).
            continue
        if lone:
            # The rest of an item whose section line the extractor printed as a box of its own
            # (pdfminer: ``Ⅰ 基本情報`` beside the date, ``５．個人番号の利用`` / … below).
            lone -= 1
            continue
        if max(display_width(cl.text) for cl in b.lines) > item_width + WIDTH_SLACK:
            continue
        if is_heading_path(tuple(cl.text for cl in b.lines)):
            out[id(b)] = "item"
            page_of_item = b.page
    return out
