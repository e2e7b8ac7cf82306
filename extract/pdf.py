"""Text-layer PDFs → positioned characters and rulings of the table pages (a ``Reading``).

The table pages are found first, cheaply: pypdfium2 gives each page's text in a few
milliseconds, and a page is a table page when it carries the column labels and dates (a contents
page that merely names 変更箇所 has neither).  The table is the last part of an assessment, so
pages are scanned from the last one back and the scan stops a few pages before the table
(``scan_pages_from_end``).  Only the table pages are read for their characters and ruling lines
(pypdfium2), kept open from the scan and closed after use, so that an 80-page assessment costs
its table's pages and little memory.  Of a page, only what a reader sees
is read: characters that are invisible, in the paper's colour, covered or clipped away are left
out with a note, and strokes that draw no cell border are no rulings (``pdf_objects``).
"""

from __future__ import annotations

import ctypes
import math
import re
import struct
import unicodedata
from array import array
from collections import Counter, defaultdict
from itertools import compress
from operator import attrgetter
from pathlib import Path

from piatable.models import PageWords, Reading, Unseen, Word, pdf_char
from piatable.normalize.cover import COVER_PAGES, HISTORY_KEY, cover_facts_from_document_text
from piatable.normalize.sheet_headings import strip_column_letters
from piatable.normalize.unicode import clean_text
from piatable.settings import PdfSettings

from . import pdfium_calls as pc
from .glyph_codes import mend_page
from .layer_quality import layer_facts, text_fault
from .pdf_objects import HIDDEN_REASONS, object_text, walk_page
from .pdf_open import open_pdf, unreadable
from .pdf_producer import feet_close_cells, made_by_spreadsheet
from .pdf_scan import (
    KEEP_OPEN_PAGES,
    LABEL_KEYS,
    MIN_LABEL_KEYS,
    SCAN_STOP_PAGES,
    PageScan,
    broken_layer_pages,
    printed_pages,
    scan_page,
    scan_pages,
    scan_pages_from_end,
    table_pages,
    with_body_pages_before,
)
from .pdf_turned import turn_page, upright_majority
from .pdf_turned import turned_runs as _turned_runs
from .ruby_glyphs import ruby_note, split_ruby
from .stretched_gaps import stretched_gap
from .watermark_glyphs import split_watermark, watermark_note

__all__ = [
    "KEEP_OPEN_PAGES",
    "LABEL_KEYS",
    "MIN_LABEL_KEYS",
    "SCAN_STOP_PAGES",
    "PageScan",
    "cover_facts_from_doc",
    "open_pdf",
    "pdfium_page_to_words",
    "read_pdf",
    "scan_page",
    "scan_pages",
    "scan_pages_from_end",
    "table_pages",
]

# A space pdfium lists between two characters is kept when they are at most this many ems apart
# (a space glyph is narrower; characters of two cells side by side are further apart).
MAX_SPACE_EM = 0.75
# A gap of about one em between two characters of one line is a full-width space (U+3000) the
# document prints without a glyph (Writer: `[　]`, `紙　[○]`): a half-width space is at most half
# an em wide, and Word's gap between Japanese and Latin text about a quarter.
FULL_WIDTH_SPACE_EM = (0.85, 1.15)
# The document's own space characters that are read (others, such as line ends, are not).
KEPT_SPACES = " \u3000\u00a0"
# A character turned at least this many degrees (and as many short of a full turn) is set
# vertically: it is read along its own direction (``pdf_turned``).
TURN_MIN_DEG = 45
# Characters of one text within 1/DEDUPE_GRID pt of each other are one character drawn twice.
DEDUPE_GRID = 4
# A space glyph the next character of its line starts less than this many ems after is drawn
# without an advance: no space on the page (Writer draws one where an underlined run starts or
# ends, and in the gap it leaves between Japanese text and digits of an underlined run).
ZERO_ADVANCE_EM = 0.1
ZERO_ADVANCE_SPACES = frozenset(KEPT_SPACES)
# The note on characters left out as not visible quotes at most this many of each reason's
# (a new user could not tell which text a "9 characters … clipped away" note meant).
HIDDEN_QUOTED_CHARS = 20
_TEXT_OF = attrgetter("text")


