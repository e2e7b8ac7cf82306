"""Rows of one page of positioned words (PDF characters, OCR words): rulings read and clustered,
column boundaries (rulings, labels, gaps, the previous page), then rows between horizontal
rulings (merged cells spanning rows), else rows anchored at dates.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from operator import attrgetter

from piatable.models import PageWords, Unseen, Word
from piatable.settings import GridSettings
from piatable.vocabulary import SPANNING_LABELS

from ..captions import CAPTION_NOTE, is_caption, quote_captions
from ..dates import DATE_LINE
from .anchored import lines_to_anchored_rows
from .between_rulings import lines_after_foot, lines_between_tables, reads_as_a_row, ruled_foot
from .column_order import ColumnMove, moved_page, page_move
from .columns import bounds_from_gaps, bounds_from_labels, continues_columns, shifted_columns
from .common import N_COLS, PageRows, covered_length, is_furniture
from .content_order import content_move
from .hrule_table import full_width_rules
from .labels import find_header, label_tails_back, with_label_tails
from .lines import Line, is_plain_pdf, split_segments, words_to_lines
from .lone_splits import lone_split_doubts
from .merged_across import join_merged_across
from .nested_tables import table_walls
from .overflow_text import overflow_words, place_cell_lines
from .place_words import place_column_span, walls_ruled, without_place_words
from .ruling_clusters import Segment, horizontal_rulings, is_horizontal
from .side_numbers import side_number_words
from .sub_columns import inner_walls, join_parts, place_strip_lines, spanned_walls, strip_units
from .unseen import CellBox, attach_clipped, clipped_cell_words

try:  # compiled twins (grid/_plain_lines.c) of page_words, column_words, printed_crossings, marks
    from ._plain_lines import column_words as _compiled_column_words
    from ._plain_lines import mark_strokes as _compiled_mark_strokes
    from ._plain_lines import page_words as _compiled_page_words
    from ._plain_lines import printed_crossings as _compiled_printed_crossings
except ImportError:  # no C compiler where the package was installed: the Python code runs
    _compiled_column_words = _compiled_mark_strokes = _compiled_page_words = None
    _compiled_printed_crossings = None


_bottom = attrgetter("bottom")


# Share of a word's width a stroke must cover to mark the word (underlined / struck).
MARK_COVER_SHARE = 0.5


def mark_decorations(
    page: PageWords, words: list[Word], hx: float, hy: float, settings: GridSettings
) -> list[Segment]:
    """The rulings of ``page`` less the strokes that decorate text, which mark their words.

    A horizontal stroke is a decoration, not a row boundary, when it lies on a run of text and
    does not reach past it by more than ``decoration_slack_em``: through the middle of its
    characters (a strike-through: ``Word.mark = "struck"``) or just under them, within
    ``underline_band_em`` of their bottom (an underline, single or double: ``"underlined"``).
    A row's ruling runs from one vertical ruling to the next, past the cell's padding, even
    under a full line of a clipped cell.  Amendment tables underline the words a change made.
    The loop is compiled (normalize/grid/_plain_lines.c: the same steps and float arithmetic)
    when it is built and the boxes are floats."""
    slack = settings.decoration_slack_em * hx
    if _compiled_mark_strokes is not None and type(page.rulings) is list and type(words) is list:
        thick = settings.ruling_thickness_em * hy  # as is_horizontal
        min_len = settings.min_ruling_em * hx / 2
        band = settings.underline_band_em * hy
        keep = _compiled_mark_strokes(
            page.rulings,
            words,
            thick,
            min_len,
            band,
            settings.strike_band,
            slack,
            MARK_COVER_SHARE,
            "struck",
            "underlined",
        )
        if keep is not None:
            return keep
    keep: list[Segment] = []
    # Words by bottom: a stroke at y can decorate only words whose bottom is within a glyph's
    # height below it or the underline band above it.
    ordered = sorted(words, key=_bottom)
    bottoms = list(map(_bottom, ordered))
    tallest = max((w.bottom - w.top for w in words), default=0.0)
    for seg in page.rulings:
        x0, t, x1, b = seg
        y = (t + b) / 2
        if not is_horizontal(seg, hx, hy, settings):
            keep.append(seg)
            continue
        struck: list[Word] = []
        under: list[Word] = []
        lo = bisect_left(bottoms, y - settings.underline_band_em * hy)
        hi = bisect_right(bottoms, y + tallest)
        for w in ordered[lo:hi]:
            h = w.bottom - w.top
            if w.x1 <= x0 or w.x0 >= x1:
                continue
            if w.top + settings.strike_band * h <= y < w.bottom - settings.strike_band * h:
                struck.append(w)
            elif w.bottom - settings.strike_band * h <= y <= w.bottom + settings.underline_band_em * hy:
                under.append(w)
        run = struck or under
        if not run or x0 < min(w.x0 for w in run) - slack or x1 > max(w.x1 for w in run) + slack:
            keep.append(seg)
            continue
        for w in run:
            # A word is marked when the stroke covers most of it: an underline drawn a little
            # past its run touches the neighbouring characters too.
            covered = min(w.x1, x1) - max(w.x0, x0)
            if w.text.strip() and covered >= MARK_COVER_SHARE * (w.x1 - w.x0):
                w.mark = "struck" if struck else "underlined"
    return keep


def _column_of(x: float, bounds: list[float]) -> int | None:
    k = bisect_right(bounds, x) - 1
    return k if 0 <= k < N_COLS else None


def page_rows(
    page: PageWords,
    prev_bounds: list[float] | None,
    hx: float,
    hy: float,
    settings: GridSettings,
    align: str | None = None,
    move: ColumnMove | None = None,
    prev_span: tuple[str, float, float, str] | None = None,
) -> PageRows | None:
    """Rows of one page of positioned words (units of ``page``; ``hx``/``hy`` its ems).  Column
    boundaries from the rulings and labels, the gaps, or ``prev_bounds`` (the previous page's);
    rows between horizontal rulings, else anchored at dates (``align``: the alignment the pages
    before decided).  None for a blank page, a page with no columns found, or one ruled in other
    columns than the table's (another part of the document).  A page whose label row prints the
    columns in another order, or with no label row after a page that did (``move``), is read
    with its columns moved into the form's order (``column_order``; ``PageRows.move``).  An
    extra column ruled between two field columns (``place_words``) is set aside, also on a page
    without a label row after one that named it (``prev_span``) when its walls are ruled there."""
    words, ink, plain = page_words(page.words)
    if not ink:
        return None
    all_lines = words_to_lines(words, hx, hy, settings, plain)
    header = find_header(all_lines, hx, hy, settings)
    # A label wrapped in a narrow header cell leaves its other lines under the label band
    # (変更 / 前の / 記載): they are the header's, not the first row's (issue 11, scans).
    header = header and with_label_tails(header, all_lines, hy)
    page, verticals = table_walls(page, header, hx, hy, settings)
    vxs = [x for x, _, _ in verticals]
    span = place_column_span(header, all_lines, vxs, hy)  # 変更箇所 (3頁 5行), 区分 … between fields
    if span is None and header is None and prev_span is not None and walls_ruled(prev_span, vxs, hx):
        span = prev_span
    if span is not None:
        top = header.top - hy / 2 if header is not None else float("-inf")  # the title above is kept
        page, note = without_place_words(page, span, top)
        res = page_rows(page, prev_bounds, hx, hy, settings, align, move)
        if res is not None:
            res.notes.append(note)
            res.extra_span = span
        return res
    made: list[Line] = []

    def body() -> list[Line]:
        """The body's text segments (below the label row, furniture aside), made on first use:
        a page ruled in all its columns needs none."""
        if not made:
            made.extend(
                seg
                for ln in all_lines
                if (header is None or ln.top > header.bottom - hy / 2) and not is_furniture(ln.text)
                for seg in split_segments(ln, settings.column_gap_em * hx)
            )
        return made

    move = page_move(header, move, vxs, body, hx, settings) or content_move(header, vxs, body)
    if move is not None:
        res = page_rows(moved_page(page, move, hx, settings), prev_bounds, hx, hy, settings, align)
        if res is not None:
            res.move = move
        return res
    bounds: list[float] | None = None
    spanned: set[float] = set()
    if page.unit == "cell" and not vxs:
        # Text columns placed by an extractor: its label positions drift more than its body.
        bounds = bounds_from_gaps(body(), hx, settings, step=1.0)
    if bounds is None and header is not None:
        spanned = spanned_walls(header, verticals, hy)  # 大項目 | 中項目・小項目 under 項目
        bounds = bounds_from_labels(header, [x for x in vxs if x not in spanned], body, hx, settings)
    if bounds is None and prev_bounds is not None:
        slack = settings.ruling_merge_em * hx * 2
        prev_bounds = shifted_columns(vxs, prev_bounds, slack) or prev_bounds
        if not continues_columns(vxs, prev_bounds, body, hx, slack):
            # Ruled, but not in the table's columns, or text that does not fit them: another
            # part of the document (a note or the closing 以上 printed after the table).
            return None
        bounds = [
            min(vxs, key=lambda x: abs(x - b)) if vxs and min(abs(x - b) for x in vxs) <= slack else b
            for b in prev_bounds
        ]
    if bounds is None and len(vxs) == N_COLS + 1:
        bounds = sorted(vxs)
    if bounds is None:
        bounds = bounds_from_gaps(body(), hx, settings)
    if bounds is None:
        return None
    used = [v for v in verticals if any(abs(v[0] - b) <= settings.ruling_merge_em * hx for b in bounds)]
    ruled = len(used) >= 2
    if ruled:
        table_top = min(v[1] for v in used)
        table_bottom = max(v[2] for v in used)
        if header is not None:
            # Another ruled table above the label row (the end of the previous section).
            table_top = max(table_top, header.top - hy)
        table_bottom, clustered_bottom = ruled_foot(page, bounds, table_top, table_bottom, hx, hy, settings)
    else:
        table_top = header.top - hy / 2 if header else min(ln.top for ln in all_lines) - hy / 2
        table_bottom = page.height + hy if page.height else max(ln.bottom for ln in all_lines) + hy
        # No vertical rulings, but rules across the table's width: rows lie between them.
        rules = [] if vxs else horizontal_rulings(page.rulings, hx, hy, settings)
        span = full_width_rules(rules, bounds, settings) if rules else None
        if span is not None:
            # The foot stays the page's (Writer prints no rule where a row breaks); a title
            # line above the first rule is not the table's.
            ruled = True
            if header is not None:
                table_top = max(table_top, min(span[0], header.top))
    res = PageRows([], [], header is not None, bounds, ruled, align=align)
    if ruled:  # a field's column ruled as several (sub_columns)
        res.strips = inner_walls(
            verticals, bounds, table_top, table_bottom, settings.ruling_merge_em * hx, spanned
        )

    # Words of the table region, by column; the rest is furniture or unplaced.
    placed: list[Line] = []
    between = lines_between_tables(page, all_lines, bounds, hx, hy, settings) if ruled else set()
    after = lines_after_foot(all_lines, table_bottom, clustered_bottom, hy) if len(used) >= 2 else set()
    for k, ln in enumerate(all_lines):
        if k in between or k in after:
            where = "between two tables" if k in between else "printed after the table"
            res.notes.append(f"text {where}, not a row: '{ln.text[:60]}'")
            res.unplaced += len(ln.words) if k in after and reads_as_a_row(ln.text) else 0
            continue
        inside_y = table_top - hy / 2 <= ln.mid <= table_bottom + hy / 2
        if inside_y and ruled and header and ln.mid < min(table_top, header.top) and is_caption(ln.text):
            # A caption above the top ruling and the label row, as near as Gnumeric's tight rows
            # print it (``※提出時期は…``, branch gnumeric52): the title block's, named.
            res.notes.append(CAPTION_NOTE.format(quote_captions([ln.text])))
            continue
        if (
            ruled
            and header
            and ln.mid < header.top
            and is_furniture(ln.text)
            and ln.text.strip() not in SPANNING_LABELS
        ):
            # (a spanning label, 変更箇所 over 変更前 / 変更後, is the label row's upper row: noted below)
            continue  # the title over the label row, within the top of a ruled table above it
        if not inside_y or (not ruled and (is_furniture(ln.text) or (header and ln.mid < header.top))):
            if inside_y and not is_furniture(ln.text) and not header:
                res.unplaced += len(ln.words)
            continue
        placed.append(ln)
    in_table, by_column, outside = overflow_words(placed, bounds, column_words, hx, settings, res, page)
    if outside:  # a numbering column beside the fields is set aside, not lost (side_numbers)
        aside, texts = side_number_words(placed, bounds)
        outside -= len(aside)
        res.side_numbers.extend(texts)
    res.unplaced += outside
    if not in_table:
        return res

    kept = mark_decorations(page, in_table, hx, hy, settings) if ruled else []
    hrules = horizontal_rulings(kept, hx, hy, settings) if ruled else []
    ys: list[float] = []
    closed: list[list[bool]] = []
    covers: list[list[tuple[float, float]]] = []
    for y, cover in hrules:
        if not table_top - hy <= y <= table_bottom + hy:
            continue
        flags = [
            covered_length(cover, bounds[c], bounds[c + 1])
            >= settings.closed_share * (bounds[c + 1] - bounds[c])
            for c in range(N_COLS)
        ]
        if any(flags):
            ys.append(y)
            closed.append(flags)
            covers.append(cover)
    if len(ys) >= 2:
        if ys[0] - table_top > hy / 2:
            ys.insert(0, table_top)
            closed.insert(0, [True] * N_COLS)
            covers.insert(0, [(bounds[0], bounds[-1])])
        if table_bottom - ys[-1] > hy / 2:
            ys.append(table_bottom)
            closed.append([True] * N_COLS)
            covers.append([(bounds[0], bounds[-1])])
        else:
            res.foot_closed = tuple(c for c in range(N_COLS) if closed[-1][c])
        _ruled_rows(res, by_column, ys, closed, hx, hy, settings, plain, page.unseen, covers)
        for r, why in lone_split_doubts(res.spans).items():  # an underline read as a ruling?
            res.doubts.setdefault(r, why)
        join_merged_across(res, page, ys, hx, hy, settings, plain)
        if header is not None:
            _label_row_apart(res, ys, header.top, header.bottom, hy)
            label_tails_back(res.rows, ys, header)  # 提出 / 時期 printed across the ruling
    else:
        if header is not None:
            # No row rulings to hold the label row apart: it and whatever is above it go.
            in_table = [w for w in in_table if (w.top + w.bottom) / 2 > header.bottom]
        _anchored_rows(res, in_table, hx, hy, settings)
    return res


def page_words(words: list[Word]) -> tuple[list[Word], bool, bool]:
    """The ``words`` of a page that are read: those with ink and the space characters the
    source carries (text: ASCII phrases, ア　…; other blank words go); whether any has ink (a
    page without is blank); and whether they are all plain PDF characters (``is_plain_pdf``).
    Made by the compiled twin (normalize/grid/_plain_lines.c) when it is built."""
    if _compiled_page_words is not None and type(words) is list:
        out = _compiled_page_words(words)
        if out is not None:
            return out
    kept = [w for w in words if w.text.strip() or w.text in (" ", "\u3000", "\u00a0")]
    return kept, any(w.text.strip() for w in kept), is_plain_pdf(kept)


def column_words(lines: list[Line], bounds: list[float]) -> tuple[list[Word], list[list[Word]], int]:
    """The words of ``lines`` (in order) that lie in a column of ``bounds`` (their centre between
    two boundaries: ``_column_of``), the same words by column (``N_COLS`` lists, in order), and
    the count of the others.  Made by the compiled twin (normalize/grid/_plain_lines.c) when it is
    built and the boxes are floats."""
    if _compiled_column_words is not None and type(lines) is list and type(bounds) is list:
        out = _compiled_column_words(lines, bounds, N_COLS)
        if out is not None:
            return out
    words: list[Word] = []
    by_column: list[list[Word]] = [[] for _ in range(N_COLS)]
    outside = 0
    for ln in lines:
        for w in ln.words:
            col = bisect_right(bounds, (w.x0 + w.x1) / 2) - 1  # _column_of, inlined
            if 0 <= col < N_COLS:
                words.append(w)
                by_column[col].append(w)
            else:
                outside += 1
    return words, by_column, outside


def printed_lines(words: list[Word], tolerance: float) -> list[list[Word]]:
    """``words`` of one column grouped into printed lines: runs of words whose bottoms (the
    baseline side of a box) lie within ``tolerance`` (page units) of the previous one's."""
    out: list[list[Word]] = []
    last = None
    for w in sorted(words, key=_bottom):
        if out and last is not None and w.bottom - last <= tolerance:
            out[-1].append(w)
        else:
            out.append([w])
        last = w.bottom
    return out


def overprinted(printed: list[Word]) -> bool:
    """Whether different characters of one printed line lie over each other: a character that
    starts before the previous one (left to right) reaches half its width (identical
    over-printed characters, printed twice for bold, are merged when the page is read)."""
    ordered = sorted(printed, key=lambda w: w.x0)
    return any(
        b.x0 < a.x1 - (a.x1 - a.x0) / 2 and b.text.strip() and a.text.strip() and b.text != a.text
        for a, b in itertools.pairwise(ordered)
    )


def line_crossing(printed: list[Word], span_tops: list[float], share: float) -> tuple[int, int] | None:
    """Whether one printed line crosses the ruling at the top of a cell span: ``(k, s)`` where
    ``k`` is the crossed span (its top lies inside the line's box, more than ``share`` of the
    line's height from either edge) and ``s`` the span the whole line goes to (``k``, or
    ``k - 1`` when the part above the ruling is larger by more than ``share`` of the height:
    ``GridSettings.crossing_line_share``); None when the line lies within one span.  The table's
    top ruling (span 0) is not crossed: text above it is not the table's."""
    return _crossing(printed, span_tops, share)[0]


def _crossing(
    printed: list[Word], span_tops: list[float], share: float
) -> tuple[tuple[int, int] | None, float, float]:
    """``line_crossing``'s answer, with the line's top and bottom."""
    top = min(w.top for w in printed)
    bottom = max(w.bottom for w in printed)
    height = bottom - top
    if height <= 0:
        return None, top, bottom
    k = bisect_right(span_tops, bottom - share * height) - 1
    if k < 1 or span_tops[k] <= top + share * height:
        return None, top, bottom
    above, below = span_tops[k] - top, bottom - span_tops[k]
    return (k, k - 1 if above - below > share * height else k), top, bottom


def printed_crossings(
    words: list[Word], tolerance: float, span_tops: list[float], share: float
) -> list[tuple[list[Word], tuple[int, int] | None, float, float]]:
    """The printed lines of one column's ``words`` (``printed_lines``), each with how it lies
    across the rulings at ``span_tops`` and its top and bottom (``_crossing``).  Made by the
    compiled twin (normalize/grid/_plain_lines.c: the same steps and float arithmetic) when it
    is built and the boxes are plain floats."""
    if _compiled_printed_crossings is not None and type(words) is list and type(span_tops) is list:
        out = _compiled_printed_crossings(words, tolerance, span_tops, share)
        if out is not None:
            return out
    return [(printed, *_crossing(printed, span_tops, share)) for printed in printed_lines(words, tolerance)]


def _ruled_rows(
    res: PageRows,
    by_column: list[list[Word]],
    ys: list[float],
    closed: list[list[bool]],
    hx: float,
    hy: float,
    settings: GridSettings,
    plain: bool | None = None,
    unseen: list[Unseen] | None = None,
    covers: list[list[tuple[float, float]]] | None = None,
) -> None:
    """Rows between horizontal rulings; a cell with no ruling below it spans the next row too.
    ``by_column``: the words of each of the table's columns (``column_words``); ``plain``:
    whether they are all PDF characters (``is_plain_pdf``), when known; ``unseen``: the page's
    characters left out as not visible, of which those clipped away at a cell's edge are tied to
    its lines (``unseen.attach_clipped``).  A column ruled as several (``PageRows.strips``: each
    sub-column's row spans from the horizontal rulings' ``covers``) is read a sub-column at a
    time, its cells joined (``sub_columns.strip_units``)."""
    n_rows = len(ys) - 1
    rows: list[dict[int, list[Line]]] = [{} for _ in range(n_rows)]
    merged = [False] * n_rows
    bounds = res.bounds
    res.spans = [{} for _ in range(n_rows)]
    boxes: list[CellBox] = []
    taken: set[int] = set()  # ids of the clipped characters cells took as their text
    parts: dict[int, dict[int, list[dict[int, list[Line]]]]] = {}  # column → sub-column → rows
    for c, part, lo, hi, closed_c, words_c in strip_units(res, by_column, closed, covers or [], settings):
        # Spans of this column: row ranges between the boundaries closed under it.
        cuts = [0] + [k for k in range(1, n_rows) if closed_c[k]] + [n_rows]
        spans = list(itertools.pairwise(cuts))
        for a, b in spans:
            for r in range(a, b):
                res.spans[r][c] = (a, b)
        span_tops = [ys[a] for a, _ in spans]
        by_span: dict[int, list[Word]] = {}
        overflowing: set[int] = set()  # ids of the words of lines that cross a cell's bottom
        tolerance, share = settings.line_tolerance_em * hy, settings.crossing_line_share
        for printed, crossing, top, bottom in printed_crossings(words_c, tolerance, span_tops, share):
            if crossing and crossing[1] < crossing[0]:
                overflowing.update(id(w) for w in printed)
            if crossing and overprinted(printed):
                # Two cells' lines printed on one baseline (a centred cell overflowing down into
                # the next one overflowing up): no geometry of the text layer parts them.
                lower = spans[crossing[0]][0]
                text = "".join(w.text for w in sorted(printed, key=lambda w: w.x0)).strip()
                why = (
                    f"two rows' lines are printed over each other across the ruling above row "
                    f"{lower + 1}: {text!r}"
                )
                res.doubts.setdefault(lower - 1, why)
                res.doubts.setdefault(lower, why)
            if crossing:
                by_span.setdefault(crossing[1], []).extend(printed)
                continue
            k = bisect_right(span_tops, top)
            if k == bisect_right(span_tops, bottom):
                # The line's box lies in one span, and so does every centre of its words (a
                # box's top is never below its bottom).
                if k < 1:
                    res.unplaced += len(printed)
                else:
                    by_span.setdefault(k - 1, []).extend(printed)
                continue
            for w in printed:
                s = bisect_right(span_tops, (w.top + w.bottom) / 2) - 1
                if s < 0:
                    res.unplaced += 1
                    continue
                by_span.setdefault(s, []).append(w)
        if unseen and part is None:
            taken.update(map(id, _clipped_cells(c, by_span, spans, ys, bounds, unseen, merged, hy, settings)))
        for s, ws in by_span.items():
            a, b = spans[s]
            lines = words_to_lines(ws, hx, hy, settings, plain)
            place_cell_lines(lines, c, lo, hi, (ys[a], ys[b]), res)
            if part is not None:
                place_strip_lines(lines, res.strips[c], part)
            if overflowing:
                for ln in lines:
                    ln.overflows = any(id(w) in overflowing for w in ln.words)
            if lines:
                lines[-1].reaches_bottom = ys[b] - lines[-1].bottom < settings.reach_bottom_em * hy
                boxes.append(CellBox(lo, ys[a], hi, ys[b], lines))
            into = (
                rows
                if part is None
                else parts.setdefault(c, {}).setdefault(part, [{} for _ in range(n_rows)])
            )
            for r in range(a, b):
                into[r][c] = lines
                if b - a > 1:
                    merged[r] = True
    res.rows, res.merged = rows, merged
    join_parts(res, parts)
    if unseen:
        # The characters a cell took as its own text continue no other cell's.
        attach_clipped([u for u in unseen if id(u.word) not in taken], boxes, hy, settings)


def _label_row_apart(res: PageRows, ys: list[float], top: float, bottom: float, hy: float) -> None:
    """The label row's cells kept apart from the rows under it where no ruling under the label
    row was seen in a column (a faint or broken line in a scan): such a cell spans the label row
    and the first row like a merged cell, and the first row took the labels as its text
    (``変更 / 前の / 記載 / 住民基本台帳…``, flagged ``merged_cell_filled``).  The lines within the
    label band (``top`` to ``bottom``, wrapped labels' tails included) are the label row's; the
    rows under it keep the rest, and their spans start under the label row (issue 11, scans)."""
    mid = (top + bottom) / 2
    h = bisect_right(ys, mid) - 1
    if not 0 <= h < len(res.rows):
        return
    touched: set[int] = set()
    for r in range(len(res.rows)):
        for c, (a, b) in list(res.spans[r].items()):
            if not a <= h < b or b - a < 2:
                continue
            touched.add(r)
            lines = res.rows[r].get(c, [])
            if r == h:
                res.rows[r][c] = [ln for ln in lines if ln.mid <= bottom + hy / 2]
            else:
                res.rows[r][c] = [ln for ln in lines if ln.mid > bottom + hy / 2]
                res.spans[r][c] = (h + 1, b)
    for r in touched:
        # Merged now only where a span of the body rows is.
        res.merged[r] = r != h and any(b - a > 1 for a, b in res.spans[r].values())


def _clipped_cells(
    c: int,
    by_span: dict[int, list[Word]],
    spans: list[tuple[int, int]],
    ys: list[float],
    bounds: list[float],
    unseen: list[Unseen],
    merged: list[bool],
    hy: float,
    settings: GridSettings,
) -> list[Word]:
    """Cells of column ``c`` that print nothing on this page but hold text clipped away at their
    top or bottom edge (``unseen.clipped_cell_words``): a cell merged over a page break (a
    変更日, an explanation shared by rows on both pages), centred or at the foot of the whole
    cell, is drawn on each page and shown on one only.  Its rows here take that text, as they
    would a merged cell printed on the page (``merged_cell_filled``), not the previous page's
    value nor none.  In the date column only a date is taken.  Returns the characters taken."""
    taken: list[Word] = []
    for s, (a, b) in enumerate(spans):
        printed = "".join(w.text for w in by_span.get(s, [])).strip()
        if printed:
            continue
        box = CellBox(bounds[c], ys[a], bounds[c + 1], ys[b], [])
        words = clipped_cell_words(unseen, box, hy, settings)
        if not words or (c == 0 and not DATE_LINE.match("".join(w.text for w in words))):
            continue
        by_span[s] = words
        taken += words
        for r in range(a, b):
            merged[r] = True
    return taken


def _anchored_rows(res: PageRows, words: list[Word], hx: float, hy: float, settings: GridSettings) -> None:
    """No horizontal rulings: rows start at the dates of the first column (cells top-aligned),
    or, when the timing column's words sit level with the dates' centres, at the midpoints."""
    bounds = res.bounds
    cols: dict[int, list[Line]] = {}
    for c in range(N_COLS):
        ws = [w for w in words if _column_of((w.x0 + w.x1) / 2, bounds) == c]
        lines = words_to_lines(ws, hx, hy, settings)
        for ln in lines:
            ln.column, ln.left = c, bounds[c]
        cols[c] = lines
    lines_to_anchored_rows(res, cols, hy)
