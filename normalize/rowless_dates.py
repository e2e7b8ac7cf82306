"""Doubts on rows given a neighbour's date while a date of their page went elsewhere (issues 10, 12).

In row-ordered text (``pdftotext -raw``, pypdfium2) LibreOffice Calc prints a page's one-line
cells first, the dates that fit a narrow 変更日 column among them (``R3.9.30``, ``H31.4.1``),
and its wrapped cells after, row by row (a date that wraps, ``2020/2/`` over ``14``, with its
row, or after the row before).  Where the reader does not take that order, a one-line date may
make a row of its own that holds nothing else, or a wrapped date's pieces may end the row
before's explanation; the rows whose dates those were print none of their own and are given the
row above's date as a merged cell's (``merged_cell_filled``).  A new user's Calc table so gave
3 empty rows and 3 rows at confidence 0.895–0.898 with another row's date and no warning.

What the text shows honestly:

* a row holding a date and no item, before, after or explanation is no row of an amendment
  table (each names what it changed): its date is a date printed apart from its row;
* a text cell ending in a date or the head of one (``…に伴う修正2021/12/``) after other text
  holds a date that wrapped out of the next row's cell, unless the text leads into it as a
  sentence does (``PHRASE_BEFORE_DATE``: ``…１月１０日から令和５年２月９`` / ``日まで``, a period the
  cell states; a 変更日 wrapped out of another row follows a cell's last word, a reason's
  ``修正`` or a sentence's ``。``, never a particle or a range's ``から`` / ``～``: set XVIII's B,
  24 right rows of row-ordered texts warned, none of the 15 wrong ones it fired on lost its
  other warnings).

``dateless_fill_doubts`` gives ``row_split_guess`` (on ``change_date``) to each row of such a page
that took its date from the row above (for a date ending a cell, each such row printed after
that cell): which of them the printed date belongs to, the text does not say.  Ruled rows (the
grid, whose rulings show the cells) are not checked.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow

from .dates import DATE_SEPARATORS, ERA_OFFSETS, date_style, is_date_line, parse_date

TEXT_FIELDS = ("item", "before", "after", "explanation")
_ERA = "|".join(sorted(map(regex.escape, ERA_OFFSETS), key=len, reverse=True))
_SEPS = "".join(regex.escape(c) for c in DATE_SEPARATORS)
# A date, or its head cut by a wrap (year and month, a separator after them), ending a cell's
# text after other text that is not a digit: ``…修正2021/12/``, ``…修正R3.9.``, ``…修正2020年2月``.
TRAILING_DATE = regex.compile(
    rf"(?<=[^\d０-９\s{_SEPS}])\s*(?P<date>(?:[0-9０-９]{{4}}|(?:{_ERA})\s*[0-9０-９元]{{1,2}})"
    rf"\s*[{_SEPS}年]\s*[0-9０-９]{{1,2}}\s*(?:[{_SEPS}月]\s*(?:[0-9０-９]{{1,2}}\s*日?)?)?)\s*$"
)


# What a cell's text ends with where a sentence goes on into a date of its own: a particle, a
# range's から / より / ～, a conjunction or a comma (rowless_dates module notes).
PHRASE_BEFORE_DATE = regex.compile(r"(?:から|より|まで|及び|並びに|又は|または|[～〜~、・のはをにでとがも])$")


# An item whose last heading names a day or a period (①実施日, ⑧使用開始日, ②実施日・期間,
# ①提出日): its before and after cells print dates as their values, in the table's own style
# at times (branch honest55: samples/office-honest55 ``dc``, 16 right rows warned); a before
# value later than the row's 変更日 is still doubted.
DATE_ITEM = regex.compile(r"(?:日|期間|時点)$")


def _text(row: RawRow, f: str) -> str:
    return "".join(cl.text.strip() for cl in row.cells.get(f) or [])


def _date_alone(row: RawRow) -> str:
    """The row's date when it holds a date and no item, before, after or explanation, else ``""``."""
    date = _text(row, "change_date")
    return date if date and not any(_text(row, f) for f in TEXT_FIELDS) else ""


def _pages(row: RawRow) -> set[int | None]:
    pages = {cl.page for cells in row.cells.values() for cl in cells}
    return pages or {None}


def _later_date_after(row: RawRow, value: str) -> bool:
    """Whether the row's after cell is a date alone later than ``value`` (its before cell's
    date, ISO ``YYYY-MM-DD``): a date item's old value replaced by a new one (``①実施日``: 令和元年11月5日 →
    令和5年11月20日), both cells the row's own, whatever the 変更日 it took.  A 変更日 read
    into the before cell stands beside the row's own after text instead (bt54's ``R5.3.31``
    beside ``令和5年1月4日から令和5年2月3日まで``).  Set XIX's t07, where an old 実施日 is later
    than the row's 変更日: 45 right rows of five extractors' texts warned on its page."""
    cells = [cl.text for cl in row.cells.get("after") or [] if cl.text.strip()]
    if len(cells) != 1 or not is_date_line(cells[0]):
        return False
    new = parse_date(cells[0])
    return bool(new and new > value)


