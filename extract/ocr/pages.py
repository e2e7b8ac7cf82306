"""Pages: one page image deskewed, ruled and read (``scan_image``); pixel words → ``PageWords``
in points; the table pages of a long document found at low resolution; a PDF's or an image
file's pages scanned (threads overlap tesseract's calls).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from pathlib import Path

import numpy as np
import regex

from piatable.errors import InputError
from piatable.models import PageWords, Word
from piatable.normalize.cover import COVER_PAGES
from piatable.settings import OcrSettings

from ..ruby_glyphs import ruby_note, split_ocr_ruby
from .beyond_grid import beyond_grid_note
from .bilevel import JOINED_GLYPH_RATIO, bilevel_glyph, soften_bilevel
from .circle_echoes import drop_circle_echoes, split_wide_circles
from .colour_ink import ColourInk
from .cores import cv_threads, strip_parts
from .cover_zone import is_cover_words, read_cover_band, read_cover_rest
from .coverage import ink_outside_cells
from .deskew import rotate, skew_angle
from .dotted_rulings import add_dotted_rulings
from .engine import TsvWord, check_tesseract, join_japanese
from .faint_pages import readable
from .folds import drop_folds
from .ink import binarize, erase, glyph_height, paper_tone
from .large_pages import hold_if_large, one_large_page_at_a_time
from .lighting import flatten_page
from .open_grid import read_unruled_page
from .orient import Orientation, find_orientation, turn_upright
from .page_doubts import LOW_RES_GLYPH_PX, MIN_SOURCE_GLYPH_PX
from .page_scan import PageScan
from .pepper import drop_pepper
from .render import iter_images, pdf_images
from .rulings import close_edges, mark_underlined, page_rulings, split_underlines
from .show_through import drop_show_through
from .show_through_text import clear_page_tones
from .square_brackets import page_votes
from .strips import ocr_cells, table_cells
from .table_pages import Frame, _quick_look, find_table_pages, is_blank  # noqa: F401 (re-exported)
from .two_up import split_sheets
from .widths import normalize_widths, snap_to_ink


@one_large_page_at_a_time
def scan_image(
    gray: np.ndarray,
    dpi: float,
    page: int,
    settings: OcrSettings,
    pool: Executor | None = None,
    parts: int = 1,
    turn: int | None = None,
) -> PageScan:
    """Put upright, deskew, find rulings and OCR one page image (its cells on ``parts`` strips
    read in ``pool``).  ``turn``: the page's clockwise turn when already known (the document's
    other pages), else found (``orient.find_orientation``)."""
    t0 = time.perf_counter()
    # A dithered 1-bit scan: its dots joined; its glyphs measured on the dots as scanned when
    # the blur joined small print's lines (``bilevel.bilevel_glyph``).
    scanned_glyph = bilevel_glyph(gray, dpi)
    gray, softened = soften_bilevel(gray)
    ink = binarize(gray)
    glyph = glyph_height(ink, dpi)
    if softened and glyph > JOINED_GLYPH_RATIO * scanned_glyph:
        glyph = scanned_glyph
    gray, ink, glyph, lit = flatten_page(gray, ink, glyph, dpi, page)
    gray, ink, peppered = drop_pepper(gray, ink, glyph, settings.pepper_min_per_em2, page)
    lit += peppered
    gray, ink, glyph, unshaded = clear_page_tones(gray, ink, glyph, dpi, page)
    lit += unshaded
    source = (glyph, dpi)  # as scanned (page_doubts: too low a resolution)
    # Tesseract reads best (and a large page fastest) with glyphs of a set size: scale there;
    # a page scanned too small, larger (page_doubts.LOW_RES_GLYPH_PX).
    target = LOW_RES_GLYPH_PX if 0 < glyph < MIN_SOURCE_GLYPH_PX else settings.target_glyph_px
    ratio = target / glyph if glyph > 0 else 1.0
    hold_if_large(gray.size * ratio**2)  # a page scaled up to tens of megapixels is read alone
    if not settings.keep_glyph_min <= ratio <= settings.keep_glyph_max:
        import cv2

        interp = cv2.INTER_AREA if ratio < 1 else cv2.INTER_CUBIC
        gray = cv2.resize(gray, None, fx=ratio, fy=ratio, interpolation=interp)
        dpi *= ratio
        ink = binarize(gray)
        glyph = glyph_height(ink, dpi)
    orientation = None
    if turn is not None:
        orientation = Orientation(turn, "document")
    elif settings.orient:
        orientation = find_orientation(gray, glyph, settings)
    if orientation is not None and orientation.turned:
        gray = turn_upright(gray, orientation.turned)
        ink = turn_upright(ink, orientation.turned)
    angle = 0.0
    if settings.max_skew_deg > 0:
        angle = skew_angle(
            ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.max_skew_deg
        )
        if abs(angle) >= settings.min_skew_deg:
            gray = rotate(gray, angle)
            ink = binarize(gray)
        else:
            angle = 0.0
    rulings = page_rulings(gray, ink, glyph, settings)
    folds = drop_folds(rulings, ink, glyph, max(settings.min_ruling_em, settings.min_vertical_em) * glyph)
    shown = drop_show_through(rulings, gray, paper_tone(gray))
    add_dotted_rulings(gray, rulings, glyph, settings.merge_em * glyph, settings.min_cell_em * glyph)
    close_edges(rulings, glyph, settings)
    paper = paper_tone(gray)
    clean = erase(gray, rulings.mask, settings.erase_grow_px, paper)
    # The ink without the rulings: where the text is.
    text_ink = 255 - erase(255 - ink, rulings.mask, settings.erase_grow_px)
    underlines = split_underlines(rulings, text_ink, glyph, settings)
    h, w = gray.shape
    scan = PageScan(page, dpi, w, h, angle, glyph, rulings.horizontal, rulings.vertical)
    scan.underlines = underlines
    scan.source_glyph, scan.source_dpi = source
    scan.notes += lit
    if folds:
        scan.notes.append(f"page {page}: a fold of the paper or a streak down the page, read as no ruling")
    if shown:
        scan.notes.append(
            f"page {page}: {shown} faint line(s) showing through from the sheet's other side, "
            "read as no ruling"
        )
    if softened:
        scan.notes.append(f"page {page}: a dithered 1-bit (black and white) scan, softened before reading")
    if orientation is not None:
        scan.turned_by = orientation.how
    if orientation is not None and orientation.turned:
        scan.turned = orientation.turned
        how = {
            "cues": "the direction of its text lines and the side its text is flush with",
            "document": "the document's other pages; its own cues were too few",
            "trial": "a trial read of its text in each turn it could have",
        }.get(orientation.how, f"tesseract's orientation detection, confidence {orientation.confidence:.1f}")
        scan.notes.append(
            f"page {page}: turned {orientation.turned}° clockwise (found by {how}); read upright"
        )
    elif orientation is not None and orientation.how == "unsure":
        scan.notes.append(
            f"page {page}: orientation unsure (the text is not clearly upright, tesseract's "
            f"orientation detection not confident: {orientation.confidence:.1f}); read as it lies"
        )
    cells = table_cells(scan, settings) if settings.mode == "cells" else []
    if cells:
        scan.words = ocr_cells(clean, text_ink, cells, glyph, paper, settings, pool, parts, scan.second_reads)
        if page <= COVER_PAGES:
            # A cover printed above the table (a sheet's first rows): its own unruled or
            # lightly ruled lines, read apart (cover_zone.split_cover takes them off the table).
            top = min(c.top for c in cells)
            band = read_cover_band(clean, text_ink, top, glyph, settings.lang, settings.engine)
            scan.words += band
            if is_cover_words(scan.words):
                # A cover page: its facts' boxes the grid finder left out are read too.
                boxes = [(c.x0, c.top, c.x1, c.bottom) for c in cells]
                if band:
                    boxes.append((0, 0, clean.shape[1], max(top - 2, 0)))
                rest = read_cover_rest(clean, text_ink, boxes, glyph, paper, settings.lang, settings.engine)
                # Its own line keys: a cell's words are keyed by the cell's index, and a word of
                # another read sharing that key would be taken for one of the cell's lines.
                scan.words += [
                    TsvWord(
                        w.text,
                        w.left,
                        w.top,
                        w.width,
                        w.height,
                        w.conf,
                        (REST_LINE_KEY + w.line[0], *w.line[1:]),
                        w.word,
                        w.inked,
                    )
                    for w in rest
                ]
        unread = ink_outside_cells(
            text_ink, cells, scan.vertical, glyph, settings.table_border_share, settings.unread_piece_em
        )
        if unread >= settings.min_unread_pieces:
            scan.unread = unread
            scan.notes.append(
                f"page {page}: about {unread} characters of ink inside the table lie in no cell of "
                "its ruled grid and were not read"
            )
        if not is_cover_words(scan.words):  # a cover's facts below its boxes are read apart
            below = beyond_grid_note(
                page,
                clean,
                text_ink,
                max(c.bottom for c in cells),
                glyph,
                settings.unread_piece_em,
                settings.min_unread_pieces,
                settings.lang,
                settings.engine,
            )  # ink below the grid's last ruling: counted, and read for table content (honest67)
            scan.notes.extend([below] if below else [])
    else:  # a table ruled across only is read between its rules and gutters, else the page whole
        scan.words = read_unruled_page(scan, clean, text_ink, paper, settings, pool, parts)
    scan.words = snap_to_ink(scan.words, text_ink, glyph * settings.em_per_glyph)
    scan.seconds = time.perf_counter() - t0
    return scan


# Line keys of the words of a cover page read outside its cells start here (cells' from 1).
REST_LINE_KEY = 1_000_000


def _split_at(w: Word, rulings: list[tuple[float, float, float]]) -> list[Word]:
    """A multi-character word that runs across a column ruling (``(x, top, bottom)``, points)
    beside it, cut there (proportionally).  A ruling above or below the word is none of its
    cells' walls (a 回覧 stamp box's over the table: its walls cut 移行 of every row's 説明 in
    two and the halves were read apart, ``移に伴う行修正``; set XXXIII n10)."""
    mid, reach = (w.top + w.bottom) / 2, w.bottom - w.top
    inside = sorted(x for x, a, b in rulings if w.x0 < x < w.x1 and a - reach <= mid <= b + reach)
    if not inside or len(w.text) < 2:
        return [w]
    per = (w.x1 - w.x0) / len(w.text)
    out: list[Word] = []
    start = 0
    for x in inside:
        k = round((x - w.x0) / per)
        if start < k < len(w.text):
            out.append(
                Word(
                    w.text[start:k],
                    w.page,
                    w.x0 + start * per,
                    w.x0 + k * per,
                    w.top,
                    w.bottom,
                    "ocr",
                    w.conf,
                )
            )
            start = k
    out.append(Word(w.text[start:], w.page, w.x0 + start * per, w.x1, w.top, w.bottom, "ocr", w.conf))
    return out


# A character box (not set to its ink) taller than this many times the median character of its
# tesseract line, whose centre lies more than TALL_BOX_SHIFT of the line's median height below
# the line's centre and whose top is no further above the line's top than TALL_BOX_REACH_UP of
# it, runs down into the next line (tesseract gave 特 of 特定個人… a box two lines high: the
# word's centre fell between the lines and 特定 moved to the cell's next line).  A tall box about
# its own line only widens the line's band (which then holds its marks, 、 and 。); one reaching
# up from above the line's top is a mark printed above it (※ on the line before).
TALL_BOX = 1.6
TALL_BOX_SHIFT = 0.25
TALL_BOX_REACH_UP = 0.5
# Lines of fewer characters give no median to judge by.
TALL_BOX_MIN_CHARS = 3
# Marks that sit on the baseline (、。，; not a half-width stop, often a speck): one tesseract put
# on a line whose box reaches below the line's band, by no more than MARK_DROP of the line's
# median height, is drawn in that band.
# A 、 printed first on a line of tight Calc text (…特定し / 、ユーザID…) sat low enough for its
# centre to fall nearer the next line, and moved there (行っ、て; 特定し、ユーザ lost its 、).
LOW_MARKS = "、。，"
MARK_DROP = 0.8


def even_tall_boxes(chars: list[TsvWord]) -> list[TsvWord]:
    """Characters whose box tesseract drew far taller than the others of its line and running
    down into the next line (TALL_BOX …) given the line's median top and height, so that a
    word's union of boxes (_merge_words) stays on its own printed line.  Boxes set to a
    character's own ink, and lines of fewer than TALL_BOX_MIN_CHARS characters, are kept.  A
    mark on the baseline reaching below its line's band is drawn in the band (LOW_MARKS)."""
    by_line: dict[tuple[int, int, int], list[TsvWord]] = {}
    for c in chars:
        by_line.setdefault(c.line, []).append(c)
    band: dict[tuple[int, int, int], tuple[int, int]] = {}
    for key, cs in by_line.items():
        if len(cs) >= TALL_BOX_MIN_CHARS:
            band[key] = (int(np.median([c.top for c in cs])), int(np.median([c.height for c in cs])))
    out = []
    for c in chars:
        b = band.get(c.line)
        if (
            b is not None
            and not c.inked
            and c.height > TALL_BOX * b[1]
            and c.top >= b[0] - TALL_BOX_REACH_UP * b[1]
            and c.top + c.height / 2 - (b[0] + b[1] / 2) > TALL_BOX_SHIFT * b[1]
        ):
            c = TsvWord(c.text, c.left, b[0], c.width, b[1], c.conf, c.line, c.word, c.inked)
        elif (
            b is not None
            and c.text in LOW_MARKS
            and b[0] + b[1] < c.top + c.height <= b[0] + b[1] + MARK_DROP * b[1]
            and c.top >= b[0]
        ):
            c = TsvWord(c.text, c.left, b[0], c.width, b[1], c.conf, c.line, c.word, c.inked)
        out.append(c)
    return out


