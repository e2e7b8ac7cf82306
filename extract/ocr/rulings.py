"""Ruling lines of a page image by morphology (in pixels), a table's missing outer border, and
the positions of rulings along an axis.
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass

import cv2
import numpy as np

from piatable.models import Word
from piatable.settings import OcrSettings

from .ink import ruling_ink


def line_masks(ink: np.ndarray, kernel: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical stroke masks: the ink opened with long thin kernels."""
    kernel = max(int(kernel), 5)
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (kernel, 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, kernel))
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, hk), cv2.morphologyEx(ink, cv2.MORPH_OPEN, vk)


# A ruling segment in pixels: (x0, top, x1, bottom).
Segment = tuple[int, int, int, int]


@dataclass(slots=True)
class Rulings:
    """Ruling segments in pixels as (x0, top, x1, bottom), and the mask of their ink."""

    horizontal: list[tuple[int, int, int, int]]
    vertical: list[tuple[int, int, int, int]]
    mask: np.ndarray


def find_rulings(
    ink: np.ndarray,
    glyph: float,
    kernel_em: float,
    min_len_em: float,
    min_vertical_em: float = 0.0,
    text_stroke_share: float = 0.0,
    line_ink: np.ndarray | None = None,
) -> Rulings:
    """Straight ruling lines by morphology: the ink opened with horizontal and vertical kernels
    a few glyphs long (no character stroke is that long), small breaks closed, short pieces
    dropped, and vertical strokes of stacked text dropped (``text_strokes``).  ``line_ink``
    (``ink.ruling_ink``: grey hairlines too): its strokes away from the ink's own are rulings
    too (``_with_faint``); the text they must cross is still looked for in ``ink``."""
    hmask, vmask = line_masks(ink, kernel_em * glyph)
    if line_ink is not None:
        hfaint, vfaint = line_masks(line_ink, kernel_em * glyph)
        hmask, vmask = _with_faint(hmask, hfaint), _with_faint(vmask, vfaint)
        del hfaint, vfaint  # a page's worth each: not held through the labelling below
    gap = max(int(glyph / 2), 3)
    hmask = cv2.morphologyEx(hmask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
    vmask = cv2.morphologyEx(vmask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    min_len = min_len_em * glyph
    # Vertical strokes of characters stacked in tightly spaced lines (市, 本, 1 under each
    # other) chain into short vertical "lines"; a table's vertical borders run through rows.
    min_vertical = max(min_len, min_vertical_em * glyph)
    horizontal: list[tuple[int, int, int, int]] = []
    vertical: list[tuple[int, int, int, int]] = []
    for mask, out, along, least in ((hmask, horizontal, 2, min_len), (vmask, vertical, 3, min_vertical)):
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for k in range(1, n):
            x, y, w, h = (int(v) for v in stats[k, :4])
            if stats[k, along] >= least:
                out.append((x, y, x + w, y + h))
            else:
                # Cleared inside its own box (a comparison over the whole image for each short
                # piece took a tenth of a second of a page with many).
                box = mask[y : y + h, x : x + w]
                box[labels[y : y + h, x : x + w] == k] = 0
        del labels  # 4 bytes a pixel: not two pages' worth at once
    for v in text_strokes(ink, vertical, horizontal, glyph, text_stroke_share):
        vertical.remove(v)
        vmask[v[1] : v[3], v[0] : v[2]] = 0
    mask = cv2.bitwise_or(hmask, vmask)
    return Rulings(horizontal, vertical, mask)


def page_rulings(
    gray: np.ndarray, ink: np.ndarray, glyph: float, settings: OcrSettings, faint: bool = True
) -> Rulings:
    """A scan page's rulings as the reader finds them (``pages.py``): ``find_rulings`` with the
    settings' kernel, least lengths and text-stroke share, grey hairlines too (``ink.ruling_ink``
    of ``gray``, the page's grey pixels) unless ``faint`` is False.  ``ink``: ``binarize(gray)``;
    ``glyph``: the glyph height in pixels."""
    return find_rulings(
        ink,
        glyph,
        settings.ruling_kernel_em,
        settings.min_ruling_em,
        settings.min_vertical_em,
        settings.text_stroke_share,
        ruling_ink(gray, ink, glyph) if faint else None,
    )


def _with_faint(mask: np.ndarray, faint: np.ndarray) -> np.ndarray:
    """``mask`` (strokes opened from the ink) with the strokes of ``faint`` (opened from
    ``ink.ruling_ink``) that lie away from it: a grey ruling is added whole, and a black one
    keeps its own width (its grey fringe would widen its erased band into the text beside it:
    set XXIV's s14 lost a cell's last character so)."""
    near = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (FRINGE_PX, FRINGE_PX)))
    # In place, in ``near``: a page's worth of memory, not four.
    cv2.bitwise_not(near, dst=near)
    cv2.bitwise_and(faint, near, dst=near)
    return cv2.bitwise_or(mask, near, dst=near)


