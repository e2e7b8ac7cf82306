"""Page breaks and page furniture of a text whose pages are joined by line ends (issues 10, 14).

Users of pdfplumber, pypdf, PyMuPDF and pypdfium2 join a PDF's pages with ``"\\n"``, not a form
feed (set XVII, session 55).  A page's furniture then stands between the last cell of one page
and the first of the next, with nothing to mark the page's edge: Calc's right header ``&R市名``
and its footer's ``&P/&N`` were read into the page's last explanation (``…に伴う修正⏎浜松台市``),
and a wrapped label's piece (``提出`` / ``時期``) taken for a row's explanation.
``page_edges`` and ``running_heads`` need form feeds; this module puts them back from the
furniture itself:

* **page numbers**: lines that print a page number of a printed form (``page_edges.page_mark_of``:
  ``3/5``, ``- 3 -``, ``P.3``, ``3ページ``), alone or beside a short footer text, whose values go up
  by one in text order (``N/M`` with one total M), at least ``MIN_RUN`` of them;
* **running heads and footers**: a short line (``page_edges.edge_key``: digits as one) printed at
  least ``MIN_RUN`` times, nowhere else, at least ``MIN_PAGE_LINES`` printed lines apart, none of
  the table's own kinds of line (``could_be_head``), and either opening the text (the first
  page's head: only page numbers and short lines above it) with every later copy next to
  furniture or right above a repeated column-label row, or (a footer's text) at least
  ``FOOTER_MIN_COPIES`` copies each next to a page number, none a wrapped line's rest or a
  sentence's end (``_could_be_footer``: a cell's last line may end two pages' text by chance);
* **bare page numbers** (``3``): counted only where each stands next to a running head or footer
  found so, right above a repeated column-label row, or as the text's last printed line (the last
  page's footer: a 番号 column's ``1``, ``2``, ``3`` stands beside its rows).

Furniture lines next to each other make a cluster; a cluster with table text before and after it
is one page break, and there are never more breaks than the page numbers count pages less one
(an extractor ordering boxes by position may print the last page's number before that page's
last text: the break with less text on its outer side goes).  Its lines are left out (or
blanked: layout text keeps its line numbers) and a form feed put in their place, so that the
readers page the text as the extractor's own form feeds would (``page_start`` / ``page_end``
count from the text's first page).  A text holding any form feed, or where no furniture is
found, is returned as it is.
"""

from __future__ import annotations

import itertools

import regex

from piatable.vocabulary import (
    LABEL_PIECES,
    SECTION_NUMERALS,
    TIMING_WORD,
    is_header_line,
    is_label_piece,
    is_title,
)

from .dates import DATE
from .page_edges import MAX_CHARS, MIN_CHARS, edge_key, page_mark_of

# A run of page numbers, and a repeated head or footer, counts from this many copies (a table of
# two pages prints its furniture twice).
MIN_RUN = 2
# Copies of a head are at least this many printed lines apart: a page holds a title or a label
# row and at least a row's lines (a cell's line repeated within a few lines is the table's own).
MIN_PAGE_LINES = 5
# A column-label row's pieces printed one a line (stream text): at least this many label pieces
# one after another open a repeated label row.
LABEL_RUN = 3
# A repeated line opens the text (the first page's head) when at most this many printed lines
# stand above it, all page numbers or short lines (the head and the page number in either order).
OPENING_LINES = 2
# A repeated line that does not open the text is furniture from this many copies (a cell's last
# line may end two pages' text by chance; see ``_could_be_footer``).
FOOTER_MIN_COPIES = 3
# Furniture beside furniture is found in at most this many rounds (a footer's text over its
# page number, a head over both).
ROUNDS = 3

