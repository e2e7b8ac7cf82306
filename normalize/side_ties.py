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

A line whose fragments go to the before and the after cells rather than to the after cell and
the explanation, both ending with the same character (``twin_ends``: a changed value's last
lines, side by side), is placed by two cues and is no guess either.

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
_LATIN_OR_DIGIT = regex.compile(r"^[\p{Nd}A-Za-zＡ-Ｚａ-ｚ]?$")


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


def twin_ends(cells: dict[int, str], rival: dict[int, str], columns: tuple[int, int, int]) -> bool:
    """Whether a line's placement ``cells`` gives two fragments to the before and the after
    cells where its runner-up ``rival`` gives the same two to the after cell and the explanation
    (the rest alike), and both fragments end with the same character, no digit or Latin letter
    (``している。`` / ``利用している。``, ``月４日まで`` / ``日まで``, ``公開係`` / ``法制係``): the last
    lines of a changed value printed in both cells side by side, a second cue beside the
    placement's (module notes: set XVIII's pdfplumber and PyMuPDF words texts, 6 right rows and
    no wrong one).  ``columns``: the before, after and explanation columns' indices."""
    before, after, explanation = columns
    if before not in cells or after not in cells or set(rival) - set(cells) != {explanation}:
        return False
    if {c: t for c, t in cells.items() if c not in columns} != {
        c: t for c, t in rival.items() if c not in columns
    }:
        return False
    b, a = cells[before], cells[after]
    if rival.get(after) != b or rival.get(explanation) != a or before in rival:
        return False
    return b[-1:] == a[-1:] and not _LATIN_OR_DIGIT.match(b[-1:])


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
