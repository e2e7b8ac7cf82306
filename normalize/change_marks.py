"""A change mark (【修正】 / 【追加】 …) heading a 変更後 cell read at the end of 変更前, put back.

Some tables open each 変更後 cell with a bracketed mark saying what changed (set XXVIII t02,
Writer: ``【修正】`` / ``【追加】`` on a line of its own, or ``【削除】`` alone).  Row-ordered text
(``pdftotext -raw``, pypdfium2, pypdf) prints the mark on the baseline of the 変更前 cell's last
line (``転入届等の届出の都度 【修正】``) or on a line of its own after it, and the readers give it
to 変更前: the before cell ends with the mark, the after cell lacks it, unwarned (branch
extracol67).  A mark says what the new text is; the old text never ends with one.  So a 変更前
cell whose last line is such a mark, or ends with one after a space, gives it to the head of its
row's 変更後 when that cell opens with no mark of its own.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, RawRow
from piatable.vocabulary import KIND_COLUMN_WORDS

# The words a mark brackets: the kind words (修正 / 追加 / 削除 / 新規) and a few more.
MARK_WORDS = tuple(sorted({*KIND_COLUMN_WORDS, "変更", "訂正", "追記"}))
_MARK = rf"【(?:{'|'.join(MARK_WORDS)})】"
_TRAILING_MARK = regex.compile(rf"^(?P<text>.*?)[ \u3000]*(?P<mark>{_MARK})$")
_OPENS_MARK = regex.compile(rf"^[ \u3000]*{_MARK}")


def move_change_marks(rows: list[RawRow]) -> int:
    """Move each row's change mark from the end of 変更前 to the head of 変更後 (module notes);
    how many were moved."""
    moved = 0
    for row in rows:
        before, after = row.cells.get("before") or [], row.cells.get("after") or []
        if not before or (after and _OPENS_MARK.match(after[0].text)):
            continue
        last = before[-1]
        m = _TRAILING_MARK.match(last.text)
        if m is None:
            continue
        mark = CellLine(m["mark"], last.page, last.line_no, False, last.conf)
        text = m["text"].rstrip(" \u3000")
        if text:
            before[-1] = CellLine(text, last.page, last.line_no, last.wraps, last.conf, unsure=last.unsure)
        else:
            before.pop()
        row.cells["after"] = [mark, *after]
        moved += 1
    return moved
