"""A table that runs on in the right half of the same page (two or more side-by-side halves).

Writer prints a table inside a two-column section (an A3 landscape sheet in two columns, the
common way to print a long 変更箇所 table small) down the left column and on in the right one,
its heading row repeated at the top of each column and the row at the column break split over
both.  Read as one page, the halves' cells were cut at one set of column bounds that fits neither
(set XXVIII t03: 0 of 15 rows right, 12 lost, 提出時期 read as ``記事ガ前管``).

A page is read as side-by-side blocks when a blank gutter (no ink and no horizontal ruling
crossing it, at least ``MIN_GUTTER_EM`` glyph heights wide) runs down the table's height
(between its topmost and lowest horizontal rulings, or the whole page when none is drawn) inside
the middle ``GUTTER_ZONE`` of the page, and every block right of a gutter holds a label row of
its own (``labels.find_header``: at least ``MIN_BLOCK_LABELS`` labels) as the first does, or,
with no label row repeated, vertical rulings at the first block's column offsets
(``SAME_COLUMN_EM``).  Each block becomes a ``PageWords`` of the same page number, left block
first: the reading order of the columns.  The right block's words and rulings are moved left by
the blocks' offset, so that each half reads as a page of its own; the row split at the column
break is then joined as a row split at a page break is (``row_continued``).

Shapes: ``PageWords`` in, ``PageWords`` out (page units, top-down).  Only text-layer PDF pages and
OCR pages are split; text and layout pages are not (their readers see no rulings).

Two tables side by side (set XXXII u10: （その１） and （その２）, each a whole six-column table, nested
in a borderless 1×2 layout table in Writer, or two blocks of one Calc sheet with a narrow blank
column between) leave a narrower gutter: the layout table's cell padding, about one glyph height
(u10: 5.3 pt at 6.5 pt glyphs; read as one page, the right table's 6 records were lost with only a
word count said).  A gutter of at least ``NARROW_GUTTER_EM`` counts when every block holds a label
row of its own naming the same columns as the first block's (two label rows side by side: two
tables; a single table's columns split by a gap print one label row between them, never two
whole ones).  Its note says two tables (``TABLES_NOTE``), each read as a page of its own.

Two tables in the same sheet rows with no column between (set XXXIV w05: Calc, A–F and G–L, 8 + 6
rows) leave no gutter at all: their rulings meet in one wall.  A page with no gutter whose label
row prints a second label set level with it (``beside_cuts``) is cut between the sets where the
fewest body words cross (that wall), and read as tables side by side the same way (branch sbs73;
before, the right table's rows were lost with a note).
"""

from __future__ import annotations

import dataclasses
from itertools import pairwise

from piatable.models import PageWords, Word
from piatable.settings import GridSettings
from piatable.vocabulary import LABELS, is_title

from ..captions import is_part_caption
from .labels import find_header
from .lines import ems, words_to_lines
from .ruled import page_words

# The gutter is looked for between these shares of the page's width (a two-column section's
# gap lies in the middle; three columns put theirs near a third and two thirds).
GUTTER_ZONE = (0.2, 0.8)
# The least width of a gutter, in glyph heights: Writer's default column gap is 1.25 cm (35 pt,
# three 10-pt glyphs); the gap between two cells of one table row is a ruling (no gap).
MIN_GUTTER_EM = 1.5
# ... or this many when each block repeats the first block's label row (two tables side by side).
NARROW_GUTTER_EM = 0.3
# A block right of a gutter is a table of its own with at least this many column labels ...
MIN_BLOCK_LABELS = 4
# ... or, its label row not repeated, with vertical rulings at the first block's column offsets,
# within this many glyph heights, at least this share of the first block's.
SAME_COLUMN_EM = 0.5
SAME_COLUMN_SHARE = 0.8
# A ruling is horizontal when it is at most this many page units tall.
FLAT_RULING = 1.5
# Page sources whose pages are split.
SPLIT_SOURCES = ("pdf", "ocr")
HALVES_NOTE = (
    "page {page}: the table is printed in {n} side-by-side blocks (a page in columns); read left "
    "block first, then the next, as pages of one table"
)
TABLES_NOTE = (
    "page {page}: {n} amendment tables are printed side by side, each with its own column-label"
    " row{captions}; read left table first, then the next"
)
# A table's caption (（その２）, 【表２】) is the lowest line (not a title) within this many line
# heights above its label row (Calc's caption row may be a tall one): named in the note, it stays
# out of the cells as a title does.
CAPTION_ABOVE_EM = 6.0