# A line is crossed by text where, along a row off the horizontal rulings (a ruling's rows
# beside the rulings it meets run on both sides), its run of ink reaches at least
# CROSS_REACH_PX further on both sides than the line's own (its median run there): a stroke of
# a character cut by the line.  Text crosses it so in at least CROSS_ROWS_EM glyph heights of
# rows; a ruling keeps a cell's padding from the text.  Runs are followed CROSS_LOOK_EM glyphs
# each way at most.
CROSS_REACH_PX = 3
CROSS_ROWS_EM = 0.5
CROSS_LOOK_EM = 0.6


def crossed_by_text(
    ink: np.ndarray, x: int, top: int, bottom: int, horizontal: list[tuple[int, int, int, int]], glyph: float
) -> bool:
    """True when text runs across the line at ``x`` between rows ``top`` and ``bottom`` (see
    ``CROSS_*``); ``ink``: the page's ink mask (non-zero is ink), ``horizontal``: the rulings
    whose rows are left out."""
    look = max(int(CROSS_LOOK_EM * glyph), CROSS_REACH_PX + 2)
    if x - look < 0 or x + look >= ink.shape[1] or bottom <= top:
        return False
    band = ink[top:bottom, x - look : x + look + 1] > 0
    on = band[:, look]
    if not on.any():
        return False
    left = np.cumprod(band[:, look::-1], axis=1).sum(axis=1)
    right = np.cumprod(band[:, look:], axis=1).sum(axis=1)
    rows = on.copy()
    for h in horizontal:
        if h[0] - look <= x <= h[2] + look:
            rows[max(h[1] - 2 - top, 0) : max(h[3] + 2 - top, 0)] = False
    own_left, own_right = np.median(left[on]), np.median(right[on])
    crossed = rows & (left >= own_left + CROSS_REACH_PX) & (right >= own_right + CROSS_REACH_PX)
    return int(crossed.sum()) >= CROSS_ROWS_EM * glyph


# A black ruling's grey fringe reaches this far (px across, centred): line_ink's strokes there
# are the ruling's own edge.
FRINGE_PX = 5


