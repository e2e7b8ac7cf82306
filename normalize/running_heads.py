"""A page header printed at the top of every page (a running head), read as page furniture.

LibreOffice prints a sheet's page header (openpyxl ``oddHeader``, often the 評価書名:
``住民基本台帳に関する事務 全項目評価書``) above the table on each page.  The extractors put it where
it stands on the page:

* ``pdftotext -raw`` and pypdfium2: the first line of each page, right after the form feed, then
  the footer's page number (``2/3``), the repeated label row and the page's one-line cells (set XII
  c2).  Left in, it reads as the page's first one-line cells: a row of its own (``住民基本台帳に関する
  事務`` as a before, ``全項目評価書`` as an after) that shifts every date and timing of the page by a
  row (issue 10/12, FAULTS.md kind 1).
* ``pdftotext -layout -nopgbrk``: a line above each repeated label row, after the page before's
  page-number line, with no form feed (kind 6): ``page_marks.mark_page_breaks`` opens the page at
  it (``head_line_indexes``), so that it is not appended to the last row of the page before;
  then, as in ``-layout`` text with form feeds, the head's lines are blanked (noted).

A running head is told by where it stands, never by its words: the same line (spaces aside) at the
top of at least ``HEAD_PAGE_SHARE`` of the pages (at least ``HEAD_MIN_PAGES``), page-number lines
above it skipped.  A line that could be table text is never one: a date, a timing, a column label,
the title, a section's heading (Ⅰ…Ⅵ), or a short piece (a row-number column's label ``No``).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import (
    BARE_NUMBER,
    SECTION_NUMERALS,
    TIMING_WORD,
    is_header_line,
    is_label_piece,
    is_page_number,
    is_title,
)

from .dates import DATE

# A running head holds at least this many characters (spaces aside): shorter first lines are a
# row-number column's label (``No``, ``番号``, ``項番``) or a wrapped label's piece.
HEAD_MIN_CHARS = 6
# ... and stands at the top of at least this share of the text's pages, and of this many pages
# (a whole assessment's pages share a first line by chance on a few of 30, never on half).
HEAD_PAGE_SHARE = 0.5
HEAD_MIN_PAGES = 2
# A header of two lines (a 評価書名 over a 公表日, or the left and right parts on lines of their
# own) repeats both: at most this many lines at a page's top are taken, one after the other.
HEAD_MAX_LINES = 2
# Only texts in content-stream order (-raw, pypdfium2: under 3% of their lines blank in the office
# samples) and -layout text are read so: texts of readers that box text by position (plain
# pdftotext, pdfminer: 10-38% blank) pair their boxes column by column, and a head box left out
# moved set X's plain pairings both ways (C1 a right row wrong, warned; C2/W5 better): left as
# they were (another branch's area).
HEAD_MAX_BLANK_SHARE = 0.05
# Text without form feeds: a running head stands at most this many printed lines above a
# repeated column-label row (a wrapped label's piece, ``提出時``, between).
HEAD_ABOVE_LABELS = 4

# Words of the column labels: a line holding one is a label row (wrapped or not), never a head
# (not 項目, which the head ``全項目評価書`` holds).
_LABEL_WORDS = regex.compile(r"変更日|変更前|変更後|提出時期")
_SPACES = regex.compile(r"\s+")

# The note for the lines read as running heads.
HEADS_NOTE = (
    "{n} page-header lines printed at the top of each page ({head!r}) were read as page furniture"
    " and left out of the rows"
)


def head_key(text: str) -> str:
    """A line's text without any spaces (half or full width): how a head's copies are compared."""
    return _SPACES.sub("", text)


def could_be_head(text: str) -> bool:
    """Whether a line may be a running head: none of the table's own kinds of line (see the
    module notes)."""
    t = text.strip()
    key = head_key(t)
    return not (
        len(key) < HEAD_MIN_CHARS
        or key[0] in SECTION_NUMERALS
        or is_title(t)
        or is_header_line(t)
        or is_label_piece(t)
        or is_page_number(t)
        or BARE_NUMBER.match(t)
        or DATE.search(t)
        or TIMING_WORD.search(t)
        or _LABEL_WORDS.search(key)
    )


def _page_top(lines: list[str]) -> int | None:
    """Index of a page's first printed line that is no page number (``2/3`` printed before the
    head by some extractors), or None for a page without one."""
    for k, line in enumerate(lines):
        t = line.strip()
        if not t or is_page_number(t) or BARE_NUMBER.match(t):
            continue
        return k
    return None


def _common_head(keys: list[str | None], pages: int) -> str | None:
    """The key that opens enough pages to be a running head (see ``HEAD_PAGE_SHARE``), or None."""
    counts: dict[str, int] = {}
    for key in keys:
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    if best is None or best[1] < max(HEAD_MIN_PAGES, HEAD_PAGE_SHARE * pages):
        return None
    return best[0]


def strip_running_heads(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` (pages split by form feeds; one printed line per line) without the running head
    opening its pages, and the note saying what was left out ([] when none).  ``blank``: the
    head's line is left empty instead of removed (``-layout`` text, whose line numbers are the
    page's geometry; its grid drops what stands above a page's label row, but a page printing
    no label row would read the head as a row's text).  A text without form feeds, or of one
    page, or stream text with more than ``HEAD_MAX_BLANK_SHARE`` of its lines blank (boxed text),
    is returned as it is."""
    if "\f" not in text:
        return text, []
    pages = [page.split("\n") for page in text.split("\f")]
    lines = sum(len(page) for page in pages)
    if not blank and sum(1 for page in pages for ln in page if not ln.strip()) > HEAD_MAX_BLANK_SHARE * lines:
        return text, []
    printed = [k for k, page in enumerate(pages) if any(line.strip() for line in page)]
    if len(printed) < HEAD_MIN_PAGES:
        return text, []
    shown: list[str] = []
    removed = 0

    def keys_at(k: int, top: int | None) -> str | None:
        return None if top is None else head_key(pages[k][top])

    for _ in range(HEAD_MAX_LINES):
        tops = {k: _page_top(pages[k]) for k in printed}
        keys = [
            head_key(pages[k][top]) if top is not None and could_be_head(pages[k][top]) else None
            for k, top in tops.items()
        ]
        head = _common_head(keys, len(printed))
        if head is None:
            break
        shown.append(next(" ".join(pages[k][t].split()) for k, t in tops.items() if keys_at(k, t) == head))
        for k, top in tops.items():
            if keys_at(k, top) == head:
                if blank:
                    pages[k][top] = ""
                else:
                    del pages[k][top]
                removed += 1
    if not removed:
        return text, []
    note = HEADS_NOTE.format(n=removed, head=" / ".join(shown))
    return "\f".join("\n".join(page) for page in pages), [note]


