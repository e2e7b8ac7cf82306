"""Glued and interrupted headings of a 項目 component: a known heading with another cell's text
inside it or at its end (``known_around``), and headings glued by an extractor of which one was
misread (``split_near``).  ``item_key`` asks both when a component is no heading as read.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .heading_lexicon import FOREIGN_TO_HEADINGS, hierarchy, near_known, structure
from .item_noise import MIN_INTERRUPTED_CHARS
from .item_numerals import MIN_SPLIT_PIECE_CHARS
from .item_numerals import split_known as _split_known

# The end of a date that wrapped into the 項目 column (``令和5年3月31`` / ``日``).
_DATE_TAIL = regex.compile(r"^[0-9０-９]{0,2}[年月日]$")


@lru_cache(maxsize=16384)
def known_around(text: str) -> tuple[str, str] | None:
    """(heading, the other text) when ``text`` is a known heading of at least
    ``MIN_INTERRUPTED_CHARS`` with one run of other text inside it, or None.

    A reader that takes the lines of two columns in turn prints a neighbouring cell's line into
    a wrapped heading (``特定個人情報ファイルを取り扱[]その他う事務において…``), leaving at
    least ``MIN_SPLIT_PIECE_CHARS`` of the heading on either side.  The run
    may also stand at the start or the end, if it holds what headings never do (a digit, a
    bracket ``[]``, ○, 。) and is no longer than the heading: at an end, plain words may be a
    longer heading the lexicon lacks.  The end of a wrapped date (``日``, ``31日``) may stand
    anywhere after the heading's first character.  Of several headings that fit, the longest
    is taken; a tie gives None.
    """
    if len(text) < MIN_INTERRUPTED_CHARS + 1 or text in hierarchy():
        return None
    found = []
    for k in hierarchy():
        if len(k) < MIN_INTERRUPTED_CHARS or len(k) >= len(text):
            continue
        head = 0
        while head < len(k) and k[head] == text[head]:
            head += 1
        tail = 0
        while tail < len(k) - head and k[-1 - tail] == text[-1 - tail]:
            tail += 1
        if head + tail < len(k):
            continue
        head = len(k) - tail if head + tail > len(k) else head
        other = text[head : len(text) - tail]
        if _DATE_TAIL.match(other) and head > 0:
            found.append((k, other))
        elif MIN_SPLIT_PIECE_CHARS <= head <= len(k) - MIN_SPLIT_PIECE_CHARS or (
            FOREIGN_TO_HEADINGS.search(other) and 2 * len(k) >= len(text)
        ):
            found.append((k, other))
    if not found:
        return None
    longest = max(len(k) for k, _ in found)
    best = [f for f in found if len(f[0]) == longest]
    return best[0] if len(best) == 1 else None


def split_near(text: str, parent: str | None) -> tuple[tuple[str, ...], str] | None:
    """``text`` cut into known headings, one of them misread (``near_known``), as (the headings,
    ``printed→heading`` of the misread one), or None.

    For headings glued by an extractor (no numbering between them) of which one was misread:
    ``個人番号の利用`` + ``法令上の根拠`` read ``個人番体の利用法令上の根拠``.  A cut is tried only
    where the piece on one side is known exactly (or is cut wholly into known headings,
    ``_split_known``); the other side must be a misreading of one heading (the forms' hierarchy
    deciding as in ``near_known``, its parent the exact piece before it), and a misread first
    piece one the structure prints the known piece under, or the structure places the known
    piece nowhere (``人手を介在体せる作業`` + ``判断の根拠``, the 基礎 form's).  Taken only when
    exactly one cut works.
    """
    found: set[tuple[tuple[str, ...], str]] = set()
    n = len(text)
    for i in range(MIN_SPLIT_PIECE_CHARS, n - MIN_SPLIT_PIECE_CHARS + 1):
        head, tail = text[:i], text[i:]
        head_known = (head,) if head in hierarchy() else _split_known(head)
        if head_known:
            near = near_known(tail, head_known[-1])
            if near:
                found.add(((*head_known, near), f"{tail}→{near}"))
        tail_known = (tail,) if tail in hierarchy() else _split_known(tail)
        if tail_known:
            near = near_known(head, parent)
            # The forms' structure must not rule the pair out: the heading after is printed
            # under the misread one, or the structure (pia_headings.tsv) does not place it.
            above = structure().parents.get(tail_known[0], frozenset())
            if near and (tail_known[0] == near or near in above or not above):
                found.add(((near, *tail_known), f"{head}→{near}"))
    return found.pop() if len(found) == 1 else None
