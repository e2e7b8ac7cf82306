"""How a scan's pages share the cores (extract/ocr/cores.py): strips per page, OpenCV's threads."""

from __future__ import annotations

import cv2
import numpy as np

from piatable.extract.ocr import cores
from piatable.extract.ocr.rulings import find_rulings


def test_a_page_is_split_only_when_the_pages_cannot_fill_the_cores() -> None:
    assert cores.strip_parts(2, 1) == 2  # one page: its cells on both cores
    assert cores.strip_parts(2, 0) == 2  # count unknown: as before
    assert cores.strip_parts(2, 4) == 1  # four pages fill two cores: one strip (one call) a page
    assert cores.strip_parts(1, 1) == 1
    assert cores.strip_parts(4, 3) == 4


def test_opencv_threads_held_inside_and_put_back_after() -> None:
    before = cv2.getNumThreads()
    with cores.cv_threads():
        assert cv2.getNumThreads() == cores.CV_THREADS
    assert cv2.getNumThreads() == before


def test_short_pieces_leave_the_ruling_mask() -> None:
    """A grid's rulings are kept and a character-sized stroke is cleared from the mask (the
    pieces cleared inside their own boxes)."""
    ink = np.zeros((400, 600), dtype=np.uint8)
    ink[50, 20:580] = 255
    ink[350, 20:580] = 255
    ink[50:351, 20] = 255
    ink[50:351, 579] = 255
    ink[200, 100:140] = 255  # a stroke two glyphs long: longer than the kernel, shorter than a ruling
    rul = find_rulings(ink, 20.0, 1.5, 3.0)
    assert len(rul.horizontal) == 2 and len(rul.vertical) == 2
    assert rul.mask[200, 100:140].max() == 0
    assert rul.mask[50, 300] == 255 and rul.mask[200, 20] == 255
