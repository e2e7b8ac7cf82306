"""A before/after tie of a flattened text's reader that the row's explanation settles (issue 12).

pdfplumber's ``extract_text()`` text (and PyMuPDF's words made into lines) prints a row's cells
side by side with no positions; ``extract/plumber_text.py`` gives each fragment a column by
cost.  Where the before and the after cells both printed the line above and only one goes on,
or a row's first line holds one body fragment, only a tie-breaker (``COST_BEFORE_GOES_ON_ALONE``,
``COST_ROW_START_MISSING``: 0.2) chose the after cell over the before (a change more often adds
text than it takes away), and the line was placed by guess (``column_guess``).

The row's explanation is a second cue, independent of the placement: where it says text was
added (``EXPLAINS_ADDITION``: 追加 / 追記 / 新規 / 新設) and not that text was deleted, the after
cell is the longer one, and the line that goes on alone, or the only body cell of the row, is
the after cell's; where it says 削除 and not an addition, the before cell's.  Such a tie the
explanation agrees with is no doubt: ``without_settled_side_ties`` drops its ``column_guess``
(a tie it contradicts, or one under an explanation that says neither, keeps it; so does a tie
whose cell prints one of its paragraphs twice, ``_twice``: both cells' shared lines in one).

Set XVIII (session 56's unseen set: pdfplumber and PyMuPDF words texts, the base's outputs):
the before/after tie was the only doubt of 24 right rows and 3 wrong ones; the explanation
settles 13 of those right rows and 1 of the wrong ones (a row that ran on into the next row's
cells, ``J__pymupdf-words`` row 9: its tie was right, its row was not).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .bracket_lists import EXPLAINS_ADDITION

# What a reader's guess says of a line given the after (or the before) cell by the tie-breaker
# alone (extract/plumber_text.py writes it into the guess's evidence).
AFTER_TIE = "the after cell, not the before, by the tie-breaker alone"
BEFORE_TIE = "the before cell, not the after, by the tie-breaker alone"
EXPLAINS_DELETION = regex.compile(r"削除")
# A paragraph this long printed again at the start of a later one of the same cell: the two
# cells' shared first lines read into one (``_twice``; samples/office-plumber52 p52-calc-v2, a
# row whose before cell's line went to the after cell under 主務省令の規定の追記).
TWICE_MIN_CHARS = 6


def side_tie(cells: dict[int, str], rival: dict[int, str], before: int, after: int) -> str:
    """``AFTER_TIE`` (``BEFORE_TIE``) when a line's placement ``cells`` (column index → its text)
    differs from its runner-up ``rival`` only in giving the ``after`` (``before``) column's one
    text to the other of the two, else ``""``."""
    if {c: t for c, t in cells.items() if c not in (before, after)} != {
        c: t for c, t in rival.items() if c not in (before, after)
    }:
        return ""
    for side, other, why in ((after, before, AFTER_TIE), (before, after, BEFORE_TIE)):
        if set(cells) & {before, after} == {side} and set(rival) & {before, after} == {other}:
            return why if cells[side] == rival[other] else ""
    return ""


def _twice(cell: str) -> bool:
    """Whether a paragraph of ``cell`` opens with a whole earlier paragraph of at least
    ``TWICE_MIN_CHARS`` characters (``番号法第９条第１項`` / … / ``番号法第９条第１項 別表…``): the
    first lines of a changed value that both cells print, read into one."""
    paras = [p.strip() for p in cell.split("\n") if p.strip()]
    return any(
        later.startswith(p)
        for k, p in enumerate(paras)
        if len(p) >= TWICE_MIN_CHARS
        for later in paras[k + 1 :]
    )


def _settled(why: str, record: Record) -> bool:
    explanation = record.explanation or ""
    added = bool(EXPLAINS_ADDITION.search(explanation))
    deleted = bool(EXPLAINS_DELETION.search(explanation))
    if AFTER_TIE in why:
        return added and not deleted and not _twice(record.after or "")
    if BEFORE_TIE in why:
        return deleted and not added and not _twice(record.before or "")
    return False


def without_settled_side_ties(record: Record, doubts: list[Doubt]) -> list[Doubt]:
    """``doubts`` without the ``column_guess`` of before/after ties the row's explanation settles
    (module notes)."""
    return [d for d in doubts if not (d.kind == "column_guess" and _settled(d.why, record))]
