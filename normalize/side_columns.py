"""Two columns printed side by side in one box of plain ``pdftotext`` text, read apart.

Plain ``pdftotext`` (no ``-layout``) puts the lines of a table row's cells into one block in the
order of their baselines, and joins two pieces on one baseline with a space, left to right
(``…本庁舎 ・サーバーは、外部の…``).  The before and after cells of a Calc row so come out as one
box whose lines alternate between the two columns.  What tells them apart:

1. the pieces' left-to-right order: of two pieces on one line, the left one is the left
   column's (the before cell) and the right one the right column's (the after cell);
2. each column's wrap width, learned from the text itself: the left and right pieces of such
   lines are mostly full lines of their column (a cell wraps at about the same width each
   time), so each column's width is the commonest width of its pieces;
3. how a text runs on: a piece after a full line of its column goes on with it (no list
   marker, kinsoku or a word spanning the break, ``サ`` / ``ーバー``), a piece after a short or
   closed line opens a paragraph (``・``, ``＜``, ``【``).

A box is read apart only when it holds a line of two pieces whose left piece fills the left
column's width; the lines are assigned by a beam search over these costs, and the box becomes
two boxes, the left column's lines then the right's (the order Calc's cells come in).  Every
character stays in one of the two.  Rows of such text are already warned (``column_guess``:
cells of several columns on one line, ``row_doubts.row_doubts``).  Used by ``columnar``.

Cells that open with the same lines (an after cell that keeps the before cell's lines and adds
its own, issue 12, session 47): plain ``pdftotext`` prints the two copies of such a line either
joined by a space (``X X``) or as two lines in a row (``X`` / ``X``, when it keeps the pieces of
one baseline apart).  Two such lines in a row are one line of each column
(``COST_TWIN_ONE_COLUMN`` against reading both into one), and once both columns' shared lines
are over, the lines left (in only one cell) fit either column as well: the reading that gives
them to the after cell is kept (an amendment adds lines to a cell it repeats; the tuning sets'
rows of this kind add: office-writer47) and the box is *undecided*: ``split_side_columns``
returns its lines so that their rows are warned (``column_guess``).  So is every box whose
cheapest readings differ by less than ``SIDE_UNDECIDED_MARGIN`` in where they put a line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

import regex

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from .boxes import Box, is_single_box
from .chars import BODY_MARKER, display_width
from .tokenizer import default_tokenizer

# A space between two pieces of one printed line: at least one side is not ASCII, and it is no
# space inside a bracket (``[ 50人以上 ]``).
_PIECE_SPACE = regex.compile(r"(?<=[^\x00-\x7f])[ ](?=[^\x00-\x7f\]])|(?<=[^\x00-\x7f\[])[ ](?=[^\x00-\x7f])")
# Display units a full line may fall short of (or pass) its column's wrap width (kinsoku, a
# half-width character).
SIDE_WRAP_SLACK = 2
# Pieces of two-piece lines needed to learn the two columns' widths.
SIDE_MIN_LINES = 3
# Narrowest piece that shows a column of its own (a date's 時点, a timing are narrower).
SIDE_MIN_WIDTH = 16
# Costs of the beam search (lower is likelier).
COST_TOO_WIDE = 8.0  # a piece wider than its column
COST_OVER_WIDTH_UNIT = 0.5  # per display unit a piece passes its column's commonest full width
COST_OPENS_AFTER_FULL = 3.0  # a list marker after a full line of the same column
COST_MID_PHRASE_AFTER_SHORT = 3.0  # a piece opening mid-phrase after a short or closed line
COST_PLAIN_AFTER_SHORT = 1.0  # a piece opening no paragraph after a short line
COST_SHORT_OPEN = 1.0  # a line short of its column ending mid-phrase, followed in its column
BONUS_KINSOKU = 1.0  # a piece opening with what no line opens with under kinsoku
# The tokenizer's join saving (SudachiPy path cost of the two ends apart minus joined, over
# JOIN_CONTEXT characters each side) plus JOIN_BASELINE (what joining two words costs anyway:
# ``アクセス`` + ``権限を`` loses 2600 before it) per unit of cost, and its bound: ``及びサ`` +
# ``ーバー室`` saves about 8000, ``本庁舎`` + ``ーバー室`` loses 21000.
JOIN_CONTEXT = 6
JOIN_BASELINE = 6000
JOIN_COST_UNIT = 4000.0
JOIN_BONUS_MAX = 1.5
BEAM = 24
# Two equal lines in a row (both cells open alike, printed on two lines) read into one column.
COST_TWIN_ONE_COLUMN = 4.0
# A reading that breaks the order of baselines (``_off_grid``) once the box opens with a line of
# both columns: plain pdftotext emits a block's lines baseline by baseline, left to right.
COST_OFF_GRID = 8.0
# Readings of a box within this cost of the cheapest that place its lines otherwise: undecided.
SIDE_UNDECIDED_MARGIN = 0.5
_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー・ァィゥェォッャュョ]")
_MID_PHRASE_STRICT = regex.compile(r"^[、。，．）」』】〕ーぁぃぅぇぉっゃゅょァィゥェォッャュョ]")
_CLOSES = "。．.）)」』】＞>》"
# A circled number opens a list's item in a before / after cell (``③マイナポータルを通じた``).
_CIRCLED_OPENING = regex.compile(r"^[①-⑳]")
# A conjunction in hiragana and its comma open a paragraph (``また、代理人による…``), not the
# middle of a phrase, though they open with a hiragana.
_OPENING_CONJUNCTION = regex.compile(r"^(?:また|なお|ただし|さらに|あわせて|おって|および|もしくは)[、，]")


def line_pieces(text: str) -> list[str]:
    """The pieces of a printed line that plain pdftotext joined with a space (``_PIECE_SPACE``)."""
    return [p for p in _PIECE_SPACE.split(text) if p]


def _commonest_window(widths: list[int]) -> int | None:
    """The commonest width of the window of ``SIDE_WRAP_SLACK`` units holding most widths."""
    if not widths:
        return None
    counts = Counter(widths)
    best = max(counts, key=lambda w: (sum(counts[v] for v in range(w - SIDE_WRAP_SLACK, w + 1)), w))
    return best


def _widest_single(boxes: list[Box]) -> int:
    """The widest line of one piece: no line of one column is wider."""
    return max(
        (display_width(cl.text) for b in boxes for cl in b.lines if len(line_pieces(cl.text)) == 1),
        default=0,
    )


def _evidence(text: str, widest: int) -> tuple[str, str] | None:
    """(left, right) pieces of a line that shows two columns side by side: two pieces, each at
    least ``SIDE_MIN_WIDTH`` wide, together wider than any line of one piece (a space inside
    one cell, ``番号法第９条第１項 別表第一の３０の項``, makes no line wider than its column)."""
    ps = line_pieces(text)
    if len(ps) != 2 or min(display_width(p) for p in ps) < SIDE_MIN_WIDTH:
        return None
    if display_width(text) <= widest + SIDE_WRAP_SLACK:
        return None
    return ps[0], ps[1]


def side_widths(boxes: list[Box], widest: int) -> tuple[int, int] | None:
    """The wrap widths (left, right) of two columns printed side by side, from the lines that
    show them (``_evidence``); None when fewer than ``SIDE_MIN_LINES`` show."""
    left: list[int] = []
    right: list[int] = []
    for b in boxes:
        for cl in b.lines:
            ev = _evidence(cl.text, widest)
            if ev is None:
                continue
            if ev[0][-1:] not in _CLOSES:
                left.append(display_width(ev[0]))
            if ev[1][-1:] not in _CLOSES:
                right.append(display_width(ev[1]))
    if len(left) < SIDE_MIN_LINES or len(right) < SIDE_MIN_LINES:
        return None
    wl, wr = _commonest_window(left), _commonest_window(right)
    if wl is None or wr is None:
        return None
    return wl, wr


@lru_cache(maxsize=4096)
def _run_on_bonus(left: str, right: str) -> float:
    """How much ``right`` reads as going on from the full line ``left``: what the tokenizer
    saves reading the two ends joined (``及びサ`` + ``ーバー室``) rather than apart, in units of
    ``JOIN_COST_UNIT``, bounded by ``JOIN_BONUS_MAX``; more for a piece opening as no line opens
    under kinsoku."""
    tok = default_tokenizer()
    a, b = left[-JOIN_CONTEXT:], right[:JOIN_CONTEXT]
    saving = (tok.path_cost(a) + tok.path_cost(b) - tok.path_cost(a + b) + JOIN_BASELINE) / JOIN_COST_UNIT
    bonus = max(-JOIN_BONUS_MAX, min(JOIN_BONUS_MAX, saving))
    return bonus + (BONUS_KINSOKU if _MID_PHRASE_STRICT.match(right) else 0.0)


@lru_cache(maxsize=4096)
def _ends_open(text: str) -> bool:
    return text[-1:] not in _CLOSES and default_tokenizer().ends_open(text)


def _full(text: str, wrap: int) -> bool:
    return display_width(text) >= wrap - SIDE_WRAP_SLACK and text[-1:] not in _CLOSES


def _cost(prev: str | None, piece: str, wrap: int) -> float:
    over = display_width(piece) - wrap
    cost = COST_TOO_WIDE if over > SIDE_WRAP_SLACK else COST_OVER_WIDTH_UNIT * max(0, over)
    if prev is None:
        return cost + (COST_MID_PHRASE_AFTER_SHORT if _MID_PHRASE_STRICT.match(piece) else 0.0)
    opens = bool(BODY_MARKER.match(piece) or _CIRCLED_OPENING.match(piece))
    if _full(prev, wrap):
        if opens:
            return cost + COST_OPENS_AFTER_FULL
        return cost - _run_on_bonus(prev, piece)
    if _ends_open(prev):
        # A line short of its column that ends mid-phrase (``…データセンターに``) is seldom a
        # paragraph's last: likelier a full line of the other column.
        cost += COST_SHORT_OPEN
    if opens:
        return cost
    if _MID_PHRASE.match(piece) and not _OPENING_CONJUNCTION.match(piece):
        return cost + COST_MID_PHRASE_AFTER_SHORT
    return cost + COST_PLAIN_AFTER_SHORT


def _choices(cl: CellLine) -> list[tuple[str | None, str | None]]:
    """(left part, right part) readings of a line: all of it in one column, or cut at a space
    between pieces (the left part to the left column)."""
    text = cl.text
    out: list[tuple[str | None, str | None]] = [(text, None), (None, text)]
    for m in _PIECE_SPACE.finditer(text):
        out.append((text[: m.start()], text[m.end() :]))
    return out


def _count_gap(seq: list[tuple[str | None, str | None]]) -> int:
    return sum(lp is not None for lp, _ in seq) - sum(rp is not None for _, rp in seq)


def _longer_first(seq: list[tuple[str | None, str | None]]) -> bool:
    n_left = sum(lp is not None for lp, _ in seq)
    n_right = sum(rp is not None for _, rp in seq)
    first_left = seq[0][0] is not None
    return n_left > n_right if first_left else n_right > n_left


def _twin_cost(prev: tuple[str | None, str | None] | None, prev_text: str, cl: CellLine, lp, rp) -> float:
    """``COST_TWIN_ONE_COLUMN`` when a line equal to the line before it goes whole into the column
    that line went to (two copies of one shared line are one line of each column)."""
    if prev is None or cl.text != prev_text:
        return 0.0
    same_left = lp == cl.text and prev[0] == prev_text
    same_right = rp == cl.text and prev[1] == prev_text
    return COST_TWIN_ONE_COLUMN if same_left or same_right else 0.0


def _off_grid(seq: list[tuple[str | None, str | None]], lp: str | None, rp: str | None) -> bool:
    """Whether the next line read as (``lp``, ``rp``) breaks the order plain ``pdftotext`` emits a
    block's lines in, when the reading ``seq`` opened with a line of both columns (their first
    lines on one baseline; the two cells of one row in one font, so the k-th line of each column
    shares the k-th baseline): lines come baseline by baseline, the left column's piece first.
    So a left line never follows more right lines than left ones (the right column's line beside
    it would have come after it), a right line never follows two left lines more than right
    ones, and a line of both columns comes only where both have had as many lines."""
    if not seq or seq[0][0] is None or seq[0][1] is None:
        return False
    gap = _count_gap(seq)
    if lp is not None and rp is not None:
        return gap != 0
    if lp is not None:
        return gap < 0
    return gap > 1


def _opens_shared(b: Box) -> bool:
    """The box opens with a line both cells share: two equal pieces on one line, or two equal
    lines in a row."""
    if not b.lines:
        return False
    ps = line_pieces(b.lines[0].text)
    return (len(ps) == 2 and ps[0] == ps[1]) or (len(b.lines) > 1 and b.lines[0].text == b.lines[1].text)


def _read_apart(b: Box, widths: tuple[int, int]) -> tuple[list[CellLine], list[CellLine], bool] | None:
    """The box's (left, right) column lines by the beam search of the module's doc, and whether
    the reading is undecided (another reading within ``SIDE_UNDECIDED_MARGIN`` places its lines
    otherwise); None when one column would be empty."""
    wl, wr = widths
    # beam item: (cost, last left, last right, assignment list)
    beam: list[tuple[float, str | None, str | None, list[tuple[str | None, str | None]]]] = [
        (0.0, None, None, [])
    ]
    prev_text = ""
    for cl in b.lines:
        nxt = []
        for cost, lastl, lastr, seq in beam:
            for lp, rp in _choices(cl):
                c = cost + _twin_cost(seq[-1] if seq else None, prev_text, cl, lp, rp)
                c += COST_OFF_GRID if _off_grid(seq, lp, rp) else 0.0
                if lp is not None:
                    c += _cost(lastl, lp, wl)
                if rp is not None:
                    c += _cost(lastr, rp, wr)
                nxt.append(
                    (c, lp if lp is not None else lastl, rp if rp is not None else lastr, seq + [(lp, rp)])
                )
        prev_text = cl.text
        # Readings ending alike go on alike: the cheapest of each kept (Viterbi), then the beam;
        # the two columns' line counts are kept apart too, for the tie-break below.
        best: dict[tuple[str | None, str | None, int], tuple] = {}
        for t in sorted(nxt, key=lambda t: t[0]):
            best.setdefault((t[1], t[2], _count_gap(t[3])), t)
        beam = list(best.values())[:BEAM]
    # Equal costs (both cells open alike, ``＜…＞``): the longer column starts first (a row's
    # cells are centred or bottom-aligned, or the longer one's top line is the row's top line);
    # cells that open with shared lines: the after cell (right) holds the lines left over.
    ties = [t for t in beam if t[0] <= beam[0][0] + 1e-9]
    if _opens_shared(b):
        seq = max(ties, key=lambda t: -_count_gap(t[3]))[3]
    else:
        seq = max(ties, key=lambda t: _longer_first(t[3]))[3]
    close = [t[3] for t in beam if t[0] <= beam[0][0] + SIDE_UNDECIDED_MARGIN]
    undecided = any(s != seq for s in close)
    left = [replace(cl, text=lp) for cl, (lp, _) in zip(b.lines, seq, strict=True) if lp]
    right = [replace(cl, text=rp) for cl, (_, rp) in zip(b.lines, seq, strict=True) if rp]
    if not left or not right:
        return None
    return left, right, undecided


def _shows_two(b: Box, widths: tuple[int, int], widest: int) -> bool:
    """A box holding a line that shows two columns side by side, its left piece filling the
    left column."""
    for cl in b.lines:
        ev = _evidence(cl.text, widest)
        if ev is not None and abs(display_width(ev[0]) - widths[0]) <= SIDE_WRAP_SLACK:
            return True
    return False


def _without_timings(b: Box) -> tuple[Box, list[CellLine]]:
    """The box with a 提出時期 printed last on a line of two other pieces taken out
    (``…の情報 既存住基システムから… 事後``: the timing column's cell beside the before and
    after lines), and those timings."""
    kept: list[CellLine] = []
    timings: list[CellLine] = []
    for cl in b.lines:
        ps = line_pieces(cl.text)
        if len(ps) >= 3 and TIMING.match(ps[-1]):
            head = cl.text[: cl.text.rstrip().rfind(ps[-1])].rstrip()
            kept.append(replace(cl, text=head))
            timings.append(replace(cl, text=ps[-1].strip()))
        else:
            kept.append(cl)
    return (Box(kept, b.after_date), timings) if timings else (b, [])


def wide_lines(boxes: list[Box], wrap: int | None) -> int:
    """Lines wider than the before/after column's wrap width ``wrap`` (and its slack): two cells
    printed side by side on one line (plain ``pdftotext`` joins a baseline's pieces with a space)."""
    if wrap is None:
        return 0
    return sum(1 for b in boxes for cl in b.lines if display_width(cl.text) > wrap + SIDE_WRAP_SLACK)


def _printed(b: Box) -> Box:
    """The box with pieces of one printed line that an earlier step cut apart (lines of one
    page and line number) joined again with a space, as plain pdftotext printed them."""
    lines: list[CellLine] = []
    for cl in b.lines:
        prev = lines[-1] if lines else None
        if prev is not None and cl.line_no is not None and (prev.page, prev.line_no) == (cl.page, cl.line_no):
            lines[-1] = replace(prev, text=prev.text + " " + cl.text)
        else:
            lines.append(cl)
    return Box(lines, b.after_date) if len(lines) < len(b.lines) else b


def _bodies(boxes: list[Box], skip: set[int]) -> list[Box]:
    return [_printed(b) for b in boxes if id(b) not in skip and not is_single_box(b)]


def shows_side_columns(boxes: list[Box], skip: set[int]) -> bool:
    """Whether the text prints two columns side by side (the widths of both show)."""
    bodies = _bodies(boxes, skip)
    return side_widths(bodies, _widest_single(bodies)) is not None


def split_side_columns(
    boxes: list[Box], skip: set[int]
) -> tuple[list[Box], set[int], set[tuple[int | None, int | None]]]:
    """The boxes with each box that prints two columns side by side (see the module's doc)
    replaced by the left column's box and the right column's, the ``id`` of each box so read (a
    before or after cell), and the (page, line number) of each line of a box read apart on
    undecided evidence; boxes whose ``id`` is in ``skip`` (item boxes) and single boxes (a
    date, a timing) are kept as they are."""
    bodies = _bodies(boxes, skip)
    widest = _widest_single(bodies)
    widths = side_widths(bodies, widest)
    if widths is None:
        return boxes, set(), set()
    out: list[Box] = []
    apart_ids: set[int] = set()
    undecided: set[tuple[int | None, int | None]] = set()
    for b in boxes:
        if id(b) in skip or is_single_box(b):
            out.append(b)
            continue
        bare, timings = _without_timings(_printed(b))
        apart = _read_apart(bare, widths) if _shows_two(bare, widths, widest) else None
        if apart is None:
            out.append(b)
            continue
        # The timing after the row's before and after cells, as the timing column prints it.
        left, right = Box(apart[0], b.after_date), Box(apart[1])
        out += [left, right, *(Box([t]) for t in timings)]
        apart_ids |= {id(left), id(right)}
        if apart[2]:
            undecided |= {(cl.page, cl.line_no) for cl in bare.lines}
    return out, apart_ids, undecided
