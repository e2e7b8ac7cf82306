"""A folder kept for one test run and shared by its xdist workers (tests/ocr_cache.py,
tests/doc_cache.py): made by the run's first process, named to the workers in the environment,
removed when the run ends."""

from __future__ import annotations

import os
import shutil
import tempfile


def start_run(env: str, off: bool, prefix: str) -> str | None:
    """Make the run's folder and name it in ``env``; None when the cache is ``off`` or a folder
    is already named (a worker, or a run inside a run)."""
    if off or os.environ.get(env):
        return None
    folder = tempfile.mkdtemp(prefix=prefix)
    os.environ[env] = folder
    return folder


def end_run(env: str, folder: str | None) -> None:
    """Remove the run's folder (``start_run``'s; nothing when it made none)."""
    if folder:
        os.environ.pop(env, None)
        shutil.rmtree(folder, ignore_errors=True)
