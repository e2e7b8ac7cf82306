"""Page furniture at the edges of a flattened text's pages: page numbers, page headers, footers.

Every extractor that marks its pages with form feeds (pdftotext in its three modes, pdfminer,
pypdfium2, pdfplumber, pypdf, PyMuPDF in its orders) prints a page's header above the page's
first table line and its footer below the last one, or both at the page's top (content-stream
order: a Calc sheet's header and footer are drawn before its cells).  Left in, they are read
as table text: a footer's page number (``3``, ``- 3 -``, ``3/5``, ``P.3``) joins the last cell of
the page (``…意見を募集した。3``), a sheet's right header (``（別添２）``) the last row's
explanation or the next page's first 項目 (issue 10/12, session 55).

A line is furniture only where the page's shape shows it to be so, never by its words alone:

* it is one of the ``EDGE_LINES`` outermost printed lines of its page (top or foot), and
* it is a page number of a printed form (``vocabulary.PAGE_NUMBER``), or a bare number
  (``3``) whose value less the page's index is the same on at least ``MIN_PAGES`` pages (the
  numbers count up with the pages: a row-number column's numbers do not), or
* it is the same line (spaces aside, digits read as one) at the edge of at least ``MIN_PAGES``
  pages and ``PAGE_SHARE`` of them, printed nowhere else in the text, standing alone (or over a
  page number: ``_lone_lines``), and none of the table's own kinds of line (a title, a column
  label row or piece, a date, a timing word, a section's heading Ⅰ…Ⅵ, a numbered heading of the
  form (``① 実施日``: a 項目 cell's last line), a wrapped line's rest).

Texts without form feeds, and texts of one printed page, are returned as they are (no
geometry to go by: ``page_marks`` and ``running_heads`` read those).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import (
    BARE_NUMBER,
    LABEL_PIECES,
    SECTION_NUMERALS,
    TIMING_WORD,
    heading_key,
    is_header_line,
    is_label_piece,
    is_page_number,
    is_title,
    lexicon,
)

from .dates import DATE

# The outermost printed lines of a page looked at, at its top and at its foot: a header and a
# page number (``（別添２）`` then ``1/3``: pypdfium2, pdftotext -raw, PyMuPDF, pypdf of a Calc
# sheet), or a footer's text over its page number (Writer).
EDGE_LINES = 2
# A line repeated at the pages' edges is furniture when it stands there on at least this many
# pages and this share of the printed pages (a table line opens a page by chance on few).
MIN_PAGES = 2
PAGE_SHARE = 0.5
# Furniture found at the edges uncovers the lines under it: the edges are looked at this many
# times at most (a header, a footer's text, a page number: set XVI's stacked footers).
PEEL_ROUNDS = 3
# A page number printed beside a footer's text is at most this many words (``- 3 -``).
MARK_WORDS = 3
# At most this many characters (spaces aside): a page header or footer is one short line; at
# least this many (a label printed one character a line, ``出`` / ``時``, repeats too).
MAX_CHARS = 40
MIN_CHARS = 2

_SPACES = regex.compile(r"\s+")
_DIGITS = regex.compile(r"[0-9０-９]+")
_PIECE_GAP = regex.compile(r"\s{2,}|\u3000+")
_FRACTION = regex.compile(r"([0-9０-９]+)[/／]([0-9０-９]+)")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_LETTER = regex.compile(r"\p{L}")
# The numbers a heading of the form opens with: ① … ⑳, ３．, (1) / （１）.
_NUMBERING = regex.compile(r"[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)]")
_LABEL_WORDS = regex.compile(r"変更日|変更前|変更後|提出時期|変更箇所")
# The column labels' text, run together: a line that is a piece of it (``変更``, ``備考``) is a
# label row's piece, never furniture.
EXTRA_LABEL_TEXT = "備考番号項番No."  # the labels of columns beyond the six
_LABEL_TEXT = "".join(LABEL_PIECES) + "変更箇所変更内容" + EXTRA_LABEL_TEXT
# A wrapped line's continuation (``の取扱いの委託``, ``ーへの移設に伴う修正``) opens with kana
# or a long-vowel mark; a header opens with a bracket, a kanji, a digit or a letter.
_CONTINUATION = regex.compile(r"^[\p{Hiragana}ー゛゜、。）」』]")

EDGES_NOTE = (
    "{numbers} page numbers and {lines} page-header / footer lines ({shown}) printed at the edges"
    " of the pages were read as page furniture and left out of the rows"
)


def edge_key(text: str) -> str:
    """A line's text without spaces and with each run of digits read as ``#``: how copies of a
    header or footer on several pages are compared (``1/3`` and ``2/3`` are one)."""
    return _DIGITS.sub("#", _SPACES.sub("", text))


def is_numbered_heading(text: str) -> bool:
    """A heading of the form under its number (``① 実施日``, ``３．第三者点検``): the last line of
    a 項目 cell.  Set XVIII's G (Word, 提出時期 printed vertically): both pages end with a row whose
    item ends in ``① 実施日``, a line at the foot of every page printed nowhere else, which was
    read as a footer and left out of the rows."""
    key = _SPACES.sub("", text)
    bare = heading_key(key)
    return bare != key and _NUMBERING.match(key) is not None and bare in lexicon()


def could_be_furniture(text: str) -> bool:
    """Whether a repeated line may be furniture: none of the table's own kinds of line."""
    t = text.strip()
    key = _SPACES.sub("", t)
    return not (
        not _LETTER.search(key)  # a date's piece (``/1``), a number: no header
        or len(key) > MAX_CHARS
        or len(key) < MIN_CHARS
        or _CONTINUATION.match(key)
        or key[0] in SECTION_NUMERALS
        or is_title(t)
        or is_header_line(t)
        or is_label_piece(t)
        or DATE.search(t)
        or TIMING_WORD.search(t)
        or _LABEL_WORDS.search(key)
        or key in _LABEL_TEXT
        or is_numbered_heading(key)
    )