def text_strokes(
    ink: np.ndarray,
    vertical: list[tuple[int, int, int, int]],
    horizontal: list[tuple[int, int, int, int]],
    glyph: float,
    share: float,
) -> list[tuple[int, int, int, int]]:
    """Vertical "rulings" that are text: a stack of brackets (``[○]紙`` over ``[○]専用線`` …
    in tightly set lines) chains into a stroke as long as a short cell's border.  A column's
    border runs through the table; such a stroke is shorter than ``share`` of the longest
    vertical ruling, and text crosses its line elsewhere in the table (where a border would
    part the text).  A Writer scan lost every 変更後 cell of a page but the one with the
    brackets, and the brackets themselves were erased as a ruling."""
    if not vertical or share <= 0:
        return []
    longest = max(v[3] - v[1] for v in vertical)
    long = [v for v in vertical if v[3] - v[1] >= 0.5 * longest]
    top, bottom = min(v[1] for v in long), max(v[3] for v in long)
    h_rows = np.zeros(ink.shape[0], dtype=bool)
    for h in horizontal:
        h_rows[max(h[1] - 2, 0) : h[3] + 2] = True
    out = []
    grid = _short_grid(vertical, horizontal, glyph, share * longest)
    for v in vertical:
        if v[3] - v[1] >= share * longest or v in grid:
            continue
        x = (v[0] + v[2]) // 2
        rows = np.zeros(ink.shape[0], dtype=bool)
        rows[top:bottom] = True
        rows[max(int(v[1] - glyph), 0) : int(v[3] + glyph)] = False
        rows &= ~h_rows
        crossed = (ink[:, max(x - 1, 0) : x + 2] > 0).any(axis=1) & rows
        if crossed.sum() >= glyph:
            out.append(v)
    return out


# A cell border meets the rulings at its ends within this share of a glyph (and 3 px): a scan's
# blur and the closing of breaks (``find_rulings``) move an end by a few pixels; text set in a
# cell stands its padding (a third of a glyph and more) away from the cell's rulings.
BORDER_END_GLYPHS = 0.15


def _ends_on_rulings(
    v: tuple[int, int, int, int], horizontal: list[tuple[int, int, int, int]], glyph: float
) -> bool:
    """True for a vertical stroke whose top and foot both lie on a horizontal ruling crossing it:
    with others alike (``_short_grid``), a border of a table of its own (a second table printed
    below the first on the page, shorter than the first's borders: branch scanloss66, whose
    rulings were taken for text and its rows lost), not a stack of text."""
    x = (v[0] + v[2]) / 2
    tol = 3 + BORDER_END_GLYPHS * glyph

    def on(y: float) -> bool:
        return any(h[0] - tol <= x <= h[2] + tol and h[1] - tol <= y <= h[3] + tol for h in horizontal)

    return on(v[1]) and on(v[3])


# A second table's columns: at least this many borders ending on the same rulings (an amendment
# table has 7; a cover's label | value box has 3, and is read as before: its lines apart).
MIN_GRID_BORDERS = 4


def _short_grid(
    vertical: list[tuple[int, int, int, int]],
    horizontal: list[tuple[int, int, int, int]],
    glyph: float,
    short: float,
) -> set[tuple[int, int, int, int]]:
    """The strokes shorter than ``short`` that are a table's borders: each ends on rulings
    (``_ends_on_rulings``) and ``MIN_GRID_BORDERS`` of them or more span the same rows."""
    ends = [v for v in vertical if v[3] - v[1] < short and _ends_on_rulings(v, horizontal, glyph)]
    tol = 3 + BORDER_END_GLYPHS * glyph
    out: set[tuple[int, int, int, int]] = set()
    for v in ends:
        same = [u for u in ends if abs(u[1] - v[1]) <= tol and abs(u[3] - v[3]) <= tol]
        if len(same) >= MIN_GRID_BORDERS:
            out.add(v)
    return out


def close_edges(rulings: Rulings, glyph: float, settings: OcrSettings) -> None:
    """A table cut by the image's edge (or whose outer border did not print) has horizontal
    rulings running past its last vertical one: the border is added where they end."""
    if not rulings.vertical or not rulings.horizontal:
        return
    widest = max(h[2] - h[0] for h in rulings.horizontal)
    long = [h for h in rulings.horizontal if h[2] - h[0] >= 0.5 * widest]
    xs = [(v[0] + v[2]) / 2 for v in rulings.vertical]
    top, bottom = min(h[1] for h in long), max(h[3] for h in long)
    right = int(statistics.median(h[2] for h in long))
    left = int(statistics.median(h[0] for h in long))
    if right - max(xs) > settings.min_cell_em * glyph:
        rulings.vertical.append((right - 2, top, right, bottom))
    if min(xs) - left > settings.min_cell_em * glyph:
        rulings.vertical.append((left, top, left + 2, bottom))


