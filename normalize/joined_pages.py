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
  least ``MIN_RUN`` times, nowhere else, each copy next to a page number (or next to another
  such line next to one) or right above a repeated column-label row, at least
  ``MIN_PAGE_LINES`` printed lines apart, and none of the table's own kinds of line
  (``could_be_head``);
* **bare page numbers** (``3``): counted only where each stands next to a running head or footer
  found so, or right above a repeated column-label row (a 番号 column's ``1``, ``2``, ``3`` stands
  beside its rows).

Furniture lines next to each other make a cluster; a cluster with table text before and after it
is one page break.  Its lines are left out (or blanked: layout text keeps its line numbers) and
a form feed put in their place, so that the readers page the text as the extractor's own form
feeds would (``page_start`` / ``page_end`` count from the text's first page).  A text holding any
form feed, or where no furniture is found, is returned as it is.
"""

from __future__ import annotations

import itertools

import regex

from piatable.vocabulary import (
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
# Furniture beside furniture is found in at most this many rounds (a footer's text over its
# page number, a head over both).
ROUNDS = 3

_SPACES = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")
_LABEL_WORDS = regex.compile(r"変更日|変更前|変更後|提出時期|変更箇所|説明")
_FRACTION = regex.compile(r"([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)")
_NUMBER = regex.compile(r"[0-9０-９]+")
_BARE = regex.compile(r"^[0-9０-９]{1,3}$")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

JOINED_NOTE = (
    "{breaks} page breaks read from page furniture (the text holds no form feeds; pages count from"
    " the text's first page): {numbers} page numbers and {lines} page-header / footer lines"
    " ({shown}) were read as page furniture and left out of the rows"
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
    )


def _value(mark: str) -> tuple[int, int | None] | None:
    """(page, total or None) of a page-number mark's text."""
    if m := _FRACTION.search(mark):
        a, b = (int(p.translate(_WIDE_DIGITS)) for p in m.groups())
        return a, b
    m = _NUMBER.search(mark)
    return None if m is None else (int(m.group(0).translate(_WIDE_DIGITS)), None)


def _page_marks(lines: list[str], printed: list[int]) -> set[int]:
    """Indexes of the lines that print a page number counting up (see the module notes)."""
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
        if got is None:
            continue
        found.setdefault(_NUMBER.sub("#", _SPACES.sub("", mark)), []).append((k, *got))
    out: set[int] = set()
    for copies in found.values():
        run: list[int] = []
        for i, (k, value, total) in enumerate(copies):
            if run and not (value == copies[i - 1][1] + 1 and total == copies[i - 1][2]):
                if len(run) >= MIN_RUN:
                    out.update(run)
                run = []
            if total is None or value <= total:
                run.append(k)
        if len(run) >= MIN_RUN:
            out.update(run)
    return out


def _label_starts(lines: list[str], printed: list[int]) -> set[int]:
    """Indexes of the printed lines that open a column-label row: a label line
    (``is_header_line``) or the first of ``LABEL_RUN`` label pieces one a line, not right under
    another label line."""
    out: set[int] = set()
    prev_label = False
    for r, k in enumerate(printed):
        t = lines[k]
        run = 0
        while r + run < len(printed) and is_label_piece(lines[printed[r + run]]) and run < LABEL_RUN:
            run += 1
        label = is_header_line(t) or run >= LABEL_RUN
        if label and not prev_label:
            out.add(k)
        prev_label = label or is_label_piece(t)
    return out


def _bare_runs(lines: list[str], printed: list[int], anchored: set[int]) -> set[int]:
    """Bare numbers counting up by one, each in ``anchored`` (next to furniture or a label row)."""
    copies = [
        (k, int(lines[k].strip().translate(_WIDE_DIGITS))) for k in printed if _BARE.match(lines[k].strip())
    ]
    copies = [(k, v) for k, v in copies if k in anchored]
    out: set[int] = set()
    run: list[int] = []
    for i, (k, v) in enumerate(copies):
        if run and v != copies[i - 1][1] + 1:
            if len(run) >= MIN_RUN:
                out.update(run)
            run = []
        run.append(k)
    if len(run) >= MIN_RUN:
        out.update(run)
    return out


def joined_furniture(lines: list[str]) -> tuple[set[int], set[int], list[str]]:
    """(indexes of furniture lines, those of them that are page numbers, the heads' texts as
    printed, each once) of a text without form feeds (see the module notes)."""
    printed = [k for k, ln in enumerate(lines) if ln.strip()]
    rank = {k: r for r, k in enumerate(printed)}
    labels = _label_starts(lines, printed)
    numbers = _page_marks(lines, printed)
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

    def above_labels(k: int) -> bool:
        r = rank[k]
        return r + 1 < len(printed) and printed[r + 1] in labels

    for _ in range(ROUNDS):
        grown = False
        for key, at in copies.items():
            if at[0] in furniture or len(at) < MIN_RUN or everywhere[key] != len(at):
                continue
            if any(rank[b] - rank[a] < MIN_PAGE_LINES for a, b in itertools.pairwise(at)):
                continue
            # Every copy beside furniture or right above a label row; the text's first copy may
            # open the text (the first page's head, its page number under it or none).
            if all(
                any(n in furniture for n in neighbours(k)) or above_labels(k) or rank[k] == 0 for k in at
            ) and any(any(n in furniture for n in neighbours(k)) or above_labels(k) for k in at[1:]):
                furniture.update(at)
                shown.append(" ".join(lines[at[0]].split()))
                grown = True
        anchored = {k for k in printed if any(n in furniture for n in neighbours(k)) or above_labels(k)}
        bare = _bare_runs(lines, printed, anchored) - furniture
        if bare:
            furniture |= bare
            numbers |= bare
            grown = True
        if not grown:
            break
    return furniture, numbers, shown


def mark_joined_pages(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` with its page furniture left out and a form feed at each page break it marks,
    and the note saying so ([] when the text holds a form feed or no furniture was found).
    ``blank``: furniture lines are left empty instead of removed (layout text)."""
    if "\f" in text:
        return text, []
    lines = text.split("\n")
    furniture, numbers, shown = joined_furniture(lines)
    if not furniture:
        return text, []
    printed = [k for k, ln in enumerate(lines) if ln.strip()]
    content = [k for k in printed if k not in furniture]
    if not content:
        return text, []
    first, last = content[0], content[-1]
    # Clusters of furniture lines one after another (blank lines between them aside).
    breaks = 0
    cluster: list[int] = []
    for k in [*printed, len(lines)]:
        if k < len(lines) and k in furniture:
            cluster.append(k)
            continue
        if cluster and first < cluster[0] and cluster[-1] < last:
            lines[cluster[0]] = "\f"
            breaks += 1
            for j in cluster[1:]:
                lines[j] = ""
        elif cluster:
            for j in cluster:
                lines[j] = ""
        cluster = []
    if not breaks:
        return text, []
    if not blank:
        lines = [ln for k, ln in enumerate(lines) if k not in furniture or ln == "\f"]
    note = JOINED_NOTE.format(
        breaks=breaks,
        numbers=len(numbers),
        lines=len(furniture) - len(numbers),
        shown=" / ".join(shown) or "none",
    )
    return "\n".join(lines), [note]
