"""A row's date glued to the item that opens beside it (``令和3年4月1日Ⅱしきい値判断項目``).

PyMuPDF's ``get_text("text", sort=True)`` lays each printed line out with spaces for its gaps,
as ``pdftotext -layout`` does, but gives no space where two cells' texts stand closer than a
character's width: a Calc table fit to one page wide sets its 変更日 column tight, so the date
and the item's first heading come out as one word, and no reader sees the row's date
(bt54-calc-kokuho-v6: one row read of four).  A whole date opening a line and followed at once
by a section numeral Ⅰ…Ⅵ, an attachment's label (別紙 / 別添) or 表紙 (as ``dates.DATE_THEN_ITEM``)
gets the space back, and so does one followed at once by a circled numeral, an item's last
heading (``H31.4.1②システムの機能``: set XXV t06, pypdf's layout text of a Chromium date merged
over eight rows and centred on them, printed against the middle row's last heading; the rows
above it took the next date, branch paragraphs64).  A date going on in prose
(``令和5年4月1日から``) is no item and stays.

A browser prints the same (branch wrapdate54, which wrote this rule too and whose copy was folded
in here at the merge): Chromium's ``--print-to-pdf`` does not break a numeric date (``2019.5.1``),
so in a 変更日 column narrower than the date the date runs over the column's edge against the
item's first line, every extractor prints the two as one word (``2019.5.1Ⅰ基本情報``), and the
readers took ``2019.5`` for a torn date and ``.1Ⅰ基本情報`` for the item (office-slides54).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import COVER_LABEL_PATTERN, SECTION_NUMERAL_CLASS

from .dates import DATE

_GLUED = regex.compile(
    rf"^([ \t\u3000\f]*(?:{DATE.pattern}))(?![0-9０-９])"
    rf"(?={SECTION_NUMERAL_CLASS}|[（(]?別[紙添]|{COVER_LABEL_PATTERN}|[①-⑳](?!{DATE.pattern}))",
    regex.MULTILINE,
)


def unglue_dates(text: str) -> tuple[str, int]:
    """``text`` with a space put between a date opening a line and the item glued to it (module
    docstring), and how many lines changed."""
    return _GLUED.subn(r"\1 ", text)
