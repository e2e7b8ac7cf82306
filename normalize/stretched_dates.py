"""A date printed in a justified cell, read with a space between its characters
(``令 和 6 年 4`` / ``月1日``; issue 11, branch spaced67, set XXVIII t12's -layout and plain
pdftotext texts).

Text-justify inter-character (Chromium) and distributed alignment (均等割り付け) spread a wrapped
line's characters over the cell; pdftotext and the other extractors print a space in each
stretched gap.  The spacing is no space of the document, but the date no longer reads as a
date and the row is not found.  Only the opening of a line is looked at: a run of single
characters parted by single spaces whose characters, closed up, open with a date
(``DATE_OPENING``: 令和6年4, 平成30年10月1日, 2024年4月); the date's part is closed up and, so
that the columns after it keep their places, padded (in a layout text) with as many spaces
as it lost.  The rest
of the run is left as printed (a cell of its own may follow after a single space: only the
reader of columns can tell).
"""

from __future__ import annotations

import re

# A stretched run at a line's opening: single characters each followed by a single space.
_RUN = re.compile(r"^([ \t]*)((?:\S ){2,}\S)(?= |$)")
# A date's opening, closed up: an era year with its month (and day), or a Western year.
DATE_OPENING = re.compile(
    r"(?:令和|平成|昭和)(?:元|[0-9０-９]{1,2})年(?:[0-9０-９]{1,2}(?:月(?:[0-9０-９]{1,2}日?)?)?)?"
    r"|[0-9０-９]{4}年(?:[0-9０-９]{1,2}(?:月(?:[0-9０-９]{1,2}日?)?)?)?"
)
# A run of at least this many single Japanese characters parted by single spaces is a line
# stretched by justification (a cell of its own may touch it after a single space).
STRETCH_MIN_CHARS = 6
_STRETCHED = re.compile(rf"(?:[^\x00-\x7f ] ){{{STRETCH_MIN_CHARS - 1},}}[^\x00-\x7f ]")
STRETCH_WHY = "a line stretched by justification (a space between every character): its cells' bounds guessed"
STRETCH_NOTE = (
    "{n} lines printed with a space between every character of a justified cell: where one cell "
    "ends and the next begins on such a line was guessed (flag column_guess)"
)
# The rest of a stretched date wrapped onto the next line of its cell (``令 和 3 年 2`` /
# ``月 15 日``): digits, 月 and 日 parted by single spaces, ending with 日.
_TAIL = re.compile(r"^([ \t]*)((?:[0-9０-９]{1,2}|月)(?: (?:[0-9０-９]{1,2}|月))* 日)(?= |$)")
_TAIL_SHAPE = re.compile(r"(?:[0-9０-９]{1,2})?(?:月[0-9０-９]{1,2})?日")
NOTE = "{n} dates printed with a space between their characters (a justified cell's stretch) were closed up"


def close_stretched_dates(text: str, pad: bool = True) -> tuple[str, list[str]]:
    """``text`` with each line-opening date that was printed stretched (``令 和 6 年 4``)
    closed up, padded to its width with ``pad`` (a layout text: its columns keep their places);
    a note when any was."""
    count = 0
    out = []
    open_date = False  # the line before closed up a date that stops before its 日
    for line in text.split("\n"):
        lead = line[: len(line) - len(line.lstrip("\f"))]
        body = line[len(lead) :]
        t = _TAIL.match(body) if open_date else None
        open_date = False
        if t and _TAIL_SHAPE.fullmatch(t.group(2).replace(" ", "")):
            joined = t.group(2).replace(" ", "")
            span = len(t.group(2))
            start = t.start(2)
            body = body[:start] + joined + " " * (span - len(joined) if pad else 0) + body[start + span :]
            out.append(lead + body)
            continue
        m = _RUN.match(body)
        if m:
            chars = m.group(2).split(" ")
            joined = "".join(chars)
            d = DATE_OPENING.match(joined)
            # At least three characters of the date were stretched apart, its end falls on a
            # character's end (never inside a character of the run).
            if d and len(d.group(0)) >= 3 and d.end() > 2:
                used, width = 0, 0
                for ch in chars:
                    if used >= d.end():
                        break
                    used += len(ch)
                    width += len(ch) + 1
                if used == d.end():
                    start = m.start(2)
                    span = width - 1  # the date's characters and the spaces between them
                    rest = body[start + span :]
                    body = body[:start] + joined[:used] + " " * (span - used if pad else 0) + rest
                    count += 1
                    open_date = not joined[:used].endswith("日")
        out.append(lead + body)
    if not count:
        return text, []
    return "\n".join(out), [NOTE.format(n=count)]


def stretched_lines(text: str) -> tuple[dict[tuple[int, int], str], list[str]]:
    """The lines of a layout ``text`` (pages by ``\\f``) stretched by justification (a run of
    ``STRETCH_MIN_CHARS`` single Japanese characters parted by single spaces), by (page index,
    line index on the page), each with why its cells are guessed; a note when there are any.
    Such a line may print two cells a single space apart: their bound is no longer seen."""
    out: dict[tuple[int, int], str] = {}
    for p, page in enumerate(text.split("\f")):
        for k, line in enumerate(page.split("\n")):
            if _STRETCHED.search(line):
                out[(p, k)] = STRETCH_WHY
    return out, [STRETCH_NOTE.format(n=len(out))] if out else []
