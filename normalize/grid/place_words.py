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

The same holds for any extra column ruled between two field columns (branch extracols62: a 区分,
番号 or 担当課 column between 変更後 and 提出時期, read into 変更後 by the six-column reader): its
label is one of ``vocabulary.EXTRA_COLUMN_ROLES`` and stands alone between the two labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from piatable.models import PageWords, Word
from piatable.vocabulary import LABEL_VARIANTS, LABELS, PAGE_REF, extra_column_role

from ..chars import without_whitespace
from .labels import Header
from .lines import Line

# The note's quoted texts (the first few).
NOTE_TEXTS = 6
# A column of a label of no known wording is a place column when its cells hold at least this
# many page references and nothing else (``_cells_all_references``).
MIN_CELL_REFS = 2
# ``role``: what the column holds (``vocabulary.EXTRA_COLUMN_ROLES``: place, kind, number …).
# ``where``: between the two field labels beside it (``between 項目 and 変更前の記載``: what
# ``place_column.prints_places`` looks for).
NOTE = "a ruled {role} column ({label}) {where}: {n} lines set aside, not a field ({texts})"
# (label, left wall, right wall, where: ``between 変更後の記載 and 提出時期``) of a ruled extra column.
ExtraSpan = tuple[str, float, float, str]


def place_column_span(
    header: Header | None, lines: Sequence[Line], vxs: Sequence[float], hy: float
) -> ExtraSpan | None:
    """(label, left wall, right wall, where) of a ruled extra column (a label of
    ``vocabulary.EXTRA_COLUMN_ROLES``: 変更箇所, 区分, 番号, 担当課 …) between two field columns
    next to one another in ``header``'s label row, or None (no such label, or no ruling either
    side of it)."""
    if header is None:
        return None
    spans = sorted(header.labels.items(), key=lambda kv: kv[1])
    for (a, (_, lo)), (b, (hi, _)) in pairwise(spans):
        if span := _span_between(header, lines, vxs, hy, lo, hi):
            return (*span, f"between {LABELS[a]} and {LABELS[b]}")
    # A label row read poorly (a blurred scan: 変更前 / 変更後 not found, the place label read as
    # ``ーー＼具７``): a ruled column whose cells are all page references is one whatever its label
    # reads (set XXV s07_t03_blur, branch place64).
    walls = sorted(set(vxs))
    for left, right in pairwise(walls):
        if right - left >= hy and _cells_all_references(header, lines, left, right):
            label = _band_text(header, lines, hy, left, right)
            return label, left, right, _where(spans, left, right)
    return None


def _band_text(header: Header, lines: Sequence[Line], hy: float, left: float, right: float) -> str:
    """The label row's text between ``left`` and ``right`` (points), line by line, no spaces."""
    return without_whitespace(
        "".join(
            w.text
            for ln in sorted(lines, key=lambda ln: ln.mid)
            if header.top - hy / 2 <= ln.mid <= header.bottom + hy / 2
            for w in sorted(ln.words, key=lambda w: w.x0)
            if left <= (w.x0 + w.x1) / 2 <= right
        )
    )


def _where(spans: list[tuple[int, tuple[float, float]]], left: float, right: float) -> str:
    """Where the column between ``left`` and ``right`` stands among the found labels ``spans``
    (column index → label extent, left to right): ``between 項目 and 変更前の記載``, ``after …``,
    ``before …``, or ``among the fields`` when no label was found either side."""
    before = [a for a, (_, x1) in spans if x1 <= right]
    after = [b for b, (x0, _) in spans if x0 >= left]
    if before and after:
        return f"between {LABELS[before[-1]]} and {LABELS[after[0]]}"
    if before:
        return f"after {LABELS[before[-1]]}"
    return f"before {LABELS[after[0]]}" if after else "among the fields"


def _span_between(
    header: Header, lines: Sequence[Line], vxs: Sequence[float], hy: float, lo: float, hi: float
) -> tuple[str, float, float] | None:
    band = [
        w
        for ln in sorted(lines, key=lambda ln: ln.mid)
        if header.top - hy / 2 <= ln.mid <= header.bottom + hy / 2
        for w in sorted(ln.words, key=lambda w: w.x0)
        if lo <= (w.x0 + w.x1) / 2 <= hi and w.text.strip()
    ]
    if not band:
        return None
    # Line by line, each left to right: a bracket's box stands higher than the glyph it encloses
    # (``（頁）`` of Chromium's ``変更箇所（頁）``, set XXV t03), so the words' tops do not order it.
    text = without_whitespace("".join(w.text for w in band))
    if not extra_column_role(text) and (wrapped := _wrapped_label(header, lines, hy, lo, hi, text)):
        band, text = wrapped
    if text in LABELS or text in LABEL_VARIANTS or extra_column_role(text) == "item_part":
        return None  # (大項目 / 中項目: the 項目 column's own, normalize/grid/sub_columns.py)
    x0, x1 = min(w.x0 for w in band), max(w.x1 for w in band)
    left = [x for x in vxs if lo - hy <= x <= x0]
    right = [x for x in vxs if x1 <= x <= hi + hy]
    if not left or not right:
        return None
    if not extra_column_role(text) and not _cells_all_references(header, lines, max(left), min(right)):
        return None
    return text, max(left), min(right)


