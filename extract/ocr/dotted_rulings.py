"""Dotted, dashed and hairline rulings of a scanned table (issue 11).

Opened with a long kernel (``rulings.find_rulings``), a dotted line's dots leave nothing, so a
table ruled so inside (its frame and the label row's foot solid) was read as one row, or a few:
a Calc table of 9 rows scanned at 200 dpi gave 1.  Here the page's darkness is averaged along
each axis over ``SPAN_EM`` glyphs; a ruling is darker there than ``SIDE_EM`` glyphs to either
side by ``RESPONSE`` (of 255), where text, inked above and below, is not.  Pieces of that on one
line (within ``MERGE_EM``) are one ruling when together they cover ``COVER_H`` of the widest
solid horizontal ruling (merged date cells leave gaps), or ``COVER_V`` of the longest vertical
one (a column of dates stacks aligned strokes over a quarter of the table's height); a vertical
one must also run a glyph past an inner row ruling both ways (the left edges of a cell's lines,
Ⅱ / ５． / ① stacked, stay inside their row).  Text near a dotted line breaks its response, so a
row line is drawn across each column whose width its pieces cover ``COLUMN_SHARE`` of, and not
across the others (a merged cell it does not cross).
"""

from __future__ import annotations

import itertools

import cv2
import numpy as np

from .rulings import Rulings

SPAN_EM = 2.0
SIDE_EM = 0.25
RESPONSE = 20.0
MIN_PIECE_EM = 3.0
MERGE_EM = 0.3
COVER_H = 0.3
COVER_V = 0.5
COLUMN_SHARE = 0.2
LONGEST_PIECE_EM = 7.0
DENSE = 0.7
# Only a table whose solid vertical rulings are its frame (two, or three with a stray one) is
# looked at: a table ruled solid inside has its cells; text near its rulings would respond.
FRAME_ONLY = 3
# A frame this many glyphs tall at least: a cover's boxes of a few lines are left alone.
FRAME_MIN_EM = 10.0

# A piece of a line: (position across, start along, length, connected component).
Piece = tuple[float, int, int, int]


def _pieces(dark: np.ndarray, axis: int, glyph: float) -> tuple[list[list[Piece]], np.ndarray]:
    """The line pieces of one axis (0: horizontal) grouped by line, and the component labels."""
    span = max(int(SPAN_EM * glyph), 5)
    side = max(round(SIDE_EM * glyph), 2)
    smooth = cv2.blur(dark, (span, 1) if axis == 0 else (1, span))
    near = np.maximum(np.roll(smooth, side, axis=axis), np.roll(smooth, -side, axis=axis))
    mask = ((smooth - near) > RESPONSE).astype(np.uint8) * 255
    k = max(int(glyph), 3)
    mask = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)[:: 1 - 2 * axis])
    )
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[Piece] = []
    for c in range(1, n):
        x, y, w, h = (int(v) for v in stats[c, :4])
        if (w if axis == 0 else h) >= MIN_PIECE_EM * glyph:
            found.append(
                ((y + h / 2) if axis == 0 else (x + w / 2), x if axis == 0 else y, w if axis == 0 else h, c)
            )
    found.sort()
    groups: list[list[Piece]] = []
    for p in found:
        if groups and p[0] - groups[-1][-1][0] <= MERGE_EM * glyph:
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups, labels


def _lines(
    groups: list[list[Piece]], solid: list[float], longest: float, cover: float, merge: float
) -> list[list[Piece]]:
    """The groups that are rulings: long enough together, and not a solid ruling found already."""
    out = []
    for g in groups:
        at = sum(p[0] for p in g) / len(g)
        if sum(p[2] for p in g) >= cover * longest and not any(abs(at - s) <= merge for s in solid):
            out.append(g)
    return out


def _apart(lines: list[list[Piece]], solid: list[float], min_cell: float) -> list[list[Piece]]:
    """Of lines closer than a cell to each other or to a solid ruling, the one covering most
    (the left edges of a column's lines stack beside its ruling; a line of text beside a row's
    dotted one)."""
    kept: list[list[Piece]] = []
    for g in sorted(lines, key=lambda g: -_union(g)):
        if all(abs(_at(g) - o) > min_cell for o in solid + [_at(k) for k in kept]):
            kept.append(g)
    return kept


