"""A yellow highlighter drawn over black text (set XXXIII n07): its band, cut by the black strokes
into glyph-sized solid blocks, is no line of coloured text (``colour_text.SOLID_MARK_SHARE``): made
paper, the black text under it stays, while a line printed in red (hollow glyphs) is still kept.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from piatable.extract.ocr.colour_ink import grey_without_colour

DPI = 250.0
YELLOW = np.array([1.0, 0.96, 0.35])


def _page() -> np.ndarray:
    """A white page: black strokes across a yellow band (y 100-136), red hollow glyphs below."""
    rgb = np.full((400, 900, 3), 255.0)
    for x in range(100, 700, 30):
        rgb[100:136, x : x + 4] = 0.0  # black strokes of the highlighted line, the band's height
    rgb[100:136, 90:720] *= YELLOW
    for x in range(100, 400, 36):  # red 口-like glyphs, 30 px, 3 px strokes
        for y0, y1, x0, x1 in (
            (250, 253, x, x + 30),
            (277, 280, x, x + 30),
            (250, 280, x, x + 3),
            (250, 280, x + 27, x + 30),
        ):
            rgb[y0:y1, x0:x1] = (200, 30, 30)
    return rgb.astype(np.uint8)


def test_a_highlighter_band_is_made_paper_and_its_text_stays():
    grey, what = grey_without_colour(Image.fromarray(_page(), "RGB"), DPI)
    band = grey[102:134, 110:700]
    strokes = band[
        :, [x - 110 + k for x in range(130, 700, 30) for k in range(4) if x - 110 + k < band.shape[1]]
    ]
    gaps = band[:, [x - 110 + 15 for x in range(130, 680, 30)]]
    assert gaps.min() > 200, "the band's blocks were kept as dark ink"
    assert strokes.max() < 60, "the black text under the band was lost"
    assert what.kept_lines == 1  # the red line only
    assert grey[251, 110] < 120  # and it stays ink