_SPACES = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")
# A wrapped line's rest (``の取扱いの委託``, ``ーへの移設に伴う修正``) opens with kana or a mark.
_CONTINUATION = regex.compile(r"^[\p{Hiragana}ー゛゜、。）」』]")
_LABEL_WORDS = regex.compile(r"変更日|変更前|変更後|提出時期|変更箇所|説明")
# A row-number column's label and the other labels' pieces (``No``, ``番号``, ``連番``, ``変更内容``).
_LABEL_TEXT = "".join(LABEL_PIECES) + "変更箇所変更内容備考番号項番連番No."
# A wrapped date's piece (``１日``, ``10月1日``) repeated at the pages' edges is table text.
_DATE_PIECE = regex.compile(r"[0-9０-９]+[年月日]")
_FRACTION = regex.compile(r"([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)")
_NUMBER = regex.compile(r"[0-9０-９]+")
_BARE = regex.compile(r"^[0-9０-９]{1,3}$")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

JOINED_NOTE = (
    "{breaks} page breaks read from page furniture (the text holds no form feeds; pages count from"
    " the text's first page): {numbers} page numbers and {lines} page-header / footer lines"
    " ({shown}) were read as page furniture and left out of the rows"
)


FURNITURE_ONLY_NOTE = (
    "{numbers} page numbers and {lines} page-header / footer lines ({shown}) printed between the"
    " pages (the text holds no form feeds) were read as page furniture and left out of the rows;"
    " pages are not counted"
)


def could_be_head(text: str) -> bool:
    """Whether a repeated line may be a page's head or footer: a short line with letters, none
    of the table's own kinds of line (a title, a column label or label row, a date, a timing
    word, a section's heading Ⅰ…Ⅵ).  A line that opens with kana (``みどり町``) may be one: its
    copies must stand beside page numbers or label rows (``joined_furniture``)."""
    t = text.strip()
    key = _SPACES.sub("", t)
    return not (
        not _LETTER.search(key)
        or len(key) > MAX_CHARS
        or len(key) < MIN_CHARS
        or key[0] in SECTION_NUMERALS
        or is_title(t)
        or is_header_line(t)
        or is_label_piece(t)
        or DATE.search(t)
        or TIMING_WORD.search(t)
        or _LABEL_WORDS.search(key)
        or key in _LABEL_TEXT
        or _DATE_PIECE.search(key)
    )


def _could_be_footer(text: str, copies: int, pages: int) -> bool:
    """Whether a repeated line that does not open the text may still be furniture (a footer's
    text, a head that a position-sorting extractor printed beside a label's piece): at least
    ``FOOTER_MIN_COPIES`` copies, one a page but perhaps the first when the page numbers count
    the pages, and no wrapped line's rest (kana or a long-vowel mark first) or a sentence's end
    (``。``, ``、``): a cell's last line ending a page's text twice is the table's own."""
    key = _SPACES.sub("", text)
    return (
        copies >= FOOTER_MIN_COPIES
        and copies >= pages - 1
        and not _CONTINUATION.match(key)
        and not key.endswith(("。", "、"))
    )


def _value(mark: str) -> tuple[int, int | None] | None:
    """(page, total or None) of a page-number mark's text."""
    if m := _FRACTION.search(mark):
        a, b = (int(p.translate(_WIDE_DIGITS)) for p in m.groups())
        return a, b
    m = _NUMBER.search(mark)
    return None if m is None else (int(m.group(0).translate(_WIDE_DIGITS)), None)


def _page_marks(lines: list[str], printed: list[int]) -> tuple[set[int], int]:
    """Indexes of the lines that print a page number counting up (see the module notes), and the
    pages they count (``N/M``: M; ``1`` … ``n``: n; 0 when they tell none)."""
    found: dict[str, list[tuple[int, int, int | None]]] = {}
    for k in printed:
        t = lines[k].strip()
        mark = page_mark_of(t)
        if mark is None:
            continue
        rest = _SPACES.sub("", t.replace(mark, "", 1))
        if rest and not could_be_head(rest):
            continue  # a cell's text beside a number (``第3/4半期``)
        got = _value(mark)
        if got is None or (got[1] is not None and got[0] > got[1]):
            continue
        found.setdefault(_NUMBER.sub("#", _SPACES.sub("", mark)), []).append((k, *got))
    out: set[int] = set()
    pages = 0
    for copies in found.values():
        for run in _runs(copies):
            out.update(k for k, _, _ in run)
            pages = max(pages, _pages_counted(run))
    return out, pages