def _merge_words(chars: list[TsvWord]) -> list[TsvWord]:
    """Characters of one tesseract word (hOCR character boxes) back into the word, with the union
    of their boxes and their lowest confidence: tesseract decides the spaces between half-width
    words, and the grid then never sees a gap inside 2022/10/17.  TSV read from image_to_data
    (word number 0 per word already) passes through."""
    out: list[TsvWord] = []
    for c in chars:
        prev = out[-1] if out else None
        if prev is not None and c.word and prev.word == c.word and prev.line == c.line:
            x0, y0 = min(prev.left, c.left), min(prev.top, c.top)
            x1 = max(prev.left + prev.width, c.left + c.width)
            y1 = max(prev.top + prev.height, c.top + c.height)
            out[-1] = TsvWord(
                prev.text + c.text, x0, y0, x1 - x0, y1 - y0, min(prev.conf, c.conf), c.line, c.word
            )
        else:
            out.append(c)
    return out


_ALNUM = regex.compile(r"^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$")
# Dust on a photocopy read as a mark of its own: a word of one of these marks whose box is under
# SPECK_MARK_EM of the glyph height each way (set XVIII's C__photocopy200.png and
# samples/*-ocrflip56 copy-…: 2×2 px words '-' and '.' ended cells, and stood as lines of their
# own).  Printed 、 。 ・ stand a quarter of the glyph or more and are kept.
_SPECK_MARKS = frozenset("-‐.．,，'`")
SPECK_MARK_EM = 0.12


