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

from ..timing_prints import PrintedTimings
from .lines import ems, split_segments, words_to_lines

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
        return bool(self.read)

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
    for page in pages:
        if not _has_labels(page):
            continue
        lines = words_to_lines(page.words, hx, hy, settings)
        pieces = [split_segments(ln, PIECE_GAP_EMS * hx) for ln in lines]
        cols = _label_pair(lines, pieces)
        if cols is None:
            continue
        c0, c1 = cols.centres
        span, middle = c1 - c0, (c0 + c1) / 2
        for line_pieces in pieces:
            for piece in line_pieces:
                marks = _OCR_MARK_PIECE if page.source == "ocr" else _MARK_PIECE
                if piece.top < cols.bottom or not marks.match(piece.text):
                    continue
                centre = (piece.x0 + piece.x1) / 2
                if not c0 - span <= centre <= c1 + span or abs(centre - middle) < MIDDLE_SHARE * span:
                    continue
                k = 0 if centre < middle else 1
                word = _LABEL.match(cols.labels[k]).group(1)
                first, *rest = piece.words
                mark = "〇" if piece.text[0] in "Oo" else piece.text[0]  # OCR's O: a circle
                key = (cols.labels[k], mark)
                found.read[key] = found.read.get(key, 0) + 1
                first.text = word
                first.x1 = piece.x1
                drop = {id(w) for w in rest}
                page.words = [w for w in page.words if id(w) not in drop]
        gone = {id(w) for w in cols.words}
        page.words = [w for w in page.words if id(w) not in gone]
        found.labels = found.labels or cols.labels


def _has_labels(page: PageWords) -> bool:
    """A quick look: the page has both 前 and 後 and a 提 (PDF words are characters)."""
    texts = "".join(w.text for w in page.words)
    return "事前" in texts and "事後" in texts and "提" in texts


def _label_pair(lines: list, pieces: list[list]) -> _Columns | None:
    """The first line with two pieces side by side that are 事前 and 事後 labels, under a line
    at most ``LABEL_ABOVE_HEIGHTS`` label heights above it holding 提出時期."""
    for i, line_pieces in enumerate(pieces):
        for a, b in itertools.pairwise(line_pieces):
            ma, mb = _LABEL.match(a.text), _LABEL.match(b.text)
            if not (ma and mb and ma.group(1) == "事前" and mb.group(1) == "事後"):
                continue
            height = max(a.bottom - a.top, 1e-6)
            if not any(
                _TIMING_LABEL.search(up.text)
                and -height / 2 <= a.top - up.bottom <= LABEL_ABOVE_HEIGHTS * height
                for up in (p for ps in pieces[:i] for p in ps)
            ):
                continue
            centres = ((a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2)
            return _Columns([*a.words, *b.words], centres, (a.text, b.text), max(a.bottom, b.bottom))
    return None
