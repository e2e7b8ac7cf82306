"""Before/after cells of column-ordered text (pdfminer, plain ``pdftotext``) paired with rows.

The extractors emit the boxes of the before column and of the after column in an order of their
own: a row's before then its after (Calc), several rows' befores then their afters (Writer), an
after before its before, and vertically adjacent cells of one column merged into one box.  What
is certain: each column's cells come in row order, and a row's before and after cells are
emitted near each other.  So the boxes are read as two interleaved queues: a cell waits in the
queue until a cell of the other column comes and makes a row with it (first in, first out), or
is closed as a row of one cell (an addition's after alone).  A box may be cut into several
cells where a line ends a paragraph short of the column's wrap width (``cut_points``); each cut
costs, and pays only when it lets cells pair that open alike or share words.

Beam search over (fragments read, rows made, the queue); the best reading and its margin over
the best different reading are returned.  Scores and costs are in the units of
``columnar``'s pairing constants (named below).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from heapq import heappop, heappush
from itertools import pairwise

import regex

from piatable.models import CellLine
from piatable.text_thresholds import CELL_FRAGMENTS_MAX, EMPTY_ROW_RUN_MAX

from .chars import display_width
from .partition import ADDITION_MARKERS, DELETION_MARKERS

# A cell of nothing but the mark of an addition, without 上記 (which points at text above it).
BARE_ADDITION_MARK = regex.compile(r"^(?:新規追加|新規|追加)$")

# Scores of a row made of a before and an after cell: opening alike (two characters or more)
# or not, plus SHARED_WORDS times the share of character pairs the two cells have in common.
PAIR_SHARED_OPENING = 3.0
PAIR_PLAIN = 1.0
SHARED_WORDS = 3.0
# A row of an after cell alone: an addition (closing with 新規追加) or not.
ADDITION_ALONE = 2.5
# A row of a before cell and an after cell closing with 削除 (the before is what was deleted),
# or with 新規追加 (an addition has no before).
DELETION_PAIR = 3.0
ADDITION_PAIR = -1.0
# A before cell of one line that is the marker alone (``新規追加``): some tables print it in the
# 変更前 column of an added row (set XI w3; pdfminer gives it a box of its own), the text added
# in 変更後.  Paired so, it scores as a plain pair (no shared words to show for it).
ADDED_BEFORE = regex.compile(r"^(?:新規追加|新規)$")
ADDED_BEFORE_PAIR = PAIR_PLAIN
# A row of a before cell that is the bare mark of an addition (``新規追加`` alone: the before
# column's cell of an added row, printed at its cell's top, so emitted before the taller after
# cell beside it) and an after cell holding text.
ADDED_MARK_PAIR = 3.0
# ... when the extractor emitted the two boxes next to each other: within this many lines of
# the text (a blank line between two boxes); farther, the pair is scored as any other.
MARK_REACH_LINES = 2
AFTER_ALONE = -1.5
# A row of a before cell alone (its after cell lost or merged elsewhere).
BEFORE_ALONE = -3.0
# A row with no before/after cell; a cell left unplaced; a cell off its row's page.
EMPTY_ROW = -4.0
SKIPPED_BOX = -6.0
PAGE_MISMATCH = -1.0
# Cutting a box into two cells.
CUT_COST = -3.0
# A cell queued behind another of its column (a reading that departs from row-by-row order).
QUEUE_DEEP = -4.0
# A before cell emitted after its after cell (the before column is left of the after column).
AFTER_FIRST = -0.5
# Cells waiting for their partner (several rows' befores before their afters).
QUEUE_MAX = 6
# States kept per fragment.
BEAM = 300
# A line shorter than the column's wrap width by more than this (display units) ends a paragraph.
PARAGRAPH_END_SHORT = 3
# A cell emitted where the other columns' boxes of its row are not (``Anchors``): per row of
# distance, counted in boxes of an anchoring column (timing, explanation) between them.
ANCHOR_DISTANCE = -2.0
# ... counted up to this many: farther tells no more (an anchoring column handed out in another
# order than the rows' must not outweigh the cells' own evidence).
ANCHOR_MAX_DISTANCE = 2
# Characters a line may not open with (LibreOffice does not apply kinsoku, but a cell never
# opens so).
NO_CELL_OPENING = "、。，．）」』】〕ー・"
# Two neighbouring rows whose cells crossed score within this of the reading chosen are in doubt
# (``crossable_rows``).
CROSSED_MARGIN = 3.0
# What may close a cell after its last character of substance (``uncross_by_endings``).
# Neighbouring rows read again together at most (``uncross_by_endings``).
UNCROSS_ROWS_MAX = 4
CELL_END_MARKS = "。．.、，,）)」』】］]＞>"


@dataclass(slots=True)
class Anchors:
    """Where a row's before/after cells are expected in the extractor's order, told by a column
    whose boxes were handed one per row or per merged group (timings, explanations): each body
    box's count of that column's boxes emitted before it (``counts[i]`` for body box i), and
    for each row the window that count should fall in (``windows[r]``: the boxes of rows above
    it at least, of rows up to it at most).  Before/after cells are left of those columns, so
    extractors emit a row's body cells before its timing and explanation, after the row above."""

    counts: list[int]
    windows: list[tuple[int, int]]

    def distance(self, box: int, row: int) -> int:
        if row >= len(self.windows):
            return 0
        lo, hi = self.windows[row]
        a = self.counts[box]
        return min(max(0, lo - a, a - hi), ANCHOR_MAX_DISTANCE)


