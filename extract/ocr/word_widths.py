"""Latin words in the width the document prints them (issues 11 / 12).

A document prints a name of a system or a service (ISMAP, eLTAX, LGWAN-ASP) in one width
wherever it names it: its author types it one way, or pastes it from one source.  Tesseract
measures each occurrence's width from the ink (``widths.normalize_widths``), and one measure can
go the other way: ``ｅＬＴＡＸを経由して`` in a table that prints ``eLTAX`` in its other cells.

A word of ``MIN_WORD`` or more letters and digits, opening with a letter (the same word: equal
under NFKC and case folding), read wholly in one width, takes the width its other occurrences in
the document's cells were read in when at least ``MIN_OTHERS`` of them are and more than
``WIDTH_SHARE`` of them agree; else it stays as read.  Shorter words are left alone: the samples'
truth prints ``ID`` and ``ＩＤ`` in one document (68 of 338 two-letter words differ from their
document's other occurrences), while words of three or more characters agree with them in 220 of
226 (97%; held-out truth 209 of 209).  Changed lines are flagged ``ocr_corrected`` with what was
read.
"""

from __future__ import annotations

import unicodedata

import regex

from piatable.models import RawRow

from .number_widths import other_cells_votes
from .rewrites import rewrite_lines

FIELDS = ("item", "before", "after", "explanation")
MIN_WORD = 3
MIN_OTHERS = 2
WIDTH_SHARE = 0.8
_LATIN = r"A-Za-zＡ-Ｚａ-ｚ"
_ALNUM = r"A-Za-zＡ-Ｚａ-ｚ0-9０-９"
WORD = regex.compile(rf"(?<![{_ALNUM}])[{_LATIN}][{_ALNUM}\-－]*[{_ALNUM}](?![{_ALNUM}])")
_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_HALF = {v: k for k, v in _FULL.items()}


def _width(word: str) -> bool | None:
    """Full width (True), half (False), or None for a word read in both."""
    if word.isascii():
        return False
    if all(0xFF01 <= ord(c) <= 0xFF5E for c in word):
        return True
    return None


def _key(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


def document_widths(texts: list[str]) -> dict[str, list[int]]:
    """{word key: [half, full]}: the words of ``texts`` (``MIN_WORD`` characters or more) read
    wholly in one width."""
    out: dict[str, list[int]] = {}
    for text in texts:
        for m in WORD.finditer(text):
            width = _width(m.group(0))
            if len(m.group(0)) >= MIN_WORD and width is not None:
                out.setdefault(_key(m.group(0)), [0, 0])[int(width)] += 1
    return out


def even_words(text: str, others: dict[str, list[int]]) -> str:
    """``text`` with each word in the width ``others`` ({word key: [half, full]} of the
    document's other occurrences) read it in, when clear (module notes)."""

    def write(m: regex.Match) -> str:
        word = m.group(0)
        own = _width(word)
        votes = others.get(_key(word))
        if len(word) < MIN_WORD or own is None or not votes or sum(votes) < MIN_OTHERS:
            return word
        if votes[int(not own)] <= WIDTH_SHARE * sum(votes):
            return word
        return word.translate(str.maketrans(_FULL if not own else _HALF))

    return WORD.sub(write, text)


def even_word_widths(rows: list[RawRow]) -> int:
    """``even_words`` on every line of the item, before, after and explanation cells of OCR rows
    (in place), each line against the document's other lines; the number of lines changed."""
    # Each line once (a merged cell's line may stand in two rows).
    lines = {id(cl): cl for row in rows for f in FIELDS for cl in row.cells.get(f) or []}
    total = document_widths([cl.text for cl in lines.values()])
    changed = 0
    for row in rows:
        for f in FIELDS:
            cells = row.cells.get(f) or []
            written = []
            for cl in cells:
                written.append(even_words(cl.text, other_cells_votes(total, document_widths([cl.text]))))
            changed += rewrite_lines(row, cells, written)
    return changed
