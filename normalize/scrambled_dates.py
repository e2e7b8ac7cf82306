"""A date inside a text cell whose 年/月/日 the extractor printed out of order.

pypdf's layout mode may emit the characters of one printed line out of their order where a
proportional font's glyphs overlap: ``平成30年11月1日`` in a 変更前 cell came out as
``平成3011年日1月`` (set XVII, ``t11_gnumeric.pypdf-layout.txt``, 0.916 with no flag).  No
Japanese text prints a date so, and nothing downstream reads it back.

Here a run that opens with an era name or a digit and holds digits and two or more of 年/月/日
is a date as printed; it must read ``N年N月N日`` (or two of them in that order: ``N年N月``,
``N月N日``), each mark after its own number, an era year of at most two digits (元 too), a month
1–12 and a day 1–31.  A run that does not is a ``column_guess`` on its cell: its text may be
scrambled.  Quiet on words holding the marks without numbers (``生年月日``, ``年月日``) and on
dates in a row (``4月1日、5月1日``: each its own run).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

from .dates import ERA_OFFSETS

TEXT_FIELDS = ("item", "before", "after", "explanation")

_ERA = "|".join(sorted((e for e in ERA_OFFSETS if len(e) == 2), key=len, reverse=True))
# A run of a date's characters: an era name or a digit first, then digits, 元 and the marks.
_RUN = regex.compile(rf"(?:{_ERA}|[0-9０-９])[0-9０-９元年月日]*")
# A date printed in order: (era) year 年, month 月, day 日, any two or three in that order.
_ORDERED = regex.compile(
    rf"(?:(?P<era>{_ERA})?(?P<y>元|[0-9０-９]+)年)?(?:(?P<m>[0-9０-９]+)月)?(?:(?P<d>[0-9０-９]+)日)?"
)
_DIGITS = regex.compile(r"[0-9０-９]+")
_FW = str.maketrans("０１２３４５６７８９", "0123456789")

WHY = (
    "the cell prints {run!r}, a date whose 年/月/日 are out of order: the extractor may have "
    "scrambled its text"
)


def _bad_piece(m: regex.Match) -> bool:
    """An ordered piece whose numbers no date has (an era year of three digits or more, a
    month past 12, a day past 31)."""
    if m.group("era") and m.group("y") != "元" and len(m.group("y")) > 2:
        return True
    month, day = m.group("m"), m.group("d")
    if month is not None and not 1 <= int(month.translate(_FW)) <= 12:
        return True
    return day is not None and not 1 <= int(day.translate(_FW)) <= 31


def _scrambled(run: str) -> bool:
    """A run holding two or more date marks and a digit that is no date printed in order (nor
    dates printed one after another: ``2014年11月16日2014年12月26日``)."""
    if sum(run.count(c) for c in "年月日") < 2 or not regex.search(r"[0-9０-９]", run):
        return False
    at = 0
    while at < len(run) and not _DIGITS.fullmatch(run, at):  # digits at the end: a date cut
        m = _ORDERED.match(run, at)
        if m is None or m.end() == at or _bad_piece(m):
            return True
        at = m.end()
    return False


def scrambled_date_doubts(rows: list[RawRow]) -> list[list[Doubt]]:
    """Per row, ``column_guess`` on each text cell printing a date run out of order (module
    docstring), line by line (a date wrapped over two lines is two ordered pieces)."""
    out: list[list[Doubt]] = [[] for _ in rows]
    for k, r in enumerate(rows):
        for f in TEXT_FIELDS:
            runs = (m.group() for cl in r.cells.get(f) or [] for m in _RUN.finditer(cl.text))
            bad = next((run for run in runs if _scrambled(run)), None)
            if bad is not None:
                out[k].append(Doubt("column_guess", f, WHY.format(run=bad)))
    return out
