"""A field's column ruled as two or more columns: 項目 printed over 大項目 | 中項目・小項目 (or
大項目 | 中項目 | 小項目) under one spanning label, and any other column ruled inside a field's
column that no label names.

A Calc or Writer table may print the item path over several columns under a merged two-row
header: 項目 spans the columns in the upper label row, 大項目 / 中項目・小項目 name them in the row
under it, and the other labels are merged down over both rows (set XXIX t09, issue FAULTS A1).
The inner ruling between the spanned columns starts under the upper label row, so it is no wall
of the label: read as one, the 項目 label's left wall was taken for that inner ruling and the
whole 大項目 column was read into the 変更日 cells (``2019.5.1Ⅱ特定個人情報ファイルの概要``),
with no warning.

Here (``spanned_walls``) an inner vertical ruling that opens under the label row's top, between
two rulings that reach above it and enclose one label only, is set aside before the column
boundaries are taken from the labels; after them (``inner_walls``) every vertical ruling that
runs down most of the table's body strictly inside a field's column is a wall of a sub-column.
Each sub-column's cells are read on their own (their own row spans: a 大項目 merged down over
rows fills each of them, ``merged_cell_filled``) and a row's cell is its sub-columns' text
joined top to bottom in column order, a line break between them (``join_strips``).  In the
項目 column that is the item path as the form writes it (``Ⅴ開示請求、問合せ⏎２．…⏎①連絡先``);
in any other field's column it is a column no label names, whose text is kept in that field and
the rows warned (``column_guess``, ``UNNAMED_WALL_WHY``) with a note (``UNNAMED_WALL_NOTE``),
the input partial (``GridResult.unread_columns``): never dropped or glued in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from piatable.models import COLUMNS, Word
from piatable.settings import GridSettings
from piatable.vocabulary import ITEM_OPENING

from .common import N_COLS, PageRows, covered_length
from .labels import Header
from .lines import Line

# A sub-column's wall runs down at least this share of the table's ruled height (rulings of a
# nested table or of a box around a check list inside one cell do not).
WALL_HEIGHT_SHARE = 0.8
# A vertical ruling that opens this many line heights under the label row's top does not
# cross the upper label row: a wall between the columns one label spans.
WALL_BELOW_LABEL_LINES = 0.5
# Share of the 項目 column's first sub-column cells that must open with a heading of the form.
OPENING_SHARE = 2 / 3
# The field whose column printed over sub-columns is understood: the item path.
ITEM_COLUMN = 1
# 提出時期 printed over 事前 | 事後 columns of marks (○, ■, 事前): ``grid/mark_columns`` reads
# them; a cell line of a sub-column holding at most this many characters is such a mark.
TIMING_COLUMN = 4
MARK_CELL_MAX_CHARS = 4

UNNAMED_WALL_WHY = (
    "the {field} column is ruled as {n} columns and no label names the extra one: their text is "
    "kept here in column order, which column is the field's is a guess"
)
UNNAMED_WALL_NOTE = (
    "page {page}: the {field} column is ruled as {n} columns, one of them named by no label: "
    "its text kept in the {field} cells, the rows flagged column_guess"
)
ITEM_WALL_NOTE = (
    "page {page}: 項目 printed over {n} ruled columns (大項目 / 中項目・小項目): each row's item "
    "is their text joined in column order"
)


@dataclass(slots=True)
class Strips:
    """The sub-columns of one field's column: their x extents (page units, left to right) and
    whether the split is understood (the 項目 path over several columns)."""

    column: int
    edges: list[float]
    understood: bool

    def spans(self) -> list[tuple[float, float]]:
        """(left, right) of each sub-column."""
        return list(zip(self.edges, self.edges[1:], strict=False))


def spanned_walls(
    header: Header | None, verticals: list[tuple[float, float, float]], hy: float
) -> set[float]:
    """x of the vertical rulings (``(x, top, bottom)``) that open under the label row's top
    while their neighbours reach above it, and whose two neighbours enclose one label only: the
    walls between the columns a spanning label (項目 over 大項目 | 中項目・小項目) heads, or no
    label read (OCR missed it).  Not the walls of that label: ``columns.bounds_from_labels`` must
    not see them."""
    if header is None or len(verticals) < 3:
        return set()
    full = sorted(x for x, top, _ in verticals if top <= header.top + WALL_BELOW_LABEL_LINES * hy)
    out: set[float] = set()
    for x, top, _ in verticals:
        if top <= header.top + WALL_BELOW_LABEL_LINES * hy or top >= header.bottom + hy:
            continue
        left = [v for v in full if v < x]
        right = [v for v in full if v > x]
        if not left or not right:
            continue
        lo, hi = left[-1], right[0]
        inside = [c for c, (a, b) in header.labels.items() if lo <= (a + b) / 2 <= hi]
        if len(inside) <= 1:  # none: the spanning label not read (a scan's OCR missed 項目)
            out.add(x)
    return out


def inner_walls(
    verticals: list[tuple[float, float, float]],
    bounds: list[float],
    top: float,
    bottom: float,
    slack: float,
    spanned: set[float],
) -> dict[int, Strips]:
    """Per field column, its sub-columns: the vertical rulings strictly inside the column (more
    than ``slack`` from its bounds) that run down ``WALL_HEIGHT_SHARE`` of the table's ruled
    height (``top`` to ``bottom``).  The 項目 column's split is understood where a spanning 項目
    label heads it (``spanned``); elsewhere ``opens_paths`` decides from its cells."""
    height = bottom - top
    if height <= 0:
        return {}
    out: dict[int, Strips] = {}
    for c in range(len(bounds) - 1):
        lo, hi = bounds[c], bounds[c + 1]
        xs = sorted(
            x
            for x, a, b in verticals
            if lo + slack < x < hi - slack and min(b, bottom) - max(a, top) >= WALL_HEIGHT_SHARE * height
        )
        if xs:
            understood = c == ITEM_COLUMN and any(lo < x < hi for x in spanned)
            out[c] = Strips(c, [lo, *xs, hi], understood)
    return out


def opens_paths(cells: list[list[Line]]) -> bool:
    """Whether the 項目 column's first sub-column holds a 大項目 in every cell with text (it
    opens with a section numeral Ⅰ–Ⅵ or another heading of the form; ``OPENING_SHARE`` of them:
    OCR reads Ⅴ as Ｖ before its corrections): the item path printed over columns on a page
    without its label row.  Two cells at least."""
    texts = [ln[0].text for ln in cells if ln and ln[0].text.strip()]
    hits = sum(1 for t in texts if ITEM_OPENING.match(t))
    return len(texts) >= 2 and hits >= OPENING_SHARE * len(texts)


def strip_of(x: float, strips: Strips) -> int:
    """Index of the sub-column holding ``x`` (the first or the last beyond the edges)."""
    for k, (_, b) in enumerate(strips.spans()):
        if x < b:
            return k
    return len(strips.edges) - 2


def place_strip_lines(lines: list[Line], strips: Strips, k: int) -> None:
    """Give the lines of sub-column ``k`` the column's full width measured back from their
    sub-column's right wall, so that the wrap edge of the column (how far its lines reach from
    its left: ``wrap_edges.column_limits``) holds for them as well: a line that fills its
    narrow sub-column is a soft wrap, one that stops short ends a paragraph."""
    lo, hi = strips.edges[0], strips.edges[-1]
    right = strips.edges[k + 1]
    for ln in lines:
        ln.column, ln.width = strips.column, hi - lo
        ln.left = right - (hi - lo)


def join_strips(parts: list[list[Line]]) -> list[Line]:
    """One cell's lines from its sub-columns' (left to right): each part's lines top to bottom,
    its last line ending a paragraph (``Line.ends_part``) unless it is the last part."""
    kept = [p for p in parts if p]
    out: list[Line] = []
    for k, p in enumerate(kept):
        out.extend(p)
        if k < len(kept) - 1:
            p[-1].ends_part = True
    return out


def wall_note(page: int, strips: Strips) -> str:
    """The page note for a field column ruled as ``strips``."""
    n = len(strips.edges) - 1
    if strips.understood:
        return ITEM_WALL_NOTE.format(page=page, n=n)
    return UNNAMED_WALL_NOTE.format(page=page, field=COLUMNS[strips.column], n=n)


def wall_why(strips: Strips) -> str:
    """The ``column_guess`` evidence of a row whose cell holds an unnamed sub-column's text."""
    return UNNAMED_WALL_WHY.format(field=COLUMNS[strips.column], n=len(strips.edges) - 1)


