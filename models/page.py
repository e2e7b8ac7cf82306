"""The intermediate form where every input meets: positioned words on pages.

One coordinate convention for all sources (as in pdfplumber): ``x0, x1, top, bottom`` with the
origin at the top left.  PDF and OCR words are in points (OCR pixels are converted with 72/dpi);
flattened text uses character cells: x in display units (full-width 2, half-width 1) and the line
number as ``top``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Source = Literal["pdf", "ocr", "text"]
Unit = Literal["pt", "cell"]


@dataclass(slots=True)
class Word:
    """One piece of text with its box and where it came from."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    source: Source = "text"
    conf: float | None = None  # OCR confidence 0-100, None when not OCR
    line: int | None = None  # line number in a text input (1-based), for provenance
    # A stroke the document draws on the word: "underlined" (under it) or "struck" (through it).
    mark: str | None = None
    # OCR: why the word's line is in doubt by a second read that disagreed with the first
    # (extract/ocr/second_reads.py); the grid makes it ``ocr_suspect:<field>``.
    second_read: str | None = None
    # Flattened text whose cells a reader placed in columns by guess (extract/plumber_text.py):
    # why; the grid makes it ``column_guess`` on the cell.
    guess: str | None = None


_new = object.__new__


def pdf_char(text: str, page: int, x0: float, x1: float, top: float, bottom: float) -> Word:
    """``Word(text, page, x0, x1, top, bottom, "pdf")``, made without the dataclass's ``__init__``
    (every field set here, in about two thirds of the time): the PDF reader makes one per
    character, some 1,500 a page."""
    w = _new(Word)
    w.text = text
    w.page = page
    w.x0 = x0
    w.x1 = x1
    w.top = top
    w.bottom = bottom
    w.source = "pdf"
    w.conf = None
    w.line = None
    w.mark = None
    w.second_read = None
    w.guess = None
    return w


@dataclass(slots=True)
class Unseen:
    """A character of a PDF's text layer that the reader left out as not visible, kept with its
    box so that the grid can tell which cell it lies in (it is never cell text).

    ``why`` is a key of ``extract.pdf_objects.HIDDEN_REASONS`` (``paper``, ``covered``,
    ``clipped``; render-mode-3 text is not kept); ``clip``: for ``clipped``, the box of the
    clipping path that hides it, ``(x0, top, x1, bottom)`` like the word's."""

    word: Word
    why: str
    clip: tuple[float, float, float, float] | None = None


@dataclass(slots=True)
class Line:
    """Words that share a baseline, left to right; ``text`` has no synthesised spaces."""

    words: list[Word]
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    line_no: int | None = None

    @property
    def conf(self) -> float | None:
        confs = [w.conf for w in self.words if w.conf is not None]
        return min(confs) if confs else None


@dataclass(slots=True)
class PageWords:
    """All words of one page, plus page facts the reconstruction needs."""

    page: int
    width: float
    height: float
    unit: Unit
    source: Source
    words: list[Word] = field(default_factory=list)
    # Ruling segments (x0, top, x1, bottom) where the source knows them (PDF vector lines, OCR
    # morphology); empty for text input.
    rulings: list[tuple[float, float, float, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # PDF characters left out as not visible (white, covered, clipped away), with their boxes.
    unseen: list[Unseen] = field(default_factory=list)
    # Characters (pieces of ink) of the table region the reader saw but could not read (OCR:
    # ink outside every cell of the ruled grid); the page's rows are flagged unplaced_text.
    unread: int = 0
    # OCR: the page's votes on how its square brackets are printed, ([half, full] width,
    # [bare, padded] choices), measured on the ink (extract/ocr/square_brackets.page_votes).
    bracket_votes: tuple[list[int], list[int]] | None = None


@dataclass(slots=True)
class Reading:
    """What a reader learned from one input: its table pages as positioned words, and facts.

    Readers fill it and stop there; ``piatable.pipeline`` reconstructs rows from ``pages``.
    """

    kind: str  # "pdf", "pdf-ocr", "scan", "text", "text-layout"
    page_count: int  # pages of the whole input
    pages: list[PageWords] = field(default_factory=list)  # the table pages
    notes: list[str] = field(default_factory=list)
    partial: bool = False  # the reader lost text (say why in ``notes``)
    cover: dict[str, str] = field(default_factory=dict)  # cover facts (評価書番号, 評価書名, …)
    # Pages (1-based) without a usable text layer that OCR must read, and why.
    ocr_pages: list[int] = field(default_factory=list)
    ocr_reason: str = ""
    # The producer never breaks a table row over a page (a spreadsheet: Excel, Calc), so a row
    # at the top of a page is never the rest of the row before it.
    rows_whole: bool = False
    # The producer leaves a cell merged over a page break open at the page's foot and closes
    # every other cell there (a spreadsheet; Chromium's border-collapse tables, branch carry54),
    # so a 変更日 / 提出時期 / 説明 column the page before closed at its foot ended there.
    feet_close_cells: bool = False
    # A flag for the rows printed on these pages (e.g. ``unmapped_glyphs``), by page.
    page_flags: dict[int, str] = field(default_factory=dict)
    # A long flattened text: for each part, a function that builds its pages (the pipeline
    # reconstructs one part before it builds the next); ``pages`` is then empty.
    parts: list[Callable[[], list[PageWords]]] | None = None
    # A flattened text whose extractor marks its pages (a form feed after each page, as pdfminer,
    # pdftotext and pypdfium2 print one): its pages are its own, a one-page text's too, so its
    # furniture (column labels pdfminer prints where their column starts) is no page break.
    paged: bool = False
    # A flattened text some of whose section numerals were typed in ASCII letters (II), read as
    # Ⅰ…Ⅵ: its section numerals in text order (``ascii_numerals.NumeralPrinting``); its records'
    # 項目 cells get the letters back where typed, as printed (``keep_printed_letters``).
    ascii_numerals: tuple = ()
    # The lines a flattened text printed twice in a row that were collapsed to one as over-printed
    # bold text (whitespace squashed): rows holding one are flagged (normalize/collapsed_copies.py).
    collapsed_copies: frozenset[str] = frozenset()
    # A one-page layout reading of a text whose printed pages are known line by line (pdfplumber
    # text joined with line ends, ``extract.plumber_pages``): the page (1-based) of each line,
    # indexed by ``Word.line`` - 1; the rows get their pages from it.  None otherwise.
    line_pages: list[int] | None = None

    @property
    def ocr(self) -> bool:
        """The words were read by OCR (their rows get OCR corrections and flags)."""
        return any(p.source == "ocr" for p in self.pages)
