"""Rows of a page whose dates stand at their rows' tops: each row is the band from its date down
to the next date, whatever the alignment of its other cells.

Office users often set 変更日 and 項目 at the top of their cells and centre (or bottom-align) the
others (提出時期, the explanation, short before / after values).  Fitted with one alignment for
all columns, such a page goes to the centred reading (the centred cells outweigh the two top
ones) and the 項目 paths are cut in the middle.  Where every date is printed level with the line
that opens its row's item, the date is at its row's top, and the rows are bands (lead, issue 10:
``samples/mixed``, ``samples/coveritem``).
"""

from __future__ import annotations

from bisect import bisect_right

from ..items import opens_item
from .lines import Line

# A date and the 項目 line it is printed level with: tops this many line heights apart at most.
LEVEL_EM = 0.5
# Fewer dates than this on a page: nothing shows that the dates stand at their rows' tops.
MIN_BAND_DATES = 2
ITEM_COLUMN = 1


def dates_top_rows(cols: dict[int, list[Line]], spans: list[tuple[float, float]], hy: float) -> bool:
    """True when the page's dates (``spans``: (top, bottom) of each, at least ``MIN_BAND_DATES``)
    each stand level with a 項目 line that opens an item (a section Ⅰ…Ⅵ, an attachment's label,
    the cover: ``items.opens_item``), and the 項目 column opens no other item below the first
    date: each date and item then stand at their row's top.  ``hy``: one line height (the
    page's units)."""
    if len(spans) < MIN_BAND_DATES:
        return False
    first = spans[0][0] - LEVEL_EM * hy
    openers = [ln.top for ln in cols.get(ITEM_COLUMN, []) if ln.top >= first and opens_item(ln.text.strip())]
    if len(openers) != len(spans):
        return False
    return all(abs(top - o) <= LEVEL_EM * hy for (top, _), o in zip(spans, openers, strict=True))


def band_rows(
    cols: dict[int, list[Line]], spans: list[tuple[float, float]], hy: float
) -> dict[int, list[int]]:
    """Each column's lines' rows (as ``line_groups.group_lines`` gives them): the last date whose
    top is at or above the line's (half a line of slack); -1 above the first date (the rest of
    the previous page's last row)."""
    tops = [top - LEVEL_EM * hy for top, _ in spans]
    return {c: [bisect_right(tops, ln.top) - 1 for ln in lines] for c, lines in cols.items()}