def split_side_halves(pages: list[PageWords], settings: GridSettings) -> tuple[list[PageWords], list[str]]:
    """``pages`` with each page that prints its table in side-by-side blocks cut into one page
    per block (same page number, left first, moved left onto the first block's place), and a
    note per page cut.  Pages of one block are returned as they are (the same objects)."""
    if not pages:
        return pages, []
    hx, hy = ems(pages)
    out: list[PageWords] = []
    notes: list[str] = []
    for page in pages:
        cuts, captions = gutters(page, hx, hy, settings) if page.source in SPLIT_SOURCES else ([], None)
        if not cuts and page.source in SPLIT_SOURCES:
            cuts, captions = beside_cuts(page, hx, hy, settings)
        if not cuts:
            out.append(page)
            continue
        out.extend(_cut(page, cuts))
        if captions is None:
            notes.append(HALVES_NOTE.format(page=page.page, n=len(cuts) + 1))
            continue
        named = " (captions " + "、".join(f"「{c}」" for c in captions) + ")" if any(captions) else ""
        notes.append(TABLES_NOTE.format(page=page.page, n=len(cuts) + 1, captions=named))
    return out, notes


def _flat(r: tuple[float, float, float, float]) -> bool:
    return abs(r[3] - r[1]) <= FLAT_RULING and abs(r[2] - r[0]) > FLAT_RULING


def _upright(r: tuple[float, float, float, float]) -> bool:
    return abs(r[2] - r[0]) <= FLAT_RULING and abs(r[3] - r[1]) > FLAT_RULING


def _blank_runs(page: PageWords, ink: list[Word], hy: float, least_em: float) -> list[tuple[float, float]]:
    """The (x0, x1) runs of the middle ``GUTTER_ZONE`` of the page that no ink word and no
    horizontal ruling crosses within the table's height, at least ``least_em`` glyph heights wide."""
    flat = [r for r in page.rulings if _flat(r)]
    top = min((min(r[1], r[3]) for r in flat), default=float("-inf")) - hy
    bottom = max((max(r[1], r[3]) for r in flat), default=float("inf")) + hy
    spans = [(w.x0, w.x1) for w in ink if top <= (w.top + w.bottom) / 2 <= bottom]
    spans += [(min(r[0], r[2]), max(r[0], r[2])) for r in flat]
    lo, hi = GUTTER_ZONE[0] * page.width, GUTTER_ZONE[1] * page.width
    spans = sorted((max(a, lo), min(b, hi)) for a, b in spans if b > lo and a < hi)
    runs: list[tuple[float, float]] = []
    x = lo
    for a, b in spans:
        if a > x and a - x >= least_em * hy:
            runs.append((x, a))
        x = max(x, b)
    if hi - x >= least_em * hy:
        runs.append((x, hi))
    # A run touching the zone's edge is a margin or a blank column's side, not a gutter between
    # blocks: each side of a gutter holds ink.
    return [(a, b) for a, b in runs if a > lo and b < hi]


def gutters(
    page: PageWords, hx: float, hy: float, settings: GridSettings
) -> tuple[list[float], list[str] | None]:
    """The x (page units) of the middle of each gutter between side-by-side table blocks of
    ``page``, left to right (empty for a page whose table is one block), and, when the gutters
    are gutters between tables of their own, each table's caption (``""`` for none): a narrow
    gutter with every block repeating the first one's label row, or a wide one whose blocks also
    print each a part caption above it (（その２）, 【表２】: ``captions.is_part_caption``).  None
    for a page in columns (a wide gutter, its label row repeated or not)."""
    words, has_ink, plain = page_words(page.words)
    if not has_ink:
        return [], None
    ink = [w for w in words if w.text.strip()]
    for least, twins_only in ((MIN_GUTTER_EM, False), (NARROW_GUTTER_EM, True)):
        runs = _blank_runs(page, ink, hy, least)
        if not runs:
            continue
        cuts = [(a + b) / 2 for a, b in runs]
        edges = [float("-inf"), *cuts, float("inf")]
        blocks = [[w for w in words if lo <= (w.x0 + w.x1) / 2 < hi] for lo, hi in pairwise(edges)]
        if any(not any(w.text.strip() for w in b) for b in blocks):
            continue  # (a block of blank words only)
        heads = [_header(b, hx, hy, settings, plain) for b in blocks]
        labels = [h[0] for h in heads]
        twins = len(labels[0]) >= MIN_BLOCK_LABELS and all(k == labels[0] for k in labels[1:])
        captions = [h[1] for h in heads]
        if twins and (twins_only or all(is_part_caption(c) for c in captions)):
            return cuts, captions
        if twins_only or len(labels[0]) < MIN_BLOCK_LABELS:
            continue
        columns = [_columns(page, edges[k], edges[k + 1]) for k in range(len(blocks))]
        if all(
            len(labels[k]) >= MIN_BLOCK_LABELS or _same_columns(columns[0], columns[k], hy)
            for k in range(1, len(blocks))
        ):
            return cuts, None
    return [], None


