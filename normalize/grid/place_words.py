"""A ruled place column (変更箇所 / 該当頁 / 頁・行) between 項目 and 変更前 on a PDF page: its words set
aside.

Some municipalities print, between the item and the text before the change, where in the
assessment the change stands (set XXII t02, Chromium: ``変更日 | 項目 | 変更箇所 | 変更前の記載 | …``,
cells ``3頁 5行``).  The six-column reader finds no field label over it and gives its words to the
item (``Ⅱ特定個人情報ファイル3頁 5行の概要``), warned only now and then.  ``place_column_span``
finds, in the label row, a place label (``place_column.PLACE_LABELS``) right of 項目's label and
left of 変更前's, and the vertical rulings either side of it (the column's cell walls, both
between the two labels); ``without_place_words`` takes the words whose centre lies between them
out of the page, and the note names them.  An unruled page keeps them (the column's bounds would
be a guess): the reader reads it as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from piatable.models import PageWords

from ..chars import without_whitespace
from ..place_column import PLACE_LABELS
from .labels import Header
from .lines import Line

# The note's quoted texts (the first few).
NOTE_TEXTS = 6
NOTE = "a ruled place column ({label}) between 項目 and 変更前: {n} lines set aside, not a field ({texts})"


def place_column_span(
    header: Header | None, lines: Sequence[Line], vxs: Sequence[float], hy: float
) -> tuple[str, float, float] | None:
    """(label, left wall, right wall) of a ruled place column between 項目's and 変更前's labels in
    ``header``'s label row, or None (no such label, or no ruling either side of it)."""
    if header is None or 1 not in header.labels or 2 not in header.labels:
        return None
    lo, hi = header.labels[1][1], header.labels[2][0]
    band = [
        w
        for ln in lines
        if header.top - hy / 2 <= ln.mid <= header.bottom + hy / 2
        for w in ln.words
        if lo <= (w.x0 + w.x1) / 2 <= hi and w.text.strip()
    ]
    if not band:
        return None
    text = without_whitespace("".join(w.text for w in sorted(band, key=lambda w: (w.top, w.x0))))
    if text not in PLACE_LABELS:
        return None
    x0, x1 = min(w.x0 for w in band), max(w.x1 for w in band)
    left = [x for x in vxs if lo - hy <= x <= x0]
    right = [x for x in vxs if x1 <= x <= hi + hy]
    if not left or not right:
        return None
    return text, max(left), min(right)


def without_place_words(page: PageWords, span: tuple[str, float, float]) -> tuple[PageWords, str]:
    """``page`` without the words whose centre lies inside the place column ``span`` (its label
    and cells), and the note naming them."""
    label, left, right = span
    inside = [w for w in page.words if left < (w.x0 + w.x1) / 2 < right]
    kept = [w for w in page.words if not left < (w.x0 + w.x1) / 2 < right]
    lines: dict[int, list] = {}
    for w in sorted(inside, key=lambda w: w.x0):  # one text a printed line (PDF words are characters)
        lines.setdefault(round((w.top + w.bottom) / 2), []).append(w.text)
    texts = [t for _, ws in sorted(lines.items()) if (t := "".join(ws).strip()) and t != label]
    quoted = " ".join(texts[:NOTE_TEXTS]) + (" …" if len(texts) > NOTE_TEXTS else "")
    return replace(page, words=kept), NOTE.format(label=label, n=len(texts), texts=quoted)