def _wrapped_label(
    header: Header, lines: Sequence[Line], hy: float, lo: float, hi: float, text: str
) -> tuple[list[Word], str] | None:
    """The words and text of an extra column's label wrapped in its narrow cell onto a line just
    below the label row's band (``評価`` / ``書頁`` of a two-row label block: Writer prints the
    table's first row right under it, set XXVIII t10's kind, branch extracol67): ``text`` and the
    next line's words between ``lo`` and ``hi`` when together they make an extra label; None."""
    below = [
        ln
        for ln in sorted(lines, key=lambda ln: ln.mid)
        if header.bottom + hy / 2 < ln.mid <= header.bottom + 1.5 * hy
    ]
    for ln in below[:1]:
        words = [
            w
            for w in sorted(ln.words, key=lambda w: w.x0)
            if lo <= (w.x0 + w.x1) / 2 <= hi and w.text.strip()
        ]
        joined = text + without_whitespace("".join(w.text for w in words))
        if words and extra_column_role(joined):
            band = [
                w
                for ln2 in lines
                if header.top - hy / 2 <= ln2.mid <= header.bottom + hy / 2
                for w in ln2.words
                if lo <= (w.x0 + w.x1) / 2 <= hi and w.text.strip()
            ]
            return band + words, joined
    return None


def _cells_all_references(header: Header, lines: Sequence[Line], left: float, right: float) -> bool:
    """Whether the column between the walls ``left`` and ``right`` (points) holds, under the
    label row, only page references (``vocabulary.PAGE_REF``: ``3頁``, ``p.3``, ``3-4頁``), one a
    line, at least ``MIN_CELL_REFS`` of them: a place column whatever its label's words (branch
    place64: a label of no known wording)."""
    texts = [
        "".join(w.text for w in sorted(inside, key=lambda w: w.x0))
        for ln in lines
        if ln.top > header.bottom
        if (inside := [w for w in ln.words if left <= (w.x0 + w.x1) / 2 <= right and w.text.strip()])
    ]
    return len(texts) >= MIN_CELL_REFS and all(PAGE_REF.match(t) for t in texts)


def walls_ruled(span: ExtraSpan, vxs: Sequence[float], hx: float) -> bool:
    """Whether vertical rulings at ``vxs`` stand at both walls of ``span`` (within half an em
    ``hx``): a page without a label row ruled as the page that named the column."""
    _, left, right, _ = span
    return any(abs(x - left) <= hx / 2 for x in vxs) and any(abs(x - right) <= hx / 2 for x in vxs)


def without_place_words(
    page: PageWords, span: ExtraSpan, top: float = float("-inf")
) -> tuple[PageWords, str]:
    """``page`` without the words whose centre lies inside the place column ``span`` (its label
    and cells) and below ``top`` (points: the label row's top; the page's title above it is no
    cell of the column, branch place64), and the note naming them."""
    label, left, right, where = span

    def inside_span(w: Word) -> bool:
        return left < (w.x0 + w.x1) / 2 < right and (w.top + w.bottom) / 2 >= top

    inside = [w for w in page.words if inside_span(w)]
    kept = [w for w in page.words if not inside_span(w)]
    lines: dict[int, list] = {}
    for w in sorted(inside, key=lambda w: w.x0):  # one text a printed line (PDF words are characters)
        lines.setdefault(round((w.top + w.bottom) / 2), []).append(w.text)
    texts = [t for _, ws in sorted(lines.items()) if (t := "".join(ws).strip()) and t != label]
    quoted = " ".join(texts[:NOTE_TEXTS]) + (" …" if len(texts) > NOTE_TEXTS else "")
    # A label of no known wording: told by its cells, all page references (``_span_between``).
    role = extra_column_role(label) or "place"
    # A page column between 項目 and 変更前 (``評価書の頁``) is a place column: where each change stands.
    role = "place" if role == "page" and where.startswith(f"between {LABELS[1]} ") else role
    note = NOTE.format(role=role, label=label, where=where, n=len(texts), texts=quoted)
    return replace(page, words=kept), note
