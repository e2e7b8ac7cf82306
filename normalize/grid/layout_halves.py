"""A ``pdftotext -layout``-like text of a table printed in side-by-side blocks (a page in columns),
its lines split into one stream per block (branch halves67).

A table that runs on in the right half of the same page (``side_halves``: Writer's A3 sheet in
two text columns, set XXVIII t03) comes out of the layout-keeping extractors (``pdftotext
-layout``, pdfplumber's and pypdf's layout, PyMuPDF ``sort=True``) as lines that hold a row of
the left block and, further right, a row of the right one; read as one table, 0–2 of t03's 15
rows were right and 4 lost.  Such text keeps no gutter of blank columns (each line's right part
is set a few characters left or right, by what stands left of it), but its label row prints the
labels twice on one line.

A page is read as blocks when one of its lines holds the labels of ``MIN_REPEATED_LABELS`` or
more columns two (or more) times: each further 変更日 label opens a block.  A block's words are
those starting at or right of the middle between that 変更日 and the label word left of it;
each block after the first is moved left onto the first's place (its 変更日 onto the first's).
The blocks become pages of the same number, left first: the reading order of the columns.

Where a block starts is told in the extractor's own columns.  ``pdftotext -layout``, pdfplumber's
and pypdf's layouts set a piece of text at the column its x gives counting each character as one
column, full-width or not; the words here stand at display columns (full-width two).  On a line
whose left block holds kanji, the right block's pieces stand right of where they stand on a line
whose left block is empty (set XXXIII w06: the right block's 変更日 at display column 76 under an
empty left row, 113 beside a full one; read at display columns, its item lines went to the left
block's 説明).  When the page's words line up better counted in characters (``_counts_characters``:
more words start at a column another line's word starts at), blocks are cut there and each
line of a block after the first set out anew from the block's start, as the extractor would
have printed that block alone.

Shapes: ``PageWords`` of unit ``cell`` (x in display columns, top a line index) in and out.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from piatable.models import PageWords, Word

from ..chars import display_width, without_whitespace

# The labels looked for (whitespace removed; a label row may print them with spaces).
LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "説明")
# The label rows of the blocks stand within this many lines of the first 変更日 (a title line
# above one block's label row sets them a line or two apart) ...
HEADER_BAND_LINES = 3
# ... and the table's labels print twice when this many of them print two or more times there.
MIN_REPEATED_LABELS = 3
# A word starting within this many (character-counted) columns of a block's start could belong
# to either block.
TORN_COLUMNS = 2
GUESS = "a line of side-by-side table blocks split between the blocks by where its parts start"
HALVES_NOTE = (
    "page {page}: the table is printed in {n} side-by-side blocks (a page in columns), their "
    "lines side by side in the text: each line split between the blocks, read left block first"
)


def _key(w: Word) -> str | None:
    text = without_whitespace(w.text)
    return next((k for k in LABEL_KEYS if k in text), None)


def _opens_with_date_label(w: Word) -> bool:
    """The word is the 変更日 label, or opens with it before a space (``変更日 項目``: a narrow
    date column's label one space from the next label)."""
    return bool(w.text.split()) and w.text.split()[0] == LABEL_KEYS[0]


def block_starts(page: PageWords) -> list[float]:
    """The x where each block after the first starts on ``page`` (the middle between its
    変更日 label and the label word left of it in the label band), left to right; empty for
    one block."""
    labelled = sorted(((w, k) for w in page.words if (k := _key(w))), key=lambda p: (p[0].top, p[0].x0))
    heads = [w for w, _ in labelled if _opens_with_date_label(w)]
    if len(heads) < 2:
        return []
    top = heads[0].top
    band = [(w, k) for w, k in labelled if top - HEADER_BAND_LINES <= w.top <= top + HEADER_BAND_LINES]
    heads = sorted((w for w in heads if abs(w.top - top) <= HEADER_BAND_LINES), key=lambda w: w.x0)
    counts: dict[str, int] = defaultdict(int)
    for _, k in band:
        counts[k] += 1
    if len(heads) < 2 or sum(1 for n in counts.values() if n >= 2) < MIN_REPEATED_LABELS:
        return []
    if heads[0].x0 > min(w.x0 for w, _ in band):
        return []  # a label left of the first 変更日: the table's own columns, not a second block
    starts = []
    for h in heads[1:]:
        left = [w.x0 for w, _ in band if w.x0 < h.x0 - 1]
        starts.append((max(left) + h.x0) / 2 if left else h.x0)
    return starts


def _lines(words: list[Word]) -> list[list[Word]]:
    by_line: dict[float, list[Word]] = defaultdict(list)
    for w in words:
        by_line[w.top].append(w)
    return [sorted(ws, key=lambda w: w.x0) for _, ws in sorted(by_line.items())]


def _in_characters(words: list[Word]) -> list[tuple[Word, Word]]:
    """Each of ``words`` at the columns counted in characters (each full-width character one
    column, not two: its display column less what the full-width characters left of it on its
    line add), with the word itself."""
    out = []
    for line in _lines(words):
        extra = 0
        for w in line:
            out.append((dataclasses.replace(w, x0=w.x0 - extra, x1=w.x0 - extra + len(w.text)), w))
            extra += display_width(w.text) - len(w.text)
    return out


def _aligned(words: list[Word]) -> int:
    """How many ``words`` start at a column a word of another line starts at."""
    lines_at: dict[float, set[float]] = defaultdict(set)
    for w in words:
        lines_at[w.x0].add(w.top)
    return sum(1 for w in words if len(lines_at[w.x0]) > 1)


def _counts_characters(page: PageWords) -> tuple[PageWords, dict[int, Word]] | None:
    """``page`` with its words at character-counted columns when they line up better so (and
    each counted word's display-column original by ``id``), else None."""
    pairs = _in_characters(page.words)
    counted = [c for c, _ in pairs]
    if _aligned(counted) <= _aligned(page.words):
        return None
    return dataclasses.replace(page, words=counted), {id(c): w for c, w in pairs}


def _set_out(line: list[Word], start: float) -> list[Word]:
    """A block's words of one line (at character-counted columns, left to right) at display
    columns as the line would print from ``start`` alone: the spaces before each word kept, the
    words before it as wide as they display."""
    out: list[Word] = []
    for w in line:
        gap = w.x0 - (line[len(out) - 1].x1 if out else start)
        x0 = (out[-1].x1 if out else 0.0) + max(gap, 1.0 if out else 0.0)
        out.append(dataclasses.replace(w, x0=x0, x1=x0 + display_width(w.text)))
    return out


def _split_counted(page: PageWords, originals: dict[int, Word], starts: list[float]) -> list[PageWords]:
    """``page`` (words at character-counted columns) cut at ``starts`` into one page per block,
    each block after the first set out from its start (``_set_out``); the first block's words
    are their ``originals`` (display columns: they open their lines)."""
    edges = [float("-inf"), *starts, float("inf")]
    blocks: list[list[Word]] = [[] for _ in starts] + [[]]
    for line in _lines(page.words):
        for k in range(len(edges) - 1):
            own = [w for w in line if edges[k] <= w.x0 < edges[k + 1]]
            blocks[k].extend(_set_out(own, edges[k]) if k else [originals[id(w)] for w in own])
    # Each block's 変更日 label moved onto the first block's.
    heads = [min((w.x0 for w in words if _opens_with_date_label(w)), default=None) for words in blocks]
    for k in range(1, len(blocks)):
        dx = (heads[k] - heads[0]) if heads[k] is not None and heads[0] is not None else 0.0
        blocks[k] = [dataclasses.replace(w, x0=w.x0 - dx, x1=w.x1 - dx) for w in blocks[k]]
    # A word starting by a block's start could be either block's: every row a guess then.
    torn = any(abs(w.x0 - s) <= TORN_COLUMNS for w in page.words for s in starts)
    return [
        dataclasses.replace(
            page,
            words=[dataclasses.replace(w, guess=GUESS) for w in words] if torn else words,
            notes=list(page.notes) if k == 0 else [],
            unread=page.unread if k == 0 else 0,
        )
        for k, words in enumerate(blocks)
    ]


def split_layout_halves(pages: list[PageWords]) -> tuple[list[PageWords], list[str]]:
    """``pages`` with each page whose lines hold side-by-side table blocks cut into one page per
    block (same page number, left first, moved onto the first block's place), and a note per
    page cut.  Other pages are returned as they are."""
    out: list[PageWords] = []
    notes: list[str] = []
    for page in pages:
        starts = block_starts(page) if page.unit == "cell" else []
        if not starts:
            out.append(page)
            continue
        counted = _counts_characters(page)
        counted_starts = block_starts(counted[0]) if counted is not None else []
        if counted is not None and len(counted_starts) == len(starts):
            out.extend(_split_counted(*counted, counted_starts))
            notes.append(HALVES_NOTE.format(page=page.page, n=len(starts) + 1))
            continue
        edges = [float("-inf"), *starts, float("inf")]
        firsts = sorted(w.x0 for w in page.words if _opens_with_date_label(w))
        base = firsts[0] if firsts else 0.0
        for k in range(len(edges) - 1):
            lo, hi = edges[k], edges[k + 1]
            own = [w for w in page.words if lo <= w.x0 < hi]
            here = [x for x in firsts if lo <= x < hi]
            dx = (here[0] - base) if k and here else (lo if k else 0.0)
            # Each line's part is given to a block by where it starts: a guess (column_guess).
            words = [dataclasses.replace(w, x0=w.x0 - dx, x1=w.x1 - dx, guess=GUESS) for w in own]
            out.append(
                dataclasses.replace(
                    page,
                    words=words,
                    notes=list(page.notes) if k == 0 else [],
                    unread=page.unread if k == 0 else 0,
                )
            )
        notes.append(HALVES_NOTE.format(page=page.page, n=len(starts) + 1))
    return out, notes
