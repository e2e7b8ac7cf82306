"""Rows of text in which each page gives its one-line cells first, then its wrapped cells.

LibreOffice Calc draws a page in two passes: first every cell whose text fits on one line (the
dates that fit, the timings 事前/事後), row by row; then every cell it lays out as wrapped text,
row by row and, in a row, column by column (date when it wraps, item, before, after,
explanation).  pypdfium2's ``get_text_range`` and ``pdftotext -raw`` keep that order, and put
pieces printed on one baseline on one line::

    事前                          ← pass 1: the row's timing (its date wraps: pass 2)
    2023/2/6 事後                 ← pass 1: date and timing of one row share a baseline
    令和３年２月１５              ← pass 2: row 1's wrapped date, then its item, before, ...
    日
    Ⅰ基本情報
    …

What the text gives honestly:

* pass 2 gives the rows: each opens with its wrapped date or with the first line of its item (a
  section of the form, Ⅰ…Ⅵ); no timing is printed in pass 2 (a timing always fits one line), which
  tells this order from row-ordered text;
* pass 1 gives, in row order, each row's date (unless it wrapped) and timing; a cell merged over
  rows prints once, in its first row, so the later rows of the merge print nothing here.  Which
  rows those are is found by aligning pass 1 with the rows (``align_singles``): a date and a
  timing on one printed line belong to one row; each row without its own cell costs one.  Rows
  whose assignment has an equally good alternative are flagged ``column_guess``;
* each row's wrapped lines are cut into item / before / after / explanation by
  ``singlepass.split_row``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import Settings
from piatable.vocabulary import COVER_LABEL, SECTION_NUMERALS, SECTION_OR_COVER_PATTERN, TIMING

from . import passone
from .block_lines import is_block_body_line
from .cell_dates import is_row_date, mark_cell_dates
from .chars import display_width, starts_paragraph
from .compound import cells_of_line
from .cut_gaps import close_cut_at_space, space_gap_why
from .dates import WRAPPED_DATE_PIECES, is_date_line
from .empty_explanations import explanation_column_empty
from .item_only_rows import JOINED_CONFIDENCE, JOINED_WHY, join_item_only_rows, joined_cells
from .items import heading_score, opens_item_line
from .listed_dates import listed_head
from .merged_reasons import reads_without_reason, share_reason
from .pass_one_pieces import (
    INTERLEAVED_WHY,
    dated_value_apart,
    one_row_pass_one,
    wide_dates_marked,
)
from .pass_restarts import split_at_pass_restarts
from .passone import AMBIGUOUS_CONFIDENCE, LOOSE_DATE_COST, runs_into_explanation
from .rejoin import same_printed_line
from .rowless_dates import give_untaken_dates
from .single_cells import put_date_and_timing
from .single_plans import align_singles, singles_left_open, singles_shares
from .singlepass import (
    WIDTH_MIN_COUNT,
    WIDTH_SPREAD_UNITS,
    explanation_cut_confidence,
    put_cells,
    split_row_scored,
    width_costs,
    width_peaks,
    widths_of_lines,
)
from .spaced_pairs import spaced_value
from .split_dates import wrapped_lone_date
from .tokenizer import Tokenizer, default_tokenizer

CELL_KEYS = ("item", "before", "after", "explanation")
# Confidence of a row cut at a space that may as well be a space inside a cell.
SPACE_GAP_CONFIDENCE = 0.6
# Rows whose item's first line tells the item column's width (``item_width``).
ITEM_WIDTH_MIN_ROWS = 3
# ... and the lines near its start (at most this many) that look like numbered headings of the
# form (``heading_score``: numbering and words of a heading).
ITEM_HEAD_LINES = 6
ITEM_HEAD_SCORE = 0.75
# The explanation column may be far narrower than before / after (Calc widths 10 : 42 characters
# in office8): its candidate widths go down to this share of the body's, below the narrow
# columns' NARROW_MIN_SHARE; each candidate is still judged by what the rows' readings cost.
EXPLANATION_MIN_SHARE = 0.15
# Rows sampled to choose the explanation's width of a long document.
EXPLANATION_SAMPLE_ROWS = 30
# Rows left out (those that cost most above their best) in judging a width of the explanation
# (``explanation_width``).
EXPLANATION_TRIM_ROWS = 1
# A date wrapped over more than two lines in a very narrow column (``2024`` / ``年`` / ``4`` …).
MAX_DATE_LINES = 8
# ``日 Ⅰ基本情報``: the end of a wrapped date and the item's first line, side by side.
# What the lines of a date wrapped character by character may hold, joined (``平`` / ``成30`` …).
_DATE_PART = WRAPPED_DATE_PIECES  # (dates.py, one definition)
_TAIL_THEN_ITEM = regex.compile(rf"^(\S{{1,6}})[ 　]+((?:{SECTION_OR_COVER_PATTERN}).*)$")


@dataclass(slots=True)
class _Row:
    date: CellLine | None = None  # printed in pass 2 (wrapped, or drawn with the wrapped cells)
    lines: list[CellLine] = field(default_factory=list)
    # A one-line item printed in pass 1 (``dated_pages``): the wrapped lines are all body.
    item: CellLine | None = None
    why: str = ""  # why the row's wrapped lines are a guess (``pass_one_items``)
    joined_at: int = 0  # where a row joined by ``item_only_rows`` was joined
    listed: list[CellLine] = field(
        default_factory=list
    )  # dates above ``date`` in its cell (``listed_dates``)


def _is_single(cl: CellLine) -> bool:
    return is_row_date(cl) or bool(TIMING.match(cl.text))


def _opens_item(cl: CellLine) -> bool:
    """A section (Ⅰ…Ⅵ) or the cover (表紙); an attachment's label: ``_opens_row_item``."""
    return cl.text[:1] in SECTION_NUMERALS or bool(COVER_LABEL.match(cl.text))


