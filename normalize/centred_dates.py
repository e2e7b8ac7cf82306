"""Doubts about centred merged dates in text read by positions (issue 12, branch layout16).

A 変更日 merged over several rows and centred vertically prints once, in the middle of the rows
it covers; the rows around it print no date, and the reader gives them one
(``merged_cell_filled``).  Where the body cells stand at the top of their rows (or the reader
took the page for top-aligned), a row under one date and above the next was given the date
above, although the date below stands in the middle of a run that holds it: a new user's Calc
and Writer tables (samples/office-layout16) gave such rows the wrong date at confidence 0.88
with no warning.  ``merged_dates.filled_group_doubts`` tells the top and foot alignments from
the table's ends and stays quiet on centred ones.

Here each page's rows that took one of the page's printed dates are cut again into consecutive
runs, one per date in order, so that each date stands as near the middle of its run as can be
(the sum of the lines between each date and its run's middle, a run from its first row's first
line to the line before the next run's first row).  Where that cut is better than the reader's by
more than ``CENTRED_MARGIN_LINES`` and gives a row another date, the row's date is a
``column_guess``.  Rows read by positions only (``RawRow.positioned``: ``-layout`` text, OCR),
not ruled ones.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .merged_dates import date_alignment
from .page_fill import TOP_SLACK_LINES, _date_key, _own_lines
from .row_marks import mark_body, marked_ends, marked_extent

# The centred cut must beat the reader's by more than this many lines (summed over the page's
# runs) before the rows it moves are in doubt: a line or two is the extractor's rounding.
CENTRED_MARGIN_LINES = 1.5
# The centred cut is taken (the rows it moves take its dates, unwarned) when it beats the
# reader's by at least this many lines and every date stands within ``FIX_DEVIATION_LINES`` of
# its run's middle; otherwise the rows it moves are only warned.
FIX_MARGIN_LINES = 3.0
FIX_DEVIATION_LINES = 2.0
# A cut moving one run edge by a row that costs at most this many lines more than the reader's
# leaves the moved row's date in doubt: a centred date's line, rounded to whole lines of -layout
# text, cannot tell the two apart.
NEAR_MARGIN_LINES = 1.0
# Where a row's text stands in its row (the blank lines between rows: below it, or around it).
BODIES = ("top", "centre", "bottom")
# A row at the page's head or foot left out of every run of the page's dates (its merged date is
# printed on the page before or after) costs this many lines.
OPEN_ROW_LINES = 2.0

WHY = (
    "a merged date centred on its rows: by where the page's dates stand, this row is in the run "
    "of the date printed on line {line}, not the one it was given"
)
NEAR_WHY = (
    "a merged date centred on its rows: the page's dates stand about as near the middle of their "
    "runs when this row is in the run of the date printed on line {line}"
)
OPEN_WHY = (
    "a merged date centred on its rows: by where the page's dates stand, this row is in none of "
    "their runs (its date may be merged over the page break and printed on the next page)"
)


def _middle(own: list[list[tuple[int, int]]], rows_on: list[int], a: int, b: int, body: str) -> float:
    """The middle line of the run ``rows_on[a:b]``.  Body text at the top of its rows (``top``):
    from its first row's first line to the line before the next run's first row (or its last
    row's last line); at the foot (``bottom``): from the line after the run before's last line
    to its last row's last line; centred (``centre``): the blank lines between two runs shared
    half and half (none above the page's first row or below its last)."""
    first, last = own[rows_on[a]][0][1], own[rows_on[b - 1]][-1][1]
    nxt = own[rows_on[b]][0][1] if b < len(rows_on) else None
    prev = own[rows_on[a - 1]][-1][1] if a > 0 else None
    if body == "top":
        return (first + (last if nxt is None else max(nxt - 1, last))) / 2
    if body == "bottom":
        return ((first if prev is None else min(prev + 1, first)) + last) / 2
    top = first if prev is None else (prev + first) / 2
    return (top + (last if nxt is None else (last + nxt) / 2)) / 2


def _cost(
    own: list, rows_on: list[int], cuts: list[int], lines: list[float], body: str, opens: tuple = (True, True)
) -> float:
    """Lines between each date and its run's middle; ``cuts[g]`` the first row (index into
    ``rows_on``) of run ``g``, ``cuts[-1]`` the end of the last run (rows outside every run
    cost ``OPEN_ROW_LINES`` each; ``opens``: whether rows may be left open at the page's head
    and at its foot, none where no row of the table stands before or after the page's)."""
    bounds = cuts
    total = _open_rows(bounds[0], opens[0]) + _open_rows(len(rows_on) - bounds[-1], opens[1])
    for g, y in enumerate(lines):
        total += abs(_middle(own, rows_on, bounds[g], bounds[g + 1], body) - y)
    return total


def _open_rows(count: int, allowed: bool) -> float:
    """The price of ``count`` rows left open at the page's head or foot."""
    if not count:
        return 0.0
    return count * OPEN_ROW_LINES if allowed else float("inf")


def _best_cuts(
    own: list, rows_on: list[int], lines: list[float], body: str, opens: tuple = (True, True)
) -> tuple[float, list[int]]:
    """The cheapest cut of ``rows_on`` into ``len(lines)`` non-empty consecutive runs (rows
    before the first and after the last left open at ``_cost``'s price): (cost, each run's first
    row as an index into ``rows_on``, then the last run's end)."""
    n, m = len(rows_on), len(lines)
    inf = float("inf")

    def run_cost(g: int, a: int, b: int) -> float:  # run g holds rows_on[a:b]
        return abs(_middle(own, rows_on, a, b, body) - lines[g])

    # f[g][b]: runs 0..g-1 hold rows_on[:b] (rows before run 0 left open); back[g][b]: where
    # run g-1 starts.
    f = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    for a in range(n + 1):
        f[0][a] = _open_rows(a, opens[0])
    for g in range(m):
        for a in range(n):
            if f[g][a] == inf:
                continue
            for b in range(a + 1, n + 1):
                v = f[g][a] + run_cost(g, a, b)
                if v < f[g + 1][b]:
                    f[g + 1][b], back[g + 1][b] = v, a
    end = min(range(n + 1), key=lambda b: (f[m][b] + _open_rows(n - b, opens[1]), -b))
    cuts, b = [end], end
    for g in range(m, 0, -1):
        b = back[g][b]
        cuts.append(b)
    return f[m][end] + _open_rows(n - end, opens[1]), cuts[::-1]


def _deviations(own: list, rows_on: list[int], cuts: list[int], lines: list[float], body: str) -> list[float]:
    """Lines between each date and the middle of its run in the cut ``cuts``."""
    return [abs(_middle(own, rows_on, cuts[g], cuts[g + 1], body) - y) for g, y in enumerate(lines)]


def _prints_date(key: tuple, own: list[tuple[int, int]]) -> bool:
    """The row's date stands among its own lines (the row prints it, wherever it is merged)."""
    return bool(key and own) and own[0] <= _line(key[0]) <= own[-1]


def _line(at: tuple) -> tuple[int, int]:
    return (at[0] or 0, at[1] or 0)


def _near_moves(
    own: list,
    rows_on: list[int],
    cuts: list[int],
    lines: list[float],
    cost: float,
    body: str,
    opens: tuple = (True, True),
) -> list[tuple[int, int | None]]:
    """The rows (index into ``rows_on``) that another cut, one run edge moved a row up or down,
    gives another date while it costs at most ``NEAR_MARGIN_LINES`` more than ``cuts`` (with
    ``cost``): (row, the run it would join, None: left open, its date printed on the page before
    or after, where ``opens`` allows it)."""
    out: list[tuple[int, int | None]] = []
    bounds = [*cuts, len(rows_on)]
    for edge, step, allowed in ((0, 1, opens[0]), (len(lines), -1, opens[1])):
        moved = [*bounds]
        moved[edge] += step
        if not allowed or not moved[0] < moved[-1]:
            continue
        if _cost(own, rows_on, moved, lines, body, opens) - cost <= NEAR_MARGIN_LINES:
            out.append((bounds[0] if step > 0 else bounds[-1] - 1, None))
    for g in range(1, len(lines)):
        for step in (-1, 1):
            moved = [*bounds]
            moved[g] += step
            if not moved[g - 1] < moved[g] < moved[g + 1]:
                continue
            if _cost(own, rows_on, moved, lines, body, opens) - cost <= NEAR_MARGIN_LINES:
                # step -1: the last row of run g-1 joins run g; +1: the first row of run g joins g-1.
                out.append((moved[g], g) if step < 0 else (bounds[g], g - 1))
    return out


def _level_with_top(key: tuple, first: list[tuple[int, int]]) -> bool:
    """The date stands level with its group's first row's first line (a merged date at the
    top of its cell, or a row's own date)."""
    return key[0][0] == first[0][0] and abs((key[0][1] or 0) - first[0][1]) <= TOP_SLACK_LINES


def centred_date_reading(rows: list[RawRow]) -> tuple[dict[int, int], list[list[Doubt]]]:
    """The rows the centred reading of their page's merged dates gives another date (see the
    module's docstring): (row → the row whose date it takes, where that reading is sure; per
    row, ``column_guess`` on the date where it is not, or where it puts the row in none of the
    page's runs).  Only where the table's ends do not show dates at the top or foot of their
    cells (``merged_dates.date_alignment``) and no date of the page stands level with the first
    line of two or more rows given it."""
    out: list[list[Doubt]] = [[] for _ in rows]
    moves: dict[int, int] = {}
    keys = [_date_key(r) if r.positioned and not r.ruled else () for r in rows]
    if not any("merged_cell_filled" in r.flags for k, r in enumerate(rows) if keys[k]):
        return moves, out
    own = [_own_lines(r) for r in rows]
    if date_alignment(keys, own, marked_extent(rows, own)) is not None:
        return moves, out
    pages = sorted({key[0][0] for key in keys if key and key[0][0] is not None})
    for page in pages:
        dates = sorted({key for key in keys if key and key[0][0] == page}, key=lambda key: key[0])
        on_page = [k for k in range(len(rows)) if own[k] and own[k][0][0] == page and own[k][-1][0] == page]
        # A date printed on the page that no row wholly on it was given (a date cut by the page
        # break, its rows running on over it) says nothing of the page's runs.
        dates = [d for d in dates if any(keys[k] == d for k in on_page)]
        # The page's head may hold rows given a date of an earlier page (merged over the break).
        lead = [k for k in on_page if keys[k] and keys[k][0][0] is not None and keys[k][0][0] < page]
        rows_on = [*lead, *(k for k in on_page if keys[k] in dates)]
        if (
            not dates
            or len(rows_on) < 2
            or any(own[j] for i in range(len(rows_on) - 1) for j in range(rows_on[i] + 1, rows_on[i + 1]))
        ):
            continue  # the rows of the page's dates are not one block (rows printing no line aside)
        given: list[int | None] = [None if k in lead else dates.index(keys[k]) for k in rows_on]
        placed = [g for g in given if g is not None]
        if (
            placed != sorted(placed)
            or set(placed) != set(range(len(dates)))
            or given[len(lead) :].count(None)
        ):
            continue
        cuts_given = [given.index(g) for g in range(len(dates))]
        # A date level with the first line of two or more rows it was given: dates at the top.
        if any(
            _level_with_top(d, own[rows_on[c]]) and given.count(g) >= 2
            for g, (d, c) in enumerate(zip(dates, cuts_given, strict=True))
        ):
            continue
        lines = [sum(ln or 0 for _, ln in d) / len(d) for d in dates]
        # Rows may be left out of the page's runs (their date printed on another page) only where
        # the table has rows on that side of the page.
        opens = (
            any(own[j] for j in range(rows_on[0])),
            any(own[j] for j in range(rows_on[-1] + 1, len(rows))),
        )
        # The body's alignment in its rows (where the blank lines between rows belong): the one
        # the 提出時期 marks show, else the one whose best cut puts the dates nearest their runs'
        # middles.
        body = mark_body(rows, own, rows_on, page)
        extent = own
        if body == "top":
            extent = marked_ends(rows, own, rows_on, page)
        else:
            body = min(BODIES, key=lambda b: _best_cuts(own, rows_on, lines, b, opens)[0])
        cost_given = _cost(extent, rows_on, [*cuts_given, len(rows_on)], lines, body, opens)
        cost_best, cuts = _best_cuts(extent, rows_on, lines, body, opens)
        if cost_best >= cost_given - CENTRED_MARGIN_LINES:
            for i, g in _near_moves(extent, rows_on, cuts_given, lines, cost_given, body, opens):
                k = rows_on[i]
                if "merged_cell_filled" in rows[k].flags and not _prints_date(keys[k], own[k]):
                    why = OPEN_WHY if g is None else NEAR_WHY.format(line=dates[g][0][1])
                    out[k].append(Doubt("column_guess", "change_date", why))
            continue
        sure = cost_given - cost_best >= FIX_MARGIN_LINES and max(
            _deviations(extent, rows_on, cuts, lines, body)
        ) <= (FIX_DEVIATION_LINES)
        run_of = [None] * len(rows_on)
        for g in range(len(dates)):
            for i in range(cuts[g], cuts[g + 1]):
                run_of[i] = g
        for i, k in enumerate(rows_on):
            if run_of[i] == given[i] or "merged_cell_filled" not in rows[k].flags:
                continue
            g = run_of[i]
            if g is not None and sure:
                moves[k] = next(j for j in rows_on if keys[j] == dates[g])
                continue
            why = WHY.format(line=dates[g][0][1]) if g is not None else OPEN_WHY
            out[k].append(Doubt("column_guess", "change_date", why))
    return moves, out