def pdfium_page_to_words(  # type: ignore[no-untyped-def]
    page, number: int, settings: PdfSettings | None = None, textpage=None, mended: list[int] | None = None
) -> tuple[PageWords, int, Counter[str]]:
    """A pypdfium2 page → its visible characters (loose boxes: one height per font size, so a
    line's characters share a top) and ruling segments; plus the count of characters without a
    Unicode mapping and the count of characters left out as not visible, by reason (keys of
    ``pdf_objects.HIDDEN_REASONS``; a note on the page says how many and why).

    Spaces: only the document's own space characters are read (U+0020, U+3000, U+00A0); of the
    spaces pdfium infers from gaps, only one between two half-width characters is kept (a
    producer that positions Latin words without space glyphs).  A gap beside a Japanese
    character is never a space (Word's spacing between Japanese and digits or Latin letters).
    Characters turned 90° or 270° (a vertical 提出時期 cell) are read in their reading order.
    With ``settings.ocr_text_layer`` an invisible text layer (render mode 3) is read too.
    ``textpage``: the page's open text page, if the caller has one (it is closed here).  Glyphs
    read by ``glyph_codes.mend_page`` (a symbol font's •, a line-end -) are counted in ``mended``."""
    settings = settings or PdfSettings()
    width, height = page.get_size()  # as the page is shown (after its /Rotate)
    shown_turn = page.get_rotation() % 360
    if shown_turn in (90, 270):
        width, height = height, width  # the content's own space, where characters and paths lie
    words: list[Word] = []
    turned: list[tuple[float, Word]] = []  # (angle in degrees, character) of rotated characters
    unmapped = 0
    hidden: Counter[str] = Counter()
    hidden_text: defaultdict[str, list[str]] = defaultdict(list)
    unseen: list[Unseen] = []  # the left-out characters (but render mode 3), with their boxes
    objects = walk_page(page.raw, height, settings)
    check, turned_page = objects.may_hide, objects.turned
    tp = textpage or page.get_textpage()
    tpr = pc.handle(tp.raw)
    rect, rect_at, unpack_rect = _RECT, _RECT_REF, _UNPACK_RECT
    tp_at = ctypes.c_void_p(tpr)  # for the unchecked call (``pdfium_calls``)
    texts: dict[int, str] = {}  # text objects' own text, by handle
    is_generated, loose_box = pc.text_is_generated, pc.text_loose_box_u
    text_object, char_angle = pc.text_object, pc.text_char_angle
    hidden_why = objects.hidden
    read_layer = settings.ocr_text_layer
    char_text, keep, new_char = _CHAR_TEXT.get, words.append, pdf_char
    # Each kept character's place to 1/DEDUPE_GRID pt (``_dedupe``), made as it is read.
    places: list[tuple[str, int, int]] | None = []
    place = places.append
    wide_spaces: list[Word] = []  # full-width spaces inferred from an em's gap
    try:
        n_chars = tp.count_chars()
        codes = _page_codes(tpr, n_chars)
        mend_page(tpr, codes, mended)
        if _compiled_plain_chars is not None and not check and not turned_page and type(codes) is list:
            # The common page (nothing may be hidden, nothing turned): the compiled twin of the
            # loop below (extract/_page_chars.c: the same steps and arithmetic).
            def space_at(i: int) -> tuple[Word, tuple[str, int, int]] | None:
                space = _inferred_space(tp, tpr, i, n_chars, height, number, texts)
                if space is None:
                    return None
                if space.text == "\u3000":
                    wide_spaces.append(space)
                return space, _place(space)

            # ``places`` is None when no two are equal (the compiled loop compares them): then
            # ``_dedupe`` would hand the words back as they are.
            words, places, unmapped = _compiled_plain_chars(
                codes, _CHAR_TEXT, _char_text, space_at, *FULL_WIDTH_SPACE_EM, MAX_SPACE_EM,
                tpr or 0, *_ADDRESSES, height, number, Word,
            )  # fmt: skip
            codes = []
        for i, code in enumerate(codes):
            if code == 0x20 and is_generated(tpr, i):
                # pdfium's own line ends go; a space it infers is kept only between half-width
                # characters a space's width apart (Latin words placed without space glyphs).
                space = _inferred_space(tp, tpr, i, n_chars, height, number, texts)
                if space is not None:
                    words.append(space)
                    place(_place(space))
                    if space.text == "\u3000":
                        wide_spaces.append(space)
                continue
            text = char_text(code, _UNKNOWN)
            if text is _UNKNOWN:
                text = _char_text(code)
            if not text:
                if text is None:
                    unmapped += 1
                continue
            loose_box(tp_at, i, rect_at)
            left, top, right, bottom = unpack_rect(rect)
            if check:
                key = text_object(tpr, i) or 0
                why = hidden_why(key, (left, bottom, right, top), settings)
                if why == "clipped" and hidden_why(key, tp.get_charbox(i), settings) is None:
                    why = None  # its ink shows, its em box reaches out (Gnumeric's title （)
                if why is not None and not (why == "invisible" and read_layer):
                    if text.strip():
                        hidden[why] += 1
                        if len(hidden_text[why]) < HIDDEN_QUOTED_CHARS:
                            hidden_text[why].append(text)
                        if why != "invisible":
                            box = Word(text, number, left, right, height - top, height - bottom, "pdf")
                            unseen.append(Unseen(box, why, _clip_box(objects, key, height)))
                    continue
            y0 = height - top
            word = new_char(text, number, left, right, y0, height - bottom)
            if turned_page:
                angle = round(math.degrees(char_angle(tpr, i))) % 360
                if TURN_MIN_DEG <= angle <= 360 - TURN_MIN_DEG:
                    turned.append((angle, word))
                    continue
            keep(word)
            # round(v) as v.__round__() (what round calls, without its look-up: a third faster).
            place((text, (left * DEDUPE_GRID).__round__(), (y0 * DEDUPE_GRID).__round__()))
    finally:
        tp.close()
    notes = []
    big, n_big = split_watermark(words, [w for _, w in turned])
    if big:  # a watermark drawn as text: set aside before cells are built (``watermark_glyphs``)
        marks = [w.text for w in (*words, *(t for _, t in turned)) if id(w) in big and w.text.strip()]
        if places is not None:
            places = [p for w, p in zip(words, places, strict=True) if id(w) not in big]
        words = [w for w in words if id(w) not in big]
        turned = [(a, w) for a, w in turned if id(w) not in big]
        notes.append(watermark_note(number, marks, n_big))
    ruby, readings = split_ruby(words, narrow=True)
    if ruby:  # readings printed small over kanji (``ruby_glyphs``): set aside, counted in a note
        if places is not None:
            places = [p for w, p in zip(words, places, strict=True) if id(w) not in ruby]
        words = [w for w in words if id(w) not in ruby]
        notes.append(ruby_note(number, readings))
    turn = 0
    if turned:
        words, places, turned, turn = upright_majority(words, places, turned, DEDUPE_GRID)
    if places is not None:
        words = _dedupe(words, places)
    words = _drop_zero_advance_spaces(words)
    if wide_spaces:
        words = _drop_wide_spaces(words, wide_spaces, objects.rulings)
    words += _turned_runs(turned)
    if hidden:
        parts = ", ".join(
            f"{n} {HIDDEN_REASONS[k]}: {_quoted(hidden_text[k], n)}" for k, n in sorted(hidden.items())
        )
        notes.append(
            f"page {number}: {sum(hidden.values())} characters not visible on the page left out ({parts})"
        )
    rulings = objects.rulings
    if turn:
        words, rulings, unseen, width, height = turn_page(words, rulings, unseen, turn, width, height)
    if turn != shown_turn:
        notes.append(
            f"page {number}: shown turned {shown_turn}° (its /Rotate); read turned {turn}°, "
            "the way its characters stand upright"
        )
    return (
        PageWords(number, float(width), float(height), "pt", "pdf", words, rulings, notes, unseen),
        unmapped,
        hidden,
    )


