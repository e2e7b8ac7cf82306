"""Layout text: closing punctuation that a layout extractor printed one column to the right.

Chromium prints a run of closing punctuation compressed (``…提供する。）。``: the ``）`` drawn
4.5 pt left of where a full-width glyph would start, over the ``。`` before it).  pypdf's
``extract_text(extraction_mode="layout")`` then prints the glyphs after the overlap as a piece of
their own on the same line, in the next column: the 変更前's tail ``）。`` opens the 変更後's line
(``）。知対象者が生じた都度提供する。``) and the 変更後's own ``）。`` lands in the 説明 (set XXIV's
t03/t06/t07/t09/t13 ``.pypdf_layout``, branch layout63), read right but for those glyphs, with
no flag.

A cell's printed line never opens with a closing bracket (kinsoku: no line starts with ）」。),
so a line that does is in doubt.  Where the piece belongs, the brackets tell: every such piece
on one printed line is moved to the end of the same line's text in the column on its left, and
the move is kept when it leaves fewer brackets unpaired in the cells it touches and none worse
(the 変更前 gets the ``）`` its ``（以降、`` waited for, the 説明's ``（重要な変更））。`` pairs
again).  When the brackets do not decide (no line on its left, or the move pairs nothing), the
line keeps its text and the cell is warned (``column_guess``, ``squeezed_gaps.cell_doubt``).
"""

from __future__ import annotations

import regex

from piatable.models import COLUMNS

from ..brackets import CLOSER_RUN, without_list_numbers
from .lines import Line

_PAIRS = {
    "）": "（",
    ")": "(",
    "」": "「",
    "』": "『",
    "］": "［",
    "〕": "〔",
    "】": "【",
    "〉": "〈",
    "》": "《",
}
_OPENERS = frozenset(_PAIRS.values())
# A line's opening run of stops with no closing bracket in it (``。`` of a compressed ``）。``).
_STOPS = regex.compile(r"^[。、，．]+(?![）」』］〕】〉》\)])")

CLOSER_GUESS_WHY = (
    "the {column} cell's line opens with closing punctuation ({piece!r}), which no printed line "
    "does: a layout extractor may have moved it from the cell on the left, and the brackets do "
    "not tell"
)


def unpaired(text: str) -> int:
    """How many brackets of ``text`` pair with none (openers left open plus closers with no
    opener before them), a numbered list's closers (``1)``) left out
    (``brackets.without_list_numbers``); 0 for a text whose brackets all pair."""
    stack: list[str] = []
    loose = 0
    for ch in without_list_numbers(text):
        if ch in _OPENERS:
            stack.append(ch)
        elif ch in _PAIRS:
            if stack and stack[-1] == _PAIRS[ch]:
                stack.pop()
            elif _PAIRS[ch] in stack:  # a closer skipping an opener left open inside
                while stack.pop() != _PAIRS[ch]:
                    loose += 1
            else:
                loose += 1
    return loose + len(stack)


def _cell_text(lines: list[Line]) -> str:
    return "".join(ln.text.strip() for ln in lines)


def return_displaced_closers(rows: list[dict[int, list[Line]]]) -> None:
    """Put back, in each row of a page of layout text (column index → its lines, top to
    bottom), each run of closing punctuation (``CLOSER_RUN``) that opens a line of a column and
    belongs at the end of the same printed line in the column on its left (see the module's
    note).  Lines left empty are removed.  A run the brackets do not place stays and its line's
    ``closer_guess`` is set.  Changes the rows in place."""
    for row in rows:
        _return_in_row(row)


def _return_in_row(row: dict[int, list[Line]]) -> None:
    tops = sorted({(ln.page, ln.top) for lines in row.values() for ln in lines})
    for page, top in tops:
        at = {
            c: ln
            for c, lines in sorted(row.items())
            if (ln := next((ln for ln in lines if ln.page == page and ln.top == top), None)) is not None
        }
        pieces = {}
        for c, ln in at.items():
            if (m := CLOSER_RUN.match(ln.text.lstrip())) and any(k < c for k in at):
                pieces[c] = m.group(0)
        if pieces and not _moved(row, at, pieces):
            for c, piece in pieces.items():
                if not at[c].closer_guess:
                    at[c].closer_guess = CLOSER_GUESS_WHY.format(column=COLUMNS[c], piece=piece)
        _return_stops(row, at)


def _return_stops(row: dict[int, list[Line]], at: dict[int, Line]) -> None:
    """Move a run of stops alone (``。``) opening a line of ``at`` (column → its line on one
    printed line) to the end of the nearest line on its left when that line ends with a closing
    bracket: the two made one compressed run (``）。``: ``（通知カードの廃止）`` / ``。`` in the
    説明, office-layout63).  The brackets cannot tell, the shape does; a stop opening a line
    after anything else is left as it is (a spreadsheet may print a line so), and so is a comma
    under a line of its own cell that leaves its sentence open (``…変更はなく`` / ``、重要な…``:
    Calc breaks a line before 、 too; set XXXII u12 moved it to the 項目's ``…除く。）``)."""
    for c, ln in at.items():
        m = _STOPS.match(ln.text.lstrip())
        left = max((k for k in at if k < c), default=None)
        if m is None or left is None or at[left].text.rstrip()[-1:] not in _PAIRS:
            continue
        if m.group(0)[0] in "、，" and _continues_own_line(row[c], ln):
            continue
        ln.text = ln.text.lstrip()[m.end() :]
        at[left].text = at[left].text.rstrip() + m.group(0)
        if not ln.text.strip():
            row[c] = [x for x in row[c] if x is not ln]


def _continues_own_line(lines: list[Line], line: Line) -> bool:
    """``line`` goes on from its cell's line above it (same page), which ends in mid-sentence:
    no stop, closing bracket or colon at its end."""
    k = next((i for i, ln in enumerate(lines) if ln is line), 0)
    above = lines[k - 1].text.rstrip() if k and lines[k - 1].page == line.page else ""
    return bool(above) and above[-1] not in "。．.、，,：:" and above[-1] not in _PAIRS


def _moved(row: dict[int, list[Line]], at: dict[int, Line], pieces: dict[int, str]) -> bool:
    """Move every piece of ``pieces`` (column → its run) from its line in ``at`` (column → its
    line on this printed line) to the end of the nearest line on its left when that pairs
    brackets (fewer unpaired in the cells touched, none more in any).  True when it moved them
    or when moving them would leave more brackets unpaired (the pieces are where they belong: a
    spreadsheet breaks a line before ``。）。`` too), False when the brackets do not tell."""
    left = {c: max(k for k in at if k < c) for c in pieces}
    touched = sorted(set(pieces) | set(left.values()))
    new_text = {c: ln.text for c, ln in at.items()}
    for c, piece in pieces.items():
        new_text[c] = new_text[c].lstrip()[len(piece) :]
    for c, piece in pieces.items():
        new_text[left[c]] = new_text[left[c]].rstrip() + piece
    was = {c: unpaired(_cell_text(row[c])) for c in touched}
    now = {
        c: unpaired("".join(new_text[c].strip() if ln is at[c] else ln.text.strip() for ln in row[c]))
        for c in touched
    }
    if sum(now.values()) > sum(was.values()):
        return True
    if sum(now.values()) == sum(was.values()) or any(now[c] > was[c] for c in touched):
        return False
    for c in touched:
        line = at[c]
        line.text = new_text[c]
        if not line.text.strip():
            row[c] = [ln for ln in row[c] if ln is not line]
    return True
