"""Text of other cells or rows inside a cell: a stray number, or another row's closing mark.

Checks on a read record, whatever reader read it (issue 12: rows wrong without a warning
on the tuning ``pdftotext -layout`` sets):

* ``column_guess``: a short number wedged inside a word (``部19署名``, ``削24除``): a numbering
  column's value or a page number read into the cell.  (A number ending a paragraph after a
  word, ``…に伴う追加11``, was tried and dropped: in text wrapped at the cell's width a line
  ends so in right rows, ``…50人以上100`` / ``人未満``: 98 right rows warned.)  A number
  before a counter (``年１回``, ``第19条``, ``100人``), after 第 / an era / の (``令和5年``,
  ``…の30の項``, ``第30条の41``) is the text's own; only a number whose
  neighbours make one dictionary word without it (部|署, 削|除) is wedged.  Measured on the
  samples' truth (1,876 distinct item / before / after / explanation cells): no cell fires.
* ``row_split_guess``: a before / after cell opening with 上記を新規追加 or 上記を削除 (the mark
  that closes a cell) and going on with other text: the row above's closing mark read into
  this row (``上記を新規追加`` / ``削除``, ``上記を新規追加`` / ``[○]紙``).  No tuning truth cell
  opens so (cells of marks only, ``上記を新規追加`` repeated, do not fire); one held-out truth
  cell does (an after cell ``上記を新規追加`` / a list, beside an empty before), found after the
  rule was set and left as measured.
* ``row_split_guess``: a before / after / explanation cell opening with a sentence's end alone
  (``行う。`` / ``①…``: the row above's cell ended ``…の管理を``), or an item whose last heading
  ends on a particle (``２．国民・住民等からの意見の``: the heading goes on in another row or
  cell).  No tuning truth cell does either.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .chars import paragraphs
from .tokenizer import Tokenizer, default_tokenizer, word_spans_break

_JA = r"[\p{Han}\p{Hiragana}\p{Katakana}]"
# A run of one to three digits between two Japanese characters.
_WEDGED = regex.compile(rf"(?<={_JA})[0-9０-９]{{1,3}}(?={_JA})")
# Characters a number stands before as the text's own (counters and units).
COUNTERS = frozenset("年月日回号条項番人件点万億千百名歳時分秒度割部枚台個ヶか箇週期次者位目丁倍")
# Characters a number stands after as the text's own (第, the eras' last character, の, 約 …).
NUMBER_LEADS = frozenset("第のと和成正治約計全各毎同")
# The context (characters each side) the dictionary looks at for a word across the number.
WORD_CONTEXT = 3
STRAY_FIELDS = ("item", "before", "after", "explanation")
_OPENING_MARK = regex.compile(r"^上記を(?:新規追加|削除)[。．]?$")
_ANY_MARK = regex.compile(r"^(?:上記を)?(?:新規追加|追加|削除)[。．]?$")
# A paragraph that is a sentence's end alone: at most four kana or kanji and a full stop.
_SENTENCE_END = regex.compile(r"^[\p{Hiragana}\p{Han}ー]{1,4}[。．]$")
# How a heading of the form never ends: on a particle, a middle dot, a comma, 及び.
_OPEN_HEADING_END = regex.compile(r"(?:[のをにがはと・、]|及び)$")


def wedged_numbers(text: str, tokenizer: Tokenizer | None = None) -> list[str]:
    """The numbers of ``text`` (with three characters each side) that sit inside a dictionary
    word: the characters on both sides, joined without the number, make one word."""
    out = []
    tok = None
    for m in _WEDGED.finditer(text):
        left, right = text[: m.start()], text[m.end() :]
        if right[0] in COUNTERS or left[-1] in NUMBER_LEADS:
            continue
        tok = tok or tokenizer or default_tokenizer()
        if word_spans_break(tok, left, right, WORD_CONTEXT):
            out.append(text[max(0, m.start() - 3) : m.end() + 3])
    return out


def stray_number_doubts(record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """``column_guess`` for a number wedged inside a word (see the module notes); one doubt per
    cell."""
    out: list[Doubt] = []
    for f in STRAY_FIELDS:
        text = getattr(record, f) or ""
        wedged = wedged_numbers(text, tokenizer)
        if wedged:
            why = f"a number inside a word ({wedged[0]}): another column's text?"
            out.append(Doubt("column_guess", f, why))
            continue
    return out


def opening_mark_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess`` for a before / after cell opening with 上記を新規追加 / 上記を削除 and
    going on with text that is no mark (see the module notes)."""
    for f in ("before", "after"):
        paras = paragraphs(getattr(record, f) or "")
        if paras and _OPENING_MARK.match(paras[0]) and any(not _ANY_MARK.match(p) for p in paras[1:]):
            why = f"the {f} cell opens with {paras[0]}, the mark that closes a cell: the row above's?"
            return [Doubt("row_split_guess", f, why)]
    return []


def torn_sentence_doubts(record: Record) -> list[Doubt]:
    """``row_split_guess`` for a body cell opening with a sentence's end alone, or an item whose
    last heading ends on a particle (see the module notes)."""
    for f in ("before", "after", "explanation"):
        paras = paragraphs(getattr(record, f) or "")
        if paras and _SENTENCE_END.match(paras[0]):
            why = f"the {f} cell opens with {paras[0]}, a sentence's end alone: its start in the row above?"
            return [Doubt("row_split_guess", f, why)]
    if record.item_path and _OPEN_HEADING_END.search(record.item_path[-1]):
        why = f"the item's last heading ends open ({record.item_path[-1][-8:]}): it goes on elsewhere?"
        return [Doubt("row_split_guess", "item", why)]
    return []
