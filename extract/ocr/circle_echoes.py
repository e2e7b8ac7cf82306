"""A circle read where there is none: a placeholder run 〇〇 read with a third, thin box between
its two circles (``〇O〇市``: samples/scan-ocr49's 200 dpi Mincho Calc page, the O box 10 px wide
and 38 tall between two 19 px circles), so that the document's placeholder reads ○○○.

A run of circles on a line spans about as many glyphs as it has circles (each circle is 0.8 em
wide, and they stand an em apart): ``circle_count`` from the run's extent.  Where tesseract
gave the run more boxes than that, its narrowest boxes (narrower than ``ECHO_MAX_WIDTH``
glyphs: a true circle is a whole glyph wide) are dropped as echoes of their neighbours.
"""

from __future__ import annotations

from .engine import TsvWord

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
            thin = [i for i in run if words[i].width < ECHO_MAX_WIDTH * glyph]
            thin.sort(key=lambda i: words[i].width)
            drop.update(thin[: max(extra, 0)])
    return [w for i, w in enumerate(words) if i not in drop] if drop else words
