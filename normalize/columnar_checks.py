"""Checks of a column-ordered row's cells against their column's vocabulary (issue 12).

A row read column by column (``columnar``: pdfminer, plain ``pdftotext``) may hold another
row's cell, or two rows' cells merged, while every box count matched.  Its cleaned cells say so
where they break what their column holds:

* the 提出時期に係る説明 ends as an explanation ends (…に伴う修正, …のため, 該当しない); one that
  ends otherwise holds a before/after cell's text;
* it holds one reason, and at most the stock sentences that say whether the change is a
  significant one (``EXPLANATION_PHRASES``); two paragraphs each ending as a reason are two
  rows' explanations merged;
* every line of the 項目 is a heading of the form; lines that are none (``ITEM_FOREIGN_LINES``
  or more), or one ending a sentence with 。 (no heading of the form does, nor any item line of
  the committed samples' truth), are another column's text;
* a before / after / explanation cell never prints a numbered paragraph or a block label
  (``＜…＞``) twice in a row, nor a paragraph that is the tail of the one before it
  (``…利用停止請求を受け付ける。`` / ``求を受け付ける。``), and an after cell is not the before cell's
  opening paragraphs (``PREFIX_CELL_CHARS`` or more) with the before cell going on: two columns'
  lines printed side by side were read into one cell (set VI's plain ``pdftotext`` of Calc
  tables whose before and after open alike: 7 wrong rows with no warning; on the truth of every
  committed sample and of sets V / VI, 1 numbered paragraph twice in a row (a pypdfium2 text's
  expected record, not column-ordered), no tail and 1 prefix (a value printed twice), so the
  prefix check wants the rest to be no repeat).

Measured on the tuning sets (samples/office*, outsider*, mixed, colorder; pdfminer and plain
``pdftotext``): an explanation ending otherwise on 129 wrong rows and no right one, two reasons
on 108 wrong and 2 right, two foreign item lines on 45 wrong and 4 right.  Each finding is a
``column_guess`` doubt on its cell (a warning).
"""

from __future__ import annotations

from itertools import pairwise

import regex

from piatable.models import Doubt, RawRow, Record
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES

from .items import heading_score
from .merged_explanations import EXPLANATION_END

# Item lines scoring below this as a heading of the form are foreign to the 項目 column …
ITEM_LINE_HEADING_SCORE = 0.5
# … and this many of them say the item holds another column's text.
ITEM_FOREIGN_LINES = 2
# A repeated tail is at least this many characters (shorter: a stock ending such as する。).
REPEATED_TAIL_CHARS = 4
# An after cell read as the before cell's opening paragraphs holds at least this many characters.
PREFIX_CELL_CHARS = 20

# A paragraph opening with a number (①, （1）, 1．) or a block label (＜…＞): printed once.
_NUMBERED_OR_LABEL = regex.compile(r"^(?:[①-⑳]|[（(][0-9０-９]+[）)]|[0-9０-９]+[．.]|[＜<].*[＞>]$)")


# A note in brackets closing an explanation (…に伴う修正（重要な変更に該当しない）).
_CLOSING_NOTE = regex.compile(r"[（(][^（()）]*[）)][。．]?\s*$")


def ends_as_reason(paragraph: str) -> bool:
    """Whether ``paragraph`` ends as the 提出時期に係る説明 column's text ends: a reason
    (…に伴う修正), or one of the stock sentences on significance (``EXPLANATION_PHRASES``),
    a closing note in brackets aside."""
    if any(paragraph.rstrip("。．）) ").endswith(s) for s in EXPLANATION_PHRASES):
        return True
    bare = _CLOSING_NOTE.sub("", paragraph)
    return bool(bare) and bool(EXPLANATION_END.search(bare) or EXPLANATION_ENDING.search(bare))


def column_vocabulary_doubts(row: RawRow, record: Record) -> list[Doubt]:
    """``column_guess`` doubts on the cells of a column-ordered row (one with a
    ``column_order`` doubt) that break their column's vocabulary; none for other rows."""
    if not any(d.kind == "column_order" for d in row.doubts):
        return []
    out: list[Doubt] = []
    paragraphs = [p.strip() for p in (record.explanation or "").split("\n") if p.strip()]
    if paragraphs and not ends_as_reason(paragraphs[-1]):
        why = "the explanation does not end as an explanation ends (another column's text?)"
        out.append(Doubt("column_guess", "explanation", why))
    reasons = [p for p in paragraphs if ends_as_reason(p) and not any(s in p for s in EXPLANATION_PHRASES)]
    if len(reasons) >= 2:
        why = f"the explanation holds {len(reasons)} reasons (several rows' explanations merged?)"
        out.append(Doubt("column_guess", "explanation", why))
    foreign = [ln for ln in (record.item or "").split("\n") if ln.strip()]
    foreign = [ln for ln in foreign if heading_score(ln.strip()) < ITEM_LINE_HEADING_SCORE]
    if len(foreign) >= ITEM_FOREIGN_LINES:
        why = f"{len(foreign)} lines of the item are no heading of the form (another column's text?)"
        out.append(Doubt("column_guess", "item", why))
    elif ended := [ln.strip() for ln in (record.item or "").split("\n") if ln.strip().endswith("。")]:
        why = f"an item line ends a sentence ({ended[0][-12:]}): another column's text?"
        out.append(Doubt("column_guess", "item", why))
    return out + repeated_text_doubts(record)


def _paragraphs(text: str | None) -> list[str]:
    """The cell's paragraphs, whitespace removed."""
    return ["".join(p.split()) for p in (text or "").split("\n") if p.strip()]


def repeated_text_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on a cell printing a numbered paragraph or block label twice in a row, or
    a paragraph that is the tail of the one before it, and on the before and after cells when the
    after cell is the before cell's opening paragraphs (see the module notes)."""
    out: list[Doubt] = []
    for field in ("before", "after", "explanation"):
        paragraphs = _paragraphs(getattr(record, field, None))
        for a, b in pairwise(paragraphs):
            if a == b and _NUMBERED_OR_LABEL.match(a):
                why = f"the {field} cell prints {a[:12]} twice in a row: two columns' lines read into it?"
            elif a != b and len(b) >= REPEATED_TAIL_CHARS and a.endswith(b):
                why = f"a paragraph of the {field} cell is the tail of the one before it ({b[:12]})"
            else:
                continue
            out.append(Doubt("column_guess", field, why))
            break
    before, after = _paragraphs(getattr(record, "before", None)), _paragraphs(getattr(record, "after", None))
    rest = before[len(after) :]
    if (
        after
        and rest
        and before[: len(after)] == after
        and sum(map(len, after)) >= PREFIX_CELL_CHARS
        and not set(rest) & set(after)
    ):
        why = "the after cell is the before cell's opening paragraphs: its rest read into the before cell?"
        out += [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    return out