def beside_cuts(
    page: PageWords, hx: float, hy: float, settings: GridSettings
) -> tuple[list[float], list[str] | None]:
    """The x (page units) of each cut between tables printed side by side with no gutter (set
    XXXIV w05: two Calc tables in the same sheet rows, columns A–F and G–L, no blank column
    between), left to right, and each table's caption (``""`` for none); ``([], None)`` for a
    page with no second label row beside its first.

    A label row of at least ``MIN_BLOCK_LABELS`` labels standing right of the page's label row and
    level with it (within two lines) heads a table of its own (one table never prints its label
    set twice on one row); a third beside the second the same.  Each cut stands between one label
    row's rightmost label and the next one's leftmost, where the fewest words of the table body
    cross (a vertical ruling there when one is drawn: the two tables' shared wall).  Asked only of
    pages printing the 変更日 label twice or more."""
    words, _, plain = page_words(page.words)
    if "".join(w.text for w in words).count(LABELS[0]) < 2:
        return [], None
    header = find_header(words_to_lines(words, hx, hy, settings, plain), hx, hy, settings)
    if header is None:
        return [], None
    heads = [header]
    while True:
        right = max(x1 for _, x1 in heads[-1].labels.values())
        beside = [w for w in words if w.x0 > right + hx / 2]
        lines = words_to_lines(beside, hx, hy, settings, plain) if beside else []
        other = find_header(lines, hx, hy, settings) if lines else None
        if other is None or abs(other.top - header.top) > 2 * hy or len(other.labels) < MIN_BLOCK_LABELS:
            break
        heads.append(other)
    if len(heads) < 2:
        return [], None
    ink = [w for w in words if w.text.strip() and w.top > header.bottom]
    walls = [r[0] for r in page.rulings if _upright(r)]
    cuts = []
    for a, b in pairwise(heads):
        lo = max(x1 for _, x1 in a.labels.values())
        hi = min(x0 for x0, _ in b.labels.values())
        cuts.append(_least_crossed(ink, walls, lo, hi, hx))
    edges = [float("-inf"), *cuts, float("inf")]
    blocks = [[w for w in words if lo <= (w.x0 + w.x1) / 2 < hi] for lo, hi in pairwise(edges)]
    return cuts, [_header(b, hx, hy, settings, plain)[1] for b in blocks]


def _least_crossed(ink: list[Word], walls: list[float], lo: float, hi: float, hx: float) -> float:
    """The x between ``lo`` and ``hi`` that the fewest ``ink`` words cross: the drawn wall
    (``walls``: vertical rulings' x) there crossed by the fewest, else the middle of the longest
    run of least-crossed places (a blank column of the body), stepped by a quarter character."""

    def crossed(x: float) -> int:
        return sum(1 for w in ink if w.x0 < x < w.x1)

    step = hx / 4
    xs = [lo + step * k for k in range(1, max(1, int((hi - lo) / step)))] or [(lo + hi) / 2]
    counts = [crossed(x) for x in xs]
    least = min(counts)
    drawn = [x for x in walls if lo < x < hi]
    if drawn:
        best = min(crossed(x) for x in drawn)
        if best <= least:
            return min((x for x in drawn if crossed(x) == best), key=lambda x: hi - x)
    runs: list[list[float]] = []
    for x, c in zip(xs, counts, strict=True):
        if c != least:
            continue
        if runs and x - runs[-1][-1] <= step * 1.01:
            runs[-1].append(x)
        else:
            runs.append([x])
    run = max(runs, key=len)
    return (run[0] + run[-1]) / 2


