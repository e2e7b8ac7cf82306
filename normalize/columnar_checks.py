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
  or more) are another column's text.

Measured on the tuning sets (samples/office*, outsider*, mixed, colorder; pdfminer and plain
``pdftotext``): an explanation ending otherwise on 129 wrong rows and no right one, two reasons
on 108 wrong and 2 right, two foreign item lines on 45 wrong and 4 right.  Each finding is a
``column_guess`` doubt on its cell (a warning).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow, Record
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES

from .items import heading_score
from .merged_explanations import EXPLANATION_END

# Item lines scoring below this as a heading of the form are foreign to the 項目 column …
ITEM_LINE_HEADING_SCORE = 0.5
# … and this many of them say the item holds another column's text.
ITEM_FOREIGN_LINES = 2


# A note in brackets closing an explanation (…に伴う修正（重要な変更に該当しない）).
_CLOSING_NOTE = regex.compile(r"[（(][^（()）]*[）)][。．]?\s*$")


def _ends_as_reason(paragraph: str) -> bool:
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
    if paragraphs and not _ends_as_reason(paragraphs[-1]):
        why = "the explanation does not end as an explanation ends (another column's text?)"
        out.append(Doubt("column_guess", "explanation", why))
    reasons = [p for p in paragraphs if _ends_as_reason(p) and not any(s in p for s in EXPLANATION_PHRASES)]
    if len(reasons) >= 2:
        why = f"the explanation holds {len(reasons)} reasons (several rows' explanations merged?)"
        out.append(Doubt("column_guess", "explanation", why))
    foreign = [ln for ln in (record.item or "").split("\n") if ln.strip()]
    foreign = [ln for ln in foreign if heading_score(ln.strip()) < ITEM_LINE_HEADING_SCORE]
    if len(foreign) >= ITEM_FOREIGN_LINES:
        why = f"{len(foreign)} lines of the item are no heading of the form (another column's text?)"
        out.append(Doubt("column_guess", "item", why))
    return out