@dataclass(slots=True)
class Pairing:
    # For each row: (before lines or None, after lines or None).
    cells: list[tuple[list[CellLine] | None, list[CellLine] | None]]
    skipped: list[list[CellLine]]
    score: float
    margin: float
    cuts: int = 0
    # For each row: how its cells were read ("pair", "alone", "empty"), the score of that
    # move, and whether one of its cells was cut out of a longer box.
    moves: list[tuple[str, float, bool]] = field(default_factory=list)


def cut_points(lines: list[CellLine], wrap: int | None) -> list[int]:
    """Line indices (≥ 1) where a box may be cut into two cells: the line before ends a
    paragraph (shorter than ``wrap`` by more than ``PARAGRAPH_END_SHORT`` display units) and
    the line does not open with a closing mark."""
    out = []
    for k in range(1, len(lines)):
        prev, cur = lines[k - 1].text.rstrip(), lines[k].text.lstrip()
        if not cur or cur[0] in NO_CELL_OPENING:
            continue
        short = wrap is not None and display_width(prev) < wrap - PARAGRAPH_END_SHORT
        if short:
            out.append(k)
    return out


def _squash(lines: list[CellLine]) -> str:
    return "".join("".join(cl.text.split()) for cl in lines)


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _closing(lines: list[CellLine]) -> str:
    """ "addition" for an after cell closing with 新規追加 (it has no before), "deletion" for one
    closing with 削除 (its before is the text deleted), "mark" for a cell that is nothing but
    the bare mark (``新規追加``: an added row's before cell, or an after cell's closing cut off
    it), "" otherwise."""
    last = lines[-1].text.strip()
    if len(lines) == 1 and BARE_ADDITION_MARK.match(last):
        return "mark"
    if ADDITION_MARKERS.match(last):
        return "addition"
    return "deletion" if DELETION_MARKERS.match(last) else ""


@dataclass(slots=True)
class _Cell:
    lines: list[CellLine]
    text: str
    grams: set[str]
    closing: str
    page: int | None


def _cell(lines: list[CellLine]) -> _Cell:
    text = _squash(lines)
    return _Cell(lines, text, _bigrams(text), _closing(lines), lines[0].page)


