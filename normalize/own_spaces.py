"""The text's own spaces in a spaced-out line, told from the spacing's (issue 10, spaced49;
``hygiene.despace_text`` calls these).

How document-sharing sites space copied text (tools/make_spaced49_samples.py, set IX's spaced
texts): a space goes between every two *wide* characters (East Asian width W or F), and the
full-width space U+3000 is one of them, so a cell's own full-width space comes out between two
spacing spaces (``健康福祉部　保険年金課`` → ``健 康 福 祉 部 　 保 険 年 金 課``).  Joining the
Japanese characters leaves ``健康福祉部 　 保険年金課``, a run of three spaces that the readers
take for a column gap (the cell is split and rows drift).  The single spaces either side of the
full-width space are the spacing's: they go, the full-width space stays as the cell's text.

A date is a cell of its own only when whole: the spacing also parts a wrapped or full-width
date's last character (``令 和 ５ 年 ４ 月 １ 日``), and a space kept after ``令和５年４月１``
(a date without its 日, which the date pattern takes too) split ``日`` off it.
"""

from __future__ import annotations

import regex

from piatable.vocabulary import is_header_line

from .chars import NO_LINE_END, NO_LINE_START

# A run of full-width spaces with one spacing space on either side (a side of two spaces or
# more is a gap of the text's own and stays).
# Words a date goes on with in a sentence (令和５年度, ４月１日以降, 令和５年４月１日時点).
_DATE_SUFFIXES = "度|以[降前内後]|時点|現在|中|付|末|頃|分|迄|施行|から|まで"
_DATE_SUFFIX_OPENING = regex.compile(f"(?:{_DATE_SUFFIXES})")
_IDEOGRAPHIC_SPACED = regex.compile("(?:(?<=[^ ]) )?(\u3000+)(?: (?=[^ ]))?")


def own_ideographic_spaces(line: str) -> str:
    """``line`` (a line of a spaced-out text, its Japanese characters joined) with the spacing's
    single space taken from either side of each run of full-width spaces:
    ``健康福祉部 　 保険年金課`` → ``健康福祉部　保険年金課``.  Not for a text spaced *with*
    full-width spaces (``spacing_evidence.spaced_with_ideographic``: despace_text reads those as
    spaces first)."""
    if "\u3000" not in line:
        return line
    return _IDEOGRAPHIC_SPACED.sub(r"\1", line)


def date_goes_on(before: str, after: str, date_end: regex.Pattern[str]) -> bool:
    """True when the date ``before`` ends with (``date_end``) goes on into ``after``'s first
    character, a 年 / 月 / 日 (``令和５年４月１`` + ``日…``): the space between them is the
    spacing's, not a cell's edge; so does a word a date goes on with (``平成31年4月1日`` +
    ``時点…``, ``度``, ``以降``: ``_DATE_SUFFIXES``), unless the line is one of columns (a gap of
    ``LAYOUT_GAP`` spaces: ``-layout`` text, whose offsets the space keeps).  (A digit after a
    date is as often the next cell's: an item's number ``１．``, a wrapped date's next piece.)"""
    head = after[:8].replace(" ", "")  # ``after`` may be spaced out still (``時 点 令 和``)
    if _DATE_SUFFIX_OPENING.match(head) and not _LAYOUT_GAP.search(before + " " + after):
        return True
    return bool(head) and head[0] in "年月日" and bool(date_end.search(before + head[0]))


# ``-layout`` text: a column start of a line is a position where text opens after two spaces
# or an indent on at least this many of the lines this near it (either side).
COLUMN_START_MIN_LINES = 2
COLUMN_WINDOW = 6
# A column's text put back at its start holds at least this many characters before a space.
COLUMN_TEXT_MIN_CHARS = 2
# ... and the run it is cut from keeps at least this many before it (``Ⅱ特|定個人…`` is no
# column of two characters; ``令和|４年`` pieces are three or more).
COLUMN_LEFT_MIN_CHARS = 3
# Characters no column's text opens with: those no line opens with, a bullet aside.
_NO_COLUMN_OPENING = frozenset(NO_LINE_START - {"・"})
# A piece of a date as a narrow 変更日 column wraps it (``令和元``, ``年10月``, ``1日``, ``2022/4/``).
_DATE_PIECE = regex.compile(r"[令和平成昭元0-9０-９年月日./／\-－]+")
# The text is ``-layout`` text (column offsets to keep) when at least this share of its
# non-blank lines have a gap of ``LAYOUT_GAP`` spaces or more between two characters.
LAYOUT_MIN_LINE_SHARE = 0.3
LAYOUT_GAP = 3
_LAYOUT_GAP = regex.compile(rf"(?<=\S) {{{LAYOUT_GAP},}}(?=\S)")
# Text opening after a line's leading spaces: its offset is as printed (despacing took out no
# space before it, so none of the text's own either).
_COLUMN_OPENING = regex.compile(r"(?<=^ +)\S")
# Text opening after two spaces or more (a column's, as far as the line's own spaces tell).
_GAP_OPENING = regex.compile(r"(?<=\S  +)\S")