def _edges(lines: list[str], taken: set[int]) -> list[int]:
    """Indexes of a page's ``EDGE_LINES`` first and last printed lines (each once), the lines
    already ``taken`` as furniture passed over (a header over a footer over a page number)."""
    printed = [k for k, ln in enumerate(lines) if ln.strip() and k not in taken]
    return sorted({*printed[:EDGE_LINES], *printed[-EDGE_LINES:]})


def is_page_mark(text: str) -> bool:
    """A page number of a printed form (``vocabulary.PAGE_NUMBER``) that is no piece of a date:
    ``N/M`` counts pages when neither number opens with a zero and N ≤ M (``01/11``, ``4/01``
    and ``2019/10`` are a wrapped date's pieces)."""
    if not is_page_number(text):
        return False
    parts = _FRACTION.fullmatch(_SPACES.sub("", text).strip("-－―—–"))
    if parts is None:
        return True
    a, b = (p.translate(_WIDE_DIGITS) for p in parts.groups())
    return not (a.startswith("0") or b.startswith("0")) and int(a) <= int(b)


def page_mark_of(line: str) -> str | None:
    """The page number a line prints (``is_page_mark``): the whole line, one of its pieces set
    apart by a run of spaces (layout text's footer ``評価書名      P.1`` on one line), or its first
    or last ``MARK_WORDS`` words."""
    t = line.strip()
    if is_page_mark(t):
        return t
    pieces = _PIECE_GAP.split(t)
    if len(pieces) > 1 and (mark := next((p for p in pieces if is_page_mark(p)), None)):
        return mark
    # A footer's text and its number a space apart (``評価書名 P.1``: stream text), at either end.
    words = t.split()
    for n in range(1, min(MARK_WORDS, len(words) - 1) + 1):
        for part in (" ".join(words[-n:]), " ".join(words[:n])):
            if is_page_mark(part):
                return part
    return None


def _number(text: str) -> int | None:
    t = text.strip()
    if not BARE_NUMBER.match(t):
        return None
    return int(t.translate(_WIDE_DIGITS))


def furniture_lines(pages: list[list[str]]) -> tuple[dict[int, set[int]], int, list[str]]:
    """Page index → indexes of its furniture lines, the count of page numbers among them, and
    the repeated lines' texts (each once, as printed).  The edges are looked at again once
    furniture is found there, at most ``PEEL_ROUNDS`` times (the lines under it are then the
    page's edge)."""
    printed = [k for k, lines in enumerate(pages) if any(ln.strip() for ln in lines)]
    out: dict[int, set[int]] = {k: set() for k in printed}
    numbers = 0
    shown: list[str] = []
    if len(printed) < MIN_PAGES:
        return {}, 0, []
    for _ in range(PEEL_ROUNDS):
        found, n, texts = _edge_furniture(pages, printed, out)
        if not found:
            break
        numbers += n
        shown += [t for t in texts if t not in shown]
        for k, i in found:
            out[k].add(i)
    return {k: at for k, at in out.items() if at}, numbers, shown


