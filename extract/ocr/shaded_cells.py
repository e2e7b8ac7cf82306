"""Tables printed on shaded cells: a dark label band with white text over rows of alternating
light fills, their cells parted by white lines instead of black rulings (LibreOffice Impress's
and PowerPoint's default table style, python-pptx's "Medium Style 2").

Scanned grey, such a table has no ruling for the grid finder and its label row is a dark block
to Otsu's threshold: a 200 dpi scan of an Impress slide gave 1 row of garbage for 3 with status
``success`` (samples/office-ocr55's band cases).  The page is made to look like a ruled table on
white paper before anything is measured on it:

- each pixel's fill is the median of the grey around it over ``FILL_WINDOW_EM`` glyph heights
  (wider than a stroke and a white parting line, so both vanish from it; a median keeps a fill's
  straight edges where a mean would blur them);
- a fill is a region of such medians at least ``FILL_DELTA`` levels darker than the paper that
  stays after an opening of ``FILL_OPEN_EM`` (a band wide and tall enough for a cell, not the
  median of a line of large text);
- inside a fill, ink is what departs from the fill either way: darker text on a light fill, and
  near-white text or parting lines on any fill and lighter text on a dark one (``WHITE_SLACK``,
  ``WHITE_SHARE``), each scaled so that the fill's full contrast is black; a fill's edge against
  the paper is drawn as a ruling just outside it where it runs straight (the table's frame).

Only pages with a dark fill (a median under ``DARK_FILL`` over at least ``MIN_DARK_SHARE`` of the
page: text printed white on it) are changed; every other page keeps its pixels, so that scans
with a light grey label row read as they did.
"""

from __future__ import annotations

import cv2
import numpy as np

# The fill is estimated on the page scaled by this much (a median over 2 glyph heights at full
# size is slow; fills are large).
LOOK_SCALE = 0.5
# Whether a page has a dark fill at all is judged on it scaled by this much (``has_dark_fill``).
QUICK_SCALE = 1 / 8
FILL_WINDOW_EM = 2.0
# A fill: at least this many grey levels darker than the paper (Impress's lighter row fill 236
# and darker 215 on 255 paper, its label band 121, in a 200 dpi grey scan) ...
FILL_DELTA = 10
# ... that survives an opening this wide and tall (glyph heights).
FILL_OPEN_EM = (8.0, 1.5)
# A dark fill, and the share of the page it must cover for the page to be changed.
DARK_FILL = 160
MIN_DARK_SHARE = 0.005
# White ink (text, parting lines): pixels within WHITE_SLACK levels of the paper on any fill,
# and on a dark fill those lighter than it by WHITE_SHARE of the way to the paper (a 200 dpi
# scan's white strokes on a dark band are grey at their edges).  On a light fill only the first:
# the median under dense text is a little darker than the fill, whose own pixels would pass.
WHITE_SLACK = 12
WHITE_SHARE = 0.4
# The least contrast a fill's white ink is scaled by (a fill a few levels off the paper would
# otherwise turn its noise to ink).
MIN_WHITE_CONTRAST = 24.0
PAPER_PERCENTILE = 99
# A fill's edge is drawn as a ruling where it runs straight this far (glyph heights).
FRAME_RUN_EM = 3.0


