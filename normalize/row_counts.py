"""More rows read column by column than the table prints dates, 提出時期 and sections
(issues 10 and 12, branch boxes49; new users' set IX, FAULTS.md kind 8).

Writer with spacing after each paragraph (書式 > 段落 > 段落の後) prints every paragraph of a
cell apart; pdfminer and plain ``pdftotext`` then give each as a box of its own, and an item's
second and third paragraphs (``１．特定個人情報ファイルを取り扱う事務`` / ``② 事務の内容``) read
as items of rows of their own: 9–10 rows for 7 with status success.

Each row prints at most one date, one 提出時期 and one item opening with a section (Ⅰ…Ⅵ); a
merged cell prints once for several rows, so a table may print fewer of one kind than it has
rows, but when all three count fewer rows than were read (and the dates or the 提出時期 at least
as many as the sections: every sectioned item its own date or timing) nothing in the text counts
the rows beyond them: cells were read as rows, the document is partial with ``SURPLUS_NOTE``.
Over the pdfminer and plain ``pdftotext`` texts committed before (1,949) it fires on 17: 6 read into more
rows than their tables have (5 of them success before), 1 read right (partial already), and 10
read into fewer rows (items printed without a section under merged dates, office-loss25 /
heldout-flow23: partial already, their rows read into neighbours; the note then says the counts
disagree, as they do).  A table whose items print no section (an attachment's label, a form
without Ⅰ…Ⅵ) has fewer sections than rows, and fewer than ``SECTIONS_MIN`` leave it alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from piatable.models import RawRow, Record

from .conservation import SECTION_OPENING, TIMING_TOKEN, date_markers

# Sections (items opening with Ⅰ…Ⅵ) a table must print for the counts to be trusted.
SECTIONS_MIN = 2
SURPLUS_NOTE = (
    "{rows} rows were read column by column but the table region prints at most {n} dates, 提出時期"
    " or items opening with a section; cells may have been read as rows of their own (a cell's"
    " paragraphs printed as boxes apart) and rows may be wrong"
)


def rows_beyond_counts(region: Sequence[str], rows: list[RawRow], before: int = 0) -> tuple[int, int]:
    """(rows read, the count the region's dates, 提出時期 and sections agree on) when more rows
    were read than that count (see the module notes); (0, 0) otherwise.  ``region``: the
    printed lines of the table region, one string each; ``before``: dates printed between the
    table's head and the region (``conservation.dates_before_region``)."""
    lines = [t for t in region if t.strip()]
    sections = sum(bool(SECTION_OPENING.match(t.strip())) for t in lines)
    dates = date_markers(lines) + before
    timings = sum(len(TIMING_TOKEN.findall(t)) for t in lines)
    counted = max(dates, timings, sections)
    if sections < SECTIONS_MIN or max(dates, timings) < sections or len(rows) <= counted:
        return 0, 0
    return len(rows), counted


def surplus_note(region: Sequence[str], rows: list[RawRow], before: int = 0) -> str | None:
    """``SURPLUS_NOTE`` for a column-order reading with more rows than its table counts; None
    when the counts leave room for every row read (``before``: as ``rows_beyond_counts``)."""
    read, counted = rows_beyond_counts(region, rows, before)
    return SURPLUS_NOTE.format(rows=read, n=counted) if read else None


# Rows that hold a 変更日 or a 提出時期 and nothing else: no item, before, after or explanation.
# No row of the truth of the samples is so (0 of 66,490); a reader makes one when it counts a row
# by a date or a 提出時期 whose cells it read into other rows (``pdftotext -raw`` of a Calc table
# whose 項目 and 説明 are merged over two rows: the two rows' before / after on one line, an
# empty row at the table's foot, status success; branch honest55).
EMPTY_ROWS_NOTE = (
    "{n} rows hold a 変更日 or 提出時期 alone (no item, before, after or explanation): their cells"
    " were read into other rows, so rows may be missing or run together"
)


def empty_rows_note(records: Sequence[Record]) -> str | None:
    """``EMPTY_ROWS_NOTE`` for the records that hold no item, before, after or explanation (a
    date or a 提出時期 alone), or None when there are none."""
    n = sum(not (r.item or r.before or r.after or r.explanation) for r in records)
    return EMPTY_ROWS_NOTE.format(n=n) if n else None
