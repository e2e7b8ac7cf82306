"""The cheap first pass over a text-layer PDF: each page's text (pypdfium2) searched for the
column labels, dates and 事前/事後, and the table pages chosen from that (``table_pages``).

The table is the last part of an assessment, so ``scan_pages_from_end`` scans from the last page
back and stops a few pages before the table: an 80-page assessment costs its table's pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from piatable.models import Reading
from piatable.normalize.cover import COVER_PAGES
from piatable.normalize.dates import DATE
from piatable.normalize.unicode import clean_text
from piatable.normalize.version_history import split_history
from piatable.vocabulary import TIMING_WORD

from .layer_quality import japanese_count, layer_fault, strange_count

# Label words whose presence (whitespace removed) marks a page of the table's header row.
LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
# A table page carries at least this many of the label words (header row) ...
MIN_LABEL_KEYS = 4
# ... and a page without the header still counts when it has dates and 事前/事後 (TIMING_WORD).
# The labels a page of a table's last columns opens with (a narrow cell wraps 提出時期 to 提出時;
# a strip may hold 説明 alone), and how far past them the rest of its label row is looked for.
LAST_LABELS = ("提出時", "説明")
LABEL_ROW_CHARS = 30
# The form's name a running head prints (特定個人情報保護評価書（全項目評価書）): its 項目 is no label.
_FORM_NAME = re.compile(r"(?:全|重点|基礎)項目評価")
# A page whose text layer holds fewer characters than this is taken as an image page.
MIN_TEXT_CHARS = 20
# Share of (cid:NN) glyphs above which a page's text layer is unusable.
CID_SHARE = 0.2
# A page with no text layer still prints something when its path objects hold this many
# segments (text turned into outlines: Ghostscript's -dNoOutputFonts printed a Writer table page
# as 849 paths of 75,947 segments; a ruled table page of text draws 14-40 paths of 24-40) ...
OUTLINE_MIN_SEGMENTS = 1000
# ... or an image covers this share of it (a page scanned and put among the text pages).
IMAGE_MIN_SHARE = 0.3

# Scanning back from the last page stops after this many pages in a row that are no table pages
# (once a header page was seen): a Word row continued over a page break leaves one page without
# dates or labels inside the table.
SCAN_STOP_PAGES = 3
# Of the pages scanned from the end, at most this many that look like table pages are kept open
# to be read (each costs about 0.3 MB while open; reading it again would cost about 1 ms of CPU):
# the 12-page table of a 40- or 80-page assessment is loaded once.
KEEP_OPEN_PAGES = 16
# A plain character class: the standard library's ``re`` matches it several times as fast.
_GARBLED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\ue000-\uf8ff]")


@dataclass(slots=True)
class PageScan:
    """What the cheap first pass learnt of one page."""

    page: int  # 1-based
    chars: int
    labels: int
    dates: int  # 1 when the text holds a date (looked for only with ``look``), else 0
    timings: int
    title: bool
    cid: bool
    garbled: int = 0  # characters that are control codes or U+FFFD: glyphs without Unicode
    # The text pdfium gives (``get_text_range``) of a cover page (one of the first ``COVER_PAGES``)
    # that was scanned, for its cover facts (the page is not loaded a second time); else "".
    text: str = ""
    # Its label row holds only the last columns' labels (提出時期 / 説明) and it has no date: a
    # sheet too wide for the page printed them on pages of their own (``column_strips``).
    last_columns: bool = False
    # Its label row holds 変更日 / 項目 and not 提出時期: the first columns of such a sheet.
    first_columns: bool = False
    # Its text prints 変更前 or 変更後 (a running head's form name aside): with strips, a middle
    # strip's page (変更前 / 変更後 between the first and the last columns) that has no date.
    middle_columns: bool = False
    # Characters no Japanese table prints, and Japanese ones (``layer_quality``).
    strange: int = 0
    japanese: int = 0
    # What a page with no text layer prints instead ("text drawn as outlines", "an image"),
    # looked for only on pages of fewer than MIN_TEXT_CHARS characters (``printed_without_text``).
    drawn: str = ""

    @property
    def fault(self) -> str:
        """Why the page's text layer cannot be read as text ("" when it can)."""
        if self.chars < MIN_TEXT_CHARS:
            return "no text layer"
        if self.garbled > CID_SHARE * self.chars:
            return "no usable text layer (glyphs without Unicode mapping)"
        return layer_fault(self.chars, self.strange, self.japanese)

    @property
    def unusable(self) -> bool:
        """No text layer, one whose characters are mostly unmapped glyphs, or one that is not
        the printed text (``layer_quality``)."""
        return bool(self.fault)

    @property
    def is_header_page(self) -> bool:
        return self.labels >= MIN_LABEL_KEYS and (self.dates > 0 or self.timings > 0 or self.title)

    @property
    def is_body_page(self) -> bool:
        return self.dates > 0 and self.timings > 0