def head_line_indexes(lines: list[str], label_starts: list[int]) -> set[int]:
    """Text without form feeds (``pdftotext -layout -nopgbrk``): indexes of the lines that print a
    running head.  A candidate (``could_be_head``) counts when each of its copies stands at a
    page's top (the text's first printed line, a page-number line's next printed line, or at most
    ``HEAD_ABOVE_LABELS`` printed lines above a column-label row start ``label_starts``) and the
    copies open at least ``HEAD_MIN_PAGES`` pages and ``HEAD_PAGE_SHARE`` of them."""
    printed = [k for k, line in enumerate(lines) if line.strip()]
    if not printed:
        return set()
    rank = {k: r for r, k in enumerate(printed)}
    tops: set[int] = {printed[0]}
    for r, k in enumerate(printed[:-1]):
        if is_page_number(lines[k]) or BARE_NUMBER.match(lines[k]):
            tops.add(printed[r + 1])
    for k in label_starts:
        r = rank.get(k)
        if r is not None:
            tops.update(printed[max(0, r - HEAD_ABOVE_LABELS) : r])
    copies: dict[str, list[int]] = {}
    for k in printed:
        if could_be_head(lines[k]):
            copies.setdefault(head_key(lines[k]), []).append(k)
    pages = 1 + len(label_starts[1:]) if label_starts else 1
    out: set[int] = set()
    for at in copies.values():
        if len(at) >= max(HEAD_MIN_PAGES, HEAD_PAGE_SHARE * pages) and all(k in tops for k in at):
            out.update(at)
    return out
