"""提出時期 printed as a mark in one of two columns (set XXI t05, Writer): the label row prints
提出時期 over two narrow columns labelled 事前 | 事後 (or 事前提出 | 事後提出), and each row a mark
(○ ◯ 〇 ● ✓ レ ＊) in the column of its timing.  The six-column reader sees one 提出時期 column
holding a bare mark (``timing_invalid``) and reads the second label line as a row of its own.

Read on positioned words (a PDF's characters, OCR words, ``-layout``-kind text pieces) before
the grid: the two labels are found as two pieces of one line, side by side, each nothing but a
timing word (``_LABEL``), just under a line holding 提出時期 (or 提出時期に係る説明: OCR may miss
the short label over the two).  A piece below
them that is nothing but marks and stands inside the two columns' span is given the timing word
of the column its centre falls in; one too near the middle of the two labels to tell is left
as printed (its row keeps ``timing_invalid``).  The two label pieces are taken out of the page
(the second label line is the label row's, not a row), as the note says.  A row marking both
columns reads ``事前事後`` (``timing_invalid``), one marking neither reads empty
(``timing_missing``): both warned.

Row-ordered text (plain ``pdftotext``, pdfminer, pypdf) prints the mark with no position: the
column cannot be told there, and the rows stay warned ``timing_invalid``.

``MarkColumns`` records what was read, for ``timing_prints.restore_raw`` (``timing_raw`` is
``事後欄: ○``, the column's label and the mark) and the document's note.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from piatable.models import PageWords, Word
from piatable.settings import GridSettings

from ..chars import display_width
from ..timing_prints import PrintedTimings
from .lines import Line, ems, split_segments, words_to_lines

# The marks a table prints in the column of a row's timing (a circle in its Unicode forms, a
# filled one, a check, the katakana レ typed for a check, an asterisk).
MARKS = "○◯〇●✓✔レ＊*"
_MARK_PIECE = regex.compile(rf"^[{MARKS}]{{1,2}}$")
# OCR reads a circle as a Latin O as often as as 〇 (set XXI t05.scan-stamp: 〇O, OO).
_OCR_MARK_PIECE = regex.compile(rf"^[{MARKS}Oo]{{1,2}}$")
# A column label: the timing word, with 提出 after it or not.
_LABEL = regex.compile(r"^(事前|事後)(?:提出)?$")
# The label 提出時期 in a line above the two labels (a line with more labels in it too).
_TIMING_LABEL = regex.compile(r"提\s*出\s*時\s*期")
# The 提出時期 label line is at most this many label heights above the column labels' top.
LABEL_ABOVE_HEIGHTS = 4.0
# A mark whose centre lies within this share of the two labels' centres' distance from their
# middle is too near the middle to tell the column (left as printed, warned).
MIDDLE_SHARE = 0.15
# ``-layout`` text: the least jump between the gaps of 事後 marks and of 事前 marks to the
# explanation, as a share of the labels' distance and in text units (office-timing60: Chromium
# tables' jumps ~1.0 of the distance, Writer's ~0.4 (its mark columns as narrow as their labels);
# drift between lines moves a gap by a unit or two).
GAP_JUMP_SHARE = 0.6
# A timing read from a mark's gap in drifting text is a guess (heldout-timing60's Writer
# pdfplumber layout text: two marks read in the wrong column, the gaps split clearly): warned.
GAP_WHY = (
    "提出時期 read from a mark in one of two columns (事前 | 事後) of -layout text by its gap to the"
    " explanation ({gap:.1f} units, split at {split:.1f}): the text's lines drift, the column is a guess"
)
GAP_JUMP_MIN = 2.0
# A gap wider than this many ems parts two pieces of a line.
PIECE_GAP_EMS = 1.0
NOTE = (
    "提出時期 printed as a mark in one of two columns ({labels}): {n} marks read as the timing of"
    " their column (timing_raw names the column and the mark); the two labels were read as the"
    " label row's"
)


@dataclass
class MarkColumns:
    """Marks read as timings: (label, mark) → count; the labels of the columns."""

    read: dict[tuple[str, str], int] = field(default_factory=dict)
    labels: tuple[str, str] | None = None

    def __bool__(self) -> bool:
        return self.labels is not None  # the labels were taken out: said, marks read or not

    def printed(self) -> PrintedTimings:
        """The prints by timing word, for ``timing_prints.restore_raw``: ``事後欄: ○``."""
        out = PrintedTimings()
        for (label, mark), n in self.read.items():
            out.prints.setdefault(_LABEL.match(label).group(1), Counter())[f"{label}欄: {mark}"] += n
        return out

    def note(self) -> str:
        labels = " | ".join(self.labels or ())
        return NOTE.format(labels=labels, n=sum(self.read.values()))


@dataclass(slots=True)
class _Columns:
    """The two label pieces of a page: their words and centres (事前's first)."""

    words: list[Word]
    centres: tuple[float, float]
    labels: tuple[str, str]
    bottom: float


def read_mark_columns(pages: list[PageWords], settings: GridSettings, found: MarkColumns) -> None:
    """Each page's marks under a 事前 | 事後 label pair given the word of their column, the two
    labels taken out (``pages`` changed in place); what was read goes to ``found``."""
    if not any(_has_labels(p) for p in pages):
        return
    hx, hy = ems(pages)
    placed: list[tuple[PageWords, Line, _Columns, int | None]] = []
    gapped: list[tuple[PageWords, Line, _Columns, float | None]] = []
    for page in pages:
        if not _has_labels(page):
            continue
        lines = words_to_lines(page.words, hx, hy, settings)
        pieces = [split_segments(ln, PIECE_GAP_EMS * hx) for ln in lines]
        cols = _label_pair(lines, pieces)
        if cols is None:
            continue
        marks = _OCR_MARK_PIECE if page.source == "ocr" else _MARK_PIECE
        for i, line_pieces in enumerate(pieces):
            for n, piece in enumerate(line_pieces):
                if piece.top < cols.bottom or not marks.match(piece.text):
                    continue
                if page.unit == "cell":
                    around = [p for ps in pieces[max(i - 1, 0) : i + 2] if ps is not line_pieces for p in ps]
                    gapped.append((page, piece, cols, _gap(piece, line_pieces[n + 1 :], around, marks)))
                else:
                    placed.append((page, piece, cols, _column_by_place(piece, cols.centres)))
        gone = {id(w) for w in cols.words}
        page.words = [w for w in page.words if id(w) not in gone]
        found.labels = found.labels or cols.labels
    span = min((c.centres[1] - c.centres[0] for _, _, c, _ in gapped), default=0.0)
    split = _gap_split([g for *_, g in gapped if g is not None], span)
    for page, piece, cols, gap in gapped:
        k = None if split is None or gap is None else int(gap < split)
        if k is not None:
            _write_mark(page, piece, cols.labels[k], found, GAP_WHY.format(gap=gap, split=split))
    for page, piece, cols, k in placed:
        if k is not None:
            _write_mark(page, piece, cols.labels[k], found)


def _write_mark(
    page: PageWords, piece: Line, label: str, found: MarkColumns, guess: str | None = None
) -> None:
    """The mark ``piece`` rewritten to its column's timing word (its first word; the others
    taken out of ``page``), counted in ``found``; ``guess``: why the column is a guess (the
    grid makes it ``column_guess`` on the timing)."""
    first, *rest = piece.words
    mark = "〇" if piece.text[0] in "Oo" else piece.text[0]  # OCR's O: a circle
    key = (label, mark)
    found.read[key] = found.read.get(key, 0) + 1
    first.text = _first_word(label)
    first.x1 = piece.x1
    first.guess = guess or first.guess
    drop = {id(w) for w in rest}
    page.words = [w for w in page.words if id(w) not in drop]


def _column_by_place(piece: Line, centres: tuple[float, float]) -> int | None:
    """0 (事前) or 1 (事後): the column under whose label's centre the mark's centre falls, on a
    page whose words are where they were printed (PDF, OCR); None beyond the two columns' span
    or within ``MIDDLE_SHARE`` of the span from their middle."""
    c0, c1 = centres
    span, middle, centre = c1 - c0, (c0 + c1) / 2, (piece.x0 + piece.x1) / 2
    if not c0 - span <= centre <= c1 + span or abs(centre - middle) < MIDDLE_SHARE * span:
        return None
    return 0 if centre < middle else 1


def _gap(piece: Line, after: list[Line], around: list[Line], marks: regex.Pattern) -> float | None:
    """In ``-layout``-kind text: the gap from the mark's centre to the next piece that is no mark
    (the explanation's, the column right of 事後): on the mark's line (``after``), else the
    nearest right of the mark on the lines just above and below (``around``: a mark centred
    beside an explanation of two lines); None without one."""
    nxt = next((p for p in after if not marks.match(p.text)), None)
    if nxt is None:
        right = [p for p in around if p.x0 > piece.x1 and not marks.match(p.text)]
        nxt = min(right, key=lambda p: p.x0, default=None)
    return None if nxt is None else nxt.x0 - (piece.x0 + piece.x1) / 2


def _gap_split(gaps: list[float], span: float) -> float | None:
    """Where the document's mark gaps (``_gap``) part into 事前 marks (the wider) and 事後 marks,
    or None when they do not part clearly.

    A ``-layout``-kind text's lines drift (a line's pieces stand further right the more
    full-width text is left of them), so a mark's place tells its column less well than its gap
    to the explanation: a 事後 mark stands about half a column from it, a 事前 mark a column
    more.  The gaps are split at the widest jump between them, taken only where it is at least
    ``GAP_JUMP_SHARE`` of the labels' distance ``span`` and ``GAP_JUMP_MIN`` units: gaps all alike
    (every row marks one column) tell no column, and those marks are left as printed."""
    ordered = sorted(gaps)
    if len(ordered) < 2 or span <= 0:
        return None
    jump, at = max((b - a, (a + b) / 2) for a, b in itertools.pairwise(ordered))
    return at if jump >= max(GAP_JUMP_SHARE * span, GAP_JUMP_MIN) else None


def _has_labels(page: PageWords) -> bool:
    """A quick look: the page has both 前 and 後 and a 提 (PDF words are characters)."""
    texts = "".join(w.text for w in page.words)
    return "事前" in texts and "事後" in texts and "提" in texts


def _label_pair(lines: list, pieces: list[list[Line]]) -> _Columns | None:
    """The first line with two pieces side by side that are 事前 and 事後 labels (or, in
    ``-layout``-kind text, one piece of the two one space apart: ``事前 事後``), under a line at
    most ``LABEL_ABOVE_HEIGHTS`` label heights above it holding 提出時期."""
    for i, line_pieces in enumerate(pieces):
        for a, b in _pairs(line_pieces):
            height = max(a.bottom - a.top, 1e-6)
            if not any(
                _TIMING_LABEL.search(up.text)
                and -height / 2 <= a.top - up.bottom <= LABEL_ABOVE_HEIGHTS * height
                for up in (p for ps in pieces[:i] for p in ps)
            ):
                continue
            centres = ((a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2)
            words = list({id(w): w for w in (*a.words, *b.words)}.values())
            return _Columns(words, centres, (a.text, b.text), max(a.bottom, b.bottom))
    return None


def _label_cut(words: list[Word]) -> int | None:
    """Where a piece's words part into a 事前 label and a 事後 label (``事前事後`` printed in two
    narrow cells, no gap wider than an em between them), or None."""
    texts = ["".join(w.text.split()) for w in words]
    for k in range(2, len(texts) - 1):
        first, second = "".join(texts[:k]), "".join(texts[k:])
        if _first_word(first) == "事前" and _first_word(second) == "事後":
            return k
    return None


def _piece(p: Line, words: list[Word], x0: float, x1: float, text: str | None = None) -> Line:
    """A part of the piece ``p``: ``words`` between ``x0`` and ``x1``."""
    text = "".join(w.text for w in words) if text is None else text
    return Line(words, text, x0, x1, p.top, p.bottom, p.page, p.line_no, None)


def _first_word(text: str) -> str:
    m = _LABEL.match(text)
    return m.group(1) if m else ""


def _pairs(line_pieces: list[Line]) -> list[tuple[Line, Line]]:
    """(事前 label, 事後 label) pieces of a line: two pieces side by side, or one piece of text
    cells holding both one space apart (its parts placed by their display widths)."""
    out = []
    for a, b in itertools.pairwise(line_pieces):
        ma, mb = _LABEL.match(a.text), _LABEL.match(b.text)
        if ma and mb and ma.group(1) == "事前" and mb.group(1) == "事後":
            out.append((a, b))
    for p in line_pieces:
        if (cut := _label_cut(p.words)) is not None:  # PDF characters: 事前事後, touching
            a, b = p.words[:cut], p.words[cut:]
            out.append(
                (_piece(p, a, min(w.x0 for w in a), max(w.x1 for w in a)), _piece(p, b, b[0].x0, p.x1))
            )
            continue
        parts = p.text.split()
        if len(parts) == 2 and [_first_word(t) for t in parts] == ["事前", "事後"]:
            w0, w1 = display_width(parts[0]), display_width(parts[1])
            if p.x1 - p.x0 >= w0 + w1:  # text cells: one unit a half-width character
                out.append(
                    (
                        _piece(p, p.words, p.x0, p.x0 + w0, parts[0]),
                        _piece(p, p.words, p.x1 - w1, p.x1, parts[1]),
                    )
                )
    return out
