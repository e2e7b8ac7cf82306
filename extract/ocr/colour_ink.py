"""A colour page made grey with its strongly coloured ink (stamps, seals, coloured pen) dropped.

A Japanese office stamps a copy it received or publishes (受付, 公開用, 済: a red or vermilion
seal, a ring or a box), and a reviewer marks it in blue pen.  Made grey by luminance, a red
stamp (200, 30, 30) is as dark as text (~80 of 255): its box's sides are read as column rulings
and its ring as ink in the cells (set XXV's s05: a 公開用 box over the label row gave "ruled as a
table but no table columns read", 0 rows of 12).  The table itself is printed in black or grey.

Each pixel's grey is its luminance (ITU-R 601, as Pillow's "L"), moved towards the paper's
tone (the page's median grey; its brightest channel where that is lighter) as its chroma
(brightest minus darkest channel) rises from ``CHROMA_FROM`` to ``CHROMA_FULL``: a saturated
red or blue pixel becomes paper, while black text under a stamp, dark in every channel, stays
dark, and grey ink or paper (chroma near 0, JPEG's colour noise ~10-20) is untouched.

Text printed in colour (a change typed in red, a whole row in red) is not a stamp: coloured marks
shaped as lines of glyphs (``colour_text``) are kept as ink and read.  What was made paper, and
what was kept, is told (``ColourInk``): the page says so in a note (``pages.scan_images``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .colour_text import text_marks
from .plane_shift import register_planes

if TYPE_CHECKING:
    from PIL import Image

# Chroma (0-255: brightest minus darkest channel) below which a pixel is grey ink or paper (a
# grey scan saved as colour JPEG: up to ~20), and from which it is fully a colour's (set XXV's
# red stamp: ~170; its anti-aliased rim ~60-120).
CHROMA_FROM = 40
CHROMA_FULL = 90
# The rim taken with coloured ink: this many pixels around it, where lighter than RIM_MAX_INK
# (black text's strokes: 0-90 at their core).
RIM_PX = 2
RIM_MAX_INK = 110
# A page whose most coloured pixels (this quantile of the chroma) stay under CHROMA_FROM has no
# coloured ink: its luminance is taken as it is.
COLOUR_QUANTILE = 0.999
# A pixel at least this much of a colour's (its weight) counts as coloured ink: in the mask
# ``colour_text`` judges, and in the share made paper.
COLOURED_WEIGHT = 0.5
# A page whose planes were put back (plane_shift) is judged for colour on planes blurred by this
# sigma (px): the fringe left after registration (up to ~0.6 px, session 74's scan74 set, plus
# JPEG's 2-px colour blocks) spread over the stroke, a 2-3 px black stroke then grey.
FRINGE_SIGMA_PX = 1.5


@dataclass(slots=True)
class ColourInk:
    """What ``grey_without_colour`` did to a page: the share of its pixels of coloured ink made
    paper (0-1), and the lines of coloured text kept as ink and the stamps' frames seen
    (``colour_text``)."""

    removed_share: float = 0.0
    kept_lines: int = 0
    stamps: int = 0
    # The red and blue planes' misregistration undone (px; 0: none, ``plane_shift``).
    registered: float = 0.0

    def note(self, min_share: float) -> str:
        """The page note (without its ``page N:``), "" when nothing worth saying was done: less
        than ``min_share`` of the page made paper and no text kept."""
        said = []
        if self.registered:
            said.append(
                f"its colour planes lay {self.registered:.1f} px apart (colour fringes) and were "
                "put back over each other before reading"
            )
        if self.kept_lines:
            said.append(f"{self.kept_lines} line(s) of text printed in colour kept and read as ink")
        if self.removed_share >= min_share:
            what = f"{self.stamps} stamp(s) or seal(s) and other " if self.stamps else ""
            said.append(
                f"{what}coloured marks ({self.removed_share:.2%} of the page) made paper before "
                "reading: coloured text among them is not read"
            )
        return "; ".join(said)


def _weight(chroma: np.ndarray) -> np.ndarray:
    """How much of a colour's each pixel is (0-1, float32) from its chroma (CHROMA_FROM …
    CHROMA_FULL)."""
    return np.clip((chroma.astype(np.float32) - CHROMA_FROM) / (CHROMA_FULL - CHROMA_FROM), 0.0, 1.0)


def grey_without_colour(im: Image.Image, dpi: float = 0.0) -> tuple[np.ndarray, ColourInk]:
    """``im`` as a greyscale array (uint8, 0 black … 255 white) with strongly coloured ink made as
    light as its brightest channel, but coloured text (judged at ``dpi``: none kept when 0), and
    what was made paper or kept (module docstring).  A grey or bilevel image is converted as
    Pillow's "L" does."""
    if im.mode not in ("RGB", "RGBA", "YCbCr", "CMYK", "P"):
        return np.asarray(im.convert("L"), dtype=np.uint8).copy(), ColourInk()
    rgb = np.asarray(im.convert("RGB"), dtype=np.uint8)
    grey = np.asarray(im.convert("L"), dtype=np.uint8)
    top = rgb.max(axis=2)
    chroma = top - rgb.min(axis=2)
    if np.quantile(chroma[::4, ::4], COLOUR_QUANTILE) < CHROMA_FROM:
        return grey.copy(), ColourInk()
    import cv2

    # Black strokes fringed red and blue by planes lying apart are not coloured ink: the planes
    # are put back first (``plane_shift``), then judged.
    rgb, registered = register_planes(rgb)
    if registered:
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        top = rgb.max(axis=2)
        chroma = top - rgb.min(axis=2)
        if np.quantile(chroma[::4, ::4], COLOUR_QUANTILE) < CHROMA_FROM:
            return grey, ColourInk(registered=registered)
    weight = _weight(chroma)
    marks = weight >= COLOURED_WEIGHT
    if registered:
        # What fringe is left (sub-pixel, and JPEG's half-resolution colour about it) is judged
        # on planes blurred over it: a black stroke's red and blue edges average out to grey, a
        # coloured stroke or fill stays coloured.  Coloured text is told by its marks' shapes as
        # printed (blurred, a line of small red glyphs ran into one solid band, taken for a
        # highlighter's and made paper: heldout-scan74 h1), where coloured after the blur too.
        soft = cv2.GaussianBlur(rgb, (0, 0), FRINGE_SIGMA_PX)
        weight = _weight(soft.max(axis=2) - soft.min(axis=2))
        marks &= weight >= COLOURED_WEIGHT
    text = text_marks(marks, dpi)
    # The colour's rim (JPEG keeps colour at half resolution: a grey fringe of low chroma around
    # each stroke) goes with it, unless it is dark: black text crossing the stamp stays.
    k = 2 * RIM_PX + 1
    element = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    rim = cv2.dilate(weight, element)
    weight = np.where(grey > RIM_MAX_INK, np.maximum(weight, rim), weight)
    paper = float(np.median(grey[::4, ::4]))
    out = grey + weight * (np.maximum(top, paper).astype(np.float32) - grey)
    if text.keep is not None:  # coloured text and its rim stay, as dark as their darkest channel
        kept = cv2.dilate(text.keep.astype(np.uint8), element) > 0
        weight[kept] = 0.0
        out[kept] = np.minimum(grey[kept], rgb.min(axis=2)[kept])
    removed = float(np.count_nonzero(weight >= COLOURED_WEIGHT)) / max(weight.size, 1)
    return out.round().astype(np.uint8), ColourInk(removed, text.lines, text.stamps, registered)