def drop_specks(
    words: list[TsvWord], max_height: float, mark_max: float = 0.0
) -> tuple[list[TsvWord], list[TsvWord]]:
    """(the words kept, the specks): a Latin letter or digit that tesseract read as a word of its
    own, from a box both lower and narrower than ``max_height`` pixels, is a speck of the paper
    (see ``OcrSettings.speck_max_em``).  A character inside a word of several is never one:
    tesseract gives some of those a flat or tiny box (the 3 of 03-1234, the D of ID).  A mark
    of ``_SPECK_MARKS`` alone is a speck when its box is under ``mark_max`` pixels each way."""
    if max_height <= 0:
        return words, []
    kept: list[TsvWord] = []
    specks: list[TsvWord] = []
    per_word = Counter((w.line, w.word) for w in words)
    for w in words:
        speck = (
            per_word[(w.line, w.word)] == 1
            and w.height < max_height
            and w.width < max_height
            and _ALNUM.match(w.text.strip())
        ) or (
            per_word[(w.line, w.word)] == 1
            and w.height < mark_max
            and w.width < mark_max
            and w.text.strip() in _SPECK_MARKS
        )
        (specks if speck else kept).append(w)
    return kept, specks


def scan_to_page_words(scan: PageScan, settings: OcrSettings | None = None) -> PageWords:
    """Pixel words and rulings → PageWords in points (72/dpi), spaces inside words removed."""
    s = 72.0 / scan.dpi
    settings = settings or OcrSettings()
    words: list[Word] = []
    vx = [((v[0] + v[2]) / 2 * s, v[1] * s, v[3] * s) for v in scan.vertical]
    chars, specks = drop_specks(scan.words, scan.glyph * settings.speck_max_em, scan.glyph * SPECK_MARK_EM)
    chars = split_wide_circles(drop_circle_echoes(chars, scan.glyph), scan.glyph)
    chars, readings = split_ocr_ruby(chars, scan.page)  # ruby read over kanji (``ruby_glyphs``)
    for tw in _merge_words(even_tall_boxes(normalize_widths(chars, settings))):
        text = join_japanese(tw.text)
        if not text.strip():
            continue
        w = Word(
            text,
            scan.page,
            tw.left * s,
            (tw.left + tw.width) * s,
            tw.top * s,
            (tw.top + tw.height) * s,
            "ocr",
            max(tw.conf, 0.0),
        )
        words.extend(_split_at(w, vx))
    mark_second_reads(words, scan.second_reads, s)
    under = [(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in scan.underlines]
    mark_underlined(words, under, settings.underline_band_em * scan.glyph * s)
    rulings = [(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in [*scan.horizontal, *scan.vertical]]
    # Rulings as the grid expects them: thin along one axis (the centre line of the stroke).
    thin: list[tuple[float, float, float, float]] = []
    for x0, t, x1, b in rulings:
        if x1 - x0 >= b - t:
            y = (t + b) / 2
            thin.append((x0, y, x1, y))
        else:
            x = (x0 + x1) / 2
            thin.append((x, t, x, b))
    pw = PageWords(scan.page, scan.width * s, scan.height * s, "pt", "ocr", words, thin, unread=scan.unread)
    pw.bracket_votes = page_votes(scan.words, scan.glyph * settings.em_per_glyph)
    pw.notes.extend(scan.notes)
    if specks:
        shown = ", ".join(repr(w.text) for w in specks[:5]) + (" …" if len(specks) > 5 else "")
        pw.notes.append(
            f"page {scan.page}: {len(specks)} speck(s) read as a letter, digit or mark smaller than "
            f"{settings.speck_max_em} of the glyph height dropped: {shown}"
        )
    if readings:
        pw.notes.append(ruby_note(scan.page, readings))
    if scan.angle:
        pw.notes.append(f"page {scan.page}: rotation of {scan.angle:.2f}° undone")
    return pw


def mark_second_reads(words: list[Word], found: list, s: float) -> None:  # type: ignore[type-arg]
    """Each word whose box's centre lies in the box of a line whose second read disagreed
    (``second_reads.SecondRead``, pixels; ``s``: points per pixel) carries its why
    (``Word.second_read``): the grid makes it the doubt ``ocr_suspect:<field>`` of its cell."""
    for r in found:
        if not r.disagrees:
            continue
        for w in words:
            x, y = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
            if r.x0 * s <= x <= r.x1 * s and r.top * s <= y <= r.bottom * s:
                w.second_read = r.why


# Pages whose orientation was unsure kept (their images) to be read again the way the
# document's other pages turned: at most this many.
MAX_UNSURE_KEPT = 8


def scan_images(
    frames: Iterable[Frame],
    os_: OcrSettings,
    blank: list[int] | None = None,
    count: int = 0,
    colour: dict[int, ColourInk] | None = None,
) -> list[PageScan]:
    """Each page image read, as the frames come: at most one page per core is held in memory
    at once (rendered, read, then released), and blank pages are skipped before any tesseract
    call (their numbers added to ``blank``).  Tesseract runs as a child process, so threads
    overlap its calls: pages are prepared side by side, and when the frames are fewer than the
    cores (``count``: how many there are, 0 unknown) each page's cells are read on one strip per
    core in a shared pool of one tesseract per core (at most ``ocr.workers`` when it is set);
    else the pages keep the cores busy, and each page's cells are read on one strip (a tesseract
    process spends about 0.2 CPU s starting: ``SPLIT_BELOW_PAGES``).  A page whose orientation
    was unsure is read again turned as the document's other pages were, when they all agree on
    a turn.  ``colour``: each page's coloured ink made paper or kept (``colour_ink``), by page
    number, filled as the frames come: said in a note of the page's."""
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    cores = max(os_.workers or os.cpu_count() or 1, 1)
    out: list[PageScan] = []
    unsure: dict[int, Frame] = {}

    def keep(f: Frame, scan: PageScan) -> None:
        if scan.turned_by == "unsure" and len(unsure) < MAX_UNSURE_KEPT:
            unsure[f[0]] = f
        out.append(scan)

    with ThreadPoolExecutor(cores) as pool, ThreadPoolExecutor(cores) as pages:
        parts = strip_parts(cores, count)
        strips = pool if cores > 1 else None
        pending: deque[tuple[Frame, Future[PageScan]]] = deque()
        faint: dict[int, str] = {}
        for f in frames:
            n, g, dpi = f
            g, note = readable(g, dpi, os_)  # a faint page stretched; None: blank
            if g is None:
                if blank is not None:
                    blank.append(n)
                continue
            if note:
                faint[n] = f"page {n}: {note}"
            f = (n, g, dpi)
            pending.append((f, pages.submit(scan_image, g, dpi, n, os_, strips, parts)))  # type: ignore[arg-type]
            while len(pending) >= cores:
                f0, fut = pending.popleft()
                keep(f0, fut.result())
        while pending:
            f0, fut = pending.popleft()
            keep(f0, fut.result())
        turns = {s.turned for s in out if s.turned_by in ("cues", "trial", "osd")}
        if unsure and len(turns) == 1 and (turn := turns.pop()):
            again = {
                n: pages.submit(scan_image, f[1], f[2], n, os_, strips, parts, turn)  # type: ignore[arg-type]
                for n, f in unsure.items()
            }
            out = [again[s.page].result() if s.page in again else s for s in out]
    for s in out:
        if s.page in faint:
            s.notes.insert(0, faint[s.page])
        if colour and s.page in colour and (note := colour[s.page].note(os_.colour_note_share)):
            s.notes.insert(0, f"page {s.page}: {note}")
    return out


def scan_pdf(
    path: Path,
    numbers: list[int],
    os_: OcrSettings,
    blank: list[int] | None = None,
    after: list[int] | None = None,
    unread: list[int] | None = None,
) -> list[PageScan]:
    """The table pages among ``numbers`` (1-based) of a PDF read: a long document's pages are
    looked at small first (``find_table_pages``; pages with ink after the table's run, not read,
    go to ``after``, pages ruled in the table's columns left out to ``unread``), one at a time;
    pages are rendered as they are read; pages that draw
    nothing, and scanned pages (one JPEG) without ink, are never rendered, other blank ones
    never read."""
    check_tesseract(os_.lang)
    colour: dict[int, ColourInk] = {}
    with cv_threads():
        if len(numbers) > os_.find_all_below:
            numbers = find_table_pages(
                pdf_images(path, numbers, os_.find_dpi, skip_empty=True, quick_blank=os_),
                os_,
                blank,
                after,
                unread,
            )
        return scan_images(
            pdf_images(path, numbers, os_.dpi, os_, skip_empty=True, quick_blank=os_, colour=colour),
            os_,
            blank,
            len(numbers),
            colour,
        )


def scan_image_file(
    path: Path,
    os_: OcrSettings,
    blank: list[int] | None = None,
    after: list[int] | None = None,
    unread: list[int] | None = None,
) -> list[PageScan]:
    """The table pages of an image file read (a multi-page TIFF's frames one at a time; a long
    one is looked at small first: ``after`` and ``unread`` as ``scan_pdf`` has them).  Raises
    ``InputError`` for an unreadable image."""
    check_tesseract(os_.lang)
    tags: dict[int, int] = {}
    sized: set[int] = set()  # frames whose dpi was taken from their size (no resolution in the file)
    colour: dict[int, ColourInk] = {}

    def frames(wanted: set[int] | None = None) -> Iterator[Frame]:
        try:
            for p in iter_images(path, os_.image_dpi):
                tags[p.page] = p.exif_orientation
                colour[p.page] = p.colour
                if p.dpi_from_size:
                    sized.add(p.page)
                if wanted is None or p.page in wanted:
                    yield p.page, p.gray, p.dpi
        except (OSError, SyntaxError, ValueError) as exc:
            raise InputError(f"{path}: not a readable image ({exc.__class__.__name__}: {exc})") from exc

    count = _frame_count(path)
    # Sheets printed 2-in-1 are read as their two pages (``two_up``); their notes by page.
    sheets: dict[int, str] = {}
    with cv_threads():
        wanted = None
        if count > os_.find_all_below:
            wanted = set(find_table_pages(frames(), os_, blank, after, unread))
        pages = split_sheets(frames(wanted), sheets, sized)
        scans = scan_images(pages, os_, blank, len(wanted) if wanted is not None else count)
    for s in scans:
        # (The EXIF tags go by the file's frames: pages cut from sheets are numbered on.)
        if tags.get(s.page, 1) != 1 and not sheets:
            s.notes.insert(0, f"page {s.page}: EXIF orientation {tags[s.page]} applied")
        if s.page in colour and (note := colour[s.page].note(os_.colour_note_share)) and not sheets:
            s.notes.insert(0, f"page {s.page}: {note}")
        if s.page in sheets:
            s.notes.insert(0, sheets[s.page])
    return scans


def _frame_count(path: Path) -> int:
    """How many frames an image file holds (1 for a file PIL cannot count)."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            return int(getattr(im, "n_frames", 1))
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: not a readable image ({exc.__class__.__name__}: {exc})") from exc
