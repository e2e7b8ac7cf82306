"""Keep the one-word-paragraph checks quiet on one-word values that are a cell's own.

Several checks read a before / after paragraph of one word as a piece torn from elsewhere:
``the cell holds a stray number or letter`` (``evidence.column_doubts``), ``a paragraph of the
… cell is '有' alone`` (``mark_checks.lone_character_doubts``) and ``a word runs on from the
before cell into the after cell`` (``cut_checks.torn_word_doubts`` and the line-by-line tear).
Yet a one-word value is a normal before / after value of the forms (``有`` / ``無``, ``10`` /
``20``, ``紙`` of a list of media, ``有`` over ``（２）件``).  Measured with
``tools/warn_reasons.py`` on ``samples/office-short43`` (the tuning part; ``heldout-short43``
measured only), -raw and pypdfium2 text: once ``short_values.mend_short_values`` had made those
rows right, these checks were the only warning of most of them (short43: right rows warned 17/120
-> 45/148).

``quiet_one_word_doubts`` drops, from one row's doubts:

* a run-on between the before and after cells when each is a whole one-word value
  (``short_values.is_short_value``: ``有|無``, ``10|20``): two one-word cells side by side make
  a word (有無) by chance; a word torn between cells leaves a piece that is no whole cell;
* the stray / lone checks on a before / after paragraph that is a one-word value, in a row whose
  first body line the short-value rule parted (its ``cut_guess`` doubt): that line showed the
  row's cells printed top-aligned, one value a line, so a one-word line of its before / after
  cell is one of the cell's values (a media list's ``紙``, ``有`` over ``（２）件``).  Rows the
  rule did not part keep the checks: there a one-word paragraph is as often a piece of another
  cell (``専用線 / 紙 / 紙`` with the after cell's ``紙`` read in).
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow, Record

from .chars import paragraphs
from .cut_checks import word_why
from .short_values import WHY as SHORT_VALUE_WHY
from .short_values import is_short_value

# The opening words of the doubts this module may drop (their own modules' wording).
_RUN_ON = word_why("before", "after")
_STRAY = "the cell holds a stray number or letter ("
_LONE = " alone: a piece torn from a word elsewhere"
_PARTED = SHORT_VALUE_WHY.split("{}", 1)[0]
_BODY = ("before", "after")


def _whole_short(text: str | None) -> bool:
    """A cell of one paragraph that is one short value."""
    paras = paragraphs(text or "")
    return len(paras) == 1 and is_short_value(paras[0].strip())


def _named_paragraph(why: str) -> str:
    """The paragraph a stray / lone doubt names: ``… letter (紙)`` or ``… cell is '有' alone…``."""
    if why.startswith(_STRAY):
        return why[len(_STRAY) :].rstrip(")")
    head = why.split(_LONE, 1)[0]
    return head.rsplit(" is ", 1)[-1].strip("'")


def quiet_one_word_doubts(row: RawRow, record: Record, doubts: list[Doubt]) -> list[Doubt]:
    """``doubts`` without those that read a cell's own one-word value as a stray piece (see the
    module notes).  The row's other doubts are kept, in order."""
    pair = (
        _whole_short(record.before)
        and bool(paragraphs(record.after or ""))
        and _whole_short(paragraphs(record.after or "")[0])
    )
    parted = any(d.kind == "cut_guess" and d.why.startswith(_PARTED) for d in row.doubts)
    out = []
    for d in doubts:
        if pair and d.kind == "column_guess" and d.why.startswith(_RUN_ON):
            continue
        lone = d.why.startswith(_STRAY) or _LONE in d.why
        if parted and lone and d.field in _BODY and is_short_value(_named_paragraph(d.why)):
            continue
        out.append(d)
    return out
