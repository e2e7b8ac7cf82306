"""Check-box marks printed out of their place (issues 10 / 12, branch pdfium17).

A check box's ○ set in another font than its line (a fallback font such as Droid Sans Fallback,
as pasted text keeps) is drawn by LibreOffice as a text object of its own, after its line's.
Row-ordered extractors then print it away from its box: pypdfium2 at the end of the box's line
(or further on it) after a space (``［ ］紙 ○``), ``pdftotext -raw`` alone on the line before the
box's line (``○`` / ``［ ］紙``).  Read as printed, the box is empty and a stray ○ stands in the
text, so the choice reads the other way.  ``place_box_marks`` puts each such ○ back in its box
when the line shows which box (as many stray marks as empty boxes on the line); a line where it
does not stays as printed, and ``stray_box_mark`` lets the row say so.
"""

from __future__ import annotations

import regex

# An empty check box: brackets with nothing or a space between them.
EMPTY_BOX = regex.compile(r"[［\[][ 　]?[］\]]")
# A mark standing alone: a space, the line's start or a box's closing bracket before it (pypdfium2
# prints ``［ ］○ 紙`` where the mark's font run follows the box's right away: set XXXII, 12 rows
# unwarned), a space or the line's end after it (``○○`` placeholders and marks inside words are
# not stray).
STRAY_MARK = regex.compile(r"(?:(?<=^)|(?<=[ 　］\]]))[○〇◯●](?=[ 　]|$)")
_WIDE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]")
_MARK_ALONE = regex.compile(r"^[ 　]*[○〇◯●](?:[ 　]+[○〇◯●])*[ 　]*$")
# A choice opening with a list marker (``(ア)``, ``(1)``) whose mark the fallback font printed
# between the marker and the box: ``(ア) ○［ ］本人…`` on one line (pypdf, pdf.js), ``(ア) ○`` over
# ``［ ］本人…`` (``pdftotext -raw``; set XXXIII n10, 2 rows unwarned in each).
_LISTED_MARK = regex.compile(
    r"^(?P<lead>[ 　]*[（(][^()（）\s]{1,2}[）)])[ 　]*(?P<mark>[○〇◯●])[ 　]*"
    r"(?P<rest>(?:[［\[][ 　]?[］\]].*)?)$"
)


def _fill(line: str, marks: list[str], first_only: bool = False) -> str:
    """``line`` with its empty boxes filled, in order, by ``marks`` (``first_only``: its first
    box alone, by the first mark)."""
    it = iter(marks)
    return EMPTY_BOX.sub(
        lambda m: m.group(0)[0] + next(it) + m.group(0)[-1], line, count=1 if first_only else 0
    )


def _place_in_line(line: str) -> str | None:
    """``line`` with stray marks after its empty boxes put into them, or None when the line
    does not decide (no stray mark after an empty box, or not one mark for each box)."""
    boxes = list(EMPTY_BOX.finditer(line))
    if not boxes:
        return None
    strays = [m for m in STRAY_MARK.finditer(line) if m.start() >= boxes[0].end()]
    if not strays or len(strays) != len(boxes):
        return None
    kept = line
    for m in reversed(strays):
        a, b = m.start(), m.end()
        while a > 0 and kept[a - 1] in " 　":
            a -= 1
        c = b
        while c < len(kept) and kept[c] in " 　":
            c += 1
        # Right after a box (``［ ］○ 紙``), or inside a word (``［ ］庁 ○ 内連携…``): the spaces
        # around the mark are its font run's, not the line's.
        if a == m.start() or (a > 0 and c < len(kept) and _WIDE.match(kept[a - 1]) and _WIDE.match(kept[c])):
            b = c
        kept = kept[:a] + kept[b:]
    return _fill(kept, [m.group(0) for m in strays])


def place_box_marks(text: str) -> tuple[str, int]:
    """(text with each stray check-box mark put back in its empty box, how many marks moved):
    a mark after a space later on a line that holds as many empty boxes as stray marks (the
    pypdfium2 order), a line of marks alone before a line holding as many empty boxes (the
    ``pdftotext -raw`` order), and a mark between a choice's list marker and its box, on the box's
    line or on the line above it (``(ア) ○［ ］本人…``, ``(ア) ○`` / ``［ ］本人…``)."""
    if "○" not in text and "〇" not in text and "◯" not in text and "●" not in text:
        return text, 0
    lines = text.split("\n")
    out: list[str] = []
    moved = 0
    k = 0
    while k < len(lines):
        line = lines[k]
        if _MARK_ALONE.match(line) and k + 1 < len(lines):
            marks = line.split()
            nxt = lines[k + 1]
            if len(EMPTY_BOX.findall(nxt)) == len(marks):
                out.append(_fill(nxt, marks))
                moved += len(marks)
                k += 2
                continue
        listed = _LISTED_MARK.match(line)
        if listed and not listed["rest"] and k + 1 < len(lines) and EMPTY_BOX.match(lines[k + 1]):
            line, k = listed["lead"] + lines[k + 1], k + 1  # the box's line under its marker
            listed = _LISTED_MARK.match(f"{listed['lead']}{listed['mark']}{lines[k]}")
        if listed and listed["rest"]:
            out.append(listed["lead"] + _fill(listed["rest"], [listed["mark"]], first_only=True))
            moved += 1
            k += 1
            continue
        placed = _place_in_line(line)
        if placed is not None:
            moved += len(EMPTY_BOX.findall(line)) - len(EMPTY_BOX.findall(placed))
            line = placed
        out.append(line)
        k += 1
    return "\n".join(out), moved


def stray_box_mark(text: str) -> bool:
    """Whether ``text`` (a cell) holds a mark standing alone after an empty check box on one of
    its lines, or on a line of its own: a box's mark printed out of its place that
    ``place_box_marks`` could not put back."""
    for line in text.split("\n"):
        if _MARK_ALONE.match(line):
            return True
        boxes = list(EMPTY_BOX.finditer(line))
        if boxes and any(m.start() >= boxes[0].end() for m in STRAY_MARK.finditer(line)):
            return True
    return False