def scan_page(doc, i: int, look: bool = True, keep: dict | None = None) -> PageScan:  # type: ignore[no-untyped-def]
    """Characters, label words, dates and 事前/事後 of page ``i`` (0-based) of the text layer
    (pypdfium2); dates and timings are counted only with ``look``.  With ``keep``, the open page
    and its text page are left in it under the 1-based page number (the caller closes them)."""
    page = doc[i]
    tp = None
    drawn = ""
    try:
        tp = page.get_textpage()
        raw_text = tp.get_text_range()
        text = clean_text(raw_text)
        # Whitespace removed, once (``str.split``'s whitespace is Unicode's, and the four
        # separators U+001C..U+001F besides, which ``clean_text`` has dropped already).
        flat = "".join(text.split())
        if len(flat) < MIN_TEXT_CHARS:
            drawn = printed_without_text(page)
    finally:
        if keep is not None and tp is not None:
            keep[i + 1] = (page, tp)
        else:
            if tp is not None:
                tp.close()
            page.close()
    labels = sum(1 for k in LABEL_KEYS if k in flat)
    look = look or labels >= 2
    return PageScan(
        page=i + 1,
        chars=len(flat),
        labels=labels,
        dates=1 if look and DATE.search(text) else 0,  # whether, not how many: that is all asked
        timings=len(TIMING_WORD.findall(_without_history(text, flat))) if look else 0,
        title="変更箇所" in flat,
        cid="(cid:" in text,
        garbled=len(_GARBLED.findall(raw_text)),
        text=raw_text if i < COVER_PAGES else "",
        last_columns=_last_columns(flat),
        first_columns=labels >= 2 and all(k in flat for k in LABEL_KEYS[:2]) and "説明" not in flat,
        middle_columns=any(k in flat for k in LABEL_KEYS[2:4]),
        strange=strange_count(flat),
        japanese=japanese_count(flat),
        drawn=drawn,
    )


def printed_without_text(page) -> str:  # type: ignore[no-untyped-def]
    """What an open pypdfium2 ``page`` with (almost) no text layer prints instead: "text drawn as
    outlines" (its paths hold ``OUTLINE_MIN_SEGMENTS`` segments or more), "an image" (one covers
    ``IMAGE_MIN_SHARE`` of the page or more), else "" (a blank page, or rulings alone).

    A table page printed to PDF with its fonts turned into outlines, or scanned and put among
    the text pages, carries rows that only OCR reads (set XXV's tester: a Ghostscript-outlined
    second page of a Chromium table, 2 of 13 rows lost with status success and no word)."""
    import pypdfium2.raw as pdfium_raw

    width, height = page.get_size()
    area = max(width * height, 1.0)
    segments = 0
    for obj in page.get_objects(max_depth=4):
        if obj.type == pdfium_raw.FPDF_PAGEOBJ_PATH:
            segments += max(pdfium_raw.FPDFPath_CountSegments(obj.raw), 0)
            if segments >= OUTLINE_MIN_SEGMENTS:
                return "text drawn as outlines"
        elif obj.type == pdfium_raw.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            if (right - left) * (top - bottom) >= IMAGE_MIN_SHARE * area:
                return "an image"
    return ""


def _last_columns(flat: str) -> bool:
    """The whitespace-free text opens its label row with 提出時期's or 説明's label: it prints
    neither 変更日 nor 項目 before it, nor in the label row's next ``LABEL_ROW_CHARS``
    characters (a text layer may give a row's labels in another order); or 変更日 but neither
    項目 nor 変更前 (変更日 a print-title column printed on every strip: set XXXV k01, a sheet
    four strips wide, branch strips74)."""
    flat = _FORM_NAME.sub("", flat)  # a running head's 全項目評価書 (set XXXIV n10: 0 rows)
    at = min((i for i in (flat.find(k) for k in LAST_LABELS) if i >= 0), default=-1)
    head = flat[: at + LABEL_ROW_CHARS]
    if at < 0 or LABEL_KEYS[1] in head:
        return False
    return LABEL_KEYS[0] not in head or LABEL_KEYS[2] not in head


