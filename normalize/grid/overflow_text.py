"""A cell's one-line text printed past its rulings: overflow into empty neighbours or off the table.

A spreadsheet cell whose text does not wrap (Calc's and Excel's default) prints its line on across
the cells beside it when they are empty: a left-aligned cell to the right, a right-aligned one to
the left, over the rulings between them and past the table's border into unruled columns outside
the print's table (set XXXIV n09: ``児童手当法の一部改正（令和６年１０月施行）に伴う修正`` printed over
the 説明 column's right rule, read as ``児童手当法の一部改正`` at 0.963 with no flag).  A neighbour
holding text clips the line instead (that text layer is ``unseen``'s), so characters that run on
over a column's boundary *with no gap at all* are one cell's line: two cells' texts keep two cell
paddings apart (Calc at 60 %: 0.2 em; Word's cell margins: 1 em).

A run is the characters of one printed line chained by gaps of at most
``GridSettings.overflow_cross_em`` where the chain crosses a column boundary (or the table's edge)
and ``GridSettings.overflow_join_em`` elsewhere (a space the text layer dropped).  A run over two
places or more belongs to the column it starts at when it starts at that column's left edge
(within ``overflow_edge_em``), else to the column it ends at when it ends at that column's right
edge, else (a run from inside the table off its edge) to the one column of the table it lies in.
The cells it runs into must print nothing else between the row rulings around the line (a
spreadsheet overflows into empty cells only; else the run is left as it lies).

What is still left outside the table's columns on a row's band is placed in no cell: the row is
flagged ``unplaced_text`` (``Line.beside``, ``edge_doubts``), not only counted in the document's
note.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from piatable.models import Doubt, PageWords, Word
from piatable.settings import GridSettings

from .common import N_COLS, PageRows
from .lines import Line
from .side_numbers import side_number_words
from .unseen import clipped_why

# Cells whose text clipped away at the cell's edge is a doubt (``clipped_text``): those that can be
# flagged ``truncated:<field>``.  A date or 提出時期 cut short is checked by its own grammar.
CLIPPED_FIELDS = ("item", "before", "after", "explanation")
OVERFLOW_WHY = (
    "the cell's last line crosses the ruling under it on page {page}: its text overflows the "
    "cell, and lines after it may not be printed"
)
BESIDE_WHY = "{n} characters printed beside the table on this row's band were placed in no cell: {text}"
AMBIGUOUS_WHY = (
    "a line printed over the rulings from one column's left edge to another's right edge was read "
    "as the left one's (left-aligned); it may be the right one's, and either end may be clipped: {text}"
)
# The evidence quotes this many characters of the unplaced text at most.
BESIDE_SHOWN_CHARS = 40


def _place(w: Word, bounds: list[float]) -> int:
    """The column of ``w`` by its centre: -1 left of the table, ``N_COLS`` right of it."""
    return min(max(bisect_right(bounds, (w.x0 + w.x1) / 2) - 1, -1), N_COLS)


def _runs(words: list[Word], places: list[int], cross: float, join: float) -> list[list[int]]:
    """Indexes of ``words`` (in x order) chained into runs: gaps of at most ``join`` within one
    place, of at most ``cross`` between two places after a printed character (a line broken
    after a space, the space reaching over the rule, runs on no further)."""
    runs: list[list[int]] = []
    for i, w in enumerate(words):
        if runs:
            p = words[runs[-1][-1]]
            gap = w.x0 - p.x1
            if places[i] == places[runs[-1][-1]] and gap <= join:
                runs[-1].append(i)
                continue
            if places[i] != places[runs[-1][-1]] and gap <= cross and p.text.strip():
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


def _owner(
    run: list[Word],
    places: list[int],
    bounds: list[float],
    reach: tuple[float, float],
    clipped: tuple[bool, bool],
) -> int | None:
    """The column a run over two places or more is the text of (None: no column's edge holds
    it; module docstring).  ``clipped``: whether characters clipped away continue the run on its
    left, on its right: a line clipped on the left was right-aligned (the column it ends in),
    on the right left-aligned.  ``reach``: how near a column's edge a run starts or ends to be
    aligned there, and how near (a cell's padding) to be flush with it.  A run flush with one
    column's left edge and another's right edge, clipped on neither side (Calc leaves a
    left-aligned line's hidden rest out of the text layer), is read as left-aligned, the
    default, its words marked as a guess (``Word.guess``: the cell's ``column_guess``)."""
    first, last = places[0], places[-1]
    edge, pad = reach
    starts = 0 <= first < N_COLS and run[0].x0 - bounds[first] <= edge
    ends = 0 <= last < N_COLS and bounds[last + 1] - run[-1].x1 <= edge
    if starts and ends and clipped[0] != clipped[1]:
        starts, ends = clipped[1], clipped[0]
    elif starts and ends and bounds[last + 1] - run[-1].x1 > pad:
        ends = False  # ends short of the edge: a left-aligned line that stops there
    elif starts and ends and run[0].x0 - bounds[first] > pad:
        starts = False
    elif starts and ends:
        # Flush with both edges: a left-aligned line clipped at the far side, or a right-aligned
        # one clipped at the near side; either way its hidden part is not in the text layer.
        why = AMBIGUOUS_WHY.format(text="".join(w.text for w in run)[:BESIDE_SHOWN_CHARS])
        for w in run:
            w.guess = w.guess or why
    if starts or ends:
        return first if starts else last
    inside = {p for p in places if 0 <= p < N_COLS}
    return inside.pop() if len(inside) == 1 else None


def _clipped_beside(run: list[Word], hidden: list[Word], near: float) -> tuple[list[Word], list[Word]]:
    """The characters of ``hidden`` (clipped away) that continue ``run`` on its baseline: chained
    to its left end, to its right end, by gaps of at most ``near``."""
    out: tuple[list[Word], list[Word]] = ([], [])
    height = run[0].bottom - run[0].top
    level = [w for w in hidden if abs(w.bottom - run[0].bottom) <= height / 2]
    for side, (edge, sign) in enumerate(((run[0].x0, -1), (run[-1].x1, 1))):
        for w in sorted(level, key=lambda w: sign * w.x0):
            if -near <= (w.x0 - edge if sign > 0 else edge - w.x1) <= near:
                out[side].append(w)
                edge = w.x1 if sign > 0 else w.x0
    return out


def _empty(
    col: int,
    ln: Line,
    taken: set[int],
    lines: list[Line],
    bounds: list[float],
    rules: list[tuple[float, float, float]],
) -> bool:
    """Whether the cell of column ``col`` around the line ``ln`` prints nothing but the words
    ``taken`` (ids): between the horizontal ``rules`` (y, x0, x1) across the column nearest above
    and below the line's middle (the line itself where none is)."""
    x = (bounds[col] + bounds[col + 1]) / 2
    ys = [y for y, x0, x1 in rules if x0 <= x <= x1]
    mid = (ln.top + ln.bottom) / 2
    top = max((y for y in ys if y <= mid), default=ln.top)
    bottom = min((y for y in ys if y >= mid), default=ln.bottom)
    return not any(
        w.text.strip()
        and id(w) not in taken
        and top <= (w.top + w.bottom) / 2 <= bottom
        and _place(w, bounds) == col
        for other in lines
        if other.bottom >= top and other.top <= bottom
        for w in other.words
    )


def overflow_words(
    lines: list[Line],
    bounds: list[float],
    column_words: Callable[[list[Line], list[float]], tuple[list[Word], list[list[Word]], int]],
    hx: float,
    settings: GridSettings,
    res: PageRows,
    page: PageWords,
) -> tuple[list[Word], list[list[Word]], int]:
    """``column_words(lines, bounds)`` (the table's words in order, by column, and the count of
    the others) with each overflowing run given to the column it is the text
    of (module docstring).  The words still outside the columns, numbering columns aside, go to
    ``res.beside`` (their rows are flagged ``unplaced_text`` by ``place_cell_lines``).  The
    characters of ``page.unseen`` clipped away where a run goes on (at the print area's edge, at
    a neighbour with text) go to ``res.clipped_runs`` (the run's end word → their text): the
    cell is cut short (``truncated:<field>``).  ``hx``: the page's em (page units)."""
    words, by_column, outside = column_words(lines, bounds)
    cross, join = settings.overflow_cross_em * hx, settings.overflow_join_em * hx
    edge = (settings.overflow_edge_em * hx, settings.overflow_pad_em * hx)
    moved: dict[int, int] = {}
    hidden = [u.word for u in page.unseen if u.why == "clipped" and u.word.text.strip()]
    near = settings.clipped_near_em * hx
    thick = settings.ruling_thickness_em * hx
    rules = [((t + b) / 2, min(x0, x1), max(x0, x1)) for x0, t, x1, b in page.rulings if abs(b - t) <= thick]
    for ln in lines:
        # An ideographic space is the text's own character (a run goes on over it); a half-width
        # one may be the reader's, inferred from a gap (between two cells too).
        ordered = sorted((w for w in ln.words if w.text.strip() or w.text == "\u3000"), key=lambda w: w.x0)
        places = [_place(w, bounds) for w in ordered]
        if len(set(places)) < 2:
            continue
        for run in _runs(ordered, places, cross, join):
            inked = [i for i in run if ordered[i].text.strip()]
            run_places = [places[i] for i in inked]
            if len(set(run_places)) < 2:
                continue
            ends = [ordered[i] for i in inked]
            cut = _clipped_beside(ends, hidden, near) if hidden else ([], [])
            owner = _owner(ends, run_places, bounds, edge, (bool(cut[0]), bool(cut[1])))
            if owner is None:
                continue
            into = set(run_places) - {owner}
            taken = {id(ordered[i]) for i in run}
            if any(not _empty(c, ln, taken, lines, bounds, rules) for c in into if 0 <= c < N_COLS):
                continue  # a cell it runs into prints text of its own: no spreadsheet overflows there
            moved.update((id(ordered[i]), owner) for i in run if places[i] != owner)
            for end, chars in zip((ends[0], ends[-1]), cut, strict=True):
                if chars:
                    res.clipped_runs[id(end)] = "".join(w.text for w in sorted(chars, key=lambda w: w.x0))
    if moved:
        words, by_column, outside = [], [[] for _ in range(N_COLS)], 0
        for ln in lines:
            for w in ln.words:
                c = moved.get(id(w), _place(w, bounds))
                if 0 <= c < N_COLS:
                    words.append(w)
                    by_column[c].append(w)
                else:
                    outside += 1
    if outside:
        aside = {id(w) for w in side_number_words(lines, bounds)[0]}
        res.beside.extend(
            w
            for ln in lines
            for w in ln.words
            if w.text.strip()
            and id(w) not in moved
            and id(w) not in aside
            and _place(w, bounds) in (-1, N_COLS)
        )
    return words, by_column, outside


def place_cell_lines(
    lines: list[Line], c: int, lo: float, hi: float, band: tuple[float, float], res: PageRows
) -> None:
    """Set the column ``c`` and the cell's left edge ``lo`` and width (to ``hi``) on the cell's
    ``lines``, and give the first of them the words of ``res.beside`` whose centre lies in the
    cell's row ``band`` (top, bottom; taken once: a row's first cell with text holds them)."""
    for ln in lines:
        ln.column, ln.left, ln.width = c, lo, hi - lo
        if res.clipped_runs:
            ln.clipped += "".join(res.clipped_runs.get(id(w), "") for w in ln.words)
    if not lines or not res.beside:
        return
    top, bottom = band
    here = [w for w in res.beside if top <= (w.top + w.bottom) / 2 < bottom]
    if here:
        taken = {id(w) for w in here}
        res.beside[:] = [w for w in res.beside if id(w) not in taken]
        lines[0].beside += "".join(w.text for w in _reading_order(here))


def _reading_order(words: list[Word]) -> list[Word]:
    """``words`` line by line (a word whose centre lies above the previous line's bottom goes on
    it), each line left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if rows and (w.top + w.bottom) / 2 < max(v.bottom for v in rows[-1]):
            rows[-1].append(w)
        else:
            rows.append([w])
    return [w for row in rows for w in sorted(row, key=lambda w: w.x0)]


def edge_doubts(name: str, lines: list[Line]) -> list[Doubt]:
    """The doubts of one cell about text at its edges: clipped away (``clipped_text``), a last
    line crossing the ruling under it, and text printed beside the table on its row's band that
    no cell took (``unplaced_text``)."""
    out: list[Doubt] = []
    clipped = [(ln.page, ln.clipped) for ln in lines if ln.clipped]
    if clipped and name in CLIPPED_FIELDS:
        out.append(Doubt("clipped_text", name, clipped_why(clipped)))
    elif lines and lines[-1].overflows and name in CLIPPED_FIELDS:
        out.append(Doubt("clipped_text", name, OVERFLOW_WHY.format(page=lines[-1].page)))
    beside = "".join(ln.beside for ln in lines)
    if beside:
        shown = beside if len(beside) <= BESIDE_SHOWN_CHARS else beside[:BESIDE_SHOWN_CHARS] + "…"
        out.append(Doubt("unplaced_text", None, BESIDE_WHY.format(n=len(beside), text=shown)))
    return out
