"""A small tokenizer protocol with a lazily built SudachiPy implementation.

The rejoin step asks one question of the tokenizer: does a word run across this line break?
Building the SudachiPy dictionary costs time and memory, so it is built once, on first use, and
only when a break is ambiguous.  Tests can pass any object with ``surfaces``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

# Parts of speech after which a phrase cannot end.
OPEN_POS = frozenset({"助詞", "助動詞", "接頭辞"})


class Tokenizer(Protocol):
    def surfaces(self, text: str) -> Sequence[str]:
        """The text split into words (surface forms, in order, covering the text)."""
        ...

    def ends_open(self, text: str) -> bool:
        """True when a phrase cannot end where ``text`` ends."""
        ...


class SudachiTokenizer:
    """SudachiPy in split mode C with the small dictionary (``sudachidict_small``), created on first use."""

    def __init__(self) -> None:
        self._tok = None
        self._dict = None
        # One SudachiPy tokenizer refuses to be used from two threads at once (OCR pages are
        # read side by side): calls take turns.
        self._lock = threading.Lock()

    def _tokenizer(self):  # type: ignore[no-untyped-def]
        if self._tok is None:
            from sudachipy import Dictionary, SplitMode

            self._dict = Dictionary(dict="small")
            self._tok = self._dict.tokenizer(SplitMode.C)
        return self._tok

    def tokenize(self, text: str):  # type: ignore[no-untyped-def]
        """SudachiPy's morphemes of ``text`` (safe from several threads)."""
        with self._lock:
            return self._tokenizer().tokenize(text)

    @lru_cache(maxsize=65536)  # noqa: B019 - one tokenizer per process, kept for its life
    def surfaces(self, text: str) -> tuple[str, ...]:
        return tuple(m.surface() for m in self.tokenize(text))

    @lru_cache(maxsize=65536)  # noqa: B019
    def is_word(self, text: str) -> bool:
        """Whether the dictionary holds ``text`` as one word (its entries looked up, not the
        best reading of ``text``: 課長 is a word though split mode C reads 税務課長 as 税務 / 課 / 長)."""
        with self._lock:
            self._tokenizer()
            return bool(len(self._dict.lookup(text)))

    @lru_cache(maxsize=65536)  # noqa: B019
    def path_cost(self, text: str) -> int:
        """The cost of the dictionary's best reading of ``text`` (word and connection costs): low
        for text made of known words in a likely order, high for misread characters."""
        return int(self.tokenize(text).get_internal_cost())

    @lru_cache(maxsize=65536)  # noqa: B019
    def ends_open(self, text: str) -> bool:
        """True when ``text`` cannot end a phrase: it stops on a particle, an auxiliary, a prefix,
        a verb or adjective in its continuative form, or a fragment the dictionary does not know."""
        if text[-1:] in "、，,":
            return True
        ms = self.tokenize(text[-12:])
        if not len(ms):
            return False
        pos = ms[-1].part_of_speech()
        if pos[0] in OPEN_POS or ms[-1].is_oov():
            return True
        if pos[0] in ("動詞", "形容詞") and pos[5].startswith("連用形"):
            return True
        return (pos[0] == "記号" and pos[1] == "文字") or (pos[0] == "形状詞" and pos[1] == "タリ")


@lru_cache(maxsize=1)
def default_tokenizer() -> SudachiTokenizer:
    return SudachiTokenizer()


def phrase_continues(tok: Tokenizer, left: str, right: str, context: int = 8) -> bool:
    """True when the text runs on across a break: a word spans it or the left side ends open."""
    return word_spans_break(tok, left, right, context) or tok.ends_open(left)


def word_spans_break(tok: Tokenizer, left: str, right: str, context: int = 8) -> bool:
    """True when the tokenizer puts the characters on both sides of a break in one word."""
    a, b = left[-context:], right[:context]
    if not a or not b:
        return False
    pos = 0
    for s in tok.surfaces(a + b):
        end = pos + len(s)
        if pos < len(a) < end:
            return True
        pos = end
    return False
