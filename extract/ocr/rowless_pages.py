"""Scanned pages of the table that gave no row: named in a note, the document partial.

A fresh tester's two-page scanned PDF gave the rows of its first page only: its second page was
read, but nothing of it became a row, and nothing said so (exit 0, status success).  The rows a
page gives are checked here against what the page shows: an OCR page after the table's first
row that is ruled like a table (at least ``MIN_RULES`` rulings each way) and holds at least
``MIN_CHARS`` characters of text, yet lies within no record's pages, lost its rows.  A cover
printed before the table gives no rows of right, and is not judged (it comes before the first
row); a blank page is never read.
"""

from __future__ import annotations

from piatable.models import PageWords, Record

# A page ruled as a table: this many horizontal and this many vertical rulings at least (a row
# of six cells: 2 and 7; a cover's or a closing note's box: 4 and 2 at most, and it holds fewer
# characters).
MIN_RULES = (3, 3)
# Characters of text a page of table rows holds at least (one row of an amendment table: 30-200).
MIN_CHARS = 40


def rowless_pages(pages: list[PageWords], records: list[Record]) -> list[int]:
    """The numbers of the OCR ``pages`` ruled as a table (``MIN_RULES``) with ``MIN_CHARS`` of
    text that come after the page of the first record and lie within no record's pages
    (``page_start`` … ``page_end``); [] when no record has a page."""
    spans = [
        (r.page_start, r.page_end if r.page_end is not None else r.page_start)
        for r in records
        if r.page_start is not None
    ]
    if not spans:
        return []
    first = min(a for a, _ in spans)
    out = []
    for p in pages:
        if p.source != "ocr" or p.page <= first or any(a <= p.page <= b for a, b in spans):
            continue
        across = sum(1 for x0, t, x1, b in p.rulings if x1 - x0 >= b - t)
        down = len(p.rulings) - across
        chars = sum(len(w.text.strip()) for w in p.words)
        if across >= MIN_RULES[0] and down >= MIN_RULES[1] and chars >= MIN_CHARS:
            out.append(p.page)
    return out


def rowless_note(pages: list[PageWords], records: list[Record]) -> str | None:
    """The note naming the pages of ``rowless_pages`` (None when there are none)."""
    lost = rowless_pages(pages, records)
    if not lost:
        return None
    named = ", ".join(str(p) for p in lost)
    return (
        f"page(s) {named}: ruled as the table and holding text, but no row was read from them: "
        "their rows are missing"
    )
