"""The 項目's sub-columns of ``-layout``-like text found from its sub-label row (branch subcol72).

A table may print 項目 over sub-columns named in a sub-label row (項目 / 細項目, 大項目 / 中項目 /
小項目, 評価書の項目 / 細目).  ``layout_item_parts.item_part_edges`` finds the sub-columns from the
body alone, and only where the left one holds the 大項目 (Ⅰ…Ⅵ, no heading under it): a table
that keeps two heading lines left (``Ⅱ特定個人情報ファイルの概要`` / ``６．特定個人情報の保管・消去``)
and the 小項目 right (``①保管場所``) escaped it (set XXXIII w01): the 小項目 pieces, nearer the
変更前 column's start than the item's, were read into 変更前 (``①部署福祉部 生活福祉課``) or
onto the first item line (``Ⅱ特定個人情報ファイルの概要①保管場所``), unwarned.

Where the page prints such a sub-label row, its labels say how many sub-columns there are and
where each stops: a sub-column's text opens at or left of its label's start (a label is centred
over its column or opens at its edge).  Each sub-column after the first opens where the body's
pieces open again and again (``MIN_EDGE_LINES`` within ``EDGE_SLACK``) between the sub-column
before it and its label; the pieces opening there belong to the item whichever column their
nearest start gave them, and the 変更前 column starts at its own pieces.
"""

from __future__ import annotations

import statistics

import regex

from piatable.vocabulary import ITEM_OPENING, ITEM_PART_LABEL_ROW

from .common import PageRows
from .labels import Header
from .layout_item_parts import EDGE_SLACK, MIN_EDGE_LINES, MIN_SUB_WIDTH, SUB_LABEL_LINES
from .lines import Line

ITEM, BEFORE = 1, 2


def header_sub_label_lines(lines: list[Line], header: Header | None, hy: float) -> list[Line]:
    """The lines inside the label row's own span (``header``: a label row printed over two or
    three lines) or right under it (within ``SUB_LABEL_LINES`` line heights ``hy``) that open
    with two sub-column labels or more (``項目 細項目``, ``大項目 中項目 小項目``: a line holding one,
    ``項目``, is the spanning label) and hold nothing else, but, inside the span, the wrapped
    tails of the labels right of them (``大項目 細目 … 期 明``: ``LABEL_TAIL_CHARS``).  [] without
    a header."""
    if header is None:
        return []
    return [
        ln
        for ln in lines
        if header.top - hy / 2 < ln.top <= header.bottom + SUB_LABEL_LINES * hy
        and _opens_with_sub_labels(_words(ln), inside=ln.top <= header.bottom - hy / 2)
    ]


# A wrapped label's tail on the sub-label line (提出時 / 期, 提出時期に係る説 / 明).
LABEL_TAIL_CHARS = 3


def _opens_with_sub_labels(words: list[str], inside: bool) -> bool:
    n = next((k for k, t in enumerate(words) if not ITEM_PART_LABEL_ROW.match(t)), len(words))
    rest = words[n:]
    return n >= 2 and (not rest or (inside and all(len(t) <= LABEL_TAIL_CHARS for t in rest)))


def _words(line: Line) -> list[str]:
    return [t for w in line.words for t in w.text.split()]


def _label_starts(subs: list[Line]) -> list[float]:
    """The start of each sub-column label of the sub-label line, left to right (the line with
    the most labels)."""
    line = max(subs, key=lambda ln: len(_words(ln)))
    return sorted(w.x0 for w in line.words if ITEM_PART_LABEL_ROW.match(w.text.strip()))


def _cluster(xs: list[float]) -> float | None:
    """The opening shared by most of ``xs`` (within ``EDGE_SLACK``), when ``MIN_EDGE_LINES`` or
    more share it; the leftmost such group wins a tie."""
    best: list[float] = []
    for x in sorted(xs):
        near = [y for y in xs if x <= y <= x + EDGE_SLACK]
        if len(near) > len(best):
            best = near
    return statistics.median(best) if len(best) >= MIN_EDGE_LINES else None


