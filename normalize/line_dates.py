"""The date of a 変更日 cell read line by line: a date never takes a digit from another line.

A cell's lines are joined without a separator (a date wrapped in a narrow column: ``令和2年10月`` /
``1日``).  Joined so, a line that is a whole date and the text of the next line run on as one:
a heading printed between two tables, read into the date cell of the row above it
(``2019/4/1`` + ``２．送付先情報ファイル``), gave the day 12 (``2019/4/1２``: 2019-04-12, set XVI,
session 55).  Here a date that reads across a line end where its first line is a whole date is
cut at that line end:

* the next line is the rest of a wrapped date (``日``, ``2日``): the joined date, no doubt;
* the next line is digits only: the joined date, in doubt (``2019/4/1`` / ``2``: a day broken
  at the column's edge, or a heading's numeral), unless the first line reaches the cell's edge
  (``CellLine.wraps``: a run of digits too wide for the column breaks anywhere); in text, where
  no geometry says so, a first line as wide as the column's wrap width (``RawRow.widths``: the
  widest width many of the column's lines share, ``grid.layout_words.wrap_width``) reaches it
  (``text_wraps``: set XVIII's B, ``2023/3/3`` / ``1`` in a Writer column 8 digits wide, 25 right
  rows of pdfplumber and PyMuPDF texts warned, none wrong);
* the next line holds other text: the first line's date, in doubt (the cell holds text that is
  not the date's).

A cell every line of which is a whole date of its own (``2019/10/1`` / ``2025/3/14``: one item
changed twice, each change's date typed on a line of the cell, set XX t14) is no wrapped date:
the cell reads the latest of its dates (the change that made the row's 変更後 what it is), with
no doubt; its raw text keeps the line breaks (``several_dates``, ``raw_date``).  Whether the
lines are one cell's is the row reader's to say (rulings; ``grid.lost_lines.flag_merged_rows``).
"""

from __future__ import annotations

import regex

from .chars import display_width
from .dates import DATE, DATE_LINE, DATE_SEPARATORS_CLASS, DATE_TAIL, ERA_PATTERN, parse_date
from .qualified_dates import split_qualified

# Only digits (and spaces): a run of digits broken at the column's edge, or a stray number.
_DIGITS_ONLY = regex.compile(r"^[0-9０-９\s]+$")


def date_of_lines(lines: list[str], wraps: list[bool | None] | None = None) -> tuple[str | None, bool]:
    """The ISO date of a 変更日 cell's ``lines`` (stripped, in order) and whether it is in doubt
    (see the module notes).  None when no date is read.  ``wraps``: each line's geometric verdict
    (``CellLine.wraps``), where the source knows it: a line that reaches the cell's edge before
    a line of digits wraps (a run of digits too wide for the column breaks anywhere:
    ``2020/10/1`` / ``5``), read joined without doubt.  A date qualified by a label or brackets
    (``（公表日：令和5年3月15日）``: ``qualified_dates``) is no change date: the cell's other lines are
    read; a cell holding qualified dates only reads its first, in doubt."""
    kept, qualified, _ = split_qualified(lines)
    if qualified:
        if not kept:
            return parse_date(qualified[0]), True
        date, doubt = _date_of_unqualified(kept, None if len(kept) != len(lines) else wraps)
        return (date, doubt) if date else (parse_date(qualified[0]), True)
    return _date_of_unqualified(lines, wraps)


def _date_of_unqualified(lines: list[str], wraps: list[bool | None] | None) -> tuple[str | None, bool]:
    """``date_of_lines`` of a cell with no qualified date."""
    if dates := several_dates(lines):
        return max(dates), False
    joined = "".join(lines)
    date = parse_date(joined) if joined else None
    if date is None or len(lines) < 2:
        return date, False
    m = DATE.search(joined)
    if m is None:
        return date, False
    at = 0
    for k, line in enumerate(lines[:-1]):
        at += len(line)
        if not m.start() < at < m.end():
            continue
        head = parse_date(joined[m.start() : at])
        if head is None or not DATE.fullmatch(joined[m.start() : at].strip()):
            continue  # the first line is no whole date: a wrapped date, read joined
        rest = joined[at:]
        wrapped = wraps[k] if wraps and k < len(wraps) else None
        if DATE_TAIL.match(rest):
            return date, False
        if _DIGITS_ONLY.match(rest):
            return date, not wrapped  # a soft wrap inside the digits, or a stray number
        return head, True
    return date, False


# What opens a date (its year: four digits, or an era's name): a line opening so after a whole
# date opens the cell's next date, never the rest of the one before (``2`` of ``2019/4/1`` / ``2``).
DATE_OPENING = regex.compile(rf"^\s*(?:[0-9０-９]{{4}}|{ERA_PATTERN})")
# What the lines of a date wrapped in a narrow column may hold, joined (``2017/6`` + ``/1``).
DATE_PART = regex.compile(rf"^(?:[0-9０-９元年月日{DATE_SEPARATORS_CLASS}\s（）()]|{ERA_PATTERN}){{1,24}}$")


def listed_dates(lines: list[str]) -> list[str]:
    """A cell's ``lines`` (stripped) as the dates it lists, each its lines joined, when it lists
    two or more whole dates (``2019/10/1`` / ``2025/3/14``; wrapped in a narrow column:
    ``2017/6`` / ``/1`` / ``2021/4`` / ``/1``); else ``[]``.  A date ends where it is whole and
    the next line opens a year."""
    groups: list[str] = []
    for line in lines:
        if groups and DATE_LINE.match(groups[-1]) and DATE_OPENING.match(line):
            groups.append(line)
        elif groups:
            groups[-1] += line
        else:
            groups.append(line)
    if len(groups) < 2 or not all(DATE_LINE.match(g) and parse_date(g) for g in groups):
        return []
    return groups


def several_dates(lines: list[str]) -> list[str]:
    """The ISO dates of a cell's ``lines`` (stripped) that list two or more whole dates
    (``listed_dates``), in order; else ``[]``."""
    return [d for g in listed_dates(lines) if (d := parse_date(g))]


def raw_date(lines: list[str]) -> str:
    """A 変更日 cell's printed text from its ``lines`` (stripped): joined with no separator (a
    date a narrow column wrapped, ``令和2年10月`` / ``1日``, is one word), but a line break kept
    between the dates of a cell that lists several (``listed_dates``), and around a qualified date
    (``（公表日：令和5年3月15日）``, ``qualified_dates.split_qualified``)."""
    _, qualified, segments = split_qualified(lines)
    if qualified:  # the change date and each qualified date on lines of their own, as printed
        return "\n".join(segments)
    return "\n".join(listed_dates(lines) or ["".join(lines)])


def text_wraps(lines: list[str], wraps: list[bool | None], width: float | None) -> list[bool | None]:
    """``wraps`` with each unknown verdict (None: text, no geometry) of a line but the last made
    True where the line (stripped) is at least ``width`` wide (display units, the column's wrap
    width), else left as it is; ``width`` None or 0: ``wraps`` unchanged."""
    if not width:
        return wraps
    return [
        w if w is not None or k + 1 >= len(lines) or display_width(lines[k]) < width else True
        for k, w in enumerate(wraps)
    ]
