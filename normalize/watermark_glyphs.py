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
from dataclasses import dataclass, replace

import regex

from piatable.vocabulary import WATERMARK_WORDS, is_header_line, is_label_piece

_SPACES = regex.compile(r"[\s　]+")
_LETTER = regex.compile(r"^\p{L}$")
# A spread word of fewer characters must be spread on this many pages.
MIN_GLYPHS = 3
MIN_PAGES_SHORT = 2
# A page missing one glyph of the word (glued to a cell's line) is read only for a word this long
# (three of its glyphs alone, in order): two lone kanji of 部外秘 are too often a table's own.
MIN_GLUED_WORD = 4
# A label row printed a label a line (PyMuPDF, pypdfium2): at least this many label lines in a row.
MIN_LABEL_LINES = 3


Lone = dict[str, tuple[int, int]]
# Every glyph of the words (upper case): a line holding another is no piece of one.
_WORD_GLYPHS = frozenset("".join(WATERMARK_WORDS).upper())


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
    pages: list[list[str]], page: list[tuple[int, int]], order: str, lone: Lone, glyph: str
) -> GluedGlyph | None:
    """The one line of ``page`` between the lone glyphs before and after ``glyph`` in ``order``
    (the word as the page prints it, or its reverse; ``lone``: glyph → (page, line)) on which
    ``glyph`` is glued (``_glued_at``), or None."""
    rank = {at: r for r, at in enumerate(page)}
    before = [g for g in order[: order.index(glyph)] if g in lone]
    after = [g for g in order[order.index(glyph) + 1 :] if g in lone]
    lo = rank[lone[before[-1]]] + 1 if before else 0
    hi = rank[lone[after[0]]] if after else len(page)
    hits = [
        GluedGlyph(order, p, i, a, b)
        for p, i in page[lo:hi]
        if _key(pages[p][i]) != glyph
        for a, b in _glued_at(pages[p][i], glyph)
    ]
    return hits[0] if len(hits) == 1 else None


def _lone_lines(pages: list[list[str]], page: list[tuple[int, int]]) -> list[tuple[tuple[int, int], str]]:
    """The lines of ``page`` that may stand alone with glyphs of a spread word, with their text
    (spaces out, upper case): only glyphs of ``WATERMARK_WORDS``.  Read once a page, not once a
    word (the test of every committed text spent 85% of its time keying each line per word)."""
    out = []
    for p, i in page:
        key = _key(pages[p][i]).upper()
        if key and all(c in _WORD_GLYPHS for c in key):
            out.append(((p, i), key))
    return out


def _pieces(lines: list[tuple[tuple[int, int], str]], glyphs: str) -> dict[str, list[tuple[int, int]]]:
    """Each glyph of ``glyphs`` → the lines of a page (``_lone_lines``) standing alone with it:
    lines holding only glyphs of the word, each once, fewer than all (pdfminer boxes two: ``扱注``)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for at, key in lines:
        if len(key) < len(glyphs) and len(set(key)) == len(key) and all(c in glyphs for c in key):
            if len(key) == 1 and not _LETTER.match(key):
                continue
            for c in key:
                out.setdefault(c, []).append(at)
    return out


@dataclass
class Spread:
    """What ``spread_words`` found: the words' lone lines, the glyphs glued to cells' lines found
    and cut, and the glyphs found nowhere apart ((word, page, glyph): noted, left in place)."""

    places: dict[str, set[tuple[int, int]]]
    glued: list[GluedGlyph]
    unfound: list[tuple[str, int, str]]


def spread_words(pages: list[list[str]]) -> Spread:
    """The watermark words of ``WATERMARK_WORDS`` printed a glyph a line in a text's ``pages``
    (lists of lines), with the (page, line) of each lone glyph, and the glyphs glued to a cell's
    line found on the pages that miss one (see the module notes).  Empty when none."""
    found: dict[str, set[tuple[int, int]]] = {}
    glued: dict[str, list[GluedGlyph]] = {}
    unfound: dict[str, list[tuple[str, int, str]]] = {}
    spread_on: Counter[str] = Counter()
    for n, page in enumerate(_printed_pages(pages)):
        rank = {at: r for r, at in enumerate(page)}
        lone_lines = _lone_lines(pages, page)
        for word in WATERMARK_WORDS:
            glyphs = word.upper()
            if len(glyphs) < 2 or len(set(glyphs)) != len(glyphs):
                continue
            pieces = _pieces(lone_lines, glyphs)
            least = len(glyphs) if len(glyphs) < MIN_GLUED_WORD else len(glyphs) - 1
            if len(pieces) < least or any(len(at) > 1 for at in pieces.values()):
                continue
            lone = {g: at[0] for g, at in pieces.items()}
            placed = sorted(lone, key=lambda g: (rank[lone[g]], _key(pages[lone[g][0]][lone[g][1]]).find(g)))
            at = [glyphs.index(g) for g in placed]
            if len(lone) < len(glyphs) and at not in (sorted(at), sorted(at, reverse=True)):
                continue
            order = glyphs if at == sorted(at) else glyphs[::-1]
            for g in (g for g in glyphs if g not in lone):
                cut = _missing_glyph(pages, page, order, lone, g)
                if cut is None:
                    unfound.setdefault(word, []).append((word, n + 1, g))
                else:
                    glued.setdefault(word, []).append(replace(cut, word=word))
            found.setdefault(word, set()).update(lone.values())
            spread_on[word] += 1
    keep = {w for w in found if len(w) >= MIN_GLYPHS or spread_on[w] >= MIN_PAGES_SHORT}
    return Spread(
        {w: places for w, places in found.items() if w in keep},
        [c for w in keep for c in glued.get(w, [])],
        [u for w in keep for u in unfound.get(w, [])],
    )