def _page_codes(tpr: int, n_chars: int) -> list[int]:
    """The Unicode code of each of the ``n_chars`` characters of text page ``tpr`` (a handle,
    ``pdfium_calls``), in one pdfium call (UTF-16 units, one per character); one call per
    character when the page has characters outside the BMP (surrogate pairs would shift the
    indices)."""
    if n_chars <= 0:
        return []
    buf = (ctypes.c_ushort * (n_chars + 1))()
    got = pc.text_get_text(tpr, 0, n_chars, buf)
    raw = ctypes.string_at(buf, 2 * n_chars)
    # A UTF-16 unit in D800-DFFF: a pair decodes to one character, a lone one stays itself.
    units = raw.decode("utf-16-le", "surrogatepass")
    if got != n_chars + 1 or len(units) != n_chars or _SURROGATE.search(units):
        return [pc.text_get_unicode(tpr, i) for i in range(n_chars)]
    return array("H", raw).tolist()  # the units as ints (``buf[:n_chars]``, several times as fast)


def _quoted(chars: list[str], count: int) -> str:
    """The characters left out, in page order, quoted (``「令和5年4月1日」``), with ``…`` when
    ``count`` is more than were kept (``HIDDEN_QUOTED_CHARS``)."""
    return "「" + "".join(chars) + ("…" if count > len(chars) else "") + "」"


