"""Raw rows of the whole document: page by page (ruled/positioned or layout text), header rows
dropped, rows continued across page breaks, then each line's soft-wrap verdict from its
column's wrap edge and heading breaks in 項目.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import regex

from piatable.models import COLUMNS, CellLine, Doubt, PageWords, RawRow
from piatable.settings import GridSettings, Settings
from piatable.vocabulary import is_title

from ..chars import ATTRIBUTIVE_ENDING, RUNNING_PARTICLES, display_width, starts_paragraph
from ..dates import DATE_LINE, is_date_head, only_date_chars
from ..items import heading_score
from ..ocr_text import unsure_words
from .break_rows import carried_below, merged_at_foot, new_row_below
from .carry import fill_unsure, one_row_top
from .column_order import ColumnMove
from .common import MERGED_COLUMNS, ROW_OWN, GridResult, PageRows, cell_text
from .continued_rows import join_continued_rows
from .labels import is_header_row
from .layout_text import is_autospaced, layout_page_rows, wrap_width
from .layout_words import drop_cell_autospace
from .lines import Line, ems, unit_width
from .lost_lines import check_layout_rows, flag_merged_rows, is_printed_date
from .ocr_room import ocr_pitch, white_after
from .overflow_text import edge_doubts
from .overlapping_cells import overlap_doubts, swallowed_doubts
from .page_chains import PageChains
from .page_tables import limits_by_table
from .path_opening import opens_path as _opens_path
from .ruled import page_rows
from .side_numbers import side_numbers_note
from .split_timing import completes_timing
from .squeezed_gaps import cell_doubt
from .top_carry import carried_over, carry_open_columns, closed_on_page
from .two_row_labels import blank_label_band, drop_stacked_label_chars, two_row_note
from .unread_pages import CLOSING_NOTE_PAGE, closing_mark_page, note_unread_page

# Layout text with cells centred or at the foot of their rows: no blank line or ruling parts
# the rows, each column's lines are cut between dates by their distance alone (``anchored``),
# and such rows are right less often than top-aligned ones (office5 / office-bottom tuning
# samples): a confidence-only ``close_cut`` of this strength (below the flag's strength).
ALIGNED_CUT_STRENGTH = 0.45
ALIGNED_CUT_WHY = (
    "cells {align}-aligned: the row's lines were cut from its neighbours' by their distance to its date"
)
# Strength of the doubt on a row joined over a page break that nothing showed running on.
UNSURE_JOIN_STRENGTH = 0.6

# A full 項目 line followed by a line opening a heading at least this heading-like breaks there.
HEADING_BREAK_SCORE = 0.75


@dataclass(slots=True)
class _Row:
    cells: dict[int, list[Line]]
    page_start: int
    page_end: int
    flags: list[str]
    ruled: bool = False
    # Why the row's join over a page break is in doubt (a ``row_split_guess``), if it is.
    doubt: str | None = None
    # Layout text: which table of the text the row belongs to.
    table: int = 0
    # Layout text: the alignment (centre / bottom) by which the row's lines were cut from its
    # neighbours', when not at the top (a confidence-only doubt, ``ALIGNED_CUT_STRENGTH``).
    aligned_cut: str | None = None
    # Layout text: read apart from a row sharing its merged cells by a blank line (``pair_rows``).
    parted: bool = False


def _date_rest(prev: list[Line] | None, lines: list[Line] | None) -> bool:
    """True when ``lines`` are the rest of the date ``prev`` began: a date cell broken by a page
    break (``令和３年９月`` / ``１日``, ``2023年2月1`` / ``日``), whose two parts make one date
    and the second none."""
    head, rest = cell_text(prev), cell_text(lines)
    return (
        bool(rest)
        and not is_printed_date(rest)
        and (is_date_head(head) or bool(DATE_LINE.match(head)) or only_date_chars(head))
        and bool(DATE_LINE.match(head + rest))
    )


def _take_row(
    rows: list[_Row],
    cells: dict[int, list[Line]],
    merged: bool,
    page: int,
    state: dict,
    carried: tuple[int, ...] = (),
    unsure: tuple[int, ...] = (),
) -> None:
    """Add one page row to ``rows``: a header row dropped; at the top of a page (``state``), a
    row without its date either continues the previous one or shares its merged date.

    A date cell that holds only the rest of the previous row's date (the page break fell inside
    it) counts as no date: the row continues the previous one, and rows sharing that cell (merged)
    take the whole date.  ``carried``: columns whose cell spans this row from the top of the page
    over several rows (a merged cell carried over the break): empty, they take the previous
    row's value (``merged_cell_filled``).  ``unsure``: columns whose cell holding this row, at
    the top of the page, is one row high: an empty 提出時期 there takes the previous row's, in
    doubt (``carry.fill_unsure``)."""
    if not any(cell_text(v) for v in cells.values()):
        return
    if is_header_row(cells):
        return
    flags = ["merged_cell_filled"] if merged else []
    rest = state.get("rest")
    date = cells.get(0)
    no_date = not cell_text(date) or (rest is not None and date is rest)
    if state["first"] and rows and not no_date and _date_rest(rows[-1].cells.get(0), date):
        no_date = True
        state["rest"] = date
    if (
        state["leading"]
        and rows
        and no_date
        and (
            _opens_path(cells.get(1))
            or (
                (state.get("rows_whole") or state.get("foot_closed"))
                and bool(cell_text(cells.get(1)))
                and "rest" not in state
            )
        )
    ):
        # A new row whose date sits in a cell merged across the page break (printed on
        # the page before): it shares the previous row's date, and timing and
        # explanation where its own are empty.  So may the rows after it, up to the
        # page's first date.
        prev = rows[-1]
        own = {c: v for c, v in cells.items() if v is not state.get("rest")}
        cells = dict(cells)
        if date is not None and date is state.get("rest"):
            cells[0] = list(prev.cells.get(0, []))
        cells = carry_open_columns(cells, prev.cells, state)
        rows.append(_new_row(cells, page, [*flags, "merged_cell_filled"], own))
        state["first"] = False
        return
    # A row of its own under cells merged over the break, whose text cells start afresh where
    # the row above printed its own whole (Writer: ``break_rows``).
    cut_date = date is not None and date is state.get("rest")  # the rest of a date cut by the break
    below = (
        state["first"] and rows and no_date and state.get("ruled_break") and not cut_date
    ) and new_row_below(rows[-1].cells, cells, page, state.get("merged_foot", ()))
    timing = cell_text(cells.get(4))
    # Text in the 提出時期 column with no character of 事前 / 事後 (a 説明's tail set a little
    # left, a repeated label row's 出 / 時 / 期): no timing of a row of its own.  (One of them
    # kept, it may be a misread one: OCR's 事俊.)
    no_timing = not timing or not _TIMING_CHARS.search(timing)
    joins = not cell_text(cells.get(1)) or no_timing or completes_timing(rows, timing)
    if state["first"] and rows and no_date and not below and joins:
        prev = rows[-1]
        if timing and no_timing:
            prev.doubt = prev.doubt or NO_TIMING_JOIN_WHY.format(page=page, text=timing)
            if cell_text(prev.cells.get(4)):
                # The row has its 提出時期: the text is the 説明's tail, set a little left.
                cells = dict(cells)
                cells[5] = sorted([*cells.get(5, []), *cells.pop(4)], key=attrgetter("top", "x0"))
        if (
            prev.ruled  # between rulings, where a cell's foot is known
            and not (date is not None and date is state.get("rest"))
            and cell_text(cells.get(1))
            and not any(lines and lines[-1].reaches_bottom for lines in prev.cells.values())
        ):
            # Nothing of the row before runs to the foot of its page: this may be a row of its
            # own whose date was not printed.
            prev.doubt = (
                f"joined with the top of page {page}, which has no date but an item "
                "of its own, though no cell of the row ran to the foot of its page"
            )
        for c, lines in cells.items():
            prev.cells[c] = [*prev.cells.get(c, []), *lines]  # a copy: cells may be shared
        prev.page_end = page
        if "row_continued" not in prev.flags:
            prev.flags.append("row_continued")
        state["first"] = False
        return
    top_of_page = state["first"]
    state["first"] = state["leading"] = False
    own = cells
    if rows and top_of_page and state.get("rows_whole"):
        # A spreadsheet prints a cell merged over a page break once, on the page before: the
        # page's first row takes the 提出時期 and explanation it lacks from the row above, unless a
        # ruling closed that cell at the foot of the page before (LibreOffice leaves it open).
        closed = state.get("closed_above", ())
        carried = tuple(dict.fromkeys((*carried, *(c for c in MERGED_COLUMNS[1:] if c not in closed))))
    if rows and top_of_page:
        carried = (*carried, *carried_below(cells, below, state.get("merged_foot", ())))
    if rows and carried:
        prev = rows[-1]
        filled = [c for c in carried if not cell_text(cells.get(c)) and cell_text(prev.cells.get(c))]
        if filled:
            cells = dict(cells)
            for c in filled:
                cells[c] = list(prev.cells[c])
            flags = [*flags, "merged_cell_filled"] if "merged_cell_filled" not in flags else flags
    why = None
    if rows and top_of_page and unsure:
        cells, why = fill_unsure(cells, rows[-1].cells, unsure, page)
        if why and "merged_cell_filled" not in flags:
            flags = [*flags, "merged_cell_filled"]
    rows.append(_new_row(dict(cells), page, flags, own))
    rows[-1].doubt = rows[-1].doubt or why


_TIMING_CHARS = regex.compile(r"[事前後]")
# Why a row joined with the top of the next page over a 提出時期 cell of text that is no timing
# is in doubt (branch layout46: a repeated label row's 提 / 出 / 時 / 期 left under it).
NO_TIMING_JOIN_WHY = (
    "joined with the top of page {page}, which has no date and, in the 提出時期 column, "
    "{text!r}, no 事前 / 事後: a row of its own or the rest of this one is a guess"
)


def _first_body_row(pr: PageRows) -> int | None:
    """Index of the page's first row that is not a label row (None: no such row)."""
    for r, cells in enumerate(pr.rows):
        if any(cell_text(v) for v in cells.values()) and not is_header_row(cells):
            return r
    return None


