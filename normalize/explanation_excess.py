"""Boxes read as explanations by their width alone on a page with more explanation boxes than
rows, given back to the before/after columns when they share their text with a before/after box.

In column-ordered text (pdfminer, plain ``pdftotext``) a box is told to be an explanation
(提出時期に係る説明) by its words or, failing those, by the explanation column's wrap width.  A
short before or after cell wraps at that width too (``ア 提供先ごとに提供方法を定めている。`` /
``イ 提供の記録を５年間保存している。``): it is then handed out as an explanation, every later
row of the page gets the explanation of the row above, and the row loses its before cell.  The
count says when this can have happened: the page has more explanation boxes than item boxes
(the items count the rows).  The text says which box it was: an after cell shares most of its
text with its own before cell (``difflib``), which an explanation does not.  Used by
``columnar``.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from .boxes import Box
from .merged_explanations import EXPLANATION_END

# A box and a before/after box of its page whose texts (whitespace-free) match at least this
# share (difflib's ratio) are one row's before and after cells.
SHARED_TEXT_RATIO = 0.6
# ... and open alike over at least this many characters (an explanation may quote a few words).
SHARED_OPENING_MIN = 4


def _squash(box: Box) -> str:
    return "".join(box.text.split())


def _opening(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def shared_text(a: str, b: str) -> float:
    """difflib's ratio of two cell texts when they open alike, else 0."""
    if _opening(a, b) < SHARED_OPENING_MIN:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def return_paired_explanations(boxes: list[Box], kind_of: dict[int, str]) -> int:
    """On each page with more explanation boxes than item boxes, the explanation boxes that do
    not end as an explanation ends and share their text with a before/after box of the page
    (``shared_text`` at least ``SHARED_TEXT_RATIO``) are before/after cells, the closest first,
    at most as many as the page's excess; of boxes that score alike, the first in the
    extractor's order.  ``kind_of`` maps ``id(box)`` to its kind and is updated in place;
    returns how many boxes changed column.  (Ties were once broken by ``id(box)``, a memory
    address: the same text then gave other records from one run to the next.)"""
    pages: dict[int | None, list[Box]] = {}
    for b in boxes:
        pages.setdefault(b.page, []).append(b)
    moved = 0
    for page_boxes in pages.values():
        kinds = [kind_of[id(b)] for b in page_boxes]
        excess = kinds.count("explanation") - kinds.count("item")
        if excess <= 0 or not kinds.count("item"):
            continue
        bodies = [_squash(b) for b, k in zip(page_boxes, kinds, strict=True) if k == "body"]
        scored = []
        for b, k in zip(page_boxes, kinds, strict=True):
            if k != "explanation" or EXPLANATION_END.search(b.lines[-1].text.strip()):
                continue
            text = _squash(b)
            best = max((shared_text(text, other) for other in bodies), default=0.0)
            if best >= SHARED_TEXT_RATIO:
                scored.append((best, id(b)))
        for _, key in sorted(scored, key=lambda s: -s[0])[:excess]:  # stable: page order on ties
            kind_of[key] = "body"
            moved += 1
    return moved
