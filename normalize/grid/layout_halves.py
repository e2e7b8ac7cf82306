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
those starting at or right of the blank column between that 変更日 and the label piece left of it
(``_blank_column``: two tables with no gap print a left explanation one space from a right date,
``…変更は 平３０．２．２``, set XXXIV w05; such a word is cut at that space, ``_parted``);
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
from itertools import pairwise

from piatable.models import PageWords, Word
from piatable.vocabulary import LABEL_VARIANTS, LABELS

from ..chars import display_width, without_whitespace

# The labels looked for (whitespace removed; a label row may print them with spaces).
LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "説明")
# The label rows of the blocks stand within this many lines of the first 変更日 (a title line
# above one block's label row sets them a line or two apart) ...
HEADER_BAND_LINES = 3
# ... and the table's labels print twice when this many of them print two or more times there.
MIN_REPEATED_LABELS = 3
# Every wording of a column label (a label word is made of pieces of these).
LABEL_WORDINGS = (*LABELS, *LABEL_VARIANTS)
# A word run across a block's start is cut at a space within this many columns of it (the
# extractor glued a left cell's last piece to the right block's first by one space).
TORN_COLUMNS = 2
GUESS = "a line of side-by-side table blocks split between the blocks by where its parts start"
HALVES_NOTE = (
    "page {page}: the table is printed in {n} side-by-side blocks (a page in columns), their "
    "lines side by side in the text: each line split between the blocks, read left block first"
)


def _key(w: Word) -> str | None:
    text = without_whitespace(w.text)
    return next((k for k in LABEL_KEYS if k in text), None)


def _is_label_word(w: Word) -> bool:
    """Every piece of the word is a column label or a piece of one (a caption above the label
    row, ``（別添２）変更箇所 … 基礎項目評価書``, holds 項目 but is no label)."""
    pieces = w.text.split()
    return bool(pieces) and all(any(p in label for label in LABEL_WORDINGS) for p in pieces)


def _opens_with_date_label(w: Word) -> bool:
    """The word is the 変更日 label, or opens with it before a space (``変更日 項目``: a narrow
    date column's label one space from the next label)."""
    return bool(w.text.split()) and w.text.split()[0] == LABEL_KEYS[0]


def block_starts(page: PageWords) -> tuple[list[float], bool]:
    """The x where each block after the first starts on ``page`` (``_blank_column`` between its
    変更日 label and the label word left of it in the label band), left to right, empty for one
    block; and whether each start is sure (one run of least-printed columns, printed on no line)."""
    found = ((w, k) for w in page.words if (k := _key(w)) and _is_label_word(w))
    labelled = sorted(found, key=lambda p: (p[0].top, p[0].x0))
    heads = [w for w, _ in labelled if _opens_with_date_label(w)]
    if len(heads) < 2:
        return [], True
    top = heads[0].top
    band = [(w, k) for w, k in labelled if top - HEADER_BAND_LINES <= w.top <= top + HEADER_BAND_LINES]
    heads = sorted((w for w in heads if abs(w.top - top) <= HEADER_BAND_LINES), key=lambda w: w.x0)
    counts: dict[str, int] = defaultdict(int)
    for _, k in band:
        counts[k] += 1
    if len(heads) < 2 or sum(1 for n in counts.values() if n >= 2) < MIN_REPEATED_LABELS:
        return [], True
    if heads[0].x0 > min(w.x0 for w, _ in band):
        return [], True  # a label left of the first 変更日: the table's own columns, not a second block
    starts = []
    sure = True
    # Where each label piece of the band starts (a label row glues two labels by one space).
    pieces = [float(c) for w, _ in band for c, ch, first in _piece_starts(w) if first]
    for h in heads[1:]:
        left = [x for x in pieces if x < h.x0 - 1]
        x, clear = _blank_column(page.words, max(left), h.x0) if left else (h.x0, False)
        starts.append(x)
        sure = sure and clear
    return starts, sure


def _blank_column(words: list[Word], lo: float, hi: float) -> tuple[float, bool]:
    """Where a block starts between the label left of its 変更日 (``lo``) and that 変更日 (``hi``):
    the column there that the fewest lines print a character in (a space of a line whose cells
    are glued, ``…変更は 平３０．２．２``, is blank), the right end of the nearest such run to ``hi``
    (the block's own dates stand a column or two left of its label); the middle between the
    two labels when no line prints there.  Sure when no line prints in that run and it is the
    only run of blank columns there (a word standing between two blank runs, ``説明 … ＡＢ … 変更日``,
    could be either block's)."""
    inked: dict[int, int] = defaultdict(int)
    for w in words:
        if w.x1 <= lo or w.x0 >= hi + 1:
            continue
        counted = _counted(w)
        for col, ch in _columns_of(w):
            for c in range(col, col + (1 if counted else display_width(ch))):
                if lo < c <= hi + 1 and not ch.isspace():
                    inked[c] += 1
    if not inked:
        return (lo + hi) / 2, True
    cols = range(int(lo) + 1, int(hi) + 2)
    least = min(inked.get(c, 0) for c in cols)
    blank = [c for c in cols if inked.get(c, 0) == least]
    runs = 1 + sum(1 for a, b in pairwise(blank) if b > a + 1)
    return float(blank[-1]), least == 0 and runs == 1


def _counted(w: Word) -> bool:
    """The word stands at character-counted columns (``_in_characters``: its span its length)."""
    return w.x1 - w.x0 == len(w.text) != display_width(w.text)