def _beside(mark: CellLine, lines: list[CellLine]) -> bool:
    """Whether the line ``mark`` was emitted within ``MARK_REACH_LINES`` lines of the first or
    the last of ``lines``, on its page."""
    if mark.line_no is None:
        return False
    ends = (lines[0], lines[-1])
    return any(
        cl.page == mark.page and cl.line_no is not None and abs(cl.line_no - mark.line_no) <= MARK_REACH_LINES
        for cl in ends
    )


def pair_score(before: _Cell, after: _Cell, added_before: bool = True) -> float:
    """How well two cells make one row's before and after (``added_before``: a 新規追加 box
    emitted away from the after cell may be a before cell too, ``ADDED_BEFORE``; one emitted
    beside it is, ``ADDED_MARK_PAIR``)."""
    if before.closing == "addition":
        return SKIPPED_BOX  # an addition's after cell is no before cell
    if before.closing == "mark":
        # (a mark beside a 削除 / 新規追加 cell is an after cell of its own row: set X's C3)
        if after.closing:
            return SKIPPED_BOX
        if _beside(before.lines[0], after.lines):
            return ADDED_MARK_PAIR
        if not added_before or not ADDED_BEFORE.match(before.text):
            return SKIPPED_BOX
        # 新規追加 alone in the before cell, emitted away from its row's after cell.
        return ADDED_BEFORE_PAIR + (PAGE_MISMATCH if before.page != after.page else 0.0)
    if after.closing == "mark":
        return ADDITION_PAIR + (PAGE_MISMATCH if before.page != after.page else 0.0)
    if after.closing:
        score = DELETION_PAIR if after.closing == "deletion" else ADDITION_PAIR
        return score + (PAGE_MISMATCH if before.page != after.page else 0.0)
    a, b = before.text, after.text
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    score = PAIR_SHARED_OPENING if shared >= 2 else PAIR_PLAIN
    if before.grams and after.grams:
        score += SHARED_WORDS * len(before.grams & after.grams) / min(len(before.grams), len(after.grams))
    if before.page != after.page:
        score += PAGE_MISMATCH
    return score


def _alone_score(cell: _Cell, kind: str) -> float:
    if kind == "B":
        return BEFORE_ALONE
    return ADDITION_ALONE if cell.closing in ("addition", "mark") else AFTER_ALONE


@dataclass(slots=True)
class _State:
    rows: int
    queue: tuple[int, ...]  # cell ids waiting
    qkind: str  # "B" or "A" (what the queue holds), "" when empty
    best: float
    second: float
    back: tuple | None = None  # (previous state, action)


def pair_cells(
    bodies: list[list[CellLine]],
    row_pages: list[set[int | None]],
    wrap: int | None,
    anchors: list[Anchors] | None = None,
) -> Pairing:
    """The best reading of the body boxes (``bodies``, in the extractor's order) as the
    before/after cells of ``len(row_pages)`` rows; ``row_pages[r]``: the pages row r's item is
    printed on (empty: unknown).  ``wrap``: the body columns' wrap width in display units, for
    the cut points (None: no box is cut).  ``anchors``: where other columns place each row in
    the order (each row of distance costs ``ANCHOR_DISTANCE``); none: the order alone.

    The search makes some hundred thousand states per thousand fragments, linked to their
    parents only (no cycles, freed by reference counts): the cyclic garbage collector is paused
    meanwhile, whose passes over every live state made a long text's pairing quadratic."""
    paused = gc.isenabled()
    gc.disable()
    try:
        best = _pair_cells(bodies, row_pages, wrap, anchors, True)
        if any(b is not None and a is not None and _added_before(b) for b, a in best.cells):
            # The marker read as a before cell, a reading the text does not decide (it may be an
            # addition's after cell): the rows the other reading reads otherwise are weak pairs.
            other = _pair_cells(bodies, row_pages, wrap, anchors, False)
            for r, (mine, theirs) in enumerate(zip(best.cells, other.cells, strict=True)):
                if mine != theirs and r < len(best.moves):
                    how, score, cut = best.moves[r]
                    best.moves[r] = (how, min(score, ADDED_BEFORE_PAIR), cut)
        return best
    finally:
        if paused:
            gc.enable()


