"""Rows of ``pdftotext -layout`` text whose 項目 / 変更前 / 変更後 lines stand away from where the
page's alignment puts a row's cells: doubts for a ``row_split_guess`` (issue 12).

A text extractor prints each cell's lines at the height the PDF printed them, rounded to text
lines.  With cells at the top of their rows, each of a row's own cells (項目, 変更前, 変更後:
never merged over rows) starts on its date's first line; at the foot, it ends on the date's last
line; centred, it is centred on the date.  A cell grouped to a row so that it stands more than
a line or so off that place was cut from its neighbours' lines by cost alone: some of its lines
may be the neighbouring row's (a centred or bottom cell's lines between two rows' dates), so the
row says so.
"""

from __future__ import annotations

from piatable.models import COLUMNS

from .common import PageRows
from .lines import Line

# A row's own cell whose first line (top), last line (bottom) or middle (centre) stands more
# than this many line heights from its date's is misplaced.  Rounded to text lines, a centred
# cell of an even number of lines stands half a line off its date's middle, and a date that
# wraps differently from the cells a line more.
MISPLACED_EDGE_EM = {"top": 1.0, "bottom": 1.0, "centre": 1.5}

# The columns every row prints itself (項目, 変更前, 変更後).
ROW_OWN_COLUMNS = (1, 2, 3)
# The 項目 column: a merged 項目 handed to the rows it covers (``merged_items``) is one cell
# both rows hold.
ITEM_COLUMN = 1


def misplaced_rows(
    cols: dict[int, list[Line]],
    spans: list[tuple[float, float]],
    mode: str,
    hy: float,
    assignment: dict[int, list[int]],
    lead: bool = True,
) -> dict[int, str]:
    """Rows (indices into ``spans``, the dates' vertical extents) of which a 項目 / 変更前 /
    変更後 cell, as ``assignment`` (each column's line → row, -1 before the first date) groups
    it, stands off its date by more than ``MISPLACED_EDGE_EM[mode]`` line heights: row → why.
    With dates at the foot of their rows, a cell that stands wholly between the row above's
    date and its own (``_between_feet``) is the row's whatever its own alignment; ``lead``:
    lines above the page's first date may continue a row of the page before (not on a table's
    first page)."""
    limit = MISPLACED_EDGE_EM.get(mode)
    out: dict[int, str] = {}
    if limit is None:
        return out
    if mode == "top":
        out.update(dates_apart_rows(cols, spans, hy, assignment))
    for c in ROW_OWN_COLUMNS:
        groups: dict[int, list[Line]] = {}
        for ln, r in zip(cols.get(c, []), assignment.get(c, []), strict=True):
            if r >= 0:
                groups.setdefault(r, []).append(ln)
        for r, lines in groups.items():
            top, bottom = spans[r]
            first, last = lines[0].top, lines[-1].bottom
            if mode == "top":
                off = first - top
            elif mode == "bottom":
                off = last - bottom
            else:
                off = (first + last) / 2 - (top + bottom) / 2
            if mode == "bottom" and _between_feet(first, last, r, spans, lead):
                continue
            if abs(off) > limit * hy and r not in out:
                out[r] = (
                    f"its {COLUMNS[c]} stands {abs(off) / hy:.1f} line heights off its date "
                    f"({mode}-aligned cells): lines at its edge may be a neighbouring row's"
                )
    return out


def _between_feet(first: float, last: float, r: int, spans: list[tuple[float, float]], lead: bool) -> bool:
    """Whether a cell's lines (``first`` top, ``last`` bottom) stand wholly between the foot of
    row ``r - 1``'s date and the foot of row ``r``'s: dates at the foot of their rows end each
    row there, so such lines are row ``r``'s, at whatever height its text is set (Calc's default,
    bottom, kept for the dates and 提出時期 beside text cells set to the top prints a row's text
    lines above its date: set XVII's ``fit7pt`` sheet, 21 right rows doubted).  The page's first
    row has no row above on its page: only on a table's first page (``lead`` false)."""
    if last > spans[r][1]:
        return False
    if r == 0:
        return not lead
    return first >= spans[r - 1][1]


# Why a row of top-aligned cells whose date stands on a line of its own above them is in doubt.
DATE_APART_WHY = (
    "its date stands on a line of its own above its cells (cells top-aligned): dates and "
    "提出時期 at another alignment than the text (at the foot of their rows) are printed right "
    "above the next row's first line, so the date and 提出時期 may be the row above's"
)
# How far (line heights) a row's first own line may start below its date's top and still be
# level with it (rounded to text lines the two share one line).
DATE_LEVEL_EM = 0.5
# How many rows of a page must show their dates apart (every row with cells on the page).
DATES_APART_MIN = 2