# The one rectangle pdfium fills with a character's loose box (left, top, right, bottom: four
# floats), a reference to it for the (unchecked) call and the unpacking of its bytes.
_RECT = pc.raw.FS_RECTF()
_RECT_REF = ctypes.byref(_RECT)
_UNPACK_RECT = struct.Struct("4f").unpack_from
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNKNOWN = object()  # a character code not yet in _CHAR_TEXT
try:  # the compiled character loop of the common page (extract/_page_chars.c), when built
    from ._page_chars import plain_chars as _compiled_plain_chars

    # Addresses of pdfium's FPDFText_GetLooseCharBox and FPDFText_IsGenerated and of _RECT.
    _ADDRESSES = (
        ctypes.cast(pc.text_loose_box_u, ctypes.c_void_p).value,
        ctypes.cast(pc.text_is_generated, ctypes.c_void_p).value,
        ctypes.addressof(_RECT),
    )
except ImportError:  # no C compiler where the package was installed: the Python loop runs
    _compiled_plain_chars = None


_CHAR_TEXT: dict[int, str | None] = {}


def _char_text(code: int) -> str | None:
    """The text read for a character code: None for a glyph without Unicode (0, U+FFFD, private
    use, control codes), "" for a line end or a space that is not the document's own kind."""
    try:
        return _CHAR_TEXT[code]
    except KeyError:
        pass
    out: str | None
    if code in (0, 0xFFFE, 0xFFFD) or 0xE000 <= code <= 0xF8FF or (code < 0x20 and code not in (9, 10, 13)):
        out = None
    else:
        ch = chr(code)
        out = "" if ch in "\r\n" or (ch.isspace() and ch not in KEPT_SPACES) else clean_text(ch)
    if len(_CHAR_TEXT) < 65536:
        _CHAR_TEXT[code] = out
    return out


# The rectangle ``_loose_box`` has pdfium fill (not ``_RECT``: the character loop's, whose values
# a failed call there leaves as they were).
_SPACE_RECT = pc.raw.FS_RECTF()
_SPACE_RECT_REF = ctypes.byref(_SPACE_RECT)


def _loose_box(tpr: int, i: int) -> tuple[float, float, float, float]:
    """Character ``i``'s loose box on text page ``tpr`` (a handle) as (left, bottom, right, top):
    pypdfium2's ``get_charbox(i, loose=True)``, the same call into the same kind of rectangle
    without building one per call.  Raises ``PdfiumError`` as it does when pdfium fails."""
    if not pc.text_loose_box_u(ctypes.c_void_p(tpr), i, _SPACE_RECT_REF):
        import pypdfium2 as pdfium

        raise pdfium.PdfiumError("Failed to get charbox.")
    left, top, right, bottom = _UNPACK_RECT(_SPACE_RECT)
    return left, bottom, right, top


