"""A line of one character that is a speck, not text: dropped, with what was dropped.

No paragraph of the samples' truth cells (item, before, after, explanation) is one character
long, yet tesseract reads a lone kana or kanji from a speck or a stroke between two lines
(``…行わない。`` / ``行`` / ``イ　提供の記録…``, ``(2)保険給付に関する事務`` / ``は`` /
``(3)…``).  Such a line is no wrapped tail of the line before when that line ends a paragraph
(``。``, a closing bracket) or stops short of the cell's edge (``CellLine.wraps`` False) while
the next line opens a paragraph of its own (a list mark, a bracket, a number, a heading's
numbering).  It is dropped; the row is flagged ``ocr_corrected`` with what was dropped.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

FIELDS = ("item", "before", "after", "explanation")
_ONE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}]$")
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
                if not _ONE.match(text):
                    continue
                prev = lines[k - 1]
                nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
                closed = bool(_CLOSED.search(prev.text.strip()))
                short = f != "item" and prev.wraps is False and bool(_OPENS.match(nxt))
                if not (closed or short):
                    continue
                del keep[k]
                why = f"a line of one character {text!r} after {prev.text.strip()[-8:]!r} dropped as a speck"
                row.doubts.append(Doubt("ocr_corrected", f, why, 0.0))
                row.add_flag("ocr_corrected")
                dropped += 1
            if len(keep) != len(lines):
                row.cells[f] = keep
    return dropped
