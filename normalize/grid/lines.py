"""Printed lines from positioned words: grouping by vertical centre, the spaces between words,
segments split at column gaps, and the document's em.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import MISSING, dataclass, fields
from operator import attrgetter

from piatable.models import PageWords, Word
from piatable.settings import GridSettings

from ..chars import NO_LINE_END, NO_LINE_START, char_width, display_width

try:  # the compiled twins of words_to_lines' PDF path and of ems' heights (_plain_lines.c)
    from . import _plain_lines as _built
    from ._plain_lines import ink_heights as _compiled_ink_heights
    from ._plain_lines import plain_lines as _compiled_plain_lines
    from ._plain_lines import width_and_text as _compiled_width_and_text

    # Whether the build's plain_lines takes a template Line (``LINE_TEMPLATE``; one built before
    # that calls what it is given, so it gets the class).
    _TAKES_TEMPLATE = bool(getattr(_built, "LINE_TEMPLATES", 0))
except ImportError:  # no C compiler where the package was installed: the Python code does it all
    _compiled_ink_heights = _compiled_plain_lines = _compiled_width_and_text = None
    _TAKES_TEMPLATE = False

_HALF_WIDTH_WORD = re.compile(r"[A-Za-z0-9]+")
# The characters ``_HALF_WIDTH_WORD`` matches: a text opening with none of them has its first
# character as its first piece, with no pattern run.
_HALF_WIDTH_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(slots=True)
class Line:
    """A printed line inside one cell (or, before columns are known, across the page)."""

    words: list[Word]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    line_no: int | None
    conf: float | None
    # Filled once the cell is known:
    column: int = -1
    left: float = 0.0  # the column's left boundary on this page
    width: float | None = None  # the cell's width between its rulings, when ruled
    reaches_bottom: bool = False
    # Layout text: the line is full and the next line of its column reads on from it (a soft
    # wrap), so a cell boundary after it is unlikely.
    runs_on: bool = False
    # Layout text: as ``runs_on`` whatever the space down to the next line of its column (a
    # blank printed line between a cell's lines, or a row's foot: normalize/grid/pair_rows.py).
    wraps_on: bool = False
    # PDF text of the cell clipped away at its edge next to this line (normalize/grid/unseen.py).
    clipped: str = ""
    # PDF text printed beside the table on the line's row band that no cell took (overflow_text).
    beside: str = ""
    # Ruled pages: the line ends a sub-column's part of a cell (``sub_columns.join_strips``): a
    # paragraph ends there, however far the line reaches.
    ends_part: bool = False
    # Ruled pages: the line crosses the ruling under its cell (the cell's text overflows it, so
    # lines after it may not be printed at all: ``GridSettings.crossing_line_share``).
    overflows: bool = False
    # Layout text: the cell's first piece on this line, when a squeezed column gap leaves its
    # column a guess (normalize/grid/squeezed_gaps.py); "" otherwise.
    gap_guess: str = ""
    # Layout text: the cell's first piece on this line, when it opens one space after the
    # previous column's text left of its column's start (``squeezed_gaps.squeezed_split``).
    split_guess: str = ""
    # Layout text: a piece of the explanation's line that may be a remarks column's (備考), one
    # space after a line that is not full (normalize/grid/remark_column.py); "" otherwise.
    remark_guess: str = ""
    # Layout text: (the line, how far it runs into the next column), when a text cell's line runs
    # far past the next column's start with no gap (``squeezed_gaps.overrun``); None otherwise.
    overrun_guess: tuple[str, float] | None = None
    # Layout text: the first piece the line took after a gap wider than one space (two pieces
    # of one column joined across a column gap, ``overlapping_cells.swallowed_doubts``); "" else.
    gap_joined: str = ""
    # Layout text: why the line's opening closing punctuation may be the previous column's
    # (normalize/grid/displaced_closers.py); "" otherwise.
    closer_guess: str = ""
    # Layout text: the line's 項目 text by sub-column when the item is printed over several
    # (normalize/grid/layout_item_parts.py); () otherwise.
    item_parts: tuple[str, ...] = ()

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    def first_piece_width(self, opening: bool = True) -> float:
        """Width of what would have to fit at the end of the previous line: the first character,
        or the first word of a run of half-width letters and digits (which wraps as a whole).
        With ``opening``, an opening bracket counts with the character after it (line-end
        kinsoku, which not every producer applies)."""
        if not self.text:
            return 0.0
        return display_width(self._first_piece(opening)) * unit_width(self.words)

    def first_piece_widths(self) -> tuple[float, float]:
        """``first_piece_width(opening=False)`` and ``first_piece_width()``, the words' unit
        width measured once for both."""
        if not self.text:
            return 0.0, 0.0
        unit = unit_width(self.words)
        bare, kept = self._first_pieces()
        return display_width(bare) * unit, display_width(kept) * unit

    def first_piece_units(self) -> tuple[int, int]:
        """The display units of the pieces ``first_piece_widths`` measures."""
        if not self.text:
            return 0, 0
        bare, kept = self._first_pieces()
        return display_width(bare), display_width(kept)

    def _first_pieces(self) -> tuple[str, str]:
        """``_first_piece(False)`` and ``_first_piece(True)``, the text matched once: they differ
        only when the first piece may not end a line and more follows it."""
        text = self.text
        if text[0] in _HALF_WIDTH_CHARS:
            first = _HALF_WIDTH_WORD.match(text).group(0)  # type: ignore[union-attr]
            if text[len(first) : len(first) + 1] not in NO_LINE_START:
                return first, first  # (a half-width run is never in NO_LINE_END)
        else:
            first = text[0]
            if text[1:2] not in NO_LINE_START and first not in NO_LINE_END:
                return first, first
        bare = _with_no_line_starts(first, text[len(first) :])
        if first in NO_LINE_END and len(text) > len(first):
            return bare, _with_no_line_starts(first + text[len(first)], text[len(first) + 1 :])
        return bare, bare

    def _first_piece(self, opening: bool) -> str:
        m = _HALF_WIDTH_WORD.match(self.text)
        piece = m.group(0) if m else self.text[0]
        # Kinsoku: a character that may not end a line travels with the next one, and characters
        # that may not start a line travel with the one before them.
        rest = self.text[len(piece) :]
        if opening and piece in NO_LINE_END and rest:
            piece, rest = piece + rest[0], rest[1:]
        while rest and rest[0] in NO_LINE_START:
            piece, rest = piece + rest[0], rest[1:]
        return piece


# A Line made by the class's ``__init__``, handed to the compiled ``plain_lines``, which makes
# each line as a copy of it with the nine fields it passes to ``Line(...)`` set (the other
# fields keep these defaults; about a fifth of the cost of calling the class, for some 2,000
# lines a read of a 12-page table).  Only while no field has a ``default_factory`` (a mutable
# default would be shared by the copies), and when the build takes one: else the class is called.
LINE_TEMPLATE: Line | type[Line] = (
    Line([], "", 0.0, 0.0, 0.0, 0.0, 0, None, None)
    if _TAKES_TEMPLATE and all(f.default_factory is MISSING for f in fields(Line))
    else Line
)


def _with_no_line_starts(piece: str, rest: str) -> str:
    """``piece`` with the characters that may not start a line at the start of ``rest``."""
    while rest and rest[0] in NO_LINE_START:
        piece, rest = piece + rest[0], rest[1:]
    return piece


def unit_width(words: list[Word]) -> float:
    """Width of one display unit (a half-width character) in the words' coordinates: the sum of
    their positive widths over their display units.  The widths are added and the texts joined
    by the compiled twin (normalize/grid/_plain_lines.c) when it is built and the boxes are
    floats."""
    summed = _compiled_width_and_text(words) if _compiled_width_and_text is not None else None
    total_w, text = _width_and_text(words) if summed is None else summed
    total_u = display_width(text)  # the units of all texts at once (an int sum: any order)
    return total_w / total_u if total_u else 0.0


def _width_and_text(words: list[Word]) -> tuple[float, str]:
    """The sum of the words' positive widths (in order) and their texts joined."""
    total_w = 0.0
    for w in words:
        d = w.x1 - w.x0
        if d > 0.0:
            total_w += d
    return total_w, "".join([w.text for w in words])