def _added_before(lines: list[CellLine]) -> bool:
    return len(lines) == 1 and bool(ADDED_BEFORE.match("".join(lines[0].text.split())))


def into(layer: dict[tuple, _State], st: _State, key: tuple, s: float, action: tuple) -> None:
    """The move ``action`` from ``st`` (its score ``s``) into ``layer``'s state ``key`` (rows,
    queue, queue kind): a new state, or the best and runner-up reading of one kept (ties: the
    first reading stays)."""
    v1 = st.best + s
    old = layer.get(key)
    if old is None:
        layer[key] = _State(key[0], key[1], key[2], v1, st.second + s, (st, action))
    elif v1 > old.best:
        v2 = st.second + s
        old.second = v2 if v2 > old.best else old.best
        old.best, old.back = v1, (st, action)
    elif v1 > old.second:
        old.second = v1


def _pair_cells(
    bodies: list[list[CellLine]],
    row_pages: list[set[int | None]],
    wrap: int | None,
    anchors: list[Anchors] | None,
    added_before: bool,
) -> Pairing:
    n = len(row_pages)
    # Fragments: pieces of boxes between cut points; frag_box[i] says which box.
    frags: list[list[CellLine]] = []
    box_end: list[int] = []  # for fragment i: index one past the last fragment of its box
    frag_box: list[int] = []  # for fragment i: its box
    for k, lines in enumerate(bodies):
        cuts = [0, *cut_points(lines, wrap), len(lines)]
        start = len(frags)
        for a, b in pairwise(cuts):
            frags.append(lines[a:b])
        box_end.extend([len(frags)] * (len(frags) - start))
        frag_box.extend([k] * (len(frags) - start))
    m = len(frags)
    cells: dict[tuple[int, int], _Cell] = {}

    def cell(i: int, j: int) -> _Cell:
        if (i, j) not in cells:
            cells[(i, j)] = _cell([cl for f in frags[i:j] for cl in f])
        return cells[(i, j)]

    def page_cost(c: _Cell, r: int) -> float:
        pages = row_pages[r] if r < n else set()
        return 0.0 if not pages or c.page in pages else PAGE_MISMATCH

    anchor_costs: dict[tuple[int, int], float] = {}

    def anchor_cost(span: tuple[int, int], r: int) -> float:
        key = (frag_box[span[0]], r)
        got = anchor_costs.get(key)
        if got is None:
            got = anchor_costs[key] = sum(ANCHOR_DISTANCE * a.distance(key[0], r) for a in anchors or ())
        return got

    pair_scores: dict[tuple[tuple[int, int], tuple[int, int]], float] = {}

    def pair_of(b: tuple[int, int], a: tuple[int, int]) -> float:
        got = pair_scores.get((b, a))
        if got is None:
            got = pair_scores[(b, a)] = pair_score(cell(*b), cell(*a), added_before)
        return got

    neg = float("-inf")
    # states[i]: key (rows, queue, qkind) → state, after reading fragments < i.
    states: list[dict[tuple, _State]] = [dict() for _ in range(m + 1)]
    states[0][(0, (), "")] = _State(0, (), "", 0.0, neg)

    def put(i: int, st: _State, rows: int, queue: tuple, qkind: str, s: float, action: tuple) -> None:
        if rows + len(queue) > n or len(queue) > QUEUE_MAX:
            return
        into(states[i], st, (rows, queue, qkind if queue else ""), s, action)

    for i in range(m + 1):
        layer = states[i]
        if len(layer) > BEAM:
            kept = sorted(layer.values(), key=lambda s: s.best, reverse=True)[:BEAM]
            states[i] = layer = {(s.rows, s.queue, s.qkind): s for s in kept}
        # Moves that read nothing: close the queue's first cell as a row alone, or an empty
        # row.  Rows only grow, so a pass in order of rows made reaches every state.  The
        # states are taken row count by row count (each bucket in the layer's order); a run of
        # empty rows between two fragments is cut at EMPTY_ROW_RUN_MAX (but at the end), so that
        # a layer does not hold a state for every row count up to ``n`` (quadratic time).
        buckets: dict[int, list[_State]] = {}
        for st in layer.values():
            buckets.setdefault(st.rows, []).append(st)
        empties: dict[tuple, int] = {}  # key → empty rows run made in this layer to reach it
        run_max = n if i == m else EMPTY_ROW_RUN_MAX
        pending = sorted(buckets)
        while pending:
            rows = heappop(pending)
            for st in buckets.pop(rows):
                if len(st.queue) == 1:
                    # (Only a queue's last cell closes alone: closed before the next one was
                    # queued, the reading is the same, and one reading must have one path.)
                    c = cell(*st.queue[0])
                    off = anchor_cost(st.queue[0], st.rows)
                    s = _alone_score(c, st.qkind) + page_cost(c, st.rows) + off
                    key = (st.rows + 1, st.queue[1:], st.qkind if len(st.queue) > 1 else "")
                    run = 0
                elif not st.queue:
                    run = empties.get((st.rows, (), ""), 0) + 1
                    if run > run_max:
                        continue
                    key = (st.rows + 1, (), "")
                else:
                    continue
                new = key not in layer
                if new or run < empties.get(key, 0):
                    empties[key] = run
                if len(st.queue) == 1:
                    put(i, st, st.rows + 1, st.queue[1:], st.qkind, s, ("alone", st.queue[0], st.qkind, off))
                else:
                    put(i, st, st.rows + 1, (), "", EMPTY_ROW, ("empty",))
                if new and key in layer:
                    if key[0] not in buckets:
                        heappush(pending, key[0])
                    buckets.setdefault(key[0], []).append(layer[key])
        if i == m:
            break
        # The layer is read once: its states live on only as the back links of later ones.  The
        # pair scores and anchor costs asked here are of cells that start at i (and the queued
        # cells they meet): they are not asked again from a later layer's cells, so the caches
        # start afresh for each layer (memory of long texts).
        states[i] = {}
        anchor_costs.clear()
        pair_scores.clear()
        # (The moves of ``put`` spelt out: a layer's every state tries every cell starting at i,
        # three moves each, the pairing's inner loop; the same states, scores and order of ties.)
        ends = range(i + 1, min(box_end[i], i + CELL_FRAGMENTS_MAX) + 1)
        spans = [((i, j), cell(i, j), CUT_COST if j < box_end[i] else 0.0, states[j]) for j in ends]
        for st in list(layer.values()):
            rows, queue, qkind = st.rows, st.queue, st.qkind
            # A state holds rows + len(queue) <= n: its skip and pair moves keep within it.
            queues = len(queue) < QUEUE_MAX and rows + len(queue) < n
            deep = QUEUE_DEEP if queue else 0.0
            skip_key = (rows, queue, qkind)
            if queue:
                q, rest = queue[0], queue[1:]
                # (Every cell starting at i is of fragment i's box: one anchor cost for all.)
                off = anchor_cost((i, i + 1), rows) + anchor_cost(q, rows)
                pair_key = (rows + 1, rest, qkind if rest else "")
            for span, c, cut, target in spans:
                into(target, st, skip_key, SKIPPED_BOX + cut, ("skip", span))
                if not queue:
                    if queues:
                        into(target, st, (rows, (span,), "B"), cut, ("queue", span, "B"))
                        into(target, st, (rows, (span,), "A"), cut, ("queue", span, "A"))
                    continue
                page = page_cost(c, rows)
                if qkind == "A":  # a before cell pairs with the after queued, or queues
                    pair = pair_of(span, q) + AFTER_FIRST + page + cut + off
                    into(target, st, pair_key, pair, ("pair", span, q, off))
                    if queues:
                        into(target, st, (rows, (*queue, span), "A"), cut + deep, ("queue", span, "A"))
                else:  # an after cell queues behind the befores, or pairs with the first
                    if queues:
                        into(target, st, (rows, (*queue, span), "B"), cut + deep, ("queue", span, "B"))
                    pair = pair_of(q, span) + page + cut + off
                    into(target, st, pair_key, pair, ("pair", q, span, off))
    final = states[m].get((n, (), ""))
    if final is None:
        return Pairing([(None, None)] * n, [[cl for f in frags for cl in f]], neg, 0.0)
    out: list[tuple[list[CellLine] | None, list[CellLine] | None]] = []
    moves: list[tuple[str, float, bool]] = []
    skipped: list[list[CellLine]] = []
    cuts = 0
    st: _State | None = final
    while st is not None and st.back is not None:
        prev, action = st.back
        how = action[0]
        if how in ("pair", "alone", "empty"):
            spans = [a for a in action[1:] if isinstance(a, tuple)]
            cut = any(b < box_end[a] or (a > 0 and box_end[a - 1] == box_end[a]) for a, b in spans)
            # A move's score is the evidence of its cells; the anchors' part only steers the search.
            off = action[-1] if how != "empty" else 0.0
            moves.append((how, st.best - prev.best - off, cut))
        if how == "pair":
            out.append((cell(*action[1]).lines, cell(*action[2]).lines))
        elif how == "alone":
            c = cell(*action[1])
            out.append((c.lines, None) if action[2] == "B" else (None, c.lines))
        elif how == "empty":
            out.append((None, None))
        elif how == "skip":
            skipped.append(cell(*action[1]).lines)
        if how in ("pair", "alone", "skip"):
            spans = [a for a in action[1:] if isinstance(a, tuple)]
            cuts += sum(1 for a, b in spans if b < box_end[a])
        st = prev
    out.reverse()
    moves.reverse()
    skipped.reverse()
    margin = final.best - final.second if final.second != neg else float("inf")
    return Pairing(out, skipped, final.best, margin, cuts, moves)


