"""A line of one character that is a speck, not text: dropped, with what was dropped.

No paragraph of the samples' truth cells (item, before, after, explanation) is one character
long, yet tesseract reads a lone kana or kanji from a speck or a stroke between two lines
(``…行わない。`` / ``行`` / ``イ　提供の記録…``, ``(2)保険給付に関する事務`` / ``は`` /
``(3)…``).  Such a line is no wrapped tail of the line before when that line ends a paragraph
(``。``, a closing bracket) or stops short of the cell's edge (``CellLine.wraps`` False) while
the next line opens a paragraph of its own (a list mark, a bracket, a number, a heading's
numbering), or when it is a particle no paragraph ends with (の, を, が, は, と) before a line
opening a list mark.  It is dropped; the row is flagged ``ocr_corrected`` with what was dropped.

Specks read as characters inside a line (``speck_mark_text``): の ending a line before a line that
opens a list mark (``(1)本人確認の徹底の`` / ``(2)…``), の before an item heading's numbering
(``の②所属長の役職名``), and a doubled opening of a list mark (``((3)``); none is in any
truth cell of the samples.

In item cells, a line of one or two characters (``全``, ``の二``) after a whole heading of the forms
that stops short of the cell's edge, before a numbered heading or a heading, is a speck too: no
truth item line of the samples is that short, and the whole heading before it has no tail.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow

FIELDS = ("item", "before", "after", "explanation")
# Particles that end no paragraph of the samples' truth cells.
_NO_END = frozenset("のをがはと")
# A digit or Latin letter alone on a line is no paragraph either (none in the samples' truth).
_ONE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}0-9０-９A-Za-zＡ-Ｚａ-ｚ]$")
_CLOSED = regex.compile(r"[。．\]］】＞>）)」』]$")
# What opens a paragraph of its own: list marks, brackets, numbers and numbered headings.
_OPENS = regex.compile(
    r"^(?:[・･①-⑳（(\[［【＜<※〇○◎●■□◆◇Ⅰ-Ⅵ]|[0-9０-９]|[ア-ン][\s\u3000]|リスク[0-9０-９])"
)


def drop_speck_lines(rows: list[RawRow]) -> int:
    """Drop the one-character speck lines of OCR rows' cells (see the module notes), in place;
    the number of lines dropped."""
    dropped = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            keep = list(lines)
            for k in range(len(lines) - 1, 0, -1):
                text = lines[k].text.strip()
                prev = lines[k - 1]
                nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
                if f == "item" and _item_speck(prev, text, nxt):
                    pass
                elif not _ONE.match(text) or _ends_negation(prev.text.strip(), text):
                    continue
                else:
                    closed = bool(_CLOSED.search(prev.text.strip()))
                    short = f != "item" and prev.wraps is False and bool(_OPENS.match(nxt))
                    # A particle no paragraph ends with, before a line opening a list mark.
                    particle = text in _NO_END and bool(_MARK.match(nxt))
                    if not (closed or short or particle):
                        continue
                del keep[k]
                why = f"a line of one character {text!r} after {prev.text.strip()[-8:]!r} dropped as a speck"
                row.doubts.append(Doubt("ocr_corrected", f, why, 0.0))
                row.add_flag("ocr_corrected")
                dropped += 1
            if len(keep) != len(lines):
                row.cells[f] = keep
    return dropped


def _ends_negation(prev: str, text: str) -> bool:
    """Whether ``text`` is the wrapped end of a negation the line before begins (…該当しな / い):
    no speck, whatever the lines around (``polarity``)."""
    return (prev + text).endswith(("ない", "なし", "なく"))


# The longest item line read between two headings that is taken for a speck (全, の二).
ITEM_SPECK_MAX_CHARS = 2


def _item_speck(prev: CellLine, text: str, nxt: str) -> bool:
    """An item cell's short line that is no heading nor the tail of one: the line before is a whole
    heading of the forms, stops short of the cell's edge and is not lengthened by the line into
    another heading, and the line after opens a numbered heading or is one
    (``７．特定個人情報の保管・消去`` / ``全`` / ``リスク１：…``)."""
    from .item_lines import printed_headings, strip_numbering

    if not 0 < len(text) <= ITEM_SPECK_MAX_CHARS or prev.wraps is not False:
        return False
    headings = printed_headings()
    head = regex.sub(r"\s", "", strip_numbering(prev.text.strip()))
    if head not in headings or any(h.startswith(head + text) for h in headings):
        return False
    return bool(_OPENS.match(nxt)) or regex.sub(r"\s", "", strip_numbering(nxt)) in headings


# A paragraph's list mark (``(2)``, ``（２）``, ``①``, ``・``, ``※``) opening a line.
_MARK = regex.compile(r"^\s*(?:[(（][0-9０-９]{1,2}[)）]|[①-⑳・※])")
# A speck read as の at a line's end (the paragraph ends there: the next line opens a list
# mark), as の before an item heading's numbering, or a doubled opening of a list mark.
_TRAILING_NO = regex.compile(r"(?<=[\p{Han}\p{Katakana}ー）)])の(\s*)$")
_LEADING_NO = regex.compile(r"^(\s*)の(?=[①-⑳]|[0-9０-９]{1,2}[．.]|[(（][0-9０-９]{1,2}[)）])")
_DOUBLE_OPEN = regex.compile(r"^(\s*)[(（](?=[(（][0-9０-９]{1,2}[)）])")


def speck_mark_text(lines: list[str], field: str) -> list[str]:
    """``lines`` (one cell's) with the specks of the module notes dropped: no paragraph of the
    samples' truth ends with の, opens with の before a numbering, or opens with ``((``."""
    out = []
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if nxt and _MARK.match(nxt):
            line = _TRAILING_NO.sub(r"\1", line)
        if field == "item":
            line = _LEADING_NO.sub(r"\1", line)
        out.append(_DOUBLE_OPEN.sub(r"\1", line))
    return out


def drop_speck_marks(rows: list[RawRow]) -> int:
    """``speck_mark_text`` on the cells of OCR rows (in place); the number of lines changed
    (flagged ``ocr_corrected`` by ``rewrite_lines``)."""
    from .corrections import snap_item_text
    from .rewrites import rewrite_lines

    changed = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            texts = [cl.text for cl in lines]
            fixed = speck_mark_text(texts, f)
            if f == "item" and fixed != texts:
                # The headings were matched with the speck in them (の②所尾長の役職名): again
                # without it.
                fixed = snap_item_text(fixed)
            changed += rewrite_lines(row, lines, fixed)
    return changed