def cuts(segments: list[tuple[int, int, int, int]], axis: int, merge: float) -> list[float]:
    """Positions (centre lines) of rulings along ``axis`` (0: x of verticals, 1: y of
    horizontals), merged when closer than ``merge``."""
    pos = sorted((s[axis] + s[axis + 2]) / 2 for s in segments)
    out: list[list[float]] = []
    for p in pos:
        if out and p - out[-1][-1] <= merge:
            out[-1].append(p)
        else:
            out.append([p])
    return [sum(g) / len(g) for g in out]


def split_underlines(
    rulings: Rulings, text_ink: np.ndarray, glyph: float, settings: OcrSettings
) -> list[tuple[int, int, int, int]]:
    """Take the underlines out of ``rulings.horizontal`` and return them (issue 11: a horizontal
    line not drawn across its cell, or lying just under a line of text, starts no row; the PDF
    grid's rule, normalize/grid/ruled.py ``mark_decorations``).  Amendment tables underline the
    changed words (変更箇所に下線); an underline under a full line of a cell is as long as a
    ruling and cut the row into pieces, each given a copy of the merged cells.

    A stroke that runs on past one of the vertical rulings of its column (into the next column,
    or out through the table's border) is a ruling.  One that stays inside its column is an
    underline when it keeps ``underline_gap_em`` glyphs clear of both column rulings (a cell's
    padding: Writer), or when text ink stands just above it (within ``underline_band_em``)
    over at least ``underline_ink_share`` of its length (Calc prints its text flush with the
    cell's side, so its underlines touch the rulings).  Strokes with no vertical rulings beside
    them (no grid) are left as they are."""
    if not rulings.vertical:
        return []
    reach = settings.merge_em * glyph
    keep: list[tuple[int, int, int, int]] = []
    under: list[tuple[int, int, int, int]] = []
    for h in rulings.horizontal:
        y = (h[1] + h[3]) / 2
        xs = cuts([v for v in rulings.vertical if v[1] - reach <= y <= v[3] + reach], 0, reach)
        k = bisect.bisect_right(xs, (h[0] + h[2]) / 2)
        if k == 0 or k == len(xs):
            keep.append(h)
            continue
        a, b = xs[k - 1], xs[k]
        if h[0] < a - reach / 2 or h[2] > b + reach / 2:
            keep.append(h)
            continue
        gap = settings.underline_gap_em * glyph
        clear = h[0] - a >= gap and b - h[2] >= gap
        top = max(int(h[1] - settings.underline_band_em * glyph), 0)
        band = text_ink[top : max(h[1] - 1, 0), h[0] : h[2]]
        inked = float((band > 0).any(axis=0).mean()) if band.size else 0.0
        if clear or inked >= settings.underline_ink_share:
            under.append(h)
        else:
            keep.append(h)
    rulings.horizontal[:] = keep
    return under


def mark_underlined(
    words: list[Word], underlines: list[tuple[float, float, float, float]], band: float
) -> None:
    """Mark ``words`` that an underline runs under (``Word.mark = "underlined"``, kept as the
    record's evidence like the PDF grid's marks): the stroke lies within ``band`` below the
    word's bottom (or in its lowest quarter: tesseract's boxes stray) and covers at least half
    its width.  Units of the words (points)."""
    for w in words:
        h = w.bottom - w.top
        for x0, t, x1, b in underlines:
            y = (t + b) / 2
            covered = min(w.x1, x1) - max(w.x0, x0)
            if w.bottom - h / 4 <= y <= w.bottom + band and covered >= 0.5 * (w.x1 - w.x0):
                w.mark = "underlined"
                break
