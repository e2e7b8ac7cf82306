"""How a local worker process of the bulk job starts and stops: the multiprocessing context of
its Pebble pool, its own folder for temporary files, and stopping a pool (``batch.LocalRunner``)."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from typing import Any


def pool_context(start: str) -> Any:
    """``fork``: workers start at once and warm (the parent's imports are theirs); the parent
    runs no document, so no lock of the pipeline is held when it forks.  ``forkserver`` inside
    a Dask worker, whose event-loop threads may hold locks at any moment."""
    ctx = multiprocessing.get_context(start)
    if start == "forkserver":
        ctx.set_forkserver_preload(["piatable.batch"])
    return ctx


def worker_temp_folder(root: str) -> None:
    """A new worker's temporary files go to a folder of its own under the run's ``root``
    (``tempfile`` and the programs it starts, tesseract through pytesseract)."""
    folder = tempfile.mkdtemp(prefix="worker-", dir=root)
    tempfile.tempdir = folder
    os.environ["TMPDIR"] = folder


def stop_pool(pool: Any) -> None:
    """Stop a Pebble pool and its workers, tasks and all."""
    pool.stop()
    pool.join(timeout=10)
