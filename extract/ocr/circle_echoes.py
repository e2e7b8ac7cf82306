"""Circles of a placeholder run read where there are none, or two read as one.

A run 〇〇 read with a third, thin box between its two circles (``〇O〇市``: samples/scan-ocr49's
200 dpi Mincho Calc page, the O box 10 px wide and 38 tall between two 19 px circles) reads
○○○; a run whose two circles got one box (set VII's 200 dpi Writer page, 〇 38 px wide on 20 px
glyphs) reads ○.

A run of circles on a line spans about as many glyphs as it has circles (each circle is 0.8 em
wide, and they stand an em apart): ``circle_count`` from the run's extent.  Where tesseract
gave the run more boxes than that, its narrowest boxes between two others (narrower than
``ECHO_MAX_WIDTH`` glyphs: a true circle is a whole glyph wide) are dropped as echoes; a lone
circle whose box holds two glyphs before a kanji is split in two (``split_wide_circles``).
"""

from __future__ import annotations

import dataclasses

import regex

from .engine import TsvWord

_HAN = regex.compile(r"\p{Han}")

# What tesseract reads a circle as (○ 〇 O Ｏ); a run holds one circle read as such at least.
# Digits are no circles: 0001 is four narrow glyphs, never an echo.
CIRCLE_READS = frozenset("○〇OＯ")
CIRCLES = frozenset("○〇")
# Boxes of one run stand at most this many glyphs apart (ink edge to ink edge).
RUN_GAP = 0.5
# A box narrower than this (glyphs) may be an echo; a circle is about one glyph wide.
ECHO_MAX_WIDTH = 0.6


def circle_count(extent: float, glyph: float) -> int:
    """How many circles a run ``extent`` pixels wide holds, on a page of ``glyph`` pixel glyphs."""
    return max(1, round(extent / glyph))


def drop_circle_echoes(words: list[TsvWord], glyph: float) -> list[TsvWord]:
    """``words`` without the thin boxes a run of circles holds beyond ``circle_count``."""
    if glyph <= 0 or not any(w.text in CIRCLE_READS for w in words):
        return words
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    drop: set[int] = set()
    for idx in lines.values():
        idx = sorted(idx, key=lambda i: words[i].left)
        runs: list[list[int]] = []
        for i in idx:
            w = words[i]
            if w.text not in CIRCLE_READS:
                runs.append([])
                continue
            last = runs[-1][-1] if runs and runs[-1] else None
            if last is not None and w.left - (words[last].left + words[last].width) <= RUN_GAP * glyph:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            if len(run) < 2 or not any(words[i].text in CIRCLES for i in run):
                continue
            extent = max(words[i].left + words[i].width for i in run) - words[run[0]].left
            extra = len(run) - circle_count(extent, glyph)
            # Only a box between two others: one at a run's end may be a circle whose box
            # strayed off its ink (set IX's w2: つ〇O, the first circle's ink shared with つ).
            thin = [i for i in run[1:-1] if words[i].width < ECHO_MAX_WIDTH * glyph]
            thin.sort(key=lambda i: words[i].width)
            drop.update(thin[: max(extra, 0)])
    return [w for i, w in enumerate(words) if i not in drop] if drop else words


# A lone circle's box this many glyphs wide or more holds two circles read as one (set VII's
# 200 dpi EXIF-turned Writer page: 〇 38 px wide on 20 px glyphs, ○○市 read ○市); wider than
# WIDE_CIRCLE_MAX it is a box stretched over something else.
WIDE_CIRCLE_MIN = 1.6
WIDE_CIRCLE_MAX = 2.4


def split_wide_circles(words: list[TsvWord], glyph: float) -> list[TsvWord]:
    """``words`` with each lone ○ or 〇 whose box holds two glyphs (``WIDE_CIRCLE_MIN`` to
    ``WIDE_CIRCLE_MAX``) before a kanji written as two circles, each half the box."""
    if glyph <= 0 or not any(w.text in CIRCLES for w in words):
        return words
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    split: set[int] = set()
    for idx in lines.values():
        idx = sorted(idx, key=lambda i: words[i].left)
        for a, b, c in zip([None, *idx[:-1]], idx, [*idx[1:], None], strict=True):
            w = words[b]
            if w.text not in CIRCLES or not WIDE_CIRCLE_MIN * glyph <= w.width <= WIDE_CIRCLE_MAX * glyph:
                continue
            if a is not None and words[a].text in CIRCLE_READS:
                continue
            if c is None or not _HAN.match(words[c].text) or words[c].left - (w.left + w.width) > glyph:
                continue
            split.add(b)
    if not split:
        return words
    out: list[TsvWord] = []
    for i, w in enumerate(words):
        if i not in split:
            out.append(w)
            continue
        half = w.width // 2
        out.append(dataclasses.replace(w, width=half))
        out.append(dataclasses.replace(w, left=w.left + half, width=w.width - half))
    return out
