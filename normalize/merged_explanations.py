"""Explanation boxes of column-ordered text (pdfminer, plain ``pdftotext``) that hold the
explanations (提出時期に係る説明) of several vertically adjacent rows, cut where each one ends.

An extractor that merges the cells of one column into one box leaves a page with fewer
explanation boxes than rows.  An explanation ends as such phrases end (``…に伴う修正``,
``…のため``, ``。``); its second paragraph (``重大な変更に該当しない``) opens no new one.  A box
is cut only when the page's cut points are exactly as many as the cells it lacks; otherwise the
evidence does not decide and the caller hands the boxes out as before.  Used by ``columnar``.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from .body_pairing import NO_CELL_OPENING
from .boxes import Box
from .rejoin import opens_paragraph

# The fewest characters of one row's explanation (a box is not cut into shorter pieces).
EXPLANATION_MIN_CHARS = 6
# Words an explanation (提出時期に係る説明) ends with.
EXPLANATION_END = regex.compile(
    r"(?:修正|追加|追記|変更|削除|見直し|改正|改訂|更新|反映|変更なし|該当しない|該当する|"
    r"ため|による|に伴う|伴う|記載|明確化|整理|適正化|時点修正)[。．]?$"
)


def explanation_cuts(box: Box) -> list[int]:
    """Line indices (≥ 1) where a box of the explanation column may hold a second row's
    explanation: the line before ends as an explanation ends (``…に伴う追加``, ``。``), and the
    line opens no second paragraph of one explanation (``重大な変更に該当しない``), and both
    pieces hold at least ``EXPLANATION_MIN_CHARS`` characters (``…の終了に伴う`` / ``削除`` is
    one explanation)."""
    out = []
    texts = ["".join(cl.text.split()) for cl in box.lines]
    for k in range(1, len(box.lines)):
        prev, cur = texts[k - 1], texts[k]
        ends = bool(EXPLANATION_END.search(prev)) or prev.endswith(("。", "．"))
        long_enough = min(len("".join(texts[:k])), len("".join(texts[k:]))) >= EXPLANATION_MIN_CHARS
        if ends and long_enough and cur and cur[0] not in NO_CELL_OPENING and not opens_paragraph(cur):
            out.append(k)
    return out


def split_merged_explanations(avail: list[Box], need: int, pos: dict[int, int]) -> list[Box] | None:
    """The explanation boxes of a page with ``need`` more cells than boxes, each box cut at its
    ``explanation_cuts`` when there are exactly ``need`` of them (the extractor merged the
    explanations of vertically adjacent rows into one box); None when the cuts are more or
    fewer (the evidence does not decide).  A piece takes its box's place in ``pos``."""
    cuts = [explanation_cuts(b) for b in avail]
    if sum(len(c) for c in cuts) != need:
        return None
    out = []
    for b, cs in zip(avail, cuts, strict=True):
        for a, e in pairwise([0, *cs, len(b.lines)]):
            piece = Box(b.lines[a:e], b.after_date)
            pos[id(piece)] = pos.get(id(b), 0)
            out.append(piece)
    return out
