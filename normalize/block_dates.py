"""Which date lines of row-ordered text open a row (a date-led block of ``stream._blocks``) and
which are a cell's text: moved out of ``stream`` (near 600 lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from .dates import is_date_line, torn_before_day
from .items import opens_item

if TYPE_CHECKING:
    from .stream import _Block

# Share of a text's date lines followed by an item's first line above which a date line after a
# row's anchor that opens no item is the explanation's text, not a new row.
DATE_OPENS_ITEM_SHARE = 0.8


def date_in_cell(blocks: list[_Block], lines: list[CellLine], k: int) -> bool:
    """A date line that is cell text (a before value such as 平成28年8月25日), not a row start.

    Between a row's date and its anchor, a date begins a new row only when the item of that row
    follows it (a section Ⅰ…Ⅵ of the form); otherwise it is a value of the row being read.
    """
    if not blocks or blocks[-1].timing is not None or not blocks[-1].pre:
        return False
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    return not opens_item(nxt)


def dates_open_items(lines: list[CellLine]) -> bool:
    """Whether the text prints each row's date right before its item's first line (Ⅰ…Ⅵ): at
    least ``DATE_OPENS_ITEM_SHARE`` of its date lines are so followed."""
    dates = [k for k, cl in enumerate(lines) if is_date_line(cl.text)]
    opening = sum(1 for k in dates if k + 1 < len(lines) and opens_item(lines[k + 1].text))
    return bool(dates) and opening >= DATE_OPENS_ITEM_SHARE * len(dates)


def date_in_explanation(blocks: list[_Block], lines: list[CellLine], k: int) -> bool:
    """A date line after a row's anchor that opens no item (its next line is no section
    Ⅰ…Ⅵ): text of the explanation (令和5年4月1日 on a line of its own), in a text whose rows'
    dates open their items.  Read as a row, it made a row of its own and left the next one
    without its lines."""
    if not blocks or blocks[-1].timing is None or not blocks[-1].post:
        return False
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    return bool(nxt) and not opens_item(nxt) and not TIMING.match(nxt)


def lists_date_above(blocks: list[_Block], lines: list[CellLine], k: int) -> bool:
    """Whether the date line ``lines[k]``, which opens a row (its next line opens an item: a
    section Ⅰ…Ⅵ), is the second date of a 変更日 cell listing two (``line_dates.listed_dates``;
    ``2017/6/1`` / ``2021/4/1``, a Writer cell read by pypdfium2 or ``pdftotext -raw``): the line
    before it is the date of the last block, which holds nothing else yet, on the same page, and
    the block before that reads as a row printed in order (item lines, then its 提出時期): in
    column-ordered text (pdfminer's boxes) the 変更日 column's dates follow each other and the
    first row's item comes after them (office-cover20 side-t3-pdfminer, read so: 439 characters
    unplaced), and no blank line shows there in the lines' numbers.
    Read as two rows, the first held only its date and the text was taken for columns read
    across (set XX t14's kind; branch twodates59)."""
    if not blocks or k == 0 or k + 1 >= len(lines):
        return False
    last, prev = blocks[-1], lines[k - 1]
    return (
        len(blocks) >= 2
        and bool(blocks[-2].pre)
        and blocks[-2].timing is not None
        and last.date is prev
        and not (last.pre or last.post or last.timing or last.shared_date)
        and prev.page == lines[k].page
        and opens_item(lines[k + 1].text)
    )


def date_torn_in_text(blocks: list[_Block], lines: list[CellLine], k: int) -> bool:
    """Whether the date line ``lines[k]`` is a text cell's date torn before its 日 (``令和３年４月１``
    / ``日付の通知に基づき…``: an explanation opening with a date, wrapped in a narrow column; a
    Writer table of ``samples/heldout-merged62``, looked at as branch merged63's brief asked):
    ``dates.torn_before_day``.  Read as a 変更日, it opened a row of its own and its date was
    filled into the rows after it, unwarned.  Only inside a row being read (``blocks`` not
    empty): before the first row there is no cell for it to belong to, and the lines before the
    first date opening a row are not read (a first 変更日 wrapped into pieces no date line, such
    as ``令和５年３`` / ``月３１日``, leaves this one the first row's opening; office-layout53
    l53-writer-1, whose row lost its after cell, 提出時期 and explanation so)."""
    if not blocks:
        return False
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    return torn_before_day(lines[k].text, nxt)
