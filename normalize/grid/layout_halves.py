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

Shapes: ``PageWords`` of unit ``cell`` (x in display columns, top a line index) in and out.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from piatable.models import PageWords, Word

from ..chars import without_whitespace

# The labels looked for (whitespace removed; a label row may print them with spaces).
LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "説明")
# The label rows of the blocks stand within this many lines of the first 変更日 (a title line
# above one block's label row sets them a line or two apart) ...
HEADER_BAND_LINES = 3
# ... and the table's labels print twice when this many of them print two or more times there.
MIN_REPEATED_LABELS = 3
GUESS = "a line of side-by-side table blocks split between the blocks by where its parts start"
HALVES_NOTE = (
    "page {page}: the table is printed in {n} side-by-side blocks (a page in columns), their "
    "lines side by side in the text: each line split between the blocks, read left block first"
)


def _key(w: Word) -> str | None:
    text = without_whitespace(w.text)
    return next((k for k in LABEL_KEYS if k in text), None)


def block_starts(page: PageWords) -> list[float]:
    """The x where each block after the first starts on ``page`` (the middle between its
    変更日 label and the label word left of it in the label band), left to right; empty for
    one block."""
    labelled = sorted(((w, k) for w in page.words if (k := _key(w))), key=lambda p: (p[0].top, p[0].x0))
    heads = [w for w, k in labelled if k == LABEL_KEYS[0] and without_whitespace(w.text) == LABEL_KEYS[0]]
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
        edges = [float("-inf"), *starts, float("inf")]
        firsts = sorted(
            w.x0 for w in page.words if _key(w) == LABEL_KEYS[0] and without_whitespace(w.text) == "変更日"
        )
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