# One unit of a page's ruled columns read on its own: (field column, sub-column index or None
# for a whole column, left, right, closed under each row boundary, its words).
Unit = tuple[int, int | None, float, float, list[bool], list[Word]]


def strip_units(
    res: PageRows,
    by_column: list[list[Word]],
    closed: list[list[bool]],
    covers: list[list[tuple[float, float]]],
    settings: GridSettings,
) -> list[Unit]:
    """The units ``ruled._ruled_rows`` reads a page's cells in: each field column whole, or, for
    a column ruled as several (``res.strips``), each sub-column, with the row boundaries a
    horizontal ruling closes under it (``closed_share`` of its width covered, as for a column)
    and its words (by their centres).  ``closed``/``covers``: per row boundary, the columns
    closed and the x intervals the ruling covers (one-to-one)."""
    bounds = res.bounds
    out: list[Unit] = []
    for c in range(N_COLS):
        strips = res.strips.get(c)
        closed_c = [flags[c] for flags in closed]
        if strips is None or len(covers) != len(closed):
            out.append((c, None, bounds[c], bounds[c + 1], closed_c, by_column[c]))
            continue
        words: list[list[Word]] = [[] for _ in strips.spans()]
        for w in by_column[c]:
            words[strip_of((w.x0 + w.x1) / 2, strips)].append(w)
        for k, (lo, hi) in enumerate(strips.spans()):
            shut = [covered_length(cover, lo, hi) >= settings.closed_share * (hi - lo) for cover in covers]
            out.append((c, k, lo, hi, shut, words[k]))
    return out


