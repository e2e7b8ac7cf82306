"""A page judged blank that holds faint ink: read with its contrast stretched, and said so.

The blank test (``table_pages.is_blank``: ink darker than the paper by ``blank_contrast``, seen at
``find_dpi``) is tuned for black print: a page copied or scanned too light (a Calc table at ink
195-205 on paper 238-240, one page of a scanned PDF among black ones) has no pixel that dark and
was skipped as blank without a word, its rows lost from a document that said success.  And
``contrast.restore_contrast`` stretches only a page whose ink is ``MIN_RANGE`` levels darker
than its paper.

A page the blank test (the same, here) calls blank is looked at again for faint ink: pixels
darker than its paper by ``faint_contrast`` (JPEG noise on blank paper, averaged at
``find_dpi``, stays within a few levels), covering ``blank_ink_share`` of it.  Such a page is
stretched (its faint ink → black, its paper → white) and read, with a note.
"""

from __future__ import annotations

import numpy as np

from piatable.settings import OcrSettings

from .contrast import restore_contrast
from .ink import ink_share
from .scan_borders import clear_borders


def faint_ink(gray: np.ndarray, dpi: float, settings: OcrSettings) -> bool:
    """Whether a page (greyscale, at ``dpi``) has ink darker than its paper by
    ``faint_contrast`` on ``blank_ink_share`` of its pixels or more, seen at ``find_dpi``."""
    return ink_share(gray, dpi, settings.find_dpi, settings.faint_contrast) >= settings.blank_ink_share


def readable(gray: np.ndarray | None, dpi: float, settings: OcrSettings) -> tuple[np.ndarray | None, str]:
    """(the page to read, a note): its dark scanner borders made paper first
    (``scan_borders``), then a faint page stretched (``contrast.restore_contrast``, its note), a
    page with faint ink that the blank test calls blank stretched all the same (a note saying
    so), None for a blank page ("" note)."""
    if gray is None:
        return None, ""
    gray, border = clear_borders(gray, dpi)
    gray, note = restore_contrast(gray)
    if ink_share(gray, dpi, settings.find_dpi, settings.blank_contrast) < settings.blank_ink_share:
        if not faint_ink(gray, dpi, settings):
            return None, ""
        gray, how = restore_contrast(gray, force=True)
        note = f"faint ink on a page that looked blank: {how or 'read as it is'}"
    return gray, "; ".join(n for n in (border, note) if n)
