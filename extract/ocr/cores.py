"""How a document's pages share the cores: OpenCV's own threads while pages are read, and
whether a page's cells are split over several tesseract calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# OpenCV's own threads while pages are read: pages are read side by side already (one thread
# per core), and OpenCV's pool on top of them spent CPU waiting for each other.  The page work
# outside tesseract (rulings, deskew, glyph size; tesseract stubbed out, excel-seed at 300 dpi,
# 2 cores under load) took 0.41–0.47 CPU s a page with OpenCV's default of one thread per core,
# 0.35–0.37 with one.
CV_THREADS = 1

# A page's cells are split over the cores only when the document has fewer pages than this many
# times the cores (its pages alone cannot keep them busy).  Each strip is a tesseract call (a
# process start, about 0.2 CPU s, by ``ocr.engine=process``): excel-seed, 4 pages at 200 and
# 300 dpi on 2 cores, took 2 strip calls a page split and 1 unsplit.
SPLIT_BELOW_PAGES = 1


@contextmanager
def cv_threads() -> Iterator[None]:
    """OpenCV held to ``CV_THREADS`` threads inside the block (its setting is process-wide: the
    caller's is put back after)."""
    import cv2

    before = cv2.getNumThreads()
    cv2.setNumThreads(CV_THREADS)
    try:
        yield
    finally:
        cv2.setNumThreads(before)


def strip_parts(cores: int, count: int) -> int:
    """How many strips (tesseract calls, read side by side) a page's cells are cut into, with
    ``cores`` threads reading and ``count`` pages to read (0: unknown): one per core when the
    pages are too few to keep the cores busy (``SPLIT_BELOW_PAGES``), else one."""
    if cores > 1 and (not count or count < cores * SPLIT_BELOW_PAGES):
        return cores
    return 1