def _columns_of(w: Word) -> list[tuple[int, str]]:
    """Each character of ``w`` with the column it starts at (display columns, full-width two,
    or character-counted when the word's span is its length)."""
    counted = _counted(w)
    out = []
    x = w.x0
    for ch in w.text:
        out.append((int(x), ch))
        x += 1 if counted else display_width(ch)
    return out


def _piece_starts(w: Word) -> list[tuple[int, str, bool]]:
    """Each character of ``w`` with its column and whether it opens a space-separated piece."""
    out = []
    before = " "
    for col, ch in _columns_of(w):
        out.append((col, ch, before.isspace() and not ch.isspace()))
        before = ch
    return out


def _parted(words: list[Word], starts: list[float]) -> tuple[list[Word], dict[int, Word], bool]:
    """``words`` with each word that runs across a block's start (a left block's explanation
    glued by one space to the right block's date: ``…変更は 平３０．２．２ Ⅴ開示…``) cut at the
    space nearest that start (within ``TORN_COLUMNS``); the left piece of each cut word by
    ``id`` with the word it came from; and whether a word runs across a start with no space
    near it (which block holds it is a guess)."""
    out: list[Word] = []
    cut_from: dict[int, Word] = {}
    torn = False
    for w in words:
        pieces = [w]
        for s in starts:
            last = pieces[-1]
            if not last.x0 < s < last.x1:
                continue
            cols = _columns_of(last)
            spaces = [(abs(c - s), i) for i, (c, ch) in enumerate(cols) if ch.isspace()]
            spaces = [p for p in spaces if p[0] <= TORN_COLUMNS]
            if not spaces:
                torn = True
                continue
            i = min(spaces)[1]
            left, rest = last.text[:i].rstrip(), last.text[i:].lstrip()
            skip = len(last.text) - i - len(rest)
            if not left or not rest:
                continue
            x_rest = max(float(cols[i + skip][0]), s)  # (in the block the cut opens)
            width = len if _counted(last) else display_width
            head = dataclasses.replace(last, text=left, x1=last.x0 + width(left))
            pieces[-1:] = [head, dataclasses.replace(last, text=rest, x0=x_rest, x1=x_rest + width(rest))]
            cut_from[id(head)] = w
        out.extend(pieces)
    return out, cut_from, torn


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


def _split_counted(
    page: PageWords, originals: dict[int, Word], starts: list[float], sure: bool
) -> list[PageWords]:
    """``page`` (words at character-counted columns) cut at ``starts`` into one page per block,
    each block after the first set out from its start (``_set_out``); the first block's words
    are their ``originals`` (display columns: they open their lines).  A word run across a start
    is cut there (``_parted``); every word is a guess unless the starts are ``sure`` and every
    word that ran across one was cut at a space."""
    words, cut_from, torn = _parted(page.words, starts)
    for head_id, whole in cut_from.items():
        head = next(w for w in words if id(w) == head_id)
        orig = originals[id(whole)]
        originals[head_id] = dataclasses.replace(orig, text=head.text, x1=orig.x0 + display_width(head.text))
    edges = [float("-inf"), *starts, float("inf")]
    blocks: list[list[Word]] = [[] for _ in starts] + [[]]
    for line in _lines(words):
        for k in range(len(edges) - 1):
            own = [w for w in line if edges[k] <= w.x0 < edges[k + 1]]
            blocks[k].extend(_set_out(own, edges[k]) if k else [originals[id(w)] for w in own])
    # Each block's 変更日 label moved onto the first block's.
    heads = [min((w.x0 for w in words if _opens_with_date_label(w)), default=None) for words in blocks]
    for k in range(1, len(blocks)):
        dx = (heads[k] - heads[0]) if heads[k] is not None and heads[0] is not None else 0.0
        blocks[k] = [dataclasses.replace(w, x0=w.x0 - dx, x1=w.x1 - dx) for w in blocks[k]]
    torn = torn or not sure
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
        starts, sure = block_starts(page) if page.unit == "cell" else ([], True)
        if not starts:
            out.append(page)
            continue
        counted = _counts_characters(page)
        counted_starts, counted_sure = block_starts(counted[0]) if counted is not None else ([], True)
        if counted is not None and len(counted_starts) == len(starts):
            out.extend(_split_counted(*counted, counted_starts, counted_sure))
            notes.append(HALVES_NOTE.format(page=page.page, n=len(starts) + 1))
            continue
        words, _, torn = _parted(page.words, starts)
        edges = [float("-inf"), *starts, float("inf")]
        firsts = sorted(w.x0 for w in words if _opens_with_date_label(w))
        base = firsts[0] if firsts else 0.0
        for k in range(len(edges) - 1):
            lo, hi = edges[k], edges[k + 1]
            own = [w for w in words if lo <= w.x0 < hi]
            here = [x for x in firsts if lo <= x < hi]
            dx = (here[0] - base) if k and here else (lo if k else 0.0)
            # Each line's part is given to a block by where it starts: a guess (column_guess)
            # unless a blank column parts the blocks on every line.
            guess = GUESS if torn or not sure else None
            moved = [dataclasses.replace(w, x0=w.x0 - dx, x1=w.x1 - dx, guess=guess or w.guess) for w in own]
            out.append(
                dataclasses.replace(
                    page,
                    words=moved,
                    notes=list(page.notes) if k == 0 else [],
                    unread=page.unread if k == 0 else 0,
                )
            )
        notes.append(HALVES_NOTE.format(page=page.page, n=len(starts) + 1))
    return out, notes
