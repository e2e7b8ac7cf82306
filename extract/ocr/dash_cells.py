"""A cell that prints one dash (－, the forms' "nothing here"), which tesseract is never given.

A cell's text lines are runs of inked rows at least ``min_line_em`` glyph high
(``strips._line_groups``), so the ink of a lone dash, a stroke a tenth of a glyph high, makes no
line: the cell is not read and comes out empty (set IX: 3 of 40 scanned rows print ``－`` in
their before cell; each read empty).  A cell with no word read whose ink is one horizontal
stroke (``DASH_HEIGHT_EM`` high at most, ``DASH_WIDTH_EM`` wide) standing in the cell's first
line is written ``－``.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from .engine import TsvWord

# A dash's ink (glyphs): at most this high, and this wide (a full-width － is about 0.9 em wide
# with its bearings; a half-width - 0.4); a speck is narrower, an underline wider.
DASH_HEIGHT_EM = 0.2
DASH_WIDTH_EM = (0.3, 1.2)
# The dash stands within this many glyphs of the cell's top (it is the cell's first line).
DASH_TOP_EM = 2.0
# A tesseract line number no read of the page uses.
_DASH_BLOCK = 9000


class _Box(Protocol):
    x0: int
    top: int
    x1: int
    bottom: int


def dash_words(
    ink: np.ndarray, cells: list[_Box], words: list[TsvWord], glyph: float, pad: int
) -> list[TsvWord]:
    """A ``－`` word for each cell with no word read whose ink (``pad`` pixels inside its borders)
    is one dash (module notes)."""
    out: list[TsvWord] = []
    for index, c in enumerate(cells):
        x0, x1, t, b = c.x0 + pad, c.x1 - pad, c.top + pad, c.bottom - pad
        if x1 - x0 < 4 or b - t < 4:
            continue
        if any(x0 <= w.left + w.width / 2 <= x1 and t <= w.top + w.height / 2 <= b for w in words):
            continue
        sub = ink[t:b, x0:x1]
        rows = np.nonzero(sub.any(axis=1))[0]
        cols = np.nonzero(sub.any(axis=0))[0]
        if not len(rows):
            continue
        height, width = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
        solid = sub[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1].any(axis=0).all()
        if (
            solid
            and height <= DASH_HEIGHT_EM * glyph
            and DASH_WIDTH_EM[0] * glyph <= width <= DASH_WIDTH_EM[1] * glyph
            and rows[0] <= DASH_TOP_EM * glyph
        ):
            # The box of a full-width character round the stroke: a glyph high, centred on it.
            middle = t + (rows[0] + rows[-1]) / 2
            left, top, size = int(x0 + cols[0]), int(middle - glyph / 2), max(int(glyph), 1)
            line = (_DASH_BLOCK + index, 1, 1)
            out.append(TsvWord("－", left, top, max(int(width), size), size, 90.0, line, 1))
    return out
