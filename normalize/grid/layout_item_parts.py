"""項目 printed over sub-columns in ``-layout``-like text (branch twocol69).

A table may print its 項目 over two or three sub-columns (大項目 | 小項目, 大項目 | 中項目 | 小項目,
with sub-labels, other sub-labels or none).  Layout text lays each printed line's pieces side by
side, so a row's item lines read ``Ⅱ特定個  （３．送付先情報ファイル）`` / ``人情報フ  ５．…``: the
narrow 大項目's wrapped text beside the next sub-column's, joined line by line they make nonsense
(``Ⅱ特定個（３．送付先…`` / ``人情報フ５．…``).  The page shows the sub-columns by where the
item's pieces open: the item column's lines open at its left edge (three or more there, one of
them a section's Ⅰ…Ⅵ and none a heading under it, ``１．`` / ``①``: the left sub-column is the
大項目; no piece a date or a number, else the page's columns were not read right), and on three
lines or more
a second piece opens again at one place (within ``EDGE_SLACK``) right of that edge, while no
piece opening at the left edge runs past it (the sub-column's text stops short of the next
sub-column).  Each piece then goes to the nearest sub-column edge, and a row's item is each
sub-column's text top to bottom, the sub-columns before the last joined into one paragraph each
(their lines are a narrow cell's wraps), a paragraph break after each (``Line.ends_part``, as
``sub_columns.join_strips`` does on ruled pages): the truth twocol68 defines.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

import regex

from piatable.models import Word
from piatable.vocabulary import BARE_NUMBER, ITEM_OPENING, ITEM_PART_LABEL_ROW, ITEM_PART_LABELS

from ..chars import display_width
from ..items import is_form_heading
from .common import PageRows
from .labels import Header
from .lines import Line
from .lost_lines import is_printed_date
from .merged_sections import fill_merged_sections

# How far (offset units) a piece may open from its sub-column's edge: layout text places each
# line's pieces proportionally, so one sub-column's pieces open a unit or two apart.
EDGE_SLACK = 2.0
# At least this many lines show a piece opening at a sub-column edge.
MIN_EDGE_LINES = 3
# That share of the item lines with two pieces or more opens their second piece there.
MIN_EDGE_SHARE = 0.6
# A heading under a section's (１．…, ①…, （１）…, リスク１…, 委託事項１…): not a 大項目.
_LOWER_HEADING = regex.compile(r"^(?:[0-9０-９]+[．.]|[①-⑳]|[（(][0-9０-９]|リスク[0-9０-９]|委託事項)")
# A sub-column's label read into the first item line under it (a label row the reader kept).
_LEADING_LABEL = regex.compile(
    rf"^(?:{'|'.join(sorted(ITEM_PART_LABELS, key=len, reverse=True))})(?=[ⅠⅡⅢⅣⅤⅥ])"
)
# A sub-column is at least this many units wide.
MIN_SUB_WIDTH = 3.0
# At least this many item cells open with a section (Ⅰ…Ⅵ) left of the item lines' median start
# for that to be the item column's start.
MIN_SECTION_OPENINGS = 2


def section_openings(line: list[Line], cols: list[int]) -> list[float]:
    """The offset of the line's first piece in the 項目 column (1), or after the line's first
    piece in the 変更日 column (0: a 大項目 one space after the date, read with it), when it opens
    the item path (a section Ⅰ…Ⅵ, an attachment or the cover: ``ITEM_OPENING``); []
    otherwise."""
    first = next(
        (p for i, (p, c) in enumerate(zip(line, cols, strict=True)) if c == 1 or (i and c == 0)), None
    )
    return [first.x0] if first is not None and ITEM_OPENING.match(first.text) else []


def item_start(start: float, segs: list[list[Line]], cols: list[list[int]]) -> float:
    """The 項目 column's start: where its cells' sections (Ⅰ…Ⅵ: ``section_openings`` of each
    line's pieces ``segs`` in columns ``cols``) open, when ``MIN_SECTION_OPENINGS`` of them or
    more open left of ``start`` (the median start of all the column's cell openings), else
    ``start``.  A 項目 printed over sub-columns (大項目 ``Ⅰ基本情報`` on one line, the 小項目 on
    three) opens most of its lines at the second sub-column's edge, yet its path opens at the
    first (set XXXI t04: the 大項目 read into 変更日 else)."""
    sections = [x for line, cs in zip(segs, cols, strict=True) for x in section_openings(line, cs)]
    if len(sections) < MIN_SECTION_OPENINGS:
        return start
    opens = statistics.median(sections)
    return opens if opens < start - EDGE_SLACK else start


def held_item_starts(
    local: list[list[float]], starts: list[float], segs: list[list[Line]], cols: list[list[int]]
) -> list[list[float]]:
    """Each line's column starts (``local``: ``inner_gaps.windowed_starts``) with the 項目 start
    kept at the page's (``starts``) where the page's cells open their sections there
    (``item_start`` of ``segs`` in ``cols``): a window of a few lines holds the 小項目 lines and
    no 大項目."""
    if item_start(float("inf"), segs, cols) > starts[1] + EDGE_SLACK:
        return local
    for loc in local:
        loc[1] = min(loc[1], starts[1])
    return local


def item_part_edges(item_lines: list[list[Line]]) -> list[float]:
    """The left edges (offset units) of the 項目 column's sub-columns on a page, left to right,
    from its lines' pieces (each printed line's pieces in the item column, left to right; empty
    lists for lines without any); [] when the pieces show one column only."""
    lines = [ps for ps in item_lines if ps]
    if not lines or any(
        is_printed_date(p.text.strip()) or BARE_NUMBER.match(p.text) for ps in lines for p in ps
    ):
        return []  # a date or a number in the item column: its columns are not read right
    edges: list[float] = []
    for k in (1, 2):
        seconds = [ps[k].x0 for ps in lines if len(ps) > k]
        if len(seconds) < MIN_EDGE_LINES:
            break
        edge = statistics.median(seconds)
        near = [x for x in seconds if abs(x - edge) <= EDGE_SLACK]
        if len(near) < MIN_EDGE_LINES or len(near) < MIN_EDGE_SHARE * len(seconds):
            break
        if not edges:
            # The lines opening left of the edge open the left sub-column (a proportional
            # layout text places a date's line a few units right of the others).
            lefts = [ps[0] for ps in lines if ps[0].x0 < edge - MIN_SUB_WIDTH]
            firsts = [p.text.strip() for p in lefts]
            if (
                len(firsts) < MIN_EDGE_LINES
                or not any(map(ITEM_OPENING.match, firsts))
                or any(map(_LOWER_HEADING.match, firsts))
            ):
                return []  # the left sub-column holds the 大項目 (Ⅰ…Ⅵ), no heading under it
            edges.append(min(p.x0 for p in lefts))
        elif edge - edges[-1] < MIN_SUB_WIDTH:
            break
        # No piece opening in the sub-column on the left runs past this edge but one that the
        # next sub-column's piece follows on its line (a line placed a few units right).
        crossing = [
            p
            for ps in lines
            for p, nxt in zip(ps, [*ps[1:], None], strict=True)
            if edges[-1] - EDGE_SLACK <= p.x0 < edge - MIN_SUB_WIDTH
            and p.x1 > edge + EDGE_SLACK
            and (nxt is None or nxt.x0 < p.x1)
        ]
        if crossing:
            break
        edges.append(edge)
    return edges if len(edges) > 1 else []


def part_texts(pieces: list[Line] | list[Word], edges: list[float]) -> tuple[str, ...]:
    """The texts of one printed line's item pieces by sub-column: each piece to the nearest
    edge; pieces of one sub-column joined as the line's pieces are (a space between half-width
    words only)."""
    texts = [""] * len(edges)
    for p in pieces:
        k = min(range(len(edges)), key=lambda i: abs(p.x0 - edges[i]))
        t = p.text.strip()
        if texts[k] and display_width(texts[k][-1]) == 1 and display_width(t[:1]) == 1:
            texts[k] += " "
        texts[k] += t
    return tuple(texts)


def join_item_parts(item: list[Line]) -> list[Line]:
    """A row's item lines re-read by sub-column (each line's ``item_parts``): one line per
    sub-column before the last (its wrapped lines joined), ending a paragraph, then the last
    sub-column's lines as printed; a sub-column's label (大項目, 小項目, 細目 …: a label row the
    reader kept, its narrow column wrapping it) is the label block's, no item text.  Lines
    without parts are kept as they are."""
    parted = [ln for ln in item if ln.item_parts]
    if not parted:
        return item
    n = len(parted[0].item_parts)
    out: list[Line] = []
    for k in range(n):
        texts = [(ln, ln.item_parts[k]) for ln in parted if k < len(ln.item_parts) and ln.item_parts[k]]
        texts = [(ln, t) for ln, t in texts if not ITEM_PART_LABEL_ROW.match(t)]
        if not texts:
            continue
        if k < n - 1:
            # A narrow sub-column's label (大 / 項 / 目 a line each) under a repeated label row;
            # a heading under the section (２．…) opens a line of its own (set XXXIII w01).
            for para in _heading_paragraphs(texts):
                joined = _LEADING_LABEL.sub("", "".join(t for _, t in para))
                if joined:
                    out.append(replace(para[0][0], text=joined, ends_part=True, item_parts=()))
        else:
            out.extend(replace(ln, text=t, ends_part=False, item_parts=()) for ln, t in texts)
    if out:
        out[-1].ends_part = False
    rest = [ln for ln in item if not ln.item_parts]
    return rest + out


def _heading_paragraphs(texts: list[tuple[Line, str]]) -> list[list[tuple[Line, str]]]:
    """A sub-column's lines (line, its text there) cut before each line opening a heading under
    a section (``_LOWER_HEADING``): a sub-column holding the 大項目 and the 中項目 gives each its
    own line, the wraps of each joined."""
    paras: list[list[tuple[Line, str]]] = []
    for ln, t in texts:
        if not paras or _LOWER_HEADING.match(t):
            paras.append([])
        paras[-1].append((ln, t))
    return paras


def item_pieces(
    segs: list[list[Line]], line_cols: list[list[int]], subs: list[Line] | None = None
) -> list[list[Line]]:
    """Each printed line's pieces placed in the 項目 column (1), left to right; the sub-label
    lines ``subs`` (``sub_label_lines``) give none (their labels open at no item's edge)."""
    tops = {(ln.page, ln.top) for ln in subs or []}
    return [
        [p for p, c in zip(line, lc, strict=True) if c == 1 and (p.page, p.top) not in tops]
        for line, lc in zip(segs, line_cols, strict=True)
    ]


def reread_items(res: PageRows, edges: list[float]) -> None:
    """Each row's 項目 lines of a page whose item is printed over sub-columns at ``edges``
    (``item_part_edges``; none: nothing done) read again by sub-column (``join_item_parts``,
    each line's words its pieces); the page's lines follow (every line still lands in a row)."""
    if not edges:
        return
    old: set[int] = set()
    new: list[Line] = []
    for row in res.rows:
        for ln in row.get(1, []):
            ln.item_parts = part_texts(ln.words, edges)
            old.add(id(ln))
    fill_merged_sections(res)  # a 大項目 merged down over the section's rows
    for row in res.rows:
        if 1 in row:
            row[1] = join_item_parts(row[1])
            new.extend(row[1])
    res.lines = [ln for ln in res.lines if id(ln) not in old] + new
    if new:
        res.notes.append(ITEM_PARTS_NOTE.format(page=new[0].page, n=len(edges)))
    doubt_stray_sub_items(res, edges)
    doubt_cut_sections(res)


CUT_SECTION_WHY = (
    "the item's first sub-column reads a section (Ⅰ…Ⅵ) that is no heading of the form: the rest"
    " of a narrow 大項目's wrapped name may be read into another cell or row"
)


def doubt_cut_sections(res: PageRows) -> None:
    """Each row of a page read by sub-column whose item opens with a section (Ⅰ…Ⅵ) that is no
    whole heading of the form (``Ⅱ特定個人情`` for ``Ⅱ特定個人情報ファイルの概要``): its words
    marked read by guess (``column_guess`` on the item).  Read line by line the cut name was
    glued to the heading beside it and ``item_tears`` warned; read by sub-column it stands alone
    (heldout-layout71b's Writer 評価書の項目 / 細目, whose 大項目 wraps went to the 変更日 cell)."""
    for row in res.rows:
        first = next(iter(row.get(1, [])), None)
        if first is None or not ITEM_OPENING.match(first.text.strip()) or is_form_heading(first.text.strip()):
            continue
        for w in first.words:
            w.guess = w.guess or CUT_SECTION_WHY


STRAY_WHY = (
    "a 変更前 line opens at the 項目's last sub-column edge, left of the 変更前 column: a line of"
    " the item's last sub-column may be read into 変更前"
)


def doubt_stray_sub_items(res: PageRows, edges: list[float]) -> None:
    """Each 変更前 line of a page read by sub-column (``edges``) that opens nearer the item's last
    sub-column edge than the 変更前 column's start (``res.bounds[2]``): its words marked read by
    guess (``Word.guess``: the row's ``column_guess`` on 変更前).  A 小項目 (or a third level's)
    line the columns' starts put into 変更前 (twocol69's three-level Writer table in pdfplumber's
    layout text) is read as a 変更前 paragraph, else in silence."""
    start = res.bounds[2]
    for row in res.rows:
        for ln in row.get(2, []):
            if ln.x0 < start - EDGE_SLACK and abs(ln.x0 - edges[-1]) < abs(ln.x0 - start):
                for w in ln.words:
                    w.guess = w.guess or STRAY_WHY


# A note of each page whose 項目 was read by sub-column.
ITEM_PARTS_NOTE = "page {page}: the 項目 is printed over {n} sub-columns, each row's item read by sub-column"


# A line this many line heights under the label row's bottom or nearer is the label row's own.
SUB_LABEL_LINES = 1.5
SUB_LABEL_NOTE = (
    "page {page}: the labels of the 項目's sub-columns under the 項目 label read as the label"
    " row's, not as a row: {texts}"
)


def sub_label_lines(lines: list[Line], header: Header | None, hy: float) -> list[Line]:
    """The lines right under the label row (``header``; within ``SUB_LABEL_LINES`` line heights
    ``hy`` of its bottom) whose every piece is a label of the 項目's sub-columns (評価書の項目 /
    細目, 大項目 / 小項目, 項目 / 細項目: ``ITEM_PART_LABEL_ROW``): a header's lower row, never a
    row (set XXXII u01: read as an extra row ``評価書の項目`` / ``細目``, or glued to the last row of
    the page before).  [] without a header."""
    if header is None:
        return []
    return [
        ln
        for ln in lines
        if header.bottom - hy / 2 < ln.top <= header.bottom + SUB_LABEL_LINES * hy
        and ln.text.split()
        and all(ITEM_PART_LABEL_ROW.match(t) for t in ln.text.split())
    ]


def drop_sub_labels(res: PageRows, subs: list[Line]) -> None:
    """Take the sub-label lines ``subs`` (``sub_label_lines``) out of the page's rows once the
    rows are cut (they stay among the lines the rows are cut from: where they stand tells a
    row's alignment, as the label row's lower line)."""
    tops = {(ln.page, ln.top) for ln in subs}
    if not tops:
        return

    def label(ln: Line) -> bool:
        return (ln.page, ln.top) in tops and bool(ITEM_PART_LABEL_ROW.match("".join(ln.text.split())))

    for row in res.rows:
        for c, lines in list(row.items()):
            row[c] = [ln for ln in lines if not label(ln)]
    res.lines = [ln for ln in res.lines if not label(ln)]


def sub_label_note(page: int, lines: list[Line]) -> str:
    """The note naming the sub-column label lines taken as the label row's."""
    return SUB_LABEL_NOTE.format(page=page, texts=" / ".join(" ".join(ln.text.split()) for ln in lines))
