"""Rows of one page of ``pdftotext -layout``-like text (``cell`` units): segments of a line,
character offsets, column starts estimated and fitted, segments assigned to columns.
"""

from __future__ import annotations

import itertools
import statistics

import regex

from piatable.models import PageWords, Word
from piatable.settings import GridSettings
from piatable.vocabulary import ITEM_OPENING

from ..chars import MARKER_ALONE, char_width, display_width
from ..dates import DATE_AT_START, is_date_head
from .anchored import lines_to_anchored_rows
from .cell_tails import cell_tail_lines
from .choice_boxes import join_choice_boxes
from .column_order import ColumnMove, layout_move
from .columns import bounds_from_gaps
from .common import N_COLS, PageRows, is_furniture_at
from .fullwidth_gaps import regap_fullwidth_spaces
from .inner_gaps import keep_inner_gaps, windowed_starts
from .label_bounds import opens_under_labels
from .label_openers import starts_from_openers
from .labels import Header, find_header, is_label_line, with_label_tails
from .layout_item_parts import (
    drop_sub_labels,
    held_item_starts,
    item_part_edges,
    item_pieces,
    item_start,
    reread_items,
    sub_label_lines,
    sub_label_note,
)
from .layout_mends import mend_layout_rows
from .layout_words import drop_autospace, is_autospaced, wrap_width
from .lines import Line, words_to_lines
from .margin_notes import drop_margin_notes
from .misplaced import broken_row_doubts, crossing_row_doubts
from .page_carry import carries, prepend_carry, take_tail
from .page_shift import running_columns, shifted_starts
from .prose_page import is_prose_page
from .remark_column import REMARK, explanation_widths, remark_label, remarks_note, split_remarks
from .run_ons import mark_run_ons
from .soft_gutters import open_at_gutters
from .squeezed_gaps import SPLIT_COLUMNS, joined_across_gap, overrun, squeezed_gap, squeezed_split
from .sub_label_columns import (
    drop_table_footnotes,
    header_sub_label_lines,
    sub_label_edges,
    take_sub_column_pieces,
)
from .wrapped_timing import is_timing_piece, is_timing_token, join_timing_qualifiers, join_wrapped_timing

__all__ = ["drop_autospace", "is_autospaced", "layout_page_rows", "wrap_width"]

_CJK_SPACE_CJK = regex.compile(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])")


def _layout_segments(line: Line, by_chars: bool = False) -> list[Line]:
    """A text line's segments; a single space beside a Japanese character also separates
    (Japanese text has no spaces: the extractor squeezed a column gap)."""
    out: list[Line] = []
    for w in line.words:
        x = w.x0
        for part in _CJK_SPACE_CJK.split(w.text):
            width = len(part) if by_chars else display_width(part)
            piece = Word(part, w.page, x, x + width, w.top, w.bottom, w.source, w.conf, w.line)
            piece.guess = w.guess
            out.append(Line([piece], part, x, x + width, w.top, w.bottom, w.page, w.line, w.conf))
            x += width + 1
    return out


# What a date printed with spaces leaves in the pieces after its first (年 11 月 20 日).
_DATE_PIECE = regex.compile(r"^[0-9０-９元年月日/.．／\-－−ー‐]+$")


TIMING_COLUMN = 4  # the column of 提出時期 (事前/事後)


def _is_date_part(text: str) -> bool:
    """A date, the head of a wrapped one (令和元年５月) or what it leaves on the next line (１日)."""
    return bool(DATE_AT_START.match(text) or is_date_head(text) or _DATE_PIECE.match(text.strip()))


# The end of a check box of a form (``[ ○ ]``, ``[ ]``, ``[○]``, or its closing bracket alone).
_ENDS_WITH_BOX = regex.compile(r"(?:^|\[\s*[○◯●]?\s*)\]$")
# A check box left open at the end of a piece (``[``, ``[ ○``): its ``]`` is in the same cell.
_OPEN_BOX = regex.compile(r"\[\s*[○◯●]?$")
# Whole cells of their own: what an after cell says of an addition or a deletion.
_WHOLE_CELL = regex.compile(r"^(?:削除|新規追加|上記(?:を|の)?(?:とおり)?(?:新規)?追加)$")


