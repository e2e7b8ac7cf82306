"""Opening a PDF file: its first bytes checked, then the pypdfium2 document, or ``UnreadablePDF``
naming the file and why (empty, another format's file, no PDF header, encrypted, corrupt)."""

from __future__ import annotations

from pathlib import Path

from piatable.errors import UnreadablePDF


def unreadable(path: Path, why: str) -> UnreadablePDF:
    """The error of a PDF that cannot be read, naming the file and why."""
    return UnreadablePDF(f"{path}: {why}")


# Files that open with another format's signature are not PDFs, even where a PDF's header follows
# within the first 1024 bytes (pdfium's search): an uncompressed ZIP of PDFs saved as .pdf was
# read as its second member, the first lost, with no word (a bulk user's crawl).
_NOT_PDF: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (.zip, .docx, .xlsx, .odt …)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 file (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise unreadable(path, f"cannot read ({exc.strerror or exc})") from exc
    if size == 0:
        raise unreadable(path, "empty file (0 bytes), not a PDF")
    other = next((what for magic, what in _NOT_PDF if head.startswith(magic)), None)
    if other:
        raise unreadable(path, f"{other}, not a PDF")
    if b"%PDF" not in head:
        raise unreadable(path, "not a PDF (no %PDF header)")


def open_pdf(path: Path):  # type: ignore[no-untyped-def]
    """The pypdfium2 document, or UnreadablePDF naming the file and why."""
    import pypdfium2 as pdfium

    _check_file(path)
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise unreadable(path, "encrypted PDF (a password is needed)") from exc
        if "format" in msg or "file" in msg:
            raise unreadable(path, "corrupt or truncated PDF (cannot be parsed)") from exc
        raise unreadable(path, f"unreadable PDF ({exc})") from exc
