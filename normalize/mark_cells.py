"""The form's marks of an added or a deleted row as evidence of where cells were cut (issue 12).

A form marks an added row's before cell with （新規） / 新規追加 and a deleted row's after cell with
（削除） / 削除 (``diff.BEFORE_ADDED_MARKS``, ``diff.DELETED_MARKS``, dressed in brackets or a closing
。 or not): the mark is the whole cell.  Two checks of a row-ordered text row (pypdfium2,
``pdftotext -raw``: ``mark_checks.mark_doubts``) read a mark out of its place, and one rule says
two neighbouring rows are two printed rows, not one cut in two:

* ``added mark then text``: the before cell's first paragraph is an added mark, a space, then
  more text (``（新規） １．宛名情報の管理``): the after cell's first line printed on the mark's
  baseline and read into the before cell (``column_guess`` on before and after; set XII w4
  pypdfium2 / -raw, wrong rows without a warning before);
* ``deleted mark closing the before``: the before cell's last paragraph is a deletion mark
  (``（削除）``), more text above it, and the after cell is empty: the after cell's mark read into
  the before cell (``column_guess`` on before and after; set XII w4 pypdfium2 / -raw); the plain
  削除 closing a before was already doubted (``evidence.cut_doubts``), the bracketed one was not;
* ``timing note``: the explanation's first paragraph is the note 「（重要な変更）」 alone, which the
  forms print under 事前 in the 提出時期 cell (set XII w5: ``事前`` / ``（重要な変更）``; a row-ordered
  text prints the cell's second line after the timing, where the explanation starts):
  ``column_guess`` on the explanation and the timing.  No truth row of the committed samples
  (55,758) opens its explanation so; set XII's -raw / pypdfium2 w5 rows (10) were wrong and warned
  by nothing;
* ``added beside deleted`` (``complementary_rows``): of two neighbouring rows sharing a filled
  date, item and explanation, one is an added row and the other a deleted row, every before and
  after cell holding text (``－`` | ``・…点検`` above ``監査結果を…報告する。`` | ``削除``).  A row cut
  in two by a stray line leaves one half's cell empty where the cell was one paragraph; a
  placeholder facing text in the same column is how two printed rows, one adding and one
  deleting, read.  ``table_doubts._same_row_twice`` does not doubt them (``row_split_guess`` fired on
  such pairs' right rows only: set IX c3 pdf / -layout / scan, 6 rows).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .chars import paragraphs, without_whitespace
from .diff import BEFORE_ADDED_MARKS, DELETED_MARKS

# Brackets around a mark, or a closing 。 (as ``diff._MARK_DRESS``).
_DRESS = regex.compile(r"^[（(［\[【「]|[）)］\]】」]$|。$")
# An added mark (dressed or not), a space, then text on the same paragraph.
_ADDED_THEN_TEXT = regex.compile(
    r"^[（(［\[【「]?(?:" + "|".join(BEFORE_ADDED_MARKS) + r")[）)］\]】」]?[ 　]+\S"
)


# The 提出時期 cell's note printed under 事前 (bracketed; spaces aside).
_TIMING_NOTE = regex.compile(r"^[（(]\s*重要な変更\s*[）)]$")


def _is_deleted_mark(paragraph: str) -> bool:
    return _DRESS.sub("", without_whitespace(paragraph)) in DELETED_MARKS


def mark_cell_doubts(record: Record) -> list[Doubt]:
    """``added mark then text``, ``deleted mark closing the before`` and ``timing note`` (see the
    module notes)."""
    before = paragraphs(record.before)
    if before and _ADDED_THEN_TEXT.match(before[0]):
        why = f"the before cell opens with an added row's mark and more text on its line ({before[0][:14]})"
        return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    if len(before) > 1 and _is_deleted_mark(before[-1]) and not without_whitespace(record.after):
        why = f"the before cell ends with {before[-1]}, a deleted row's after cell, beside an empty after"
        return [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    reason = paragraphs(record.explanation)
    if reason and _TIMING_NOTE.match(reason[0]):
        why = f"the explanation opens with {reason[0]}, the 提出時期 cell's note under 事前"
        return [Doubt("column_guess", "explanation", why), Doubt("column_guess", "timing", why)]
    return []


def complementary_rows(a: Record, b: Record) -> bool:
    """Whether two rows are an added and a deleted row, each before and after cell holding text
    (``added beside deleted`` in the module notes)."""
    kinds = {a.change_kind, b.change_kind}
    cells = (a.before, a.after, b.before, b.after)
    return kinds == {"added", "deleted"} and all(without_whitespace(c or "") for c in cells)
