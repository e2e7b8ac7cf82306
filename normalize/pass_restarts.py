"""Pages of two-pass text whose extractor left out the page breaks.

Calc draws each page in two passes (``twophase``): the page's one-line cells (dates, timings,
short values), then its wrapped cells.  ``pdftotext -raw`` ends each page with a form feed, but
text that a script joined page by page (``"\\n".join(page.get_textpage().get_text_range() …)``
with pypdfium2, the common way) has no page break at all: page 2's one-line cells then follow
page 1's wrapped cells, and the reader, seeing timings among the wrapped cells, took the text
for another order (set XVI: the pypdfium2 text of a two-page Calc table read 22 of 54 cells
right, its ``-raw`` text with form feeds 48).

The text still shows where a page opens: a wrapped cell never prints a timing (事前 / 事後 always
fit one line), so after a page's wrapped rows have begun, the first printed line holding a
timing opens the next page's pass 1, together with the lone dates printed just above it (rows
whose timing is merged print their date alone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from .cell_dates import is_row_date
from .chars import without_whitespace
from .rejoin import same_printed_line
from .timing_cells import is_qualifier

# The first page's pass 1 must list at least this many timings (rows) before its wrapped rows:
# in row-ordered text (each row's first printed line, then its wrapped lines) it lists one, and
# cutting such text at every timing would make a page of every row.
MIN_FIRST_PASS_TIMINGS = 2


def _printed_line_start(lines: list[CellLine], k: int, floor: int) -> int:
    """Index of the first piece of the printed line of ``lines[k]`` (not before ``floor``)."""
    while k > floor and same_printed_line(lines[k - 1], lines[k]):
        k -= 1
    return k


def _next_pass_one(lines: list[CellLine], wrapped: int) -> int | None:
    """Where the next page's pass 1 opens in ``lines`` (one page's run, its wrapped rows opening at
    ``wrapped``), or None: the printed line of the first timing after the first wrapped line's own
    printed line (pypdfium2 puts a pass-1 timing level with that line on it), moved up over lone
    row dates above it."""
    first_line_end = wrapped
    while first_line_end + 1 < len(lines) and same_printed_line(lines[wrapped], lines[first_line_end + 1]):
        first_line_end += 1
    for t in range(first_line_end + 1, len(lines)):
        if TIMING.match(lines[t].text):
            start = _printed_line_start(lines, t, first_line_end + 1)
            while start - 1 > first_line_end and is_row_date(lines[start - 1]):
                above = _printed_line_start(lines, start - 1, first_line_end + 1)
                if not all(is_row_date(cl) for cl in lines[above:start]):
                    break
                start = above
            nxt = t + 1
            while nxt < len(lines) and same_printed_line(lines[t], lines[nxt]):
                nxt += 1
            if nxt < len(lines) and is_qualifier(without_whitespace(lines[nxt].text), bare=False):
                continue  # a 提出時期 cell of two lines (``事前`` / ``【重要】``), drawn in pass 2
            return start
    return None


def split_at_pass_restarts(
    lines: list[CellLine], opens_row: Callable[[list[CellLine], int], bool]
) -> list[list[CellLine]]:
    """``lines`` (the region of a text with no page break) cut where a page's pass 1 opens
    again after wrapped rows; pages after the first are numbered on from the first's.  Returned
    whole (one chunk) unless the pass 1 of every page but the last lists
    ``MIN_FIRST_PASS_TIMINGS`` timings."""
    if _pass_one_timings(lines, opens_row) < MIN_FIRST_PASS_TIMINGS:
        return [lines]
    out: list[list[CellLine]] = []
    rest, page = lines, lines[0].page if lines else None
    while rest:
        wrapped = next((k for k in range(len(rest)) if opens_row(rest, k)), len(rest))
        cut = _next_pass_one(rest, wrapped) if wrapped < len(rest) else None
        if cut is None:
            out.append(rest)
            break
        out.append(rest[:cut])
        page = page + 1 if page is not None else None
        rest = [replace(cl, page=page) for cl in rest[cut:]]
    # Every page but the last lists two timings or more in its pass 1 (a page holds several rows):
    # row-ordered text (Writer through pypdfium2: each row's first printed line holds its date and
    # timing) cut so would give pages of one row each (itemkey55's ik55-writer-1: 8 rows read 32).
    if any(_pass_one_timings(chunk, opens_row) < MIN_FIRST_PASS_TIMINGS for chunk in out[:-1]):
        return [lines]
    return out


def _pass_one_timings(lines: list[CellLine], opens_row: Callable[[list[CellLine], int], bool]) -> int:
    first = next((k for k in range(len(lines)) if opens_row(lines, k)), len(lines))
    return sum(1 for cl in lines[:first] if TIMING.match(cl.text))
