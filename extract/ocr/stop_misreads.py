"""A sentence's last glyphs read as something else, put back from the grammar (issue 11).

Tesseract reads the 。 that closes a paragraph, often together with the kana before it, as a
digit, a Latin letter, a question mark or a kana (``対処する５``, ``記録してい?``, ``防止す2（②…``,
``統一的に行の``).  In a document whose sentences end with 。 (``punctuation.document_style``),
where a paragraph ends (a cell's last line, a line before one that opens a paragraph, or just
before a paragraph marker inside a line: ``①``, ``・``, ``（``) and its last one or two characters
are such a read (``JUNK``), they are replaced by ``。`` or a kana and ``。`` (``る。``, ``う。``)
when the text then ends on a sentence's final verb or auxiliary (``corrections._ends_sentence``)
and the dictionary reads it more easily than as read (by ``STOP_GAIN`` when a kana was read).
A paragraph that already ends a sentence with what was read, or whose text ends no sentence
either way, is left as read.
Only for OCR rows; changed lines are flagged ``ocr_corrected`` with what was read.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow
from piatable.normalize.chars import CIRCLED, starts_paragraph
from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer

from .rewrites import rewrite_lines

FIELDS = ("before", "after", "explanation")
# What a paragraph's closing 。 (with the kana before it) is misread as: one or two characters.
JUNK = regex.compile(r"[0-9０-９?？!！a-zA-Zａ-ｚＡ-Ｚ'\"のなくみぶ]{1,2}$")
# Kana whose 。 tesseract swallows with them: る。 and う。 read as one glyph.
LOST_KANA = ("", "る", "う")
# The dictionary must read the mended end (its 。 included) more easily than as read (path cost),
# by at least this much when what was read is kana (a word may end on の or な).
STOP_GAIN = 1500
# Characters of the text before the junk the dictionary reads with it.
WINDOW = 10
# A paragraph marker inside a line: the text before it ends a paragraph.
_INNER_MARKER = regex.compile(rf"[{CIRCLED}・（(]")


def _mend_end(stem: str, junk: str, st: SudachiTokenizer) -> str | None:
    """The end that replaces ``junk`` after ``stem`` (``。``, ``る。`` …), or None."""
    from .corrections import _ends_sentence

    tail = stem[-WINDOW:]
    if not tail or not regex.match(r"[\p{Hiragana}\p{Han}]", tail[-1]) or _ends_sentence(st, tail + junk):
        return None
    read = st.path_cost(tail + junk)
    kana_read = bool(regex.search(r"\p{Hiragana}", junk))
    best: tuple[int, str] | None = None
    # A stem that ends a sentence already lost no kana (提供する|の9 is no 提供するう。).
    for kana in ("",) if _ends_sentence(st, tail) else LOST_KANA:
        if not kana and kana_read:
            continue  # a kana read stands for a kana lost, not for the 。 alone
        if _ends_sentence(st, tail + kana):
            cost = st.path_cost(tail + kana + "。")
            if read - cost > (STOP_GAIN if kana_read else 0) and (best is None or cost < best[0]):
                best = (cost, kana + "。")
    return best[1] if best else None


def mend_line(line: str, ends_paragraph: bool, st: SudachiTokenizer) -> str:
    """One line with its paragraph ends' misread 。 put back (see the module notes);
    ``ends_paragraph``: the line's end closes a paragraph."""
    out = line
    # Inside the line, before a paragraph marker (right to left, so offsets hold).
    for m in reversed(list(_INNER_MARKER.finditer(line))):
        j = JUNK.search(out[: m.start()])
        if j and j.start() > 0:
            end = _mend_end(out[: j.start()], j.group(0), st)
            if end:
                out = out[: j.start()] + end + out[m.start() :]
    if ends_paragraph:
        text = out.rstrip()
        j = JUNK.search(text)
        if j and j.start() > 0:
            end = _mend_end(text[: j.start()], j.group(0), st)
            if end:
                out = text[: j.start()] + end + out[len(text) :]
    return out


def mend_cell(texts: list[str], st: SudachiTokenizer) -> list[str]:
    """A cell's lines with their paragraph ends' misread 。 put back; a line of the misread
    alone (tesseract sets a low 。 on a line of its own: ``…図ってい`` / ``?``) is emptied and its
    line mended."""
    out = list(texts)
    for j, text in enumerate(texts):
        ends = j + 1 == len(texts) or starts_paragraph(texts[j + 1].lstrip())
        alone = texts[j + 1].strip() if j + 1 < len(texts) else ""
        if (
            alone
            and JUNK.fullmatch(alone)
            and (j + 2 == len(texts) or starts_paragraph(texts[j + 2].lstrip()))
        ):
            stem = text.rstrip()
            end = _mend_end(stem, alone, st) if stem else None
            if end:
                out[j], out[j + 1] = stem + end, ""
                continue
        if out[j] == text:
            out[j] = mend_line(text, ends, st)
    return out


def mend_misread_stops(rows: list[RawRow], tokenizer: SudachiTokenizer | None = None) -> int:
    """Paragraph ends whose 。 was misread put right in place, in documents that end their
    sentences with 。 (see the module notes); the number of lines changed."""
    from .punctuation import document_style

    maru, _ = document_style(rows)
    if not maru:
        return 0
    st = tokenizer or default_tokenizer()
    if not isinstance(st, SudachiTokenizer):
        return 0
    changed = 0
    for row in rows:
        for field in FIELDS:
            lines = row.cells.get(field) or []
            if lines:
                changed += rewrite_lines(row, lines, mend_cell([cl.text for cl in lines], st))
    return changed
