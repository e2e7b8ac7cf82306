"""Where a row's 提出時期 mark stands against its text, in text read by positions (issues 10, 12).

Tables print the 提出時期 (事前 / 事後), a one-word cell, centred in its row or at its foot more
often than the long text cells, which stand at the top (Calc tables with rows of hand-set heights,
set XVII t01).  Such a mark tells what the text lines alone do not: the body stands at the top of
its rows (the mark below the text), and a row reaches down past its text's last line to about
twice the mark's distance from its first line.  ``centred_dates`` cuts a page's rows into the
runs of its merged dates by those extents; ``merged_dates.date_alignment`` does not take a
centred date under a page's last row's text for a date at the foot of its cell.
"""

from __future__ import annotations

import itertools
from collections import Counter

from piatable.models import RawRow

# The 提出時期 marks tell the body's alignment when this many rows show it (the mark below or
# above the row's text) and none the other way.
MARK_VOTES = 2
# A row's 提出時期 standing at most this share of the way from its text's first line to the next
# row's is centred on its row (about 0.5), further down at its foot (about 1).
FOOT_SHARE = 0.75

Lines = list[tuple[int, int]]


def _mark_line(row: RawRow, page: int) -> int | None:
    """The line of the row's first 提出時期 line on ``page`` (None: no such line)."""
    return next((cl.line_no for cl in row.cells.get("timing") or [] if cl.page == page and cl.line_no), None)


def own_marks(rows: list[RawRow], own: list[Lines], rows_on: list[int], page: int) -> dict[int, int | None]:
    """Each row of ``rows_on``'s own 提出時期 line on ``page``: None where the row has none, where
    it shares it with another row (a merged 提出時期 filled into the rows it covers:
    ``merged_cell_filled``), or where it stands among the next row's lines or above the row
    before's last line (not where the row's own cell can print it)."""
    lines = {k: _mark_line(rows[k], page) for k in rows_on}
    shared = Counter(line for line in lines.values() if line is not None)
    out: dict[int, int | None] = {}
    for i, k in enumerate(rows_on):
        line = lines[k]
        nxt = own[rows_on[i + 1]][0][1] if i + 1 < len(rows_on) else None
        prev = own[rows_on[i - 1]][-1][1] if i else None
        inside = (nxt is None or (line is not None and line < nxt)) and (
            prev is None or (line is not None and line > prev)
        )
        out[k] = line if line is not None and shared[line] == 1 and inside else None
    return out


def mark_body(rows: list[RawRow], own: list[Lines], rows_on: list[int], page: int) -> str | None:
    """The body's alignment where the rows' 提出時期 (a short cell the tables centre or drop to
    the foot) shows it: ``top`` when it stands below the text of ``MARK_VOTES`` rows or more and
    above none, ``bottom`` the other way; None when it does not tell (a mark level with the text's
    first line: the 提出時期 at the top too)."""
    below = above = 0
    marks = own_marks(rows, own, rows_on, page)
    for k in rows_on:
        mark = marks[k]
        if mark is None or not own[k]:
            continue
        below += mark > own[k][-1][1]
        above += mark < own[k][0][1]
    if below >= MARK_VOTES and not above:
        return "top"
    if above >= MARK_VOTES and not below:
        return "bottom"
    return None


def marked_ends(rows: list[RawRow], own: list[Lines], rows_on: list[int], page: int) -> list[Lines]:
    """``own`` with the last row of ``rows_on`` (the page's), its text at the top of its row and
    its 提出時期 below it, reaching down to where its 提出時期 puts its foot: twice the mark's
    distance from the text's first line when the page's marks stand about midway between a row's
    first line and the next row's (centred), the mark's own line when they stand at the next
    row's top (at the foot).  Another row ends where the next begins; a page's last row prints
    nothing below its text, and without this its run ends at its text's last line (set XVII t01:
    a date centred over two tall rows given to three)."""
    out = list(own)
    marks = own_marks(rows, own, rows_on, page)
    shares = [
        (marks[k] - own[k][0][1]) / (own[n][0][1] - own[k][0][1])
        for k, n in itertools.pairwise(rows_on)
        if marks[k] is not None and own[n][0][1] > own[k][0][1]
    ]
    if not shares:
        return out
    centred = sorted(shares)[len(shares) // 2] <= FOOT_SHARE
    last = rows_on[-1]
    mark = marks[last]
    if mark is not None and mark > own[last][-1][1]:
        out[last] = [*own[last], (page, 2 * mark - own[last][0][1] if centred else mark)]
    return out


def marked_extent(rows: list[RawRow], own: list[Lines]) -> list[Lines]:
    """``own`` (each row's text lines as (page, line)) with the rows of every page whose marks
    show the body at the top reaching down as ``marked_ends`` says."""
    out = list(own)
    for page in sorted({lines[0][0] for lines in own if lines}):
        rows_on = [k for k in range(len(rows)) if own[k] and own[k][0][0] == page and own[k][-1][0] == page]
        if mark_body(rows, own, rows_on, page) == "top":
            ends = marked_ends(rows, own, rows_on, page)
            for k in rows_on:
                out[k] = ends[k]
    return out