def _inferred_space(  # type: ignore[no-untyped-def]
    tp, tpr: int, i: int, n_chars: int, height: float, number: int, texts: dict
) -> Word | None:
    """A space pdfium lists between two characters of one line (less than a space-and-a-bit
    apart: farther apart they are two cells side by side) that the document has there; one
    about an em wide (``FULL_WIDTH_SPACE_EM``) is a full-width space (U+3000).

    pdfium flags as generated both the spaces it infers from gaps and many the document draws,
    so such a space is kept, except between a Japanese character and a Latin letter, digit or
    numeral (Ⅰ, ①), where it is kept only when both are in one text object whose text holds
    the space (``電話 0123`` of one font run).  Word sets Japanese and
    Latin text in separate runs and leaves a gap between them where it prints no space
    (平成 29 年, Ⅰ 基本情報, ① 部署): such a gap is never a space.  Nor is a gap between two
    Japanese characters no wider than its line's others: justification's stretch
    (``stretched_gaps``)."""
    if pc.text_get_unicode(tpr, i) != 0x20 or i == 0 or i + 1 >= n_chars:
        return None
    if pc.text_is_generated(tpr, i - 1) or pc.text_is_generated(tpr, i + 1):
        return None
    _, b0, r0, t0 = _loose_box(tpr, i - 1)
    l1, b1, _, _ = _loose_box(tpr, i + 1)
    em = t0 - b0
    gap = l1 - r0
    if em <= 0 or abs(b0 - b1) > em / 2:
        return None
    a, b = chr(pc.text_get_unicode(tpr, i - 1)), chr(pc.text_get_unicode(tpr, i + 1))
    if _is_japanese(a) and _is_japanese(b) and stretched_gap(tpr, i, n_chars, gap, em, b0, _loose_box):
        return None
    if FULL_WIDTH_SPACE_EM[0] * em <= gap <= FULL_WIDTH_SPACE_EM[1] * em:
        return Word("\u3000", number, r0, l1, height - t0, height - b0, "pdf")
    if not -0.2 * em <= gap <= MAX_SPACE_EM * em:
        return None
    if (_is_japanese(a) and _is_latin_or_numeral(b)) or (_is_latin_or_numeral(a) and _is_japanese(b)):
        left = pc.text_object(tpr, i - 1)
        if (left or 0) != (pc.text_object(tpr, i + 1) or 0):
            return None
        if f"{a} {b}" not in object_text(tpr, left, texts):
            return None
    return Word(" ", number, r0, max(l1, r0), height - t0, height - b0, "pdf")


def _drop_wide_spaces(
    words: list[Word], spaces: list[Word], rulings: list[tuple[float, float, float, float]]
) -> list[Word]:
    """``words`` less the inferred full-width ``spaces`` that are no space of a cell's text:
    one another character is printed in (Calc prints the ○ of `［○］` after the line, over
    the gap between the brackets), and one a vertical ruling crosses (the gap between two
    cells side by side, such as spread-out column labels 変　更　日｜項　目).  Rulings are
    (x0, top, x1, bottom) in the words' coordinates."""
    drop = set()
    for sp in spaces:
        mid_x, mid_y = (sp.x0 + sp.x1) / 2, (sp.top + sp.bottom) / 2
        if any(
            x1 - x0 < bottom - top and sp.x0 <= (x0 + x1) / 2 <= sp.x1 and top <= mid_y <= bottom
            for x0, top, x1, bottom in rulings
        ) or any(
            w is not sp and w.x0 < mid_x < w.x1 and w.top < mid_y < w.bottom and not w.text.isspace()
            for w in words
        ):
            drop.add(id(sp))
    return [w for w in words if id(w) not in drop] if drop else words


def _is_japanese(ch: str) -> bool:
    """Kana, kanji, Japanese punctuation and full-width letters and digits (ＬＧＷＡＮ, １２):
    not Ⅰ, ①, ※, ○, nor half-width."""
    o = ord(ch)
    return (
        0x3001 <= o <= 0x30FF
        or 0x3400 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF01 <= o <= 0xFF60
        or 0xFFE0 <= o <= 0xFFE6
    )


def _is_latin_or_numeral(ch: str) -> bool:
    """A half-width Latin letter or digit, or a numeral sign (Ⅰ, ①): what Word sets apart from
    Japanese text by a gap (its 'space between Asian and Latin text / numbers')."""
    return (ch.isascii() and ch.isalnum()) or unicodedata.category(ch) in ("Nl", "No")


