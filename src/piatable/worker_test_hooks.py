"""How the tests make a real worker misbehave: an input whose first line is
``#piatable-test: ACTION`` makes the worker running it kill itself (``kill``; ``temp-then-kill``
after writing a temporary file), die holding the Pebble channel's lock (``kill-holding-lock``),
hang (``hang``) or allocate memory (``allocate``: until stopped; ``hold MB``: that many MB kept for
the worker's life, as memory an input leaves behind; ``use MB``: that many MB for ``USE_HOLD_S``,
then given back), but only in a process whose environment sets ``PIATABLE_TEST_HOOKS=1``.
``hold`` and ``use`` return: the input's text after its first line is read as any input's."""

from __future__ import annotations

import os
import signal
import time

# With this variable set to 1, an input whose first line is ``#piatable-test: ACTION`` makes the
# worker misbehave (kill itself, hang, allocate): how the tests kill real workers.
TEST_HOOK_ENV = "PIATABLE_TEST_HOOKS"
TEST_HOOK_PREFIX = b"#piatable-test:"


# Memory a ``hold`` input left in this worker.
_HELD: list[bytearray] = []
# How long a ``use`` input keeps its memory (s): several looks of the worker's watchdog.
USE_HOLD_S = 0.6


def misbehave_if_asked(path: str) -> None:
    """Misbehave as the input's first line says, when ``PIATABLE_TEST_HOOKS=1`` (tests only)."""
    if os.environ.get(TEST_HOOK_ENV) != "1":
        return
    try:
        with open(path, "rb") as fh:
            head = fh.readline(200)
    except OSError:
        return
    if not head.startswith(TEST_HOOK_PREFIX):
        return
    action = head[len(TEST_HOOK_PREFIX) :].strip().decode("ascii", "replace")
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "temp-then-kill":  # die leaving a temporary file, as tesseract's page image
        import tempfile

        with tempfile.NamedTemporaryFile(prefix="tess_hook_", suffix="_input.PPM", delete=False) as fh:
            fh.write(b"P5 1 1 255 \x00")
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "kill-holding-lock":  # die as in Pebble's task hand-over (noxdafox/pebble#163)
        import gc

        from pebble.pool.channel import WorkerChannel

        for obj in gc.get_objects():
            if isinstance(obj, WorkerChannel):
                obj.mutex.acquire()
        os.kill(os.getpid(), signal.SIGKILL)
    elif action.startswith(("hold ", "use ")):
        what, mb = action.split()
        block = bytearray(int(mb) * 1024 * 1024)
        block[::4096] = b"x" * len(block[::4096])  # touched: resident
        if what == "hold":
            _HELD.append(block)
        else:
            time.sleep(USE_HOLD_S)
            del block
    elif action == "hang":
        time.sleep(3600)
    elif action == "allocate":
        hog = []
        for _ in range(1000):  # up to 10 GB, 10 MB at a time, touched so that it is resident
            hog.append(bytearray(10 * 1024 * 1024))
            hog[-1][::4096] = b"x" * len(hog[-1][::4096])
            time.sleep(0.002)
