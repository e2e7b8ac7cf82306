"""The OCR reader: a scanned PDF or page image → its table pages as OCR words in points.

Pages without a usable text layer of a text-layer PDF come here too (``ocr_pdf_pages``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from piatable.models import PageWords, Reading
from piatable.normalize.column_strips import unprinted_last_labels
from piatable.normalize.cover import COVER_PAGES, DOUBT, cover_facts_from_document_text
from piatable.settings import OcrSettings, Settings

from .cover_zone import COVER_MIN_CONF, circle_doubts, split_cover
from .page_doubts import page_doubts
from .page_scan import PageScan
from .pages import scan_image_file, scan_pdf, scan_to_page_words

if TYPE_CHECKING:
    from .engine import TsvWord


def ocr_settings(settings: Settings | None) -> OcrSettings:
    return (settings or Settings()).ocr


def ocr_pdf_pages(
    pdf_path: str | Path,
    numbers: list[int],
    settings: Settings | None = None,
    notes: list[str] | None = None,
    cover: dict[str, str] | None = None,
    candidates: list[int] | None = None,
) -> list[PageWords]:
    """OCR of the table pages among the 1-based page ``numbers`` of a PDF (pages without a usable
    text layer): the table pages are found at low resolution first; blank pages are skipped
    (said in ``notes``).  A cover read on them (``cover_zone.split_cover``) fills ``cover``;
    ``candidates`` gets the first pages to read whole for it (``cover_candidates``)."""
    blank: list[int] = []
    after: list[int] = []
    unread: list[int] = []
    scans = scan_pdf(Path(pdf_path), numbers, ocr_settings(settings), blank, after, unread)
    if blank and notes is not None:
        notes.append(blank_note(blank))
    if unread and notes is not None:
        notes.append(unread_note(unread))
    pages = [scan_to_page_words(s, ocr_settings(settings)) for s in scans]
    if after and notes is not None:
        notes.append(after_note(after, pages))
    if notes is not None:
        # Each page's own notes (turned, deskewed, ink no cell read), as an image's are.
        for pw in pages:
            notes.extend(pw.notes)
    if candidates is not None:
        candidates.extend(cover_candidates(pages, numbers, [s.page for s in scans]))
    facts, cover_notes, pages = split_cover(pages)
    if cover is not None:
        cover.update(facts)
    if notes is not None:
        notes.extend(cover_notes)
    return pages


def cover_candidates(pages: list[PageWords], numbers: list[int], scanned: list[int]) -> list[int]:
    """The first pages a cover may be read whole from (``cover_page.complete_cover``): those read
    before the table's first page (``cover_page.untabled_pages``) and, in a document of two or
    more pages, those among the first ``COVER_PAGES`` not scanned for the table."""
    from .cover_page import untabled_pages

    out = set(untabled_pages(pages))
    if len(numbers) >= 2:
        out |= {n for n in numbers if n <= COVER_PAGES and n not in scanned}
    return sorted(out)


def blank_note(blank: list[int]) -> str:
    """The note for pages skipped as blank (no ink), naming the first few."""
    shown = ", ".join(map(str, blank[:10])) + (" …" if len(blank) > 10 else "")
    return f"{len(blank)} blank page(s) skipped without OCR (no ink): {shown}"


def after_note(after: list[int], pages: list[PageWords]) -> str:
    """The note for pages with ink after the table's pages (``pages``, read), not read: the table
    may go on there on a page whose grid was not seen (its rulings too short at low resolution),
    or, when the table's label rows print none of its last columns (``column_strips.
    unprinted_last_labels``), those columns may be printed there (a sheet too wide for its page:
    set XXXIV n10's scan read the first columns of 7 rows and said only that rows may be missing)."""
    shown = ", ".join(map(str, after[:10])) + (" …" if len(after) > 10 else "")
    note = (
        f"{len(after)} page(s) after the table not read by OCR (no grid of the table's columns "
        f"seen): {shown}; a row printed there would be missing"
    )
    if missing := unprinted_last_labels(pages):
        note += (
            f"; the table's label rows print no {' / '.join(missing)} column: a sheet too wide for"
            " its page prints its last columns on pages of their own, so those pages may hold them"
            " (not read, not joined: the rows' cells of those columns are missing)"
        )
    return note


def unread_note(unread: list[int]) -> str:
    """The note for pages ruled in the table's columns that the table's search left out (not
    read): their rows are in no record (the document is partial)."""
    shown = ", ".join(map(str, unread[:10])) + (" …" if len(unread) > 10 else "")
    return (
        f"{len(unread)} page(s) ruled in the table's columns not read by OCR (not in the run of "
        f"the table's pages): {shown}; rows printed there are missing"
    )


# Resolution at which a scanned cover page is read (its labels and values are large print).
COVER_DPI = 200
# Tesseract page segmentation for a cover: a single column of text of variable sizes.
COVER_PSM = 4


def ocr_cover_facts(
    pdf_path: str | Path, pages: list[int], table_pages: list[int], settings: Settings | None = None
) -> dict[str, str]:
    """Cover facts of a scanned PDF: its first pages (up to ``COVER_PAGES``, among ``pages``,
    not ``table_pages``) read by tesseract as lines of text and parsed like any cover.

    A one-page scan is its table and has no cover: {}.  Costs one tesseract call per page tried.
    """
    from .render import pdf_images

    os_ = ocr_settings(settings)
    candidates = [n for n in pages if n <= COVER_PAGES and n not in table_pages]
    if len(pages) < 2 or not candidates:
        return {}
    from .pages import is_blank

    for _, gray, dpi in pdf_images(Path(pdf_path), candidates, COVER_DPI, skip_empty=True, quick_blank=os_):
        if gray is None or is_blank(gray, dpi, os_):
            continue
        facts = facts_of_page_image(gray, os_)
        if facts:
            return facts
    return {}


def facts_of_page_image(gray: np.ndarray, os_: OcrSettings, texts: list[str] | None = None) -> dict[str, str]:
    """The cover facts of one page image read whole by tesseract (``COVER_PSM``) as lines of
    text, with the doubts of an OCR'd cover as ``cover_zone.split_cover`` has them (circles
    miscounted, a character tesseract was unsure of); {} when it prints none.  ``texts`` gets
    the text read."""
    from .engine import join_japanese, parse_tsv, tesseract_tsv

    words = parse_tsv(tesseract_tsv(gray, COVER_PSM, os_.lang))
    lines: dict[tuple[int, int, int], list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    text = "\n".join(join_japanese(" ".join(ws)) for ws in lines.values())
    if texts is not None:
        texts.append(text)
    facts = cover_facts_from_document_text(text)
    if facts:
        for key, why in circle_doubts(facts).items():
            facts[DOUBT + key] = why
        for key, why in low_confidence_doubts(facts, words).items():
            facts.setdefault(DOUBT + key, why)
    return facts


def low_confidence_doubts(facts: dict[str, str], words: list[TsvWord]) -> dict[str, str]:
    """Fact key → why, for a fact of a cover read by tesseract (``words``: its TSV words) whose
    line holds a word of the fact's text with confidence under ``COVER_MIN_CONF``."""
    from piatable.normalize.cover import FACT_LABELS

    lines: dict[tuple[int, int, int], list[TsvWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    out: dict[str, str] = {}
    for key in ("assessment_number", "assessment_name", "agency", "published_raw"):
        value = "".join((facts.get(key) or "").split())
        if not value:
            continue
        for ws in lines.values():
            flat = "".join("".join(w.text.split()) for w in ws)
            if value[:4] not in flat:
                continue
            confs = [w.conf for w in ws if w.conf >= 0 and "".join(w.text.split()) in value]
            if confs and min(confs) < COVER_MIN_CONF:
                out[key] = (
                    f"{FACT_LABELS[key]} read as {facts[key]!r} with a character of OCR confidence "
                    f"{min(confs):.0f}: check it"
                )
            break
    return out


def scans_to_reading(
    scans: list[PageScan], kind: str, page_count: int, os_: OcrSettings, candidates: list[int] | None = None
) -> Reading:
    """Scanned pages as a ``Reading``: their words in points, the notes of each page, and the
    cover's facts when a first page prints them (its words kept out of the table:
    ``cover_zone.split_cover``); ``candidates`` gets the first pages to read whole for the
    cover (``cover_candidates``)."""
    reading = Reading(kind, page_count)
    pages = [scan_to_page_words(s, os_) for s in scans]
    for pw in pages:
        reading.notes.extend(pw.notes)
    doubts, reading.page_flags, reading.partial = page_doubts(scans)
    reading.notes.extend(doubts)
    if candidates is not None:
        candidates.extend(cover_candidates(pages, list(range(1, page_count + 1)), [s.page for s in scans]))
    reading.cover, notes, reading.pages = split_cover(pages)
    reading.notes.extend(notes)
    return reading


def read_scan(path: Path, settings: Settings) -> Reading:
    """The table pages of a scanned PDF or a page image (PNG, JPEG, TIFF, BMP) read by tesseract.

    Raises ``OcrUnavailable`` without tesseract or its ``jpn`` data, ``InputError`` for an
    unreadable image and ``UnreadablePDF`` for a broken PDF.
    """
    path = Path(path)
    os_ = settings.ocr
    blank: list[int] = []
    after: list[int] = []
    unread: list[int] = []
    if is_pdf(path):
        from piatable.extract.pdf import open_pdf

        doc = open_pdf(path)
        n = len(doc)
        doc.close()
        scans = scan_pdf(path, list(range(1, n + 1)), os_, blank, after, unread)
    else:
        scans = scan_image_file(path, os_, blank, after, unread)
        n = max((s.page for s in scans), default=0)
        n = max(n, *blank) if blank else n
    return scans_to_scan_reading(path, scans, n, settings, blank, after, unread)


def is_pdf(path: Path) -> bool:
    """A PDF by its suffix or its first bytes (else an image file)."""
    with Path(path).open("rb") as fh:
        head = fh.read(4)
    return Path(path).suffix.lower() == ".pdf" or head == b"%PDF"


def scans_to_scan_reading(
    path: Path,
    scans: list[PageScan],
    n: int,
    settings: Settings,
    blank: list[int] | None = None,
    after: list[int] | None = None,
    unread: list[int] | None = None,
) -> Reading:
    """The ``Reading`` of a scanned file from its pages' scans (``read_scan`` after tesseract):
    the words in points, the cover facts and the notes.  Pages ruled in the table's columns
    left unread (``unread``) make it partial."""
    os_ = settings.ocr
    pdf = is_pdf(path)
    from .cover_page import complete_cover

    candidates: list[int] = []
    reading = scans_to_reading(scans, "pdf-ocr" if pdf else "scan", n, os_, candidates)
    cover = reading.cover
    reading.pages = complete_cover(path, cover, candidates, reading.pages, settings, reading.notes)
    if blank:
        reading.notes.append(blank_note(blank))
    if after:
        reading.notes.append(after_note(after, reading.pages))
    if unread:
        reading.notes.append(unread_note(unread))
        reading.partial = True
    reading.cover = cover
    if scans:
        reading.notes.append(f"OCR of {len(scans)} page(s) in {sum(s.seconds for s in scans):.1f} s")
    return reading
