"""Rows of one page of ``pdftotext -layout``-like text (``cell`` units): segments of a line,
character offsets, column starts estimated and fitted, segments assigned to columns.
"""

from __future__ import annotations

import itertools
import statistics

import regex

from piatable.models import PageWords, Word
from piatable.settings import GridSettings

from ..chars import char_width, display_width
from ..dates import DATE_AT_START
from .anchored import lines_to_anchored_rows
from .columns import bounds_from_gaps
from .common import N_COLS, PageRows, is_furniture
from .labels import Header, find_header, is_label_line
from .lines import Line, words_to_lines

# Layout text: cost (in text columns) of putting two segments of one line into one column.
SHARE_PENALTY = 12.0


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
            out.append(Line([piece], part, x, x + width, w.top, w.bottom, w.page, w.line, w.conf))
            x += width + 1
    return out


def _assign(segs: list[Line], starts: list[float]) -> list[int]:
    """Columns of a line's segments (left to right): increasing, each segment's start as close
    as possible to its column's start."""
    n, m = len(segs), len(starts)
    inf = float("inf")
    # cost[i][k]: best cost placing segments i.. with segment i in column >= k
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    for k in range(m + 1):
        best[n][k] = 0.0
    for i in range(n - 1, -1, -1):
        for k in range(m - 1, -1, -1):
            take = abs(segs[i].x0 - starts[k]) + best[i + 1][k + 1]
            # Two segments of one line may share a column (a cell line with a wide space in it).
            share = abs(segs[i].x0 - starts[k]) + (best[i + 1][k] if i + 1 < n else 0.0) + SHARE_PENALTY
            best[i][k] = min(take, share, best[i][k + 1])
    cols: list[int] = []
    i, k = 0, 0
    while i < n and k < m:
        take = abs(segs[i].x0 - starts[k]) + best[i + 1][k + 1]
        share = abs(segs[i].x0 - starts[k]) + (best[i + 1][k] if i + 1 < n else 0.0) + SHARE_PENALTY
        if best[i][k] == take:
            cols.append(k)
            i, k = i + 1, k + 1
        elif best[i][k] == share:
            cols.append(k)
            i += 1
        else:
            k += 1
    while len(cols) < n:
        cols.append(m - 1)
    return cols


def _char_offsets(page: PageWords) -> PageWords:
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
            words.append(Word(w.text, w.page, c, c + n, w.top, w.bottom, w.source, w.conf, w.line))
            c += n
            end = w.x1
    return PageWords(
        page.page, page.width, page.height, page.unit, page.source, words, page.rulings, page.notes
    )


def _starts_from_full_lines(segs: list[list[Line]]) -> list[float] | None:
    """Column starts from the lines that show all six cells: a date, four more, 事前/事後 fifth."""
    full = [
        line
        for line in segs
        if len(line) == N_COLS
        and DATE_AT_START.match(line[0].text)
        and line[4].text.strip() in ("事前", "事後")
    ]
    if not full:
        return None
    return [statistics.median(line[k].x0 for line in full) for k in range(N_COLS)]


def _initial_starts(header: Header | None, prev_starts: list[float] | None, segs, hx, settings):  # type: ignore[no-untyped-def]
    full = _starts_from_full_lines(segs)
    if full is not None:
        return full
    if header is not None:
        known = {k: float(x0) for k, (x0, _) in header.labels.items()}
        known[0] = 0.0
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
        return list(prev_starts[:N_COLS])
    bounds = bounds_from_gaps([s for line in segs for s in line], hx, settings, step=1.0)
    if bounds is not None:
        return [bounds[0] + hx / 2, *bounds[1:N_COLS]]
    return None


def _fit_starts(segs: list[list[Line]], starts: list[float]) -> tuple[list[float], float]:
    """Column starts re-estimated from the segments that open a cell line there, and the mean
    distance of the segments from their column's start (how well the columns fit)."""
    cost = 0.0
    # Columns keep at least half their first estimated width (a sparse column such as 提出時期
    # must not be swallowed by its neighbour).
    gaps = [max(1.0, (b - a) / 2) for a, b in itertools.pairwise(starts)]
    for _ in range(4):
        got: dict[int, list[float]] = {}
        for line in segs:
            for seg, c in zip(line, _assign(line, starts), strict=True):
                got.setdefault(c, []).append(seg.x0)
        starts = [statistics.median(got[k]) if got.get(k) else starts[k] for k in range(N_COLS)]
        for k in range(1, N_COLS):
            starts[k] = max(starts[k], starts[k - 1] + gaps[k - 1])
        n = sum(len(v) for v in got.values())
        cost = sum(abs(x - starts[k]) for k, v in got.items() for x in v) / max(n, 1)
    return starts, cost


def layout_page_rows(
    page: PageWords,
    prev_starts: list[float] | None,
    hx: float,
    hy: float,
    settings: GridSettings,
    align: str | None = None,
) -> PageRows | None:
    """A page of ``pdftotext -layout``-like text.  Such extractors place each line's segments at
    roughly proportional offsets, so one column's text starts a few columns apart from line to
    line: segments are matched to columns in order, each to the nearest column start, and the
    starts re-estimated from what they received.  Offsets are read as display columns and as
    character counts; the reading whose columns line up better wins."""
    best = None
    for by_chars, variant in ((False, page), (True, _char_offsets(page))):
        words = [w for w in variant.words if w.text.strip()]
        if not words:
            return None
        all_lines = words_to_lines(words, hx, hy, settings)
        header = find_header(all_lines, hx, hy, settings)
        body = [
            ln
            for ln in all_lines
            if (header is None or ln.top > header.bottom - hy / 2)
            and not is_furniture(ln.text)
            and not is_label_line(ln, hx, settings)
        ]
        if not body:
            continue
        segs = [_layout_segments(ln, by_chars) for ln in body]
        init = _initial_starts(header, prev_starts, segs, hx, settings)
        if init is None:
            continue
        starts, cost = _fit_starts(segs, init)
        if best is None or cost < best[0]:
            best = (cost, header, segs, starts)
    if best is None:
        return None
    _, header, segs, starts = best
    cols: dict[int, list[Line]] = {c: [] for c in range(N_COLS)}
    for line in segs:
        placed: dict[int, list[Line]] = {}
        for seg, c in zip(line, _assign(line, starts), strict=True):
            placed.setdefault(c, []).append(seg)
        for c, parts in placed.items():
            text = parts[0].text
            for a_, b in itertools.pairwise(parts):
                # One space apart in one column: a space of the text (a wider gap between
                # two pieces of one column is the extractor's, kept as one space only
                # between half-width words).
                near = b.x0 - a_.x1 <= 1.5
                text += (
                    " " if near or (char_width(text[-1]) == 1 and char_width(b.text[0]) == 1) else ""
                ) + b.text
            ws = [w for p_ in parts for w in p_.words]
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
            cols[c].append(ln)
    res = PageRows([], [], header is not None, [*starts, starts[-1] + 1], False, align=align)
    lines_to_anchored_rows(res, cols, hy)
    return res
