"""A row's date glued to the item that opens beside it (``令和3年4月1日Ⅱしきい値判断項目``).

PyMuPDF's ``get_text("text", sort=True)`` lays each printed line out with spaces for its gaps,
as ``pdftotext -layout`` does, but gives no space where two cells' texts stand closer than a
character's width: a Calc table fit to one page wide sets its 変更日 column tight, so the date
and the item's first heading come out as one word, and no reader sees the row's date
(bt54-calc-kokuho-v6: one row read of four).  A whole date opening a line and followed at once
by a section numeral Ⅰ…Ⅵ, an attachment's label (別紙 / 別添) or 表紙 (as ``dates.DATE_THEN_ITEM``)
gets the space back, and so does one followed at once by a circled numeral, an item's last
heading (``H31.4.1②システムの機能``: set XXV t06, pypdf's layout text of a Chromium date merged
over eight rows and centred on them, printed against the middle row's last heading; the rows
above it took the next date, branch paragraphs64).  A date going on in prose
(``令和5年4月1日から``) is no item and stays.

A browser prints the same (branch wrapdate54, which wrote this rule too and whose copy was folded
in here at the merge): Chromium's ``--print-to-pdf`` does not break a numeric date (``2019.5.1``),
so in a 変更日 column narrower than the date the date runs over the column's edge against the
item's first line, every extractor prints the two as one word (``2019.5.1Ⅰ基本情報``), and the
readers took ``2019.5`` for a torn date and ``.1Ⅰ基本情報`` for the item (office-slides54).

A date wrapped over two to four lines of a 変更日 column so narrow that each line holds a few
characters, each piece glued to the item's line beside it (pdfplumber's layout text of set XXXII
u04: ``平成３Ⅵ評価実施手続`` / ``１年１３．第三者点検`` / ``月２日③結果``, 1 row read for 20): each
piece gets a space after it where the pieces make one valid date only so cut (``wrapped_cuts``),
in lines laid out in columns (runs of spaces; pdfplumber's plain text is cut in its reader,
``extract/plumber_dates``).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import COVER_LABEL_PATTERN, SECTION_NUMERAL_CLASS

from .chars import display_width
from .dates import DATE, is_date_line, parse_date

_GLUED = regex.compile(
    rf"^([ \t\u3000\f]*(?:{DATE.pattern}))(?![0-9０-９])"
    rf"(?={SECTION_NUMERAL_CLASS}|[（(]?別[紙添]|{COVER_LABEL_PATTERN}|[①-⑳](?!{DATE.pattern}))",
    regex.MULTILINE,
)


def unglue_dates(text: str) -> tuple[str, int]:
    """``text`` with a space put between a date opening a line and the item glued to it, whole or
    wrapped over lines laid out in columns (module docstring), and how many lines changed."""
    text, n = _GLUED.subn(r"\1 ", text)
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        cuts = (
            wrapped_cuts([_first_word(ln) for ln in lines[k : k + WRAP_LINES]]) if "  " in lines[k] else None
        )
        for j, cut in enumerate(cuts or ()):
            ln = lines[k + j]
            at = len(ln) - len(ln.lstrip()) + cut
            if at < len(ln) and not ln[at].isspace():
                lines[k + j], n = ln[:at] + " " + ln[at:], n + 1
        k += len(cuts) if cuts else 1
    return "\n".join(lines), n


def _first_word(line: str) -> str:
    """A line's first word (up to its first space)."""
    words = line.split()
    return words[0] if words else ""


# A narrow 変更日 column's date: its first piece, an era and its year's digits or a western year's
# digits (with the separator after them), no 年 (a first line printing 年 is read by the rules
# above and by ``extract/plumber_dates``'s); each later piece's characters; the lines it runs over.
_WRAP_HEAD = regex.compile(
    r"^(?:(?:令和|平成|昭和|[RH])([元0-9０-９]{1,2})|([0-9０-９]{2,4}[/.．／]?))(?![年月日0-9０-９])"
)
_WRAP_PIECE = regex.compile(r"^[元0-9０-９年月日/.．／]+")
WRAP_LINES = 4
# A piece that is an item's numbering (``３．``, ``1.``); what follows a date's last piece only
# in its own cell (an annex ``（金）``, ``付``, a closing bracket, ``号``, a particle: ``1日から``).
_NUMBERING = regex.compile(r"^[0-9０-９][．.、]")
_AFTER_DATE = regex.compile(r"^[（(）)］\]」』号付、。，,をにのはがとまかよ]")


def wrapped_cuts(firsts: list[str]) -> list[int] | None:
    """Where a date wrapped over the first two to ``WRAP_LINES`` of ``firsts`` (each line's first
    fragment) ends on each of its lines, when the lines' openings make one valid date only so cut
    (module doc): the one cut whose pieces above the last are as wide as the first (within a
    half-width character) and whose digits are of one width, no piece an item's numbering
    (``３．``) nor cut from its annex (``1日（金）``); else None (a date printed whole on its first
    line, a fragment that is no date's start, no such cut, or two: left as it is)."""
    head = _WRAP_HEAD.match(firsts[0]) if firsts else None
    if head is None:
        return None
    # The first line's cuts: after the era and a digit at least, or after the year's digits.
    heads = range(head.start(1) + 1, head.end() + 1) if head.group(1) else range(head.end(), head.end() + 1)
    found: list[tuple[int, list[int]]] = []  # (width faults, cuts)

    def walk(k: int, text: str, cuts: list[int], width: int) -> None:
        if k == len(firsts) or k == WRAP_LINES:
            return
        run = _WRAP_PIECE.match(firsts[k])
        for cut in heads if k == 0 else range(1, len(run.group()) + 1) if run else ():
            piece = firsts[k][:cut]
            joined, now = text + piece, [*cuts, cut]
            if _NUMBERING.match(firsts[k][cut - 1 :]):
                continue  # an item's numbering (``３．``) is no piece of the date
            if k and is_date_line(joined) and parse_date(joined) and _whole(joined):
                if _AFTER_DATE.match(firsts[k][cut:]):
                    continue  # the date goes on in its own cell: no item glued to it
                w = width or display_width(firsts[0][: now[0]])
                faults = sum(abs(display_width(firsts[j][:c]) - w) > 1 for j, c in enumerate(now[:-1]))
                # (A date's digits are of one width: ``4/1`` + ``５．``, not ``4/1５``.)
                mixed = bool(regex.search("[0-9]", joined)) and bool(regex.search("[０-９]", joined))
                found.append((faults + mixed, now))
            else:
                walk(k + 1, joined, now, width)

    walk(0, "", [], 0)
    good = [c for f, c in found if f == 0]
    return good[0] if len(good) == 1 else None


def _whole(date: str) -> bool:
    """A date printed to its day: ``…日``, or three numbers without 年月 (``2024/4/1``, ``R6.4.1``)."""
    if regex.search("[年月]", date):
        return date.endswith("日")
    return len(regex.findall(r"[0-9０-９元]+", date)) >= 3