def _runs(copies: list[tuple[int, int, int | None]]) -> list[list[tuple[int, int, int | None]]]:
    """The stretches of (line, value, total) going up by one with one total, ``MIN_RUN`` long."""
    out: list[list[tuple[int, int, int | None]]] = []
    run: list[tuple[int, int, int | None]] = []
    for copy in copies:
        if run and not (copy[1] == run[-1][1] + 1 and copy[2] == run[-1][2]):
            out.append(run)
            run = []
        run.append(copy)
    out.append(run)
    return [r for r in out if len(r) >= MIN_RUN]


def _pages_counted(run: list[tuple[int, int, int | None]]) -> int:
    """The pages a run of page numbers counts: its total, or its last number when it opens at 1."""
    if run[0][2] is not None:
        return run[0][2]
    return run[-1][1] if run[0][1] == 1 else 0


def _label_starts(lines: list[str], printed: list[int]) -> set[int]:
    """Indexes of the printed lines that open a column-label row: a label line
    (``is_header_line``, or ``LABEL_RUN`` labels on one line however glued: pypdf's
    ``説明提出 時期``) or the first of ``LABEL_RUN`` label pieces one a line, not right under
    another label line."""
    out: set[int] = set()
    prev_label = False
    for r, k in enumerate(printed):
        t = lines[k]
        run = 0
        while r + run < len(printed) and is_label_piece(lines[printed[r + run]]) and run < LABEL_RUN:
            run += 1
        label = is_header_line(t) or run >= LABEL_RUN or len(_LABEL_WORDS.findall(t)) >= LABEL_RUN
        if label and not prev_label:
            out.add(k)
        prev_label = label or is_label_piece(t)
    return out


def _bare_runs(lines: list[str], printed: list[int], anchored: set[int]) -> tuple[set[int], int]:
    """Bare numbers counting up by one, each in ``anchored`` (next to furniture or a label row),
    and the pages they count (as ``_page_marks``)."""
    copies = [
        (k, int(lines[k].strip().translate(_WIDE_DIGITS)), None)
        for k in printed
        if k in anchored and _BARE.match(lines[k].strip())
    ]
    runs = _runs(copies)
    return {k for run in runs for k, _, _ in run}, max((_pages_counted(r) for r in runs), default=0)


def joined_furniture(lines: list[str]) -> tuple[set[int], set[int], list[str], int]:
    """(indexes of furniture lines, those of them that are page numbers, the heads' texts as
    printed, each once, the pages the page numbers count or 0) of a text without form feeds (see
    the module notes)."""
    printed = [k for k, ln in enumerate(lines) if ln.strip()]
    rank = {k: r for r, k in enumerate(printed)}
    labels = _label_starts(lines, printed)
    numbers, pages = _page_marks(lines, printed)
    furniture = set(numbers)
    shown: list[str] = []
    copies: dict[str, list[int]] = {}
    for k in printed:
        if k not in numbers and could_be_head(lines[k]):
            copies.setdefault(edge_key(lines[k]), []).append(k)
    everywhere: dict[str, int] = {}
    for k in printed:
        key = edge_key(lines[k])
        if key in copies:
            everywhere[key] = everywhere.get(key, 0) + 1

    def neighbours(k: int) -> list[int]:
        r = rank[k]
        return [printed[j] for j in (r - 1, r + 1) if 0 <= j < len(printed)]

    def beside(k: int) -> bool:
        return any(n in furniture for n in neighbours(k))

    def above_labels(k: int) -> bool:
        r = rank[k]
        return r + 1 < len(printed) and printed[r + 1] in labels

    def opens_text(k: int) -> bool:
        # The first page's copy stands before the table's first line: only page numbers and
        # other short lines above it (a cell's line never opens the text).
        # Or it stands above the table's first label row beside the page's number, whatever is
        # printed above it (a viewer's warnings, a cover: set XXXI t11's pdf.js text).
        if labels and k < min(labels) and beside(k):
            return True
        return rank[k] <= OPENING_LINES and all(
            j in numbers or could_be_head(lines[j]) for j in printed[: rank[k]]
        )

    for _ in range(ROUNDS):
        grown = False
        for key, at in copies.items():
            if at[0] in furniture or len(at) < MIN_RUN or everywhere[key] != len(at):
                continue
            if any(rank[b] - rank[a] < MIN_PAGE_LINES for a, b in itertools.pairwise(at)):
                continue
            # A head opening the text: every later copy beside furniture or right above a label
            # row.  Any other: every copy beside furniture (a page number), as a footer's text.
            if (opens_text(at[0]) and all(beside(k) or above_labels(k) for k in at[1:])) or (
                all(beside(k) for k in at) and _could_be_footer(lines[at[0]], len(at), pages)
            ):
                furniture.update(at)
                shown.append(" ".join(lines[at[0]].split()))
                grown = True
        anchored = {k for k in printed if any(n in furniture for n in neighbours(k)) or above_labels(k)}
        # The text's last printed line is the last page's foot (its footer's number, nothing under it).
        anchored |= {printed[-1]} if printed else set()
        bare, counted = _bare_runs(lines, printed, anchored)
        if printed and printed[-1] in bare - furniture:
            # The last page's number at the text's end breaks no page: left out of the rows, it
            # bounds the breaks only where the numbers between the pages count none without it
            # (set newline56's kokuho-v6, pdfplumber layout: a third page counted read worse).
            inner, inner_count = _bare_runs(lines, printed, anchored - {printed[-1]})
            counted = inner_count if inner else counted
        bare -= furniture
        if bare:
            pages = max(pages, counted)
            furniture |= bare
            numbers |= bare
            grown = True
        if not grown:
            break
    return furniture, numbers, shown, pages