def dates_apart_rows(
    cols: dict[int, list[Line]],
    spans: list[tuple[float, float]],
    hy: float,
    assignment: dict[int, list[int]],
) -> dict[int, str]:
    """Rows (indices into ``spans``) read with top-aligned cells whose 項目 / 変更前 / 変更後
    lines all start below their date's last line: no own cell level with the date.  A top-aligned
    row prints its date on its cells' first line; a date on a line of its own right above a row's
    first line is as likely the foot of the row above (Calc and Excel's default vertical
    alignment, bottom, kept for the date and 提出時期 cells beside top-aligned text: branch
    layout48, ``samples/office-layout48`` tv cases): row → why.  Only when every row of the
    page with own lines (``DATES_APART_MIN`` or more) shows it: an alignment is a column's, the
    same down the page.  A row with no own line on the page (a date alone) is left to the other
    checks."""
    firsts: dict[int, float] = {}
    for c in ROW_OWN_COLUMNS:
        for ln, r in zip(cols.get(c, []), assignment.get(c, []), strict=True):
            if r >= 0:
                firsts[r] = min(firsts.get(r, ln.top), ln.top)
    apart = {
        r
        for r, first in firsts.items()
        if first - spans[r][1] >= -DATE_LEVEL_EM * hy and first - spans[r][0] > DATE_LEVEL_EM * hy
    }
    # An alignment is the page's (a column's cells are formatted alike): one row whose date is
    # level with its cells shows the dates top-aligned, and a date apart is then something else.
    if len(apart) < DATES_APART_MIN or apart != set(firsts):
        return {}
    return dict.fromkeys(sorted(apart), DATE_APART_WHY)


# Why a row next to a page break of a page with centred or bottom cells is in doubt.
BROKEN_ROW_WHY = (
    "a row broken over the page break, its cells {align}-aligned: where its part on this page "
    "ends and the next row begins is a guess"
)


def broken_row_doubts(res: PageRows) -> None:
    """A page that continues the previous page's last row (``res.carried``), its cells centred
    or at the foot: that row and the row after it are in doubt (``res.doubts``).  Each part of
    a broken row is filled or centred on its own page, so neither the dates nor the alignment
    tell where the continued row's lines end and the next row's begin."""
    if not res.carried or res.align in (None, "top"):
        return
    for r in (0, 1):
        if r < len(res.rows):
            res.doubts.setdefault(r, BROKEN_ROW_WHY.format(align=res.align))


# Why two rows whose lines cross are in doubt.
CROSSING_WHY = (
    "its lines and the {other} row's cross ({column} of one stands beside lines of the other): "
    "which of them holds the lines between is a guess"
)
# Rows cross when a line of the upper one stands this many line heights or more below the lower
# one's first line (0: level with it).
CROSSING_EM = 0.0
# The columns every row prints itself (never merged over rows).
OWN_COLUMNS = (1, 2, 3)


def crossing_row_doubts(res: PageRows, hy: float) -> None:
    """Consecutive rows of a page whose own cells' lines (項目, 変更前, 変更後, on this page)
    interleave: a line of the upper row stands level with or below the first line of the lower
    row.  Rows of
    a table stack, so such rows were cut from each other's lines at a guess; both are in doubt
    (``res.doubts``).  項目 lines both rows hold (a merged 項目 handed to the rows it covers)
    stand in neither's way."""
    for r in range(len(res.rows) - 1):
        upper, lower = res.rows[r], res.rows[r + 1]
        shared = {id(ln) for ln in upper.get(ITEM_COLUMN, [])} & {id(ln) for ln in lower.get(ITEM_COLUMN, [])}
        up = [
            (ln.bottom, c)
            for c in OWN_COLUMNS
            for ln in upper.get(c, [])
            if ln.page == _page(lower) and id(ln) not in shared
        ]
        down = [ln.top for c in OWN_COLUMNS for ln in lower.get(c, []) if id(ln) not in shared]
        if not up or not down:
            continue
        last, column = max(up)
        if last - min(down) >= CROSSING_EM * hy + hy:
            res.doubts.setdefault(r, CROSSING_WHY.format(other="next", column=COLUMNS[column]))
            res.doubts.setdefault(r + 1, CROSSING_WHY.format(other="previous", column=COLUMNS[column]))


def _page(row: dict[int, list[Line]]) -> int | None:
    pages = [ln.page for c in OWN_COLUMNS for ln in row.get(c, [])]
    return min(pages) if pages else None