def _opens_row_item(lines: list[CellLine], k: int) -> bool:
    """Whether ``lines[k]`` opens a wrapped row's item: a section of the form (Ⅰ…Ⅵ), or an
    attachment's label (``（別紙２）記録項目``, ``items.opens_item_line``) that wraps.

    A one-line item of pass 1 (``別添１ 事務の内容``, beside its row's timing or alone on its line
    when 項目 is top-aligned and the rest centred) is told apart by what follows: the label opens
    pass 2 only when no timing follows on its page below its printed line (pass 2 prints none)
    and the next printed line runs on in its cell (no date, timing, item or closing words).  On
    its own printed line (``pdftotext -raw``) or beside its row's date and timing (pypdfium2
    joins a baseline's pieces: ``令和元年10月1日 （別紙２）特定個人情報ファイル 事後 記載内容の充実``).
    """
    cl = lines[k]
    if _opens_item(cl):
        return True
    if not opens_item_line(cl.text):
        return False
    below = [x for x in lines[k + 1 :] if x.page == cl.page and not same_printed_line(cl, x)]
    if any(TIMING.match(x.text) for x in below):
        return False
    nxt = below[0] if below else None
    return nxt is not None and not (
        _is_single(nxt)
        or _DATE_PART.match(nxt.text)
        or is_date_line(nxt.text)
        or opens_item_line(nxt.text)
        or nxt.text.strip() in passone.CLOSING_AFTER
    )


def _wrapped_date(lines: list[CellLine], k: int) -> tuple[CellLine, int, CellLine | None] | None:
    """The date that opens ``lines[k:]`` printed over one or more lines and followed by an item's
    first line: (the date, the index after it, the item piece split off its last line or None)."""
    text = ""
    if lines[k].cell_date:
        return None
    for m in range(k, min(len(lines), k + MAX_DATE_LINES)):
        piece = lines[m].text
        rest: CellLine | None = None
        tail = _TAIL_THEN_ITEM.match(piece)
        if tail and m > k:
            piece = tail.group(1)
            rest = CellLine(tail.group(2), lines[m].page, lines[m].line_no)
        text += piece
        nxt = lines[m + 1] if m + 1 < len(lines) else None
        if is_date_line(text) and (rest is not None or (nxt is not None and _opens_item(nxt))):
            return CellLine(text, lines[k].page, lines[k].line_no), m + 1, rest
        if rest is not None or not _DATE_PART.match(text):
            return None
    return None


