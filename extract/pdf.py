"""Text-layer PDFs → positioned characters and rulings of the table pages (a ``Reading``).

The table pages are found first, cheaply: pypdfium2 gives each page's text in a few
milliseconds, and a page is a table page when it carries the column labels and dates (a contents
page that merely names 変更箇所 has neither).  Only those pages are opened for
their characters and ruling lines (pypdfium2), one at a time, each closed after use, so that an 80-page
assessment costs a few pages of table work and little memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from piatable.errors import UnreadablePDF
from piatable.models import PageWords, Reading, Word
from piatable.normalize.cover import COVER_PAGES, cover_facts_from_document_text
from piatable.normalize.dates import DATE
from piatable.normalize.unicode import clean_text

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

# A space pdfium inferred is kept when the characters either side are at most this many ems
# apart (from FULL_WIDTH_SPACE_EM on it is a full-width space).
MAX_SPACE_EM = 1.2
FULL_WIDTH_SPACE_EM = 0.8
# Points of slack around a clipping path before a character counts as hidden by it.
CLIP_SLACK = 1.0
# Characters of one text within 1/DEDUPE_GRID pt of each other are one character drawn twice.
DEDUPE_GRID = 4

_WS = regex.compile(r"\s+")
_GARBLED = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\ue000-\uf8ff]")


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
    garbled: int = 0  # characters that are control codes or U+FFFD: glyphs without Unicode

    @property
    def unusable(self) -> bool:
        """No text layer, or one whose characters are mostly unmapped glyphs."""
        return self.chars < MIN_TEXT_CHARS or self.garbled > CID_SHARE * self.chars

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


def open_pdf(path: Path):  # type: ignore[no-untyped-def]
    """The pypdfium2 document, or UnreadablePDF naming the file and why."""
    import pypdfium2 as pdfium

    _check_file(path)
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise _unreadable(path, "encrypted PDF (a password is needed)") from exc
        if "format" in msg or "file" in msg:
            raise _unreadable(path, "corrupt or truncated PDF (cannot be parsed)") from exc
        raise _unreadable(path, f"unreadable PDF ({exc})") from exc


def scan_pages(doc) -> list[PageScan]:  # type: ignore[no-untyped-def]
    """Per page: characters, label words, dates and 事前/事後 of the text layer (pypdfium2)."""
    out: list[PageScan] = []
    seen = False
    for i in range(len(doc)):
        page = doc[i]
        try:
            tp = page.get_textpage()
            raw_text = tp.get_text_range()
            text = clean_text(raw_text)
            tp.close()
        finally:
            page.close()
        flat = _WS.sub("", text)
        labels = sum(1 for k in LABEL_KEYS if k in flat)
        # Dates and 事前/事後 matter only from the first page that could hold the label row on
        # (the table is the last part of an assessment): the pages before are not searched.
        seen = seen or labels >= MIN_LABEL_KEYS
        look = labels >= 2 or seen
        out.append(
            PageScan(
                page=i + 1,
                chars=len(flat),
                labels=labels,
                dates=len(DATE.findall(text)) if look else 0,
                timings=len(TIMING_WORD.findall(text)) if look else 0,
                title="変更箇所" in flat,
                cid="(cid:" in text,
                garbled=len(_GARBLED.findall(raw_text)),
            )
        )
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


def _compose(m, n):  # type: ignore[no-untyped-def]
    """The matrix ``m`` applied after ``n`` (both (a, b, c, d, e, f))."""
    a, b, c, d, e, f = n
    a2, b2, c2, d2, e2, f2 = m
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _path_segments(obj, matrix, height: float) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """Straight segments of a path object as (x0, top, x1, bottom) in top-left coordinates."""
    import ctypes

    import pypdfium2.raw as raw

    a, b, c, d, e, f = matrix
    out: list[tuple[float, float, float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = pt
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            out.append((prev[0], prev[1], pt[0], pt[1]))
        prev = pt
        if raw.FPDFPathSegment_GetClose(seg) and start is not None and start != pt:
            out.append((pt[0], pt[1], start[0], start[1]))
            prev = start
    return [(min(x0, x1), min(t, bt), max(x0, x1), max(t, bt)) for x0, t, x1, bt in out]


def pdfium_page_to_words(page, number: int) -> tuple[PageWords, int]:  # type: ignore[no-untyped-def]
    """A pypdfium2 page → its characters (loose boxes: one height per font size, so a line's
    characters share a top) and straight path segments; plus the count of characters without
    a Unicode mapping.  Spaces and line ends pdfium generates are skipped."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    words: list[Word] = []
    unmapped = hidden = 0
    clips: dict[int, tuple[float, float, float, float] | None] = {}
    # Paths give the rulings; text objects tell whether any is cut by its clipping path (only
    # then is each character's visibility checked).
    rulings: list[tuple[float, float, float, float]] = []
    clipped = _walk_objects(page.raw, None, height, rulings)
    tp = page.get_textpage()
    rect = raw.FS_RECTF()
    try:
        for i in range(tp.count_chars()):
            if raw.FPDFText_IsGenerated(tp.raw, i):
                # pdfium's own line ends go; a space it infers inside a line is kept where the
                # page shows a gap a space would leave (producers that omit space glyphs).
                space = _inferred_space(tp, i, height, number)
                if space is not None:
                    words.append(space)
                continue
            code = raw.FPDFText_GetUnicode(tp.raw, i)
            if (
                code in (0, 0xFFFE, 0xFFFD)
                or 0xE000 <= code <= 0xF8FF
                or (code < 0x20 and code not in (9, 10, 13))
            ):
                unmapped += 1
                continue
            ch = chr(code)
            if ch in "\r\n" or (ch.isspace() and ch not in " \u3000"):
                continue
            text = _clean_char(ch)
            if not text:
                continue
            raw.FPDFText_GetLooseCharBox(tp.raw, i, rect)
            left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
            if clipped and not _visible(tp, i, (left + right) / 2, (top + bottom) / 2, clips):
                hidden += 1
                continue
            words.append(Word(text, number, left, right, height - top, height - bottom, "pdf"))
    finally:
        tp.close()
    words = _dedupe(words)
    notes = (
        [f"page {number}: {hidden} characters hidden by clipping (not printed) left out"] if hidden else []
    )
    rotation = page.get_rotation() % 360
    if rotation:
        words, rulings, width, height = _rotate(words, rulings, rotation, width, height)
    return PageWords(number, float(width), float(height), "pt", "pdf", words, rulings, notes), unmapped