# 事前 / 事後, also printed as a choice box (``[ 事前 ]``) or with its qualifier (事前（重要な変更）).
_is_timing = is_timing_piece


def _is_soft(line: list[Line], i: int) -> bool:
    """True when piece ``i`` of a line follows the previous piece after a single space that
    may be the text's own: not beside a 提出時期 value (事前/事後 is a cell of its own), nor
    before 削除 / 新規追加 standing alone (an after cell's whole text)."""
    return (
        i > 0
        and line[i].x0 - line[i - 1].x1 <= 1.5
        and not _is_timing(line[i].text)
        and not _is_timing(line[i - 1].text)
        and not _WHOLE_CELL.match(line[i].text.strip())
    )


def _opens_next(line: list[Line], i: int) -> bool:
    """Piece ``i`` is a list marker alone (ア, (1), ・) with the next piece one space after it:
    the opening of that piece's line, never the end of the previous piece's cell."""
    return i + 1 < len(line) and _is_soft(line, i + 1) and bool(MARKER_ALONE.match(line[i].text.strip()))


def _opens_after(segs: list[Line], i: int, starts: list[float], k: int, slack: float) -> bool:
    """Piece ``i`` starts more than ``slack`` text columns left of column ``k``'s start and the
    piece one space after it opens at that start: ``i`` is the end of column ``k - 1``'s line
    run up to the boundary (``pdftotext -layout`` widens a line of half-width numbers, or prints
    a full-width space as a gap: ``番号法第９条第１項    別表第 番号法…``), not column ``k``'s."""
    return (
        k > 0
        and i + 1 < len(segs)
        and segs[i].x0 < starts[k] - slack
        and _is_soft(segs, i + 1)
        and abs(segs[i + 1].x0 - starts[k]) <= slack
    )


def _item_after_date(segs: list[Line], i: int, k: int) -> bool:
    """Piece ``i``, opening 項目 (``k`` 1) with a section (Ⅰ…Ⅵ), follows the line's date or date
    head (``令和元年5 Ⅰ基本情報 ７．評価…``, set XX t11): the item's first piece, never the end of
    the 変更日 cell's line, however far left of the column's start the text squeezed it."""
    return k == 1 and i == 1 and _is_date_part(segs[0].text) and bool(ITEM_OPENING.match(segs[i].text))


def _cell_openers(segs: list[list[Line]]) -> list[list[float]]:
    """Per line, the offsets of the pieces that certainly open a cell: at the line's start or
    after a gap of two spaces or more."""
    return [[p.x0 for i, p in enumerate(line) if not _is_soft(line, i)] for line in segs]


def _aligned(segs: list[list[Line]], openers: list[list[float]], window: int = 2) -> list[list[bool]]:
    """Per piece: whether a line within ``window`` lines opens a cell at its offset (within one
    column); a cell's lines start at one offset."""
    out: list[list[bool]] = []
    for j, line in enumerate(segs):
        lo, hi = max(0, j - window), min(len(segs), j + window + 1)
        near = [x for jj in range(lo, hi) if jj != j for x in openers[jj]]
        out.append([any(abs(p.x0 - x) <= 1.0 for x in near) for p in line])
    return out


