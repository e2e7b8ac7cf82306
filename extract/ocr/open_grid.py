"""Cells of a table ruled with horizontal rules only (no vertical rulings): its rows lie between
the rules drawn across the table's width, its columns start where the text of every row starts
flush after a white gutter (issue 11, set XIII's Calc and Writer "h-rules" scans).

Read as a whole page, such a table gives tesseract lines that run on from one column into the
next across a gutter a third of a glyph wide: rule pieces and specks read as ``ーー`` / ``_-``,
a column's first character read onto the previous column's line.  Cut into cells like a ruled
grid, each cell is read alone.  Lengths in pixels of the deskewed page; ``glyph`` is its glyph
height (``ink.glyph_height``).
"""

from __future__ import annotations

import itertools
from concurrent.futures import Executor

import cv2
import numpy as np

from piatable.settings import OcrSettings

from .engine import TsvWord, tesseract_chars
from .page_scan import PageScan
from .strips import FORM_COLUMNS, _Cell, ocr_cells

# A rule of the table runs across at least this share of the page's width (an underline or a
# title's rule is shorter); the table's rules share their ends within RULE_END_EM glyphs.
WIDE_RULE_SHARE = 0.5
RULE_END_EM = 1.5
# Rules needed: the header's top and foot and one row's foot.
MIN_RULES = 3
# Glyphs closer than this (glyph heights) are one run of text; a column starts where runs
# start.  A full-width character's side bearings leave 0.1-0.2 em between glyphs, a ．/・ more.
RUN_GAP_EM = 0.25
# Runs starting within this of each other start at one place.
START_MERGE_EM = 0.3
# A column's start: the strip this wide (glyph heights) just left of it is white over the whole
# table (header and body), except for GUTTER_INK_SHARE of its pixels (specks); a start inside a
# column (after a ．, a space) has the column's other lines' text in that strip.
GUTTER_EM = 0.25
GUTTER_INK_SHARE = 0.002
# Runs lower than this (glyph heights) are specks or rule pieces, not text.
MIN_RUN_EM = 0.35


def table_rules(
    horizontal: list[tuple[int, int, int, int]], width: int, glyph: float
) -> tuple[int, int, list[int]]:
    """The rules of a table ruled across: (left, right, ys top first) of the horizontal rulings
    at least ``WIDE_RULE_SHARE`` of ``width`` long that share the longest one's ends; ys within
    half a glyph are one.  (0, 0, []) when there are none."""
    wide = [h for h in horizontal if h[2] - h[0] >= WIDE_RULE_SHARE * width]
    if not wide:
        return 0, 0, []
    longest = max(wide, key=lambda h: h[2] - h[0])
    reach = RULE_END_EM * glyph
    same = [h for h in wide if abs(h[0] - longest[0]) <= reach and abs(h[2] - longest[2]) <= reach]
    ys: list[int] = []
    for h in sorted(same, key=lambda h: h[1]):
        mid = (h[1] + h[3]) // 2
        if ys and mid - ys[-1] <= glyph / 2:
            continue
        ys.append(mid)
    left = int(np.median([h[0] for h in same]))
    right = int(np.median([h[2] for h in same]))
    return left, right, ys


