"""An OCR item line one character off a heading of the form (issue 12): a heading misread.

The 項目 cell prints the form's headings, which the lexicon holds (``vocabulary.lexicon``).  A
line whose heading key is not a heading of the lexicon but one character inserted, dropped or
replaced from one of its headings of ``MIN_HEADING_CHARS`` or more (``ファイル名概要`` for
ファイルの概要, ``取扱いの委`` for 取扱いの委託) is the heading misread: set XX's
t04__crease200 read three such items, unwarned once the fold no longer split their rows.  A
heading typed with other punctuation or spaces (``開示請求　問合せ`` for 開示請求、問合せ) is
the same heading.  Quiet on every truth item of the samples (594 distinct item cells).
Only for OCR rows (through ``ocr_glyphs``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import heading_key, lexicon

from .ocr_words import one_edit

# Headings shorter than this are too near each other (部署 / 部局) to tell a misread by.
MIN_HEADING_CHARS = 6
_PUNCTUATION = regex.compile(r"[\s、，,・･　]")


@lru_cache(maxsize=1)
def _long_headings() -> dict[str, str]:
    """The lexicon's headings of ``MIN_HEADING_CHARS`` or more, keyed without punctuation."""
    return {_PUNCTUATION.sub("", k): k for k in lexicon() if len(k) >= MIN_HEADING_CHARS}


def near_heading(line: str) -> str:
    """The heading of the form ``line`` is one character off (see the module notes), or ``""``."""
    key = _PUNCTUATION.sub("", heading_key(line))
    headings = _long_headings()
    if len(key) < MIN_HEADING_CHARS or key in headings or heading_key(line) in lexicon():
        return ""
    return next((k for bare, k in headings.items() if one_edit(key, bare)), "")


def heading_doubts(record: Record) -> list[Doubt]:
    """An ``ocr_suspect:item`` doubt when a line of the item is one character off a heading."""
    for line in (record.item or "").split("\n"):
        if near := near_heading(line):
            return [
                Doubt(
                    "ocr_suspect",
                    "item",
                    f"{line.strip()!r} is one character off the form's heading {near!r}",
                )
            ]
    return []
