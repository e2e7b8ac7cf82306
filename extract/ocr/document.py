"""A scanned document end to end: its pages scanned, the grid, OCR corrections and flags, the
result.  (Orchestration, to move into ``piatable.pipeline``.)
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import TYPE_CHECKING

from piatable.models import PageWords, RawRow, Record
from piatable.settings import OcrSettings, Settings

if TYPE_CHECKING:
    from piatable.models import DocumentResult

from .page_scan import PageScan
from .pages import scan_image_file, scan_pdf, scan_to_page_words


def ocr_settings(settings: Settings | None) -> OcrSettings:
    return (settings or Settings()).ocr


def ocr_pdf_pages(
    pdf_path: str | Path, numbers: list[int], settings: Settings | None = None
) -> list[PageWords]:
    """OCR of the table pages among the 1-based page ``numbers`` of a PDF (pages without a usable
    text layer): the table pages are found at low resolution first."""
    scans = scan_pdf(Path(pdf_path), numbers, ocr_settings(settings))
    return [scan_to_page_words(s, ocr_settings(settings)) for s in scans]


def correct_ocr_rows(rows: list[RawRow]) -> list[str]:
    """Dictionary-checked corrections of OCR confusions in the rows' lines (in place); notes."""
    from .corrections import fix_rows

    fixes = fix_rows(rows)
    return [f"{fixes} OCR line(s) corrected from dictionary or form evidence"] if fixes else []


def flag_ocr_records(rows: list[RawRow], records: list[Record], settings: Settings) -> None:
    """Flag ``ocr`` on every record, ``ocr_low_confidence`` where many of its lines hold a word
    tesseract was unsure of, and cap the confidence at the mean line confidence."""
    threshold = settings.quality.ocr_low_confidence
    for row, rec in zip(rows, records, strict=True):
        confs = [cl.conf for cells in row.cells.values() for cl in cells if cl.conf is not None]
        flags = set(rec.flags) | {"ocr"}
        if confs:
            low = sum(1 for c in confs if c < threshold) / len(confs)
            rec.confidence = round(min(rec.confidence, statistics.mean(confs) / 100), 3)
            if low > settings.quality.ocr_low_line_share:
                flags.add("ocr_low_confidence")
        rec.flags = sorted(flags)


def scans_to_result(
    scans: list[PageScan], source: str, kind: str, pages: int, settings: Settings
) -> DocumentResult:
    """PageScans → grid → records, with OCR corrections, confidences and flags."""
    from piatable.models import DocumentResult
    from piatable.normalize.grid.rows import pages_to_rows
    from piatable.normalize.records import rows_to_records

    result = DocumentResult(source, kind=kind, pages=pages)
    page_words = [scan_to_page_words(s, settings.ocr) for s in scans]
    for pw in page_words:
        result.notes.extend(pw.notes)
    grid = pages_to_rows(page_words, settings)
    result.notes.extend(grid.notes)
    result.notes.extend(correct_ocr_rows(grid.rows))
    result.records = rows_to_records(grid.rows, source, settings)
    flag_ocr_records(grid.rows, result.records, settings)
    if not result.records:
        result.notes.append("no amendment table found")
    if grid.unplaced and result.status == "success":
        result.status = "partial"
    return result


def extract_scan_document(path: Path, source: str, settings: Settings) -> DocumentResult:
    """Records of the amendment table in a scanned PDF or a page image (PNG, JPEG, TIFF)."""
    path = Path(path)
    os_ = settings.ocr
    with path.open("rb") as fh:
        head = fh.read(4)
    if path.suffix.lower() == ".pdf" or head == b"%PDF":
        from piatable.extract.pdf import open_pdf

        doc = open_pdf(path)
        n = len(doc)
        doc.close()
        scans = scan_pdf(path, list(range(1, n + 1)), os_)
        kind = "pdf-ocr"
    else:
        scans = scan_image_file(path, os_)
        n = max((s.page for s in scans), default=0)
        kind = "scan"
    result = scans_to_result(scans, source, kind, n, settings)
    secs = sum(s.seconds for s in scans)
    if scans:
        result.notes.append(f"OCR of {len(scans)} page(s) in {secs:.1f} s")
    return result