def sub_label_edges(segs: list[list[Line]], cols: list[list[int]], subs: list[Line]) -> list[float]:
    """The left edges of the 項目's sub-columns (offset units, left to right) from the
    sub-label line ``subs`` (``header_sub_label_lines``) and the body's pieces ``segs`` placed in
    columns ``cols``: the first the leftmost opening of two lines' sections (Ⅰ…Ⅵ:
    ``ITEM_OPENING``), each next one where pieces of the item or 変更前 column open
    (``_cluster``) right of the edge before (by ``MIN_SUB_WIDTH``) and no further right than its
    label's start (by ``EDGE_SLACK``).  [] when there is no sub-label line or a sub-column
    shows no such opening."""
    if not subs:
        return []
    labels = _label_starts(subs)
    firsts = [
        next((p for p, c in zip(line, cs, strict=True) if c == ITEM), None)
        for line, cs in zip(segs, cols, strict=True)
    ]
    xs = [p.x0 for p in firsts if p is not None and ITEM_OPENING.match(p.text.strip())]
    first = min((x for x in xs if sum(abs(y - x) <= EDGE_SLACK for y in xs) >= 2), default=None)
    if len(labels) < 2 or first is None:
        return []
    edges = [first]
    for label in labels[1:]:
        opens = [
            p.x0
            for line, cs in zip(segs, cols, strict=True)
            for p, c in zip(line, cs, strict=True)
            if c in (ITEM, BEFORE) and edges[-1] + MIN_SUB_WIDTH < p.x0 <= label + EDGE_SLACK
        ]
        edge = _cluster(opens)
        if edge is None:
            return []
        edges.append(edge)
    return edges


def take_sub_column_pieces(
    segs: list[list[Line]], cols: list[list[int]], starts: list[float], edges: list[float]
) -> list[list[int]]:
    """``cols`` with each 変更前 piece that opens at the item's last sub-column edge or left of
    it (``edges``: ``sub_label_edges``; within ``EDGE_SLACK``) and before any other 変更前 piece
    of its line given to the item; ``starts`` (in place) with the 変更前 start moved to where its
    pieces left open (the sub-column's openings had drawn it left)."""
    if not edges:
        return cols
    last = edges[-1] + EDGE_SLACK
    out: list[list[int]] = []
    for line, cs in zip(segs, cols, strict=True):
        new = list(cs)
        for k, (p, c) in enumerate(zip(line, cs, strict=True)):
            if c == BEFORE and p.x0 <= last and all(new[j] != BEFORE for j in range(k)):
                new[k] = ITEM
        out.append(new)
    befores = [
        next(p.x0 for p, c in zip(line, cs, strict=True) if c == BEFORE)
        for line, cs in zip(segs, out, strict=True)
        if BEFORE in cs
    ]
    if befores and starts[BEFORE] <= last:
        starts[BEFORE] = statistics.median(befores)
    return out


# A footnote under the table: ※1 / ※ / 注1 / (注) opening a line at the table's left edge.
_FOOTNOTE = regex.compile(r"^(?:※\s*[0-9０-９]*|注\s*[0-9０-９]+|[（(]注[0-9０-９]*[）)])")
FOOTNOTES_NOTE = "page {page}: footnotes printed under the table, left out of the rows: {texts}"


def drop_table_footnotes(res: PageRows) -> None:
    """Take the footnote lines printed under the table (``※1 令和６年４月の機構改革後の名称による。``)
    out of the page's last row (and its lines), with a note naming them: from the first printed
    line of that row opening with a footnote mark (``_FOOTNOTE``) left of the 項目 column's start
    (``res.bounds[1]``, in the 変更日 column: no cell of a row opens there with ※) on, when every
    printed line from there opens there too.  A layout text lays the footnotes across the table's
    columns, so they were read into the last row's 項目 (set XXXIII w01)."""
    if not res.rows:
        return
    row = res.rows[-1]
    by_top: dict[float, list[Line]] = {}
    for lines in row.values():
        for ln in lines:
            by_top.setdefault(ln.top, []).append(ln)
    edge = res.bounds[1] - EDGE_SLACK
    tops = sorted(by_top)
    first = next((t for t in tops if _opens_footnote(by_top[t], edge)), None)
    if first is None:
        return
    below = [t for t in tops if t >= first]
    if not all(min(ln.x0 for ln in by_top[t]) < edge for t in below):
        return
    gone = {id(ln) for t in below for ln in by_top[t]}
    texts = [" ".join(ln.text.strip() for ln in sorted(by_top[t], key=lambda ln: ln.x0)) for t in below]
    for c, lines in list(row.items()):
        row[c] = [ln for ln in lines if id(ln) not in gone]
    res.lines = [ln for ln in res.lines if id(ln) not in gone]
    res.notes.append(FOOTNOTES_NOTE.format(page=by_top[first][0].page, texts=" / ".join(texts)))


def _opens_footnote(lines: list[Line], edge: float) -> bool:
    head = min(lines, key=lambda ln: ln.x0)
    return head.x0 < edge and bool(_FOOTNOTE.match(head.text.strip()))
