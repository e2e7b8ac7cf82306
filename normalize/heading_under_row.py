"""A heading printed under a row, across its 変更日 and 項目 columns, read into the row (issue 12).

A table may part its rows by file with a heading line of its own (``２　住民基本台帳ファイル``),
printed from the left margin across the 変更日 and 項目 columns, below a blank line and right
above the next row's date.  In ``-layout``-like text (pdftotext ``-layout``, pdfplumber
``layout=True``, PyMuPDF's sorted text) the grid reads that line as the row above's last line:
its numeral lands in the date cell (``R2.4.1`` + ``２`` read as 2020-04-12) and its words in the
item (office-pagemark55's ``pm55-glued-municipal-v8``, five texts wrong at 0.934 with no flag).
A date cell wrapped in a narrow column goes on right under its first line; this one's later
line changes the date its first line reads whole, stands apart from every line of the row above
it (a blank line between; or, the row's last line, it reads as a heading of the document,
pdfplumber's layout text keeping no blank line there) and puts text in another column on the
same line.  Whether it is a heading between rows or a row's own late line the text does not
settle, so the row is
flagged ``row_split_guess`` on ``change_date``.  A row's last line below a blank line that reads
as a heading of the document (``between.is_between_heading``: ``２．送付先情報ファイル``, its
numeral in the item column) is flagged ``row_split_guess`` on ``item`` the same way.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

from .between import is_between_heading
from .dates import parse_date

# The cells in the order a printed line runs across the page, left to right.
# A line of the form's own (``①事務の名称``, ``Ⅱ…``, ``（１）…``) beside a wrapped date's digit
# does not make the two one heading of the document.
_FORM_MARK = regex.compile(r"^[①-⑳Ⅰ-Ⅹ0-9０-９（(]")
_ORDER = ("change_date", "item", "before", "after", "timing", "explanation")

WHY = (
    "the date cell's line {text!r} stands below a blank line under the row and prints beside"
    " the {other} cell's {words!r}: a heading between rows may have been read into the row"
)
HEADING_WHY = (
    "the row's last line {text!r} stands below a blank line and reads as a heading of the document:"
    " a heading between rows may have been read into the row"
)


def _apart_line(row: RawRow) -> tuple[str, str, str] | None:
    dates = row.cells.get("change_date") or []
    if len(dates) < 2:
        return None
    first = parse_date("".join(dates[0].text.split()))
    if not first or parse_date("".join("".join(cl.text.split()) for cl in dates)) == first:
        return None  # no whole date first, or the later lines leave it as it is (``令和4年1月4`` / ``日``)
    taken = {
        (cl.page, cl.line_no) for f, lines in row.cells.items() for cl in lines if cl.line_no is not None
    }
    for cl in dates[1:]:
        if cl.line_no is None:
            continue
        beside = [
            (f, other.text)
            for f, lines in row.cells.items()
            if f != "change_date"
            for other in lines
            if other.page == cl.page and other.line_no == cl.line_no
        ]
        # Apart from the row's lines above (a blank line between), or reading as a heading of the
        # document whole (pdfplumber's layout text keeps no blank line there).
        apart = (cl.page, cl.line_no - 1) not in taken
        words = " ".join(t for _, t in beside)
        last = not any(p == cl.page and n > cl.line_no for p, n in taken)  # nothing of the row below
        heading = last and not _FORM_MARK.match(words) and is_between_heading(f"{cl.text} {words}")
        if beside and (apart or heading):
            return cl.text, beside[0][0], beside[0][1]
    return None


def _heading_last(row: RawRow) -> str | None:
    """The row's last printed line on a page when it stands below a blank line under the row's
    other lines there and reads as a heading of the document (``between.is_between_heading``:
    ``２．送付先情報ファイル``), else None."""
    at: dict[tuple[int | None, int], list[tuple[int, str]]] = {}
    for f, lines in row.cells.items():
        for cl in lines:
            if cl.line_no is not None:
                at.setdefault((cl.page, cl.line_no), []).append(
                    (_ORDER.index(f) if f in _ORDER else 9, cl.text)
                )
    for (page, n), pieces in at.items():
        above = [m for (p, m) in at if p == page and m < n]
        if not above or (page, n - 1) in at or any(p == page and m > n for (p, m) in at):
            continue
        text = " ".join(t for _, t in sorted(pieces))
        if is_between_heading(text):
            return text
    return None


def heading_under_row_doubts(rows: list[RawRow]) -> None:
    """Give each row of ``rows`` whose date cell holds, after a first line that is a whole date,
    a line set apart from the row's lines above it by a blank line and printed beside another
    cell's text (module notes), a ``row_split_guess`` doubt on ``change_date``."""
    for row in rows:
        if hit := _apart_line(row):
            text, other, words = hit
            row.doubts.append(
                Doubt("row_split_guess", "change_date", WHY.format(text=text, other=other, words=words[:12]))
            )
        elif (heading := _heading_last(row)) is not None:
            row.doubts.append(Doubt("row_split_guess", "item", HEADING_WHY.format(text=heading[:20])))