def _crossings(
    cells: list[tuple[list[CellLine] | None, list[CellLine] | None]],
    bodies: list[list[CellLine]],
    stream: list[int] | None,
):
    """For each two neighbouring rows each made of two whole boxes, emitted in the order X Y Z
    W and read as (X, Y) (Z, W) or as (X, Z) (Y, W): the first row r, the two rows' (before,
    after) box numbers and the other reading's.  Not when the reading chosen is (X, Y) (Z, W)
    and a box of another column was emitted between Y and Z (``stream[k]``: body box k's place
    among all the text's boxes): the extractor parted the two rows itself."""
    whole = _whole_boxes(cells, bodies)
    for r in range(len(cells) - 1):
        one, two = whole[r], whole[r + 1]
        if one is None or two is None:
            continue
        x, y, z, w = sorted((*one, *two))
        got = {tuple(sorted(one)), tuple(sorted(two))}
        if got == {(x, y), (z, w)}:
            if stream is not None and stream[z] - stream[y] > z - y:
                continue
            other = ((x, z), (y, w))
        elif got == {(x, z), (y, w)}:
            other = ((x, y), (z, w))
        else:
            continue
        yield r, one, two, other


def crossable_rows(
    cells: list[tuple[list[CellLine] | None, list[CellLine] | None]],
    bodies: list[list[CellLine]],
    anchors: list[Anchors] | None = None,
    stream: list[int] | None = None,
) -> set[int]:
    """Rows whose before/after cells could as well be crossed with the next row's (issues 10
    and 12: look-alike cells of neighbouring rows, ``市民課`` / ``市民課長`` / ``市民窓口課`` /
    ``市民窓口課長``).  Two neighbouring rows each made of two whole boxes (``_crossings``);
    when the other reading scores within ``CROSSED_MARGIN`` of the chosen one (pair scores plus
    the anchors' costs, the queue's order costs left out: pdfminer emits a Calc row's before
    cells of two rows before their after cells as often as not), the text does not tell which,
    and both rows are returned."""

    def cost(box: int, row: int) -> float:
        return sum(ANCHOR_DISTANCE * a.distance(box, row) for a in anchors or ())

    def score(b: int, a: int, row: int) -> float:
        return pair_score(_cell(bodies[b]), _cell(bodies[a])) + cost(b, row) + cost(a, row)

    out: set[int] = set()
    for r, one, two, other in _crossings(cells, bodies, stream):
        chosen = score(*one, r) + score(*two, r + 1)
        alt = score(*other[0], r) + score(*other[1], r + 1)
        if alt >= chosen - CROSSED_MARGIN:
            out |= {r, r + 1}
    return out


