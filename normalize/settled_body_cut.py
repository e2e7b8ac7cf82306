"""A close before/after cut that the cells' own marks settle (issue 12).

``passone.close_cut_doubts`` doubts a row of row-ordered text (pypdfium2, ``pdftotext -raw``,
PyMuPDF, pypdf) whose cut between the before and after cells won by little
(``quality.pass_one_cut_margin``) over moving it by one line.  The cells settle that cut when
what each holds is marked as the forms mark it:

* an addition: the before cell is empty and the after cell closes with 上記を新規追加 (or
  上記を追加 / 新規追加): the form leaves the before of added text empty, so no line of the
  after belongs to it;
* one numbered list in each: both cells open with the same first numeral (``①…`` / ``①…``,
  ``（１）…``, ``１．…``) and neither opens it again inside: moving the cut by a line leaves
  the after opening with a second item (``②…``) or puts the after's ``①`` inside the before.

``without_settled_body_cut`` drops those ``column_guess`` doubts (the item-cut doubt and other
checks stay).  Measured on set XIX (/work/newuser57, spent): the margin fired on 8 right rows
and 1 wrong one (an empty before beside a date, ``令和2年4月1日``: not settled, kept); the rule
settles the 8 right rows (t01's and t08's ``上記を新規追加`` rows, t01's ``①保管場所`` lists).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .chars import paragraphs
from .passone import BEFORE_AFTER_CUT_WHY

# The marks that close an added cell (diff.ADDED_MARKS and their short forms).
ADDITION_CLOSE = regex.compile(r"^(?:上記を)?(?:新規追加|追加)$")
# A list's first numeral opening a paragraph: a circled one, a bracketed 1, a 1 with a point.
LIST_OPENERS = ("①", "（１）", "(1)", "（1）", "１．", "1.", "１.", "1．")


def _opener(text: str) -> str:
    """The list's first numeral ``text`` opens with (spaces ignored), else ``""``."""
    s = "".join(text.split())
    return next((o for o in LIST_OPENERS if s.startswith(o)), "")


def body_cut_settled(record: Record) -> bool:
    """Whether the before/after cut is settled by an addition mark or by one list per cell
    (module notes)."""
    before, after = paragraphs(record.before), paragraphs(record.after)
    if not after:
        return False
    if not before:
        return len(after) > 1 and bool(ADDITION_CLOSE.match("".join(after[-1].split())))
    first = _opener(before[0])
    if not first or _opener(after[0]) != first:
        return False
    return not any(_opener(p) == first for p in before[1:] + after[1:])


def without_settled_body_cut(record: Record, doubts: list[Doubt]) -> list[Doubt]:
    """``doubts`` without the before/after margin's ``column_guess`` where ``body_cut_settled``."""
    if not any(d.why.startswith(BEFORE_AFTER_CUT_WHY) for d in doubts) or not body_cut_settled(record):
        return doubts
    return [d for d in doubts if not (d.kind == "column_guess" and d.why.startswith(BEFORE_AFTER_CUT_WHY))]