def _assign(
    segs: list[Line], starts: list[float], settings: GridSettings, aligned: list[bool] | None = None
) -> list[int]:
    """Columns of a line's pieces (left to right), non-decreasing.  A piece opens a column at
    the cost of its distance from the column's start, or continues the previous piece's cell at
    a cost that is small after a single space (``layout_soft_join_cost``) and large after a
    column gap (``layout_share_cost``); a piece running past the next column's start costs the
    columns it overruns, and one opening a column well left of its start, one space before the
    piece that opens it, costs more (``layout_left_open_cost``, ``_opens_after``)."""
    n, m = len(segs), len(starts)
    if n == 0:
        return []
    inf = float("inf")
    soft = [_is_soft(segs, i) for i in range(n)]  # (asked for every column: once a piece)

    def overflow(i: int, k: int, slack: float = settings.layout_overflow_slack) -> float:
        if k + 1 >= m:
            return 0.0
        return max(0.0, segs[i].x1 - starts[k + 1] - slack)

    def opening(i: int, k: int) -> float:
        cost = abs(segs[i].x0 - starts[k]) + overflow(i, k)
        if (k == 0 and not _is_date_part(segs[i].text)) or (
            k == TIMING_COLUMN and not _is_timing(segs[i].text)
        ):
            cost += settings.layout_wrong_kind_cost
        if soft[i] and aligned is not None and not aligned[i]:
            cost += settings.layout_unaligned_cost
        if _opens_after(segs, i, starts, k, settings.layout_left_open_slack) and not _item_after_date(
            segs, i, k
        ):
            cost += settings.layout_left_open_cost
        if soft[i] and (
            (_ENDS_WITH_BOX.search(segs[i - 1].text) and not segs[i].text.startswith("["))
            or _OPEN_BOX.search(segs[i - 1].text)
            or segs[i].text.startswith("]")
        ):
            cost += settings.layout_box_label_cost
        return cost

    # best[i][k]: least cost of pieces 0..i with piece i in column k.
    best = [[inf] * m for _ in range(n)]
    back = [[-1] * m for _ in range(n)]
    for k in range(m):
        best[0][k] = opening(0, k)
    for i in range(1, n):
        share = settings.layout_share_cost
        join = settings.layout_soft_join_cost if soft[i] else share
        date_piece = bool(_DATE_PIECE.match(segs[i].text))
        tail = settings.layout_mark_tail_cost if _opens_next(segs, i) else 0.0
        run_min, run_arg = inf, -1
        for k in range(m):
            # Open column k after a piece in an earlier column.
            cost = run_min + opening(i, k)
            if cost < best[i][k]:
                best[i][k] = cost
                back[i][k] = run_arg
            # Continue the previous piece's cell (a 変更日 cell only with the rest of a date).
            # A cell's text does not run into the next column at all: its first piece may
            # (the next column's start is an estimate), not the rest.
            c = best[i - 1][k] + (join if k or date_piece else share) + overflow(i, k, 0.0) + tail
            if c < best[i][k]:
                best[i][k] = c
                back[i][k] = k
            if best[i - 1][k] < run_min:
                run_min, run_arg = best[i - 1][k], k
    k = min(range(m), key=lambda kk: best[n - 1][kk])
    cols = [0] * n
    for i in range(n - 1, -1, -1):
        cols[i] = k
        k = back[i][k]
    return cols


def char_offsets(page: PageWords) -> PageWords:
    """The page with x positions counted in characters instead of display columns:
    ``pdftotext -layout`` places text by character count, a full-width character counting one."""
    words: list[Word] = []
    by_top: dict[float, list[Word]] = {}
    for w in page.words:
        by_top.setdefault(w.top, []).append(w)
    for ws in by_top.values():
        ws.sort(key=lambda w: w.x0)
        c, end = 0.0, 0.0
        for w in ws:
            c += w.x0 - end  # the spaces between segments count the same either way
            n = len(w.text)
            words.append(
                Word(w.text, w.page, c, c + n, w.top, w.bottom, w.source, w.conf, w.line, guess=w.guess)
            )
            c += n
            end = w.x1
    return PageWords(
        page.page, page.width, page.height, page.unit, page.source, words, page.rulings, page.notes
    )


