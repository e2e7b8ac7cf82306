"""Pass-1 pieces (Calc's one-line cells) found where ``pdftotext -raw`` and pypdfium2 put them
outside the run of one-line cells that opens a page (``twophase``, ``passone``): joined to the row's
date on one line, or among a one-row page's wrapped lines (issue 10, set XI c2_datevalues /
c4_midpage; branch spill50)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

import regex

from piatable.models import CellLine
from piatable.vocabulary import SECTION_NUMERALS, TIMING

from .chars import display_width
from .dates import DATE_AT_START, DATE_HEAD, is_date_line
from .rejoin import same_printed_line

# Why a page's one row is read from lines among which pass 1's pieces came (``one_row_pass_one``).
INTERLEAVED_WHY = (
    "the page's one-line cells came out among this row's wrapped lines, which may be cut into"
    " pieces: its cells are a guess"
)


def dated_value_apart(cl: CellLine) -> list[CellLine]:
    """``cl`` as its row's date and a cell's date value when it holds both, joined by a space
    (``2023/4/1 令和元年８月２０日``: ``pdftotext -raw`` joins the 変更日 and a 第三者点検 実施日 row's
    before cell printed beside it in pass 1, and does not part them at a gap, the date being
    ASCII); the value is marked ``cell_date`` (the 変更日 column is the leftmost).  An ASCII date
    before Japanese text (``R8.4.18 ＩＤとパスワード…``: a one-line before cell of pass 1, set XXXI
    t07) is parted from it as a Japanese date is.  Else [cl]."""
    m = DATE_AT_START.match(cl.text)
    if m is None or is_date_line(cl.text):
        return [cl]
    date, rest = cl.text[: m.end()].strip(), cl.text[m.end() :].strip()
    if not is_date_line(date):
        return [cl]
    if is_date_line(rest):
        return [replace(cl, text=date), replace(cl, text=rest, cell_date=True)]
    if date[-1:].isascii() and rest[:1] and not rest[:1].isascii():
        # ``R8.4.18 ＩＤとパスワードによる…``: an ASCII date and the next cell's Japanese text
        # a space apart; a Japanese date is parted from it at that gap already (``cells_of_line``).
        return [replace(cl, text=date), replace(cl, text=rest)]
    return [cl]


def one_row_pass_one(
    lines: list[CellLine], opens_row: Callable[[list[CellLine], int], bool]
) -> tuple[list[CellLine], list[CellLine]] | None:
    """(pass 1's pieces, the wrapped lines) of a page's wrapped part that opens one row only and
    holds that row's timing and date values among its lines; None otherwise.

    pypdfium2 breaks a line where the baseline changes and orders a page's pieces by where
    they sit: on a page holding one tall row, Calc's one-line cells (centred in the row) share
    baselines with its wrapped lines and come out among them, even cut into pieces
    (``2023/4/1`` / ``Ⅵ評価実施手続`` / ``令和元`` / ``年`` / … / ``８月２２日 事後`` / ``３．第`` / ``三``:
    set XI c2_datevalues, page 3).  With one row on the page they can be no other row's; left
    there, the page opened no row and the whole text was read column by column (0 of 12 rows)."""
    starts = [k for k in range(len(lines)) if opens_row(lines, k)]
    if starts[:2] == [0, 1] and is_date_line(lines[0].text):
        starts = starts[1:]  # the row's date, then its item's first line: one row
    if len(starts) != 1 or starts[0] > 1:
        return None
    ones = [cl for cl in lines[1:] if TIMING.match(cl.text) or cl.cell_date]
    # What tells pass 1's pieces from a row printed row by row (Writer: ``事後`` on a line of
    # its own among the row's cells): date values among them, and each timing right after one
    # or on a baseline shared with the piece before it.
    timed = [k for k in range(1, len(lines)) if TIMING.match(lines[k].text)]
    if not timed or not any(cl.cell_date for cl in ones):
        return None
    if not all(lines[k - 1].cell_date or same_printed_line(lines[k - 1], lines[k]) for k in timed):
        return None
    return ones, [cl for cl in lines if not any(cl is x for x in ones)]


# Wrapped 変更日 cells that show how narrow the 変更日 column is, before a one-line date wider than
# them is read as a cell's value (``wide_dates_marked``); and by how many display units it must be
# wider (half-width digits may be set narrower than half an em).
WIDE_DATE_MIN_WRAPPED = 2
WIDE_DATE_SLACK_UNITS = 2
# The lines a wrapped date is printed over (``令和5年1月`` / ``4日``) and what each may hold.
WRAPPED_DATE_MAX_LINES = 3
_DATE_PIECE = regex.compile(r"^[0-9０-９元年月日令和平成/.\-／．－]{1,12}$")


def _wrapped_date_widths(lines: list[CellLine]) -> list[int]:
    """Display widths of the whole dates printed wrapped over lines (``令和5年1月`` / ``4日``),
    joined already (``split_dates.join_split_dates`` marks them ``wraps``) or not."""
    out: list[int] = []
    for k, cl in enumerate(lines):
        if cl.cell_date:
            continue
        if cl.wraps is True and is_date_line(cl.text):
            out.append(display_width(cl.text))
            continue
        if not _DATE_PIECE.match(cl.text) or is_date_line(cl.text):
            continue
        text = cl.text
        for nxt in lines[k + 1 : k + WRAPPED_DATE_MAX_LINES]:
            if not _DATE_PIECE.match(nxt.text):
                break
            text += nxt.text
            if is_date_line(text):
                out.append(display_width(text))
                break
    return out


def wide_dates_marked(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` (a two-pass region, one cell piece each) with each one-line date too wide for the
    変更日 column marked ``cell_date``: where 変更日 cells wrap (``令和5年1月`` / ``4日``, at least
    ``WIDE_DATE_MIN_WRAPPED`` of them), the column is narrower than the narrowest of those dates,
    so a date printed on one line ``WIDE_DATE_SLACK_UNITS`` wider than it, before a date that is
    a cell's value on its printed line, is another cell's value too:
    a 第三者点検 実施日 row's before / after (``令和元年８月２０日 令和４年８月２２日 事後``, its own
    変更日 empty: set XI c6_noexpl), read before as the row's date."""
    widths = _wrapped_date_widths(lines)
    if len(widths) < WIDE_DATE_MIN_WRAPPED:
        return lines
    limit = min(widths) + WIDE_DATE_SLACK_UNITS
    out = list(lines)
    for k, (cl, nxt) in enumerate(pairwise(lines)):
        # Only a date whose printed line goes on with another date, a cell's value: the two are
        # the row's 変更日 and before, or its before and after, and the width tells which.
        paired = nxt.cell_date and same_printed_line(cl, nxt)
        if paired and not cl.cell_date and is_date_line(cl.text) and display_width(cl.text) >= limit:
            out[k] = replace(cl, cell_date=True)
    return out


# Printed lines after the first page's last dated or timed pass-1 line from which on they are read
# as wrapped cells of the sheet above the table (``cells_above_table``): the last row's
# explanation (or its before / after, set at another height) may take one or two lines of its own.
ABOVE_TABLE_MIN_LINES = 3
# Printed lines of the first page's pass 1 opening with a date and holding a timing, for it to be
# read as pass 1 printed row by row.
ABOVE_TABLE_MIN_TIMED_LINES = 2


def cells_above_table(singles: list[CellLine]) -> tuple[list[CellLine], list[CellLine]]:
    """(pass 1's pieces, the wrapped cells of the sheet above the table) of the region's first
    page.  A table opening mid-page under body cells that wrap (a block of label / value cells,
    a heading) gets them drawn by Calc with the page's wrapped cells, row by row from the top:
    after the table's pass 1 and before its first wrapped row (``７．評価実施機`` / ``関における担当``
    / ``部署`` / ``①部署 市民生活部…``).  Read as pass 1's, they became rows of their own or rows'
    explanations.  When at least ``ABOVE_TABLE_MIN_LINES`` printed lines follow the page's last
    line holding a date or a timing, all but the first of them are the cells above; no row takes
    them, so they are noted as the region's lines in no record (not dropped)."""
    timed = [
        k
        for k, cl in enumerate(singles)
        if TIMING.match(cl.text) or (is_date_line(cl.text) and not cl.cell_date)
    ]
    if not timed:
        return singles, []
    last = singles[timed[-1]]
    printed: list[int] = []
    for k in range(timed[-1] + 1, len(singles)):
        if not same_printed_line(last, singles[k]) and (
            not printed or not same_printed_line(singles[printed[-1]], singles[k])
        ):
            printed.append(k)
    if len(printed) < ABOVE_TABLE_MIN_LINES:
        return singles, []
    return singles[: printed[0]], singles[printed[0] :]


def without_cells_above(lines: list[CellLine]) -> tuple[list[CellLine], list[CellLine]]:
    """(a table region's lines without the wrapped cells of the sheet above a table opening
    mid-page, those cells) (``cells_above_table``), looked for on the region's first page before
    its first wrapped row (the first line opening a section Ⅰ…Ⅵ or a wrapped date), when that page
    opens with Calc's pass 1 printed row by row (two of its printed lines open with a date and hold
    a timing).  They were printed above the table's title: no text of the table is dropped with
    them, and the reader notes them (``stream._read_rows``)."""
    if not lines:
        return lines, []
    page = lines[0].page
    end = next((k for k, cl in enumerate(lines) if cl.page != page), len(lines))
    opener = next((k for k in range(end) if _opens_wrapped_row(lines[k].text)), None)
    if opener is None:
        return lines, []
    head = lines[:opener]
    # Pass 1 printed row by row: printed lines opening with a date and holding a timing (text
    # read box by box, pdfminer's, gives dates and timings apart: never read so).
    timed = {(cl.page, cl.line_no) for cl in head if TIMING.match(cl.text)}
    dated = {(cl.page, cl.line_no) for cl in head if DATE_AT_START.match(cl.text)}
    if len(timed & dated) < ABOVE_TABLE_MIN_TIMED_LINES:
        return lines, []
    kept, above = cells_above_table(head)
    if any(ch in SECTION_NUMERALS for cl in above for ch in cl.text):
        # A section (Ⅰ…Ⅵ) among them opens a row of the table, printed after a wrapped label's
        # rest (``期 Ⅲ特定個人情報…``: office-plain50 p50-calc-v2, whose first row was dropped
        # with them, status success): none is dropped.
        return lines, []
    return kept + lines[opener:], above


def _opens_wrapped_row(text: str) -> bool:
    """A section of the form (Ⅰ…Ⅵ) or the head of a date wrapped over lines (``令和６年４月１``)."""
    return text[:1] in SECTION_NUMERALS or (bool(DATE_HEAD.match(text)) and not is_date_line(text))
