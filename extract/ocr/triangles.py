"""The placeholder triangle (△△: 株式会社△△, △△市) put back where tesseract read it as a kana.

Tesseract's Japanese model reads the outlined triangle of the Gothic fonts (VL Gothic, Takao,
Noto Sans CJK, IPA) as へ, 人, ム, ハ or A, and two of them as one へ (set XII:
株式会社△△データサービス read 株式会社へデータサービス; samples/office-ocr51).  The ink tells
them apart: a △ is one closed outline about a glyph high and as wide, its apex at the top's
middle, its base a full-width stroke, its outline enclosing about half its box, its inside a
large hole (``TRIANGLE_*`` below).  No kana or kanji of a table's text is drawn so (ム's loop,
where it closes, is small; 人 and へ are open; 令 会 今 enclose more than half their box).

A run of words of a line read as those look-alikes (``LOOKALIKES``) is replaced by one △ per
triangle of the ink under the run and its neighbours; a run over no triangle is left as read.
"""

from __future__ import annotations

import cv2
import numpy as np

from .engine import TsvWord

# What tesseract reads a △ as.
LOOKALIKES = frozenset("へヘ人ムハAＡ^＾")
# A triangle's outline: height and width in glyph heights, width / height, the share of its
# box that the hole inside fills (an outlined △: ~0.25; ム's small loop: < 0.1), where the top
# row's ink stands across the box (its middle), and the share of the width the bottom rows'
# ink spans (the base).
TRIANGLE_HEIGHT_EM = (0.6, 1.4)
TRIANGLE_ASPECT = (0.8, 1.4)
TRIANGLE_MIN_HOLE = 0.15
# The share of its box the outline encloses: half for a triangle, a little more for its stroke
# (△ at 300 dpi: 0.55; a kanji whose strokes close a loop under a roof, 令 会 今: 0.63-0.96).
TRIANGLE_FILL = (0.42, 0.6)
TRIANGLE_APEX = (0.3, 0.7)
TRIANGLE_MIN_BASE = 0.75


def _is_triangle(comp: np.ndarray, glyph: float) -> bool:
    """Whether one connected component's mask (its bounding box, 0/1) is an outlined △."""
    h, w = comp.shape
    if not (TRIANGLE_HEIGHT_EM[0] * glyph <= h <= TRIANGLE_HEIGHT_EM[1] * glyph):
        return False
    if not (TRIANGLE_ASPECT[0] <= w / h <= TRIANGLE_ASPECT[1]):
        return False
    outline, _ = cv2.findContours(comp, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(comp)
    cv2.drawContours(filled, outline, -1, 1, -1)
    area = int(filled.sum())
    if not (TRIANGLE_FILL[0] * w * h <= area <= TRIANGLE_FILL[1] * w * h):
        return False
    if area - int(comp.sum()) < TRIANGLE_MIN_HOLE * w * h:
        return False
    top = np.nonzero(comp[0])[0]
    if not len(top) or not (TRIANGLE_APEX[0] <= (top.mean() + 0.5) / w <= TRIANGLE_APEX[1]):
        return False
    base = np.nonzero(comp[-max(h // 8, 1) :].any(axis=0))[0]
    return bool(len(base)) and (base[-1] - base[0] + 1) >= TRIANGLE_MIN_BASE * w


def triangles_in(
    ink: np.ndarray, box: tuple[int, int, int, int], glyph: float
) -> list[tuple[int, int, int, int]]:
    """The outlined triangles (left, top, width, height in page pixels) of the ink (255 where
    ink) whose middles lie in ``box`` (x0, top, x1, bottom), left to right."""
    x0, y0, x1, y1 = box
    H, W = ink.shape
    pad = int(glyph)
    X0, Y0, X1, Y1 = max(x0 - pad, 0), max(y0 - pad, 0), min(x1 + pad, W), min(y1 + pad, H)
    crop = (ink[Y0:Y1, X0:X1] > 0).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    out = []
    for k in range(1, n):
        x, y, w, h, _ = stats[k]
        cx, cy = X0 + x + w / 2, Y0 + y + h / 2
        if not (x0 <= cx <= x1 and y0 <= cy <= y1):
            continue
        if _is_triangle((labels[y : y + h, x : x + w] == k).astype(np.uint8), glyph):
            out.append((int(X0 + x), int(Y0 + y), int(w), int(h)))
    return sorted(out)


def restore_triangles(words: list[TsvWord], ink: np.ndarray, glyph: float) -> tuple[list[TsvWord], int]:
    """The words with each run of look-alikes (``LOOKALIKES``, one line's consecutive words)
    that stands over outlined triangles replaced by one △ word per triangle; how many runs.
    The other words keep their order (the steps after read the words in tesseract's order).
    ``ink``: the page's text ink (255 where ink), in the words' pixels."""
    by_line: dict[tuple[int, int, int], list[int]] = {}
    for k, w in enumerate(words):
        by_line.setdefault(w.line, []).append(k)
    # Index of a run's first word → the run's triangles; indexes of the other words of a run.
    put: dict[int, list[TsvWord]] = {}
    gone: set[int] = set()
    for order in by_line.values():
        order.sort(key=lambda k: words[k].left)
        line_words = [words[k] for k in order]
        i = 0
        while i < len(line_words):
            if line_words[i].text not in LOOKALIKES:
                i += 1
                continue
            j = i
            while j + 1 < len(line_words) and line_words[j + 1].text in LOOKALIKES:
                j += 1
            run = line_words[i : j + 1]
            # Over the run and its neighbours (tesseract's boxes of a line of Japanese can
            # stand a glyph off their ink), over the run's height.
            left = line_words[i - 1].left if i > 0 else min(w.left for w in run) - glyph
            nxt = line_words[j + 1] if j + 1 < len(line_words) else None
            right = nxt.left + nxt.width if nxt else max(w.left + w.width for w in run) + glyph
            top = min(w.top for w in run) - glyph / 2
            bottom = max(w.top + w.height for w in run) + glyph / 2
            found = triangles_in(ink, (int(left), int(top), int(right), int(bottom)), glyph)
            if found:
                # Placed in the run's own span (the neighbours keep tesseract's boxes: the
                # line's order stands), one equal share each.
                x0 = min(w.left for w in run)
                share = max((max(w.left + w.width for w in run) - x0) // len(found), 1)
                conf = min(w.conf for w in run)
                put[order[i]] = [
                    TsvWord("△", x0 + k * share, y, share, h, conf, run[0].line, run[0].word)
                    for k, (_, y, _, h) in enumerate(found)
                ]
                gone.update(order[i + 1 : j + 1])
            i = j + 1
    if not put:
        return words, 0
    out: list[TsvWord] = []
    for k, w in enumerate(words):
        if k in put:
            out += put[k]
        elif k not in gone:
            out.append(w)
    return out, len(put)