def _new_row(
    cells: dict[int, list[Line]], page: int, flags: list[str], own: dict[int, list[Line]] | None = None
) -> _Row:
    """A row on the pages its lines were printed on; ``row_continued`` when they are two or more
    (a row carried over a page break and read with the next page).  ``own``: the row's cells
    before a merged cell's value was copied in from the row above (the pages count only these)."""
    pages = [ln.page for lines in (own if own is not None else cells).values() for ln in lines] or [page]
    start, end = min(pages), max(pages)
    if end > start and "row_continued" not in flags:
        flags = [*flags, "row_continued"]
    return _Row(cells, start, end, flags)


def pages_to_rows(
    pages: list[PageWords], settings: Settings, rows_whole: bool = False, feet_close_cells: bool = False
) -> GridResult:
    """Raw rows of the amendment table printed on ``pages`` (positioned words, rulings optional).

    ``rows_whole``: the producer never breaks a row over a page (``Reading.rows_whole``: a
    spreadsheet), so a row at the top of a page that prints an item but no date is a new row
    under a date merged over the break, never the rest of the row before it.
    ``feet_close_cells``: the producer closes every cell but a merged one at a page's foot
    (``Reading.feet_close_cells``: a spreadsheet, Chromium), so a column closed there ended."""
    gs = settings.grid
    result = GridResult()
    if not pages:
        return result
    hx, hy = ems(pages)
    rows: list[_Row] = []
    prev_bounds: list[float] | None = None
    prev_span: tuple[str, float, float, str] | None = None  # an extra column set aside (place_words)
    prev_ruled, prev_foot = False, ()
    prev_merged_foot: tuple[int, ...] = ()  # columns the page before ended with a merged cell in
    prev_spanned = False  # whether the page before had rows between horizontal rulings
    layout = pages[0].unit == "cell"
    align: str | None = None
    by_chars: bool | None = None  # layout text: how the page before read its offsets
    # Layout text: the last row of a page is read again with the next page (a row that runs on
    # across the break, as Word and Writer print it, is then one row).
    carry: tuple[dict[int, list[Line]], bool, int, dict[str, bool]] | None = None
    held_doubt: str | None = None  # the held-back row's doubt on its first page
    held_parted = False  # the held-back row was read apart on its first page (``PageRows.parted``)
    page_lines: list[Line] = []
    side_numbers: list[str] = []
    chains = PageChains()  # cells merged over page breaks, printed on one page only
    move: ColumnMove | None = None  # columns in another order: how the page before moved them
    # Layout text: the table each row belongs to (a text may hold two tables, each with its
    # own title, column widths and producer), counted at the pages that print a title; a title
    # printed on every page is a running header of one table.
    titled = {p.page for p in pages if layout and any(is_title(w.text.strip()) for w in p.words)}
    if len(titled) == len(pages):
        titled = set()
    table_of_page: dict[int, int] = {}
    table = tabled = 0
    band: tuple[list[str], list[int]] = ([], [])  # a two-row label row's other row: texts, pages
    for n, page in enumerate(pages):
        if rows and not layout and carry is None and closing_mark_page(page):  # 以上 alone after it
            result.notes.append(f"page {page.page}: {CLOSING_NOTE_PAGE}")
            continue
        if rows and (page.page in titled or (n and pages[n - 1].page == page.page)):  # page_tables
            table += 1
        table_of_page[page.page] = table
        held_cells = carry[0] if carry else None
        pr = (
            layout_page_rows(page, prev_bounds, hx, hy, gs, align, held_cells, by_chars, move, not rows_whole)
            if layout
            else page_rows(page, prev_bounds, hx, hy, gs, align, move, prev_span)
        )
        if pr is None:
            if any(w.text.strip() for w in page.words):
                note_unread_page(page, hx, hy, gs, result, started=bool(rows))
            if carry is None:
                continue
            # Nothing to read the carried row with: it stands as it was.
            pr = PageRows([], [], False, prev_bounds or [], False, align=align)
        # The page before closed its 項目, before and after cells with a ruling at its foot while
        # a merged column ran on open (its last row ended there; a row broken over the page is
        # closed in every column or in none): a row at the top of this page without a date is a
        # row of its own under the merged date, as in a spreadsheet (issue 11).
        foot_closed = (
            prev_ruled
            and all(c in prev_foot for c in ROW_OWN)
            and any(c not in prev_foot for c in MERGED_COLUMNS)
        )
        closed_above = tuple(c for c in MERGED_COLUMNS if c in prev_foot) if prev_ruled else ()
        prev_ruled, prev_foot = pr.ruled, pr.foot_closed
        if taken := blank_label_band(pr) + drop_stacked_label_chars(pr):
            band[0].extend(taken)
            band[1].append(page.page)
        prev_bounds, align, by_chars = pr.bounds, pr.align, pr.by_chars
        prev_span = pr.extra_span
        if pr.move is not None and (move is None or pr.move.roles != move.roles):
            result.notes.append(pr.move.note())
        move = pr.move
        page_lines.extend(pr.lines)
        result.unplaced += pr.unplaced
        result.unread_columns += pr.unread_columns
        side_numbers.extend(pr.side_numbers)
        result.notes.extend(pr.notes)
        if carry is not None and not pr.carried:
            # The page does not continue the held-back row: it is read as its own page left it
            # (with a cell's tail this page moved to it).
            held_doubt = held_doubt or pr.tail_doubt
            before = len(rows)
            _take_row(rows, carry[0], carry[1], carry[2], carry[3])
            for new in rows[before:]:
                new.doubt = new.doubt or held_doubt
                new.parted = held_parted
            held_doubt = None
        page_rows_here = list(zip(pr.rows, pr.merged, strict=True))
        state: dict = {"first": True, "leading": True, "rows_whole": rows_whole, "foot_closed": foot_closed}
        state["feet_close_cells"] = feet_close_cells or rows_whole
        # Rows between rulings on both sides of the break: their cells' feet are known.
        state["ruled_break"], state["merged_foot"] = bool(pr.spans) and prev_spanned, prev_merged_foot
        state["closed_above"] = closed_above  # merged columns the page before closed at its foot
        held = page_rows_here.pop() if layout and n + 1 < len(pages) and page_rows_here else None
        # The page's first body row, found once (``_take_row`` below copies the cells it changes,
        # so the page's rows stay as they were for the page chains).
        first = _first_body_row(pr) if rows or not layout else None
        top = first if rows else None
        made: dict[int, list[_Row]] = {}
        for r, (cells, merged) in enumerate(page_rows_here):
            before = len(rows)
            carried = (*carried_over(pr, r, top), *pr.carried_cols.get(r, ()))  # merged over the break
            state["closed_top"] = closed_on_page(pr, r, first)
            _take_row(rows, cells, merged, page.page, state, carried, one_row_top(pr, r, top))
            made[r] = rows[before:]
            doubt = pr.doubts.get(r)
            if r == 0 and pr.carried and held_doubt:
                # The held-back row read again with this page: its doubt on the page before
                # (where its top was cut from the row above it) still holds.
                doubt, held_doubt = doubt or held_doubt, None
            for new in rows[before:]:
                new.ruled = pr.ruled  # between rulings: its cells' bottoms are known
                new.doubt = new.doubt or doubt
                new.parted = r in pr.parted or (r == 0 and pr.carried and held_parted)
                if layout and pr.align in ("centre", "bottom"):
                    new.aligned_cut = pr.align
        if not layout:
            chains.page(pr, first, made)
        prev_merged_foot = merged_at_foot(pr.spans) if pr.ruled else ()
        prev_spanned = bool(pr.spans)
        carry = (held[0], held[1], page.page, state) if held is not None else None
        held_doubt = pr.doubts.get(len(page_rows_here)) if held is not None else None
        held_parted = held is not None and len(page_rows_here) in pr.parted
        for r in rows[tabled:]:
            r.table = table
        tabled = len(rows)
    chains.finish()
    if band[0]:
        result.notes.append(two_row_note(*band))
    for r in rows[tabled:]:
        r.table = table
    join_continued_rows(rows, layout)
    if layout:
        check_layout_rows(rows, page_lines, result)
    else:
        flag_merged_rows(rows, result, hy)
    if side_numbers:
        result.notes.append(side_numbers_note(side_numbers))
    if result.unplaced:
        result.notes.append(f"{result.unplaced} words of the table pages could not be placed in a cell")
    if layout:
        # Text cells: extractors shift lines, so the wrap verdict is left to the rejoin step,
        # which compares each line's display width with its column's (the widest line).
        # Each table of the text has its own wrap widths and autospace verdict.
        seen: dict[tuple[int, int], list[float]] = {}
        for r in rows:
            for c, lines in r.cells.items():
                for ln in lines:
                    seen.setdefault((r.table, c), []).append(float(display_width(ln.text)))
        table_widths = {tc: wrap_width(ws, gs) for tc, ws in seen.items()}
        spaced = {
            t: is_autospaced([w.text for p in pages if table_of_page[p.page] == t for w in p.words], gs)
            for t in {r.table for r in rows}
        }
        for r in rows:
            widths = {c: w for (t, c), w in table_widths.items() if t == r.table}
            autospaced = spaced[r.table]
            raw = _to_raw_row(r, {}, hx, gs)
            for c, name in enumerate(COLUMNS):
                for cl, ln in zip(raw.cells[name], r.cells.get(c) or [], strict=True):
                    cl.wraps = False if ln.ends_part else None  # a sub-column's part ends
                if autospaced:
                    drop_cell_autospace(raw.cells[name], widths.get(c), settings)
                raw.widths[name] = widths.get(c)
            result.rows.append(raw)
        return result
    limits = limits_by_table([(r.table, r.cells) for r in rows], hx, gs.wrap_edge_companion_em)
    for r in rows:
        result.rows.append(_to_raw_row(r, limits[r.table], hx, gs))
    return result


