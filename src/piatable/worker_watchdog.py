"""Inside a worker process of the bulk job: the watchdog that holds one input to its time and
memory limits (``batch.run_in_worker`` runs every input under it), and how a worker starts.

A worker's memory is counted from what it holds when it starts.  With the ``fork`` start method
a new worker shares every page of the ``piatable`` process, which holds the results of every
input read so far (``-o``: written at the end); a worker started late in a long run begins with
that process's resident memory, gigabytes of pages it never writes.  Counted, they failed inputs
that alone read well under the limit (session 71's ``make run``: three scans "over 2048 MB").  So
the limit counts the worker's resident memory above its resident memory at its start (its
tesseract processes added), and the worker freezes the objects it was born with out of Python's
garbage collector, which would otherwise write to them and make its own copy of each page.

A worker also counts the inputs it has read: past the memory limit, one that had read earlier
inputs (their caches and the allocator's high-water mark are in its memory) exits with
``EXIT_MEMORY_WARM``, and the parent reads the input again in a fresh worker before it fails it
(``batch.LocalRunner``); a fresh worker exits with ``EXIT_MEMORY``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

from .worker_pool import worker_temp_folder

# How often the watchdog looks at the clock and the memory (s).
WATCH_INTERVAL_S = 0.1
# ... and how often it looks for its child processes' memory (s): finding them costs a scan of
# the whole process table.
CHILDREN_EVERY_S = 1.0
# Exit codes of a worker stopped by its own watchdog: the time limit; the memory limit in a
# fresh worker; the memory limit in a worker that had read other inputs; the parent gone.
EXIT_TIMEOUT = 71
EXIT_MEMORY = 72
EXIT_ORPHANED = 73
EXIT_MEMORY_WARM = 74

# This worker's resident memory when it started (bytes) and the inputs it has read.
_born_rss = 0
_inputs_read = 0


def _rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def start_worker(root: str) -> None:
    """A new worker's start (the pool's initializer): its temporary folder under the run's
    ``root``; its inherited objects frozen out of the garbage collector; its resident memory
    now, from which its inputs' memory is counted."""
    global _born_rss
    worker_temp_folder(root)
    gc.freeze()
    _born_rss = _rss()


def _children_bytes(proc: Any) -> int:
    """Resident memory of the worker's child processes (tesseract).  Finding them scans the
    whole process table (about 2 ms), so the watchdog does it every ``CHILDREN_EVERY_S``."""
    import psutil

    total = 0
    for child in proc.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total


def _die(code: int) -> None:
    """Kill this worker's children (tesseract) and exit at once with ``code``."""
    import psutil

    try:
        for child in psutil.Process().children(recursive=True):
            child.kill()
    except psutil.Error:
        pass
    os._exit(code)


def _watch(stop: threading.Event, timeout_s: float, cap_bytes: int, over_code: int) -> None:
    import psutil

    proc = psutil.Process()
    # A worker whose parent died (a kill -9 of the run) is adopted by another process: it stops
    # at once instead of finishing a document no one will read.
    parent = os.getppid()
    deadline = time.monotonic() + timeout_s
    children, children_at = 0, -CHILDREN_EVERY_S
    while not stop.wait(WATCH_INTERVAL_S):
        now = time.monotonic()
        if now > deadline:
            _die(EXIT_TIMEOUT)
        if os.getppid() != parent:
            _die(EXIT_ORPHANED)
        try:
            if now - children_at >= CHILDREN_EVERY_S:
                children, children_at = _children_bytes(proc), now
            if proc.memory_info().rss - _born_rss + children > cap_bytes:
                _die(over_code)
        except psutil.Error:
            continue


@contextlib.contextmanager
def watched(timeout_s: float, max_memory_mb: int) -> Iterator[None]:
    """Run the body (one input) under the watchdog: past ``timeout_s`` seconds the worker exits
    with ``EXIT_TIMEOUT``; past ``max_memory_mb`` MB of resident memory above the worker's at
    its start, tesseract's included, with ``EXIT_MEMORY`` (``EXIT_MEMORY_WARM`` when the worker
    had read other inputs before); when its parent is gone, with ``EXIT_ORPHANED``."""
    global _inputs_read
    stop = threading.Event()
    over = EXIT_MEMORY_WARM if _inputs_read else EXIT_MEMORY
    args = (stop, timeout_s, max_memory_mb * 1024 * 1024, over)
    threading.Thread(target=_watch, args=args, daemon=True).start()
    try:
        yield
    finally:
        stop.set()
        _inputs_read += 1