@lru_cache(maxsize=8192)
def _clean_char(ch: str) -> str:
    return clean_text(ch)


def _walk_objects(container, form, height: float, rulings: list, matrix=None) -> bool:  # type: ignore[no-untyped-def]
    """Straight segments of every path object (inside forms too, through their matrices) into
    ``rulings``; True when some text object is cut by its clipping path."""
    import pypdfium2.raw as raw

    count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(container)
    m = raw.FS_MATRIX()
    clipped = False
    for k in range(count):
        obj = raw.FPDFFormObj_GetObject(form, k) if form else raw.FPDFPage_GetObject(container, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_TEXT):
            continue
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            if not clipped:
                clipped = _text_clipped(obj)
            continue
        raw.FPDFPageObj_GetMatrix(obj, m)
        own = (m.a, m.b, m.c, m.d, m.e, m.f)
        full = _compose(own, matrix) if matrix else own
        if kind == raw.FPDF_PAGEOBJ_FORM:
            clipped = _walk_objects(container, obj, height, rulings, full) or clipped
        else:
            rulings.extend(_path_segments(obj, full, height))
    return clipped


def _text_clipped(obj) -> bool:  # type: ignore[no-untyped-def]
    """True when a text object reaches outside its clipping path."""
    import ctypes

    import pypdfium2.raw as raw

    box = _clip_box(obj)
    if box is None:
        return False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return False
    return (
        left.value < box[0] - CLIP_SLACK
        or bottom.value < box[1] - CLIP_SLACK
        or right.value > box[2] + CLIP_SLACK
        or top.value > box[3] + CLIP_SLACK
    )


def _address(ptr) -> int:  # type: ignore[no-untyped-def]
    import ctypes

    return ctypes.cast(ptr, ctypes.c_void_p).value or 0


def _inferred_space(tp, i: int, height: float, number: int) -> Word | None:  # type: ignore[no-untyped-def]
    """The space pdfium inferred between two characters of one line, when they are less than a
    space-and-a-bit apart (farther apart they are two cells side by side)."""
    import pypdfium2.raw as raw

    if raw.FPDFText_GetUnicode(tp.raw, i) != 0x20 or i == 0 or i + 1 >= tp.count_chars():
        return None
    if raw.FPDFText_IsGenerated(tp.raw, i - 1) or raw.FPDFText_IsGenerated(tp.raw, i + 1):
        return None
    _, b0, r0, t0 = tp.get_charbox(i - 1, loose=True)
    l1, b1, _, _ = tp.get_charbox(i + 1, loose=True)
    em = t0 - b0
    gap = l1 - r0
    if em <= 0 or abs(b0 - b1) > em / 2 or not -0.2 * em <= gap <= MAX_SPACE_EM * em:
        return None
    text = "\u3000" if gap >= FULL_WIDTH_SPACE_EM * em else " "
    return Word(text, number, r0, max(l1, r0), height - t0, height - b0, "pdf")


