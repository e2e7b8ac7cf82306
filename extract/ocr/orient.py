"""A page's orientation: turned a quarter, a half or three quarters (a sheet fed sideways or
upside down), found and undone before anything else reads it.

Two cheap cues (about 50 ms a page) come first: the direction of the text lines (the ink
closed along x gives long bands on an upright page, along y on a page turned a quarter), and the
side of the cells the text is flush with (amendment tables align item, before, after and
explanation left; a page turned 180° leaves them flush right).  A page they find upright is
read as it is.  Any other page (turned, or undecided: few lines, centred text, flush votes
split) gets a trial read of a block of its text in each turn the lines' direction allows
(``orient_trial``, about a second a turn): the turn that reads as Japanese wins.  Only when that
is not clear does tesseract's orientation and script detection (``--psm 0``, the ``osd`` data,
on the page at a reduced size) decide, when it is confident and agrees with the lines'
direction.  Session 54 (samples/office-scan54, samples/scan-ocr53): the trial read chose the
right turn on all 12 pages, by 2.5 to 13 times the runner-up's sure characters, where the flush
cues were split on 3 and OSD spoke at confidences of 3.5 to 6.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import cv2
import numpy as np

from piatable.settings import OcrSettings

from .orient_trial import trial_turn

# A page the cues leave undecided whose first orientation detection (glyphs of
# ``orient_osd_glyph_px``, 12) is not confident is asked again with glyphs this tall (px):
# tesseract's OSD needs strokes it can see.  A Calc page printed large (a slide-like table, 2
# rows) turned 270° scored 1.3 at 12 px and 11.3 at 20 px (samples/scan-ocr53), and was read
# as it lay: 0 rows.  Only undecided pages pay for it (about 1 s more).
OSD_RETRY_GLYPH_PX = 20.0


@dataclass(slots=True)
class Orientation:
    """How far the page is turned clockwise as seen, in degrees (0, 90, 180, 270), and how that
    was decided (``cues``, ``trial``, ``osd`` or ``unsure``: left as it was)."""

    turned: int
    how: str
    confidence: float = 0.0


def _elongation(text: np.ndarray, k: int, axis: int) -> float:
    """Ink-weighted median of how long the blobs are along ``axis`` (0: x, 1: y) over how long
    they are across, after closing gaps of up to ``k`` pixels along that axis."""
    size = (k, 1) if axis == 0 else (1, k)
    closed = cv2.morphologyEx(text, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, size))
    n, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    if n < 2:
        return 0.0
    w = stats[1:, cv2.CC_STAT_WIDTH].astype(np.float64)
    h = stats[1:, cv2.CC_STAT_HEIGHT].astype(np.float64)
    area = stats[1:, cv2.CC_STAT_AREA].astype(np.float64)
    ratio = np.log(w / h) if axis == 0 else np.log(h / w)
    order = np.argsort(ratio)
    cum = np.cumsum(area[order])
    return float(ratio[order][np.searchsorted(cum, cum[-1] / 2)])


def lines_run_across(text: np.ndarray, glyph: float, settings: OcrSettings) -> float:
    """How much more the text's lines run along x than along y (log ratio; > 0: across, the
    page upright or upside down; < 0: turned a quarter).  ``text`` is the ink without rulings."""
    k = max(int(settings.orient_close_em * glyph), 2)
    return _elongation(text, k, 0) - _elongation(text, k, 1)


def left_flush_votes(
    text: np.ndarray, xs: list[float], glyph: float, settings: OcrSettings
) -> tuple[int, int]:
    """(lines flush left, lines flush right) among the text lines between the column rulings at
    ``xs`` (pixels): a line whose white on one side of its cell exceeds the other's by more than
    ``orient_flush_em`` glyph heights votes for the side with less white.  Centred lines do not
    vote."""
    if len(xs) < 2:
        return 0, 0
    k = max(int(settings.orient_line_em * glyph), 2)
    closed = cv2.morphologyEx(text, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    left = right = 0
    margin = settings.orient_flush_em * glyph
    edges = np.asarray(sorted(xs))
    for i in range(1, n):
        x, _, w, h, _ = (int(v) for v in stats[i])
        if h < 0.5 * glyph or h > 2 * glyph:
            continue
        j = int(np.searchsorted(edges, x))
        if j == 0 or j >= len(edges) or edges[j] < x + w:
            continue
        gap_left, gap_right = x - edges[j - 1], edges[j] - (x + w)
        if gap_right - gap_left > margin:
            left += 1
        elif gap_left - gap_right > margin:
            right += 1
    return left, right


def osd_turn(
    gray: np.ndarray, glyph: float, settings: OcrSettings, glyph_px: float | None = None
) -> tuple[int, float] | None:
    """Tesseract's orientation detection: (clockwise turn of the page as seen, confidence), or
    None when it cannot tell (too few characters, no ``osd`` data).  The page is scaled so that
    glyphs are ``glyph_px`` (default ``orient_osd_glyph_px``) tall first (time grows with the
    pixels)."""
    import pytesseract

    from .engine import _uncompressed

    want = glyph_px or settings.orient_osd_glyph_px
    ratio = want / glyph if glyph > 0 else 1.0
    small = gray
    if ratio < 1:
        small = cv2.resize(gray, None, fx=ratio, fy=ratio, interpolation=cv2.INTER_AREA)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        out = pytesseract.image_to_osd(_uncompressed(small), config="--psm 0", output_type="dict")
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError):
        return None
    # "rotate" is how far to turn the image clockwise to put it upright.
    rotate = int(out.get("rotate", 0)) % 360
    return (360 - rotate) % 360, float(out.get("orientation_conf", 0.0))


def _flush_turn(left: int, right: int, settings: OcrSettings) -> int | None:
    """0 when enough lines are flush left, 180 when as many are flush right, else None."""
    votes = left + right
    if votes < settings.orient_min_votes:
        return None
    if left >= settings.orient_flush_share * votes:
        return 0
    if right >= settings.orient_flush_share * votes:
        return 180
    return None


def _long(segments: list[tuple[int, int, int, int]], axis: int, settings: OcrSettings) -> list:
    """The rulings (x0, y0, x1, y1) at least ``orient_ruling_share`` as long along ``axis`` (1:
    down, for verticals; 0: across) as the longest: a table's column rulings run its height,
    while strokes of text lined up in a column (at the cue's small scale) make short ones, and
    text that stops at such a stroke would vote for the wrong side."""
    if not segments:
        return []
    lengths = [abs(sg[axis + 2] - sg[axis]) for sg in segments]
    least = settings.orient_ruling_share * max(lengths)
    return [sg for sg, n in zip(segments, lengths, strict=True) if n >= least]


def find_orientation(gray: np.ndarray, glyph: float, settings: OcrSettings) -> Orientation:
    """The turn of a page image (greyscale, median glyph ``glyph`` pixels tall).

    The cues are measured on a copy scaled to ``orient_cue_glyph_px`` glyphs.  The direction of
    the lines tells upright or upside down (lines across) from a quarter turn (lines down); which
    side the text is flush with tells the rest (for a quarter turn, on the copy turned back a
    quarter, where the horizontal rulings are the column rulings).  A page the cues find upright
    is taken so.  Any other page is read in each turn the lines' direction allows
    (``orient_trial.trial_turn``), and the turn that reads clearly best wins.  When that does not
    decide, the cues' turn stands unless tesseract's OSD confidently says another; without one,
    the OSD decides if its confidence reaches ``orient_osd_min_conf`` and it agrees with the
    lines' direction; else the page is left as it lies (``unsure``)."""
    from .ink import binarize, erase
    from .rulings import cuts, find_rulings

    ratio = min(settings.orient_cue_glyph_px / glyph, 1.0) if glyph > 0 else 1.0
    small = cv2.resize(gray, None, fx=ratio, fy=ratio, interpolation=cv2.INTER_AREA) if ratio < 1 else gray
    g = glyph * ratio
    ink = binarize(small)
    rul = find_rulings(ink, g, settings.ruling_kernel_em, settings.min_ruling_em, settings.min_vertical_em)
    text = 255 - erase(255 - ink, rul.mask, 1)
    across = lines_run_across(text, g, settings)
    allowed: tuple[int, ...] = (0, 90, 180, 270)
    turn: int | None = None
    if across > settings.orient_across_min:
        allowed = (0, 180)
        columns = cuts(_long(rul.vertical, 1, settings), 0, settings.merge_em * g)
        turn = _flush_turn(*left_flush_votes(text, columns, g, settings), settings)
    elif across < -settings.orient_across_min:
        allowed = (90, 270)
        # Turned back a quarter (counter-clockwise), a row y of the page is the column x = y.
        back = np.ascontiguousarray(np.rot90(text, 1))
        columns = cuts(_long(rul.horizontal, 0, settings), 1, settings.merge_em * g)
        flush = _flush_turn(*left_flush_votes(back, columns, g, settings), settings)
        turn = None if flush is None else (90 if flush == 0 else 270)
    if turn == 0:
        return Orientation(0, "cues")
    # Every other verdict (a turn from the cues, or none) is checked by a trial read: the text
    # read in each turn the lines allow (orient_trial; a wrong turn reads as garbage).
    tried = trial_turn(_text_at(gray, glyph, settings), glyph, allowed, settings)
    if tried is not None:
        return Orientation(tried, "trial")
    if turn is not None:
        # Turning a page is drastic (an upright page turned reads as garbage): a confident OSD
        # that disagrees with the cues wins.
        osd = osd_turn(gray, glyph, settings)
        if osd is None or osd[1] < settings.orient_osd_min_conf or osd[0] == turn or osd[0] not in allowed:
            return Orientation(turn, "cues")
        return Orientation(osd[0], "osd", osd[1])
    osd = osd_turn(gray, glyph, settings)
    if (osd is None or osd[1] < settings.orient_osd_min_conf) and glyph > settings.orient_osd_glyph_px:
        again = osd_turn(gray, glyph, settings, OSD_RETRY_GLYPH_PX)
        if again is not None and (osd is None or again[1] > osd[1]):
            osd = again
    if osd is not None and osd[1] >= settings.orient_osd_min_conf and osd[0] in allowed:
        return Orientation(osd[0], "osd", osd[1])
    return Orientation(0, "unsure", osd[1] if osd else 0.0)


def _text_at(gray: np.ndarray, glyph: float, settings: OcrSettings) -> np.ndarray:
    """``gray`` with its rulings erased (white), at its own scale: what the trial read reads."""
    from .ink import binarize, erase
    from .rulings import find_rulings

    ink = binarize(gray)
    rul = find_rulings(
        ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.min_vertical_em
    )
    return erase(gray, rul.mask, settings.erase_grow_px)


def turn_upright(img: np.ndarray, turned: int) -> np.ndarray:
    """The image of a page turned ``turned`` degrees clockwise, put upright."""
    return np.ascontiguousarray(np.rot90(img, k=(turned // 90) % 4))
