"""Glyphs a PDF carries without a plain Unicode text, given the character they print.

Two kinds are mapped, each by a well-known rule, before the page's characters are read
(``extract/pdf.py``); anything else without Unicode stays unmapped and flagged:

* A symbol font's private-use codes.  Writer and Word draw a bullet (List Bullet, •) from
  OpenSymbol / Symbol, whose ToUnicode (or its absence) gives U+F020–U+F0FF: the Symbol font's
  byte ``b`` shifted into the private-use area (U+F000 + ``b``, Microsoft's symbol-font cmap).
  That byte is read through the Symbol encoding (Adobe's, as Tcl's ``symbol.enc`` and Unicode's
  VENDORS/ADOBE/symbol.txt give it): U+F0B7 → byte 0xB7 → • U+2022.  Only a character whose font
  is named a symbol font (``SYMBOL_FONT``) is mapped: Wingdings' U+F0B7 is another glyph.
* A hyphen printed at a line's end.  pdfium takes a ``-`` ending a line for a soft hyphen: its
  code becomes 0x0002 (``FPDFText_GetUnicode``; U+FFFE in ``FPDFText_GetText``'s text, Unicode's
  non-character, see pdfium's ``CPDF_TextPage``) and ``FPDFText_IsHyphen`` is true.  The glyph
  printed is a hyphen (``e-`` / ``ラーニング``: Japanese text is not hyphenated by the producer,
  so the hyphen is the writer's own), so it is read back as ``-``.

``mend_text`` does the same for a text input: U+FFFE (pdfium's text) and U+00AD before a line
end become ``-``; U+F0B7 becomes • (the Symbol-font bullet of Word's and Writer's lists; the font is
not known in a text, so only that one code, the list bullet, is mapped).
"""

from __future__ import annotations

import ctypes
import re

from . import pdfium_calls as pc

# The Symbol encoding from byte 0x20 to 0xFF, 16 bytes a row; U+FFFD for a byte with no
# Unicode character (Adobe's private-use extenders such as 0x60, 0xBD, and the unused bytes).
_U = "\ufffd"
_SYMBOL_ROWS = "".join(
    (
        " !∀#∃%&∍()∗+,−./",
        "0123456789:;<=>?",
        "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟ",
        "ΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_",
        _U + "αβχδεφγηιϕκλμνο",
        "πθρστυϖωξψζ{|}∼" + _U,
        _U * 16,
        _U * 16,
        _U + "ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓",
        _U * 2 + "″≥×∝∂•÷≠≡≈…" + _U * 2 + "↵",
        "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉",
        "∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓",
        "⋄〈" + _U * 3 + "∑" + _U * 10,
        _U + "〉∫⌠" + _U + "⌡" + _U * 10,
    )
)
# Private-use code (U+F020–U+F0FF) of a symbol font → the Unicode code it prints.
SYMBOL_PUA: dict[int, int] = {0xF020 + i: ord(ch) for i, ch in enumerate(_SYMBOL_ROWS) if ch != "\ufffd"}
SYMBOL_PUA_FIRST, SYMBOL_PUA_LAST = 0xF020, 0xF0FF
# A font whose private-use codes are the Symbol encoding's: Symbol, SymbolMT, OpenSymbol,
# StarSymbol (a subset prefix ``ABCDEF+`` may come first).
SYMBOL_FONT = re.compile(r"(?:^|\+)(?:Open|Star)?Symbol(?:MT)?\b", re.IGNORECASE)
# pdfium's code for a hyphen it found at a line's end (and the text API's form of it).
PDFIUM_LINE_END_HYPHEN = (0x0002, 0xFFFE)
HYPHEN = 0x2D
# Every code ``mend_codes`` may replace: ``may_need_mending`` asks the set (a C loop over a page's
# codes, a third of the time of a Python comparison per code: a warm read of a 12-page table).
_MENDABLE = frozenset(PDFIUM_LINE_END_HYPHEN) | frozenset(range(SYMBOL_PUA_FIRST, SYMBOL_PUA_LAST + 1))
# The bullet of Word's / Writer's List Bullet in a symbol font, as a text input carries it.
SYMBOL_BULLET = "\uf0b7"

_FONT_NAME = ctypes.create_string_buffer(256)
_FONT_FLAGS = ctypes.c_int()


def _font_name(tpr: int, i: int) -> str:
    """The font name of character ``i`` of text page ``tpr`` (a handle), "" when not known."""
    n = pc.text_font_info(tpr, i, _FONT_NAME, len(_FONT_NAME), ctypes.byref(_FONT_FLAGS))
    return _FONT_NAME.value.decode("latin-1") if 0 < n <= len(_FONT_NAME) else ""


def mend_codes(tpr: int, codes: list[int]) -> int:
    """Replace, in ``codes`` (the Unicode codes of text page ``tpr``'s characters, in place),
    the codes of glyphs that print a known character (module notes); the number replaced."""
    mended = 0
    hyphen_codes = PDFIUM_LINE_END_HYPHEN
    for i, code in enumerate(codes):
        if code in hyphen_codes:
            if pc.text_is_hyphen(tpr, i):
                codes[i] = HYPHEN
                mended += 1
        elif SYMBOL_PUA_FIRST <= code <= SYMBOL_PUA_LAST:
            mapped = SYMBOL_PUA.get(code)
            if mapped is not None and SYMBOL_FONT.search(_font_name(tpr, i)):
                codes[i] = mapped
                mended += 1
    return mended


def may_need_mending(codes: list[int]) -> bool:
    """True when ``codes`` hold a code ``mend_codes`` may replace (a cheap test first)."""
    return not _MENDABLE.isdisjoint(codes)


def mend_page(tpr: int, codes: list[int], mended: list[int] | None = None) -> None:
    """``mend_codes`` on a text page's ``codes`` when they may need it; the number replaced is
    appended to ``mended`` when given (the scan counted those glyphs as garbled)."""
    if may_need_mending(codes):
        n = mend_codes(tpr, codes)
        if mended is not None:
            mended.append(n)


# U+FFFE anywhere (pdfium writes it only for a line-end hyphen) or U+00AD before a line end.
_LINE_END_HYPHEN = re.compile(r"\ufffe|\u00ad(?=[ \t]*(?:\r?\n|\f|$))")


def mend_text(text: str) -> str:
    """A text input's line-end hyphens and Symbol-font bullets as printed (module notes):
    ``e\\ufffeラーニング`` → ``e-ラーニング``; ``\\uf0b7 住民記録`` → ``• 住民記録``."""
    if "\ufffe" in text or "\u00ad" in text:
        text = _LINE_END_HYPHEN.sub("-", text)
    return text.replace(SYMBOL_BULLET, "•")