def _pass_two_rows(lines: list[CellLine]) -> list[_Row] | None:
    """The rows of a page's pass-2 lines; None when a line before the first row opens none."""
    rows: list[_Row] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        date = _wrapped_date(lines, k)
        if date is None and not rows and wrapped_lone_date(cl):
            date = (cl, k + 1, None)  # a merged date opening pass 2 before its rows' items
        if date is not None:
            row = _Row(date[0])
            rows.append(row)
            if date[2] is not None:
                row.lines.append(date[2])
            k = date[1]
            continue
        at = listed_head(lines, k)  # a cell listing two dates (``listed_dates``)
        if at is not None and (nxt := _wrapped_date(lines, at)) is not None:
            rows.append(_Row(nxt[0], [nxt[2]] if nxt[2] is not None else [], listed=lines[k:at]))
            k = nxt[1]
            continue
        prev = lines[k - 1] if k else None
        if (
            _opens_row_item(lines, k)
            and (prev is None or not same_printed_line(prev, cl))
            and (not rows or rows[-1].lines)
        ):
            rows.append(_Row())
        if not rows:
            return None
        rows[-1].lines.append(cl)
        k += 1
    return rows


def _regrouped(region: list[CellLine]) -> list[CellLine]:
    """The region with cells side by side on one line split at the gaps between them (in this
    order a half-width space between Japanese words is a gap between cells), and a wrapped date
    whose first line shares the printed line of a timing (``令和5年3月 事後`` / ``31日``) put
    after that timing, whole."""
    out: list[CellLine] = []
    for k, cl in enumerate(region):
        pieces = cells_of_line(cl.text, gaps=True)
        if len(pieces) > 1 and spaced_value(region, k):
            pieces = [cl.text]  # a value that holds a space, parted from its pair already
        if len(pieces) == 1:
            out.extend(dated_value_apart(cl))
        else:
            out.extend(CellLine(p, cl.page, cl.line_no, cl.wraps, cl.conf, unsure=cl.unsure) for p in pieces)
    k = 0
    while k < len(out):
        moved = _timings_inside_date(out, k)
        if moved:
            timings, end = moved
            dated = [cl for cl in out[k:end] if cl not in timings]
            out[k:end] = [*timings, *dated]
            k = end
        k += 1
    return out


def _timings_inside_date(lines: list[CellLine], k: int) -> tuple[list[CellLine], int] | None:
    """(the timings, the end) when a date wrapped over lines ``lines[k:end]`` shares one of its
    printed lines with timings (``令和5年3月 事後`` / ``31日``): the timings are pass 1's, drawn
    before the wrapped date, and pypdfium2 put them on the date's line."""
    if not _DATE_PART.match(lines[k].text) or is_date_line(lines[k].text):
        return None
    timings: list[CellLine] = []
    for m in range(k + 1, min(len(lines), k + 2 * MAX_DATE_LINES)):
        cl = lines[m]
        if TIMING.match(cl.text) and same_printed_line(lines[m - 1], cl):
            timings.append(cl)
            continue
        if not timings:
            # No timing yet: this is a plain wrapped date (``_wrapped_date``), or no date.
            if _DATE_PART.match(cl.text) or _TAIL_THEN_ITEM.match(cl.text):
                continue
            return None
        head = "".join(x.text for x in lines[k:m] if x not in timings)
        tail = _TAIL_THEN_ITEM.match(cl.text)
        more = m + 1 < len(lines) and lines[m + 1].text.startswith("日")
        if is_date_line(head + (tail.group(1) if tail else cl.text)) and not more:
            return timings, m + 1
        if not _DATE_PART.match(cl.text):
            return None
    return None


