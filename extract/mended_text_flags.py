"""Flags for the rows of a text whose reading mended it in a way the text cannot confirm.

* a poppler Shift-JIS text (``poppler_sjis``): rows holding full-width letters or digits;
* a text with lines collapsed as over-printed bold text (``normalize/collapsed_copies.py``):
  rows holding such a line, ``copy_collapsed:<field>``;
* a viewer's copy with its cells glued (``normalize/glued_copy.py``): rows whose 変更前 is empty
  and 変更後 holds text, ``column_guess`` (a one-line 変更前 glued to the 変更後's first line,
  ``保険年金課長国保年金課長``, reads so);
* a text with bytes no encoding read (``text_decoding.UNDECODED_NOTE``): rows holding U+FFFD,
  ``unmapped_glyphs`` (a character of the row is lost);
* any text: rows holding an ASCII ``?`` glued to a Japanese character, ``unmapped_glyphs`` with a
  note (``LOST_CHARACTER_NOTE``).  Japanese text writes a question mark full-width (？); a ``?``
  beside kana or kanji is what a program saving the text in CP932, EUC-JP or ISO-2022-JP with
  ``errors="replace"`` (Windows' "save as ANSI", Python's ``encode(..., "replace")``) writes for
  a character the encoding lacks: 𠮷, a variation selector (``辻?`` for 辻 + U+E0100), 髙 / 﨑 in
  EUC-JP, ① in plain EUC-JP (branch variants69; session 68's unseen set printed such names).
  The text is kept as it is.  No truth of the committed samples (14,658 files) holds such a ``?``.

All cost their weights on rows already scored (``confidence.add_late_flags``).
"""

from __future__ import annotations

import regex

from piatable.models import Reading, Record
from piatable.normalize.collapsed_copies import flag_collapsed_copies
from piatable.normalize.confidence import add_late_flags
from piatable.normalize.glued_copy import GLUED_COPY_MARK
from piatable.settings import QualitySettings

from .poppler_sjis import FORMS_FLAG, SJIS_NOTE_OPENING, flag_full_width_forms
from .text_decoding import UNDECODED_MARK

# The flag of a glued copy's row whose 変更前 may be glued into its 変更後.
GLUED_BEFORE_FLAG = "column_guess"
# An ASCII question mark glued to kana or kanji (a character lost to a legacy encoding).
_JAPANESE = r"\p{Han}\p{Hiragana}\p{Katakana}々〆"
_LOST_MARK = regex.compile(rf"[{_JAPANESE}ー]\?|\?[{_JAPANESE}]")
# Examples quoted in the note, at most.
LOST_QUOTED = 3
LOST_CHARACTER_NOTE = (
    "{n} rows hold an ASCII ? glued to Japanese text ({quoted}): most likely a character the"
    " text's encoding could not hold (a kanji beyond JIS X 0208, a variant such as 髙 or 﨑,"
    " a variation selector)"
    " written ? when the text was saved; kept as ?, the rows flagged unmapped_glyphs (a UTF-8"
    " text or the PDF gives the characters)"
)


def _cells(r: Record) -> tuple[str, ...]:
    return tuple(c or "" for c in (r.change_date_raw, r.item, r.before, r.after, r.timing_raw, r.explanation))


def flag_lost_characters(records: list[Record], q: QualitySettings) -> str | None:
    """Flag ``unmapped_glyphs`` on the rows of ``records`` holding an ASCII ``?`` glued to kana
    or kanji (the module notes) and return the note saying so (``LOST_CHARACTER_NOTE``), or None
    when no row holds one."""
    quoted: list[str] = []
    n = 0
    for r in records:
        found = [m for c in _cells(r) for m in _LOST_MARK.finditer(c)]
        if not found:
            continue
        n += 1
        add_late_flags(r, {FORMS_FLAG}, q)
        for m in found:
            text = m.string[max(m.start() - 2, 0) : m.end() + 2].replace("\n", " ")
            if len(quoted) < LOST_QUOTED and f"「{text}」" not in quoted:
                quoted.append(f"「{text}」")
    if not n:
        return None
    return LOST_CHARACTER_NOTE.format(n=n, quoted="、".join(quoted))


def flag_mended_rows(records: list[Record], reading: Reading, q: QualitySettings) -> list[str]:
    """Flag ``records`` for the mends of ``reading``'s text (see the module notes); the notes
    to add to the document's (a list, maybe empty)."""
    if any(n.startswith(SJIS_NOTE_OPENING) for n in reading.notes):
        flag_full_width_forms(records, q)
    flag_collapsed_copies(records, reading.collapsed_copies, q)
    if any(UNDECODED_MARK in n for n in reading.notes):
        for r in records:
            if any("\ufffd" in c for c in _cells(r)):
                add_late_flags(r, {FORMS_FLAG}, q)
    if any(GLUED_COPY_MARK in n for n in reading.notes):
        for r in records:
            if not r.before.strip() and r.after.strip():
                add_late_flags(r, {GLUED_BEFORE_FLAG}, q)
    lost = flag_lost_characters(records, q)
    return [lost] if lost else []
