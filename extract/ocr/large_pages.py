"""One large page image at a time in a process: the memory of a scan's pages read side by side.

``pages.scan_images`` prepares one page per core at once.  A page is worked on at the size that
puts its glyphs at tesseract's height (``pages.scan_image``): a sheet of small print is scaled
up first, and each half of a two-up A4 sheet at 300 dpi (7 pt glyphs of 11 px) becomes a page
of 37 megapixels (7,217 x 5,100), whose rulings and deskew take a 4-byte label per pixel
(``cv2.connectedComponentsWithStats``: 147 MB) besides its masks.  Two such halves side by side
held 1.1 GB (samples/office-twoup57/calc-gothic-10pt-300-t1, session 71's ``make run``).  So a
page whose working image passes ``LARGE_PAGE_PIXELS`` waits until no other large page is being
read in the process; smaller pages (an A4 page at 300 dpi is 8.7 megapixels) go side by side as
before.  Tesseract still reads the large page's cells on every core (``cores.strip_parts``).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

# Pixels of a page's working image above which it is read alone (an A3 page at 300 dpi is
# 17.4 megapixels and goes side by side; a scaled-up sheet of small print, 37, alone).
LARGE_PAGE_PIXELS = 20_000_000

_large = threading.RLock()  # held by the thread reading a large page (re-entered by a page it reads itself)
_held = threading.local()  # this thread's depth of pages read, and whether each took ``_large``

P = ParamSpec("P")
R = TypeVar("R")


def one_large_page_at_a_time(read: Callable[P, R]) -> Callable[P, R]:
    """``read`` (a page's reading) gives back the large-page hold its call took with
    ``hold_if_large``, whatever way it ends."""

    @functools.wraps(read)
    def reading(*args: P.args, **kwargs: P.kwargs) -> R:
        stack: list[bool] = _held.__dict__.setdefault("stack", [])
        stack.append(False)
        try:
            return read(*args, **kwargs)
        finally:
            if stack.pop():
                _large.release()

    return reading


def hold_if_large(pixels: float) -> None:
    """In a page's reading (``one_large_page_at_a_time``): wait, when its working image will
    have more than ``LARGE_PAGE_PIXELS`` ``pixels`` (known before it is scaled), until no other
    thread reads a large page, and hold that until the reading ends.  Outside a reading (a test
    calling the steps), nothing."""
    stack: list[bool] | None = getattr(_held, "stack", None)
    if not stack or stack[-1] or pixels <= LARGE_PAGE_PIXELS:
        return
    _large.acquire()
    stack[-1] = True