def removed_spaces(spaced: str, despaced: str) -> list[int]:
    """Where (positions in ``despaced``) despacing took a space out of ``spaced``: the one may
    differ from the other only by spaces taken out or put in."""
    out: list[int] = []
    i = j = 0
    while i < len(spaced):
        if j < len(despaced) and spaced[i] == despaced[j]:
            i += 1
            j += 1
        elif spaced[i] == " ":
            out.append(j)
            i += 1
        elif j < len(despaced) and despaced[j] == " ":
            j += 1
        else:  # not of that kind (a character changed): no positions
            return []
    return out


def _openings(line: str) -> set[int]:
    return {m.start() for m in _COLUMN_OPENING.finditer(line)} if "\f" not in line else set()


def _opens_column(line: str, q: int, starts: dict[int, int]) -> bool:
    """True when a space put before ``line[q]`` would open a column's text at a column start:
    ``line[q:]`` holds ``COLUMN_TEXT_MIN_CHARS`` characters or more (a last character of a cell
    before a gap is no cell of its own) and the run it is cut from ``COLUMN_LEFT_MIN_CHARS``
    before it, glued together; not with a
    character that opens no line (``）``, ``、``; a bullet ・ does) nor after one that ends no
    line (``（``); and not inside a run that opens with a date piece unless the piece ends
    there (``1日ス|ク対策``: the date's column ended before ``ス``, a character early;
    ``令和2年7月|1１．``: the date goes on)."""
    run = line[q:].split(" ", 1)[0]
    if not (
        q + 1 in starts
        and 0 < q
        and line[q - 1] != " "
        and len(run) >= COLUMN_TEXT_MIN_CHARS
        and line[q] not in _NO_COLUMN_OPENING
        and line[q - 1] not in NO_LINE_END
    ):
        return False
    left = line[:q].rsplit(" ", 1)[-1]
    if len(left) < COLUMN_LEFT_MIN_CHARS:
        return False
    head = _DATE_PIECE.match(left + run)
    return head is None or head.end() == len(left)


def is_layout_text(lines: list[str]) -> bool:
    """True when the lines hold column gaps (``LAYOUT_GAP`` spaces) on ``LAYOUT_MIN_LINE_SHARE``
    of the non-blank ones: ``pdftotext -layout`` text, whose column offsets the readers use."""
    nonblank = [ln for ln in lines if ln.strip()]
    return bool(nonblank) and sum(1 for ln in nonblank if _LAYOUT_GAP.search(ln)) >= (
        LAYOUT_MIN_LINE_SHARE * len(nonblank)
    )


def column_spaces(spaced: list[str], despaced: list[str]) -> list[str]:
    """The despaced lines of a spaced-out ``-layout`` text (``despaced[k]`` from ``spaced[k]``)
    with the single spaces the text's columns stood apart by put back.

    pdftotext ``-layout`` sets a narrow column's text one space before the next column's
    (``令和４年 用停止請求``: a wrapped date, then the item); the spacing put a space between
    every two wide characters, so that space looks like the spacing's and went with it: the
    date glued to the item and every column after it a character to the left.  A space taken
    out where the line's text then opens at a column start is put back there, which also
    brings the line's later columns back to their offsets: it is put back only when it does
    (more of the line's later columns then open where the lines near it open one; a line with
    no later column keeps its glued text, as before).  A column start is a position where
    text opens after two spaces or a line's indent on ``COLUMN_START_MIN_LINES`` of the
    ``COLUMN_WINDOW`` lines either side (pdftotext sets the offsets anew by page and region of
    a page).  Only in lines of columns (an indent or a gap of ``LAYOUT_GAP`` spaces: not a
    title), not in a column-label row nor a line with a form feed."""
    openings = [_openings(d) for d in despaced]
    gap_openings = [
        {m.start() for m in _GAP_OPENING.finditer(d)} if "\f" not in d else set() for d in despaced
    ]

    def gap_counts(k: int) -> dict[int, int]:
        counts: dict[int, int] = {}
        for j in range(max(0, k - COLUMN_WINDOW), min(len(despaced), k + COLUMN_WINDOW + 1)):
            if j != k:
                for q in gap_openings[j] | openings[j]:
                    counts[q] = counts.get(q, 0) + 1
        return counts

    out = list(despaced)
    for k, (s, d) in enumerate(zip(spaced, despaced, strict=True)):
        if "\f" in d or s == d or is_header_line(d) or not (d.startswith(" ") or _LAYOUT_GAP.search(d)):
            continue
        counts: dict[int, int] = {}
        for j in range(max(0, k - COLUMN_WINDOW), min(len(despaced), k + COLUMN_WINDOW + 1)):
            if j != k:
                for q in openings[j]:
                    counts[q] = counts.get(q, 0) + 1
        starts = {q: n for q, n in counts.items() if n >= COLUMN_START_MIN_LINES}
        near = {q for q, n in gap_counts(k).items() if n >= COLUMN_START_MIN_LINES}
        line = d
        shift = 0
        removed = removed_spaces(s, d)
        for i, p in enumerate(removed):
            q = p + shift
            if not _opens_column(line, q, starts):
                continue
            # of two places side by side, the one more lines open at (``利|○`` beside ``・|利``)
            nxt = removed[i + 1] + shift if i + 1 < len(removed) else -1
            if nxt == q + 1 and _opens_column(line, nxt, starts) and starts[nxt + 1] > starts[q + 1]:
                continue
            moved = line[:q] + " " + line[q:]
            if _later_columns_met(moved, q + 1, near) <= _later_columns_met(line, q, near):
                continue
            line = moved
            shift += 1
        out[k] = line
    return out


