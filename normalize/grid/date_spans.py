"""Where each row's date stands in the first column's lines: one vertical extent per date,
over the lines a narrow column wraps it into (令和３年 / ９月１日, 平成３０ / 年４月１ / 日) and
the rest of a date cut by a page break.  Used by the rows anchored at dates (``anchored.py``).
"""

from __future__ import annotations

import regex

from ..date_prefixes import is_date_prefix
from ..dates import DATE_AT_START, ERA_OFFSETS, QUALIFIED_DATE, is_date_head, parse_date
from .lines import Line

# The tail of a date wrapped in a narrow column (日, 1日, 31日) has at most this many characters.
DATE_TAIL_CHARS = 3
# The parts of a date wrapped in a narrow column may stand this many line heights apart (lines
# of other columns printed between them: ``2023/`` / ``4/1`` with a line or two between).
DATE_PART_GAP_EM = 2.5
# The digits a narrow column leaves of a year on a line of their own (``202`` / ``3/2/`` / ``6``).
_YEAR_DIGITS = regex.compile(r"^[0-9０-９]{2,4}$")
# An era's name, or its first character, on a line of its own: a 変更日 column so narrow that
# Word and Writer wrap its date after the era (``平成`` / ``31年`` / ``3月`` / ``31日``, four
# characters wide: set XIX t06) or after every character or number (``令`` / ``和`` / ``元`` / ``年``
# / ``5`` / ``月`` / ``1`` / ``日``: pandoc's HTML table at 7 % of the width; branch pgbreak58).
# Names of two characters or more only: a lone ``H`` or ``R`` is no date's opening by itself.
_ERA_OPENING = regex.compile(
    r"^\s*(?:"
    + "|".join(regex.escape(e[:k]) for e in ERA_OFFSETS if len(e) >= 2 for k in range(len(e), 0, -1))
    + r")\s*$"
)
# The lines such a date may take: era (2), year (2), 年, month, 月, day, 日 and one to spare.
WRAPPED_DATE_LINES = 9
# What a whole date may still take: its day's 日 (平成３０年４月１ / 日).
_DAY_TAIL = regex.compile(r"^[0-9０-９]{0,2}日$")


def _continues_date(head: str, rest: str) -> bool:
    """True when ``rest`` carries on the date head ``head`` (年１０月 after 平成２８)."""
    return bool(parse_date(head + rest) or is_date_head(head + rest))


def _part_extends(text: str, nxt: str) -> bool:
    """True when ``nxt`` is the next part of the date begun by ``text`` (a head, or a whole
    date that still takes its 日)."""
    joined = text + nxt
    if not (parse_date(joined) or is_date_head(joined)):
        return False
    return not parse_date(text) or bool(_DAY_TAIL.match(nxt))


def _opens_wrapped_date(lines: list[Line], i: int, hy: float) -> int:
    """How many lines a date opened at line ``i`` takes when it is wrapped in a narrow column
    (0: none opens there): a year's digits alone (``202``) whose next parts make a date, or an
    era's name or its first character alone (``平成``, ``令``) whose next parts make a date or a
    date's head (``令和`` / ``4年`` at a page's foot, its month and day on the next page)."""
    text = lines[i].text.strip()
    era = bool(_ERA_OPENING.match(text))
    if not (era or _YEAR_DIGITS.match(text)):
        return 0
    last = min(i + (WRAPPED_DATE_LINES if era else 3), len(lines))
    taken = 0
    for j in range(i + 1, last):
        if lines[j].top - lines[j - 1].bottom >= DATE_PART_GAP_EM * hy:
            break
        text += lines[j].text.strip()
        if parse_date(text):
            return j - i + 1
        if era and is_date_head(text):
            taken = j - i + 1  # a head so far: the date may go on (or end at the page's foot)
    return taken


def _qualified_under(date_lines: list[Line], k: int, anchors: list[int], hy: float) -> bool:
    """Line ``k`` is a qualified date (``2019/3/23 公表``, ``（公表日：令和5年3月15日）``) printed right
    under the date line above it, which opens a row: that date's cell's second date."""
    if not QUALIFIED_DATE.fullmatch(date_lines[k].text.strip()):
        return False
    return bool(anchors) and anchors[-1] == k - 1 and date_lines[k].top - date_lines[k - 1].bottom < hy / 2