def _ending(lines: list[CellLine]) -> str:
    """A cell's last character, closing marks and spaces aside."""
    return _squash(lines).rstrip(CELL_END_MARKS)[-1:]


def _whole_boxes(
    cells: list[tuple[list[CellLine] | None, list[CellLine] | None]], bodies: list[list[CellLine]]
) -> list[tuple[int, int] | None]:
    """For each row made of a whole before box and a whole after box: their box numbers."""
    where = {id(lines[0]): k for k, lines in enumerate(bodies) if lines}
    out: list[tuple[int, int] | None] = []
    for before, after in cells:
        kb = where.get(id(before[0])) if before else None
        ka = where.get(id(after[0])) if after else None
        ok = kb is not None and ka is not None and before and after
        ok = ok and len(before) == len(bodies[kb]) and len(after) == len(bodies[ka])  # type: ignore[arg-type]
        out.append((kb, ka) if ok else None)  # type: ignore[arg-type]
    return out


def uncross_by_endings(
    cells: list[tuple[list[CellLine] | None, list[CellLine] | None]],
    bodies: list[list[CellLine]],
    stream: list[int] | None = None,
) -> tuple[list[tuple[list[CellLine] | None, list[CellLine] | None]], set[int]]:
    """A run of 2 to ``UNCROSS_ROWS_MAX`` neighbouring rows, each made of two whole boxes, read
    again (its boxes in the extractor's order) where the cells the reading chose end
    unlike in some row and another reading of the same boxes pairs cells ending alike in every
    row: a row's before and after hold one kind of value (a department ``市民課`` → ``市民窓口課``,
    a title ``市民課長`` → ``市民窓口課長``, a count ``…未満``).  The other readings: in row order
    (each row's before then its after) and in column order (the run's befores, then its afters:
    not when a box of another column was emitted between two rows of the row order, which parts
    them, ``stream[k]`` being body box k's place among all the text's boxes).  pdfminer emits
    short rows' befores before their afters as often as not, and the pair scores favour the
    look-alike cells of one column.  Returns the cells and the rows changed; the caller keeps
    such rows in doubt (``crossable_rows``)."""
    out = list(cells)
    whole = _whole_boxes(cells, bodies)
    changed: set[int] = set()

    def alike(pair: tuple[int, int]) -> bool:
        a, b = (_ending(bodies[k]) for k in pair)
        return bool(a) and a == b

    for k in range(min(UNCROSS_ROWS_MAX, len(cells)), 1, -1):
        for r in range(len(cells) - k + 1):
            run = whole[r : r + k]
            if any(p is None for p in run) or changed & set(range(r, r + k)):
                continue
            boxes = sorted(b for p in run for b in p)  # type: ignore[union-attr]
            chosen = sum(alike(p) for p in run)  # type: ignore[arg-type]
            readings = [[(boxes[2 * i], boxes[2 * i + 1]) for i in range(k)]]
            parted = stream is not None and any(
                stream[boxes[2 * i + 2]] - stream[boxes[2 * i + 1]] > 1 for i in range(k - 1)
            )
            if not parted:
                readings.append([(boxes[i], boxes[k + i]) for i in range(k)])
            for other in readings:
                if other != run and chosen < k and all(alike(p) for p in other):
                    for i, (b, a) in enumerate(other):
                        out[r + i] = (bodies[b], bodies[a])
                    changed |= set(range(r, r + k))
                    break
    return out, changed
