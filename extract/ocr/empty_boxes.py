"""Empty check boxes of a choices list whose brackets a scan lost: ``[ ]庁内連携システム`` read
as ``[店内連携システム``, ``「1庁内連携システム`` or ``[」庁内連携システム``.

The forms print a list of choices as one box per line, ``[○]`` before a ticked choice and ``[ ]``
before the others, and an amendment row's before and after cells list the same choices (the tick
moved).  Tesseract reads a ticked box well (its ○ holds the brackets apart), but an empty one is
two brackets a space apart, of which it keeps the ``[`` (or reads it as ``「``) and loses the
``]`` or reads it as ``1``, ``」``, ``|`` or ``l``; ``structure_fixes.restore_choice_brackets``
may then close the line with a ``]`` as if it were a bracketed answer (``[庁内連携システム]``).
Sets IX and X and samples/scan-ocr49 show every one of these reads.

A line is written ``[ ]label`` only on its row's own evidence: the row's before or after cells
hold a box line read whole (``[○]…`` or ``[ ]…``) besides it; a line that reads as a bracketed
answer (``[label]``) only when that label is one of the row's box labels (``[○]label``).
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines

_BOX_COLUMNS = ("before", "after")
# A box line read whole, as structure_fixes.fix_check_boxes writes it: its label after it.
_WHOLE_BOX = regex.compile(r"^\s*[\[［][ 　]*○?[ 　]*[\]］]\s*(\S.*)$")
# An empty box read with its ] lost or misread as one stroke, the label (a Japanese word)
# right after it; the [ read as 「 only when a misread ] follows it.
_MISREAD_EMPTY = regex.compile(
    r"^(\s*)(?:[\[［][ 　]*[」｣1１lIｌＩ|｜)）]?|[「｢][ 　]*[」｣1１lIｌＩ|｜\]］)）])[ 　]*"
    r"(?=[\p{Han}\p{Katakana}\p{Hiragana}])([^\[\]［］]+?)([\]］]?)\s*$"
)


def restore_empty_box(line: str, labels: set[str]) -> str:
    """``line`` written ``[ ]label`` when it is an empty box misread in a row holding box lines
    read whole, ``labels`` their labels (module notes)."""
    if _WHOLE_BOX.match(line):
        return line
    m = _MISREAD_EMPTY.match(line)
    if m is None:
        return line
    pad, label, closing = m.groups()
    if closing and label.strip() not in labels:
        return line
    return f"{pad}[ ]{label}"


def restore_empty_boxes(rows: list[RawRow]) -> int:
    """``restore_empty_box`` on the before and after lines of each OCR row with its own box
    lines as evidence (in place); the number of lines changed."""
    changed = 0
    for row in rows:
        cells = [row.cells.get(c) or [] for c in _BOX_COLUMNS]
        whole = [m for lines in cells for cl in lines if (m := _WHOLE_BOX.match(cl.text))]
        if not whole:
            continue
        labels = {m.group(1).strip() for m in whole}
        for lines in cells:
            written = [restore_empty_box(cl.text, labels) for cl in lines]
            changed += rewrite_lines(row, lines, written)
    return changed