@dataclass(slots=True)
class _Page:
    singles: list[CellLine]
    rows: list[_Row]
    # Pass 1 holds other one-line cells too (before, after, explanation: ``passone``).
    texts: bool = False
    # The first row's date stood on a line of its own before the item: it may as well be the
    # last date of pass 1 (a date that fits one line is drawn there); the alignment decides.
    loose_date: bool = False
    # Why pass 1's lines were paired with the dated rows by a guess (``dated_pages``), or "";
    # and how many rows pass 1's printed lines give.
    pairing_why: str = ""
    groups: int = 0
    # With ``PAIR_LOOSE_WHY``: the rows (places on the page) a loose line may belong to, or None
    # for every row of the page (``datedpass._pair_pass_one``).
    loose_rows: frozenset[int] | None = None


def _firm_date(region: list[CellLine], k: int, found: tuple[CellLine, int, CellLine | None]) -> bool:
    """Whether the date found at ``region[k]`` is surely drawn with its row's wrapped cells: it
    wraps (over lines here, or joined from two lines before: a line number is skipped) or shares
    its printed line with the item's first line.  (Not a gap in the line numbers: the furniture
    removed, a wrapped header label, leaves one too.)"""
    _, after, rest = found
    if rest is not None or after > k + 1:
        return True
    nxt = region[after] if after < len(region) else None
    if nxt is None:
        return True
    if same_printed_line(region[k], nxt):
        return True
    return region[k].wraps is True


def two_phase_pages(region: list[CellLine], by_breaks: bool = True) -> list[_Page] | None:
    """The region as pages of (pass-1 lines, pass-2 rows); None when the text is not in this
    order: a timing printed among the wrapped cells, no timing in any pass 1, or wrapped cells
    that open no row.  ``by_breaks``: else try the extractor's page breaks (``_pages_by_breaks``,
    pass 1 holding short text cells too); not for boxed text (pdfminer, plain ``pdftotext``),
    whose columns, one after another, look like that order (a Writer table whose one date is
    merged over every row: 12 rows read as 53).

    A page is found by its text, not by the extractor's page breaks: it opens with a run of
    one-line cells (a title or header printed between pass 1 and pass 2 is removed as page
    furniture and may look like a page break of its own).
    """
    region = wide_dates_marked(mark_cell_dates(_regrouped(region)))
    if by_breaks:
        from .datedpass import dated_pages  # (it builds this module's pages)

        dated = dated_pages(region)
        if dated:
            return dated
    in_cell = _dates_in_cells(region)
    pages: list[_Page] = []
    k, n = 0, len(region)

    def opens_pass(m: int) -> bool:
        return _is_single(region[m]) and m not in in_cell and _wrapped_date(region, m) is None

    while k < n:
        start = k
        while k < n and opens_pass(k):
            k += 1
        singles = region[start:k]
        body_start = k
        while k < n and not opens_pass(k):
            k += 1
        rest = region[body_start:k]
        if any(TIMING.match(cl.text) for cl in rest):
            return _pages_by_breaks(region, in_cell) if by_breaks else None
        rows = _pass_two_rows(rest) if rest else []
        if rows is None:
            return _pages_by_breaks(region, in_cell) if by_breaks else None
        found = _wrapped_date(region, body_start) if rest else None
        loose = found is not None and bool(singles) and not _firm_date(region, body_start, found)
        pages.append(_Page(singles, rows, loose_date=loose))
    if not any(TIMING.match(cl.text) for p in pages for cl in p.singles):
        return None
    if not any(p.rows for p in pages):
        return None
    return pages


def _opens_wrapped_row(lines: list[CellLine], k: int) -> bool:
    cl = lines[k]
    first = _wrapped_date(lines, k) is not None or wrapped_lone_date(cl)
    if first and (k + 1 >= len(lines) or not _is_single(lines[k + 1])):
        return True
    # An item's first line beside a date or timing of pass 1 (pypdfium2 joins a baseline's
    # pieces: ``事後 Ⅱ特定個人情報ファイルの``) opens a row too.
    return _opens_row_item(lines, k) and (
        k == 0 or not same_printed_line(lines[k - 1], cl) or _is_single(lines[k - 1])
    )


