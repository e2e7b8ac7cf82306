"""A flattened text's table pages put back in their reading order (``text_in_page_order``).

A PDF whose pages were fed out of order gives texts whose pages are out of order too (set XXXII
u04: pages fed 2, 3, 1; the PDF route put them back, every text kept the file's order with no
note: 44 rows wrong unwarned).  The text shows its pages as the PDF does:

* its page breaks: form feeds, or, in a text without them, the column-label row the table
  prints again on each page (with the title above it on the first page only);
* the signs ``normalize/page_order`` weighs on a PDF's pages: a page number printed at a page's
  edge (``- 2 -``, ``2 / 3``, ``2ページ``, ``P.2``; in a text without form feeds, between a
  page's last row and the next page's label row), the title ``…変更箇所`` on a page not first,
  and the 変更日 column's dates stepping back between pages (the dates opening a layout line's
  first column, whole or wrapped over up to four lines in a narrow column; in row-ordered text,
  lines that are a date alone or a wrapped date's pieces alone).

``page_order.choose_order`` decides as on a PDF (two signs at least before anything moves: a
table whose dates run newest first, or which is not sorted by date, stays as it is).  Pages
moved are joined in their new order with the text's own page breaks; a note says so in the
words of the PDF route's note.  When the signs speak against the file's order and no order
fits, or when the title stands on a later page with no other sign, the pages stay, a note says
so and the rows at the page breaks are flagged ``row_split_guess`` (``doubt_rows_at_breaks``).
Text before the table's first page and after its last page stays where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from piatable.models import Record
from piatable.normalize.confidence import add_late_flags
from piatable.normalize.dates import DATE, DATE_CHARS, is_date_line, only_date_chars, parse_date
from piatable.normalize.page_edges import page_mark_of
from piatable.normalize.page_order import (
    LABEL_KEYS,
    MIN_LABELS,
    UNDECIDED_NOTE,
    PageSigns,
    choose_order,
    is_label_row,
    page_number_of,
)
from piatable.settings import QualitySettings
from piatable.vocabulary import is_label_piece, is_title, label_count

from .plumber_dates import unglue_dates
from .text import is_layout_text

# The note of pages moved: the PDF route's words (``page_order.REORDER_NOTE``) for a text's pages.
TEXT_REORDER_NOTE = (
    "the table's pages were read in the order {order} of the text's pages ({breaks}; {why}): they"
    " were fed out of order; page numbers of the rows count in the order read"
)
BREAKS_BY_FEEDS = "pages parted by form feeds"
BREAKS_BY_LABELS = "pages parted at the column-label row printed again on each page"
# A page's edge: its page number is looked for among this many non-blank lines at its top and foot.
EDGE_LINES = 2
# A layout line's first piece is a 変更日 date when it starts within this many character cells of
# the leftmost such date (the item column starts further right).
DATE_COLUMN_SLACK_CELLS = 4
# A wrapped 変更日 date prints over at most this many lines (``令和７`` / ``年１０`` / ``月２６`` / ``日``;
# Writer's narrowest a character or two a line: ``令`` / ``和`` / ``元`` / ``年`` / ``10`` / ``月1``).
DATE_LINES = 10
# Columns of a layout line stand apart by two spaces or more.
_SEGMENT_GAP = regex.compile(r"\s{2,}")
# Column labels printed a line each (PyMuPDF) stand within this many lines.
STACKED_LABEL_LINES = 8


@dataclass(slots=True)
class _Split:
    """The text cut into its table's pages: ``head`` and ``tail`` stay, ``pages`` may move;
    ``sep`` joins them again (a form feed, or a line end)."""

    head: str
    pages: list[str]
    tail: str
    sep: str


def text_in_page_order(text: str) -> tuple[str, list[str]]:
    """``text`` with its table's pages in the order they show (module doc), and the notes saying
    so (none when nothing speaks against the file's order).  Pure; a text of one table page, or
    whose pages cannot be told apart, comes back as it is."""
    split = _split(text)
    if split is None or len(split.pages) < 2:
        return text, []
    layout = is_layout_text(text)
    signs = _signs(split, layout)
    order, why = choose_order(signs)
    titled = [k for k, sign in enumerate(signs) if sign.title]
    if order is None and not why and titled and titled[0]:
        # The title on a later page alone (too few signs to move anything): said, pages kept.
        why = f"the table's title is printed on page {titled[0] + 1} of {len(signs)}"
    if order is None:
        return text, [UNDECIDED_NOTE.format(why=why)] if why else []
    if order == list(range(len(split.pages))):
        return text, []
    breaks = BREAKS_BY_FEEDS if split.sep == "\f" else BREAKS_BY_LABELS
    note = TEXT_REORDER_NOTE.format(order=", ".join(str(k + 1) for k in order), breaks=breaks, why=why)
    moved = split.sep.join(split.pages[k] for k in order)
    return split.head + moved + split.tail, [note]


def doubt_rows_at_breaks(records: list[Record], notes: list[str], quality: QualitySettings) -> None:
    """When the notes say the pages' order stayed in doubt (``UNDECIDED_NOTE``), the rows at each
    page break (the last row of a page and the first of the next, a row over a break) get
    ``row_split_guess``: a row cut at a page's foot may have been joined to the wrong page's top.
    Rows between the breaks keep their confidence."""
    if not any(n.startswith(UNDECIDED_NOTE[:40]) for n in notes):
        return
    for a, b in pairwise(records):
        if a.page_start != a.page_end or (a.page_end is not None and b.page_start != a.page_end):
            add_late_flags(a, {"row_split_guess"}, quality)
            add_late_flags(b, {"row_split_guess"}, quality)


def _split(text: str) -> _Split | None:
    """The table's pages: at form feeds (from the first page printing a label row to the last),
    else at the label rows printed again (each page from its header block: title, label-row
    lines; the text before the first is the head).  None without two table pages."""
    if "\f" in text:
        pages = text.split("\f")
        # (Whether a page prints a label row: the first found ends the page's search.)
        labelled = [k for k, p in enumerate(pages) if next(_label_rows(p.split("\n")), None) is not None]
        if len(labelled) < 2:
            return None
        a, b = labelled[0], labelled[-1]
        head = "".join(p + "\f" for p in pages[:a])
        tail = "".join("\f" + p for p in pages[b + 1 :])
        return _Split(head, pages[a : b + 1], tail, "\f")
    lines = text.split("\n")
    starts = [_block_start(lines, k) for k in _label_rows(lines)]
    starts = sorted(set(starts))
    if len(starts) < 2:
        return None
    starts = _with_page_numbers(lines, starts)
    cuts = [*starts, len(lines)]
    pages = ["\n".join(lines[a:b]) for a, b in pairwise(cuts)]
    return _Split("\n".join(lines[: starts[0]]) + ("\n" if starts[0] else ""), pages, "", "\n")


def _label_rows(lines: list[str]) -> Iterator[int]:
    """The lines opening a column-label row, top to bottom: a label row on one line, or its
    labels a line each (PyMuPDF's ``変更日`` / ``項目`` / ``変更前の記載`` …: ``MIN_LABELS`` of them
    within ``STACKED_LABEL_LINES`` lines).  Lazy: a caller wanting the first stops there (a
    page's label row stands at its top; asking every line of a long text cost 7% of its read)."""

    @cache
    def alone(k: int) -> bool:
        return len(lines[k].split()) == 1 and label_count(lines[k]) == 1

    n = len(lines)
    for k, ln in enumerate(lines):
        if is_label_row(ln):
            yield k
        elif (
            alone(k)
            and not (k and alone(k - 1))
            and sum(alone(m) for m in range(k, min(k + STACKED_LABEL_LINES, n))) >= MIN_LABELS
        ):
            yield k


def _block_start(lines: list[str], label: int) -> int:
    """The first line of the header block above a label row: its title, the label row's other
    lines (``提出`` over ``時期``), blank lines between."""
    k = label
    while k > 0 and _in_header(lines[k - 1]):
        k -= 1
    while k < label and not lines[k].strip():
        k += 1
    return k


def _in_header(line: str) -> bool:
    t = line.strip()
    # (A label wrapped a character or two a line in a narrow column: ``変`` / ``更`` / ``日``.)
    stacked = len(t) <= 2 and any(t in label for label in LABEL_KEYS)
    return not t or is_title(t) or "変更箇所" in t.replace(" ", "") or is_label_piece(t) or stacked


def _with_page_numbers(lines: list[str], starts: list[int]) -> list[int]:
    """``starts`` moved above the page numbers printed at the top of each page: when the first
    page's header block has a page number right above it, every page's number is a header (else
    a footer, which stays with the page before)."""
    if not any(page_mark_of(ln) for ln in _edge(lines[: starts[0]], top=False)):
        return starts
    out = []
    for s in starts:
        k = s - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        out.append(k if k >= 0 and page_mark_of(lines[k]) else s)
    return out


def _edge(lines: list[str], top: bool) -> list[str]:
    full = [ln for ln in lines if ln.strip()]
    return full[:EDGE_LINES] if top else full[-EDGE_LINES:]


def _signs(split: _Split, layout: bool) -> list[PageSigns]:
    out = []
    for page in split.pages:
        lines = page.split("\n")
        number = None
        for ln in [*_edge(lines, top=True), *_edge(lines, top=False)]:
            if (mark := page_mark_of(ln)) and (n := page_number_of(mark)) is not None:
                number = n
        label = next(_label_rows(lines), None)
        title = label is not None and any("変更箇所" in ln.replace(" ", "") for ln in lines[:label])
        body = "\n".join(lines[(label if label is not None else -1) + 1 :])
        dates = _layout_dates(body.split("\n")) if layout else _alone_dates(body.split("\n"))
        out.append(PageSigns(number, title, dates))
    return out


def _layout_dates(lines: list[str]) -> list[str]:
    """The dates of a layout page's 変更日 column (its first column), top to bottom: the first
    segments of the lines that print one within ``DATE_COLUMN_SLACK_CELLS`` of the column's left
    edge (lines of the other columns only, printed between a wrapped date's lines, passed over),
    read as ``_dates_of`` reads them."""
    full = [ln for ln in lines if ln.strip()]
    left = min((len(ln) - len(ln.lstrip()) for ln in full), default=0)
    column = [ln for ln in full if len(ln) - len(ln.lstrip()) <= left + DATE_COLUMN_SLACK_CELLS]
    # A date printed with font-run spaces (``令和 4 年 1 月 4``) is its line's first segment; a
    # date's pieces glued to the item (pdfplumber's layout text) are cut off as in its plain text.
    segments = [_SEGMENT_GAP.split(ln.strip())[0] for ln in column]
    firsts = [f[0] if f else "" for f in unglue_dates([seg.split() for seg in segments])]
    return _dates_of([_alone_or(seg, first) for seg, first in zip(segments, firsts, strict=True)])


def _alone_dates(lines: list[str]) -> list[str]:
    """The dates of a row-ordered page printed on lines of their own: a line that is a date
    alone, or up to ``DATE_LINES`` lines of date characters alone that make a date together (a
    date inside a before / after cell shares its line with text and is not taken)."""
    # Each line's first fragment, a date glued to the item beside it cut off (pdfplumber's).
    firsts = [f[0] if f else "" for f in unglue_dates([ln.split() for ln in lines])]
    return _dates_of([_alone_or(ln, first) for ln, first in zip(lines, firsts, strict=True)])


def _alone_or(text: str, first: str) -> str:
    """``text`` when it prints date characters alone (spaces aside), else ``first``."""
    return text if only_date_chars(text) else first


def _dates_of(firsts: list[str]) -> list[str]:
    """The dates (ISO) the lines' first words print, whole or a wrapped date's pieces over up to
    ``DATE_LINES`` lines of date characters alone (Writer's narrow column: ``令`` / ``和`` / ``元``
    / ``年`` / ``10`` / ``月1`` / ``日``)."""
    texts = ["".join(t.split()) for t in firsts]
    out: list[str] = []
    k = 0
    while k < len(texts):
        iso, used = _date_at(texts, k)
        out.extend([iso] if iso else [])
        k += used
    return out


def _date_at(texts: list[str], k: int) -> tuple[str | None, int]:
    """The date (ISO) the lines from ``k`` print alone, and how many lines it takes (1 without)."""
    joined = ""
    for n, t in enumerate(texts[k : k + DATE_LINES], start=1):
        if not t or not DATE_CHARS.fullmatch(t):
            break
        joined += t
        if is_date_line(joined) and (m := DATE.fullmatch(joined)) and (iso := parse_date(m.group(0))):
            return iso, n
    return None, 1
