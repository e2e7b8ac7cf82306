"""Glyphs that OCR reads as their look-alikes, left in a cell after the corrections (issue 12):
checks for ``ocr_suspect:<field>`` that look at the characters, not the dictionary.

* ``latin glued``: two or more lowercase Latin letters glued to Japanese (``coラーニング`` for
  eラーニング): the forms print a Latin word capitalised or alone (``LGWAN``, ``Web``, ``eLTAX``),
  and a lowercase pair fused to kana is an e or a kanji read as letters;
* ``katakana among hiragana``: a katakana that has a hiragana twin of the same shape (ヘ/へ,
  ベ/べ, ペ/ぺ, リ/り) standing with no katakana beside it and a hiragana on one side
  (``研修ヘの参加``): the hiragana misread;
* ``numbering repeats``: circled numerals of a cell that count up and then repeat the last
  (``⑥ … ⑦ … ⑦``): the next one (⑧) misread as its neighbour;
* ``digit widths``: one number whose digits mix half and full widths across a separator
  (``1,０00``; side by side they are ``ocr_text.width_mix``'s).

Only for OCR rows (normalize/evidence.ocr_doubts).
"""

from __future__ import annotations

import unicodedata

import regex

from piatable.models import Doubt, Record

from .ocr_text import _CIRCLED_CHARS

FIELDS = ("item", "before", "after", "explanation")

# Two or more lowercase Latin letters (half or full width) glued to kana or kanji on either side.
_LATIN_GLUED = regex.compile(
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])[a-zａ-ｚ]{2,}(?=[\p{Hiragana}\p{Katakana}\p{Han}])"
    r"|(?<=[\p{Hiragana}\p{Katakana}\p{Han}])[a-zａ-ｚ]{2,}(?![A-Za-zＡ-Ｚａ-ｚ])"
)
# Lowercase words the forms print glued to Japanese (市ｗｅｂサイト; 14 rows of the samples'
# truth): not misreads.
LATIN_WORDS = frozenset({"web", "www", "http", "https", "pdf", "csv", "html", "xml", "mail", "email"})
# A katakana with a hiragana twin, no katakana beside it, a hiragana on one side.
_TWINS = "ヘベペリ"
_KANA_AMONG_HIRAGANA = regex.compile(
    rf"(?<![\p{{Katakana}}ー])[{_TWINS}](?=\p{{Hiragana}})(?![ー])"
    rf"|(?<=\p{{Hiragana}})[{_TWINS}](?![\p{{Katakana}}ー])"
)
# One number whose digits mix widths across a thousands or decimal separator.
_WIDTH_ACROSS = regex.compile(r"[0-9][,，.．][０-９]|[０-９][,，.．][0-9]")


def numbering_repeat(text: str) -> str:
    """Circled numerals of ``text`` (anywhere in it) that count up by one and then repeat the
    last (``⑥⑦⑦``), as ``"⑥⑦⑦"``; else ``""``."""
    nums = [_CIRCLED_CHARS.index(c) + 1 for c in text if c in _CIRCLED_CHARS]
    for a, b, c in zip(nums, nums[1:], nums[2:], strict=False):
        if b == a + 1 and c == b:
            return "".join(_CIRCLED_CHARS[n - 1] for n in (a, b, c))
    return ""


def glyph_doubts(record: Record) -> list[Doubt]:
    """``ocr_suspect`` doubts of an OCR record's text cells (see the module notes)."""
    out: list[Doubt] = []
    for f in FIELDS:
        text = getattr(record, f) or ""
        glued = [m.group(0) for m in _LATIN_GLUED.finditer(text)]
        glued = [g for g in glued if unicodedata.normalize("NFKC", g) not in LATIN_WORDS]
        if glued:
            out.append(Doubt("ocr_suspect", f, f"lowercase Latin letters glued to Japanese ({glued[0]!r})"))
        if m := _KANA_AMONG_HIRAGANA.search(text):
            near = text[max(0, m.start() - 2) : m.end() + 2]
            out.append(Doubt("ocr_suspect", f, f"a katakana {m.group(0)} among hiragana ({near!r})"))
        if seq := numbering_repeat(text):
            out.append(Doubt("ocr_suspect", f, f"the cell's circled numerals repeat as they count ({seq})"))
        if m := _WIDTH_ACROSS.search(text):
            out.append(Doubt("ocr_suspect", f, f"one number in mixed digit widths ({m.group(0)!r})"))
    return out