def _place(w: Word) -> tuple[str, int, int]:
    """A character's text and place to 1/DEDUPE_GRID pt: two characters with one are one
    character drawn twice."""
    return w.text, round(w.x0 * DEDUPE_GRID), round(w.top * DEDUPE_GRID)


def _dedupe(words: list[Word], keys: list[tuple[str, int, int]] | None = None) -> list[Word]:
    """Characters drawn twice at one place (fake bold, shadows) kept once; ``keys``: their
    ``_place`` each, when the caller has them."""
    if keys is None:
        keys = [_place(w) for w in words]
    if len(set(keys)) == len(keys):
        return words  # the common page: no character drawn twice
    seen: set[tuple[str, int, int]] = set()
    out: list[Word] = []
    for w, key in zip(words, keys, strict=True):
        if key in seen:
            continue
        seen.add(key)
        out.append(w)
    return out


def _drop_zero_advance_spaces(words: list[Word]) -> list[Word]:
    """``words`` less the space characters that the next character of their line overlaps from
    the space's own start (``ZERO_ADVANCE_EM``): drawn with no advance, they print no space."""
    drop: set[int] = set()
    # The spaces' places, found without a Python step per character (``compress`` over the
    # test of each text: some 1,500 characters a page, a few dozen of them spaces).
    at_space = map(ZERO_ADVANCE_SPACES.__contains__, map(_TEXT_OF, words))
    for k in compress(range(len(words)), at_space):
        if k + 1 == len(words):
            break
        w, nxt = words[k], words[k + 1]
        em = w.bottom - w.top
        if (
            abs(nxt.top - w.top) < em / 2
            and abs(nxt.x0 - w.x0) < ZERO_ADVANCE_EM * em
            and not nxt.text.isspace()
        ):
            drop.add(k)
    return [w for k, w in enumerate(words) if k not in drop] if drop else words


def _clip_box(objects, key: int, height: float) -> tuple[float, float, float, float] | None:  # type: ignore[no-untyped-def]
    """The clipping box of text object ``key`` as (x0, top, x1, bottom), top-left origin (None
    when the object reaches nowhere outside its clipping path)."""
    t = objects.texts.get(key)
    if t is None or t.clip is None:
        return None
    c0, d0, c1, d1 = t.clip
    return c0, height - d1, c1, height - d0


def cover_facts_from_doc(  # type: ignore[no-untyped-def]
    doc, scans: list[PageScan] | None = None, faulty: list[int] | None = None
) -> dict[str, str]:
    """Cover facts of an open pypdfium2 document whose first pages carry the cover; ``scans``:
    pages already scanned (``scan_page``), whose text is used as it is (not read again).  A page
    whose text layer is not the printed text (``layer_quality``) gives only the facts such a
    layer cannot have garbled (``layer_facts``); when none, its 1-based number is added to
    ``faulty``, to be read by OCR with the table."""
    scanned = {s.page: s.text for s in scans or () if s.page <= COVER_PAGES}
    for i in range(min(COVER_PAGES, len(doc))):
        text = scanned.get(i + 1)
        if text is None:
            page = doc[i]
            try:
                tp = page.get_textpage()
                text = tp.get_text_range()
                tp.close()
            finally:
                page.close()
        facts = cover_facts_from_document_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        if text_fault(text):  # a text layer that is not the printed text: only its clean facts
            facts = layer_facts(facts)
            if faulty is not None and not facts:
                faulty.append(i + 1)
        if facts.keys() - {HISTORY_KEY} or (facts and i + 1 == min(COVER_PAGES, len(doc))):
            return facts
    return {}


