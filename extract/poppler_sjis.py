"""``pdftotext [-layout] -enc Shift-JIS`` text read back as the text it is.

poppler's Shift-JIS output (its ``ShiftJIS`` unicode map, bytes in CP932) has no ASCII at all:
every ASCII character is written full-width (``2019/4/1`` → ``２０１９／４／１``, a space → U+3000),
so the layout's column gaps are runs of U+3000; and characters the map lacks are written as the
ASCII they look like, full-width: the section numerals Ⅰ Ⅱ Ⅲ Ⅳ as ``Ｉ`` ``ＩＩ`` ``ＩＩＩ`` ``ＩＶ``, the
circled numbers ① ② … as ``１`` ``２`` … (set XVII kind 11: 3 of 57 rows, session 56).

Such a text is told by what it lacks and holds (``is_poppler_sjis``): no ASCII character but
line ends, form feeds and tabs; a U+3000 (poppler's space); full-width ASCII letters or digits
(none of the 7,991 committed sample texts but these).  It is read back (``undo_poppler_sjis``),
``-layout`` text as layout text and plain text as plain ``pdftotext`` text, with:

* every U+3000 a space (a column gap of the layout, as the UTF-8 text prints it; a U+3000 the
  document printed reads as a space too, as in the UTF-8 text);
* ``ＩＩ`` … before Japanese (the section opening a 項目 cell: ``ＩＶその他の…``) as Ⅱ …;
* a full-width number 1–20 opening a cell (a line's start or after a column gap) right before a
  heading's kanji or katakana that is no counter (年, 月, 日, 回, 号, 条 …) as ① … ⑳.

Letters and digits are kept full-width as the text gives them: the text cannot tell which the PDF
printed half-width (``第48号`` and ``第４８号`` both read ``第４８号``); a note says so and the rows
holding them (or square brackets) are flagged (``FORMS_FLAG``).
"""

from __future__ import annotations

import regex

from piatable.models import Record
from piatable.normalize.confidence import add_late_flags
from piatable.settings import QualitySettings

# The flag of a row whose cells hold full-width letters or digits of such a text (README: the
# text lost characters' forms).
FORMS_FLAG = "unmapped_glyphs"
SJIS_NOTE_OPENING = "the text is pdftotext's Shift-JIS text"
POPPLER_SJIS_NOTE = (
    "the text is pdftotext's Shift-JIS text (poppler writes every ASCII character"
    " full-width and pads columns with U+3000): its U+3000 were read as spaces, {numerals} section"
    " numerals printed as letters (ＩＩ) read as Ⅰ to Ⅵ and {circled} numbers opening a cell (２) as"
    " ① to ⑳; letters and digits are kept full-width as the text gives them (the PDF may print some"
    " half-width: rows holding them are flagged unmapped_glyphs)"
)

_ASCII = regex.compile(r"[\x20-\x7e]")
_FULL_ALNUM = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]")
# Characters whose form the text cannot tell: full-width letters, digits and square brackets (a
# choice ``[ 十分である ]`` reads ``［ 十分である ］`` either way).
_FORMS_LOST = regex.compile(r"[０-９Ａ-Ｚａ-ｚ［］]")
_NUMERALS = {"Ｉ": "Ⅰ", "ＩＩ": "Ⅱ", "ＩＩＩ": "Ⅲ", "ＩＶ": "Ⅳ", "Ｖ": "Ⅴ", "ＶＩ": "Ⅵ"}
_NUMERAL = regex.compile(
    r"(?<![Ａ-Ｚａ-ｚ])(ＩＩＩ|ＩＩ|ＩＶ|ＶＩ|Ｉ|Ｖ)(?=\u3000?[\p{Han}\p{Katakana}\p{Hiragana}])"
)
# Characters that count what a number before them numbers (a wrapped date's ``３日``, ``１回``):
# such a number is no circled one.
# (not 名, 部, 目, 期, 時, 点: headings open so, ①名称, ①部署, ①目的, ⑦時期・頻度)
_COUNTERS = "年月日回件人号条項週歳円箇個枚頁ヶケカ"
_CIRCLED_AT = regex.compile(
    r"(?m)(^\u3000*|\u3000{2,})(２０|１[０-９]|[１-９])(?=\u3000?[\p{Han}\p{Katakana}])(?!\u3000?["
    + _COUNTERS
    + "])"
)


def is_poppler_sjis(text: str) -> bool:
    """The text is poppler's Shift-JIS text: no ASCII (but line ends, form feeds, tabs), a U+3000
    (a space poppler wrote), full-width letters or digits, and no character CP932 cannot write
    (``_written_in_cp932``).  A text of non-breaking spaces (U+00A0) between full-width
    characters has no ASCII either (PyMuPDF's lines written with NBSP for spaces, set XXIV
    ``web``: taken for this one, its 14 right rows were flagged ``unmapped_glyphs``): the text
    reader writes those as spaces first (``unicode.plain_spaces``), and poppler's Shift-JIS map
    has no NBSP (nor an em dash) anyway."""
    return (
        _ASCII.search(text) is None
        and "\u3000" in text
        and _FULL_ALNUM.search(text) is not None
        and _written_in_cp932(text)
    )


def _written_in_cp932(text: str) -> bool:
    """Whether CP932 (the bytes poppler's Shift-JIS text is written in) holds every character of
    ``text``: one outside it (U+00A0, an em dash U+2014) was not decoded from such bytes."""
    try:
        text.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def _circled(m: regex.Match) -> str:
    n = int(m.group(2).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return m.group(1) + chr(0x2460 + n - 1)


def undo_poppler_sjis(text: str) -> tuple[str, str]:
    """poppler's Shift-JIS text as the text it stands for (``is_poppler_sjis`` said it is one), and
    the note saying how it was read."""
    text, numerals = _NUMERAL.subn(lambda m: _NUMERALS[m.group(1)], text)
    text, circled = _CIRCLED_AT.subn(_circled, text)
    return text.replace("\u3000", " "), POPPLER_SJIS_NOTE.format(numerals=numerals, circled=circled)


def flag_full_width_forms(records: list[Record], q: QualitySettings) -> None:
    """Flag ``FORMS_FLAG`` the records of such a text whose 項目, 変更前, 変更後 or 説明 hold a
    full-width letter, digit or square bracket (the PDF may print it half-width); the flag costs
    its weight (``confidence.add_late_flags``)."""
    for r in records:
        cells = (r.item, r.before, r.after, r.explanation)
        if any(c and _FORMS_LOST.search(c) for c in cells):
            add_late_flags(r, {FORMS_FLAG}, q)
