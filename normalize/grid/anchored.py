"""Rows of a page without horizontal rulings, from its column lines: anchored at the dates of the
first column (top, centre or bottom aligned) or at the 項目 section paths (Ⅰ…Ⅵ), rows sharing
one printed date split apart, lines grouped to rows by least misplacement.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from piatable.models import COLUMNS
from piatable.vocabulary import ITEM_OPENING, TIMING

from ..dates import DATE_AT_START
from .common import PageRows, cell_text
from .cut_merged_values import join_cut_values
from .date_lists import listed_date_spans
from .date_spans import date_spans, whole_dates
from .item_top_rows import READ_COLUMNS, item_top_reading
from .line_groups import CLOSE_CUT_EM, close_boundaries, group_lines
from .lines import Line
from .lone_explanations import last_explanation, lone_explanation_rows, split_lone_rows
from .merged_fill import BELOW_CENTRED_WHY, carry_leading, centred_from_below, merged_runs
from .merged_items import fill_merged_items, join_item_tails
from .merged_sources import fill_sources
from .misplaced import misplaced_rows
from .pair_rows import pair_rows, parted, split_pair_rows
from .paths_down import paths_down
from .top_bands import band_rows, dates_top_rows

# Rows anchored at dates: a band this high (in line heights) blank in every column separates
# rows (a cell that runs across one costs ``line_groups.BLANK_CROSS_COST``).
BLANK_BAND_EM = 0.8


# Layout text, dates printed at the top of their rows: a date standing more than this many line
# heights above the first line of its row's 項目 / 変更前 / 変更後 is not level with that row (a
# date centred in a cell merged over the row above too), so the row above may hold its date.
LATE_ROW_EM = 0.75


# Layout text, top-aligned rows: a merged value printed this many line heights or more below
# its row's first line may be centred over several rows instead.
LOWERED_VALUE_EM = 0.75

# A blank explanation filled from the row above although the row prints its own date and
# 提出時期: a merged explanation and an empty one look the same without rulings.
LONE_BLANK_WHY = (
    "its explanation is taken from the row above as a merged cell's, but the row prints its own "
    "date and 提出時期: the explanation may be blank"
)

# Names of the merged columns, for the doubts.
COLUMN_NAMES = {0: "date", 4: "提出時期", 5: "explanation"}


# The column of 提出時期 (事前/事後).
TIMING_COLUMN = 4
# Columns a merged cell may leave blank in the rows it covers but its first or last (提出時期,
# explanation), and the columns every row prints itself (項目, 変更前, 変更後).
MERGED_VALUE_COLUMNS = (TIMING_COLUMN, 5)
ROW_OWN_COLUMNS = (1, 2, 3)


def _best_alignment(
    cols: dict[int, list[Line]],
    spans: list[tuple[float, float]],
    modes: tuple[str, ...],
    hy: float,
    blanks: list[float],
    lead: bool = True,
    open_rows: frozenset[int] = frozenset(),
) -> tuple[float, str, dict[int, list[int]]]:
    """The vertical alignment (of ``modes``, first wins ties) that fits every column's lines to
    the row spans best: (total cost, mode, the row of each line per column); ``lead``: lines
    above the first date may continue a row of the page before, ``open_rows``: rows that may be
    parts of a row broken over a page break (``group_lines``)."""
    best: tuple[float, str, dict[int, list[int]]] | None = None
    for mode in modes:
        total, assignment = 0.0, {}
        for c, lines in cols.items():
            cost, rows_of = group_lines(lines, spans, mode, hy, blanks, _whole_value(c), lead, open_rows)
            total += cost
            assignment[c] = rows_of
        if best is None or total < best[0] - 1e-6:
            best = (total, mode, assignment)
    assert best is not None
    return best


def lines_to_anchored_rows(
    res: PageRows,
    cols: dict[int, list[Line]],
    hy: float,
    lead: bool = True,
    layout: bool = False,
    wrap: float = 0.0,
) -> None:
    """Rows of a page from its column lines, anchored at the dates of the first column.

    Each column's lines are split into consecutive groups, one per date (or none), so that each
    group sits where the date sits: level with its top (top-aligned cells), centred on it
    (vertically centred) or level with its bottom; the alignment that fits the page best wins
    (a page with a single date keeps the alignment of the pages before it).
    With top-aligned cells, lines above the page's first date continue the previous page's
    last row (when ``lead``: not on a table's first page, which continues none).
    ``layout`` (layout text, read a page at a time): the page's last row may run on past its
    foot, and the row carried from the page before go on from its date down (``group_lines``'
    ``open_rows``), and rows whose own cells stand off their dates are in
    doubt (``misplaced.misplaced_rows``), and a block of a row's explanation that stands apart
    from its cells is a row of its own (``lone_explanations``; ``wrap``: the explanation
    column's wrap width)."""
    words = [w for lines in cols.values() for ln in lines for w in ln.words]
    if not words:
        return
    spans = listed_date_spans(cols, date_spans(cols.get(0, []), hy), hy)
    if not spans:
        # No date on this page (dates merged over rows printed on a page before): the 項目
        # paths anchor its rows when they place every line (their dates are filled in from
        # the row before); else all of it continues the previous page's last row.  Layout
        # text too at the top (a Writer date merged at the top prints on its first page only).
        paths = _section_spans(cols.get(1, []))
        if (
            len(paths) >= 2
            and (res.align != "top" or layout)
            and _rows_from_paths(res, cols, paths, hy, wrap if layout else None, lead)
        ):
            return
        res.rows, res.merged = [{c: lines for c, lines in cols.items() if lines}], [False]
        return
    item_spans = _section_spans(cols.get(1, []))
    if len(item_spans) > len(spans) and (
        res.align != "top" or (layout and _dates_off_paths(cols, spans, item_spans, hy))
    ):
        # More 項目 paths (each opens with its section Ⅰ…Ⅵ) than dates: dates printed once for
        # several rows (merged cells).  The paths anchor the rows then.
        if _rows_from_paths(res, cols, item_spans, hy, wrap if layout else None, lead):
            return
    blanks = _blank_bands(cols, hy)
    open_rows = frozenset({-1, *((0,) if res.carried else ())}) if layout else frozenset()
    modes = ("top", "centre", "bottom") if res.align is None or len(spans) > 1 else (res.align,)
    if layout and res.align in modes:
        # One table, one alignment: the pages before win a tie.
        modes = (res.align, *(m for m in modes if m != res.align))
    _, mode, assignment = _best_alignment(cols, spans, modes, hy, blanks, lead, open_rows)
    banded = layout and dates_top_rows(cols, spans, hy)
    if banded:
        mode, assignment = "top", band_rows(cols, spans, hy)
    res.align = mode
    rows: list[dict[int, list[Line]]] = [{} for _ in range(len(spans) + 1)]  # [0]: continued row
    for c, lines in cols.items():
        for ln, r in zip(lines, assignment[c], strict=True):
            rows[r + 1].setdefault(c, []).append(ln)
    if (
        mode != "top"
        and len(item_spans) == len(spans) >= 2
        and any(_path_count(row.get(1)) != 1 for row in rows[1:])
        and _rows_from_path_extents(res, cols, item_spans, hy)
    ):
        # Dates centred but text at the top (each column its own alignment): the paths, one
        # per date, anchor the rows better than the dates did.
        return
    if mode != "top":
        paths_down(rows, spans, mode)
    continued = _split_continued(rows[0], hy) if rows[0] else []
    out: list[dict[int, list[Line]]] = list(continued)
    merged: list[bool] = [False] * len(continued)
    late = _late_rows(rows, spans, mode, hy)
    close = _close_rows(cols, spans, mode, hy, assignment, blanks, open_rows)
    if layout and not banded:  # a band's lines are its row's, whatever their alignment
        for r, why in misplaced_rows(cols, spans, mode, hy, assignment, lead).items():
            close.setdefault(r, why)
    for r, row in enumerate(rows[1:]):
        if r in late and out:
            res.doubts.setdefault(len(out) - 1, late[r])
        for whole, shared in _split_shared(row, mode, hy):
            if r in close:
                res.doubts.setdefault(len(out), close[r])
            # Top-aligned layout text: rows printing only their 変更前 / 変更後 under merged cells.
            pairs = pair_rows(whole, hy) if layout and mode == "top" else [(whole, None)]
            for n, (sub, pair_why) in enumerate(pairs):
                if pair_why:
                    res.doubts.setdefault(len(out), pair_why)
                if parted(pairs, n):
                    res.parted.add(len(out))
                above = last_explanation(out[-1]) if out else None
                pieces = lone_explanation_rows(sub, hy, wrap, above) if layout else [(sub, None)]
                for piece, why in pieces:
                    if why:
                        res.doubts.setdefault(len(out), why)
                    out.append(piece)
                    merged.append(shared or len(pieces) > 1 or len(pairs) > 1)
    for k, why in _fill_merged_values(out, merged, len(continued), mode, hy).items():
        res.doubts.setdefault(k, why)
    if layout:
        for k, why in fill_merged_items(out, merged, len(continued), mode, hy).items():
            res.doubts.setdefault(k, why)
        if mode == "top":
            for k, why in join_item_tails(out, merged, len(continued), hy).items():
                res.doubts.setdefault(k, why)
    res.rows, res.merged = out, merged


def _fill_merged_values(
    rows: list[dict[int, list[Line]]], merged: list[bool], first: int, mode: str, hy: float
) -> dict[int, str]:
    """Date-anchored rows (from ``first`` on) that print no 提出時期 or no explanation take the
    one of the row whose merged cell they share.  Every change has a 提出時期 (事前 / 事後) and
    says why, so a blank one is a merged cell's; the rows are ``merged_cell_filled``.  Which rows
    a merged value covers is read from where it stands among them (``merged_fill``: at the top of
    the first, in their middle or at the foot of the last, the merged cell's own alignment,
    which may differ from the page's ``mode``); rows another reading gives another value are
    returned (row → why) for a ``row_split_guess``.  A row with no value to take stays without
    (``timing_missing``).  An explanation is the explanation of a 提出時期 (提出時期に係る説明),
    so a row whose own printed 提出時期 differs from the merged explanation's row does not take
    it: its blank explanation is its own.  One that prints its own date and 提出時期 as well takes
    it in doubt (``LONE_BLANK_WHY``): without rulings a merged explanation and a blank one look
    the same."""
    doubts: dict[int, str] = {}
    own_timing = [_timing_of(row) for row in rows]
    for c in MERGED_VALUE_COLUMNS:
        for k in join_cut_values(rows, first, c, hy) if c != TIMING_COLUMN else ():
            merged[k] = True  # a centred merged explanation cut between two rows: one value
        runs = merged_runs(rows, first, c, ROW_OWN_COLUMNS, hy, mode)
        if runs is None:
            continue
        sources, col_doubts, _ = runs
        printed = {k: list(rows[k][c]) for k in set(sources.values())}
        for k, src in sources.items():
            if k == src:
                continue
            if c != TIMING_COLUMN and own_timing[k]:
                if own_timing[k] != _timing_of(rows[src]):
                    continue  # its own 提出時期 differs: another timing's explanation is not its
                if _prints_own_date(rows, k):
                    doubts.setdefault(k, LONE_BLANK_WHY)
            rows[k][c] = list(printed[src])
            merged[k] = merged[src] = True
        for k, why in col_doubts.items():
            doubts.setdefault(k, why)
    return doubts


def _own_timing_explanations(
    sources: dict[int, int], own_timing: list[str], doubts: dict[int, str]
) -> dict[int, int]:
    """The explanation ``sources`` (row → row whose merged explanation it takes) of rows read at
    their 項目 paths, less those of rows that print a 提出時期 of their own: the explanation is
    that 提出時期's (提出時期に係る説明), so a row whose 提出時期 differs from the source's keeps
    its blank explanation, and one whose 提出時期 is the same takes it in doubt
    (``LONE_BLANK_WHY``: without rulings a merged explanation and a blank one look the same).
    The rule ``_fill_merged_values`` keeps for date-anchored rows."""
    out: dict[int, int] = {}
    for k, src in sources.items():
        if own_timing[k]:
            if own_timing[k] != own_timing[src]:
                continue
            doubts.setdefault(k, LONE_BLANK_WHY)
        out[k] = src
    return out


def _prints_own_date(rows: list[dict[int, list[Line]]], k: int) -> bool:
    """Row ``k`` prints a date of its own (not one date line shared with the row above)."""
    own = rows[k].get(0) or []
    above = {id(ln) for ln in rows[k - 1].get(0) or []} if k else set()
    return bool(own) and not any(id(ln) in above for ln in own)


def _timing_of(row: dict[int, list[Line]]) -> str:
    """A row's 提出時期 as printed, spaces removed ('' when blank)."""
    return "".join(cell_text(row.get(TIMING_COLUMN)).split())


def _close_rows(
    cols: dict[int, list[Line]],
    spans: list[tuple[float, float]],
    mode: str | dict[int, str],
    hy: float,
    assignment: dict[int, list[int]],
    blanks: list[float],
    open_rows: frozenset[int] = frozenset(),
) -> dict[int, str]:
    """Rows (indices into ``spans``) whose 項目, 変更前, 変更後 or 説明 lines were cut from a
    neighbouring row's at a line that fits either row as well (margin below ``CLOSE_CUT_EM``):
    row → why, for a ``row_split_guess``.  The 変更日 and 提出時期 are whole values (a line
    each), checked apart (merged cells).  ``mode``: the alignment, or each column's."""
    best: dict[int, tuple[float, int]] = {}
    for c, lines in cols.items():
        if c not in (1, 2, 3, 5) or not lines:
            continue
        col_mode = mode[c] if isinstance(mode, dict) else mode
        for ra, rb, margin in close_boundaries(
            lines, spans, col_mode, hy, assignment[c], blanks, _whole_value(c), open_rows
        ):
            if margin < CLOSE_CUT_EM:
                for r in (ra, rb):
                    if r not in best or margin < best[r][0]:
                        best[r] = (margin, c)
    return {
        r: f"a line at the edge of this row's {COLUMNS[c]} fits the neighbouring row about as well "
        f"(margin {m:.2f} line heights)"
        for r, (m, c) in best.items()
    }


def _late_rows(
    rows: list[dict[int, list[Line]]], spans: list[tuple[float, float]], mode: str, hy: float
) -> dict[int, str]:
    """Top-aligned rows anchored at dates (``rows[r + 1]`` holds date ``r``'s lines): date
    ``r`` → why, when the date stands more than ``LATE_ROW_EM`` line heights above the first
    line of its row's 項目 / 変更前 / 変更後.  Such a date is not level with its row: it may be
    centred in a cell merged over the row above too, which then took the date before it
    (a ``row_split_guess`` on the row above)."""
    out: dict[int, str] = {}
    if mode != "top":
        return out
    for r in range(1, len(spans)):
        own = [ln for c in (1, 2, 3) for ln in rows[r + 1].get(c, [])]
        if own and min(ln.top for ln in own) - spans[r][1] > LATE_ROW_EM * hy:
            out[r] = (
                "the next row's date stands above that row, not level with it: it may be merged "
                "over this row too"
            )
    return out


def _split_continued(row: dict[int, list[Line]], hy: float) -> list[dict[int, list[Line]]]:
    """The lines above a page's first date (top-aligned cells): the rest of the previous page's
    last row, then rows whose date cell, merged, was printed on the page before.  Each 項目
    path (Ⅰ…Ⅵ) opens one of those rows; the other columns' lines go to the block they start in."""
    item = row.get(1, [])
    heads = [i for i, ln in enumerate(item) if ITEM_OPENING.match(ln.text.strip())]
    if not heads or (heads == [0] and len(heads) == 1):
        return [row]
    cuts = [0, *heads, len(item)] if heads[0] > 0 else [*heads, len(item)]
    blocks = [item[a:b] for a, b in itertools.pairwise(cuts)]
    if any(b - a < 2 for a, b in itertools.pairwise([*heads, len(item)])):
        return [row]  # a lone section line: not a path of its own
    tops = [blk[0].top for blk in blocks]
    first = min(ln.top for lines in row.values() for ln in lines)
    if heads[0] > 0:
        tops[0] = first
    bottom = max(ln.bottom for lines in row.values() for ln in lines)
    spans = [(t, nxt - hy / 4) for t, nxt in itertools.pairwise(tops)]
    spans.append((tops[-1], bottom))
    if heads[0] == 0 and first < tops[0] - hy / 4:
        # Lines of other columns above the first path: the rest of the previous row.
        spans.insert(0, (first, tops[0] - hy / 4))
        blocks.insert(0, [])
    subs: list[dict[int, list[Line]]] = [{} for _ in spans]
    for k, blk in enumerate(blocks):
        if blk:
            subs[k][1] = blk
    for c, lines in row.items():
        if c == 1:
            continue
        for ln in lines:
            k = max((j for j, (t, _) in enumerate(spans) if ln.mid >= t - hy / 4), default=0)
            subs[k].setdefault(c, []).append(ln)
    return [sub for sub in subs if sub]


def _dates_off_paths(
    cols: dict[int, list[Line]], spans: list[tuple[float, float]], paths: list[tuple[float, float]], hy: float
) -> bool:
    """True when a date stands level with no 項目 path's first line (not printed at the top of
    its row: a merged date centred on its rows, whatever the pages before read) and the page
    opens with a path (no row continued from the page before above it)."""
    first = min(ln.top for lines in cols.values() for ln in lines)
    return paths[0][0] - first <= hy / 2 and any(
        all(abs(top - p_top) > hy / 2 for p_top, _ in paths) for top, _ in spans
    )


def _whole_value(column: int) -> Callable[[str], bool] | None:
    """For the columns of one-line values (変更日, 提出時期): whether a line is a whole value."""
    if column == 0:
        return lambda t: bool(DATE_AT_START.match(t))
    if column == TIMING_COLUMN:
        return lambda t: bool(TIMING.match(t))
    return None


def _path_count(item: list[Line] | None) -> int:
    return sum(1 for ln in item or [] if ITEM_OPENING.match(ln.text.strip()))


def _rows_from_path_extents(
    res: PageRows, cols: dict[int, list[Line]], paths: list[tuple[float, float]], hy: float
) -> bool:
    """Rows from path to path (each row from its path's first line to the next path's), every
    column split by the alignment that fits it best; False unless each row gets one date."""
    bottom = max(ln.bottom for lines in cols.values() for ln in lines)
    spans = [(top, nxt - hy / 4) for (top, _), (nxt, _) in itertools.pairwise(paths)]
    spans.append((paths[-1][0], bottom))
    blanks = _blank_bands(cols, hy)
    rows: list[dict[int, list[Line]]] = [{} for _ in spans]
    modes = ("top", "centre", "bottom")
    date_mode = None
    col_modes: dict[int, str] = {}
    assignment: dict[int, list[int]] = {}
    for c in sorted(cols):
        lines = cols[c]
        fits = {m: group_lines(lines, spans, m, hy, blanks, _whole_value(c)) for m in modes}
        # 提出時期 is printed like 変更日 (one short line): it follows the date's alignment.
        mode = date_mode if c == 4 and date_mode else min(modes, key=lambda m: fits[m][0])
        if c == 0:
            date_mode = mode
        rows_of = fits[mode][1]
        if any(r < 0 for r in rows_of):
            return False
        col_modes[c], assignment[c] = mode, rows_of
        for ln, r in zip(lines, rows_of, strict=True):
            rows[r].setdefault(c, []).append(ln)
    if any(not DATE_AT_START.match(cell_text(row.get(0))) for row in rows):
        return False
    if any(len(row.get(4, [])) > 1 for row in rows):
        return False  # two 事前/事後 in one row: the paths did not separate the rows either
    res.rows, res.merged = rows, [False] * len(rows)
    res.doubts.update(_close_rows(cols, spans, col_modes, hy, assignment, blanks))
    return True


def _section_spans(item: list[Line]) -> list[tuple[float, float]]:
    """Extents of the 項目 paths: from each line opening a section (Ⅰ…Ⅵ) to the next one."""
    heads = [i for i, ln in enumerate(item) if ITEM_OPENING.match(ln.text.strip())]
    if not heads:
        return []
    cuts = [*heads, len(item)]
    return [(item[a].top, item[b - 1].bottom) for a, b in itertools.pairwise(cuts)]


def _rows_from_paths(
    res: PageRows,
    cols: dict[int, list[Line]],
    spans: list[tuple[float, float]],
    hy: float,
    wrap: float | None = None,
    lead: bool = True,
) -> bool:
    """Rows anchored at the 項目 paths; a row that got no date, timing or explanation shares
    those of its nearest neighbour (a merged cell), flagged.  False when the lines do not fit.
    With ``wrap`` (layout text: the explanation column's wrap width), a block of a row's
    explanation that stands apart from its cells is a row of its own (``lone_explanations``),
    and (``lead``: not a table's first page) the rows above the page's first 提出時期 /
    explanation printed at the top of its row take the page before's
    (``merged_fill.carry_leading``)."""
    blanks = _blank_bands(cols, hy)
    # Top alignment leaves the lines above the first path out (a continued row) at no cost:
    # it wins only when it places every line.
    fits = [_best_alignment(cols, spans, (m,), hy, blanks) for m in ("centre", "bottom", "top")]
    whole = [f for f in fits if not any(r < 0 for rows_of in f[2].values() for r in rows_of)]
    if not whole:
        return False
    _, mode, assignment = min(whole, key=lambda f: f[0])
    col_modes = {c: mode for c in (*cols, *READ_COLUMNS)}
    single = {c: group_lines(lines, spans, mode, hy, blanks, _whole_value(c))[0] for c, lines in cols.items()}
    item_top = item_top_reading(cols, spans, hy, blanks, _whole_value, single)
    if item_top is not None:
        # Items at the top of their rows, the body at another height (``item_top_rows``).
        spans, read_modes, read = item_top
        col_modes.update(read_modes)
        assignment = {**assignment, **read}
    if cols.get(0) and wrap is not None:
        # Layout text: a date wrapped over lines is one value, given one row.
        assignment = {**assignment, 0: whole_dates(cols[0], assignment[0], col_modes[0], hy)}
    rows: list[dict[int, list[Line]]] = [{} for _ in spans]
    for c, lines in cols.items():
        for ln, r in zip(lines, assignment[c], strict=True):
            rows[r].setdefault(c, []).append(ln)
    close = _close_rows(cols, spans, col_modes, hy, assignment, blanks)
    paired: set[int] = set()
    if wrap is not None:
        rows, spans, close = split_lone_rows(rows, spans, close, hy, wrap)
        if mode == "top":
            rows, spans, close, paired, res.parted = split_pair_rows(rows, spans, close, hy)
    res.doubts.update(close)
    merged = [k in paired for k in range(len(rows))]
    centres = [(a + b) / 2 for a, b in spans]
    # Each row's extent from its own (unmerged) cells: 項目, 変更前, 変更後.
    extents = [
        (min(ln.top for ln in own), max(ln.bottom for ln in own)) if own else spans[k]
        for k, own in enumerate([ln for c in (1, 2, 3) for ln in row.get(c, [])] for row in rows)
    ]
    own_timing = [_timing_of(row) for row in rows]
    for c in (0, 4, 5):
        for k in join_cut_values(rows, 0, c, hy) if c == 5 and wrap is not None else ():
            merged[k] = True  # a centred merged explanation cut between two rows: one value
        have = [k for k, row in enumerate(rows) if row.get(c)]
        if not have:
            continue
        sources = fill_sources(rows, have, c, col_modes[c], extents, centres)
        if wrap is not None and lead and c in MERGED_VALUE_COLUMNS:
            carry_leading(res, rows, sources, c, col_modes[c], hy)
        if c == 5:
            sources = _own_timing_explanations(sources, own_timing, res.doubts)
        # Top-aligned rows, but a value printed below its row's first line: the column's
        # cells may be centred (a merged date centred beside text cells at the top), and
        # where that reading gives a merged value to another row, the row is in doubt.
        lowered = any(min(ln.top for ln in rows[j][c]) > extents[j][0] + LOWERED_VALUE_EM * hy for j in have)
        if col_modes[c] == "top" and lowered:
            for k, src in fill_sources(rows, have, c, "centre", extents, centres).items():
                if k not in sources or cell_text(rows[src][c]) != cell_text(rows[sources[k]][c]):
                    res.doubts.setdefault(
                        k,
                        f"its merged {COLUMN_NAMES[c]} may be another row's: a {COLUMN_NAMES[c]} "
                        "printed below its row's first line may be centred over several rows",
                    )
        if wrap is not None and col_modes[c] == "top":
            values = [(min(ln.top for ln in rows[j][c]), max(ln.bottom for ln in rows[j][c])) for j in have]
            for k, src in sources.items():
                if src < k and centred_from_below(have, k, values, extents, hy):
                    res.doubts.setdefault(k, BELOW_CENTRED_WHY.format(column=COLUMN_NAMES[c]))
        for k, src in sources.items():
            rows[k][c] = list(rows[src][c])
            merged[k] = merged[src] = True
    res.align = mode
    res.rows, res.merged = rows, merged
    return True


def _split_shared(
    row: dict[int, list[Line]], mode: str, hy: float
) -> list[tuple[dict[int, list[Line]], bool]]:
    """Rows that share one printed date (a merged cell) come out as one anchored row whose 項目
    holds several section paths (Ⅰ…Ⅵ).  Split it there: each column's lines go to the sub-row
    they are aligned with, or, printed once for all (merged), to every sub-row."""
    item = row.get(1, [])
    heads = [i for i, ln in enumerate(item) if ITEM_OPENING.match(ln.text.strip())]
    if len(heads) < 2:
        return [(row, False)]
    cuts = [0, *heads[1:], len(item)]
    blocks = [item[a:b] for a, b in itertools.pairwise(cuts)]
    if any(len(blk) < 2 for blk in blocks):
        # A path of the form has a section and at least one heading under it; a lone section
        # line is the neighbouring row's, pulled in by the alignment, not a row of its own.
        return [(row, False)]
    spans = [(blk[0].top, blk[-1].bottom) for blk in blocks]
    subs: list[dict[int, list[Line]]] = [{1: blk} for blk in blocks]
    shared = False
    whole = (spans[0][0], spans[-1][1])
    for c, lines in row.items():
        if c == 1 or not lines:
            continue
        split_cost, rows_of = group_lines(lines, spans, mode, hy)
        merged_cost, _ = group_lines(lines, [whole], mode, hy)
        # A cell printed once for all rows fits the whole span; one that gives every sub-row
        # lines of its own, as well as the whole span fits it (top-aligned cells fit both
        # exactly), is one cell per sub-row.
        every = len({r for r in rows_of if r >= 0}) == len(spans)
        if c == 0 or merged_cost < split_cost or (merged_cost == split_cost and not every):
            for sub in subs:
                sub[c] = list(lines)
            shared = True
        else:
            for ln, r in zip(lines, rows_of, strict=True):
                subs[max(r, 0)].setdefault(c, []).append(ln)
    return [(sub, shared) for sub in subs]


def _blank_bands(cols: dict[int, list[Line]], hy: float) -> list[float]:
    """Middles of the horizontal bands (at least a line high) where no column prints anything:
    the blank lines some layouts leave between rows."""
    spans = sorted((ln.top, ln.bottom) for lines in cols.values() for ln in lines)
    out: list[float] = []
    end = spans[0][1] if spans else 0.0
    for top, bottom in spans[1:]:
        if top - end >= BLANK_BAND_EM * hy:
            out.append((top + end) / 2)
        end = max(end, bottom)
    return out
