"""The before/after echo: an amended 変更後 cell repeats most of its 変更前 cell.

In row-ordered text (pypdfium2, ``pdftotext -raw``, pypdf) a row's before lines and after lines
follow one another, and the partition tells where the before cell ends mostly by the columns'
wrap widths.  Word and Writer tables often give 変更前 and 変更後 one width (a fresh tester's
Word-made tables: 10 rows cut in the wrong place at confidence 0.918, unwarned; branch
equalcols69), and the widths then tell nothing.  The usual amendment writes the after cell as
the before cell with a few words changed, so the right cut is the one where the two sides share
the most: each side's character pairs counted with their repeats, the share is ``2 × shared /
(pairs before + pairs after)`` (Dice).  Moving the cut one line off the right one moves a line's
pairs to the side that already holds their copy, and the share falls.  A small side is weighed in
proportion to its pairs up to ``ECHO_FULL_PAIRS`` (one short line shares its few pairs with any
text).  The share falls too when an explanation line is weighed as the after cell's last: where
the explanation's start is chosen the echo is left out (``singlepass.split_row_scored``).

Two items of one numbered list (``①法令上の根拠：…第７号…`` / ``②法令上の根拠：…第８号…``) share
much and are no before and after: a cut that tears a numbered list earns nothing
(``partition_lists.sequence_prev``; office-rawtear57 r57-writer-juki, an added block read as
both items' before and after at 0.908).

Cells that share little (an unlike value, 削除, 新規追加) earn nothing: the bonus counts only
the share above ``ECHO_FLOOR`` (two cells of one document share its words, 特定個人情報 …).
"""

from __future__ import annotations

from collections import Counter

import numpy as np

# The share of character pairs two unlike cells of one document reach (their common words).
ECHO_FLOOR = 0.5
# The smaller side's pairs from which its share counts in full.
ECHO_FULL_PAIRS = 30
# Cost units per unit of share above the floor: a one-line shift of a 100-character amended
# cell loses about 0.12 of share, about one unit of cost (a soft break's cost).
ECHO_WEIGHT = 8.0
# Blocks of more lines are not weighed (the table is quadratic in the lines).
ECHO_MAX_LINES = 120


def _pairs(text: str) -> list[str]:
    return [text[k : k + 2] for k in range(len(text) - 1)]


class Echo:
    """The echo bonus of every cut of one block's lines ``texts`` (its item lines included).

    ``from_item(i)[j - i]`` is the bonus (≥ 0, cost units) of before = lines [i, j) and after =
    lines [j, n) for i ≤ j ≤ n (0 where a side is empty or the block is too long)."""

    def __init__(self, texts: list[str]) -> None:
        self.n = len(texts)
        self.grams = [_pairs(x) for x in texts]  # each line's character pairs, repeats kept
        self.pairs = [Counter(g) for g in self.grams]
        self.sizes = [len(g) for g in self.grams]
        self._rows: dict[int, list[float]] = {}
        self._unlike: list[bool] | None = None
        self._counts: np.ndarray | None = None

    def _unlike_from(self) -> list[bool]:
        """For each i, whether no cut (i, j) can share above the floor: each pair's copies in
        lines [i, n) at most half on each side (min(b, a) ≤ (b + a) // 2), summed, stay under
        ``ECHO_FLOOR`` of the pairs — unlike cells, the common case, whose every bonus is 0.
        One walk from the last line up (the sums grow a line at a time), not one per i."""
        unlike = [True] * (self.n + 1)
        after: dict[str, int] = {}
        half, size_a = 0, 0
        for k in range(self.n - 1, -1, -1):
            for g, c in self.pairs[k].items():
                a = after.get(g, 0)
                half += (a + c) // 2 - a // 2
                after[g] = a + c
            size_a += self.sizes[k]
            unlike[k] = 2 * half <= ECHO_FLOOR * size_a
        return unlike

    def from_item(self, i: int) -> list[float]:
        """The bonuses of the cuts (i, j), j = i … n, in order (cached by i)."""
        got = self._rows.get(i)
        if got is not None:
            return got
        n = self.n
        out = [0.0] * (n - i + 1)
        self._rows[i] = out
        if n > ECHO_MAX_LINES or n - i < 2:
            return out
        if self._unlike is None:
            self._unlike = self._unlike_from()
        if self._unlike[i]:
            return out
        # The shared count of every cut (i, j), i < j < n, at once: each pair's copies on the
        # before side (a running sum over lines i … j - 1) against the rest, the lesser summed;
        # integers, so the same counts as moving one line at a time.
        counts = self._matrix()[i:n]
        before = counts[:-1].cumsum(axis=0)
        shared = np.minimum(before, counts.sum(axis=0) - before).sum(axis=1).tolist()
        size_b, size_a = 0, sum(self.sizes[i:n])
        for j in range(i + 1, n):
            size_b += self.sizes[j - 1]
            size_a -= self.sizes[j - 1]
            small = min(size_b, size_a)
            share = 2 * shared[j - i - 1] / (size_b + size_a) if small else 0.0
            out[j - i] = ECHO_WEIGHT * max(0.0, share - ECHO_FLOOR) * min(1.0, small / ECHO_FULL_PAIRS)
        return out

    def _matrix(self) -> np.ndarray:
        """Each line's count of each of the block's character pairs (lines × pairs, built once)."""
        if self._counts is None:
            index: dict[str, int] = {}
            for c in self.pairs:
                for g in c:
                    index.setdefault(g, len(index))
            m = np.zeros((self.n, max(len(index), 1)), dtype=np.int64)
            for k, c in enumerate(self.pairs):
                for g, v in c.items():
                    m[k, index[g]] = v
            self._counts = m
        return self._counts

    def bonus(self, i: int, j: int) -> float:
        """The bonus of the cut (i, j): before = lines [i, j), after = lines [j, n)."""
        return self.from_item(i)[j - i]
