"""Gaps between Japanese characters that justification stretched: no space of the document
(issue 11; set XXVIII t12, branch spaced67).

A cell set with ``text-align: justify; text-justify: inter-character`` (Chromium), or Calc's and
Writer's distributed alignment (均等割り付け), spreads the characters of each full line evenly
over the cell's width: every pair of characters of the line stands the same gap apart, a quarter
of an em or more.  pdfium infers a space from each such gap (``FPDFText_IsGenerated``; the
document draws none), and the cell read ``令 和6年4`` / ``番 号 法 第 ９ 条``: the date did not
parse and every row was wrong.  A space the document has between two Japanese characters
(``健康福祉部 保険年金課``) leaves a gap wider than the line's other gaps by the space's
own width; a stretched gap is no wider than its neighbours'.

So a space pdfium infers between two Japanese characters is kept only when its gap stands
out from the nearest gaps of the same line (``SPACE_STANDOUT_EM``); a gap with no neighbour
on its line to compare with is left to the caller's rules.  Spaces between Latin words are
never judged here (``extract.pdf._inferred_space`` keeps them).
"""

from __future__ import annotations

from collections.abc import Callable

from . import pdfium_calls as pc

# A gap between two Japanese characters is a space of the document only when it is at least
# this many ems wider than the narrowest neighbouring gap of its line (a half-width space is
# about half an em wide in the Japanese fonts; two characters of a justified line stand apart
# by the same stretch, to a hundredth of an em in Chromium's, Calc's and Writer's PDFs).
SPACE_STANDOUT_EM = 0.15
# How far along the line a neighbouring character is looked for, in characters (a space pdfium
# infers between the neighbours is stepped over).
NEIGHBOUR_STEPS = 2

Box = Callable[[int, int], tuple[float, float, float, float]]


def stretched_gap(tpr: int, i: int, n_chars: int, gap: float, em: float, bottom: float, box: Box) -> bool:
    """True when the gap of ``gap`` points around character ``i`` of text page ``tpr`` (a
    handle; the space pdfium infers between characters ``i - 1`` and ``i + 1``, on the line
    whose characters' loose boxes sit at ``bottom``, ``em`` high) is a justified line's stretch:
    a neighbouring gap of the same line (between ``i - 1`` and the character before it, or
    ``i + 1`` and the one after) is at most ``SPACE_STANDOUT_EM`` ems narrower.  ``box(tpr, k)``
    gives character ``k``'s loose box (left, bottom, right, top) in points."""
    sides = (_gap_before(tpr, i - 1, bottom, em, box), _gap_after(tpr, i + 1, n_chars, bottom, em, box))
    near = [g for g in sides if g is not None]
    return bool(near) and gap - min(near) < SPACE_STANDOUT_EM * em


def _gap_before(tpr: int, k: int, bottom: float, em: float, box: Box) -> float | None:
    """The gap between character ``k`` and the visible character before it on its line, or None."""
    left = box(tpr, k)[0]
    j = k - 1
    for _ in range(NEIGHBOUR_STEPS):
        if j < 0:
            return None
        if _visible(tpr, j):
            _, b, r, _ = box(tpr, j)
            return left - r if abs(b - bottom) <= em / 2 else None
        j -= 1
    return None


def _gap_after(tpr: int, k: int, n_chars: int, bottom: float, em: float, box: Box) -> float | None:
    """The gap between character ``k`` and the visible character after it on its line, or None."""
    right = box(tpr, k)[2]
    j = k + 1
    for _ in range(NEIGHBOUR_STEPS):
        if j >= n_chars:
            return None
        if _visible(tpr, j):
            lft, b, _, _ = box(tpr, j)
            return lft - right if abs(b - bottom) <= em / 2 else None
        j += 1
    return None


def _visible(tpr: int, j: int) -> bool:
    """Character ``j`` is drawn by the document (not a space or line end pdfium made up)."""
    return not pc.text_is_generated(tpr, j) and not chr(pc.text_get_unicode(tpr, j)).isspace()
