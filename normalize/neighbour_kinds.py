"""Boxes of column-ordered text whose kind their neighbours in the extractor's order tell.

Two rules, run after ``columnar._kind`` and before the rows are built (``settle_by_neighbours``).

The after cell of an added row beside its before cell's bare mark: an added row of a
LibreOffice table prints ``新規追加`` alone in its before cell and the new text in its after
cell.  Plain ``pdftotext`` emits the two as boxes of their own next to each
other (the mark, short, at its cell's top, before or after the taller after cell: Calc,
office-plain50's p50-calc-v1; set XI's c4_midpage).  An after cell of a short list of names
(``国民健康保険情報ファイル`` / ``中間サーバー副本ファイル``) is as narrow as the explanation
column and is read as an explanation by its width (``columnar._kind``); beside the mark, and not
ending as an explanation ends (``columnar_checks.ends_as_reason``), it is the row's after cell.

A box right after an item box is that row's before cell, not an explanation read by width.

Column-ordered text (plain ``pdftotext``, pdfminer) of a Writer table of narrow columns emits
each row's cells left to right as far as they stay separate boxes: date, item, before cell,
then the after column (vertically adjacent cells merged into one box), then each row's timing
and explanation (set XI's w1_mincho9).  Where the before / after and explanation columns wrap at
about the same width, ``columnar._kind`` reads a wrapped before cell as an explanation by its
width alone; the box the extractor emitted right after an item box on its page is the before
cell of that item's row (an explanation follows its row's timing), unless it ends as an
explanation ends (``columnar_checks.ends_as_reason``) or with a stock sentence.  Used by
``columnar``; such rows are warned as column-ordered rows are (``row_doubts``).
"""

from __future__ import annotations

from itertools import pairwise

from .body_pairing import BARE_ADDITION_MARK
from .boxes import Box
from .columnar_checks import ends_as_reason
from .stock_explanations import ends_with_stock_sentence


def _is_mark(box: Box) -> bool:
    return len(box.lines) == 1 and bool(BARE_ADDITION_MARK.match(box.lines[0].text.strip()))


def afters_beside_marks(boxes: list[Box], kind_of: dict[int, str]) -> None:
    """Read as a before/after cell ("body") each box that ``kind_of`` (``id(box)`` → kind,
    updated in place) calls an explanation, that the extractor emitted right before or after a
    bare mark of an addition read as a body box, on its page, and whose last line does not end
    as an explanation ends.  The nearer box before the mark is tried first (a box after it
    may be the row's explanation itself)."""
    for k, b in enumerate(boxes):
        if kind_of.get(id(b)) != "body" or not _is_mark(b):
            continue
        for j in (k - 1, k + 1):
            if not 0 <= j < len(boxes):
                continue
            other = boxes[j]
            if kind_of.get(id(other)) != "explanation" or other.page != b.page:
                continue
            if not ends_as_reason("".join(cl.text.strip() for cl in other.lines)):
                kind_of[id(other)] = "body"
                break


def bodies_after_items(boxes: list[Box], kind_of: dict[int, str]) -> None:
    """Read as a before/after cell ("body") each box that ``kind_of`` (``id(box)`` → kind,
    updated in place) calls an explanation, that the extractor emitted right after an item box
    of its page, and that ends as no explanation ends."""
    for prev, b in pairwise(boxes):
        if kind_of.get(id(b)) != "explanation" or kind_of.get(id(prev)) != "item" or prev.page != b.page:
            continue
        if not (ends_with_stock_sentence(b) or ends_as_reason("".join(cl.text.strip() for cl in b.lines))):
            kind_of[id(b)] = "body"


def settle_by_neighbours(boxes: list[Box], kind_of: dict[int, str]) -> None:
    """Both rules of the module's doc, ``kind_of`` (``id(box)`` → kind) updated in place."""
    afters_beside_marks(boxes, kind_of)
    bodies_after_items(boxes, kind_of)
