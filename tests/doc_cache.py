"""A cache of the pipeline's results within one test run: the same committed sample read by
several tests (a per-set test and its warned-rows twin, test_conservation's stratum and a
family's own test file) goes through the real pipeline once per run, its ``DocumentResult`` kept
on disk for the run's other reads (every xdist worker's: one folder per run, removed when the
run ends; session 68, the suite's time).

What is kept: ``pipeline.read_document(path)`` (behind ``extract_document`` and
``piatable.extract``) with ``kind`` given and no ``settings``, for a file under ``samples/``,
that returned, with the stream parts its run made (tests/stream_parts.py: pass-through wrappers,
so tests/test_conservation.py takes a text another test read first, ``with_parts``; session 73).
The key is the path as given, the file's bytes, the kind, and what the reader takes from outside
(``PATH``, ``TESSDATA_PREFIX``, ``OMP_THREAD_LIMIT``, pytesseract's command).
A kept result is a fresh copy (unpickled) at every read, so a test that changes it changes
nothing for the next.

Never used (the real pipeline runs, its result not kept) while the code could differ from the
run's: in a test that asks for the ``monkeypatch`` fixture (or ``caplog`` / ``recwarn``), or
once any function, class or constant of a ``piatable`` module (or a method of one of its
classes) is not the object it was when the run started (``pytest.MonkeyPatch.context``,
``mock.patch``, tests/stream_parts.py).
The pipeline is deterministic (tesseract with one thread, no clocks in its decisions), so a
kept result is the one it would give again.  ``PIATABLE_DOC_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import run_folders

ENV = "PIATABLE_TEST_DOC_CACHE_DIR"
OFF = os.environ.get("PIATABLE_DOC_CACHE", "") == "0"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# Set per test by conftest (False in a test with the monkeypatch fixture).
allowed = True
_state: dict[str, Any] = {}
_PLAIN = (int, float, str, bytes, tuple, frozenset, bool)


def start_run() -> str | None:
    """The run's folder (``run_folders.start_run``)."""
    return run_folders.start_run(ENV, OFF, "piatable-doc-cache-")


def end_run(folder: str | None) -> None:
    """Remove the run's folder (``run_folders.end_run``)."""
    run_folders.end_run(ENV, folder)


def _prints() -> dict[str, int]:
    """Per ``piatable`` module loaded, a hash of the identity of each of its functions, classes
    and plain constants, and of every attribute of its own classes: changes when one is replaced."""
    out = {}
    for name, mod in list(sys.modules.items()):
        if not name.startswith("piatable") or mod is None:
            continue
        ids = []
        for value in list(vars(mod).values()):
            if callable(value) or isinstance(value, _PLAIN):
                ids.append(id(value))
                if isinstance(value, type) and value.__module__ == name:
                    # (not ``__slotnames__``: pickling an object of the class adds it)
                    ids.extend(id(v) for k, v in vars(value).items() if k != "__slotnames__")
        out[name] = hash(tuple(ids))
    return out


def _pristine() -> bool:
    """Whether the code is the run's: every piatable module as it was when first seen (a module
    loaded since the start is taken as it is when first seen)."""
    known = _state["prints"]
    for name, value in _prints().items():
        if known.setdefault(name, value) != value:
            return False
    return True


def _key(path: Any, kind: str) -> str | None:
    """The cache key of reading ``path`` as ``kind``; None when it is no committed sample."""
    try:
        p = Path(path).resolve()
        if not p.is_relative_to(SAMPLES) or not p.is_file():
            return None
        data = p.read_bytes()
    except (OSError, TypeError, ValueError):
        return None
    h = hashlib.sha256(data)
    cmd = ""
    if "pytesseract" in sys.modules:
        cmd = str(sys.modules["pytesseract"].pytesseract.tesseract_cmd)
    outside = [os.environ.get(k, "") for k in ("PATH", "TESSDATA_PREFIX", "OMP_THREAD_LIMIT")]
    h.update(repr((str(path), str(p), kind, cmd, outside)).encode())
    return h.hexdigest()


def _kept(real: Callable[..., Any], folder: Path) -> Callable[..., Any]:
    """``real`` (``pipeline.read_document``) answering from ``folder`` when the same sample was
    read in this run by the same code."""

    @functools.wraps(real)
    def read_document(path: Any, kind: str = "auto", settings: Any = None) -> Any:
        key = _key(path, kind) if settings is None and allowed else None
        if key is None or not _pristine():
            return real(path, kind, settings)
        kept = folder / f"{key}.pickle"
        got = _load(kept)
        if got is not None:
            return got[0]
        from .stream_parts import stream_parts

        with stream_parts() as parts:
            out = real(path, kind, settings)
        _save(kept, (out, parts))
        return out

    return read_document


def _load(kept: Path) -> tuple[Any, list] | None:
    """The (result, stream parts) kept in the file ``kept``; None when there is none yet."""
    try:
        return pickle.loads(kept.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError):
        return None


def _save(kept: Path, value: tuple[Any, list]) -> None:
    tmp = kept.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(value))
    os.replace(tmp, kept)  # atomic: another worker reads a whole result or none


def install() -> None:
    """Wrap ``read_document`` where the pipeline and ``piatable.extract`` call it; nothing when
    the cache is off or no folder is named."""
    folder = os.environ.get(ENV)
    if OFF or not folder:
        return
    from piatable import api, pipeline

    if hasattr(pipeline.read_document, "__wrapped__"):
        return
    wrapped = _kept(pipeline.read_document, Path(folder))
    pipeline.read_document = wrapped
    api.read_document = wrapped
    _state["prints"] = _prints()


def _kept_file(path: Any) -> Path | None:
    """Where the result of reading ``path`` (kind auto, no settings) is kept in this run; None
    when the cache is off or not to be used here, or ``path`` is no committed sample."""
    folder = os.environ.get(ENV)
    key = _key(path, "auto") if folder and not OFF else None
    return None if key is None else Path(folder) / f"{key}.pickle"


def with_parts(path: Any) -> tuple[Any, list] | None:
    """The kept result of reading ``path`` (kind auto, no settings) by the run's code and the
    stream parts (tests/stream_parts.py ``StreamPart``) its real run made, fresh copies; None
    when none is kept (or the code is patched, or the test may not use the cache)."""
    kept = _kept_file(path) if allowed else None
    return _load(kept) if kept is not None and _pristine() else None


def store(path: Any, result: Any, parts: list) -> None:
    """Keep ``result`` and its stream ``parts``, read from ``path`` (kind auto, no settings) by
    the real pipeline run under pass-through wrappers (tests/stream_parts.py), for the run's
    other reads."""
    kept = _kept_file(path)
    if kept is not None and not kept.exists():
        _save(kept, (result, parts))