def _pages_by_breaks(region: list[CellLine], in_cell: set[int]) -> list[_Page] | None:
    """The region as pages cut at the extractor's page breaks, each page's pass 1 being all that
    comes before its first wrapped row, one-line text cells included (``passone``); None
    without page breaks, or when a page's wrapped part holds a timing or opens no row."""
    chunks = passone.title_breaks_closed(passone.paged(region), _opens_wrapped_row)
    if len(chunks) == 1:
        chunks = split_at_pass_restarts(chunks[0], _opens_wrapped_row)
    pages: list[_Page] = []
    for lines in chunks:
        b = passone.first_wrapped(lines, _opens_wrapped_row)
        singles, rest = passone.dates_apart(lines[:b]), lines[b:]
        # pypdfium2 orders a printed line by position: a pass-1 timing on the first wrapped
        # row's first line comes after the item's first piece (``令和4年4月1日 Ⅴ開示請求 事後``).
        beside = [cl for cl in rest[1:] if TIMING.match(cl.text) and same_printed_line(rest[0], cl)]
        if beside:
            # ... and so is a one-line explanation printed after that timing.
            at = next(m for m, cl in enumerate(rest) if cl is beside[-1])
            beside += [cl for cl in rest[at + 1 :] if same_printed_line(rest[0], cl) and not _is_single(cl)]
            singles = [*singles, *beside]
            rest = [cl for cl in rest if not any(cl is x for x in beside)]
        interleaved = one_row_pass_one(rest, _opens_wrapped_row)
        if interleaved:
            singles, rest = [*singles, *interleaved[0]], interleaved[1]
        if any(TIMING.match(cl.text) for cl in rest):
            return None
        rows = _pass_two_rows(rest) if rest else []
        if rows is None:
            return None
        if interleaved and rows:
            rows[0].why = INTERLEAVED_WHY
        found = _wrapped_date(lines, b) if rest else None
        loose = found is not None and bool(singles) and not _firm_date(lines, b, found)
        pages.append(_Page(singles, rows, loose_date=loose, texts=True))
    if not any(TIMING.match(cl.text) for p in pages for cl in p.singles) or not any(p.rows for p in pages):
        return None
    return pages


def _dates_in_cells(region: list[CellLine]) -> set[int]:
    """Indices of date lines printed inside a wrapped cell (an explanation's 令和5年4月1日 on a
    line of its own): a lone date between two lines of wrapped cells of one page, the next
    opening no item.  A page's pass 1 opens at a page break and lists its rows' timings too;
    read as one, such a date shifted every later row's date by one, without a flag."""
    out: set[int] = set()
    for k in range(1, len(region) - 1):
        prev, cl, nxt = region[k - 1], region[k], region[k + 1]
        if (
            is_date_line(cl.text)
            and not _is_single(prev)
            and not _is_single(nxt)
            and not _opens_item(nxt)
            and prev.page == cl.page == nxt.page
        ):
            out.add(k)
    return out


def item_width(blocks: list[list[CellLine]], narrow: int, body: int) -> int:
    """The item column's wrap width: each wrapped row opens with its item's first line (a
    section of the form, Ⅰ…Ⅵ), so the widest of these (up to the body's width) is at most the
    item column's; where it is wider than the narrow width read off all the lines (the
    explanation's), the item column is the wider one."""
    firsts = [display_width(b[0].text) for b in blocks if b and _opens_item(b[0])]
    if len(firsts) < ITEM_WIDTH_MIN_ROWS:
        return narrow
    # Also the item's numbered headings near the block's start (``４．特定個人情報ファイルの取扱``
    # / ``いの委託``): lines that open with the form's numbering and words of its headings.
    heads = [
        display_width(cl.text)
        for b in blocks
        if b and _opens_item(b[0])
        for cl in b[1:ITEM_HEAD_LINES]
        if heading_score(cl.text) >= ITEM_HEAD_SCORE and not is_block_body_line(cl.text)
    ]
    widest = min(max(firsts + heads), body)
    if narrow > widest + WIDTH_SPREAD_UNITS and _run_on_peak(blocks, widest):
        # The narrow width read off all the lines is another column's (before and after of two
        # widths: the narrower of them), wider than every heading line of the item, which wrap
        # at a width of their own: the item column is that width.
        return widest
    return max(narrow, widest)