def _header(
    words: list[Word], hx: float, hy: float, settings: GridSettings, plain: bool
) -> tuple[list[int], str]:
    """The columns (``vocabulary.LABELS`` indices) whose labels the block's label row prints, and
    the block's caption: the lowest line within ``CAPTION_ABOVE_EM`` lines above it, not a title
    (spaces out)."""
    lines = words_to_lines(words, hx, hy, settings, plain)
    header = find_header(lines, hx, hy, settings)
    if header is None:
        return [], ""
    above = [
        ln
        for ln in lines
        if ln.bottom <= header.top + hy / 4
        and header.top - ln.bottom <= CAPTION_ABOVE_EM * hy
        and not is_title(ln.text.strip())
    ]
    caption = "".join(max(above, key=lambda ln: ln.top).text.split()) if above else ""
    return sorted(header.labels), caption


def _columns(page: PageWords, lo: float, hi: float) -> list[float]:
    """The x of the vertical rulings standing between ``lo`` and ``hi``, ascending, one per place."""
    xs = sorted({round(r[0], 1) for r in page.rulings if _upright(r) and lo <= r[0] < hi})
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > FLAT_RULING:
            out.append(x)
    return out


def _same_columns(first: list[float], other: list[float], hy: float) -> bool:
    """Whether ``other``'s vertical rulings stand at ``first``'s offsets from its left edge."""
    if len(first) < 3 or len(other) < 3:
        return False
    a, b = first[0], other[0]
    hits = sum(1 for x in first if any(abs((x - a) - (y - b)) <= SAME_COLUMN_EM * hy for y in other))
    return hits >= SAME_COLUMN_SHARE * len(first)


def _shift(w: Word, dx: float) -> Word:
    return dataclasses.replace(w, x0=w.x0 - dx, x1=w.x1 - dx)


def _moved(box: tuple[float, float, float, float], dx: float) -> tuple[float, float, float, float]:
    return (box[0] - dx, box[1], box[2] - dx, box[3])


def _block_rulings(
    rulings: list[tuple[float, float, float, float]], lo: float, hi: float
) -> list[tuple[float, float, float, float]]:
    """The rulings of the block between ``lo`` and ``hi``: those whose middle lies in it, a
    vertical one standing on its edge (the wall two tables with no gutter share) on both sides,
    a horizontal one crossing its edge clipped to it."""
    out = []
    for r in rulings:
        x0, x1 = min(r[0], r[2]), max(r[0], r[2])
        if _upright(r) and (abs(x0 - lo) <= FLAT_RULING or abs(x0 - hi) <= FLAT_RULING):
            out.append(r)
        elif _flat(r) and x0 < hi and x1 > lo and (x0 < lo or x1 > hi):
            if min(x1, hi) - max(x0, lo) > FLAT_RULING:
                out.append((max(x0, lo), r[1], min(x1, hi), r[3]))
        elif lo <= (x0 + x1) / 2 < hi:
            out.append(r)
    return out


def _cut(page: PageWords, cuts: list[float]) -> list[PageWords]:
    """``page`` cut at the x values ``cuts`` into blocks, each a ``PageWords`` of the same page
    number holding the words, hidden characters and rulings whose middle lies in the block, moved
    left by the block's offset from the first block (its left edge: its leftmost ruling or word);
    the page's notes and unread count go with the first."""
    edges = [float("-inf"), *cuts, float("inf")]

    def inside(x0: float, x1: float, k: int) -> bool:
        return edges[k] <= (x0 + x1) / 2 < edges[k + 1]

    def left(k: int) -> float:
        xs = [min(r[0], r[2]) for r in page.rulings if inside(r[0], r[2], k)]
        xs += [w.x0 for w in page.words if w.text.strip() and inside(w.x0, w.x1, k)]
        return min(xs, default=edges[k])

    base = left(0)
    parts = []
    for k in range(len(edges) - 1):
        dx = left(k) - base if k else 0.0
        own = _block_rulings(page.rulings, edges[k], edges[k + 1])
        rulings = [(x0 - dx, t, x1 - dx, b) for x0, t, x1, b in own]
        parts.append(
            dataclasses.replace(
                page,
                words=[_shift(w, dx) for w in page.words if inside(w.x0, w.x1, k)],
                rulings=rulings,
                unseen=[
                    dataclasses.replace(
                        u,
                        word=_shift(u.word, dx),
                        clip=None if u.clip is None else _moved(u.clip, dx),
                    )
                    for u in page.unseen
                    if inside(u.word.x0, u.word.x1, k)
                ],
                notes=list(page.notes) if k == 0 else [],
                unread=page.unread if k == 0 else 0,
            )
        )
    return parts
