"""A date item's cell that holds more than dates: another cell's text read into it (issue 12,
branch honest55).

An item whose last heading names a day or a period (``①実施日``, ``①提出日``, ``⑧使用開始日``,
``②実施日・期間``) prints dates as its before and after values: ``平成２７年１１月２７日``, or a
period ``平成２７年７月４日から平成２７年８月８日まで``.  Row-ordered extractors (``pdftotext
-raw``, pypdfium2, pypdf, PyMuPDF) print a Writer or Calc row's one-line cells on one line, and a
reader that takes the line's last words for the after cell's may leave the explanation there
(``平成３０年１月６日 評価の再実施``) while the row takes a merged explanation of its
neighbours: the row is wrong and nothing else says so (samples/office-honest55 ``dc``, 3 rows at
0.89).  ``date_item_doubts`` gives ``column_guess`` to a before or after paragraph of such an item
that opens with a date (a list's mark aside) and holds words beyond its dates and the words a
period or a point in time is written with; a sentence naming a date is a value of its own.
No truth row of the samples has one (checked in tests/test_block_rows55.py).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .chars import paragraphs, without_whitespace
from .dates import DATE
from .rowless_dates import DATE_ITEM

# What a date value may print beside its dates: a bracketed note (（記載なし）), a period's から /
# まで / ～ / の30日間, a point in time (時点, 現在, 以降, 予定), punctuation and spaces.
_DATE_WORDS = regex.compile(
    r"[（(][^（()）]*[）)]|の?[0-9０-９]+日間|から|まで|より|迄|時点|現在|以降|以前|予定|頃"
    r"|[～〜~\-－ー、，,。．・\s　]"
)
# A list's mark before a paragraph's date (``・``, ``(1)``).
_LIST_MARK = regex.compile(r"^[・\s　]*(?:[（(][0-9０-９]{1,2}[）)])?[\s　]*")
WHY = "the {field} cell of a date item holds more than dates ({words}): another cell's text read into it?"


def date_item_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the before / after cell of an item naming a day or a period whose
    paragraph holding a date holds other words too (module notes)."""
    item = paragraphs(record.item)
    if not item or not DATE_ITEM.search(item[-1]):
        return []
    out = []
    for field in ("before", "after"):
        for p in paragraphs(getattr(record, field)):
            # Spaces are no words: layout-mode extractors space a line's glyphs out (pypdf's
            # ``令和 5年11月 6日か ら…までの 30日間``, set XVII: two right rows doubted).
            p = without_whitespace(_LIST_MARK.sub("", p))
            if not DATE.match(p):
                continue  # a sentence that names a date is a value of its own
            rest = _DATE_WORDS.sub("", DATE.sub("", p))
            if rest:
                out.append(Doubt("column_guess", field, WHY.format(field=field, words=rest[:12])))
                break
    return out
