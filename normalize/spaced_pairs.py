"""Part a line holding a one-line before and after cell whose values hold half-width spaces.

pypdfium2 and ``pdftotext -raw`` print a row's one-line cells side by side on one line, a space
between them.  When each value holds a space itself (a department ``市民部 市民課``, a postal code
and address ``〒100-0001 千代田区千代田1-1``, a phone line ``電話 03-1234-5678``, a count
``1,000人以上 1万人未満``) the gap between the cells is one space among several, and a cut at the
first space (or at every space) gives the before cell the first word and the after cell the
second (issue 12, kind 1 of unseen set G; branch pair25).

An amendment changes a few words of one value, so the two values are built alike: as many words
each side, word for word of one shape (the same word, or words of one make: digits where digits
are, ``〒`` where ``〒`` is; ``spaced_pair``).  A line parts into ``before | after | rest`` where
``before`` and ``after`` hold ``k ≥ 2`` words each, every pair of words at one place is alike
(``_alike_words``), at least one pair is the same word or one of digits of one shape (the
evidence that decides), and ``rest`` (the explanation's first line, possibly empty) opens with a
character a value may start with.  Where two partings are equally good the line is left as it
is (the row's other checks then speak).  Measured with ``tools/eval_office.py`` on
``samples/office-pair25`` (tuning) and ``samples/heldout-pair25`` (held out), see the README.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import CellLine

from .chars import NO_LINE_START, bigrams

# Words each side at least (one word each is an edit pair of ``compound._split_edit_pair``).
MIN_WORDS = 2
# Two words whose character pairs overlap this much (Dice coefficient) read alike, and so do
# two that open or end with the same run of this many characters.
ALIKE_WORD_DICE = 0.3
ALIKE_AFFIX_CHARS = 2
# Characters of each word of a value at least.
MIN_WORD_CHARS = 2
# A run of digits (half- or full-width) with their separators, and a run of Japanese text: a
# word's make (``〒100-0001`` → ``〒0``, ``千代田区丸の内2-3-1`` → ``J0``, ``1万人以上`` → ``0J``).
_DIGITS = regex.compile(r"[0-9０-９][0-9０-９,，.．\-‐−－]*")
_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆]+")
# A plain number (no phone's or postal code's dashes): Writer sets it apart from its counter.
_NUMBER = regex.compile(r"^[0-9０-９][0-9０-９,，.．]*$")
# A word no value opens with: a lone particle or a closing mark.
_PARTICLE = regex.compile(r"^[のをにがへとではもや]$")
# A date (``令和 5 年 1 月``, ``2018年6月``): lines that hold one are left to the date rules.
_DATE = regex.compile(r"[0-9０-９元]\s*年\s*[0-9０-９]{1,2}\s*月")
# A heading of the form's lowest level (①…⑳): an item's line, no value.
_HEADING = regex.compile(r"^[①-⑳]")


def _make(word: str) -> str:
    return _JAPANESE.sub("J", _DIGITS.sub("0", word))


def shares_affix_or_pairs(a: str, b: str) -> bool:
    """Whether two texts open or end with the same ``ALIKE_AFFIX_CHARS`` characters, or their
    character pairs overlap by ``ALIKE_WORD_DICE`` (Dice coefficient): the likeness of a value and
    its amendment (also ``paired_values.alike_pieces``')."""
    n = ALIKE_AFFIX_CHARS
    if len(a) >= n and len(b) >= n and (a[:n] == b[:n] or a[-n:] == b[-n:]):
        return True
    x, y = bigrams(a), bigrams(b)
    return bool(x and y) and 2 * len(x & y) / (len(x) + len(y)) >= ALIKE_WORD_DICE


def _alike_words(a: str, b: str) -> bool:
    """Whether two words at one place of the two values read as one word amended: the same
    word, one make with digits or marks in it (``_make``: ``〒0``, ``0J``; two words of Japanese
    text alone are of one make whatever they say), the same last character (a suffix:
    ``健康福祉部`` / ``市民部``), or ``shares_affix_or_pairs``; words with digits only when of one
    make (``令和元年`` / ``1 日から令和元年`` are not)."""
    if a == b or (_make(a) == _make(b) and _make(a) != "J"):
        return True
    if "0" in _make(a) or "0" in _make(b):
        return False  # digits in one and not in the other at one place, or in another make
    if len(a) >= ALIKE_AFFIX_CHARS and len(b) >= ALIKE_AFFIX_CHARS and a[-1] == b[-1]:
        return True
    return shares_affix_or_pairs(a, b)


def _deciding(a: str, b: str) -> bool:
    """Whether a pair of words decides that two values are one amended: the same word, or words
    of digits of one make (``03-1234-5678`` / ``03-5555-0123``, ``〒100-0001`` / ``〒100-0005``)."""
    return a == b or ("0" in _make(a) and _make(a) == _make(b))


def _value_words(words: list[str]) -> bool:
    """Whether ``words`` may make a one-line value with spaces: each word at least
    ``MIN_WORD_CHARS`` long (text spaced out one character at a time, Writer's dates
    ``2021 年 4 月`` are no such words), the first no bare number (Writer prints a space between
    digits and Japanese text: ``10 万人以上 100 万人未満`` is one value)."""
    return all(len(w) >= MIN_WORD_CHARS for w in words) and _make(words[0]) != "0"


def _opens_value(word: str) -> bool:
    return bool(word) and word[0] not in NO_LINE_START and not _PARTICLE.match(word)


def _words(line: str) -> list[str]:
    """The line's space-separated words, a plain number kept with the Japanese word after it
    (Writer prints a space between half-width digits and Japanese text: ``100 人以上`` is one
    word, ``100 人以上 500 人未満 500 人以上 1,000 人未満`` two values of two words each)."""
    out: list[str] = []
    for w in line.split():
        if out and _NUMBER.match(out[-1]) and _JAPANESE.match(w):
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def _candidates(words: list[str]) -> list[tuple[int, int]]:
    """(k, deciding pairs) of each parting of ``words`` into two values of k words each, word for
    word alike, then a rest that opens as a value may (deciding pairs may be 0)."""
    out = []
    for k in range(MIN_WORDS, len(words) // 2 + 1):
        before, after, rest = words[:k], words[k : 2 * k], words[2 * k :]
        if not _opens_value(after[0]) or (rest and not _opens_value(rest[0])):
            continue
        if not _value_words(before) or not _value_words(after):
            continue
        if all(_alike_words(a, b) for a, b in zip(before, after, strict=True)):
            out.append((k, sum(_deciding(a, b) for a, b in zip(before, after, strict=True))))
    return out


def undecided_pair(line: str) -> bool:
    """Whether ``line`` may hold two one-line values with spaces side by side (a parting of its
    words into two alike values exists) that ``spaced_pair`` does not part: no pair of words
    decides, or two partings are equally good.  Where such a line was cut is a guess."""
    words = _words(line)
    if not words or _HEADING.match(words[0]) or _DATE.search(line):
        return False  # the item's heading, the values beside it (``shared_lines.mend_item_value``)
    return spaced_pair(line) is None and bool(_candidates(words))


@lru_cache(maxsize=4096)
def spaced_pair(line: str) -> tuple[str, ...] | None:
    """``(before, after)`` or ``(before, after, rest)`` when ``line`` holds two one-line values of
    ``MIN_WORDS`` or more space-separated words each, built alike (see the module notes), then
    possibly the text of the next cell; None when no parting is found or two are equally good.

    ``市民部 市民課 市民部 住民課 時点修正`` → (``市民部 市民課``, ``市民部 住民課``, ``時点修正``)."""
    if _DATE.search(line):
        return None  # dates side by side: compound's date rules part them
    words = _words(line)
    scored = [c for c in _candidates(words) if c[1] > 0]
    top = max((score for _, score in scored), default=0)
    best = [c for c in scored if c[1] == top]
    if len(best) != 1:
        return None
    k = best[0][0]
    pieces = (" ".join(words[:k]), " ".join(words[k : 2 * k]), " ".join(words[2 * k :]))
    return pieces if pieces[2] else pieces[:2]


def _one_printed_line(a: CellLine, b: CellLine) -> bool:
    """Two pieces of one printed line (``rejoin.same_printed_line``)."""
    return a.wraps is None and a.line_no is not None and a.line_no == b.line_no and a.page == b.page


def spaced_value(lines: list[CellLine], k: int) -> bool:
    """Whether ``lines[k]`` is the before or after piece of a printed line that ``spaced_pair``
    parted (``市民部 市民課`` | ``市民部 住民課``): its spaces are inside the value, no gaps between
    cells, and a reader that parts a line's pieces at its gaps again (``twophase._regrouped``)
    leaves it whole."""
    cl = lines[k]
    lo = k
    while lo > 0 and _one_printed_line(lines[lo - 1], cl):
        lo -= 1
    hi = k + 1
    while hi < len(lines) and _one_printed_line(lines[hi], cl):
        hi += 1
    texts = [x.text.strip() for x in lines[lo:hi]]
    for m in range(max(0, k - lo - 1), min(k - lo + 1, len(texts) - 1)):
        if spaced_pair(f"{texts[m]} {texts[m + 1]}") == (texts[m], texts[m + 1]):
            return True
    return False