def _to_raw_row(r: _Row, limits: dict[int, float], hx: float, gs: GridSettings) -> RawRow:
    raw = RawRow(
        page_start=r.page_start, page_end=r.page_end, flags=list(r.flags), ruled=r.ruled, positioned=True
    )
    raw.parted = r.parted
    if r.doubt:
        raw.doubts.append(Doubt("row_split_guess", None, r.doubt, UNSURE_JOIN_STRENGTH))
    if r.aligned_cut:
        why = ALIGNED_CUT_WHY.format(align=r.aligned_cut)
        raw.doubts.append(Doubt("close_cut", None, why, ALIGNED_CUT_STRENGTH))
    for c, name in enumerate(COLUMNS):
        lines = r.cells.get(c) or []
        limit = limits.get(c, 0.0)
        out: list[CellLine] = []
        for i, ln in enumerate(lines):
            reach = ln.x1 - ln.left
            space_after = False
            if i + 1 < len(lines):
                nxt = lines[i + 1]
                # A space the document prints at the line's end takes room: the line was broken
                # there because the next word did not fit after it.
                spaced = ln.text[-1:] in (" ", "\u3000")
                room = max(w.x1 for w in ln.words) - ln.left if spaced else reach
                # The next line's first character did not fit (within the boxes' precision), or
                # it and the character an opening bracket keeps with it clearly did not.
                ocr = ln.words[0].source == "ocr"
                exact = gs.wrap_fit_em if ocr else gs.wrap_fit_exact_em
                bare, kept = nxt.first_piece_widths()
                if ocr:
                    em = ocr_pitch(ln, hx)
                    room += white_after(ln, em, gs)
                    # OCR boxes hold ink, narrower than the advance the print gave the piece
                    # (手・ of 手・使用: ・'s box is a dot): at least its display units at half
                    # an em each.
                    units_bare, units_kept = nxt.first_piece_units()
                    bare, kept = max(bare, units_bare * em / 2), max(kept, units_kept * em / 2)
                wraps = room + bare > limit + exact * hx or room + kept > limit + gs.wrap_fit_em * hx
                # Half-width words broken at a space: the line had room for the space (not
                # printed at a line end) but not for the next word.  Between Japanese
                # characters a break is as likely mid-word, so no space is guessed there.
                if wraps:
                    a, b = ln.text.strip()[-1:], nxt.text.strip()[:1]
                    space_after = ln.text[-1:] == " " or (
                        a.isascii()
                        and a.isalnum()
                        and b.isascii()
                        and b.isalnum()
                        and (" " in ln.text.strip() or " " in nxt.text.strip())
                        and limit - reach >= unit_width(ln.words) * gs.space_room_units
                    )
            else:
                wraps = reach >= limit - gs.wrap_edge_em * hx
            cl = CellLine(
                ln.text,
                ln.page,
                ln.line_no,
                wraps and not ln.ends_part,
                ln.conf,
                ln.reaches_bottom,
                space_after,
            )
            # No word with a confidence (every line of a text-layer PDF): none is unsure.
            confs = list(map(_conf, ln.words))
            cl.unsure = () if confs.count(None) == len(confs) else unsure_words(ln.words)
            out.append(cl)
        if name == "item":
            _heading_breaks(out)
        if why := cell_doubt(name, lines):
            raw.doubts.append(Doubt("column_guess", name, why))
        raw.doubts.extend(edge_doubts(name, lines))
        if any(map(_mark, chain.from_iterable(map(_words, lines)))):  # else no span: none marked
            raw.marks.extend(f"{mark}:{name}:{text}" for mark, text in marked_spans(lines))
        # OCR words a second read doubted (extract/ocr/pages.py) and words a reader placed in
        # this column by guess (``Word.guess``).  Every word has both slots set (the compiled
        # reader sets them as ``models.pdf_char`` does), so they are read plainly: a failed
        # look-up per character cost several ms a read.
        # The words' slots are read by ``map`` and the empty ones left out by ``filter``: no
        # bytecode runs per character (the common cell has no such word).
        whys = dict.fromkeys(filter(None, map(_second_read, chain.from_iterable(map(_words, lines)))))
        raw.doubts.extend(Doubt("ocr_suspect", name, why) for why in whys)
        guesses = dict.fromkeys(filter(None, map(_guess, chain.from_iterable(map(_words, lines)))))
        raw.doubts.extend(Doubt("column_guess", name, why) for why in guesses)
        raw.cells[name] = out
        raw.widths[name] = None
    if any(ln.column >= 0 for lines in r.cells.values() for ln in lines):  # layout text
        guessed = {**overlap_doubts(r.cells), **swallowed_doubts(r.cells)}
        raw.doubts.extend(Doubt("column_guess", name, why) for name, why in guessed.items())
    confs = [cl.conf for cls in raw.cells.values() for cl in cls if cl.conf is not None]
    if confs:
        raw.confidence = min(1.0, statistics.median(confs) / 100)
    return raw


