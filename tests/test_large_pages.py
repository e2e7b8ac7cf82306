"""A page scaled past LARGE_PAGE_PIXELS is read alone in the process (extract/ocr/large_pages.py):
two halves of a two-up 300 dpi sheet, each scaled up to 37 megapixels, held 1.1 GB side by side."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from piatable.extract.ocr.large_pages import LARGE_PAGE_PIXELS, hold_if_large, one_large_page_at_a_time


def _overlap(pixels: list[float], fail: bool = False) -> int:
    """The most page readings of ``pixels`` that ran at once, on one thread per page."""
    lock = threading.Lock()
    now, most = [0], [0]

    @one_large_page_at_a_time
    def read(p: float) -> None:
        hold_if_large(p)
        with lock:
            now[0] += 1
            most[0] = max(most[0], now[0])
        time.sleep(0.2)
        with lock:
            now[0] -= 1
        if fail:
            raise ValueError("a page that fails")

    with ThreadPoolExecutor(len(pixels)) as pool:
        for fut in [pool.submit(read, p) for p in pixels]:
            if fail:
                with pytest.raises(ValueError):
                    fut.result()
            else:
                fut.result()
    return most[0]


def test_large_pages_are_read_one_at_a_time_small_ones_side_by_side():
    large, small = 37_000_000, 8_700_000  # a two-up half scaled up; an A4 page at 300 dpi
    assert small < LARGE_PAGE_PIXELS < large
    assert _overlap([large, large, large]) == 1
    assert _overlap([small, small, small]) == 3
    assert _overlap([large, small, small]) == 3  # a small page does not wait for a large one


def test_a_failing_large_page_gives_the_hold_back():
    _overlap([40_000_000, 40_000_000], fail=True)
    assert _overlap([40_000_000, 8_000_000]) == 2  # not stuck: both finish, the hold is free


def test_a_page_read_inside_a_large_pages_reading_does_not_wait_for_itself():
    @one_large_page_at_a_time
    def read(p: float, inner: bool) -> str:
        hold_if_large(p)
        return read(p, False) if inner else "read"

    done: list[str] = []
    t = threading.Thread(target=lambda: done.append(read(40_000_000, True)))
    t.start()
    t.join(5)
    assert done == ["read"]


def test_outside_a_reading_nothing_is_held():
    hold_if_large(10**9)  # a step called alone (tests of the steps): no reading, no hold
    assert _overlap([40_000_000, 40_000_000]) == 1
