"""What a pdfplumber ``extract_text()`` line's fragments say of their columns beyond their widths
(``plumber_text`` weighs them with the rest):

- ``opens_phrase``: a fragment opening one of the 提出時期に係る説明 column's stock sentences
  (``vocabulary.EXPLANATION_PHRASES``, 重要な変更にはあたらない: the second paragraph of most
  explanations) is the explanation's;
- ``twin_joins``: before and after cells that print the same first line (a change keeps a
  cell's start) hold the same spaces: an ideographic space inside a cell prints as a gap, so
  pdfplumber cuts both at the same place (``・番号法第９条第１項 別 ・番号法第９条第１項 別``).
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from piatable.vocabulary import EXPLANATION_PHRASES

BEFORE, AFTER = 2, 3  # the columns 変更前の記載 and 変更後の記載 (plumber_text's order)
# Two fragments joined in one column (a space inside a cell) where before and after print the
# same fragment first on the line and each takes as many fragments after it (plumber_text's
# COST_JOINED elsewhere: 3.0); the twin fragment at least this long (characters).
COST_JOINED_TWIN = 0.5
TWIN_MIN_CHARS = 4
# A fragment that opens one of the explanation column's stock sentences (``vocabulary.
# EXPLANATION_PHRASES``: 重要な変更にはあたらない, the second paragraph of most explanations),
# given to another column.
COST_PHRASE_ELSEWHERE = 2.0
PHRASE_MIN_CHARS = 5


@lru_cache(maxsize=4096)
def opens_phrase(frag: str) -> bool:
    """The fragment is one of the explanation's stock sentences, or its first line wrapped."""
    if len(frag) < PHRASE_MIN_CHARS:
        return False
    return any(p.startswith(frag) or frag.startswith(p) for p in EXPLANATION_PHRASES)


def twin_joins(frags: list[str], cols: tuple[int, ...]) -> set[int]:
    """The fragments joined to the one before at ``COST_JOINED_TWIN``: before and after open
    with the same fragment and each joins as many after it."""
    out: set[int] = set()
    for i, j in itertools.combinations(range(len(frags)), 2):
        if cols[i] != BEFORE or cols[j] != AFTER or frags[i] != frags[j] or len(frags[i]) < TWIN_MIN_CHARS:
            continue
        if (i and cols[i - 1] == BEFORE) or cols[j - 1] == AFTER:
            continue
        inner = [k for k in range(i + 1, j) if cols[k] == BEFORE]
        outer = [k for k in range(j + 1, min(len(frags), j + 1 + len(inner))) if cols[k] == AFTER]
        if inner and len(inner) == j - i - 1 and len(outer) == len(inner):
            out.update(inner + outer)
    return out