def scan_pages(doc) -> list[PageScan]:  # type: ignore[no-untyped-def]
    """Per page: characters, label words, dates and 事前/事後 of the text layer (pypdfium2)."""
    out: list[PageScan] = []
    seen = False
    for i in range(len(doc)):
        # Dates and 事前/事後 matter only from the first page that could hold the label row on
        # (the table is the last part of an assessment): the pages before are not searched.
        s = scan_page(doc, i, seen)
        seen = seen or s.labels >= MIN_LABEL_KEYS
        out.append(s)
    return out


def _table_like(s: PageScan) -> bool:
    return s.is_header_page or s.is_body_page or s.labels >= MIN_LABEL_KEYS or bool(s.dates and s.labels >= 2)


def scan_pages_from_end(doc, keep: dict | None = None) -> list[PageScan]:  # type: ignore[no-untyped-def]
    """The pages of the last table run and a few before it, scanned from the last page back
    (the table is the last part of an assessment, so an 80-page assessment costs the table's
    pages, not 80): the scan stops once a header page has been seen and then
    ``SCAN_STOP_PAGES`` pages in a row are not table pages.  Returns consecutive pages ending
    with the last; every page when no table was found (all of them are needed then).  With
    ``keep``, those of the first ``KEEP_OPEN_PAGES`` pages scanned that look like table pages
    stay open in it (``scan_page``), so that the table's pages are not loaded twice."""
    out: list[PageScan] = []
    header_seen = False
    plain = 0
    for i in range(len(doc) - 1, -1, -1):
        s = scan_page(doc, i, keep=keep if keep is not None and len(out) < KEEP_OPEN_PAGES else None)
        out.append(s)
        header_seen = header_seen or s.is_header_page
        plain = 0 if _table_like(s) else plain + 1
        if plain and keep is not None and s.page in keep:
            # Most likely no table page: closed now (read again should it be one after all).
            page, tp = keep.pop(s.page)
            tp.close()
            page.close()
        if header_seen and plain >= SCAN_STOP_PAGES:
            break
    out.reverse()
    if out and out[0].page > 1 and not table_pages(out):
        return scan_pages(doc)
    return out


def broken_layer_pages(scans: list[PageScan], numbers: list[int]) -> list[int]:
    """The table pages among ``numbers`` (1-based, of ``scans``' consecutive pages) that carry text
    whose layer is not the printed text (``PageScan.fault``): those are read by OCR.  A page of
    almost no text (a continuation page) is not one of them."""
    offset = scans[0].page if scans else 1
    return [n for n in numbers if scans[n - offset].chars >= MIN_TEXT_CHARS and scans[n - offset].fault]


def printed_pages(scans: list[PageScan], numbers: list[int]) -> list[int]:
    """The table pages among ``numbers`` (1-based, of ``scans``' consecutive pages) that print
    their text with no text layer (``PageScan.drawn``): only OCR reads them."""
    offset = scans[0].page if scans else 1
    return [n for n in numbers if scans[n - offset].drawn]


