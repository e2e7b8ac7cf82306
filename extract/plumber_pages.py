"""Page breaks of pdfplumber text joined with line ends, carried over its rewriting as layout text.

pdfplumber's users join a PDF's pages with ``"\\n"`` (issue 14, item 5): the page furniture
between the pages (``- 2 -``, the sheet's running head) shows where each page begins, and
``joined_pages.mark_joined_pages`` puts a form feed there.  The pdfplumber reader
(``plumber_text.plumber_to_layout``) must not see those form feeds: it cuts each page's lines into
columns by the page's own label row, and a page opening under a label's wrapped piece reads worse
(set XVII's t13: 58 → 25 cells), and so does the grid when given the pages of the layout text it
writes (t13: 66 → 25 cells).  So the breaks are taken out before the rewriting
(``take_out_breaks``), found again in the layout text it writes (``page_starts``), and the text is
read as one page whose rows then get the pages of their printed lines (``line_pages``,
``repage_rows``): ``page_start`` / ``page_end`` count the text's pages instead of saying page 1
for every row (set XVIII's A: 24 rows on 4 pages, all read as page 1).

The rewriting writes one line for each line it is given, a blank line for a blank one, and adds
blank lines only (between two printed rows): the *n*-th printed line of its output is the
*n*-th printed line of its input.  Where that does not hold the breaks are not found
(``page_starts`` returns None) and every row stays on page 1, as before.
"""

from __future__ import annotations

from piatable.models import RawRow
from piatable.normalize.page_marks import mark_page_breaks


def take_out_breaks(text: str) -> tuple[str, list[int]]:
    """(``text`` without the lines that hold only a form feed, the number of printed lines
    before each of them).  A form feed inside a printed line is left where it is (and its
    line not counted as a break)."""
    kept: list[str] = []
    breaks: list[int] = []
    printed = 0
    for line in text.split("\n"):
        if line == "\f":
            if printed and (not breaks or breaks[-1] != printed):
                breaks.append(printed)
            continue
        kept.append(line)
        printed += bool(line.strip())
    return "\n".join(kept), breaks


def page_starts(layout: str, breaks: list[int]) -> list[int] | None:
    """The indexes of the lines of ``layout`` (one page) that open a page: the printed line after
    each of ``breaks`` printed lines; None when there are no breaks, ``layout`` holds a form
    feed, or it prints fewer lines than a break needs."""
    if not breaks or "\f" in layout:
        return None
    starts: list[int] = []
    printed = 0
    want = iter(breaks)
    nxt = next(want, None)
    for k, line in enumerate(layout.split("\n")):
        if not line.strip():
            continue
        if nxt is not None and printed == nxt:
            starts.append(k)
            nxt = next(want, None)
        printed += 1
    return starts if nxt is None and len(starts) == len(breaks) else None


def line_pages(lines: int, starts: list[int]) -> list[int]:
    """The 1-based page of each of ``lines`` lines, a page opening at each of ``starts``."""
    out, page, at = [], 1, iter(starts)
    nxt = next(at, None)
    for k in range(lines):
        while nxt is not None and k >= nxt:
            page += 1
            nxt = next(at, None)
        out.append(page)
    return out


def repage_rows(rows: list[RawRow], pages: list[int]) -> None:
    """Give each row the first and last page of its printed lines (``CellLine.line_no``, 1-based,
    in ``pages``).  A line an earlier row holds too (a merged cell's text filled into the rows it
    spans) counts for that row only, unless it is all a row holds.  The lines keep the page they
    were read on (the one page of the text): the checks that compare lines by page (a merged
    date centred on its page's rows, a date filled over a page break) judged the text as read
    (set XVII's t13: a right date taken for another's when they saw the pages)."""
    seen: set[int] = set()
    for row in rows:
        own, every = [], []
        for cells in row.cells.values():
            for cl in cells:
                if cl.line_no is not None and 0 < cl.line_no <= len(pages):
                    every.append(cl.line_no)
                    if cl.line_no not in seen:
                        own.append(cl.line_no)
        got = [pages[n - 1] for n in (own or every)]
        seen.update(every)
        if got:
            row.page_start, row.page_end = min(got), max(got)


def label_row_breaks(text: str) -> list[int]:
    """The page breaks of ``text`` (no form feeds) that its repeated title / column-label rows and
    page-number lines show (``page_marks.mark_page_breaks``), each as the number of printed lines
    of ``text`` before it: for a pdfplumber text whose pages print no furniture between them
    (set XVIII's PyMuPDF words texts: the label row repeated on every page, no page number)."""
    fed, count = mark_page_breaks(text)
    lines, fed_lines = text.split("\n"), fed.split("\n")
    if not count or len(lines) != len(fed_lines):
        return []
    breaks, printed = [], 0
    for line, fed_line in zip(lines, fed_lines, strict=True):
        if fed_line.startswith("\f") and printed:
            breaks.append(printed)
        printed += bool(line.strip())
    return breaks