def _edge_furniture(
    pages: list[list[str]], printed: list[int], taken: dict[int, set[int]]
) -> tuple[list[tuple[int, int]], int, list[str]]:
    """One look at the pages' edges: the (page, line) pairs of furniture found there, how many
    of them are page numbers, and the repeated lines' texts."""
    edges = {k: _edges(pages[k], taken[k]) for k in printed}
    out: set[tuple[int, int]] = set()
    # Bare numbers counting up with the pages: the most common offset (value - page index).
    offsets: dict[int, list[tuple[int, int]]] = {}
    for k, at in edges.items():
        for i in at:
            n = _number(pages[k][i])
            if n is not None:
                offsets.setdefault(n - k, []).append((k, i))
    # Every bare number at the edges agrees (a row-number column's 1, 2, then 4 does not).
    least = max(MIN_PAGES, PAGE_SHARE * len(printed))
    best = next(iter(offsets.values())) if len(offsets) == 1 else []
    if len({k for k, _ in best}) >= least:
        out.update(best)
    # ``N/M`` marks count the pages of one total (a wrapped date's ``3/31`` twice does not).
    marks = {(k, i): mark for k, at in edges.items() for i in at if (mark := page_mark_of(pages[k][i]))}
    fractions: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for (k, i), mark in marks.items():
        if parts := _FRACTION.search(_SPACES.sub("", mark)):
            a, b = (int(p.translate(_WIDE_DIGITS)) for p in parts.groups())
            fractions.setdefault((a - k, str(b)), []).append((k, i))
    counted = [at for at in fractions.values() if len({k for k, _ in at}) == len(at) >= MIN_PAGES]
    out.update(at for at, mark in marks.items() if not _FRACTION.search(_SPACES.sub("", mark)))
    out.update(at for group in counted for at in group)
    numbers = len(out)
    copies: dict[str, list[tuple[int, int]]] = {}
    for k, at in edges.items():
        for i in at:
            if (k, i) not in out and pages[k][i].strip():
                copies.setdefault(edge_key(pages[k][i]), []).append((k, i))
    everywhere: dict[str, int] = {}
    for k in printed:
        for i, ln in enumerate(pages[k]):
            if i not in taken[k] and ln.strip() and (key := edge_key(ln)) in copies:
                everywhere[key] = everywhere.get(key, 0) + 1
    # Every copy at an edge: a cell's line repeated by the table (a common explanation) is also
    # printed inside the pages.
    least = max(MIN_PAGES, PAGE_SHARE * len(printed))
    repeated = {
        key: found
        for key, found in copies.items()
        if len({k for k, _ in found}) >= least and everywhere[key] == len(found)
    }
    lone = _lone_lines(pages, {at for found in repeated.values() for at in found})
    beside = _beside_furniture(pages, {k: taken[k] | {i for m, i in out if m == k} for k in printed})
    shown: list[str] = []
    for found in repeated.values():
        if all(at in lone and at in beside for at in found) and could_be_furniture(
            pages[found[0][0]][found[0][1]]
        ):
            shown.append(" ".join(pages[found[0][0]][found[0][1]].split()))
            out.update(found)
    return sorted(out), numbers, shown


def _lone_lines(pages: list[list[str]], candidates: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The candidates that stand alone: a header or footer is one line, or lines over a page
    number (pdfminer's box of header, footer and ``P.1``).  Lines repeated one after the other
    with no page number beside them are a cell's wrapped text that the table prints on every
    page (a merged explanation over page breaks, a label row's pieces), never furniture."""
    out: set[tuple[int, int]] = set()
    for k in {k for k, _ in candidates}:
        printed = [i for i, ln in enumerate(pages[k]) if ln.strip()]
        rank = {i: r for r, i in enumerate(printed)}
        run: list[int] = []
        for i in [*printed, -1]:
            if i >= 0 and (k, i) in candidates:
                run.append(i)
                continue
            if run:
                ends = (rank[run[0]] - 1, rank[run[-1]] + 1)
                beside = [printed[e] for e in ends if 0 <= e < len(printed)]
                if len(run) == 1 or any(_is_number_line(pages[k][b]) for b in beside):
                    out.update((k, j) for j in run)
                run = []
    return out


def _beside_furniture(pages: list[list[str]], furniture: dict[int, set[int]]) -> set[tuple[int, int]]:
    """(page, line) of the lines where a header or footer may stand: a page's first printed line
    (the header above the table), and the lines next to its furniture (a page number; a header
    over a footer over ``P.1`` in pdfminer's box).  A table's own line repeated at the foot of
    its pages (a short explanation, one row a page) stands beside none."""
    out: set[tuple[int, int]] = set()
    for k, taken in furniture.items():
        printed = [i for i, ln in enumerate(pages[k]) if ln.strip()]
        if printed:
            out.add((k, printed[0]))
        for r, i in enumerate(printed):
            if (r > 0 and printed[r - 1] in taken) or (r + 1 < len(printed) and printed[r + 1] in taken):
                out.add((k, i))
    return out


def _is_number_line(text: str) -> bool:
    return page_mark_of(text) is not None or BARE_NUMBER.match(text.strip()) is not None


def strip_page_edges(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` (pages split by form feeds) without the furniture at its pages' edges, and the
    note counting what was left out ([] when nothing was).  ``blank``: the lines are left empty
    instead of removed (layout text, whose line numbers are the page's geometry)."""
    if "\f" not in text:
        return text, []
    pages = [page.split("\n") for page in text.split("\f")]
    found, numbers, shown = furniture_lines(pages)
    if not found:
        return text, []
    for k, at in found.items():
        if blank:
            for i in at:
                pages[k][i] = ""
        else:
            pages[k] = [ln for i, ln in enumerate(pages[k]) if i not in at]
    lines = sum(len(at) for at in found.values()) - numbers
    note = EDGES_NOTE.format(numbers=numbers, lines=lines, shown=" / ".join(shown) or "none")
    return "\f".join("\n".join(page) for page in pages), [note]
