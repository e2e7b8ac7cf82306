"""A circled number at the start of a line read again from its own ink: the ring taken off and
the digits inside it read alone (issue 11, set XXXI).

Tesseract's Japanese model reads a circled number of the Gothic fonts as ``@`` (every one of
set XXXI's t02 scan: ②委託先名 read ``@委託先名``) or as another circled number (①システムの名称
read ``③``).  The forms' numbering cannot put it right: documents number their headings their
own way (②委託先名 where the current form prints ⑥), so a number filled in from the forms is
a guess.  The ink decides it: a circled number is a ring, about a glyph high and as wide,
with its digits inside, apart from it.  The ring (the largest piece of ink of the glyph's box,
spanning most of it both ways) is taken off, specks dropped, and what is left is read with
a digit whitelist, all of a page's glyphs in one tesseract call (each on its own line of one
image).  A glyph whose inside reads one or two digits (1–20) is written as that circled number;
a glyph with no ring (a real ``@``: one stroke) or whose inside reads no number keeps its read.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from piatable.settings import OcrSettings

from .engine import TsvWord, tessdata_dir, tesseract_chars

# The glyph's box: a glyph high within this range (glyph heights), about as wide as high.
CIRCLE_HEIGHT_EM = (0.6, 1.5)
CIRCLE_ASPECT = (0.75, 1.35)
# The ring spans at least this share of the glyph's box's height.
RING_SPAN = 0.75
# A ring leaves its box's corners blank: at most CORNER_INK of each corner square (CORNER_SHARE
# of the box's side) is ink.
CORNER_SHARE = 0.15
CORNER_INK = 0.1
# A pixel this share of the way from the paper to the glyph's darkest pixel is ink.
RING_TONE = 0.3
# ... and a digit's ink this share of the way.
DIGIT_TONE = 0.6
# The digits stand within this share of the ring's radius from its centre (its stroke, at the
# radius, is left out).
INSIDE_SHARE = 0.78
# Pieces of ink inside the ring smaller than this share of the ring's box are specks.
SPECK_SHARE = 0.01
# The crop is scaled by this before reading (a digit inside a ring is a third of a glyph high).
READ_SCALE = 4
# Least confidence (0–100) of each digit read inside a ring.
MIN_DIGIT_CONF = 60.0


def _first_of_lines(words: list[TsvWord]) -> list[int]:
    """Indexes of the first word (leftmost) of each tesseract line."""
    first: dict[tuple[int, int, int], int] = {}
    for i, w in enumerate(words):
        k = first.get(w.line)
        if k is None or w.left < words[k].left:
            first[w.line] = i
    return sorted(first.values())


def ring_inside(crop: np.ndarray) -> np.ndarray | None:
    """The ink inside a circled glyph's ring (255 where ink, the crop scaled by READ_SCALE and
        cut to the ring's box), or None when the glyph has no ring, or ink runs from inside it to
        the ring (a real ``@`` is one stroke) (``crop``: the glyph's grey box with a margin).  The
        ring is found in the pixels ``RING_TONE`` of the way from the paper to the darkest one (a
        ring's thin stroke prints far lighter than its digits: t09 at 200 dpi, 120–170 round digits
        at 20–80, and Otsu's cut broke it), the digits in the pixels ``DIGIT_TONE`` of the way (Otsu's
    cut, between paper and all the rest, joined them to the ring): the pieces within
        ``INSIDE_SHARE`` of the ring's radius from its centre."""
    big = cv2.resize(crop, None, fx=READ_SCALE, fy=READ_SCALE, interpolation=cv2.INTER_CUBIC)
    paper, dark = float(np.percentile(big, 90)), float(big.min())
    light = np.where(big < paper - RING_TONE * (paper - dark), 255, 0).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(light, connectivity=8)
    if n < 2:
        return None
    ring = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_WIDTH] * stats[1:, cv2.CC_STAT_HEIGHT]))
    x, y, w, h = (int(v) for v in stats[ring, :4])
    glyph_h = max(big.shape[0] - 2 * READ_SCALE * _MARGIN, 1)
    if h < RING_SPAN * glyph_h or not CIRCLE_ASPECT[0] <= w / h <= CIRCLE_ASPECT[1]:
        return None
    c = max(int(CORNER_SHARE * min(w, h)), 1)
    box = light[y : y + h, x : x + w] > 0
    if max(box[:c, :c].mean(), box[:c, -c:].mean(), box[-c:, :c].mean(), box[-c:, -c:].mean()) > CORNER_INK:
        return None  # a square frame (回, 固, 図), not a ring
    ink = np.where(big < paper - DIGIT_TONE * (paper - dark), 255, 0).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    yy, xx = np.mgrid[0 : big.shape[0], 0 : big.shape[1]]
    r = (w + h) / 4
    dist = np.hypot(yy - (y + h / 2), xx - (x + w / 2)) / r
    inside = np.zeros_like(ink)
    least = SPECK_SHARE * w * h
    for k in range(1, n):
        if stats[k, cv2.CC_STAT_AREA] < least:
            continue
        d = dist[labels == k]
        if d.min() >= INSIDE_SHARE:
            continue  # the ring (or ink outside it)
        if d.max() > INSIDE_SHARE:
            return None  # ink from inside out to the ring: one stroke, no digit apart
        inside[labels == k] = 255
    if not inside.any():
        return None
    return inside[y : y + h, x : x + w]


