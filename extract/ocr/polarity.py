"""The polarity of a line (negated or not) kept through every OCR correction.

A correction that adds or removes a negation reverses what the line says: set XVIII's scans
(newuser56 F/K) had 重要な変更に該当しな / い "corrected" to 重要な変更に該当する / い, the opposite of
what was printed, and only informational flags said so.  A character of a negative ending
(``NEGATION_KANA``: な of ない / なし / なく, ず, ぬ) is therefore never substituted, added or removed
by a correction: the count of each in a line must stay what OCR read, else the line keeps its
reading (a misread negation is still negated; a guessed one is not sure).
"""

from __future__ import annotations

from collections import Counter

from piatable.models import RawRow

# Kana of the negative endings (ない, なし, なく, ず, ぬ) and of their misreads into affirmative
# ones (する, ある): a correction may not change how many of them a line holds.
NEGATION_KANA = "なずぬ"


def _negations(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch in NEGATION_KANA)


def flips_polarity(read: str, corrected: str) -> bool:
    """Whether ``corrected`` holds the negation kana of ``read`` otherwise (one added, removed
    or substituted): a correction that may reverse the line's meaning."""
    return _negations(read) != _negations(corrected)


def keep_polarity(rows: list[RawRow], was: list[dict[str, list[str]]]) -> int:
    """Put back, in place, each line of ``rows`` whose correction changed its negation kana
    (``was``: each row's lines per column as read, in the rows' order, same line counts); how
    many lines were put back."""
    kept = 0
    for row, before in zip(rows, was, strict=True):
        for column, cells in row.cells.items():
            old = before.get(column, [])
            for k, cl in enumerate(cells):
                if k < len(old) and old[k] != cl.text and flips_polarity(old[k], cl.text):
                    cl.text = old[k]
                    kept += 1
    return kept
