"""Page numbers glued to a line's text where pages were joined with no line end (issues 10, 12).

pypdf users join pages with ``""`` (``"".join(p.extract_text() for p in reader.pages)``): a
page's text then runs on into the next page's with nothing between them.  A Calc sheet draws its
footer before its cells, so the footer ``- 3 -`` opening page 3 is glued to the last line of
page 2 (``…による情報連携）- 3 -``, set XX's t08); a footer drawn after the cells (Writer) glues
the page number to the next page's first line (``- 3 -変更日 項目 …``).  Left so, the number
is read into the page's last cell, and no page break is seen.

A page number is cut off onto a line of its own when:

* it is a page number of a printed form (``page_edges.is_page_mark``) of the forms ``- 3 -``,
  ``- 3/5 -`` or ``3/5``, glued at a line's end or start to other text (a fraction then not
  preceded or followed by a digit, ``/``, ``.`` or a date's 年/月: a date's pieces are no page
  number), or a bare number (``3``) ending a line that is followed by the column-label row (a
  Calc page's footer opens the page above its repeated labels) or opening the column-label row
  (``1変更日 項目 …``: a Writer page's footer, drawn after its cells); and
* together with the page numbers printed on lines of their own (a bare number: above the
  column-label row, or the text's last printed line), the numbers of its form go up by
  one in text order (``N/M``: with one total M), at least ``joined_pages.MIN_RUN`` of them, and
  at least one of the run is glued (a lone number ending a cell's text does not count).

``joined_pages.mark_joined_pages`` then reads them as page furniture and puts a form feed at each
(its note says so); this module's note counts the numbers it cut off.  A text holding a form
feed is returned as it is (its pages are marked).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import PAGE_MARK_PATTERN, is_header_line

from .joined_pages import MIN_RUN
from .page_edges import is_page_mark

GLUED_MARKS_NOTE = (
    "{n} page numbers glued to the text beside them (pages joined with no line end) were cut off"
    " onto lines of their own"
)

_DIGITS = "0-9０-９"
# ``- 3 -``, ``- 3/5 -``, ``3/5`` (the forms that print a page number without words).
_MARK = PAGE_MARK_PATTERN
# A mark at a line's end after text; a fraction not preceded by a date's piece or a number.
_AT_END = regex.compile(rf"^(?P<text>.*?\S)\s*(?<![{_DIGITS}/／.．年月])(?P<mark>{_MARK})\s*$")
# A mark at a line's start before text; a fraction not followed by a date's piece or a number.
_AT_START = regex.compile(rf"^\s*(?P<mark>{_MARK})(?![{_DIGITS}/／.．年月日])\s*(?P<text>\S.*)$")
# A bare page number ending a line (before the label row): not a date's or a number's piece.
_BARE_AT_END = regex.compile(rf"^(?P<text>.*[^\s{_DIGITS}/／.．年月,，])(?P<mark>[{_DIGITS}]{{1,3}})\s*$")
# A bare page number opening the column-label row (a Writer page's footer, drawn after its cells:
# ``1変更日 項目 …``), and one alone on a line.
_BARE_AT_START = regex.compile(rf"^\s*(?P<mark>[{_DIGITS}]{{1,3}})(?P<text>[^\s{_DIGITS}/／.．年月日].*)$")
_BARE = regex.compile(rf"^[{_DIGITS}]{{1,3}}$")
_NUMBER = regex.compile(rf"[{_DIGITS}]+")
_SPACES = regex.compile(r"\s+")
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")

# (line index, "end" / "start" / "alone", value, total, form key)
_Copy = tuple[int, str, int, int | None, str]


def _copy(k: int, where: str, mark: str) -> _Copy | None:
    """A page number's copy, or None when ``mark`` prints no page number (``4/01``, ``5/3``)."""
    if not is_page_mark(mark):
        return None
    numbers = [int(n.translate(_WIDE)) for n in _NUMBER.findall(mark)]
    form = _NUMBER.sub("#", _SPACES.sub("", mark))
    return k, where, numbers[0], (numbers[1] if len(numbers) > 1 else None), form


def _next_printed(lines: list[str], k: int) -> str:
    return next((ln for ln in lines[k + 1 :] if ln.strip()), "")


def _copies(lines: list[str]) -> list[_Copy]:
    """Every page number printed alone on a line or glued to a line's end or start, in order."""
    out: list[_Copy] = []
    last = max((k for k, ln in enumerate(lines) if ln.strip()), default=-1)
    for k, line in enumerate(lines):
        t = line.strip()
        if not t:
            continue
        if is_page_mark(t) and (c := _copy(k, "alone", t)):
            out.append(c)
        elif (m := _AT_END.match(t)) and (c := _copy(k, "end", m.group("mark"))):
            out.append(c)
        elif (m := _AT_START.match(t)) and (c := _copy(k, "start", m.group("mark"))):
            out.append(c)
        elif (m := _BARE_AT_END.match(t)) and is_header_line(_next_printed(lines, k)):
            out.append((k, "end", int(m.group("mark").translate(_WIDE)), None, "#"))
        elif (m := _BARE_AT_START.match(t)) and is_header_line(m.group("text")):
            out.append((k, "start", int(m.group("mark").translate(_WIDE)), None, "#"))
        elif _BARE.match(t) and (k == last or is_header_line(_next_printed(lines, k))):
            out.append((k, "alone", int(t.translate(_WIDE)), None, "#"))
    return out


def _glued_in_runs(copies: list[_Copy]) -> list[_Copy]:
    """The glued copies of runs of one form going up by one (one total), ``MIN_RUN`` long."""
    forms: dict[str, list[_Copy]] = {}
    for c in copies:
        forms.setdefault(c[4], []).append(c)
    out: list[_Copy] = []
    for found in forms.values():
        runs: list[list[_Copy]] = [[]]
        for c in found:
            run = runs[-1]
            if run and not (c[2] == run[-1][2] + 1 and c[3] == run[-1][3]):
                runs.append([])
            runs[-1].append(c)
        for run in runs:
            if len(run) >= MIN_RUN:
                out.extend(c for c in run if c[1] != "alone")
    return out


def split_glued_page_marks(text: str) -> tuple[str, list[str]]:
    """``text`` with each page number glued to a line's text cut off onto a line of its own
    (see the module notes), and the note saying how many ([] when none, or when the text holds
    a form feed).  Lines are only split, never dropped: the text's words keep their order."""
    if "\f" in text:
        return text, []
    lines = text.split("\n")
    glued = _glued_in_runs(_copies(lines))
    if not glued:
        return text, []
    for k, where, *_ in glued:
        t = lines[k].strip()
        if where == "start":
            m = _AT_START.match(t) or _BARE_AT_START.match(t)
            lines[k] = f"{m.group('mark')}\n{m.group('text')}" if m else lines[k]
        else:
            m = _AT_END.match(t) or _BARE_AT_END.match(t)
            lines[k] = f"{m.group('text')}\n{m.group('mark')}" if m else lines[k]
    return "\n".join(lines), [GLUED_MARKS_NOTE.format(n=len(glued))]
