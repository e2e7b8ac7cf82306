"""A period printed over two lines of one cell (``平成30年12月1日から`` / ``平成30年12月31日まで``).

An item naming a period (``②実施日・期間``, ``⑥保管期間``) prints its before and after values as
``<date>から<date>まで`` (or ``<date>～<date>``).  A cell too narrow for the whole period wraps it
after the joiner, and LibreOffice breaks before the second date even where the line had room for
part of it (a number is never split), so the first line ends short.  Row-ordered text then holds
four date lines in a row, and a reader that takes a short line ending a phrase, or a line opening
with a date, for a cell's start cuts the period in two: before ``平成30年12月1日から``, after
``平成30年12月31日まで`` and the next period (set XXXII u03 / u09, every row-ordered extractor,
10 rows unwarned at 0.886–0.92).  A line ending with a date and a period's joiner goes on with
the next line when that opens with a date, unless that line opens a period of its own
(``…から`` after ``…から``: two open-ended values).  A line that is a date followed by まで
closes a period: it ends a cell, it never runs on into the next one.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from .dates import DATE_ANNEX, PLAIN_DATE_PATTERN

# A cut inside a period or a date wrapped over two lines (partition, singlepass): structural, as
# the partition's kinsoku penalty, not tuned.
PERIOD_CUT_PENALTY = 6.0
_SPACE = r"[\s\u3000]*"
# What joins a period's two dates and may end the line the period wraps after.
_JOINER = r"(?:から|より|[～〜~∼－\-‐―ー])"
# The first date of a period and its joiner, at a line's end.
_OPENS = regex.compile(rf"(?:{PLAIN_DATE_PATTERN})(?:{DATE_ANNEX})?{_SPACE}{_JOINER}{_SPACE}$")
# A joiner of words (から / より) rather than a dash: a second period may open after it.
_WORD_JOINER = regex.compile(rf"(?:から|より){_SPACE}$")
# A line that opens with a date (a list's mark aside).
_DATE_FIRST = regex.compile(rf"^[・\s\u3000]*(?:{PLAIN_DATE_PATTERN})")
# A period's second date and its まで at a line's end.
_CLOSES = regex.compile(rf"(?:{PLAIN_DATE_PATTERN})(?:{DATE_ANNEX})?{_SPACE}(?:まで|迄){_SPACE}$")


def opens_period(text: str) -> bool:
    """Whether ``text`` ends with a date and a period's joiner (``…1日から``, ``2023/4/1～``):
    the period goes on on the next line."""
    return _OPENS.search(text) is not None


def closes_period(text: str) -> bool:
    """Whether ``text`` ends with a date followed by まで (``平成30年12月31日まで``): the end of a
    period, closed; no word of it runs on into the next line."""
    return _CLOSES.search(text) is not None


def period_goes_on(prev: str, line: str) -> bool:
    """Whether ``line`` carries on the period ``prev`` opened (module notes), or a date ``prev``
    began: ``prev`` ends with a date and a joiner, ``line`` opens with a date and, after a から /
    より, is not itself a period's first date alone with its joiner; or a date runs from
    ``prev``'s end into ``line`` (``…から令和６`` / ``年１２月１６日まで``: a narrow cell wraps inside
    a date, never between two cells).  A cut between the two would part one value."""
    if date_torn(prev, line):
        return True
    if not opens_period(prev) or not _DATE_FIRST.match(line):
        return False
    return not (_WORD_JOINER.search(prev) and opens_period(line) and not closes_period(line))


# What a date may end a line with and open the next one with, torn between them.
_TORN_END = regex.compile(r"[0-9０-９元年月/／.．]\s*$")
_TORN_START = regex.compile(r"^\s*[0-9０-９年月日/／.．]")
_DATE = regex.compile(PLAIN_DATE_PATTERN)
# A date written with 年 / 月 / 日 or slashes: not a telephone number's digits and dashes
# (``０１２３－４５－６７００`` reads as a date by its shape alone).
_DATE_WORD = regex.compile(r"[年月日/／]")


def date_torn(prev: str, line: str) -> bool:
    """Whether a date begins on ``prev`` and ends on ``line`` (each a printed line): a date of
    ``prev + line`` that starts before the break and ends after it, past its first character."""
    if not (_TORN_END.search(prev) and _TORN_START.match(line)):
        return False
    head, tail = prev.rstrip(), line.lstrip()
    cut = len(head)
    for m in _DATE.finditer(head[-16:] + tail[:16]):
        start, end = m.start() + cut - len(head[-16:]), m.end() + cut - len(head[-16:])
        if start < cut < end and _DATE_WORD.search(m.group(0)):
            return True
    return False


def period_ends_before(prev: str, line: str) -> bool:
    """Whether ``prev`` closes a period (``…31日まで``) and ``line`` opens with a date: a value
    ends there and the next one begins, whatever the widths say (a full line is no wrap)."""
    return closes_period(prev) and _DATE_FIRST.match(line) is not None


def period_breaks(texts: list[str]) -> tuple[list[bool], list[bool]]:
    """For the lines ``texts`` of a block: (whether each line carries on the period or date of the
    line before, ``period_goes_on``, the first False; whether each break k, between lines k and
    k + 1, follows a closed period before a date, ``period_ends_before``)."""
    on = [False] + [period_goes_on(a, b) for a, b in pairwise(texts)]
    return on, [period_ends_before(a, b) for a, b in pairwise(texts)]
