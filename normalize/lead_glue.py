"""Cells holding the next row's opening: its row number and kind word (番号 + 区分 columns).

A table with a numbering column and a kind column before 変更日 (``変更箇所No. | 区分 | 変更日 |
…``) prints each row's opening as ``8 修正 2023/6/1``.  Where the text reader does not set the
two columns aside (``row_numbers`` / ``lead_lines`` found no label or no run), the number and kind
of a row run on at the end of the cell read before them, or open a line of it::

    組織改正に伴う修正8修正           (set XXI t12, PyMuPDF flags=0: conf 0.91, unwarned)
    番号法別表第二の改正に伴う提供先の追加
    3変更2020年11月

``lead_glue_doubts`` puts such a cell in doubt (``column_guess``): a line of a text cell that ends
with a row number glued to a kind word (``8修正``, ``12 追加``), or that opens with a number, a
kind word and a date's head (``3変更2020年11月``).  A number glued to a kind word is no wording of
an amendment's text, which names articles and items with counters (``第８条``, ``２の項``).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .dates import DATE_HEAD

# Kind words of a kind column (区分): the values printed in the sets met so far and their kin.
KIND_WORDS = ("記載修正", "一部変更", "修正", "追加", "削除", "変更", "新規", "廃止", "訂正", "新設", "追記")
_KINDS = "|".join(KIND_WORDS)
# A row number (1-3 digits, not part of a longer number or a decimal) glued to a kind word at a
# line's end.
_TAIL = regex.compile(rf"(?<![0-9０-９.．,，/／])[0-9０-９]{{1,3}}[ \u3000]?(?:{_KINDS})[ \u3000]*$")
# A line opening with a row number, a kind word and then a date.
_HEAD = regex.compile(rf"^[ \u3000]*[0-9０-９]{{1,3}}[ \u3000]?(?:{_KINDS})[ \u3000]?(?P<rest>.*)$")
# Characters of a line shown in the note.
HEAD_SHOWN = 12
TEXT_FIELDS = ("item", "before", "after", "explanation")

WHY = (
    "a line of this cell holds a row number and a kind word ({piece}): the next row's opening"
    " (a numbering and a kind column before 変更日) read into this cell?"
)


def lead_glue_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` doubts on the text cells of ``record`` holding a row's opening (see the
    module notes); [] for a record without one."""
    out: list[Doubt] = []
    for name in TEXT_FIELDS:
        for line in (getattr(record, name) or "").split("\n"):
            piece = _glued_opening(line)
            if piece:
                out.append(Doubt("column_guess", name, WHY.format(piece=piece)))
                break
    return out


def _glued_opening(line: str) -> str:
    """The piece of ``line`` that is a row's number and kind (with the date it opens), or ""."""
    tail = _TAIL.search(line)
    if tail:
        return tail.group(0).strip()
    head = _HEAD.match(line)
    if head and DATE_HEAD.match(head.group("rest")):
        return line.strip()[:HEAD_SHOWN]
    return ""