def read_pdf(path: Path, settings: PdfSettings | None = None) -> Reading:
    """The table pages of a text-layer PDF as positioned characters and rulings (points).

    The table pages are found by the cheap text scan; a PDF whose table pages are missing and
    whose pages have no usable text layer is handed back with ``ocr_pages`` for the OCR reader.
    So is one whose table pages carry only an invisible text layer (the OCR layer of a scanned
    PDF), unless ``settings.ocr_text_layer`` chooses to read that layer.
    Raises ``UnreadablePDF`` for a corrupt, truncated or encrypted file.
    """
    settings = settings or PdfSettings()
    path = Path(path)
    doc = open_pdf(path)
    kept: dict[int, tuple] = {}  # open (page, text page) of the pages scanned last
    try:
        try:
            scans = scan_pages_from_end(doc, kept)
        except Exception as exc:  # pdfium fails on a damaged page object stream
            raise unreadable(path, f"corrupt PDF (page text unreadable: {exc.__class__.__name__})") from exc
        faulty: list[int] = []  # cover pages whose text layer is not the printed text
        cover = cover_facts_from_doc(doc, scans, faulty)
        reading = Reading("pdf", len(doc), cover=cover, rows_whole=made_by_spreadsheet(doc))
        reading.feet_close_cells = feet_close_cells(doc)
        numbers = with_body_pages_before(scans, table_pages(scans), reading)  # pages out of order
        offset = scans[0].page if scans else 1
        for n in [n for n in kept if n not in numbers]:  # scanned, but not table pages
            page, tp = kept.pop(n)
            tp.close()
            page.close()
        bad_pages = [s.page for s in scans if s.unusable]
        if not numbers and bad_pages:
            faults = [scans[n - offset].fault for n in bad_pages]
            reading.ocr_reason = next((f for f in faults if f != "no text layer"), "no text layer")
            reading.ocr_pages = bad_pages
            return reading
        if drawn := printed_pages(scans, numbers):
            # Table pages printed with no text layer (outlines, an image) among text pages: the
            # table's pages are read by OCR, all of them (one reading per document).
            reading.ocr_reason = "; ".join(
                f"table page {n} has no text layer ({scans[n - offset].drawn})" for n in drawn
            )
            reading.ocr_pages = sorted({*numbers, *faulty})
            return reading
        if broken := broken_layer_pages(scans, numbers):
            # The table's pages are read by OCR, all of them (one reading per document).
            where = "" if broken == numbers else f" (table page(s) {', '.join(map(str, broken))})"
            reading.ocr_reason = scans[broken[0] - offset].fault + where
            reading.ocr_pages = sorted({*numbers, *faulty})  # its cover is read by OCR too
            return reading
        unmapped: dict[int, int] = {}
        layer_pages: list[int] = []
        for n in numbers:
            page, tp = kept.pop(n, (None, None))
            page = page or doc[n - 1]
            mended: list[int] = []
            try:
                pw, bad, hidden = pdfium_page_to_words(page, n, settings, tp, mended)
            finally:
                page.close()
            invisible = hidden["invisible"]
            if invisible and invisible >= settings.ocr_layer_share * (
                sum(1 for w in pw.words if w.text.strip()) + sum(hidden.values())
            ):
                layer_pages.append(n)
            pw.words, letter_notes = strip_column_letters(pw.words, n)  # printed sheet headings
            reading.pages.append(pw)
            reading.notes.extend(letter_notes)
            reading.notes.extend(pw.notes)
            bad += max(0, scans[n - offset].garbled - sum(mended))  # the scan counted the mended
            if bad or scans[n - offset].cid:
                unmapped[n] = bad
        if unmapped:
            reading.notes.append(
                "text layer has glyphs without Unicode ((cid:NN)) on page(s) "
                + ", ".join(map(str, unmapped))
                + ": those characters are lost; OCR of these pages would be needed"
            )
            reading.partial = True
            reading.page_flags = dict.fromkeys(unmapped, "unmapped_glyphs")
        if layer_pages and len(layer_pages) == len(numbers):
            # A scan with an OCR text layer: its text is read by OCR unless chosen otherwise.
            reading.ocr_reason = (
                "only an invisible text layer (OCR of a scan; --set pdf.ocr_text_layer=true reads it)"
            )
            reading.ocr_pages = layer_pages
            reading.pages = []
            reading.notes = [n for n in reading.notes if "not visible on the page" not in n]
        elif settings.ocr_text_layer and layer_pages:
            reading.notes.append(
                f"the invisible text layer of page(s) {', '.join(map(str, layer_pages))} was read"
            )
        return reading
    finally:
        for page, tp in kept.values():
            tp.close()
            page.close()
        doc.close()
