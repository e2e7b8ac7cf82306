"""A watermark word turned on the page, as flattened texts give it: a glyph a line.

A word printed large and turned (30–60°) over each page (「取扱注意」, 「複製禁止」, 「DRAFT」) has
its glyphs on baselines of their own: ``pdftotext`` (-raw, -layout, plain), pdfplumber, pypdf's
layout mode and pdfplumber's print each glyph on a line of its own, in the word's order or the
reverse (the diagonal's), between the table's lines, ``-layout`` with wide gaps on both sides, and
now and then glue one to a cell's line (``扱・住民票の写し等の交付``, ``上記を新規追加 意修正``;
set XXXI t06: 36 rows held 「取」 「扱」 「注」 「意」, 3 unwarned).

On each page (form feeds, or the column-label rows of a text without them: ``label_pages``) the
lines of one glyph alone (spaces aside) whose glyphs spell a word of ``WATERMARK_WORDS`` (each of
its characters once, in any order) are the word's: left out by ``watermark_lines`` with its note.
A page on which the word's glyphs stand alone but for some, and whose lone glyphs run in the
word's order (or its reverse), has each missing glyph glued to a cell's line between its
neighbours' lines: at the line's start or end or beside a space, on exactly one line there.  It is
cut out and noted (``GLUED_NOTE``), so that its row is warned: a glyph cut at a line's edge may
have been the cell's own.

A word spread so is taken only when it has ``MIN_GLYPHS`` characters or more, or is spread on two
pages or more (``素案`` alone on one page could be two wrapped lines' tails).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from piatable.vocabulary import WATERMARK_WORDS, is_header_line, is_label_piece

_SPACES = regex.compile(r"[\s　]+")
_LETTER = regex.compile(r"^\p{L}$")
# A spread word of fewer characters must be spread on this many pages.
MIN_GLYPHS = 3
MIN_PAGES_SHORT = 2
# A label row printed a label a line (PyMuPDF, pypdfium2): at least this many label lines in a row.
MIN_LABEL_LINES = 3


Lone = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class GluedGlyph:
    """A glyph of a spread watermark word glued to a cell's line: (page, line) and the offsets."""

    word: str
    page: int
    line: int
    start: int
    end: int


def _key(line: str) -> str:
    return _SPACES.sub("", line)


def label_pages(lines: list[str]) -> list[int]:
    """For a text without form feeds, the printed page of each line as told by the label rows
    repeated at each page's head (a row of labels on one line, or ``MIN_LABEL_LINES`` lines of
    labels in a row): the count of label rows opened before the line (a watermark printed before
    a page's label row is that page's, a text's lines before the first label row the first's).
    session 67's t03: PyMuPDF and pypdf texts of a Writer export with the watermark 「公表用」 print
    it alone once per page with no form feed; one page read so held it twice and kept it."""
    opens: list[int] = []
    run = 0
    for i, ln in enumerate(lines):
        if is_header_line(ln):
            opens.append(i)
            run = 0
            continue
        run = run + 1 if ln.strip() and is_label_piece(_key(ln)) else 0
        if run == MIN_LABEL_LINES:
            opens.append(i - MIN_LABEL_LINES + 1)
    out, page = [], 0
    for i in range(len(lines)):
        while page < len(opens) and opens[page] <= i:
            page += 1
        out.append(max(page - 1, 0))
    return out


def _printed_pages(pages: list[list[str]]) -> list[list[tuple[int, int]]]:
    """The (page, line) of every line, grouped by printed page (label rows without form feeds)."""
    if len(pages) > 1:
        return [[(p, i) for i in range(len(lines))] for p, lines in enumerate(pages)]
    of = label_pages(pages[0])
    out: list[list[tuple[int, int]]] = [[] for _ in range(max(of, default=0) + 1)]
    for i, p in enumerate(of):
        out[p].append((0, i))
    return out


