"""Dates a narrow 変更日 column may have cut after a one-digit day (issue 10, branch layout22).

A 変更日 column a few characters wide wraps ``2019/10/01`` as ``2019/10/0`` / ``1``; where the
tail shares its line with another column's text (a 項番 column's ``2    1`` in ``-layout`` text)
it is read into that column, and the date is left torn.  ``2019/10/0`` does not parse (the row
says ``date_unparsed``), but ``2020/03/3`` of the same table, cut at the same width from
``2020/03/31``, parses as the 3rd: a wrong date at full confidence
(samples/office-numcol19/nc19-calc-3, ``-layout``: two rows at 0.92, unwarned).

Here, when a document holds a torn numeric date (``2019/10/0``, ``2021/1``: digits and
separators that do not parse), each parsed date printed in exactly as many characters whose day
is one digit is a ``column_guess`` on ``change_date``: its day may go on past the column's edge.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

# A numeric date head cut by a narrow column: year, separators and digits only, not parsing.
_TORN = regex.compile(r"^[0-9０-９]{4}[/.\-／．－][0-9０-９]{1,2}(?:[/.\-／．－][0-9０-９]?)?$")
# A parsed numeric date whose day is one digit (``2020/03/3``).
_ONE_DIGIT_DAY = regex.compile(r"^[0-9０-９]{4}[/.\-／．－][0-9０-９]{1,2}[/.\-／．－][0-9０-９]$")

WHY = (
    "the date {raw} is printed as wide as {torn}, a date the 変更日 column cut (it does not parse): "
    "its day may go on past the column's edge, read into another cell"
)


def torn_date_doubts(records: list[Record]) -> list[list[Doubt]]:
    """Per record, ``column_guess`` on ``change_date`` where its date (one-digit day) is printed
    in as many characters as a torn date of the same document (module docstring)."""
    out: list[list[Doubt]] = [[] for _ in records]
    torn = {
        len(raw): raw
        for r in records
        if r.change_date is None and _TORN.match(raw := (r.change_date_raw or "").strip())
    }
    if not torn:
        return out
    for k, r in enumerate(records):
        raw = (r.change_date_raw or "").strip()
        if r.change_date is not None and len(raw) in torn and _ONE_DIGIT_DAY.match(raw):
            out[k].append(Doubt("column_guess", "change_date", WHY.format(raw=raw, torn=torn[len(raw)])))
    return out
