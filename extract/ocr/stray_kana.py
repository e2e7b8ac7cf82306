"""A hiragana read from a speck just before a katakana word (株式会社○○ひシステムサービス,
…に係るをリスクを軽減…): dropped where the dictionary reads its surroundings much more easily
without it.

``corrections.drop_stray_kana`` takes a hiragana between hiragana; this takes one after a hiragana,
a kanji or a placeholder ○ and before katakana, where a particle legitimately stands
(情報をシステム, 保管場所はガバメント…).  Measured on the 126 such places in the samples' truth lines
(not held out): dropping the hiragana makes the window (``corrections.CONTEXT`` characters each
side) cheaper by at most 2,510 (SudachiPy path cost, unknown characters at
``corrections.UNKNOWN_CHAR_COST``), so STRAY_BEFORE_KATAKANA_GAIN is twice that; the tuning scans'
strays gain 5,117 to 11,362.
"""

from __future__ import annotations

import regex

from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer

STRAY_BEFORE_KATAKANA_GAIN = 5000
_BEFORE_KATAKANA = regex.compile(r"(?<=[\p{Hiragana}\p{Han}○])\p{Hiragana}(?=\p{Katakana})")


def drop_stray_before_katakana(text: str, tokenizer: SudachiTokenizer | None = None) -> str:
    """``text`` (a cell line) without each hiragana before katakana that the dictionary reads as
    a stray glyph (see the module notes)."""
    from .corrections import CONTEXT, _reading_cost

    if not _BEFORE_KATAKANA.search(text):
        return text
    st = tokenizer or default_tokenizer()
    out = text
    for m in reversed(list(_BEFORE_KATAKANA.finditer(text))):
        q = m.start()
        lo, hi = max(0, q - CONTEXT), min(len(out), q + CONTEXT + 1)
        window = out[lo:hi]
        without = window[: q - lo] + window[q - lo + 1 :]
        if _reading_cost(st, window) - _reading_cost(st, without) >= STRAY_BEFORE_KATAKANA_GAIN:
            out = out[:q] + out[q + 1 :]
    return out