def _space_between(left: Word, right: Word, hx: float, settings: GridSettings) -> str:
    """The space between two words that do not carry one, read from the gap: between half-width
    words any clear gap (OCR words, text columns); between PDF characters none, since a PDF's
    spaces are its own space characters (read as words).  Beside a Japanese character a gap is
    never a space: extractors invent spaces between touching Japanese characters, OCR ink boxes
    leave gaps beside narrow kana, and Word leaves a gap between Japanese and digits or Latin
    letters (平成 29 年) where it prints no space."""
    if left.source == "pdf" and right.source == "pdf":
        return ""
    gap = right.x0 - left.x1
    if gap <= settings.space_gap_em * hx:
        return ""  # touching (the common case: no space whatever the characters)
    a, b = left.text[-1:], right.text[:1]
    if not a or not b or a.isspace() or b.isspace() or char_width(a) == 2 or char_width(b) == 2:
        return ""
    return " "


def words_to_lines(
    words: list[Word], hx: float, hy: float, settings: GridSettings, plain_pdf: bool | None = None
) -> list[Line]:
    """Group words into printed lines by vertical centre, left to right within a line.

    ``plain_pdf``: whether the words are all PDF characters (no OCR confidence, no text line
    number, no inferred spaces), when the caller knows it (``is_plain_pdf``); else it is found.
    Lines of PDF characters are made by the compiled ``_plain_lines`` when it is built (the
    same steps and the same float arithmetic: identical lines), else by the code below."""
    tol = settings.line_tolerance_em * hy
    if _compiled_plain_lines is not None and type(words) is list:
        if plain_pdf is None:
            plain_pdf = is_plain_pdf(words)
        if plain_pdf:
            lines = _compiled_plain_lines(words, tol, LINE_TEMPLATE)
            if lines is not None:
                return lines
    return _words_to_lines(words, tol, hx, settings, plain_pdf)


