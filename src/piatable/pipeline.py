"""The pipeline: extract → reconstruct → normalize, one input at a time, with a status."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from piatable.errors import InputError, PiatableError
from piatable.extract.text import read_text_with_notes, text_to_pages
from piatable.models import DocumentResult
from piatable.normalize.conservation import date_lines_without_rows, lost_and_invented
from piatable.normalize.records import rows_to_records
from piatable.normalize.stream import lines_to_rows

from .settings import Settings

Kind = Literal["auto", "pdf", "scan", "text"]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})


def detect_kind(path: Path) -> str:
    """``pdf``, ``scan`` (an image) or ``text``, from the file's first bytes and suffix."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if head.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return "pdf"
    if (
        head.startswith(b"\x89PNG")
        or head.startswith(b"\xff\xd8")
        or head[:4] in (b"II*\x00", b"MM\x00*")
        or path.suffix.lower() in IMAGE_SUFFIXES
    ):
        return "scan"
    return "text"


def extract_text_document(path: Path, source: str, settings: Settings) -> DocumentResult:
    text, hygiene_notes = read_text_with_notes(path)
    pages = text_to_pages(text)
    result = DocumentResult(source, kind="text", pages=len(pages), notes=hygiene_notes)
    layout = any(w.x0 > 0 for p in pages for w in p.words)
    if layout:
        from piatable.normalize.grid import layout_pages_to_rows

        grid = layout_pages_to_rows(pages, settings)
        rows, notes = grid.rows, grid.notes
        result.kind = "text-layout"
        if grid.unplaced:
            notes = [*notes, f"{grid.unplaced} words of the table region could not be placed"]
            result.status = "partial"
    else:
        stream = lines_to_rows(pages, settings)
        rows, notes = stream.rows, stream.notes
    result.notes.extend(notes)
    result.records = rows_to_records(rows, source, settings)
    if not layout:
        lost, _ = lost_and_invented(stream.region, result.records)
        if lost:
            result.notes.append(f"{lost} characters of the table region could not be placed")
            result.status = "partial"
        unrowed = date_lines_without_rows(stream.region, stream.rows)
        if unrowed:
            result.notes.append(f"{unrowed} date lines of the table region did not become rows")
            result.status = "partial"
    if not result.records:
        result.notes.append("no amendment table found")
    return result


def extract_document(
    path: str | Path, kind: Kind = "auto", settings: Settings | None = None
) -> DocumentResult:
    """Run the whole pipeline on one input; errors come back in the result, never raised."""
    settings = settings or Settings()
    p = Path(path)
    source = str(path)
    try:
        if not p.exists():
            raise InputError(f"{source}: no such file")
        if p.is_dir():
            raise InputError(f"{source}: is a folder")
        actual = detect_kind(p) if kind == "auto" else kind
        if actual == "text":
            return extract_text_document(p, source, settings)
        if actual == "pdf":
            from piatable.extract.pdf import extract_pdf_document

            return extract_pdf_document(p, source, settings)
        from piatable.extract.ocr import extract_scan_document

        return extract_scan_document(p, source, settings)
    except PiatableError as exc:
        msg = str(exc)
        if not msg.startswith(source):
            msg = f"{source}: {msg}"
        return DocumentResult(source, status="failure", errors=[("extract", None, msg)])
    except Exception as exc:  # one input's bug must not stop a batch
        msg = f"{source}: unexpected error, please report it ({type(exc).__name__}: {exc})"
        return DocumentResult(source, status="failure", errors=[("internal", None, msg.splitlines()[0])])