def _in_order(glyphs: list[str], word: str) -> bool:
    """Whether ``glyphs`` (distinct characters of ``word``) run in its order or the reverse."""
    at = [word.index(g) for g in glyphs]
    return at == sorted(at) or at == sorted(at, reverse=True)


def _glued_at(line: str, glyph: str) -> list[tuple[int, int]]:
    """Where ``glyph`` stands glued to ``line``'s text: its first or last character, or beside
    a space."""
    body = line.rstrip()
    lead = len(line) - len(line.lstrip())
    out = []
    for m in regex.finditer(regex.escape(glyph), body):
        a, b = m.span()
        if a == lead or b == len(body) or body[a - 1].isspace() or body[b : b + 1].isspace():
            out.append((a, b))
    return out


def _missing_glyph(
    pages: list[list[str]], page: list[tuple[int, int]], word: str, lone: Lone, glyph: str
) -> GluedGlyph | None:
    """The one line of ``page`` between the lone glyphs before and after ``glyph`` in the word's
    order on the page (``lone``: glyph → (page, line), running in the word's order or the
    reverse) on which ``glyph`` is glued (``_glued_at``), or None."""
    rank = {at: r for r, at in enumerate(page)}
    placed = sorted(lone, key=lambda g: rank[lone[g]])
    at = [word.index(g) for g in placed]
    order = word if at == sorted(at) else word[::-1]
    before = [g for g in order[: order.index(glyph)] if g in lone]
    after = [g for g in order[order.index(glyph) + 1 :] if g in lone]
    lo = rank[lone[before[-1]]] + 1 if before else 0
    hi = rank[lone[after[0]]] if after else len(page)
    hits = [
        GluedGlyph(word, p, i, a, b)
        for p, i in page[lo:hi]
        if _key(pages[p][i]) != glyph
        for a, b in _glued_at(pages[p][i], glyph)
    ]
    return hits[0] if len(hits) == 1 else None


def spread_words(pages: list[list[str]]) -> tuple[dict[str, set[tuple[int, int]]], list[GluedGlyph]]:
    """The watermark words of ``WATERMARK_WORDS`` printed a glyph a line in a text's ``pages``
    (lists of lines), with the (page, line) of each lone glyph, and the glyphs glued to a cell's
    line found on the pages that miss some (see the module notes).  Empty when none."""
    found: dict[str, set[tuple[int, int]]] = {}
    glued: dict[str, list[GluedGlyph]] = {}
    spread_on: Counter[str] = Counter()
    for page in _printed_pages(pages):
        singles: dict[str, list[tuple[int, int]]] = {}
        for p, i in page:
            key = _key(pages[p][i])
            if _LETTER.match(key):
                singles.setdefault(key.upper(), []).append((p, i))
        for word in WATERMARK_WORDS:
            glyphs = word.upper()
            if len(glyphs) < 2 or len(set(glyphs)) != len(glyphs):
                continue
            lone = {g: singles[g][0] for g in glyphs if len(singles.get(g, ())) == 1}
            if len(lone) == len(glyphs):
                found.setdefault(word, set()).update(lone.values())
                spread_on[word] += 1
                continue
            if len(lone) < max(2, len(glyphs) - 1) or any(len(singles.get(g, ())) > 1 for g in glyphs):
                continue
            rank = {at: r for r, at in enumerate(page)}
            placed = sorted(lone, key=lambda g: rank[lone[g]])
            if not _in_order(placed, glyphs):
                continue
            cuts = [_missing_glyph(pages, page, glyphs, lone, g) for g in glyphs if g not in lone]
            if all(cuts):
                found.setdefault(word, set()).update(lone.values())
                glued.setdefault(word, []).extend(c for c in cuts if c is not None)
                spread_on[word] += 1
    keep = {w for w in found if len(w) >= MIN_GLYPHS or spread_on[w] >= MIN_PAGES_SHORT}
    return (
        {w: places for w, places in found.items() if w in keep},
        [c for w in keep for c in glued.get(w, [])],
    )