def _heading_breaks(lines: list[CellLine]) -> None:
    """In the 項目 column a heading may end exactly at the cell's edge: a full line followed by
    a line that opens a heading of the form (and reads worse joined) is a paragraph break."""
    start = 0
    for i in range(len(lines) - 1):
        if not lines[i].wraps:
            start = i + 1
            continue
        left = "".join(cl.text.strip() for cl in lines[start : i + 1])
        j = i + 1
        right = lines[j].text.strip()
        while lines[j].wraps and j + 1 < len(lines):
            j += 1
            right += lines[j].text.strip()
        if not left or not right or left[-1] in RUNNING_PARTICLES or ATTRIBUTIVE_ENDING.search(left):
            continue  # …その他の / リスク対策, …における / リスク対策: no heading ends so
        score = heading_score(right)
        if (
            score >= HEADING_BREAK_SCORE
            and score >= heading_score(left + right)
            and heading_score(left) >= 0.5
        ):
            lines[i].wraps = False
            start = i + 1


def layout_pages_to_rows(pages: list[PageWords], settings: Settings) -> GridResult:
    """Rows of ``pdftotext -layout``-like text: words at character offsets, no rulings.  A page
    that prints a second table under its own label row is read as two (``layout_between``)."""
    from .layout_between import split_second_tables

    pages, notes = split_second_tables(pages)
    result = pages_to_rows(pages, settings)
    result.notes.extend(notes)
    return result


_mark = attrgetter("mark")
_conf = attrgetter("conf")
_second_read = attrgetter("second_read")
_guess = attrgetter("guess")
_words = attrgetter("words")


def marked_spans(lines: list[Line]) -> list[tuple[str, str]]:
    """The runs of words one mark covers in a cell's lines, in reading order: (mark, text).

    A run goes on across a line break when the line's last word and the next line's first
    word carry the same mark (an underline that wraps with its words), unless the run ends a
    sentence (。) or the next line opens a paragraph (・, ①, （１）…): two marked paragraphs are
    two runs."""
    spans: list[tuple[str, str]] = []
    current: str | None = None
    for ln in lines:
        if current and spans and (spans[-1][1].rstrip().endswith("。") or starts_paragraph(ln.text.lstrip())):
            current = None
        if not any(map(_mark, ln.words)):
            # No word of the line is marked (the common line): the loop below would only
            # leave ``current`` unmarked.
            if ln.words:
                current = None
            continue
        for w in ln.words:
            if w.mark and w.mark == current:
                spans[-1] = (current, spans[-1][1] + w.text)
            elif w.mark:
                spans.append((w.mark, w.text))
            current = w.mark
    return [(m, t.strip()) for m, t in spans if t.strip()]
