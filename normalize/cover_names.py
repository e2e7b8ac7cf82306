"""The canonical spelling of an 評価書名 (assessment_name) as the document facts give it.

The cover prints the name as the affair then the form, ``住民基本台帳に関する事務　全項目評価書``,
with an ideographic space, an ASCII space, or none between them; what reaches us differs again by
producer: Word and LibreOffice keep the space they were given (U+3000 or U+0020), pdftotext
turns U+3000 into an ASCII space or drops it, tesseract drops the gap between two Japanese words
(``…事務基礎項目評価書`` from a scan of ``…事務 基礎項目評価書``).  So one document read as a PDF and
as a scan gave two names (a new user's check of issue 14).  The canonical form: every run of
whitespace (U+3000 too) one ASCII space, none at the ends, and one ASCII space before a form
name that ends the name (``cover.FORMS``) when none is printed there.  Other characters are kept as
printed (no NFKC: a body's name keeps its digits' width).
"""

from __future__ import annotations

import regex

_WHITESPACE = regex.compile(r"[\s\u3000]+")
# The forms' names (``cover.FORMS``; cover.py imports this module) ending an 評価書名.
_FORM_AT_END = regex.compile(r"(?<=\S)((?:基礎|重点|全)項目評価書)$")


def canonical_assessment_name(name: str) -> str:
    """``name`` spelt canonically: whitespace runs one ASCII space, ends trimmed, one space before
    the form name ending it (``児童手当に関する事務基礎項目評価書`` → ``児童手当に関する事務
    基礎項目評価書``)."""
    text = _WHITESPACE.sub(" ", name).strip()
    return _FORM_AT_END.sub(r" \1", text)
