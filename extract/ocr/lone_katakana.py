"""A katakana look-alike standing alone in running text is the kanji it looks like.

Tesseract's ``jpn`` model reads the kanji 力 口 工 夕 二 as the katakana カ ロ エ タ ニ.  The
dictionary cannot always tell (SudachiPy reads ``特にカを入れて`` more cheaply than ``特に力を入れて``:
カ as an interjection), but the script can: a katakana word is two or more katakana long, so a
single one of these between two kanji or hiragana is a misread kanji (``[ 特にカを入れて行っている ]``).
Not where katakana counts (``３カ月``, ``数カ所``, ``何カ国``: the small ヶ written カ after a numeral),
nor next to a bracket, space, Latin letter or a line's edge (the form's list marks ア イ ウ エ オ
カ open items).
"""

from __future__ import annotations

import regex

# The katakana and the kanji each is misread from (corrections.PAIRS, the katakana side).
KANJI_OF = {"カ": "力", "ロ": "口", "エ": "工", "タ": "夕", "ニ": "二"}
# Before katakana as a counter (３カ月, 数カ所, 何カ国, 十カ年): a digit or a numeral.
_COUNTING = "0123456789０１２３４５６７８９一二三四五六七八九十百千数何幾"
_LONE = regex.compile(r"(?<=([\p{Han}\p{Hiragana}]))([カロエタニ])(?=[\p{Han}\p{Hiragana}])")


def lone_katakana_to_kanji(text: str) -> str:
    """``text`` with each katakana of KANJI_OF that stands between two kanji or hiragana (not
    after a numeral) written as its kanji."""

    def swap(m: regex.Match) -> str:
        counted = m.group(2) == "カ" and m.group(1) in _COUNTING
        return m.group(2) if counted else KANJI_OF[m.group(2)]

    return _LONE.sub(swap, text)


# The form's list marks in their order: a line opening with one of these after a line opening
# with the one before it (ア … イ … ウ … エ) is an item of the list, not a kanji.
LIST_MARKS = "アイウエオカキクケコ"


def lone_katakana_in_lines(lines: list[str]) -> str:
    """``lone_katakana_to_kanji`` of a cell's lines read as one text (a kanji may wrap: 特に|カを),
    where a katakana that opens a line as the next of the form's list marks (``LIST_MARKS``: エ
    opening a line after lines opened by ア, イ, ウ) stays: joined, the line's edge that tells a
    list mark is lost (``…の交付エ転出届…``)."""
    joined = "".join(lines)
    written = list(lone_katakana_to_kanji(joined))
    opened: set[str] = set()
    at = 0
    for line in lines:
        first = line.lstrip()[:1]
        k = LIST_MARKS.find(first) if first else -1
        if k > 0 and LIST_MARKS[k - 1] in opened:
            q = at + len(line) - len(line.lstrip())
            written[q] = joined[q]
        if k >= 0:
            opened.add(first)
        at += len(line)
    return "".join(written)