def _starts_from_full_lines(
    segs: list[list[Line]], labels: dict[int, tuple[float, float]] | None = None
) -> list[float] | None:
    """Column starts from the lines that show all six cells: a date, four more, 事前/事後 fifth,
    none opening right of its column's label (``labels``: ``label_bounds``)."""
    # Pieces one space apart may be one cell's (Ⅰ 基本情報): only column gaps count here, and
    # the space after a date.
    hard = [
        [
            p
            for i, p in enumerate(line)
            if not _is_soft(line, i) or (i == 1 and DATE_AT_START.match(line[0].text))
        ]
        for line in segs
    ]
    full = [
        line
        for line in hard
        if len(line) == N_COLS
        and DATE_AT_START.match(line[0].text)
        and line[4].text.strip() in ("事前", "事後")
        and opens_under_labels([p.x0 for p in line], labels)
    ]
    if full:
        return [statistics.median(line[k].x0 for line in full) for k in range(N_COLS)]
    # Without one: the date lines that show five cells, 事前/事後 fifth (the explanation empty
    # or not on the date line) give the first five starts.
    five = [
        line
        for line in hard
        if len(line) in (N_COLS - 1, N_COLS)
        and DATE_AT_START.match(line[0].text)
        and line[TIMING_COLUMN].text.strip() in ("事前", "事後")
        and opens_under_labels([p.x0 for p in line], labels)
    ]
    if not five:
        return None
    starts = [statistics.median(line[k].x0 for line in five) for k in range(TIMING_COLUMN + 1)]
    return [*starts, starts[-1] + 4]


def _initial_starts(  # type: ignore[no-untyped-def]
    header: Header | None, prev_starts: list[float] | None, segs, hx, settings, running=None
):
    full = _starts_from_full_lines(segs, header.labels if header is not None else None)
    if full is not None:
        return full
    if header is not None:
        known = {k: float(x0) for k, (x0, _) in header.labels.items()}
        known[0] = 0.0
        known.update(starts_from_openers(header, _cell_openers(segs)))
        ks = sorted(known)
        starts = []
        for k in range(N_COLS):
            if k in known:
                starts.append(known[k])
                continue
            left = max((j for j in ks if j < k), default=None)
            right = min((j for j in ks if j > k), default=None)
            if left is not None and right is not None:
                starts.append(known[left] + (known[right] - known[left]) * (k - left) / (right - left))
            elif left is not None:
                starts.append(known[left] + (k - left) * 10 * hx)
            else:
                starts.append(0.0)
        return starts
    if prev_starts is not None:
        return shifted_starts(_cell_openers(segs), list(prev_starts[:N_COLS]), running)
    bounds = bounds_from_gaps([s for line in segs for s in line], hx, settings, step=1.0)
    if bounds is not None:
        return [bounds[0] + hx / 2, *bounds[1:N_COLS]]
    return None


def _timing_from_body(
    segs: list[list[Line]],
    starts: list[float],
    prev_starts: list[float] | None = None,
    init: list[float] | None = None,
    remark: bool = False,
) -> list[float]:
    """The starts of the 提出時期 and explanation columns from the body's own alignment: the
    事前/事後 tokens stand in a narrow column of their own (its start: their median offset),
    and text that opens right of where they end is the explanation's (its start: the median
    offset of those openings).  A narrow 提出時期 column wraps its label (提出時 / 期) and the
    explanation's label with it, so the header's label positions alone may put both columns'
    text in one.  A page that prints no 事前/事後 token (a merged 提出時期 printed on another
    page) keeps the previous page's two starts (``prev_starts``) when its own first estimate
    (``init``, else ``starts``) of the 提出時期 start is within two characters of that page's;
    else ``starts`` is returned as it is."""
    tokens = [
        p
        for line in segs
        for i, p in enumerate(line)
        if is_timing_token(p.text.strip()) and not _is_soft(line, i)
    ]
    tokens = [p for p in tokens if p.x0 > starts[TIMING_COLUMN - 1]]
    if not tokens:
        first = (init or starts)[TIMING_COLUMN]
        if prev_starts is not None and abs(prev_starts[TIMING_COLUMN] - first) <= 2:
            out = list(starts)
            out[TIMING_COLUMN : TIMING_COLUMN + 2] = prev_starts[TIMING_COLUMN : TIMING_COLUMN + 2]
            return out
        return starts
    xt = statistics.median(p.x0 for p in tokens)
    end = max(p.x1 for p in tokens)
    # With a remarks column (備考) right of the explanation, whose pieces open right of every
    # token too: right of where most tokens end, so that one token a column further right than
    # the others (a proportional layout text prints some) leaves the explanations one space after
    # the rest counted (set XVIII D, pdfplumber layout=True: else the remarks' offsets won).
    edge = statistics.median(p.x1 for p in tokens) if remark else end
    right = [
        p.x0
        for line in segs
        for i, p in enumerate(line)
        if p.x0 > edge and not _is_timing(p.text.strip()) and not _is_soft(line, i)
    ]
    out = list(starts)
    out[TIMING_COLUMN] = xt
    if right:
        out[TIMING_COLUMN + 1] = statistics.median(right)
    elif out[TIMING_COLUMN + 1] <= end:
        out[TIMING_COLUMN + 1] = end + 1
    return out