def join_parts(res: PageRows, parts: dict[int, dict[int, list[dict[int, list[Line]]]]]) -> None:
    """Each row's cell of a column read a sub-column at a time (``parts``: column → sub-column →
    rows' cells) joined into ``res.rows`` (``join_strips``).  The 項目 column's split is
    understood when a spanning label heads it or its first sub-column opens each cell with a
    heading (``opens_paths``), and 提出時期's when its lines are marks only
    (``MARK_CELL_MAX_CHARS``: 事前 | 事後 mark columns, read by ``mark_columns``); any other is
    noted and its words marked ``Word.guess`` (the rows flagged ``column_guess`` on that field),
    the page counted in ``res.unread_columns``.  A column of which one sub-column only prints
    text (a place column's words set aside before, ``place_words``) is read as it is, with no
    note."""
    for c, by_strip in parts.items():
        strips = res.strips[c]
        order = sorted(by_strip)
        for r in range(len(res.rows)):
            res.rows[r][c] = join_strips([by_strip[k][r].get(c, []) for k in order])
        if len([k for k in order if any(row.get(c) for row in by_strip[k])]) < 2:
            continue  # one sub-column prints text (another reader set the other's aside)
        if not strips.understood and c == ITEM_COLUMN and order:
            strips.understood = opens_paths([row.get(c, []) for row in by_strip[order[0]]])
        if c == TIMING_COLUMN and all(
            len("".join(ln.text.split())) <= MARK_CELL_MAX_CHARS
            for rows in by_strip.values()
            for row in rows
            for ln in row.get(c, [])
        ):
            strips.understood = True  # 事前 | 事後 printed as mark columns: their reader's (mark_columns)
        page = next((ln.page for row in res.rows for ln in row.get(c, [])), 0)
        if strips.understood:
            if c == ITEM_COLUMN:  # (mark columns: their reader's own note)
                res.notes.append(wall_note(page, strips))
            continue
        res.notes.append(wall_note(page, strips))
        res.unread_columns += 1
        why = wall_why(strips)
        for row in res.rows:
            for ln in row.get(c, []):
                for w in ln.words:
                    w.guess = w.guess or why
