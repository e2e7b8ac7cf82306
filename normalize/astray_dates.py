"""Rows given a date printed on another page while their own page's date was read into a 項目 cell.

A layout-mode extractor may put a 変更日 line in the item's column: pdfplumber ``layout=True`` of a
Chromium table whose ``rowspan`` dates stand centred in a narrow column printed them a few
characters right of the page's other dates (``           2019/5/7``), and wrapped ones
(``２０２１/９/`` / ``１``) between the item's lines, so that the column reader took them for item
text.  The page's rows then print no date, and each is given the last date printed before them,
on an earlier page (``merged_cell_filled``): set XVII ``t08_chromium_rowspan.pdfplumber-layout``,
rows 5–9 took 2022-10-17 at 0.88 with no warning, while only the row whose item held the date
said so (``evidence``: the cell holds a date line).

Here each page whose 項目 cells hold a date (a whole one, or a numeric date's head cut after its
month, ``２０２１/９/``) puts in doubt every row of the page that took a date printed on another
page (``column_guess`` on ``change_date``): the date read into the item may be theirs.  Item
headings of the form hold no date.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

from .dates import DATE, parse_date

# A numeric date cut after its month at a line's end (``２０２１/９/``, ``2019/4/``).
_CUT_HEAD = regex.compile(r"(?<![0-9０-９])[0-9０-９]{4}\s*[/／.．]\s*[0-9０-９]{1,2}\s*[/／.．]\s*$")

WHY = (
    "a date of this page ({date}) was read into a 項目 cell, while this row took a date printed "
    "on another page: the date may be this row's"
)


def _date_in(text: str) -> str | None:
    """A date (or a numeric date's head) ending the line: a date cell's line run on after the
    item's text or standing alone, not a value of a sentence (``令和元年6月1日から…``)."""
    text = text.strip()
    m = _CUT_HEAD.search(text)
    if m is not None:
        return m.group().strip()
    m = next((m for m in DATE.finditer(text) if m.end() == len(text)), None)
    return m.group() if m is not None and parse_date(m.group()) else None


def astray_date_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``column_guess`` on ``change_date`` where the row, given a date printed on another
    page (``merged_cell_filled``), stands on a page whose 項目 cells hold a date (module
    docstring).  Only text read by positions (``RawRow.positioned``: layout-mode text), where a
    column reader puts lines in the item's column; in row-ordered text the item may hold other
    cells' values (a before cell's dates) for other reasons, warned where they are."""
    out: list[list[Doubt]] = [[] for _ in rows]
    astray: dict[int, str] = {}
    for r in rows:
        if not r.positioned or r.ruled:
            continue
        for cl in r.cells.get("item") or []:
            date = _date_in(cl.text) if cl.page is not None and cl.line_no is not None else None
            if date is not None:
                astray.setdefault(cl.page, date)
    if not astray:
        return out
    for k, r in enumerate(rows):
        if "merged_cell_filled" not in r.flags:
            continue
        own = (cl for f in ("item", "before", "after") for cl in r.cells.get(f) or [])
        pages = {cl.page for cl in own if cl.page is not None}
        dates = {cl.page for cl in r.cells.get("change_date") or [] if cl.page is not None}
        for page in sorted(pages):
            if page in astray and page not in dates and dates:
                out[k].append(Doubt("column_guess", "change_date", WHY.format(date=astray[page])))
                break
    return out
