"""A cache of tesseract's reads within one test run: the same image read with the same settings
gives the same text, so a page the OCR tests read again (the same scan read by several tests,
each set test and the per-case tests of its cases, one look read by each of a dozen checks)
is handed to the real tesseract once per run, its answer kept on disk for the run's other
reads (every xdist worker's: one folder per run, removed when the run ends).

The reads are tesseract's own, through pytesseract's three calls the pipeline makes
(``image_to_data``: TSV words, ``image_to_pdf_or_hocr``: hOCR characters, ``image_to_osd``: the
page's orientation); the key is the image's bytes (mode, size, pixels) and every argument of the
call, so a read differing in any of them is tesseract's again.  Tesseract with one thread
(``OMP_THREAD_LIMIT=1``, extract/ocr/engine.py) is deterministic: a kept answer is the answer
it would give again.  Not kept: a call with another ``tesseract_cmd`` than the run started with
(the tests of a missing tesseract), an image given as a path, a call that raised.
``PIATABLE_OCR_CACHE=0`` turns the cache off (every read tesseract's).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import run_folders

# The run's folder, made by the process that starts the run (xdist's controller, or the only
# process under ``-n 0``) and inherited by the workers through the environment.
ENV = "PIATABLE_TEST_OCR_CACHE_DIR"
OFF = os.environ.get("PIATABLE_OCR_CACHE", "") == "0"
_CALLS = ("image_to_data", "image_to_pdf_or_hocr", "image_to_osd")


def start_run() -> str | None:
    """The run's cache folder (``run_folders.start_run``)."""
    return run_folders.start_run(ENV, OFF, "piatable-ocr-cache-")


def end_run(folder: str | None) -> None:
    """Remove the run's cache folder (``run_folders.end_run``)."""
    run_folders.end_run(ENV, folder)


def _image_key(image: Any) -> bytes | None:
    """The image's bytes for the key: a PIL image's mode, size and pixels, an array's dtype,
    shape and bytes; None for anything else (a path: not kept)."""
    import numpy as np
    from PIL import Image

    if isinstance(image, Image.Image):
        return f"{image.mode}{image.size}".encode() + image.tobytes()
    if isinstance(image, np.ndarray):
        return f"{image.dtype}{image.shape}".encode() + np.ascontiguousarray(image).tobytes()
    return None


def _kept(real: Callable[..., Any], folder: Path, cmd: str) -> Callable[..., Any]:
    """``real`` (a pytesseract call) answering from ``folder`` when the same image and arguments
    were read in this run."""
    import pytesseract

    @functools.wraps(real)
    def call(image: Any, *args: Any, **kwargs: Any) -> Any:
        pixels = _image_key(image)
        if pixels is None or pytesseract.pytesseract.tesseract_cmd != cmd:
            return real(image, *args, **kwargs)
        h = hashlib.sha256(pixels)
        h.update(repr((real.__name__, args, sorted(kwargs.items()))).encode())
        path = folder / f"{h.hexdigest()}.pickle"
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError):
            pass
        out = real(image, *args, **kwargs)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(out))
        os.replace(tmp, path)  # atomic: another worker reads a whole answer or none
        return out

    return call


def install() -> None:
    """Wrap pytesseract's calls with the run's cache (the folder ``start_run`` named); nothing
    when the cache is off or no folder is named.  The pipeline imports pytesseract inside its
    functions and calls ``pytesseract.<call>``, so the wrapped calls are the ones it makes."""
    folder = os.environ.get(ENV)
    if OFF or not folder:
        return
    import pytesseract

    cmd = pytesseract.pytesseract.tesseract_cmd
    for name in _CALLS:
        real = getattr(pytesseract, name)
        if not hasattr(real, "__wrapped__"):
            setattr(pytesseract, name, _kept(real, Path(folder), cmd))
