"""Rows that print only their 提出時期に係る説明, read out of the row they were glued to.

A row whose only own cell is its explanation (its 変更日, and maybe its 提出時期, given by a
merged cell above) has no date and no 項目 path (Ⅰ…Ⅵ) to anchor it in text without rulings
(``pdftotext -layout``): it comes out as more lines of the neighbouring row's explanation.  Its
lines give it away by where they stand: below every line of that row's 項目 / 変更前 / 変更後
(or above all of them), set apart from the row's own explanation by a blank line of the 説明
column.  A cell's own lines run on with no blank line among them; a row's own explanation in
any alignment overlaps its own cells' lines (top-aligned, it starts on the row's first line;
centred, it stands in their middle; at the foot, it ends on their last line).  Such a block is
read as a row of its own: the row's date lines are its too (a merged date), and a 提出時期
printed level with the block is its own.  An explanation line right under the row's own cells
with no blank line above it may be a row of its own or the end of the row's explanation: the
row says so (``ROW_OF_ITS_OWN_WHY``), nothing is moved.  A block above all the row's own cells is a
row of its own with no blank line too when the rest of the explanation ends a line or more above
the cells' last line (top-aligned: a row's own explanation never starts above its cells then;
the row's explanation stood level with the page's foot of the row above, beside the next row's
first lines).  One of the column's stock sentences
(重大な変更に該当しない, …) below the cells is the second paragraph of the explanation above.
"""

from __future__ import annotations

import itertools

from piatable.vocabulary import EXPLANATION_PHRASES

from ..chars import SENTENCE_END, display_width
from .lines import Line

# The columns.
DATE_COLUMN = 0
OWN_COLUMNS = (1, 2, 3)  # 項目, 変更前, 変更後: every row prints its own
TIMING_COLUMN = 4
EXPLANATION_COLUMN = 5

# A block of the 説明 column is set apart from the lines above (or below) when the step between
# them is wider than the widest step between two lines of either part by this many line heights
# (one blank printed line more than the column's own spacing).
LONE_GAP_EM = 0.8
# A line stands below (above) the row's own cells when its top is at most this many line
# heights above their last line's foot (its foot this much below their first line's top).
OUTSIDE_SLACK_EM = 0.25

ROW_OF_ITS_OWN_WHY = (
    "its explanation's last lines stand below its other cells: they may be a row of its own that "
    "prints only an explanation (its date merged above)"
)

Row = dict[int, list[Line]]


def _outside(lines: list[Line], own: list[Line], hy: float, below: bool) -> list[Line]:
    """The run of ``lines`` (top to bottom) at the end (``below``) or the start that stands
    outside the own cells' lines, below or above them."""
    slack = OUTSIDE_SLACK_EM * hy
    if below:
        foot = max(ln.bottom for ln in own)
        k = len(lines)
        while k > 0 and lines[k - 1].top >= foot - slack:
            k -= 1
        return lines[k:]
    head = min(ln.top for ln in own)
    k = 0
    while k < len(lines) and lines[k].bottom <= head + slack:
        k += 1
    return lines[:k]


def _level(lines: list[Line], block: list[Line], hy: float) -> list[Line]:
    """The ``lines`` whose middle lies within the block's extent."""
    top, bottom = block[0].top - OUTSIDE_SLACK_EM * hy, block[-1].bottom + OUTSIDE_SLACK_EM * hy
    return [ln for ln in lines if top <= ln.mid <= bottom]


def _apart(row: Row, block: list[Line], rest: list[Line], hy: float) -> tuple[Row, Row]:
    """``row`` less ``block`` (and the 提出時期 printed level with it, when the row prints
    another), and the block's own row (with the row's date lines)."""
    timing = sorted(row.get(TIMING_COLUMN, []), key=lambda ln: ln.top)
    moved = _level(timing, block, hy)
    if len(moved) == len(timing):
        moved = []  # the row's one 提出時期: merged, or the row's own (the fill decides)
    ids = {id(ln) for ln in moved}
    kept: Row = {c: list(lines) for c, lines in row.items() if c not in (EXPLANATION_COLUMN, TIMING_COLUMN)}
    kept[EXPLANATION_COLUMN] = rest
    if timing:
        kept[TIMING_COLUMN] = [ln for ln in timing if id(ln) not in ids]
    new: Row = {EXPLANATION_COLUMN: block}
    if moved:
        new[TIMING_COLUMN] = moved
    if row.get(DATE_COLUMN):
        new[DATE_COLUMN] = list(row[DATE_COLUMN])
    return {c: v for c, v in kept.items() if v}, new


def _pitch(upper: list[Line], lower: list[Line], hy: float) -> float:
    """The widest step from a line to the next within ``upper`` and within ``lower`` (at least
    a line height): lines of cells printed in other fonts or sizes interleave in layout text,
    leaving a blank line between every two lines of one cell."""
    steps = [b.top - a.top for part in (upper, lower) for a, b in itertools.pairwise(part)]
    return max([hy, *steps])


def _full(line: Line | None, wrap: float) -> bool:
    """The line fills its column to the wrap width (within one unit) and ends no sentence: the
    cell's text runs on into the next line."""
    text = line.text.strip() if line else ""
    return bool(text) and display_width(text) >= wrap - 1 and text[-1] not in SENTENCE_END


def _stock_phrase(lines: list[Line]) -> bool:
    """The lines hold one of the column's stock sentences (重大な変更に該当しない, …), or are its
    start: the second paragraph of the explanation above, never a row's whole explanation."""
    text = "".join("".join(ln.text.split()) for ln in lines).rstrip("。")
    return any(p in text or p.startswith(text) for p in EXPLANATION_PHRASES)