def _openings(line: list[Line], cols: list[int]) -> list[tuple[int, float]]:
    """(column, offset) of each piece that opens a cell of the line."""
    return [(c, p.x0) for i, (p, c) in enumerate(zip(line, cols, strict=True)) if i == 0 or cols[i - 1] != c]


def _fit_starts(
    segs: list[list[Line]], starts: list[float], settings: GridSettings, aligned: list[list[bool]]
) -> tuple[list[float], float]:
    """Column starts re-estimated from the pieces that open a cell there, and the mean
    distance of those pieces from their column's start (how well the columns fit)."""
    cost = 0.0
    # Columns keep at least half their first estimated width (a sparse column: 提出時期).
    gaps = [max(1.0, (b - a) / 2) for a, b in itertools.pairwise(starts)]
    for _ in range(4):
        got: dict[int, list[float]] = {}
        cols = [_assign(line, starts, settings, al) for line, al in zip(segs, aligned, strict=True)]
        for c, x in (o for line, cs in zip(segs, cols, strict=True) for o in _openings(line, cs)):
            got.setdefault(c, []).append(x)
        starts = [statistics.median(got[k]) if got.get(k) else starts[k] for k in range(N_COLS)]
        for k in range(1, N_COLS):
            starts[k] = max(starts[k], starts[k - 1] + gaps[k - 1])
        starts[1] = max(starts[0] + 1, item_start(starts[1], segs, cols))  # 項目 over sub-columns
        n = sum(len(v) for v in got.values())
        cost = sum(abs(x - starts[k]) for k, v in got.items() for x in v) / max(n, 1)
    return starts, cost


def _local_columns(
    segs: list[list[Line]], starts: list[float], settings: GridSettings, aligned: list[list[bool]]
) -> list[list[int]]:
    """Each line's columns, matched with the starts of the cells opened near it: an extractor
    that places text by character counts shifts a block of lines (a row, say) by a column or
    two, so the page's starts alone misplace pieces near a boundary."""
    first = [_assign(line, starts, settings, al) for line, al in zip(segs, aligned, strict=True)]
    opened = [_openings(line, cols) for line, cols in zip(segs, first, strict=True)]
    local = windowed_starts(opened, starts, settings.layout_local_window)
    local = held_item_starts(local, starts, segs, first)
    return [_assign(*args, settings, al) for *args, al in zip(segs, local, aligned, strict=True)]


def _remark_label(
    header: Header | None, lines: list[Line], hy: float, by_chars: bool
) -> tuple[str, float] | None:
    """The remarks column's label (備考) and its offset when the label row names one right of the
    explanation."""
    if header is None:
        return None
    rows = [_layout_segments(ln, by_chars) for ln in lines if header.top - hy / 2 <= ln.top <= header.bottom]
    return remark_label(rows, header.labels.get(5, (None,))[0])


