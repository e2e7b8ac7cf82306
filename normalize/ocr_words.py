"""Words of an OCR cell that the document prints once, a letter off a word it prints elsewhere.

A misread changes one character of a word the document uses again and again: ``シレステム`` for
システム, ``バンチ`` for パンチ, ``ｅＬＡＸ`` for ｅＬＴＡＸ, ``ｃｅＬＴＡＸ``.  The right word is
printed in the document's other cells (before and after repeat each other, rows repeat their
terms), the misread nowhere else.  Words here are runs of three or more katakana (with ー) and of
three or more Latin letters, the words SudachiPy cannot vouch for by meaning.

* a katakana run the dictionary does not read as one word, one character (inserted, dropped or
  replaced; ー aside, as サーバ / サーバー are both printed) from a word of the document, or one
  character longer than a word the dictionary knows (``サーバボ``);
* a Latin word printed in the document at most as often as a word one character from it (letter
  case and width aside, ``Web`` / ``WEB`` are the same word);
* a placeholder ``○○`` of a length the document prints nowhere else while it prints another
  length at least twice (``○○○市役所`` where every other cell reads ``○○市``).

Measured on the tuning scans (samples/office, office-calcbreak, office-scanmerge at 200 and 300
dpi, cached OCR): the check fires on wrong rows only; see the README's issue 12 section.
Only for OCR rows (normalize/records.py).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from piatable.models import Doubt, RawRow, Record

from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer

FIELDS = ("item", "before", "after", "explanation")
# A katakana word, printed full- or half-width (ｰ ﾞ ﾟ are not of the Katakana script).
_KATAKANA_WORD = regex.compile(r"[\p{Katakana}ーｰﾞﾟ]{3,}")
_LATIN_WORD = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{3,}")
_LONG_MARK = "ー"
_PLACEHOLDER = regex.compile(r"[○〇]{2,}")


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one character inserted, dropped or replaced, and that character
    is not ー."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and _LONG_MARK not in diff[0]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(
        longer[:i] + longer[i + 1 :] == shorter and longer[i] != _LONG_MARK for i in range(len(longer))
    )


def _known(tok: SudachiTokenizer, word: str) -> bool:
    """The dictionary reads ``word`` as one word it knows."""
    ms = list(tok.tokenize(word))
    return len(ms) == 1 and not ms[0].is_oov()


def _document_words(records: list[Record]) -> tuple[Counter[str], Counter[str], Counter[int]]:
    """Katakana and (folded) Latin words and placeholder lengths of the document's text cells,
    each distinct cell text counted once (a merged cell copied into several rows is one print)."""
    kana: Counter[str] = Counter()
    latin: Counter[str] = Counter()
    marks: Counter[int] = Counter()
    seen: set[str] = set()
    for rec in records:
        for f in FIELDS:
            text = getattr(rec, f) or ""
            if text in seen:
                continue
            seen.add(text)
            kana.update(_KATAKANA_WORD.findall(text))
            latin.update(_fold(w) for w in _LATIN_WORD.findall(text))
            marks.update(len(m) for m in _PLACEHOLDER.findall(text))
    return kana, latin, marks


def _kana_suspect(tok: SudachiTokenizer, word: str, kana: Counter[str]) -> str:
    if kana[word] > 1 or _known(tok, word):
        return ""
    near = next((w for w in kana if w != word and one_edit(word, w)), "")
    if near:
        return near
    for i in range(len(word)):
        shorter = word[:i] + word[i + 1 :]
        if word[i] != _LONG_MARK and len(shorter) >= 3 and _known(tok, shorter):
            return shorter
    return ""


def near_word_doubts(
    rows: list[RawRow], records: list[Record], tokenizer: Tokenizer | None = None
) -> list[list[Doubt]]:
    """Per row, an ``ocr_suspect`` doubt for each OCR text cell holding a word the document prints
    once that is one character from another word of the document (see the module notes)."""
    ocr = [row.read_by_ocr for row in rows]
    return document_near_word_doubts(records, ocr, tokenizer)


def document_near_word_doubts(
    records: list[Record], ocr: list[bool], tokenizer: Tokenizer | None = None
) -> list[list[Doubt]]:
    """``near_word_doubts`` for the records whose ``ocr`` is True (all of them are the document)."""
    out: list[list[Doubt]] = [[] for _ in records]
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer) or not any(ocr):
        return out
    kana, latin, marks = _document_words(records)
    for k, rec in enumerate(records):
        if not ocr[k]:
            continue
        for f in FIELDS:
            text = getattr(rec, f) or ""
            why = ""
            for word in _KATAKANA_WORD.findall(text):
                if near := _kana_suspect(tok, word, kana):
                    why = f"{word!r}, printed nowhere else, is a character off {near!r}"
                    break
            for word in [] if why else _LATIN_WORD.findall(text):
                w = _fold(word)
                near = next((v for v in latin if one_edit(w, v) and latin[v] >= latin[w]), "")
                if near:
                    why = f"{word!r} is a letter off {near!r}, printed as often or more"
                    break
            for mark in [] if why else _PLACEHOLDER.findall(text):
                usual = max(marks, key=lambda n: marks[n])
                if marks[len(mark)] == 1 and usual != len(mark) and marks[usual] >= 2:
                    why = f"a placeholder {mark} of a length printed nowhere else (elsewhere {'○' * usual})"
                    break
            if why:
                out[k].append(Doubt("ocr_suspect", f, why))
    return out