def digit_lang(lang: str) -> str:
    """The language data the digits are read with: ``eng`` where installed (tesseract's
    packages ship it; ``jpn`` with a digit whitelist lost a lone 1 of four on set XXXI's t02),
    else ``lang``."""
    return "eng" if Path(tessdata_dir(), "eng.traineddata").exists() else lang


# Pixels of page round a glyph's box in its crop.
_MARGIN = 3


def reread_circled(
    words: list[TsvWord], gray: np.ndarray, glyph: float, settings: OcrSettings
) -> list[TsvWord]:
    """``words`` (a page's characters, pixels of ``gray``: the deskewed page, rulings erased)
    with each line's first character that is a ring round digits (``ring_inside``: whatever
    tesseract read it as, ``@``, another circled number, a kana: t09's ⑤ read る) read again
    from the digits inside it (see the module notes): where they read 1–20, the character is
    that circled number.  One tesseract call for the page's glyphs."""
    picks: list[int] = []
    insides: list[np.ndarray] = []
    lo, hi = CIRCLE_HEIGHT_EM[0] * glyph, CIRCLE_HEIGHT_EM[1] * glyph
    for i in _first_of_lines(words):
        w = words[i]
        if len(w.text) != 1 or (w.text.isascii() and w.text != "@") or not lo <= w.height <= hi:
            continue
        if not CIRCLE_ASPECT[0] <= w.width / max(w.height, 1) <= CIRCLE_ASPECT[1]:
            continue
        y0, x0 = max(w.top - _MARGIN, 0), max(w.left - _MARGIN, 0)
        crop = gray[y0 : w.top + w.height + _MARGIN, x0 : w.left + w.width + _MARGIN]
        if crop.size == 0:
            continue
        inside = ring_inside(crop)
        if inside is not None:
            picks.append(i)
            insides.append(inside)
    if not picks:
        return words
    gap = READ_SCALE * max(int(glyph), 8)
    width = max(c.shape[1] for c in insides) + 2 * gap
    tops = []
    y = gap
    for c in insides:
        tops.append(y)
        y += c.shape[0] + gap
    canvas = np.full((y, width), 255, dtype=np.uint8)
    for top, c in zip(tops, insides, strict=True):
        canvas[top : top + c.shape[0], gap : gap + c.shape[1]][c > 0] = 0
    chars = tesseract_chars(canvas, 6, digit_lang(settings.lang), settings.engine, "0123456789")
    out = list(words)
    for i, top, c in zip(picks, tops, insides, strict=True):
        got = sorted(
            (ch for ch in chars if top - gap / 2 <= ch.top + ch.height / 2 <= top + c.shape[0] + gap / 2),
            key=lambda ch: ch.left,
        )
        digits = "".join(ch.text for ch in got)
        if not digits.isdigit() or not 1 <= int(digits) <= 20 or min(ch.conf for ch in got) < MIN_DIGIT_CONF:
            continue
        number = chr(ord("①") + int(digits) - 1)
        w = words[i]
        if number != w.text:
            out[i] = TsvWord(number, w.left, w.top, w.width, w.height, w.conf, w.line, w.word, w.inked)
    return out