def _own_style_date(row: RawRow) -> str:
    """For a row that took the row above's date (``merged_cell_filled``), what names a line of
    its before, after or explanation that is a date alone printed as the table's dates are
    (``dates.date_style`` of the row's date: ``R5.3.31`` beside ``R4.10.17``), else ``""``: a
    date of the 変更日 column read into a text cell (PyMuPDF's and pypdfium2's one-line cells of
    a Calc table with merged dates: bt54-calc-municipal-v4, the last row's ``R5.3.31`` read as its
    before while it took ``R4.10.17`` from the merged cell above, confidence 0.68, no flag)."""
    date = _text(row, "change_date")
    if "merged_cell_filled" not in row.flags or not date:
        return ""
    style = date_style(date)
    item = [cl.text.strip() for cl in row.cells.get("item") or [] if cl.text.strip()]
    dated = bool(item) and bool(DATE_ITEM.search(item[-1]))
    day = parse_date(date)
    for f in ("before", "after", "explanation"):
        if dated and f == "after":
            continue  # a 実施日's or a 提出日's new value is a date
        for cl in row.cells.get(f) or []:
            if not (is_date_line(cl.text) and date_style(cl.text) == style):
                continue
            # A date item's old value is a date before the change, never after it (R5.3.31 in
            # the before of a row dated R4.10.17 is the 変更日 of the row, read into the cell).
            value = parse_date(cl.text) if dated and f == "before" else None
            if dated and f == "before" and not (value and day and value > day):
                continue
            if dated and f == "before" and value and _later_date_after(row, value):
                continue
            return f"a date alone in the {f} of a row ({cl.text.strip()})"
    return ""


def _apart_dates(rows: list[RawRow]) -> list[tuple[set[int | None], str, int]]:
    """(pages, what, first row it may belong to) of each date printed apart from its row: a row
    of a date alone (pass 1's, any row of its page), or a text cell ending in a date (the last
    row's before the one that took a filled date; a date wrapped out of a cell prints with its
    row's wrapped cells or after the row before, so it is a later row's, never one printed
    before that cell: ``office-raw23`` calc-raw23-juki, pypdfium2, where the next page's
    column labels and reprinted date end a row's after cell)."""
    out = []
    for k, row in enumerate(rows):
        if row.ruled:
            continue
        date = _date_alone(row)
        if date:
            out.append((_pages(row), f"a date with no cells of its own ({date})", 0))
            continue
        own = _own_style_date(row)
        if own:
            out.append((_pages(row), own, k))
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if nxt is None or "merged_cell_filled" not in nxt.flags:
            continue
        for f in ("explanation", "after", "before"):
            text = _text(row, f)
            m = TRAILING_DATE.search(text)
            if m and PHRASE_BEFORE_DATE.search(text[: m.start("date")].rstrip()):
                break  # the cell's own date, inside its sentence
            if m:
                what = f"a date ending the {f} of a row ({m.group('date')})"
                out.append((_pages(row) | _pages(nxt), what, k + 1))
                break
    return out


def dateless_fill_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``row_split_guess`` on ``change_date`` for a row that took the row above's date
    (``merged_cell_filled``) on a page where a date was printed apart from its row (a row of a
    date alone, or a date ending a text cell); the rows of a date alone are flagged so too."""
    out: list[list[Doubt]] = [[] for _ in rows]
    apart = _apart_dates(rows)
    if not apart:
        return out
    for k, row in enumerate(rows):
        if row.ruled:
            continue
        pages = _pages(row)
        alone = bool(_date_alone(row))
        if "merged_cell_filled" not in row.flags and not alone:
            continue
        near = [what for p, what, first in apart if k >= first and (p & pages or None in p or None in pages)]
        if near:
            why = f"{near[0]} was printed on this row's page while its date was taken from the row above"
            if alone:
                why = "the row holds a date alone: a date printed apart from its row"
            out[k].append(Doubt("row_split_guess", "change_date", why))
    return out


def give_untaken_dates(filled: list[RawRow], untaken: list[CellLine], confidence: float) -> list[CellLine]:
    """Pass-1 lines no row of a page took (``twophase``), less the dates given here to the rows
    of that page that took the row above's date (``filled``, in print order): the last of those
    rows take the untaken dates in the order printed (pass 1 prints its dates in row order, and
    the untaken ones follow the taken ones).  Which row each belongs to is a guess: the rows are
    flagged ``row_split_guess`` on ``change_date`` and their confidence kept to ``confidence``
    (``merged_cell_filled`` stays: their 提出時期 may still be the row above's).
    Before, each such date made a row of a date alone while the rows whose dates they were kept
    the row above's, unwarned (a new user's Calc table: 3 such rows at confidence 0.895–0.898)."""
    dates = [cl for cl in untaken if is_date_line(cl.text)]
    n = min(len(dates), len(filled))
    if not n:
        return untaken
    for row, date in zip(filled[len(filled) - n :], dates[:n], strict=True):
        row.cells["change_date"] = [date]
        row.confidence = min(row.confidence, confidence)
        why = f"a date printed apart from its row ({date.text.strip()}), given to a row that printed none"
        row.doubts.append(Doubt("row_split_guess", "change_date", why))
    given = {id(cl) for cl in dates[:n]}
    return [cl for cl in untaken if id(cl) not in given]
