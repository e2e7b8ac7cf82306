"""A trial read: which turn of a page reads as Japanese, when the page's cues and tesseract's
orientation detection (``orient``) leave its turn undecided or barely decided.

Tesseract's OSD is unreliable on a table page: the rulings and the short lines of the cells
leave it few characters, and on session 54's scans it spoke at confidences of 2 to 6 on upright,
turned and upside-down pages alike (samples/office-scan54, samples/scan-ocr53).  The text itself
is better evidence: the same block of the page read upright gives words tesseract is sure of
(mean confidence 80–95 on a 200–300 dpi scan), read upside down or a quarter off it gives
fragments below 50.  So a square of the page's text (its rulings erased) is read in each turn
the lines' direction allows, and the turn whose read holds the most Japanese characters in sure
words wins, when it holds at least ``TRIAL_MIN_CHARS`` and ``TRIAL_MARGIN`` times the runner-up's;
else nothing is decided (the page stays ``unsure``, and ``page_doubts`` flags a poor read).
One read of a ``TRIAL_SIDE_EM``-glyph square takes about a second.
"""

from __future__ import annotations

import numpy as np
import regex

from piatable.settings import OcrSettings

# Side of the square of text read in each turn, in glyph heights: about 20 lines of a cell's
# text, enough characters to tell at any turn, a small share of a page's pixels.
TRIAL_SIDE_EM = 24.0
# Words tesseract reads at this confidence (0-100) or more count: upright text of the scan sets
# read at 80-95, turned text below 50.
TRIAL_SURE_CONF = 60.0
# The winning turn's count of sure Japanese characters must reach this and be this many times
# the runner-up's.
TRIAL_MIN_CHARS = 12
TRIAL_MARGIN = 2.0
_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def text_square(text: np.ndarray, glyph: float) -> np.ndarray:
    """The square of ``text`` (greyscale, rulings erased, white paper) of side ``TRIAL_SIDE_EM``
    glyphs centred on its ink's centre (the body of a table page); the whole image when smaller."""
    side = int(TRIAL_SIDE_EM * glyph)
    ys, xs = np.nonzero(text < 128)
    h, w = text.shape
    if len(ys) == 0 or (h <= side and w <= side):
        return text
    cy, cx = int(np.median(ys)), int(np.median(xs))
    y0 = min(max(cy - side // 2, 0), max(h - side, 0))
    x0 = min(max(cx - side // 2, 0), max(w - side, 0))
    return np.ascontiguousarray(text[y0 : y0 + side, x0 : x0 + side])


def sure_characters(gray: np.ndarray, lang: str) -> int:
    """Japanese characters in the words tesseract reads in ``gray`` at ``TRIAL_SURE_CONF`` or
    more (one block, ``--psm 6``)."""
    from .engine import parse_tsv, tesseract_tsv

    words = parse_tsv(tesseract_tsv(gray, 6, lang))
    return sum(len(_JAPANESE.findall(w.text)) for w in words if w.conf >= TRIAL_SURE_CONF)


def trial_turn(text: np.ndarray, glyph: float, turns: tuple[int, ...], settings: OcrSettings) -> int | None:
    """The clockwise turn (one of ``turns``) under which the page's text reads (see the module
    notes), or None when no turn wins clearly.  ``text``: the page greyscale with its rulings
    erased, glyphs ``glyph`` pixels tall."""
    from .orient import turn_upright

    square = text_square(text, glyph)
    reads = ((sure_characters(turn_upright(square, t), settings.lang), t) for t in turns)
    counts = sorted(reads, reverse=True)
    best, turn = counts[0]
    runner = counts[1][0] if len(counts) > 1 else 0
    if best >= TRIAL_MIN_CHARS and best >= TRIAL_MARGIN * runner:
        return turn
    return None
