"""Text-layer PDFs → positioned characters and rulings → the grid → records.

The table pages are found first, cheaply: pypdfium2 gives each page's text in a few
milliseconds, and a page is a table page when it carries the column labels and dates (a contents
page that merely names 変更箇所 has neither).  Only those pages are opened with pdfplumber for
their characters and ruling lines, one at a time, each closed after use, so that an 80-page
assessment costs a few pages of table work and little memory.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex
from piatable.models import PageWords, Word
from piatable.normalize.dates import DATE
from piatable.normalize.unicode import CID, clean_text

from piatable.errors import UnreadablePDF
from piatable.settings import Settings

if TYPE_CHECKING:
    from piatable.pipeline import DocumentResult

# Label words whose presence (whitespace removed) marks a page of the table's header row.
LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
# A table page carries at least this many of the label words (header row) ...
MIN_LABEL_KEYS = 4
# ... and a page without the header still counts when it has dates and 事前/事後.
TIMING_WORD = regex.compile(r"事\s*[前後]")
# A page whose text layer holds fewer characters than this is taken as an image page.
MIN_TEXT_CHARS = 20
# Share of (cid:NN) glyphs above which a page's text layer is unusable.
CID_SHARE = 0.2

_WS = regex.compile(r"\s+")


@dataclass(slots=True)
class PageScan:
    """What the cheap first pass learnt of one page."""

    page: int  # 1-based
    chars: int
    labels: int
    dates: int
    timings: int
    title: bool
    cid: bool

    @property
    def is_header_page(self) -> bool:
        return self.labels >= MIN_LABEL_KEYS and (self.dates > 0 or self.timings > 0 or self.title)

    @property
    def is_body_page(self) -> bool:
        return self.dates > 0 and self.timings > 0


def _unreadable(path: Path, why: str) -> UnreadablePDF:
    return UnreadablePDF(f"{path}: {why}")


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise _unreadable(path, f"cannot read ({exc.strerror or exc})") from exc
    if size == 0:
        raise _unreadable(path, "empty file (0 bytes), not a PDF")
    if b"%PDF" not in head:
        raise _unreadable(path, "not a PDF (no %PDF header)")


def scan_pages(path: Path) -> list[PageScan]:
    """Per page: characters, label words, dates and 事前/事後 of the text layer (pypdfium2)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise _unreadable(path, "encrypted PDF (a password is needed)") from exc
        raise _unreadable(path, f"corrupt or truncated PDF ({exc})") from exc
    out: list[PageScan] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                tp = page.get_textpage()
                text = clean_text(tp.get_text_range())
                tp.close()
            finally:
                page.close()
            flat = _WS.sub("", text)
            out.append(
                PageScan(
                    page=i + 1,
                    chars=len(flat),
                    labels=sum(1 for k in LABEL_KEYS if k in flat),
                    dates=len(DATE.findall(text)),
                    timings=len(TIMING_WORD.findall(text)),
                    title="変更箇所" in flat,
                    cid=bool(CID.search(text)),
                )
            )
    finally:
        doc.close()
    return out


def table_pages(scans: list[PageScan]) -> list[int]:
    """1-based numbers of the pages that hold the amendment table (the last such table)."""
    starts = [s.page for s in scans if s.is_header_page]
    if not starts:
        return []
    # The amendment table is the last part of an assessment: take the last run of table pages.
    first = starts[0]
    pages = []
    for s in scans[first - 1 :]:
        if s.is_header_page or s.is_body_page or (pages and s.dates and s.labels >= 2):
            pages.append(s.page)
        elif pages and s.chars and s.labels < 2 and not s.dates:
            # A Word row continued onto this page carries no date: keep it when the page
            # directly follows a table page and has text but no heading of another section.
            if pages[-1] == s.page - 1 and not s.title:
                pages.append(s.page)
    # Trailing continuation pages must be followed by nothing, or they are other parts.
    while pages and not (scans[pages[-1] - 1].dates or scans[pages[-1] - 1].labels):
        if pages[-1] == len(scans):
            break
        pages.pop()
    return pages


