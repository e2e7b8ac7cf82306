"""A 変更日 whose last digits a narrow column wrapped onto the next line, read into another cell.

A date column too narrow for ``2024/1/15`` breaks it inside the day: ``2024/1/1`` / ``5``.  Where
the extractor prints the tail apart from the date (PyMuPDF ``sort=True`` of a Calc table indents
it; ``-layout`` text may give it to the item's column), the date cell holds a whole date and the
tail lands in another cell as a stray number: the row read 2024-01-01 at 0.85 with no warning
(set XVII, ``t13_calc_pagebreak.pymupdf-sort.txt``).  ``line_dates`` sees a tail only when it
stays in the date cell.

Here, in text whose lines are numbered (``CellLine.line_no``), a date cell's last line that is a
whole date ending in a one-digit day, followed on the very next printed line of its page by a
line of only one or two digits in any other cell, such that the date and the digits make another
valid date, puts every row given that printed date in doubt (``column_guess`` on ``change_date``):
the day may be the two-digit one.  Nothing is moved: a stray number (a page number, a numbering
column's value) prints so too.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

from .dates import DATE, parse_date

# The tail of a day a narrow column broke: one or two digits alone on a line.
_TAIL = regex.compile(r"^[0-9０-９]{1,2}$")
# A date ending in a one-digit day (the day a tail could go on): ``2024/1/1``, ``令和5年7月1``.
_ONE_DIGIT_END = regex.compile(r"(?<![0-9０-９])[0-9０-９]$")

WHY = (
    "the date {date} is followed on the next line by {tail!r} alone, read into another cell: "
    "a narrow 変更日 column may have wrapped the day ({date}{tail} is a date too)"
)


def _cut_date(text: str) -> bool:
    """A whole date whose day is one digit at the line's end (where a wrap could cut it)."""
    return bool(DATE.fullmatch(text) and _ONE_DIGIT_END.search(text) and parse_date(text))


def date_tail_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``column_guess`` on ``change_date`` where the row's printed date may have lost its
    day's last digits to the next line (module docstring)."""
    out: list[list[Doubt]] = [[] for _ in rows]
    tails: dict[tuple[int, int], str] = {}
    for r in rows:
        for f, lines in r.cells.items():
            if f == "change_date":
                continue
            for cl in lines:
                if cl.page is not None and cl.line_no is not None and _TAIL.match(cl.text.strip()):
                    tails[(cl.page, cl.line_no)] = cl.text.strip()
    if not tails:
        return out
    for k, r in enumerate(rows):
        printed = [cl for cl in r.cells.get("change_date") or [] if cl.text.strip()]
        if not printed:
            continue
        last = printed[-1]
        text = last.text.strip()
        if last.page is None or last.line_no is None or not _cut_date(text):
            continue
        tail = tails.get((last.page, last.line_no + 1))
        if tail is not None and parse_date(text + tail):
            out[k].append(Doubt("column_guess", "change_date", WHY.format(date=text, tail=tail)))
    return out