def fill_of(gray: np.ndarray, glyph: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(fill, mask, dark, paper) of ``gray`` (uint8 H×W): each pixel's fill tone, whether it lies
    in a fill and in a dark one (all at ``LOOK_SCALE``), and the paper's tone (see the module
    notes).  Both masks are opened by ``FILL_OPEN_EM``: the median under a line of dense text
    is darker than the fill round it, in patches a line tall."""
    small = cv2.resize(gray, None, fx=LOOK_SCALE, fy=LOOK_SCALE, interpolation=cv2.INTER_AREA)
    size = max(3, round(FILL_WINDOW_EM * glyph * LOOK_SCALE) | 1)
    fill = cv2.medianBlur(small, size)
    step = max(min(gray.shape) // 400, 1)
    paper = float(np.percentile(gray[::step, ::step], PAPER_PERCENTILE))
    wide, tall = (max(3, round(e * glyph * LOOK_SCALE)) for e in FILL_OPEN_EM)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (wide, tall))
    mask = cv2.morphologyEx((fill < paper - FILL_DELTA).astype(np.uint8), cv2.MORPH_OPEN, kernel)
    dark = cv2.morphologyEx((fill < DARK_FILL).astype(np.uint8), cv2.MORPH_OPEN, kernel)
    return fill, mask, dark, paper


def has_dark_fill(gray: np.ndarray, glyph: float) -> bool:
    """Whether ``gray`` may hold a dark fill, judged cheaply (a few milliseconds, as every scanned
    page is asked): the page averaged down by ``QUICK_SCALE`` has regions darker than
    ``DARK_FILL`` that survive an opening of ``FILL_OPEN_EM`` over ``MIN_DARK_SHARE`` of it (a
    line of text averages lighter, and is less than ``FILL_OPEN_EM`` tall)."""
    small = cv2.resize(gray, None, fx=QUICK_SCALE, fy=QUICK_SCALE, interpolation=cv2.INTER_AREA)
    wide, tall = (max(1, round(e * glyph * QUICK_SCALE)) for e in FILL_OPEN_EM)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (wide, tall))
    dark = cv2.morphologyEx((small < DARK_FILL).astype(np.uint8), cv2.MORPH_OPEN, kernel)
    return bool(dark.mean() >= MIN_DARK_SHARE)


def unshade(gray: np.ndarray, glyph: float) -> np.ndarray | None:
    """``gray`` (uint8 H×W) with its shaded cells made white paper, their text and parting lines
    black and the fills' outer edges drawn as rulings; None when the page has no dark fill (it
    is then left as it is).  ``glyph``: a glyph's height in pixels (a rough one is enough)."""
    if glyph <= 0 or not has_dark_fill(gray, glyph):
        return None
    fill, mask, dark, paper = fill_of(gray, glyph)
    if dark.mean() < MIN_DARK_SHARE:
        return None
    h, w = gray.shape
    tone = cv2.resize(fill, (w, h), interpolation=cv2.INTER_NEAREST).astype(np.float32)
    inside = cv2.resize(mask, (w, h), interpolation=cv2.INTER_NEAREST)
    on_dark = cv2.resize(dark, (w, h), interpolation=cv2.INTER_NEAREST) > 0
    g = gray.astype(np.float32)
    darker = np.clip(tone - g, 0, None) * (255.0 / np.maximum(tone, 1.0))
    contrast = np.maximum(paper - tone, MIN_WHITE_CONTRAST)
    rise = g - tone
    white = (g >= paper - WHITE_SLACK) | (on_dark & (rise >= WHITE_SHARE * contrast))
    lighter = np.where(white, np.clip(rise, 0, None) * (255.0 / contrast), 0.0)
    out = np.where(inside > 0, 255.0 - np.clip(np.maximum(darker, lighter), 0, 255), g).astype(np.uint8)
    out[frame(inside, glyph) > 0] = 0
    return out


def frame(inside: np.ndarray, glyph: float) -> np.ndarray:
    """The straight runs of the fills' outer edge (uint8 H×W, 1 on the edge): a stroke of about
    an eighth of a glyph just outside each fill, kept where it runs straight for at least
    ``FRAME_RUN_EM`` glyph heights (the median rounds a fill's corners; an arc drawn there read
    as katakana)."""
    stroke = max(2, round(glyph / 8))
    grown = cv2.dilate(inside, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * stroke + 1,) * 2))
    edge = grown - inside
    run = max(3, round(FRAME_RUN_EM * glyph))
    across = cv2.morphologyEx(edge, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    down = cv2.morphologyEx(edge, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    return across | down


def unshade_page(gray: np.ndarray, glyph: float, page: int) -> tuple[np.ndarray, list[str]]:
    """``unshade`` of one page, and the page note saying so (none when it was left as it was)."""
    out = unshade(gray, glyph)
    if out is None:
        return gray, []
    note = (
        f"page {page}: a table on shaded cells (a dark label band with light text) read as "
        "dark text on white paper, its cells parted where their fills are"
    )
    return out, [note]
