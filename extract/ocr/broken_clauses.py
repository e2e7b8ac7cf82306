"""A clause broken where a 、 was lost: a line of a text cell that stops short of the cell's right
edge (``CellLine.wraps`` False, so it is kept as a paragraph's end) and ends in a verb's
continuative form (実施し, 廃止され), the next line going on in Japanese text, most likely lost the
、 printed at its end (issues 11/12, set XI's c1 at 400 dpi: 年１回実施し / 未受講者には…, its
、 not read; the fit-to-width page's 、 is a few pixels of ink).  Such a cell gets
``ocr_suspect:<field>``; its text is left as read.

Measured on the samples' true text: 2 of 2,123 distinct paragraphs end in a continuative form
(…を介し, …に掲載し, a manual line break); the nouns 見直し, 写し, なし are no verbs to SudachiPy.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from piatable.models import Doubt, RawRow

_TEXT_COLUMNS = ("before", "after", "explanation")
# The next line goes on in Japanese text (not a list mark, bracket, digit or letter).
_GOES_ON = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}]")
# Auxiliaries whose continuative form goes on with the clause (passive, causative).
CONTINUING_AUXILIARIES = frozenset({"れる", "られる", "せる", "させる"})
# Characters of a line's end handed to the dictionary.
TAIL_CHARS = 12
_WHY = (
    "{line!r} stops short in a verb's continuative form before {nxt!r}: a 、 at its end was probably not read"
)


def _continuative(text: str) -> bool:
    """Whether ``text`` ends in a verb's or auxiliary's continuative form (連用形) written in kana."""
    from .corrections import default_tokenizer

    tail = text[-TAIL_CHARS:]
    if not regex.search(r"\p{Hiragana}$", tail):
        return False
    morphemes = list(default_tokenizer().tokenize(tail))
    if not morphemes:
        return False
    last = morphemes[-1]
    pos = last.part_of_speech()
    if not pos[5].startswith("連用形"):
        return False
    # A verb (実施し), or the passive / causative after one (廃止さ|れ); not だ's に (速やかに).
    return pos[0] == "動詞" or (pos[0] == "助動詞" and last.dictionary_form() in CONTINUING_AUXILIARIES)


def flag_broken_clauses(rows: list[RawRow]) -> list[str]:
    """An ``ocr_suspect`` doubt on each text cell of OCR rows with a clause broken where a 、 was
    lost (module notes; in place); a note counting the cells."""
    count = 0
    for row in rows:
        for column in _TEXT_COLUMNS:
            cells = row.cells.get(column) or []
            for cl, nxt in pairwise(cells):
                line, after = cl.text.strip(), nxt.text.strip()
                if cl.wraps is False and line and _GOES_ON.match(after) and _continuative(line):
                    why = _WHY.format(line=line[-12:], nxt=after[:6])
                    row.doubts.append(Doubt("ocr_suspect", column, why))
                    count += 1
                    break
    if not count:
        return []
    return [f"{count} OCR cell(s) with a clause broken where a 、 was probably lost (ocr_suspect)"]