def table_pages(scans: list[PageScan]) -> list[int]:
    """1-based numbers of the pages that hold the amendment table (the last such table).

    ``scans`` are consecutive pages (all of them, or the last ones: ``scan_pages_from_end``)."""
    strips = any(s.last_columns for s in scans)  # a sheet printed in column strips (column_strips)
    starts = [s.page for s in scans if s.is_header_page or (strips and s.first_columns and s.dates)]
    if not starts:
        return []
    offset = scans[0].page
    last = scans[-1].page
    # The amendment table is the last part of an assessment: take the last run of table pages.
    first = starts[0]
    pages = []
    for s in scans[first - offset :]:
        if s.is_header_page or s.is_body_page or (pages and s.dates and s.labels >= 2):
            pages.append(s.page)
        elif strips and s.first_columns and s.dates and (not pages or pages[-1] == s.page - 1):
            pages.append(s.page)
        elif strips and pages and pages[-1] == s.page - 1 and s.middle_columns:
            # A middle strip's page of a sheet printed in three strips or more (変更前 /
            # 変更後 alone, no date: "down, then over" prints them after the first strip's).
            pages.append(s.page)
        elif pages and pages[-1] == s.page - 1 and s.last_columns:
            # The last columns (提出時期 / 説明) of a sheet too wide for the page, printed on
            # pages of their own after their rows' pages or each after its rows' page.
            pages.append(s.page)
        elif pages and pages[-1] == s.page - 1 and s.labels >= MIN_LABEL_KEYS:
            # The label row repeated over rows that all began on an earlier page (Writer,
            # Word): their dates and timings were printed there.
            pages.append(s.page)
        elif pages and pages[-1] == s.page - 1 and s.drawn:
            # A page printed with no text layer (outlines, an image) right after a table page:
            # its rows are read by OCR (``printed_pages``), never passed over as blank.
            pages.append(s.page)
        elif pages and s.chars and s.labels < 2:
            # A Word row continued onto this page carries no date; rows whose 提出時期 (and
            # 説明) cell is merged over the rows above it print their timing on the page before
            # (Writer: p49-writer-v2, three rows lost with no word): keep the page when it
            # directly follows a table page and has text but no heading of another section.
            if pages[-1] == s.page - 1 and not s.title:
                pages.append(s.page)
    # Trailing continuation pages must be followed by nothing, or they are other parts.  Blank
    # pages after them are nothing (Gnumeric prints empty pages after a sheet's last row:
    # office-plumber52/p52-gnumeric-v1 lost its page 2 of rows, status success).
    last = max((s.page for s in scans if s.chars or s.drawn), default=last)
    while pages and not (
        scans[pages[-1] - offset].dates or scans[pages[-1] - offset].labels or scans[pages[-1] - offset].drawn
    ):
        if pages[-1] >= last:
            break
        pages.pop()
    return pages


def _without_history(text: str, flat: str) -> str:
    """``text`` without its version-history table (``normalize/version_history.py``): its 事前 /
    事後 (a 区分 column, 事後提出 in 備考) make no page of the amendment table's body."""
    if "版" not in flat and "履歴" not in flat:
        return text
    return "\n".join(split_history(text.splitlines())[0])


# What the note says of table-like pages before the table's first page (``unread_body_pages``),
# read with the table's pages: the page order (``normalize/page_order.py``) puts them in place.
UNREAD_BODY_PAGES_NOTE = (
    "page(s) {pages} print dates and 事前/事後 as table rows do, or the column labels, but stand"
    " before the table's first page (its title or label row): read as table pages (pages out of"
    " order?)"
)


def unread_body_pages(scans: list[PageScan], numbers: list[int]) -> list[int]:
    """The pages right before the table's first page (``numbers``, 1-based, of ``scans``'
    consecutive pages) that print a date and 事前/事後 as the table's body pages do
    (``PageScan.is_body_page``), or the column labels (``MIN_LABEL_KEYS``: the label row Word
    repeats over a page holding only the rest of a row broken over the page break, no date and
    no 提出時期 of its own: office-word72's nd72-writer-6 fed 4, 1, 2, 3 lost that page's text
    with status success), in a run ending at that page: rows ``table_pages`` leaves out.

    Where from: a filing whose pages were fed in reverse order (heldout-pageorder68, session 68)
    has its title page last; the pages of rows before it were dropped with status success."""
    if not numbers:
        return []
    offset = scans[0].page if scans else 1
    run: list[int] = []
    for n in range(numbers[0] - 1, offset - 1, -1):
        s = scans[n - offset]
        if not (s.is_body_page or s.labels >= MIN_LABEL_KEYS) or s.unusable:
            break
        run.append(n)
    return sorted(run)


def with_body_pages_before(scans: list[PageScan], numbers: list[int], reading: Reading) -> list[int]:
    """``numbers`` (the table's pages, 1-based) with the pages ``unread_body_pages`` finds before
    them, and ``UNREAD_BODY_PAGES_NOTE`` in ``reading`` when there are any.  The pages are read in
    the file's order; ``normalize/page_order.restore_page_order`` moves them where their page
    marks, title and dates say (heldout-pageorder68's Writer PDF fed last page first: 7 of 17
    rows with the run-before pages left out, the rest noted lost)."""
    if not (before := unread_body_pages(scans, numbers)):
        return numbers
    reading.notes.append(UNREAD_BODY_PAGES_NOTE.format(pages=", ".join(map(str, before))))
    return sorted({*before, *numbers})
