"""Ink of a scanned table that no cell of its ruled grid reads: counted, so that it is never lost
in silence.

Cells are read one by one (``strips.table_cells``), so text outside every cell is never shown to
tesseract.  That happens when the grid is wrong: a "ruling" that is really text (brackets
stacked in tight lines chain into a short vertical stroke) turns a whole column into cells of a
few lines' height, and the column's other cells vanish (a Writer scan lost every 変更後 cell of
a page but one, with status success).  Whatever the cause, the ink inside the table's outer
rulings that lies in no cell is counted in character-sized pieces; the pipeline notes it,
flags the page's rows ``unplaced_text`` and makes the input ``partial``.
"""

from __future__ import annotations

from typing import Protocol

import cv2
import numpy as np

Box = tuple[int, int, int, int]


class _Cell(Protocol):
    x0: int
    top: int
    x1: int
    bottom: int


def table_box(vertical: list[Box], share: float) -> Box | None:
    """(left, top, right, bottom) of the table in pixels: from the vertical rulings at least
    ``share`` as long as the longest (a column border runs the table's height); None without."""
    if not vertical:
        return None
    longest = max(v[3] - v[1] for v in vertical)
    long = [v for v in vertical if v[3] - v[1] >= share * longest]
    return min(v[0] for v in long), min(v[1] for v in long), max(v[2] for v in long), max(v[3] for v in long)


def ink_outside_cells(
    text_ink: np.ndarray,
    cells: list[_Cell],
    vertical: list[Box],
    glyph: float,
    share: float,
    min_piece_em: float,
) -> int:
    """How many pieces of ink (connected components at least ``min_piece_em`` glyph heights
    tall or wide: about one per character) inside the table's box, between its first and last
    rows of cells, lie wholly outside every cell.  ``text_ink``: 255 where ink, the rulings
    erased (H × W, uint8); cells and rulings in the same pixels.  0 when there is no table box
    or no cell (the page is read whole)."""
    box = table_box(vertical, share)
    if box is None or not cells:
        return 0
    left, top, right, bottom = box
    # Only between the grid's first and last rows of cells: a title or a note printed in a
    # bordered row across the whole table (no column rulings in it) is no cell of the table.
    top, bottom = max(top, min(c.top for c in cells)), min(bottom, max(c.bottom for c in cells))
    outside = np.zeros(text_ink.shape, dtype=bool)
    outside[top:bottom, left:right] = True
    for c in cells:
        outside[c.top : c.bottom, c.x0 : c.x1] = False
    return ink_pieces(np.where(outside, text_ink, 0).astype(np.uint8), glyph, min_piece_em)


def ink_pieces(ink: np.ndarray, glyph: float, min_piece_em: float) -> int:
    """Connected pieces of ``ink`` (255 where ink) at least ``min_piece_em`` glyph heights tall or
    wide: about one per character."""
    if not ink.any():
        return 0
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    size = min_piece_em * glyph
    big = (stats[1:, cv2.CC_STAT_HEIGHT] >= size) | (stats[1:, cv2.CC_STAT_WIDTH] >= size)
    return int(big.sum())