def _later_columns_met(line: str, q: int, near: set[int]) -> int:
    """How many of ``line``'s columns opening after ``q`` (after two spaces or more) open where
    the lines near it open one (``near``)."""
    return sum(1 for m in _GAP_OPENING.finditer(line, q + 1) if m.start() in near)


# A piece of a date that a narrow 変更日 column wrapped, opening a line (its own cell): the era
# and year (``令和４年``, ``平成３０``, ``令和元``), month and day (``４月１日``, ``３月３１``,
# ``１０月１``), or the year's 年 carried over (``年７月１``).  Digits are taken whole (possessive),
# so ``３月３１３．特定…`` parts as ``３月３１`` | ``３．特定…``.
_D = "[0-9０-９]{1,2}+"
_WRAPPED_DATE_PIECE = regex.compile(
    rf"^(\s*(?:(?:令和|平成|昭和)(?:元|{_D})(?:年(?:{_D}(?:月(?:{_D}日?)?)?)?)?"
    rf"|{_D}月{_D}日?|年{_D}月(?:{_D}日?)?))"
    # what follows opens another cell: an item's number (``３．``) or a character that goes on
    # no date and opens no sentence's continuation (no particle, punctuation or bracket close)
    rf"(?=[0-9０-９]{{1,2}}[．.]|(?!{_DATE_SUFFIXES})[^0-9０-９年月日\sぁ-ゖ、。，,．.)）」』])"
)


def date_piece_spaces(line: str) -> str:
    """``line`` (a despaced line of a text whose own single spaces were lost) with the space
    back after a wrapped date's piece opening it (``令和４年用停止請求`` → ``令和４年 用停止請求``,
    ``年７月１委託事項１`` → ``年７月１ 委託事項１``): plain and ``-layout`` pdftotext set the
    8-character date of a narrow 変更日 column over two or three lines, each beside a line of the
    item, one space apart, and the spacing made that space look like its own.  A line that goes
    on from the piece as a sentence (``４月１日から``, ``令和５年度の``) is left."""
    return _WRAPPED_DATE_PIECE.sub(r"\1 ", line, count=1)


# A row's timing glued between its after cell and its explanation, the explanation running to
# the line's end (``…確認している。事後記載内容の充実``): the rest holds at most this many
# characters and no sentence's end.
TIMING_REST_MAX_CHARS = 40
_GLUED_TIMING = regex.compile(
    rf"(?<=\S)(事[前後])(?=[^\sぁ-ゖ、。，,．.)）][^\s。]{{0,{TIMING_REST_MAX_CHARS - 1}}}$)"
)


def timing_spaces(line: str) -> str:
    """``line`` (a despaced line of a text whose own single spaces were lost) with spaces back
    around a 事前 / 事後 glued between two cells: pypdfium2 and ``pdftotext -raw`` print a row's
    one-line after cell, timing and explanation side by side, one space apart, and the spacing
    made those spaces look like its own (``…確認している。事後記載内容の充実`` →
    ``…確認している。 事後 記載内容の充実``).  Only before a short last run with no sentence's
    end (an explanation), not before a particle (``事前に``)."""
    return _GLUED_TIMING.sub(r" \1 ", line, count=1)