def _union(g: list[Piece]) -> int:
    """The length the pieces of ``g`` cover together (pieces side by side overlap)."""
    total, end = 0, -1
    for _, start, length, _ in sorted(g, key=lambda p: p[1]):
        stop = start + length
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


def _at(g: list[Piece]) -> float:
    return sum(p[0] for p in g) / len(g)


def add_dotted_rulings(
    gray: np.ndarray, rulings: Rulings, glyph: float, merge: float, min_cell: float
) -> int:
    """Add to ``rulings`` (segments and mask, in place) the dotted, dashed and hairline rulings
    of ``gray`` (the deskewed page, 0 ink – 255 paper; ``glyph`` its glyph height in pixels)
    that the solid pass did not find: a table's inner rulings when only its frame is solid
    (none within ``merge`` pixels of a solid one, nor a vertical one within ``min_cell`` pixels
    of another); the number of lines added.  Without a solid frame, or with solid inner
    vertical rulings, nothing is added."""
    xs = sorted((s[0] + s[2]) / 2 for s in rulings.vertical)
    frame = [x for k, x in enumerate(xs) if not k or x - xs[k - 1] > merge]
    tallest = max((s[3] - s[1] for s in rulings.vertical), default=0)
    if not rulings.horizontal or not 2 <= len(frame) <= FRAME_ONLY or tallest < FRAME_MIN_EM * glyph:
        return 0  # no frame, a small box, or ruled solid inside: its own rulings part the cells
    dark = 255.0 - gray.astype(np.float32)
    h_groups, h_labels = _pieces(dark, 0, glyph)
    widest = max(s[2] - s[0] for s in rulings.horizontal)
    solid_ys = [(s[1] + s[3]) / 2 for s in rulings.horizontal]
    long_ys = [(s[1] + s[3]) / 2 for s in rulings.horizontal if s[2] - s[0] >= COVER_H * widest]
    rows = _apart(_lines(h_groups, solid_ys, widest, COVER_H, merge), long_ys, min_cell)
    v_groups, v_labels = _pieces(dark, 1, glyph)
    cols = _lines(v_groups, [(s[0] + s[2]) / 2 for s in rulings.vertical], tallest, COVER_V, merge)
    inner = sorted([(s[1] + s[3]) / 2 for s in rulings.horizontal] + [_at(g) for g in rows])[1:-1]
    cols = [
        g
        for g in cols
        if not inner
        or any(min(p[1] for p in g) <= y - glyph and max(p[1] + p[2] for p in g) >= y + glyph for y in inner)
    ]
    # A column's ruling runs on: a piece of LONGEST_PIECE_EM glyphs at least, and pieces
    # covering DENSE of the span they make; the left edges of a column's lines, stacked over
    # many rows at one x, are short pieces far apart.
    cols = [
        g
        for g in cols
        if max(p[2] for p in g) >= LONGEST_PIECE_EM * glyph
        and _union(g) >= DENSE * (max(p[1] + p[2] for p in g) - min(p[1] for p in g))
    ]
    cols = _apart(cols, [(s[0] + s[2]) / 2 for s in rulings.vertical], min_cell)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))
    for g in cols:
        x = int(_at(g))
        rulings.vertical.extend((x - 1, p[1], x + 2, p[1] + p[2]) for p in g)
        ink = np.isin(v_labels, [p[3] for p in g]).astype(np.uint8) * 255
        rulings.mask |= cv2.dilate(ink, kernel)
    xs = sorted({round((s[0] + s[2]) / 2) for s in rulings.vertical})
    edges = [x for k, x in enumerate(xs) if not k or x - xs[k - 1] > merge]
    for g in rows:
        y = int(_at(g))
        for xa, xb in itertools.pairwise(edges):
            covered = sum(max(0, min(p[1] + p[2], xb) - max(p[1], xa)) for p in g)
            if covered >= COLUMN_SHARE * (xb - xa):
                rulings.horizontal.append((xa, y - 1, xb, y + 2))
        ink = np.isin(h_labels, [p[3] for p in g]).astype(np.uint8) * 255
        rulings.mask |= cv2.dilate(ink, kernel)
    return len(rows) + len(cols)
