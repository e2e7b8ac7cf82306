"""Misreads that leave dictionary words in an order Japanese grammar does not allow (issue 12).

A kanji or kana misread into another one the dictionary knows escapes the unknown-word check
(``ocr_text.unknown_words``), but the words around it often no longer fit together.  SudachiPy
tags each word with its part of speech and conjugation form, and two patterns never occur in the
written Japanese of these forms:

* ``dangling stem``: a verb in its irrealis form (未然形, ``行わ``) followed by anything but an
  auxiliary (ない, れる, せる …): ``再委託を行わかいこととした`` (な read as か);
* ``interjection``: an interjection (感動詞, ``お``, ``あ``) inside administrative text:
  ``保管を含お。`` (む read as お), ``に係るあリスク`` (a speck read as あ).

Each paragraph is judged alone (a verb at a paragraph's end is left alone: a wrapped line may
carry its auxiliary).  Quiet on every distinct item, before, after and explanation cell of the
samples' truth (1,807 cells, tests/test_ocr_grammar.py); measured on the tuning scans: 7 wrong
rows no other check warned.  Only for OCR rows (normalize/evidence.ocr_doubts).
"""

from __future__ import annotations

from piatable.models import Doubt

from .chars import paragraphs
from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer

GRAMMAR_FIELDS = ("item", "before", "after", "explanation")
# Auxiliaries SudachiPy may tag otherwise after an irrealis stem.
_AFTER_STEM = frozenset({"れる", "られる", "せる", "させる", "ず", "ぬ", "ん", "う", "よう"})
# Brackets round a one-kana list ordinal of the form (（ア）（イ）…（エ）, (オ)): SudachiPy tags
# ``エ`` / ``オ`` / ``ア`` there as an interjection; such an ordinal is no misread (subhead66's samples).
_ORDINAL_OPEN = "（("
_ORDINAL_CLOSE = "）)"


def _bracketed_ordinal(para: str, begin: int, end: int) -> bool:
    """True when ``para[begin:end]`` is one kana standing alone in brackets: ``（エ）``."""
    return (
        end - begin == 1
        and begin > 0
        and end < len(para)
        and para[begin - 1] in _ORDINAL_OPEN
        and para[end] in _ORDINAL_CLOSE
    )


# Characters of the paragraph before a paragraph's opening word read with it (``_joins_line_before``).
JOIN_CONTEXT_CHARS = 8


def _joins_line_before(before: str, para: str, tok: SudachiTokenizer) -> bool:
    """Whether ``para``'s opening word, an interjection alone, is none once read with the end of
    the paragraph ``before`` it: a sentence that goes on over a break (``…令和5年2月3日`` / ``まで``, a
    cell continued in the next sheet row, office-splitrows69), not a misread inside a sentence."""
    if not before:
        return False
    joined = before[-JOIN_CONTEXT_CHARS:]
    ms = list(tok.tokenize(joined + para))
    at = len(joined)
    return not any(m.begin() <= at < m.end() and m.part_of_speech()[0] == "感動詞" for m in ms)


def grammar_breaks(text: str, tokenizer: Tokenizer | None = None) -> list[str]:
    """The stretches of ``text`` (a few characters round each) whose words break the grammar
    (see the module notes), in reading order; [] when no SudachiPy tokenizer is at hand."""
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer):
        return []
    out = []
    prev = ""
    for para in paragraphs(text or ""):
        ms, tail, prev = list(tok.tokenize(para)), prev, para
        for m, nxt in zip(ms, [*ms[1:], None], strict=True):
            pos = m.part_of_speech()
            stem = (
                pos[0] == "動詞"
                and pos[5].startswith("未然形")
                and nxt is not None
                and nxt.part_of_speech()[0] != "助動詞"
                and nxt.surface() not in _AFTER_STEM
            )
            interjection = (
                pos[0] == "感動詞"
                and not _bracketed_ordinal(para, m.begin(), m.end())
                and not (m.begin() == 0 and _joins_line_before(tail, para, tok))
            )
            if stem or interjection:
                out.append(para[max(0, m.begin() - 3) : m.end() + 3])
    return out


def grammar_doubts(record: object, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """An ``ocr_suspect`` doubt for each text cell of ``record`` whose words break the grammar."""
    out = []
    for f in GRAMMAR_FIELDS:
        found = grammar_breaks(getattr(record, f, "") or "", tokenizer)
        if found:
            why = f"words that Japanese grammar does not put together ({found[0]!r}): a kana misread"
            out.append(Doubt("ocr_suspect", f, why))
    return out