def last_explanation(row: Row | None) -> Line | None:
    """The row's last explanation line (None when it has none)."""
    lines = (row or {}).get(EXPLANATION_COLUMN) or []
    return max(lines, key=lambda ln: ln.top) if lines else None


def lone_explanation_rows(
    row: Row, hy: float, wrap: float, above: Line | None, leading: bool = True
) -> list[tuple[Row, str | None]]:
    """``row`` as one or more rows, each with why it is in doubt (or None): a block of its
    explanation standing below (or, with ``leading``, above) all its own cells and set apart
    from the rest of its explanation by a blank line is a row of its own (module docstring); a
    row whose explanation ends below its own cells with no blank line between is in doubt
    (``ROW_OF_ITS_OWN_WHY``).  No block is cut after a line that runs on (full to the column's
    wrap width ``wrap``, no sentence end); a block above the row's cells is cut only below a
    row whose explanation ends (``above``: its last explanation line)."""
    own = [ln for c in OWN_COLUMNS for ln in row.get(c, [])]
    expl = sorted(row.get(EXPLANATION_COLUMN, []), key=lambda ln: ln.top)
    if not own or len(expl) < 2:
        return [(row, None)]
    gap = LONE_GAP_EM * hy
    why = None
    tail = _outside(expl, own, hy, below=True)
    if tail and len(tail) < len(expl) and not _stock_phrase(tail):
        rest = expl[: len(expl) - len(tail)]
        ends = not rest[-1].runs_on and not _full(rest[-1], wrap)
        if ends and tail[0].top - rest[-1].top >= _pitch(rest, tail, hy) + gap:
            kept, new = _apart(row, tail, rest, hy)
            return [*lone_explanation_rows(kept, hy, wrap, above, leading), (new, None)]
        if ends:
            why = ROW_OF_ITS_OWN_WHY
    head = (
        _outside(expl, own, hy, below=False)
        if leading and above is not None and not _full(above, wrap)
        else []
    )
    if head and len(head) < len(expl) and not _full(head[-1], wrap):
        rest = expl[len(head) :]
        if rest[0].top - head[-1].top >= _pitch(head, rest, hy) + gap or (
            not tail and _ends_above(rest, own, hy)
        ):
            kept, new = _apart(row, head, rest, hy)
            return [(new, None), *lone_explanation_rows(kept, hy, wrap, None, leading=False)]
    return [(row, why)]


def _ends_above(rest: list[Line], own: list[Line], hy: float) -> bool:
    """The row's explanation below a head block ends a line or more above its own cells' last
    line: it is top-aligned (a centred explanation taller than the cells runs past them below
    as far as above, a bottom-aligned one ends on their last line), and a top-aligned cell
    starts on its row's first line, so lines above the cells are no part of it."""
    return max(ln.bottom for ln in rest) <= max(ln.bottom for ln in own) - (1 - OUTSIDE_SLACK_EM) * hy


def split_lone_rows(
    rows: list[Row], spans: list[tuple[float, float]], doubts: dict[int, str], hy: float, wrap: float
) -> tuple[list[Row], list[tuple[float, float]], dict[int, str]]:
    """Rows anchored at their 項目 paths (``spans``: each row's extent; ``doubts``: row → why)
    with each explanation block that is a row of its own read apart
    (``lone_explanation_rows``); the block's row spans its lines."""
    out: list[Row] = []
    out_spans: list[tuple[float, float]] = []
    out_doubts: dict[int, str] = {}
    for k, row in enumerate(rows):
        first = len(out)
        above = last_explanation(out[-1]) if out else None
        for piece, why in lone_explanation_rows(row, hy, wrap, above):
            if why:
                out_doubts.setdefault(len(out), why)
            own = any(piece.get(c) for c in OWN_COLUMNS)
            lines = [ln for ls in piece.values() for ln in ls]
            out_spans.append(
                spans[k]
                if own or not lines
                else (min(ln.top for ln in lines), max(ln.bottom for ln in lines))
            )
            out.append(piece)
        if k in doubts:
            out_doubts.setdefault(first, doubts[k])
    _spread_timings(out)
    return out, out_spans, out_doubts


def _extent(row: Row) -> tuple[float, float] | None:
    lines = [ln for c in (*OWN_COLUMNS, EXPLANATION_COLUMN) for ln in row.get(c, [])]
    return (min(ln.top for ln in lines), max(ln.bottom for ln in lines)) if lines else None


def _spread_timings(rows: list[Row]) -> None:
    """A row holding two or more 提出時期 lines (a row prints one) keeps the one nearest its own
    lines; each other goes to the row without one whose lines stand nearest it, when that row
    is nearer it than the holder is."""
    extents = [_extent(row) for row in rows]

    def distance(ln: Line, k: int) -> float:
        ext = extents[k]
        if ext is None:
            return float("inf")
        return max(ext[0] - ln.mid, ln.mid - ext[1], 0.0)

    for k, row in enumerate(rows):
        timing = row.get(TIMING_COLUMN, [])
        if len(timing) < 2:
            continue
        keep = min(timing, key=lambda ln: distance(ln, k))
        for ln in [t for t in timing if t is not keep]:
            free = [j for j, r in enumerate(rows) if not r.get(TIMING_COLUMN) and extents[j] is not None]
            if not free:
                break
            j = min(free, key=lambda j: distance(ln, j))
            if distance(ln, j) < distance(ln, k):
                rows[j][TIMING_COLUMN] = [ln]
                timing.remove(ln)
