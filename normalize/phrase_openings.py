"""Where a cell's text opens: a cell that opens mid-phrase holds the end of a phrase that began
in another cell or row (``row_split_guess``).

A particle, an auxiliary, 及び, 、, a hiragana word that leans on the one before it; in text
read without positions also a kanji suffix (``等に関する…``) or a quantity's tail
(``未満100人…``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer

# A cell never opens with these: they continue a phrase.
_NO_CELL_START = frozenset("、。，．,.ー」』】")
_JOINING_CONJUNCTIONS = frozenset({"及び", "並びに", "又は", "若しくは", "かつ"})
_HIRAGANA = regex.compile(r"\p{Hiragana}")
# 及び, 並びに, 又は, 若しくは: the conjunctions written with a kanji first (none opens another).
_KANJI_FIRST_CONJUNCTIONS = tuple(w for w in sorted(_JOINING_CONJUNCTIONS) if not _HIRAGANA.match(w))


def starts_mid_phrase(text: str, tokenizer: Tokenizer | None = None, kanji: bool = False) -> str:
    """The opening word of a cell that cannot open one (a particle, an auxiliary, 及び, 、), or
    ``""``: the cell begins with the end of a phrase that started in another row.  With
    ``kanji`` (text read without positions), also a kanji word that only follows another: a
    suffix by the dictionary (``等に関する…``, ``録の開始…``: the rest of ``…利用等``, ``…記録``)
    or the tail of a quantity (``未満100人以上…``: ``50人以上100人`` | ``未満``)."""
    t = text.lstrip()
    if not t:
        return ""
    if t[0] in _NO_CELL_START:
        return t[0]
    if kanji:
        m = _QUANTITY_TAIL.match(t)
        if m:
            return m.group(1)
        word = _kanji_suffix_opening(t, tokenizer)
        if word:
            return word
    if not _HIRAGANA.match(t):
        # Particles and auxiliaries are written in hiragana: other openings need no dictionary
        # (so that a PDF whose geometry decides everything never loads SudachiPy).
        if not t.startswith(_KANJI_FIRST_CONJUNCTIONS):
            return ""  # the common case, without a generator per cell
        return next((word for word in _KANJI_FIRST_CONJUNCTIONS if t.startswith(word)), "")
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer):
        return ""
    return _hiragana_opening(tok, t)


@lru_cache(maxsize=65536)
def _hiragana_opening(tok: SudachiTokenizer, t: str) -> str:
    """``starts_mid_phrase`` of a cell ``t`` (stripped on the left) that opens with hiragana, by
    the dictionary: remembered by text (a block's lines are asked again for each reading tried)."""
    ms = tok.tokenize(t[:12])
    if not len(ms):
        return ""
    m = ms[0]
    pos = m.part_of_speech()
    if pos[0] in ("助詞", "助動詞") or m.surface() in _JOINING_CONJUNCTIONS:
        return m.surface()
    if m.surface() != t.strip() and _dependent_opening(m.surface(), pos):
        return m.surface()
    return ""


# The tail of a quantity (…100人 | 未満, …50人 | 以上100人未満): a cell opening so holds the
# end of a range whose number is in the cell before.
_QUANTITY_TAIL = regex.compile(r"^(未満|(?:以上|以下|以内|超)(?=[0-9０-９]))")


def _kanji_suffix_opening(t: str, tokenizer: Tokenizer | None) -> str:
    """A cell's first word when it opens with a kanji the dictionary reads as a suffix (等, 録 of
    記録, 制 of 体制), else ``""``.  Measured on the tuning samples' ``-raw`` / pypdfium2 rows
    (with ``_QUANTITY_TAIL``): after / explanation cells opening so, 8 wrong rows and no right one."""
    if not regex.match(r"\p{Han}", t):
        return ""
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer):
        return ""
    ms = tok.tokenize(t[:12])
    if len(ms) < 2:
        return ""
    return ms[0].surface() if ms[0].part_of_speech()[0] == "接尾辞" else ""


# Nouns that only follow a phrase (…のため, …するもの): no cell opens with one.
_FORMAL_NOUNS = frozenset({"ため", "もの", "こと", "ところ", "よう", "ほか", "とき"})


def _dependent_opening(surface: str, pos: tuple[str, ...]) -> bool:
    """Whether a cell's first word (hiragana) cannot stand first: a word that leans on the one
    before it (a suffix, a dependent verb or adjective such as いる / される / ない, an
    auxiliary's stem), a formal noun (ため, もの, こと), or a single kana the dictionary could
    only read as a fragment (``さ`` of される, ``で`` of …で生成).  A cell opening so holds the
    end of a phrase that began in another cell: measured on the tuning samples, 0 right cells
    open so and 100+ wrong ones do (``tools/bench_calibration.py``)."""
    return (
        pos[0] in ("接尾辞", "感動詞")
        or pos[1] in ("非自立可能", "助動詞語幹")
        or surface in _FORMAL_NOUNS
        or len(surface) == 1
    )
