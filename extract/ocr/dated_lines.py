"""Rows conserved on a scan: the 変更日 cells OCR saw on each page against the rows read there.

The text path counts the date lines of a table region against its rows (normalize/conservation.py,
tests/test_conservation.py); a scan had no such count, and rows were lost with the status
``success`` and no note (branch scanloss66: a joined file's first filing taken off the table, a
page's second table whose borders were taken for text).  Here each OCR page's words in its
leftmost column (the 変更日 column: words opening within ``LEFT_COLUMN_EMS`` glyph heights of the
page's leftmost word) are grouped into lines, and a line that is a date of the 変更日 grammar, or
the first part of one wrapped in a narrow column (``dates.is_date_head``), counts a date.  A page
holding more such dates than rows starting on it (``Record.page_start``) lost rows: when the
document's dates outnumber its rows, a note names each such page and how many, and the input is
partial.

Dates merged over several rows (printed once), a date OCR misread, or a table opening with a
column before the dates count fewer dates than rows: no note (the count only errs towards
silence).  Shapes: ``PageWords`` of OCR pages (page units: points), ``Record``s of the document.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter

from piatable.models import PageWords, Record
from piatable.normalize.dates import is_date_head, is_date_line

from .cover_zone import _lines

# A page whose date column prints this many dates holds the table's rows: no cover (a cover
# prints one date, its 公表日, which may stand alone at the left of a one-column box).
MIN_TABLE_DATES = 2
# A 変更日 cell's line opens within this many glyph heights of the page's leftmost word (the
# column is 5–8 glyphs wide; a date centred in it opens up to two glyphs in; the 項目 column
# opens a whole date column further right).
LEFT_COLUMN_EMS = 3.0
# A cell's words stand closer than this many glyph heights; a date is read in at most
# ``PREFIX_WORDS`` more words after its first (令和 / 3 / 年 / 4 / 月 / 1 / 日).
RUN_GAP_EMS = 1.0
PREFIX_WORDS = 8


def page_dates(page: PageWords) -> int:
    """How many 変更日 cells the page's leftmost column prints: printed lines whose first word
    opens within ``LEFT_COLUMN_EMS`` of the page's leftmost word and whose words from there, run
    on without a wider gap than ``RUN_GAP_EMS`` (a cell's words; the next column's may follow),
    open with a date or a wrapped date's first part (``2019年`` over ``4月1日``)."""
    words = [w for w in page.words if w.text.strip()]
    if not words:
        return 0
    height = statistics.median(w.bottom - w.top for w in words)
    left = min(w.x0 for w in words)
    count = 0
    for line in _lines(words):
        if line[0].x0 > left + LEFT_COLUMN_EMS * height:
            continue
        text = line[0].text.strip()
        found = is_date_line(text) or is_date_head(text)
        for prev, w in itertools.pairwise(line[: PREFIX_WORDS + 1]):
            if found or w.x0 - prev.x1 > RUN_GAP_EMS * height:
                break
            text += w.text.strip()
            found = is_date_line(text) or is_date_head(text)
        count += found
    return count


def holds_table_rows(page: PageWords) -> bool:
    """True for a page that prints the amendment table's rows: ``MIN_TABLE_DATES`` dates in its
    date column, or ``cover_zone.MIN_TABLE_TIMINGS`` 提出時期 cells.  Such a page is never taken
    for a cover whole (its title and labels misread, its rows were lost with it: scanloss66)."""
    from .cover_zone import MIN_TABLE_TIMINGS, _timing_cells

    return page_dates(page) >= MIN_TABLE_DATES or _timing_cells(_lines(page.words)) >= MIN_TABLE_TIMINGS


def unrowed_dates(pages: list[PageWords], records: list[Record]) -> str | None:
    """The note naming the pages whose 変更日 cells outnumber the rows read there (``page P: N
    date(s), M row(s)``), when the document's dates outnumber its rows; else None."""
    dates = Counter[int]()
    for page in pages:
        if page.source == "ocr":
            dates[page.page] += page_dates(page)
    rows = Counter(r.page_start for r in records if r.page_start is not None)
    lost = sum(dates.values()) - sum(rows[p] for p in dates)
    short = {p: n - rows[p] for p, n in sorted(dates.items()) if n > rows[p]}
    if lost <= 0 or not short:
        return None
    where = ", ".join(f"page {p}: {dates[p]} date(s), {rows[p]} row(s)" for p in short)
    read = sum(rows[p] for p in dates)
    return (
        f"OCR saw {sum(dates.values())} 変更日 date(s) in the table's date column and {read} row(s) "
        f"were read on those pages ({where}): about {lost} row(s) missing"
    )