def layout_page_rows(
    page: PageWords,
    prev_starts: list[float] | None,
    hx: float,
    hy: float,
    settings: GridSettings,
    align: str | None = None,
    carry: dict[int, list[Line]] | None = None,
    prev_by_chars: bool | None = None,
    move: ColumnMove | None = None,
    breaks_rows: bool = True,
) -> PageRows | None:
    """A page of ``pdftotext -layout``-like text.  Such extractors place each line's segments at
    roughly proportional offsets, so one column's text starts a few columns apart from line to
    line: segments are matched to columns in order, each to the nearest column start, and the
    starts re-estimated from what they received.  Offsets are read as display columns and as
    character counts; the reading whose columns line up better wins (a page without a header,
    whose columns come from the page before, ``prev_starts``, is read as that page was,
    ``prev_by_chars``; columns in another order are moved into the form's: ``layout_move``;
    ``breaks_rows``: the producer may break a row over pages, ``page_carry.carries``)."""
    best, seen_remark = None, ""
    for by_chars, variant in ((False, page), (True, char_offsets(page))):
        variant, moved = layout_move(variant, move, hx, hy, settings)
        words = [w for w in variant.words if w.text.strip()]
        if not words:
            return None
        all_lines = words_to_lines(words, hx, hy, settings)
        header = find_header(all_lines, hx, hy, settings)
        header = header and with_label_tails(header, all_lines, hy)
        # (a label found in one reading holds for the other: Chromium's wrapped label row is not
        # found by character offsets, and that reading may win; office-thead56)
        found = _remark_label(header, all_lines, hy, by_chars)
        remark = seen_remark = (found[0] if found else "") or seen_remark
        remark_x0 = found[1] if found else None  # (in this reading's units only)
        tails = cell_tail_lines(all_lines, header, hx, hy, settings)  # a cell's last line 提出
        subs = sub_label_lines(all_lines, header, hy) or header_sub_label_lines(all_lines, header, hy)
        body = [
            ln
            for k, ln in enumerate(all_lines)
            if (header is None or ln.top > header.bottom - hy / 2)
            and not is_furniture_at(all_lines, k)
            and (k in tails or not is_label_line(ln, hx, settings))
        ]
        if not body:
            continue
        segs = [_layout_segments(ln, by_chars) for ln in body]
        join_wrapped_timing(segs)
        join_choice_boxes(segs)
        running = running_columns(carry)
        init = _initial_starts(header, prev_starts, segs, hx, settings, running)
        if init is None:
            continue
        if header is None and prev_by_chars is not None and by_chars != prev_by_chars:
            if _starts_from_full_lines(segs) is None:
                continue  # the previous page's starts are in the other reading's units
        aligned = _aligned(segs, _cell_openers(segs))
        init = _timing_from_body(segs, init, prev_starts, remark=bool(remark))
        starts, cost = _fit_starts(segs, init, settings, aligned)
        starts = _timing_from_body(segs, starts, prev_starts, init, bool(remark))
        # A tie (a page of one column's lines under the header) goes to the page before's reading.
        if best is None or cost < best[0] or (cost == best[0] and by_chars == prev_by_chars):
            best = (cost, header, segs, starts, aligned, by_chars, moved, remark, subs, remark_x0)
    if best is None:
        return None
    _, header, segs, starts, aligned, chosen_by_chars, moved, remark, subs, remark_x0 = best
    if join_timing_qualifiers(segs):  # 事前 over （重要な / 変更）, once the columns are known
        aligned = _aligned(segs, _cell_openers(segs))
    if header is None and prev_starts is not None and is_prose_page(segs, prev_starts[:N_COLS]):
        return None  # prose across the columns of the page before: no table on this page
    # A page showing Word / Writer's autospace: its gaps are no spreadsheet's full-width spaces.
    writer = is_autospaced([w.text for w in page.words], settings)
    cols: dict[int, list[Line]] = {c: [] for c in range(N_COLS)}
    line_cols_all = _local_columns(segs, starts, settings, aligned)
    if not writer:
        line_cols_all = regap_fullwidth_spaces(segs, open_at_gutters(segs, line_cols_all))
        line_cols_all = keep_inner_gaps(segs, line_cols_all, starts, settings.layout_local_window)
    if remark:  # a remarks column (備考) right of the explanation: its pieces set aside
        wrap = wrap_width(explanation_widths(segs, line_cols_all), settings)
        line_cols_all = split_remarks(segs, line_cols_all, wrap, remark_x0)
    sub_edges = sub_label_edges(segs, line_cols_all, subs)  # 項目 / 細項目 …: the item's pieces
    line_cols_all = take_sub_column_pieces(segs, line_cols_all, starts, sub_edges)
    remarks: list[str] = []
    for line, line_cols in zip(segs, line_cols_all, strict=True):
        placed: dict[int, list[Line]] = {}
        for seg, c in zip(line, line_cols, strict=True):
            placed.setdefault(c, []).append(seg)
        if aside := placed.pop(REMARK, []):
            remarks.append(" ".join(p.text.strip() for p in aside))
        for c, parts in placed.items():
            text = parts[0].text
            for a_, b in itertools.pairwise(parts):
                # One space apart in one column: a space of the text (a wider gap between two
                # pieces of one column is the extractor's, kept as one space only between half-width words).
                near = b.x0 - a_.x1 <= 1.5
                text += (
                    " " if near or (char_width(text[-1]) == 1 and char_width(b.text[0]) == 1) else ""
                ) + b.text
            ws = [w for p_ in parts for w in p_.words]
            squeezed = "" if writer else squeezed_gap(line, parts, starts[c])
            split = "" if writer or c not in SPLIT_COLUMNS else squeezed_split(line, parts, starts[c])
            glued = overrun(parts, starts[c + 1]) if c in SPLIT_COLUMNS and c + 1 < len(starts) else None
            ln = Line(
                ws,
                text,
                parts[0].x0,
                parts[-1].x1,
                parts[0].top,
                parts[0].bottom,
                page.page,
                parts[0].line_no,
                None,
                column=c,
                left=starts[c],
            )
            ln.gap_guess, ln.split_guess = squeezed, split
            ln.overrun_guess = glued
            ln.gap_joined = "" if writer else joined_across_gap(parts)
            ln.remark_guess = next((p.remark_guess for p in parts if p.remark_guess), "")
            cols[c].append(ln)
    # Top-aligned cells show a continued row as the lines above the page's first date; rows of
    # other alignments, and a row whose date the break cut (令和２年３月 / ３１日), are read again whole.
    mark_run_ons(cols, hy, settings, TIMING_COLUMN)
    own_lines = [ln for lines in cols.values() for ln in lines]
    carried = carries(cols, carry, align, hy)
    if carried:
        prepend_carry(cols, carry)  # type: ignore[arg-type]
    tail_why = take_tail(cols, carry, align, hy, settings, writer) if breaks_rows and not carried else None
    res = PageRows(
        [],
        [],
        header is not None,
        [*starts, starts[-1] + 1],
        False,
        align=align,
        carried=carried,
        by_chars=chosen_by_chars,
        move=moved,
    )
    if remarks:
        res.notes.append(f"page {page.page}: " + remarks_note(remark, remarks))
    if subs:
        res.notes.append(sub_label_note(page.page, subs))
    # A table's first page (nothing carried to it) continues no row from a page before.
    wrap = wrap_width([float(display_width(ln.text.strip())) for ln in cols[5]], settings)
    lines_to_anchored_rows(res, cols, hy, lead=carry is not None, layout=True, wrap=wrap)
    mend_layout_rows(res.rows)
    res.lines = own_lines
    drop_table_footnotes(res)
    drop_margin_notes(res, header.labels.get(5) if header else None)
    reread_items(res, sub_edges or item_part_edges(item_pieces(segs, line_cols_all, subs)))
    drop_sub_labels(res, subs)
    if tail_why:
        res.doubts.setdefault(0, tail_why)
        res.tail_doubt = tail_why
    broken_row_doubts(res)
    crossing_row_doubts(res, hy)
    return res
