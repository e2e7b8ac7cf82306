"""How a local worker process of the bulk job starts and stops: the multiprocessing context of
its Pebble pool, the run's and each worker's folder for temporary files, and stopping a pool
(``batch.LocalRunner``)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any


def pool_context(start: str) -> Any:
    """``fork``: workers start at once and warm (the parent's imports are theirs); the parent
    runs no document, so no lock of the pipeline is held when it forks.  ``forkserver`` inside
    a Dask worker, whose event-loop threads may hold locks at any moment."""
    ctx = multiprocessing.get_context(start)
    if start == "forkserver":
        ctx.set_forkserver_preload(["piatable.batch"])
    return ctx


# The run's temporary folder is named ``piatable-run-<pid of the run>-<random>``.
RUN_FOLDER_PREFIX = "piatable-run-"


def run_temp_folder() -> str:
    """A new temporary folder for this run's workers (removed when the run closes), after
    removing the folders of earlier runs whose process is gone: a run killed with ``kill -9``
    (or by the OOM killer) cannot remove its own, and each holds its workers' page images."""
    for old in Path(tempfile.gettempdir()).glob(RUN_FOLDER_PREFIX + "*-*"):
        pid = old.name[len(RUN_FOLDER_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and _owned_folder(old) and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return tempfile.mkdtemp(prefix=f"{RUN_FOLDER_PREFIX}{os.getpid()}-")


def _owned_folder(path: Path) -> bool:
    """``path`` is a folder of this user's.  False when it is gone: a run that ends removes its
    folder, and may do so between the listing and this look (set XXV: a run started beside
    two others failed with ``[Errno 2] No such file or directory: '/tmp/piatable-run-…'``)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


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