def _visible(tp, index: int, x: float, y: float, clips: dict) -> bool:  # type: ignore[no-untyped-def]
    """False when the character's centre lies outside the clipping path of its text object
    (text an Excel cell too short for it hides: in the file, but not printed)."""

    import pypdfium2.raw as raw

    obj = raw.FPDFText_GetTextObject(tp.raw, index)
    if not obj:
        return True
    key = _address(obj)
    if key not in clips:
        clips[key] = _clip_box(obj)
    box = clips[key]
    if box is None:
        return True
    x0, y0, x1, y1 = box
    return x0 - CLIP_SLACK <= x <= x1 + CLIP_SLACK and y0 - CLIP_SLACK <= y <= y1 + CLIP_SLACK


def _clip_box(obj) -> tuple[float, float, float, float] | None:  # type: ignore[no-untyped-def]
    """Bounding box (page space, bottom-left origin) of a page object's clipping path."""
    import ctypes

    import pypdfium2.raw as raw

    clip = raw.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(max(raw.FPDFClipPath_CountPaths(clip), 0)):
        for j in range(max(raw.FPDFClipPath_CountPathSegments(clip, k), 0)):
            seg = raw.FPDFClipPath_GetPathSegment(clip, k, j)
            if seg and raw.FPDFPathSegment_GetPoint(seg, x, y):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _dedupe(words: list[Word]) -> list[Word]:
    """Characters drawn twice at one place (fake bold, shadows) kept once."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Word] = []
    for w in words:
        key = (w.text, round(w.x0 * DEDUPE_GRID), round(w.top * DEDUPE_GRID))
        if key in seen:
            continue
        seen.add(key)
        out.append(w)
    return out


def _rotate(words, rulings, rotation: int, width: float, height: float):  # type: ignore[no-untyped-def]
    """Coordinates as the page is displayed when its /Rotate is 90, 180 or 270 (clockwise)."""

    def box(x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        if rotation == 90:
            return height - bottom, x0, height - top, x1
        if rotation == 180:
            return width - x1, height - bottom, width - x0, height - top
        return top, width - x1, bottom, width - x0  # 270

    out = []
    for w in words:
        x0, top, x1, bottom = box(w.x0, w.top, w.x1, w.bottom)
        out.append(Word(w.text, w.page, x0, x1, top, bottom, w.source, w.conf, w.line))
    rules = [box(*r) for r in rulings]
    if rotation in (90, 270):
        width, height = height, width
    return out, rules, width, height


def cover_facts_from_doc(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Cover facts of an open pypdfium2 document whose first pages carry the cover."""
    for i in range(min(COVER_PAGES, len(doc))):
        page = doc[i]
        try:
            tp = page.get_textpage()
            text = tp.get_text_range()
            tp.close()
        finally:
            page.close()
        facts = cover_facts_from_document_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        if facts:
            return facts
    return {}


def read_pdf(path: Path) -> Reading:
    """The table pages of a text-layer PDF as positioned characters and rulings (points).

    The table pages are found by the cheap text scan; a PDF whose table pages are missing and
    whose pages have no usable text layer is handed back with ``ocr_pages`` for the OCR reader.
    Raises ``UnreadablePDF`` for a corrupt, truncated or encrypted file.
    """
    path = Path(path)
    doc = open_pdf(path)
    try:
        try:
            scans = scan_pages(doc)
        except Exception as exc:  # pdfium fails on a damaged page object stream
            raise _unreadable(path, f"corrupt PDF (page text unreadable: {exc.__class__.__name__})") from exc
        reading = Reading("pdf", len(scans), cover=cover_facts_from_doc(doc))
        numbers = table_pages(scans)
        bad_pages = [s.page for s in scans if s.unusable]
        if not numbers and bad_pages:
            reading.ocr_reason = (
                "no text layer"
                if all(scans[n - 1].chars < MIN_TEXT_CHARS for n in bad_pages)
                else "no usable text layer (glyphs without Unicode mapping)"
            )
            reading.ocr_pages = bad_pages
            return reading
        unmapped: dict[int, int] = {}
        for n in numbers:
            page = doc[n - 1]
            try:
                pw, bad = pdfium_page_to_words(page, n)
            finally:
                page.close()
            reading.pages.append(pw)
            reading.notes.extend(pw.notes)
            bad += scans[n - 1].garbled
            if bad or scans[n - 1].cid:
                unmapped[n] = bad
        if unmapped:
            reading.notes.append(
                "text layer has glyphs without Unicode ((cid:NN)) on page(s) "
                + ", ".join(map(str, unmapped))
                + ": those characters are lost; OCR of these pages would be needed"
            )
            reading.partial = True
            reading.page_flags = dict.fromkeys(unmapped, "unmapped_glyphs")
        return reading
    finally:
        doc.close()