def column_starts(
    text_ink: np.ndarray, left: int, right: int, top: int, bottom: int, glyph: float
) -> list[int]:
    """x of the places where the table's columns start (``text_ink``: 255 where ink, rulings
    erased; the table between ``left``..``right``, ``top``..``bottom``): where runs of text start
    with a white gutter ``GUTTER_EM`` wide before them over the whole table."""
    region = text_ink[top:bottom, left:right]
    if region.size == 0:
        return []
    gap = max(int(RUN_GAP_EM * glyph), 2)
    runs = cv2.dilate(region, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    lefts = sorted(
        int(stats[k, cv2.CC_STAT_LEFT])
        for k in range(1, n)
        if stats[k, cv2.CC_STAT_HEIGHT] >= MIN_RUN_EM * glyph
    )
    inked = (region > 0).sum(axis=0)
    strip = max(int(GUTTER_EM * glyph), 2)
    allowed = GUTTER_INK_SHARE * strip * region.shape[0]
    found: list[tuple[int, int]] = []  # (x, white before it)
    merge = START_MERGE_EM * glyph
    for _, group in itertools.groupby(lefts, key=lambda x, s=[None]: _cluster(x, s, merge)):
        x = min(group)
        if x < strip:
            found.append((x, region.shape[1]))
            continue
        if inked[x - strip : x].sum() <= allowed:
            a = x - strip
            while a > 0 and inked[a - 1] <= allowed / strip:
                a -= 1
            found.append((x, x - a))
    if len(found) > FORM_COLUMNS:
        # Starts inside a column (the white round a narrow digit of dates printed alike in
        # every row) have less white before them than a gutter: the widest gutters are kept.
        first, rest = found[0], sorted(found[1:], key=lambda f: -f[1])[: FORM_COLUMNS - 1]
        found = [first, *sorted(rest)]
    return [left + x for x, _ in found]


def _cluster(x: int, state: list, merge: float) -> int:  # type: ignore[type-arg]
    """groupby key: the first x of a run of sorted xs each within ``merge`` of the one before."""
    if state[0] is None or x - state[0][1] > merge:
        state[0] = [x, x]
    else:
        state[0][1] = x
    return state[0][0]


def open_grid_cells(
    scan_horizontal: list[tuple[int, int, int, int]],
    text_ink: np.ndarray,
    glyph: float,
    settings: OcrSettings,
) -> list[_Cell]:
    """The cells of a table ruled with horizontal rules only, six columns (the form's) between
    the rules, the label row's first; [] when the page shows no such table (fewer than
    ``MIN_RULES`` rules across, or not exactly six column starts)."""
    w = text_ink.shape[1]
    left, right, ys = table_rules(scan_horizontal, w, glyph)
    if len(ys) < MIN_RULES:
        return []
    starts = column_starts(text_ink, left, right, ys[0], ys[-1], glyph)
    if len(starts) != FORM_COLUMNS:
        return []
    inked = (text_ink[ys[0] : ys[-1], :] > 0).sum(axis=0)
    bounds = [left]
    for x in starts[1:]:
        # The gutter's middle: walk left over the white columns before the start.
        a = x - 1
        while a > bounds[-1] and inked[a] == 0:
            a -= 1
        bounds.append((a + x) // 2)
    bounds.append(right)
    cells: list[_Cell] = []
    for top, bottom in itertools.pairwise(ys):
        if bottom - top < settings.min_cell_em * glyph / 2:
            continue
        for a, b in itertools.pairwise(bounds):
            cells.append(_Cell(int(a), int(top), int(b), int(bottom)))
    return cells


# A character read outside the cells whose box's middle lies within this (glyph heights) of
# the table's first rule, or below it, is a piece of the rule or a speck on it.
RULE_SPECK_EM = 0.25

# Line keys of the words read outside an open grid's cells start here (cells' from 1, a cover's
# rest from pages.REST_LINE_KEY).
OUTSIDE_LINE_KEY = 2_000_000


def read_outside(
    clean: np.ndarray, cells: list[_Cell], paper: int, glyph: float, settings: OcrSettings
) -> tuple[list[TsvWord], list[str]]:
    """The page's text outside the table's cells (a title, a caption, a paragraph after the
    table) read whole, the table's box painted the ``paper`` tone: nothing on the page goes
    unread.  Also the texts of the characters dropped: those standing on the table's first or
    last rule (within ``RULE_SPECK_EM`` glyphs) or inside it, rule ends and specks (``．``)."""
    page = clean.copy()
    x0, top = min(c.x0 for c in cells), min(c.top for c in cells)
    x1, bottom = max(c.x1 for c in cells), max(c.bottom for c in cells)
    page[top:bottom, x0:x1] = paper
    out, specks = [], []
    for w in tesseract_chars(page, settings.page_psm, settings.lang, settings.engine):
        # Tesseract gives some characters a box a line tall: one over the table's first rule
        # (a label's の) or its foot is cut there, its ink being outside (the cells read inside).
        y0, y1 = w.top, w.top + w.height
        if w.left < x1 and w.left + w.width > x0:
            if y0 < top < y1:
                y1 = top
            elif y0 < bottom < y1:
                y0 = bottom
            mid = (y0 + y1) / 2
            if top - RULE_SPECK_EM * glyph <= mid <= bottom + RULE_SPECK_EM * glyph:
                specks.append(w.text)
                continue
        key = (OUTSIDE_LINE_KEY + w.line[0], *w.line[1:])
        out.append(TsvWord(w.text, w.left, y0, w.width, max(y1 - y0, 1), w.conf, key, w.word))
    return out, specks


# What each column's label holds at least one of (the form's 変更日 / 項目 / 変更前の記載 /
# 変更後の記載 / 提出時期 / 提出時期に係る説明), read from the label row over the open grid's columns.
LABEL_KEYS = (
    ("変更日", "日付"),
    ("項目",),
    ("変更前", "前の"),
    ("変更後", "後の"),
    ("提出", "時期"),
    ("説明", "係る"),
)


def labels_fit(words: list[TsvWord], cells: list[_Cell]) -> bool:
    """Whether the label row (the cells' first band) reads each column's label
    (``LABEL_KEYS``) inside that column: the columns the gutters gave are the form's, in its
    order.  ``words``: the cells' words (block number: the cell's index + 1)."""
    first = min(c.top for c in cells)
    labels = sorted((c.x0, k) for k, c in enumerate(cells) if c.top == first)
    if len(labels) != len(LABEL_KEYS):
        return False
    texts = {k: "" for _, k in labels}
    for w in words:
        if w.line[0] - 1 in texts:
            texts[w.line[0] - 1] += w.text
    return all(any(key in texts[k] for key in keys) for (_, k), keys in zip(labels, LABEL_KEYS, strict=True))


def _inside_cell(w: TsvWord, cells: list[_Cell]) -> TsvWord:
    """``w`` (a cell's word: block number the cell's index + 1) with its box cut to its cell's
    band: tesseract gives some characters a box a line tall (a label's 前, の over the rule
    below it), and no rule of an open grid's columns keeps the reader from taking them for the
    next row's."""
    k = w.line[0] - 1
    if not 0 <= k < len(cells):
        return w
    top, bottom = max(w.top, cells[k].top), min(w.top + w.height, cells[k].bottom)
    if (top, bottom) == (w.top, w.top + w.height) or bottom <= top:
        return w
    return TsvWord(w.text, w.left, top, w.width, bottom - top, w.conf, w.line, w.word, w.inked)


def read_unruled_page(
    scan: PageScan,
    clean: np.ndarray,
    text_ink: np.ndarray,
    paper: int,
    settings: OcrSettings,
    pool: Executor | None = None,
    parts: int = 1,
) -> list[TsvWord]:
    """The words of a page without a ruled grid: a table ruled across only has its cells
    (``open_grid_cells``) read like a ruled grid's, the rest of the page whole
    (``read_outside``), with a note on ``scan``, when its label row's cells read the form's
    labels (``labels_fit``); any other page is read whole (``page_psm``)."""
    cells = (
        open_grid_cells(scan.horizontal, text_ink, scan.glyph, settings) if settings.mode == "cells" else []
    )
    found: list = []  # type: ignore[type-arg]
    words = (
        ocr_cells(clean, text_ink, cells, scan.glyph, paper, settings, pool, parts, found) if cells else []
    )
    if not cells or not labels_fit(words, cells):
        return tesseract_chars(clean, settings.page_psm, settings.lang, settings.engine)
    scan.second_reads.extend(found)
    words = [_inside_cell(w, cells) for w in words]
    outside, specks = read_outside(clean, cells, paper, scan.glyph, settings)
    scan.notes.append(
        f"page {scan.page}: ruled with horizontal rules only; its cells read between the rules and "
        "the gutters before its six columns' text"
    )
    if specks:
        scan.notes.append(
            f"page {scan.page}: {len(specks)} character(s) read on the table's rules outside its cells "
            f"dropped as specks ({''.join(specks)[:20]})"
        )
    return words + outside
