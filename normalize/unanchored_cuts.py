"""An after cell's later paragraph read into the explanation, in a table whose 提出時期 does not
stand between 変更後 and the explanation (branch order63; set XXIV's t03, FAULTS.md §2 b).

In the form's order a row-ordered text prints each row's timing (事前 / 事後) between its after
cell and its explanation: the reader cuts there.  A table printed in another order (``label_order``:
提出時期 first, ``提出時期 | 変更日 | 項目 | 変更前 | 変更後 | 説明``, or beside the date) gives no such
mark, and a row's after and explanation lines are parted by their widths and content alone
(``singlepass.split_row_scored``).  Chromium gives the text columns one width, and a
two-paragraph after cell's second paragraph was read into the explanation (set XXIV t03: 6 rows
unwarned at confidence 0.61–0.92 in PyMuPDF, pypdf and ``pdftotext -raw`` texts; samples
office-order63: 4 rows at 0.6).

An explanation says why (``EXPLANATION_ENDING``: …による修正, …のため) or whether the change is a
significant one (``EXPLANATION_PHRASES``'s words: 重要な変更に当たる).  Where the explanation as read
opens with a sentence (its first paragraph ends with 。) that says neither, and what follows it
does, that sentence is the after cell's tail: it is moved there, with a ``cut_guess`` doubt
(confidence only).  Nothing moves in a table whose timing anchors the cut (``timing_anchors``).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH
from piatable.vocabulary import EXPLANATION_ENDING, SIGNIFICANCE_PREDICATES, SIGNIFICANCE_WORDS

from .label_order import AFTER, EXPLANATION, TIMING_ROLE

MOVED_WHY = (
    "the table prints 提出時期 elsewhere than between 変更後 and the explanation; a sentence read at"
    " the explanation's head that gives no reason was taken as the after cell's last paragraph"
)
_SIGNIFICANCE = regex.compile(
    "(?:" + "|".join(SIGNIFICANCE_WORDS) + ")な変更(?:" + "|".join(SIGNIFICANCE_PREDICATES) + ")"
)
_SENTENCE_END = ("。", "．")


def timing_anchors(roles: Sequence[int]) -> bool:
    """Whether the printed columns (``roles``, indices of ``LABELS`` left to right) put 提出時期
    right after 変更後 and right before the explanation, as the form does."""
    t = list(roles).index(TIMING_ROLE)
    return 0 < t < len(roles) - 1 and roles[t - 1] == AFTER and roles[t + 1] == EXPLANATION


def reads_as_explanation(text: str) -> bool:
    """Whether a paragraph gives a reason (``EXPLANATION_ENDING``) or says whether the change is a
    significant one (重要な変更に当たる …)."""
    flat = regex.sub(r"[\s　]+", "", text)
    return bool(EXPLANATION_ENDING.search(flat) or _SIGNIFICANCE.search(flat))


def _leading_sentence(lines: list[CellLine]) -> int | None:
    """How many lines make the first paragraph when a line before the last ends a sentence; None
    when none does."""
    for k, cl in enumerate(lines[:-1]):
        if cl.text.rstrip().endswith(_SENTENCE_END):
            return k + 1
    return None


def move_after_tails(rows: list[RawRow], roles: Sequence[int]) -> int:
    """Move each explanation's leading sentences that give no reason into the after cell, while
    the rest reads as an explanation (see the module's docstring), when ``roles`` do not anchor
    the cut; how many rows changed."""
    if timing_anchors(roles):
        return 0
    changed = 0
    for row in rows:
        moved = False
        while (expl := row.cells.get("explanation", [])) and (k := _leading_sentence(expl)) is not None:
            head, rest = expl[:k], expl[k:]
            if reads_as_explanation("".join(cl.text for cl in head)) or not reads_as_explanation(
                "".join(cl.text for cl in rest)
            ):
                break
            row.cells["after"] = [*row.cells.get("after", []), *head]
            row.cells["explanation"] = rest
            moved = True
        if moved:
            row.doubts.append(Doubt("cut_guess", "after", MOVED_WHY, MENDED_CUT_STRENGTH))
            changed += 1
    return changed
