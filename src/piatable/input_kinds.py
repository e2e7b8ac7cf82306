"""What kind of input a file is (``pdf``, ``scan`` or ``text``), from its first bytes and its
suffix, and the one-line reason a kind the user forced cannot read it.  Split from pipeline.py.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})
# Suffixes of the inputs piatable reads; a binary file of another suffix is skipped, not failed.
INPUT_SUFFIXES = frozenset({".txt", ".text", ".md", ".csv", ".pdf", *IMAGE_SUFFIXES})
# Office documents a user may hand in before exporting them: the skip note says how to export.
OFFICE_SUFFIXES = frozenset({".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".rtf"})


# A file's first bytes, as the formats piatable reads begin: (magic, what it is, its reader).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF", "pdf"),
    (b"\x89PNG", "a PNG image", "scan"),
    (b"\xff\xd8", "a JPEG image", "scan"),
    (b"II*\x00", "a TIFF image", "scan"),
    (b"MM\x00*", "a TIFF image", "scan"),
    (b"BM", "a BMP image", "scan"),
)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(16)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _magic(head: bytes) -> tuple[str, str] | None:
    """(what the file is, its reader) by its first bytes; BMP's two-byte ``BM`` only with the
    four reserved bytes after its size field zero, so that a text opening with ``BM`` stays text."""
    for magic, what, reader in _MAGIC:
        if head.startswith(magic) and (magic != b"BM" or head[6:10] == b"\x00" * 4):
            return what, reader
    return None


def detect_kind(path: Path) -> str:
    """``pdf``, ``scan`` (an image) or ``text``, from the file's first bytes and suffix."""
    found = _magic(_head(path))
    if found:
        return found[1]  # the bytes decide: a JPEG saved as .pdf is a scan
    if path.suffix.lower() == ".pdf":
        return "pdf"
    return "scan" if path.suffix.lower() in IMAGE_SUFFIXES else "text"


def forced_kind_mismatch(path: Path, kind: str) -> str | None:
    """The one-line reason a ``kind`` given by the user cannot read this file, from its first
    bytes (``a PNG image, not text: give --kind scan, or auto``), or None.  A scanned PDF given
    as ``scan`` is fine (its pages are rendered and read by OCR)."""
    found = _magic(_head(path))
    if kind == "text" and found:
        what, reader = found
    elif kind == "pdf" and found and found[1] == "scan":
        what, reader = found
    else:
        # Text, or bytes of no known kind, given as a PDF or a scan: the reader says what it
        # found (a PDF's header may follow other bytes; an empty file is named as such).
        return None
    return f"{path}: {what}, not {'a PDF' if kind == 'pdf' else kind}: give --kind {reader}, or auto"