def date_spans(date_lines: list[Line], hy: float) -> list[tuple[float, float]]:
    """The (top, bottom) of each date printed in ``date_lines`` (the 変更日 column's lines, top
    to bottom; ``hy`` the line height): a date or a date head (令和３年) opens one, and its
    wrapped rest and tail right under it (年４月１, 日, １日) extend it."""
    anchors: list[int] = []
    i = 0
    while i < len(date_lines):
        ln = date_lines[i]
        if _qualified_under(date_lines, i, anchors, hy):
            pass  # a 公表日 printed under its cell's date (``qualified_dates``): opens no row
        elif DATE_AT_START.match(ln.text) or (is_date_head(ln.text) and i + 1 < len(date_lines)):
            anchors.append(i)
        elif taken := _opens_wrapped_date(date_lines, i, hy):
            anchors.append(i)
            i += taken  # the date's other parts open none (``31`` of 平 / 成 / 31 / 年)
            continue
        i += 1
    # A date wrapped over two lines gives one anchor; its extent covers both lines, and the
    # tail of a wrapped date (日, 1日) right under it too.  A prefix line right above a date
    # (``第４版`` / ``2022年4月1``: ``date_prefixes``) opens the date's extent, and is no tail of
    # the date above it.
    spans: list[tuple[float, float]] = []
    last = -1
    anchor_set = set(anchors)
    prefixed = {
        i - 1
        for i in anchors
        if i > 0
        and i - 1 not in anchor_set
        and is_date_prefix(date_lines[i - 1].text)
        and date_lines[i].top - date_lines[i - 1].bottom < hy / 2
    }
    for i in anchors:
        ln = date_lines[i]
        top = date_lines[i - 1].top if i - 1 in prefixed else ln.top
        if (
            spans
            and i == last + 1
            and is_date_head(date_lines[last].text)
            and ln.top - date_lines[last].bottom < hy
        ):
            # (A date wrapped over three lines, 平成３０ / 年４月１ / 日, keeps its tail below.)
            spans[-1] = (spans[-1][0], ln.bottom)
        else:
            spans.append((top, ln.bottom))
        last = i
        j = i + 1
        text = ln.text.strip()
        while (
            j < len(date_lines)
            and j not in anchor_set
            and j not in prefixed
            and (
                (
                    date_lines[j].top - date_lines[j - 1].bottom < hy / 2
                    and (
                        len(date_lines[j].text.strip()) <= DATE_TAIL_CHARS
                        # The rest of a date head right under it (平成３０ / 年４月１ / 日).
                        or (is_date_head(text) and _continues_date(text, date_lines[j].text.strip()))
                    )
                )
                # A part further down, lines of other columns between (2023/ / … / 4/1).
                or (
                    date_lines[j].top - date_lines[j - 1].bottom < DATE_PART_GAP_EM * hy
                    and _part_extends(text, date_lines[j].text.strip())
                )
            )
        ):
            spans[-1] = (spans[-1][0], date_lines[j].bottom)
            text += date_lines[j].text.strip()
            j += 1
        if (
            j == i + 1
            and j < len(date_lines)
            and j not in anchor_set
            and is_date_head(ln.text)
            and parse_date(ln.text.strip() + date_lines[j].text.strip())
        ):
            # The rest of a date cut by a page break (令和３年９月 / … / １日), the row
            # carried over it: the date's extent runs to its rest.
            spans[-1] = (spans[-1][0], date_lines[j].bottom)
    return spans


def whole_dates(date_lines: list[Line], rows_of: list[int], mode: str, hy: float) -> list[int]:
    """``rows_of`` (the row each 変更日 line was given, lines top to bottom) with the lines of one
    date (``date_spans``: a date a narrow column wraps, ``令和5年10月2`` / ``日``) given one row:
    a date is one value, and a merged date centred over two rows may stand across their edge,
    its parts level with each.  The row is the one its first line was given when the column
    reads at the top of its rows, its last line's at the foot, its middle line's (the upper of
    two) when centred: the row from which the merged value is handed to the rows it covers."""
    out = list(rows_of)
    for top, bottom in date_spans(date_lines, hy):
        inside = [i for i, ln in enumerate(date_lines) if ln.top >= top - 1e-6 and ln.bottom <= bottom + 1e-6]
        if len(inside) < 2:
            continue
        pick = {"top": inside[0], "bottom": inside[-1]}.get(mode, inside[(len(inside) - 1) // 2])
        for i in inside:
            out[i] = rows_of[pick]
    return out
