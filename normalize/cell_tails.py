"""Another column's text at the end of a cell: a number glued to the explanation, the labels.

Checks on a read record, whatever reader read it (issue 12, branch calib67: on set XXVIII these
wrong rows were warned only by a ``column_guess`` that fired on the right rows of added and
deleted blocks too, ``evidence.column_doubts``; narrowed there, they needed evidence of their own):

* ``column_guess`` on the explanation when it ends in a number of one to three digits glued
  to its last word (``委託業務の終了に伴う削除8`` / ``…削除 8``): a 通番 or page column's value
  read into the cell, or a block's label of the item (``…該当しない`` / ``委託事項２``,
  samples/office-quiet57 x18-b).  Only the cell's end: a number ending a line inside it is often the
  text's own, wrapped (``…50人以上100`` / ``人未満``, see ``stray_numbers``).  No explanation of
  the samples' truth (``samples/**/expected/records.json``, 13,629 files) or of set XXVIII's
  ends so; before / after cells do (``…第30条の8``) and are not searched.
* ``column_guess`` on any text cell whose text, whitespace and line ends removed, holds two
  column labels printed side by side in the table's order (``変更日項目``, ``変更前の記載変更後の
  記載`` …): the label row read into the cell, letter-spaced or one character a line (a
  vertical label), which ``evidence.holds_labels`` (paragraph by paragraph) does not see.  No
  truth cell of the samples or of XXVIII holds such a pair.
* ``column_guess`` on the after cell and the explanation when the explanation opens with a short
  paragraph of a number and no kana (``第58項``, ``第２版``) before its reason: the after cell's
  wrapped last line, or a remark, read into it (set XXXII u02 / u08, pypdfium2: ``…第２条の表`` |
  ``第58項`` / ``委託契約の更新に伴う…`` at 0.53, unwarned; branch roworder71).  An explanation is a
  reason, written with kana; no explanation of the samples' truth (121,072 rows) opens so.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from piatable.models import Doubt, Record
from piatable.vocabulary import LABELS

_JA = r"[\p{Han}\p{Hiragana}\p{Katakana}々）)]"
# A number of one to three digits glued to the cell's last word (a space between allowed); not
# after の or 第, where a number is the text's own (``別表第二の2``, ``第3``).
GLUED_TAIL = regex.compile(rf"(?<={_JA})(?<![の第])[ \u3000]?[0-9０-９]{{1,3}}$")
# Two column labels as the label row prints them, next to each other.
LABEL_PAIRS: tuple[str, ...] = tuple(a + b for a, b in pairwise(LABELS))
TEXT_FIELDS = ("item", "before", "after", "explanation")
# A short paragraph holding a number and no kana (``第58項``, ``第２版``): no reason's opening.
NUMBER_PIECE = regex.compile(r"^(?=.*[0-9０-９])[^\p{Hiragana}\p{Katakana}]{1,8}$")


def glued_tail_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` doubts for a number glued to the explanation's end and for column
    labels read into a cell (see the module notes); one doubt per cell."""
    out: list[Doubt] = []
    explanation = (record.explanation or "").strip()
    found = GLUED_TAIL.search(explanation)
    if found:
        tail = explanation[-8:]
        why = f"the explanation ends in a number glued to its text ({tail}): another column's (通番, page)?"
        out.append(Doubt("column_guess", "explanation", why))
    paras = [p for p in explanation.split("\n") if p.strip()]
    if len(paras) >= 2 and NUMBER_PIECE.match("".join(paras[0].split())):
        why = f"the explanation opens with {paras[0].strip()} before its reason: another cell's last line?"
        out += [Doubt("column_guess", "after", why), Doubt("column_guess", "explanation", why)]
    for f in TEXT_FIELDS:
        squashed = "".join((getattr(record, f) or "").split())
        pair = next((p for p in LABEL_PAIRS if p in squashed), None)
        if pair:
            why = f"the cell holds two column labels side by side ({pair}): the label row read into it"
            out.append(Doubt("column_guess", f, why))
    return out