def mark_joined_pages(text: str, blank: bool = False, feeds: bool = True) -> tuple[str, list[str]]:
    """``text`` with its page furniture left out and a form feed at each page break it marks,
    and the note saying so ([] when the text holds a form feed or no furniture was found).
    ``blank``: furniture lines are left empty instead of removed (layout text).  ``feeds``:
    False leaves the furniture out but puts no form feed in (pdfplumber text: its reader cuts
    each page's lines into columns by the page's own label row, and a page opening under a
    label's wrapped piece read set XVII's t13 58 → 25 cells with form feeds, 64 without)."""
    if "\f" in text:
        return text, []
    lines = text.split("\n")
    furniture, numbers, shown, pages = joined_furniture(lines)
    if not furniture:
        return text, []
    printed = [k for k, ln in enumerate(lines) if ln.strip()]
    content = [k for k in printed if k not in furniture]
    if not content:
        return text, []
    # Clusters of furniture lines one after another (blank lines between them aside); one with
    # table text before and after it is a page break.
    clusters: list[list[int]] = []
    for r, k in enumerate(printed):
        if k in furniture:
            if clusters and r > 0 and printed[r - 1] == clusters[-1][-1]:
                clusters[-1].append(k)
            else:
                clusters.append([k])
    breaks = [c for c in clusters if content[0] < c[0] and c[-1] < content[-1]]
    # No more breaks than the page numbers count pages: an extractor that prints the last page's
    # number before that page's last text (boxes by position) or the first's after the first
    # text makes one break too many; the one with less text on its outer side goes.
    while pages and len(breaks) > pages - 1 and breaks:
        before = sum(1 for k in content if k < breaks[0][0])
        after = sum(1 for k in content if k > breaks[-1][-1])
        breaks.pop(0 if before <= after else -1)
    if not breaks:
        return text, []
    opening = {c[0] for c in breaks} if feeds else set()
    for k in furniture:
        lines[k] = "\f" if k in opening else ""
    if not blank:
        lines = [ln for k, ln in enumerate(lines) if k not in furniture or k in opening]
    note = (JOINED_NOTE if feeds else FURNITURE_ONLY_NOTE).format(
        breaks=len(breaks),
        numbers=len(numbers),
        lines=len(furniture) - len(numbers),
        shown=" / ".join(shown) or "none",
    )
    return "\n".join(lines), [note]
