"""A faint page's grey levels stretched so that its darkest ink is black and its paper white.

A copier set too light, or a scan of a faded copy, prints the table in grey (its darkest strokes
at 150-190 of 255).  Seen small for the blank test (``table_pages.is_blank``: ink darker than the
paper by ``blank_contrast``, at ``find_dpi``), such a page had no ink: it was skipped as blank and
the document said success with no table (a Calc page at ink 170 / paper 248; set XXV's s03 was
lighter only by 0.38 of each level).  The ruling and OCR thresholds are tuned on black ink too.

The page's paper tone is its median grey, its ink's tone a low quantile (``INK_QUANTILE``: the
cores of its strokes).  A page whose ink is no darker than ``FAINT_INK_FROM`` and at least
``MIN_RANGE`` levels darker than the paper (a blank page's specks and JPEG noise are not ink)
is stretched linearly: ink → 0, paper → 255.  A page printed in black (its ink darker than
``FAINT_INK_FROM``) is left as it is, whatever its paper's tone (grey backgrounds are
``lighting``'s).
"""

from __future__ import annotations

import numpy as np

# The quantile of the page's grey (sampled) taken as its ink's tone: text covers 2-10% of a
# table page, and the cores of its strokes the darkest few tenths of a percent.
INK_QUANTILE = 0.002
# A page whose ink's tone is at least this light is faint (black text scanned: 0-60; blurred or
# JPEG-damaged black text: under 90; the faint copies seen: 150-190).
FAINT_INK_FROM = 110
# The ink must be at least this many levels darker than the paper to be ink (a blank page's
# noise: 10-30 levels).
MIN_RANGE = 40
# Pixels sampled in each direction: every ``step``-th, step = shorter side / SAMPLE_SIDE.
SAMPLE_SIDE = 600


def ink_and_paper(gray: np.ndarray) -> tuple[int, int]:
    """(ink tone, paper tone) of a greyscale page (uint8), sampled."""
    step = max(min(gray.shape) // SAMPLE_SIDE, 1)
    sample = gray[::step, ::step]
    return int(np.quantile(sample, INK_QUANTILE)), int(np.median(sample))


def restore_contrast(gray: np.ndarray, force: bool = False) -> tuple[np.ndarray, str]:
    """``gray`` stretched when the page is faint (module docstring), and a note saying so ("" and
    ``gray`` itself when it is not).  ``force``: stretched whenever its ink is any darker than its
    paper (a page with faint ink that the blank test called blank: ``faint_pages``)."""
    ink, paper = ink_and_paper(gray)
    if paper <= ink or (not force and (ink < FAINT_INK_FROM or paper - ink < MIN_RANGE)):
        return gray, ""
    lut = np.clip((np.arange(256, dtype=np.float32) - ink) * (255.0 / (paper - ink)), 0, 255)
    out = lut.round().astype(np.uint8)[gray]
    return out, f"faint print (ink at {ink}, paper at {paper} of 255): contrast stretched before reading"