def _words_to_lines(
    words: list[Word], tol: float, hx: float, settings: GridSettings, plain_pdf: bool | None
) -> list[Line]:
    """``words_to_lines`` in Python (``tol``: the line tolerance in page units)."""
    groups: list[list[Word]] = []
    # Sorted by (centre, x0), ties in the given order (the index keeps the sort stable).
    keyed = [((w.top + w.bottom) / 2, w.x0, i, w) for i, w in enumerate(words)]
    keyed.sort()  # the index is unique: words themselves are never compared
    g: list[Word] = []
    centre = 0.0  # the running mean of the centres of the words of g
    for c, _, _, w in keyed:
        if g and abs(c - centre) <= tol:
            g.append(w)
            centre += (c - centre) / len(g)
        else:
            g = [w]
            groups.append(g)
            centre = c
    if plain_pdf is None:
        plain_pdf = is_plain_pdf(words)
    lines: list[Line] = []
    for g in groups:
        g.sort(key=_x0)
        if plain_pdf:
            lines.append(_plain_line(g))
            continue
        parts: list[str] = []
        for i, w in enumerate(g):
            if i:
                parts.append(_space_between(g[i - 1], w, hx, settings))
            parts.append(w.text)
        text = "".join(parts)
        confs = [c for w in g if (c := w.conf) is not None]
        line_no = min((w.line for w in g if w.line is not None), default=None)
        conf = min(confs) if confs else None
        # A space at either end (printed or inferred) takes no room of its own.
        x0, x1, top, bottom = _line_box(g)
        lines.append(Line(g, text, x0, x1, top, bottom, g[0].page, line_no, conf))
    return lines


def _line_box(g: list[Word]) -> tuple[float, float, float, float]:
    """(x0, x1, top, bottom) of the words ``g`` of one line: spaces take no room unless the
    line is nothing but spaces."""
    x0 = x1 = None
    top, bottom = g[0].top, g[0].bottom
    for w in g:
        if w.top < top:
            top = w.top
        if w.bottom > bottom:
            bottom = w.bottom
        if w.text.strip():
            if x0 is None or w.x0 < x0:
                x0 = w.x0
            if x1 is None or w.x1 > x1:
                x1 = w.x1
    if x0 is None or x1 is None:  # spaces only: they take the room
        x0, x1 = min(w.x0 for w in g), max(w.x1 for w in g)
    return x0, x1, top, bottom


def _plain_line(g: list[Word]) -> Line:
    """The line of PDF characters ``g`` (left to right): its text their texts joined (a PDF's
    spaces are its own characters), its box theirs (spaces at either end take no room)."""
    x0, x1, top, bottom = _line_box(g)
    return Line(g, "".join([w.text for w in g]), x0, x1, top, bottom, g[0].page, None, None)


def is_plain_pdf(words: list[Word]) -> bool:
    """True when all ``words`` are PDF characters: no OCR confidence, no text line number, no
    inferred spaces (a line's text is then its characters joined)."""
    return all(w.source == "pdf" and w.conf is None and w.line is None for w in words)


_x0 = attrgetter("x0")
_text = attrgetter("text")
_source, _conf, _line = attrgetter("source"), attrgetter("conf"), attrgetter("line")
_x1, _top, _bottom = attrgetter("x1"), attrgetter("top"), attrgetter("bottom")
_WHITESPACE = re.compile(r"\s")  # what str.isspace() calls whitespace
_NONE = {None}


def split_segments(line: Line, gap: float) -> list[Line]:
    """Pieces of a page-wide line separated by gaps wider than ``gap`` (space characters do
    not bridge a gap: they may be a space inferred between two cells)."""
    ink = [w for w in line.words if w.text.strip()]
    if not ink:
        return []
    out: list[list[Word]] = [[ink[0]]]
    for a, b in itertools.pairwise(ink):
        if b.x0 - a.x1 > gap:
            out.append([b])
        else:
            out[-1].append(b)
    pieces: list[Line] = []
    for g in out:
        w0 = g[0]
        x0, x1, top, bottom = w0.x0, w0.x1, w0.top, w0.bottom
        for w in g:
            if w.x0 < x0:
                x0 = w.x0
            if w.x1 > x1:
                x1 = w.x1
            if w.top < top:
                top = w.top
            if w.bottom > bottom:
                bottom = w.bottom
        text = "".join([w.text for w in g])
        pieces.append(Line(g, text, x0, x1, top, bottom, line.page, line.line_no, line.conf))
    return pieces


def ems(pages: list[PageWords]) -> tuple[float, float]:
    """(horizontal em, vertical em) of the document: the median glyph height, or for text cells
    two columns by one line."""
    if pages and pages[0].unit == "cell":
        return 2.0, 1.0
    heights = (
        _compiled_ink_heights(pages) if _compiled_ink_heights is not None and type(pages) is list else None
    )
    if heights is None:  # not built, or boxes that are not floats
        heights = [w.bottom - w.top for p in pages for w in p.words if w.bottom > w.top and w.text.strip()]
    h = statistics.median(heights) if heights else 10.0
    return h, h
