"""Explanation boxes of column-ordered text (pdfminer, plain ``pdftotext``) that hold the
explanations (提出時期に係る説明) of several vertically adjacent rows, cut where each one ends.

An extractor that merges the cells of one column into one box leaves a page with fewer
explanation boxes than rows.  An explanation ends as such phrases end (``…に伴う修正``,
``…のため``, ``。``), also when the wrap cut its last word (``…の実施による修`` / ``正``); its
second paragraph (``重大な変更に該当しない``) opens no new one, nor does a line opening with a
hiragana particle (``により、…``: no explanation opens so).  A box is cut only when the page's
cut points are exactly as many as the cells it lacks; where they are more, the cuts after a
connective that more often runs on (``…に伴う`` / ``使用者数の増加``) are the weak ones, and the
others are taken when they alone are as many.  Otherwise the evidence does not
decide and the caller hands the boxes out as before.  Used by ``columnar``.
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
    r"(?:修正|追加|追記|変更|削除|見直し|改正|改訂|更新|反映|変更なし|該当しない|該当する|あたらない|当たらない|"
    r"ため|による|に伴う|伴う|記載|明確化|整理|適正化|時点修正)[。．]?$"
)
# Further nouns that end an explanation (``研修内容の充実``, ``…を修正したもの``: set XIV t06), read
# only where a box of the explanation column is cut: elsewhere they would take a before/after cell
# for an explanation.
CUT_END = regex.compile(r"(?:充実|増加|強化|拡充|したもの)[。．]?$")
# Of those, the connectives that more often run on into a phrase's next line (``…の開始に伴う``
# / ``使用者数の増加``) than end an explanation: a cut after them is weak.
RUNNING_END = regex.compile(r"(?:による|に伴う|伴う)$")
# An explanation never opens with a hiragana letter (a particle of the line before: ``により``).
_HIRAGANA_OPENING = regex.compile(r"^\p{Hiragana}")


def _ends_explanation(texts: list[str], k: int) -> bool:
    """Whether the text up to line ``k`` (exclusive) ends as an explanation ends, its last line
    read together with the one before it (a wrap may cut the last word: ``…修`` / ``正``)."""
    prev = texts[k - 1]
    if EXPLANATION_END.search(prev) or CUT_END.search(prev) or prev.endswith(("。", "．")):
        return True
    two = texts[k - 2] + prev if k >= 2 else ""
    return bool(two) and bool(EXPLANATION_END.search(two) or CUT_END.search(two))


def _cut_candidates(box: Box) -> list[tuple[int, bool]]:
    """Each possible cut of ``explanation_cuts`` with whether it is strong (the line before it
    does not end with a connective of ``RUNNING_END``, which more often runs on)."""
    out = []
    texts = ["".join(cl.text.split()) for cl in box.lines]
    for k in range(1, len(box.lines)):
        cur = texts[k]
        long_enough = min(len("".join(texts[:k])), len("".join(texts[k:]))) >= EXPLANATION_MIN_CHARS
        if not (long_enough and cur and _ends_explanation(texts, k)):
            continue
        if cur[0] in NO_CELL_OPENING or opens_paragraph(cur) or _HIRAGANA_OPENING.match(cur):
            continue
        out.append((k, not RUNNING_END.search(texts[k - 1])))
    return out


def explanation_cuts(box: Box) -> list[int]:
    """Line indices (≥ 1) where a box of the explanation column may hold a second row's
    explanation: the text before ends as an explanation ends (``…に伴う追加``, ``。``, also
    over a wrap: ``…による修`` / ``正``), and the line opens no second paragraph of one
    explanation (``重大な変更に該当しない``) and no particle (``により…``), and both pieces hold
    at least ``EXPLANATION_MIN_CHARS`` characters (``…の終了に伴う`` / ``削除`` is one
    explanation)."""
    return [k for k, _ in _cut_candidates(box)]


def split_merged_explanations(
    avail: list[Box], need: int, pos: dict[int, int]
) -> list[tuple[Box, str]] | None:
    """The explanation boxes of a page with ``need`` more cells than boxes, each box cut at its
    ``explanation_cuts`` when there are exactly ``need`` of them, or at its strong cuts alone
    (not after a running connective) when those are exactly ``need`` (the extractor merged the
    explanations of vertically adjacent rows into one box); None when neither count matches
    (the evidence does not decide).  Each piece comes with how it was found: "split", or
    "split_guess" for the pieces of a box whose weak cut was dropped (a guess on the count).  A
    piece takes its box's place in ``pos``."""
    candidates = [_cut_candidates(b) for b in avail]
    cuts = [[k for k, _ in c] for c in candidates]
    dropped = [False] * len(avail)
    if sum(len(c) for c in cuts) != need:
        cuts = [[k for k, strong in c if strong] for c in candidates]
        if sum(len(c) for c in cuts) != need:
            return None
        dropped = [len(c) > len(cs) for c, cs in zip(candidates, cuts, strict=True)]
    out = []
    for b, cs, guess in zip(avail, cuts, dropped, strict=True):
        for a, e in pairwise([0, *cs, len(b.lines)]):
            piece = Box(b.lines[a:e], b.after_date)
            pos[id(piece)] = pos.get(id(b), 0)
            out.append((piece, "split_guess" if guess else "split"))
    return out
