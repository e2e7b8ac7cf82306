"""Coloured marks shaped as text: lines of glyph-sized strokes, not a seal's ring or box.

``colour_ink`` makes strongly coloured ink paper before a page is ruled and read, meant for the
red seals and stamps an office prints over a received copy (受付, 公開用, 済).  A table may print
its own text in colour, though: an amendment table's changed words, or a whole row, typed in red.
Made paper, that text would vanish without a word.  This module tells the two apart on the mask
of coloured pixels, by the shapes its connected marks make:

* a seal or stamp is a ring or a box taller and wider than any glyph (``MAX_GLYPH_IN``), with at
  most a word or a date inside it: marks inside such a frame are the stamp's;
* text is glyphs: marks ``MIN_GLYPH_IN`` … ``MAX_GLYPH_IN`` tall, set side by side on a line
  (their heights overlapping by ``LINE_OVERLAP``, the gaps between them under ``GAP_EM`` of
  their height), at least ``MIN_LINE_MARKS`` of them spanning ``MIN_LINE_EM`` heights, not solid
  blocks (``SOLID_MARK_SHARE``: a highlighter's band, cut into blocks by the black text under it).

The marks of such lines (with the small pieces of their glyphs inside the line's band: dots,
、 and 。) are kept as ink and read; every other coloured mark is made paper.  Below
``MIN_TEXT_DPI`` (the small looks at the table pages and blank pages) glyphs are too few pixels
to be told from specks: nothing is kept there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# A glyph's height, in inches: 6 pt text's smallest kana (~0.04 in) … a 16 pt heading's kanji
# (~0.22 in), with room; a seal's ring or a stamp's box is 0.4-1 in across.
MIN_GLYPH_IN = 0.035
MAX_GLYPH_IN = 0.3
# A black ruling crossing a stamp cuts its ring (the stamp is black there): cuts up to this wide
# (inches; a ruling is 1-3 px at 200 dpi) are closed before frames are found.  Lines of text stay
# apart (their leading is ~0.3 em, 0.04 in at 10 pt).
CUT_IN = 0.008
# A frame is an outline around a hole at least this share of its box each way (a ring of a
# ninth of its radius: ~0.8; a box: ~0.9; lines of text closed together hold only their glyphs'
# small counters).
HOLE_SHARE = 0.5
# Glyphs on one line: their vertical extents overlap by this share of the lower one, and the gap
# between neighbours is under GAP_EM of the taller one (a word space in Latin text ~0.3 em,
# between Japanese glyphs ~0.1 em, touching glyphs merge).
LINE_OVERLAP = 0.5
GAP_EM = 1.5
# A line of text: at least this many glyph marks spanning this many of their median heights
# (a two-character word like 削除 in red: 2 marks, ~2 em; a seal's lone 済 is inside its ring).
MIN_LINE_MARKS = 2
MIN_LINE_EM = 1.6
# Below this resolution (the small looks at find_dpi and blank_quick_dpi are 25-150 dpi) nothing
# is kept: glyphs there are a few pixels.
MIN_TEXT_DPI = 100.0
# More coloured marks than this on one page is a coloured picture, not text: not searched.
MAX_MARKS = 20_000
# A line whose marks fill at least this share of their boxes (the median mark) is a highlighter
# band drawn over black text, cut by the text into glyph-sized blocks, not coloured text: made
# paper, the text under it stays.  Kept as text it was made as dark as its darkest channel (a
# yellow band's blue, ~90), a dark fill that parted its cells (set XXXIII n07: 14 extra rows).
# Glyph marks of coloured text (a tracked change printed in colour and underlined, 250 dpi)
# fill 0.30-0.53 of their boxes, a line's median; yellow highlighter bands 0.76-1.0.
SOLID_MARK_SHARE = 0.7


@dataclass(slots=True)
class ColourText:
    """The coloured marks of a page that are text (``keep``: a bool mask, True where kept) and
    how many lines they make; ``stamps``: frames (rings, boxes) taken for seals or stamps."""

    keep: np.ndarray | None
    lines: int = 0
    stamps: int = 0


def text_marks(mask: np.ndarray, dpi: float) -> ColourText:
    """The coloured text on a page: ``mask`` (bool, True on a coloured pixel) at ``dpi``, judged
    as the module docstring says.  ``keep`` is None when nothing is text."""
    import cv2

    if dpi < MIN_TEXT_DPI or not mask.any():
        return ColourText(None)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count - 1 > MAX_MARKS:
        return ColourText(None)
    x, y, w, h, area = (stats[1:, k] for k in range(5))
    lo, hi = MIN_GLYPH_IN * dpi, MAX_GLYPH_IN * dpi
    # Frames are found with the cuts black rulings make in a ring or box closed (the stamp
    # printed over them is black there, no colour).
    k = max(round(CUT_IN * dpi), 1) * 2 + 1
    closed = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    frames = _frames(closed, hi)
    framed = np.zeros(count - 1, dtype=bool)
    cx, cy = x + w / 2, y + h / 2
    for fx, fy, fw, fh in frames:
        framed |= (cx > fx) & (cx < fx + fw) & (cy > fy) & (cy < fy + fh)
    glyphs = np.flatnonzero((h >= lo) & (h <= hi) & ~framed)
    lines = [m for m in _lines(glyphs, x, y, w, h) if np.median(area[m] / (w[m] * h[m])) < SOLID_MARK_SHARE]
    if not lines:
        return ColourText(None, 0, len(frames))
    ids = np.zeros(count, dtype=bool)
    for line in lines:
        ids[line + 1] = True
        top, bottom = y[line].min(), (y[line] + h[line]).max()
        left, right = x[line].min(), (x[line] + w[line]).max()
        # The small pieces of the line's glyphs (dots, 、。) inside its band.
        pieces = (
            (y >= top) & (y + h <= bottom) & (x >= left - hi) & (x + w <= right + hi) & (h < lo) & ~framed
        )
        ids[np.flatnonzero(pieces) + 1] = True
    return ColourText(ids[labels], len(lines), len(frames))


def _frames(closed: np.ndarray, hi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h) of the marks of ``closed`` (uint8) more than ``hi`` pixels each way
    that enclose a hole ``HOLE_SHARE`` of their box each way: rings and boxes."""
    import cv2

    contours, hierarchy = cv2.findContours(closed, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    out: list[tuple[int, int, int, int]] = []
    if hierarchy is None:
        return out
    links = hierarchy[0]
    for i, c in enumerate(contours):
        if links[i][3] != -1:
            continue
        bx, by, bw, bh = cv2.boundingRect(c)
        if bw <= hi or bh <= hi:
            continue
        child = links[i][2]
        while child != -1:
            _, _, cw, ch = cv2.boundingRect(contours[child])
            if cw >= HOLE_SHARE * bw and ch >= HOLE_SHARE * bh:
                out.append((bx, by, bw, bh))
                break
            child = links[child][0]
    return out


def _lines(
    glyphs: np.ndarray, x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray
) -> list[np.ndarray]:
    """The glyph marks (indexes into the component stats) grouped into lines of text
    (``LINE_OVERLAP``, ``GAP_EM``), those of ``MIN_LINE_MARKS`` marks spanning ``MIN_LINE_EM``."""
    order = glyphs[np.argsort(x[glyphs], kind="stable")]
    parent = {int(i): int(i) for i in order}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lefts = x[order]
    for k, i in enumerate(order):
        reach = x[i] + w[i] + GAP_EM * max(h[i], 1)
        for j in order[k + 1 : k + 1 + int(np.searchsorted(lefts[k + 1 :], reach, side="right"))]:
            overlap = min(y[i] + h[i], y[j] + h[j]) - max(y[i], y[j])
            if overlap < LINE_OVERLAP * min(h[i], h[j]):
                continue
            if x[j] - (x[i] + w[i]) > GAP_EM * max(h[i], h[j]):
                continue
            parent[root(int(j))] = root(int(i))
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(root(int(i)), []).append(int(i))
    out = []
    for members in groups.values():
        m = np.array(members)
        span = (x[m] + w[m]).max() - x[m].min()
        if len(m) >= MIN_LINE_MARKS and span >= MIN_LINE_EM * float(np.median(h[m])):
            out.append(m)
    return out