def page_to_words(page, number: int) -> PageWords:  # type: ignore[no-untyped-def]
    """A pdfplumber page → characters as words (no synthesised spaces) and ruling segments."""
    words: list[Word] = []
    for ch in page.chars:
        text = clean_text(ch["text"])
        if not text or (text.isspace() and text != " "):
            continue
        words.append(
            Word(text, number, float(ch["x0"]), float(ch["x1"]), float(ch["top"]), float(ch["bottom"]), "pdf")
        )
    rulings: list[tuple[float, float, float, float]] = [
        (float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])) for e in page.edges
    ]
    return PageWords(number, float(page.width), float(page.height), "pt", "pdf", words, rulings)


def _ocr_function():  # type: ignore[no-untyped-def]
    """The OCR reader's page function when the OCR module provides one."""
    try:
        mod = importlib.import_module("piatable.extract.ocr")
    except ImportError:
        return None
    return getattr(mod, "ocr_pdf_pages", None)


def _cover_facts(path: Path, scans: list[PageScan]) -> dict:
    from piatable.documents import cover_facts_from_pdf

    return cover_facts_from_pdf(path)


def extract_pdf_document(path: Path, source: str, settings: Settings) -> DocumentResult:
    """Records of the amendment table in a text-layer PDF."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from piatable.normalize.grid import pages_to_rows
    from piatable.normalize.records import rows_to_records

    from piatable.pipeline import DocumentResult

    path = Path(path)
    _check_file(path)
    scans = scan_pages(path)
    result = DocumentResult(source, kind="pdf", pages=len(scans))
    numbers = table_pages(scans)
    image_pages = [s.page for s in scans if s.chars < MIN_TEXT_CHARS]
    cid_pages = [s.page for s in (numbers and [scans[n - 1] for n in numbers]) or scans if s.cid]
    try:
        result.documents = _cover_facts(path, scans)  # type: ignore[attr-defined]
    except Exception as exc:
        result.notes.append(f"cover page facts not read ({exc.__class__.__name__})")
    if not numbers and image_pages and len(image_pages) * 2 >= len(scans):
        ocr = _ocr_function()
        if ocr is None:
            result.notes.append(
                f"no text layer on {len(image_pages)} of {len(scans)} pages: OCR is needed (not available)"
            )
            result.status = "partial"
            return result
        pages = ocr(path, image_pages, settings)
        result.kind = "pdf-ocr"
        grid = pages_to_rows(pages, settings)
        result.notes.extend(grid.notes)
        result.records = rows_to_records(grid.rows, source, settings)
        for r in result.records:
            r.flags = sorted({*r.flags, "ocr"})
        return result
    if cid_pages:
        result.notes.append(
            "text layer has (cid:NN) glyphs without Unicode on page(s) "
            + ", ".join(map(str, cid_pages))
            + ": those characters are lost (OCR would be needed)"
        )
        result.status = "partial"
    if not numbers:
        result.notes.append("no amendment table found")
        return result
    pages: list[PageWords] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for n in numbers:
                page = pdf.pages[n - 1]
                try:
                    pages.append(page_to_words(page, n))
                finally:
                    page.close()
    except PDFPasswordIncorrect as exc:
        raise _unreadable(path, "encrypted PDF (a password is needed)") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise _unreadable(path, f"corrupt PDF ({exc.__class__.__name__})") from exc
    grid = pages_to_rows(pages, settings)
    result.notes.extend(grid.notes)
    result.records = rows_to_records(grid.rows, source, settings)
    if cid_pages:
        for r in result.records:
            if (r.page_start or 0) in cid_pages or (r.page_end or 0) in cid_pages:
                r.flags = sorted({*r.flags, "cid_glyphs"})
    if not result.records:
        result.notes.append("no amendment table found")
    return result
