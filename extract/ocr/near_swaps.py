"""A look-alike swap the dictionary nearly takes: a cell left as read, but in doubt.

``corrections.fix_confusions`` swaps a character for a look-alike of it (``CONFUSABLE``,
``MISREADS``) when the swap makes the context cheaper to read by ``MIN_GAIN`` or more.  A swap
short of that, yet still a clear gain, that makes a known word of two or more characters is no
proof either way: 窓日課 (a 300 dpi 1-bit scan's read of 窓口課, set X) reads 窓 + 日課, 1,863
dearer than 窓口 + 課.  Such a line stays as read and its cell gets an ``ocr_suspect`` doubt.
Over the 3,088 distinct true lines of the samples and sets VII–X, a gain of ``DOUBT_GAIN`` or
more that ``fix_confusions`` does not take stands in one (８．人手を介在させる作業: 人手 → 入手,
1,515).
"""

from __future__ import annotations

import regex

from .corrections import CONTEXT, MIN_GAIN, MIN_WORD, _candidates, _reading_cost, _token_at, default_tokenizer

# The least gain (SudachiPy path cost, unknown characters weighed as corrections._reading_cost
# does) of a swap that puts a line in doubt; MIN_GAIN and more are swapped by the corrections.
DOUBT_GAIN = 1500
_HAN = regex.compile(r"\p{Han}")


def near_swap(lines: list[str]) -> str:
    """Why a cell's lines are in doubt ("" when they are not): a character whose look-alike
    makes its context cheaper by ``DOUBT_GAIN`` to ``MIN_GAIN`` and a known word (module notes)."""
    st = None
    for line in lines:
        for i, ch in enumerate(line):
            # Kana swaps (で/て, こ/に) gain or lose by where the window cuts a word (できな):
            # only a kanji read for another is weighed.
            alts = "".join(a for a in _candidates(ch) if _HAN.match(a)) if _HAN.match(ch) else ""
            if not alts:
                continue
            st = st or default_tokenizer()
            lo, hi = max(0, i - CONTEXT), min(len(line), i + CONTEXT + 1)
            window = line[lo:hi]
            cost = _reading_cost(st, window)
            for alt in alts:
                swapped = window[: i - lo] + alt + window[i - lo + 1 :]
                gain = cost - _reading_cost(st, swapped)
                if not DOUBT_GAIN <= gain < MIN_GAIN:
                    continue
                surface, oov = _token_at(st, swapped, i - lo)
                if not oov and len(surface) >= MIN_WORD:
                    why = f"{window!r} may be {swapped!r}: {ch} and {alt} look alike"
                    return why + " and the dictionary reads the other a little more easily"
    return ""