def _run_on_peak(blocks: list[list[CellLine]], width: int) -> bool:
    """Whether at least ``WIDTH_MIN_COUNT`` lines of the blocks run on at ``width`` (give or take
    ``WIDTH_SPREAD_UNITS``): a column wraps there."""
    seen = 0
    for b in blocks:
        for x, y in pairwise(b):
            if not starts_paragraph(y.text) and not same_printed_line(x, y):
                seen += abs(display_width(x.text) - width) <= WIDTH_SPREAD_UNITS
    return seen >= WIDTH_MIN_COUNT


def explanation_width(
    blocks: list[list[CellLine]], narrow: int, body: int, settings: Settings, tok: Tokenizer
) -> int:
    """The explanation column's wrap width: of the widths run-on lines cluster at (and the
    item's and the body's), the one under which the rows' readings cost least in all.  A row
    counts by how much its reading costs above its best over the widths, and the
    ``EXPLANATION_TRIM_ROWS`` rows that cost most under a width are left out of its sum: one
    odd row (a long before / after whose cut one width happens to suit) does not outweigh the
    many rows that agree."""
    sample = [b for b in blocks[:: max(1, len(blocks) // EXPLANATION_SAMPLE_ROWS)] if b]
    widths = [w for w in sorted({narrow, body, *width_peaks(blocks, body, EXPLANATION_MIN_SHARE)}) if w > 0]
    if not widths or not sample:
        return narrow
    costs = width_costs(sample, widths, narrow, body, settings, tok)
    floors = [min(c[k] for c in costs) for k in range(len(sample))]
    kept = max(1, len(sample) - EXPLANATION_TRIM_ROWS)
    regrets = [sum(sorted(c - f for c, f in zip(row, floors, strict=True))[:kept]) for row in costs]
    return min(zip(regrets, widths, strict=True))[1]


def two_phase_rows(
    pages: list[_Page], settings: Settings, tokenizer: Tokenizer | None = None
) -> list[RawRow]:
    """Raw rows of text in the two-pass order (see the module's docstring)."""
    tok = tokenizer or default_tokenizer()
    blocks = [r.lines for p in pages for r in p.rows]
    narrow, body = widths_of_lines(blocks)
    item = item_width(blocks, narrow, body)
    expl = explanation_width(blocks, item if item < narrow else narrow, body, settings, tok)
    no_expl = explanation_column_empty(blocks, item if item < narrow else narrow, body, expl, settings, tok)
    narrow = item

    def split(lines: list[CellLine]) -> list[list[CellLine]]:
        return split_row_scored(
            lines, narrow, body, settings, tok, expl, strict=True, no_explanation=no_expl
        )[0]

    def reads_no_change(lines: list[CellLine]) -> bool:
        cells = split(lines)
        return not cells[1] and not cells[2]

    join_item_only_rows(pages, reads_no_change)
    out: list[RawRow] = []
    last_date: CellLine | None = None
    last_timing: CellLine | None = None
    for page in pages:
        own = [r.date is not None for r in page.rows]
        above = (last_date is not None, last_timing is not None)
        if page.texts:
            first = len(out)
            last_date, last_timing = passone.text_page_rows(
                page, (last_date, last_timing), out, (narrow, body, expl), settings, tok, no_expl
            )
            if page.pairing_why:
                # Which row a one-line cell belongs to is a guess: a flag, not confidence only,
                # on the rows it may belong to (every row of the page unless they are known).
                doubted = out[first:]
                if page.loose_rows is not None and len(doubted) == len(page.rows):
                    doubted = [row for k, row in enumerate(doubted) if k in page.loose_rows]
                for row in doubted:
                    row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
                    row.doubts.append(Doubt("row_split_guess", None, page.pairing_why))
            continue
        plan, cost = align_singles(page.singles, own, above)
        moved = page.rows[0].date if page.loose_date and page.rows else None
        loose = False  # every row unsure: the loose date's place is a guess
        if moved is not None:
            # The first row's date read as pass 1's last date instead.
            alt, alt_cost = align_singles([*page.singles, moved], [False, *own[1:]], above)
            if alt_cost < cost + LOOSE_DATE_COST:
                page.singles = [*page.singles, moved]
                page.rows[0].date = None
                plan, loose = alt, alt_cost > cost - LOOSE_DATE_COST
                if loose:
                    plan = [(d, t, True) for d, t, _ in plan]
        own = [r.date is not None for r in page.rows]
        left_open = singles_left_open(page.singles, own, (last_date, last_timing))
        shares = singles_shares(page.singles, own, plan, (last_date, last_timing))
        queue, filled = list(page.singles), []
        taken = 0
        for prow, (take_d, take_t, unsure), is_open, share in zip(
            page.rows, plan, left_open, shares, strict=True
        ):
            row = RawRow()
            if prow.date is not None:
                last_date = prow.date
            elif take_d and taken < len(queue):
                last_date = queue[taken]
                taken += 1
            else:
                row.flags.append("merged_cell_filled")
                filled.append(row)
            if take_t and taken < len(queue):
                last_timing = queue[taken]
                taken += 1
            elif last_timing is not None:
                row.flags.append("merged_cell_filled")
            put_date_and_timing(row, last_date, last_timing, prow.listed if prow.date is not None else [])
            shared_reason = False
            if prow.lines:
                args = (prow.lines, narrow, body, settings, tok, expl)
                cells, confidence, margin, cost = split_row_scored(*args, strict=True, no_explanation=no_expl)
                # Under a merged timing the explanation may be merged too (``merged_reasons``).
                shared = not take_t and last_timing is not None and out and out[-1].cells["explanation"]
                alt = split_row_scored(*args, strict=True, no_explanation=True) if shared else None
                if alt is not None and reads_without_reason(cells[3], cost, alt[3]):
                    cells, confidence, margin, _ = alt
                put_cells(row, cells, min(confidence, explanation_cut_confidence(margin)), margin)
                if alt is not None and cells is alt[0]:
                    share_reason(row, out[-1])
                    shared_reason = True  # had it taken its own timing, it read its own reason
            passone.doubt_plan(row, unsure, is_open, not (loose or shared_reason), settings, share)
            if prow.why == JOINED_WHY:
                for key, part in zip(CELL_KEYS, joined_cells(prow.lines, prow.joined_at, split), strict=True):
                    row.cells[key] = part
                row.confidence = min(row.confidence, JOINED_CONFIDENCE)
                row.doubts.append(Doubt("cut_guess", None, JOINED_WHY))
            gap_why = space_gap_why(row)
            if gap_why:
                row.confidence = min(row.confidence, SPACE_GAP_CONFIDENCE)
                row.doubts.append(Doubt("cut_guess", None, gap_why))
                row.doubts.extend(close_cut_at_space(row))
            if runs_into_explanation(row, expl, settings, tok):
                row.confidence = min(row.confidence, SPACE_GAP_CONFIDENCE)
                row.doubts.append(Doubt("column_guess", None, passone.RUN_ON_WHY))
            row.widths = {"item": narrow, "before": body, "after": body, "explanation": expl}
            row.set_pages()
            row.flags = sorted(set(row.flags))
            out.append(row)
        if taken < len(queue):
            # Pass-1 lines no row took: a row lost from pass 2 would otherwise vanish unseen.
            rest = give_untaken_dates(filled, queue[taken:], AMBIGUOUS_CONFIDENCE)
            last_date = (out[-1].cells["change_date"] or [last_date])[0] if out else last_date
            for cl in rest:
                row = RawRow()
                row.cells["change_date" if is_date_line(cl.text) else "timing"] = [cl]
                row.flags = ["column_guess", "row_split_guess"]
                row.confidence = AMBIGUOUS_CONFIDENCE / 2
                row.set_pages()
                out.append(row)
    return out
