"""A date's last characters that ran past the 変更日 column's edge into the item, put back.

A browser (Chromium) does not break a numeric date (``2019.5.1``) in a column narrower than it:
the date runs over the column's right ruling, and a reader that assigns characters to cells by
their place (the PDF grid) cuts it there: ``2019.5`` in 変更日 (no date: it does not parse) and
``.1Ⅰ基本情報`` opening the item (office-slides54's Chromium tables, 12 mm columns).

``rejoin_spilt_dates`` moves such a piece back where the pieces can be told: the date cell does
not parse, the item's first line opens with a piece that cannot stand alone (a separator and one
or two digits, or the day ``1日``) glued to what opens an item path (a section numeral Ⅰ…Ⅶ, an
attachment's label, 表紙), and the two make a valid date.  Otherwise nothing moves (the row keeps
its ``date_unparsed`` flag).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, RawRow
from piatable.vocabulary import COVER_LABEL_PATTERN, SECTION_NUMERAL_CLASS

from .dates import DATE_SEPARATORS, parse_date

_SEPS = "".join(regex.escape(c) for c in DATE_SEPARATORS)
_SPILT = regex.compile(
    rf"^\s*((?:[{_SEPS}][0-9０-９]{{1,2}}){{1,2}}|[0-9０-９]{{1,2}}日|[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日)"
    rf"(?=\s*(?:{SECTION_NUMERAL_CLASS}|[（(]別[紙添]|{COVER_LABEL_PATTERN}))"
)


def rejoin_spilt_dates(rows: list[RawRow]) -> int:
    """Each row's date piece spilt into its item moved back to its date cell (in place; see the
    module's docstring); how many rows were mended."""
    mended = 0
    for row in rows:
        dates, item = row.cells["change_date"], row.cells["item"]
        if not dates or not item:
            continue
        date = "".join("".join(cl.text.split()) for cl in dates)
        m = _SPILT.match(item[0].text)
        if m is None or parse_date(date) or not parse_date(date + m.group(1)):
            continue
        last, first = dates[-1], item[0]
        dates[-1] = CellLine(last.text.rstrip() + m.group(1), last.page, last.line_no, last.wraps, last.conf)
        item[0] = CellLine(first.text[m.end() :].lstrip(), first.page, first.line_no, first.wraps, first.conf)
        mended += 1
    return mended
