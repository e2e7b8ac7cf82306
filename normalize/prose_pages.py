"""Whole pages of prose in text read without positions: the assessment's body printed before,
between or after its amendment table, in a text whose pages are set apart by form feeds.

pypdfium2 and ``pdftotext -raw`` print a page of prose as lines as wide as the page, one run of
text each; a table's page prints a date or a timing (事前/事後) or its label row, and its lines are
no wider than its widest column.  A page of the region with no date, timing, title or
label row, whose lines are mostly prose lines (``between.is_prose_line``: wider than
the table's widest column by its share), holds no row: read as table text it made rows of its
own (break22: four pages of prose around two copies of a pypdfium2 table gave 34 made-up
rows) or ran into the last row's cells.  Such pages are kept out of the region and named in one
note per run of pages; so are the pages before the table's region that hold text (a cover,
the body before it), which the region's start leaves out.
"""

from __future__ import annotations

from itertools import groupby

from piatable.models import CellLine
from piatable.vocabulary import TIMING, is_header_line, is_page_number, is_title

from .between import cell_width, is_prose_line, without_prose
from .chars import display_width
from .dates import DATE_HEAD, is_date_line

# A prose page has at least this many lines (page numbers aside), and at least this share of
# them are prose lines.
PROSE_PAGE_MIN_LINES = 3
PROSE_PAGE_SHARE = 0.5


def _table_like(text: str) -> bool:
    return bool(
        is_date_line(text)
        or DATE_HEAD.match(text)
        or TIMING.search(text)
        or is_header_line(text)
        or is_title(text)
    )


def prose_pages(lines: list[CellLine]) -> set[int]:
    """The pages of ``lines`` (a table region's, from its start, pages from form feeds) that are
    prose (module docstring).  Empty when the lines carry one page only: the pages are then
    not the text's own, and the widest column is measured on the pages that print a date,
    timing or label row."""
    pages: dict[int, list[str]] = {}
    for cl in lines:
        if cl.page is not None and not is_page_number(cl.text):
            pages.setdefault(cl.page, []).append(cl.text)
    if len(pages) < 2:
        return set()
    table_pages = {p for p, texts in pages.items() if any(_table_like(t) for t in texts)}
    # The widest column from lines of one run of text (cells sharing a printed line are set
    # apart by spaces; ``-raw`` prints a row's one-line cells on one line).
    cell = cell_width([display_width(t) for p in table_pages for t in pages[p] if len(t.split()) == 1])
    if not cell:
        return set()
    out = set()
    for p, texts in pages.items():
        if p in table_pages or len(texts) < PROSE_PAGE_MIN_LINES:
            continue
        if sum(is_prose_line(t, cell) for t in texts) >= PROSE_PAGE_SHARE * len(texts):
            out.add(p)
    return out


def page_runs(pages: list[int]) -> list[str]:
    """``pages 6–7``, ``page 9``: the sorted ``pages`` as runs of consecutive numbers."""
    out = []
    for _, run in groupby(enumerate(sorted(pages)), key=lambda kp: kp[1] - kp[0]):
        ps = [p for _, p in run]
        out.append(f"page {ps[0]}" if len(ps) == 1 else f"pages {ps[0]}-{ps[-1]}")
    return out


def without_prose_pages(lines: list[CellLine]) -> tuple[list[CellLine], list[str]]:
    """``lines`` without their prose pages (``prose_pages``), and one note per run of them."""
    drop = prose_pages(lines)
    if not drop:
        return lines, []
    notes = []
    for run in page_runs(sorted(drop)):
        first, _, last = run.split()[-1].partition("-")
        span = range(int(first), int(last or first) + 1)
        n = sum(1 for cl in lines if cl.page in span and not is_page_number(cl.text))
        notes.append(f"{run}: prose, no table ({n} lines): not read as rows")
    return [cl for cl in lines if cl.page not in drop], notes


def pages_before(raw: list[CellLine], start: int) -> list[str]:
    """One note per run of the pages wholly before the region's start (``raw[start]``'s page)
    that print text but no date, timing or label row: the cover or body before the table, left
    out with no row read on them (a page with table text before the region is said by the
    checks of lines after the title)."""
    if start <= 0 or start >= len(raw) or raw[start].page is None:
        return []
    first = raw[start].page
    texts: dict[int, list[str]] = {}
    for cl in raw[:start]:
        if cl.page is not None and cl.page < first:
            texts.setdefault(cl.page, []).append(cl.text)
    before = [p for p, ts in texts.items() if not any(_table_like(t) for t in ts)]
    return [f"{run}: before the table's title, no row read there" for run in page_runs(before)]


def prose_kept_out(
    raw: list[CellLine], start: int, in_table: bool, spaces_lost: bool = False
) -> tuple[list[CellLine], list[str]]:
    """The region's lines from ``raw[start]`` without its prose pages and the paragraphs between
    two tables (``between.without_prose``; ``spaces_lost`` as there), and the notes naming them
    and the pages before the region (none for a part that continues a table, ``in_table``)."""
    tail, page_notes = without_prose_pages(raw[start:])
    tail, paragraph_notes = without_prose(tail, spaces_lost)
    return tail, ([] if in_table else pages_before(raw, start)) + page_notes + paragraph_notes
