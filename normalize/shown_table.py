"""What an input's text shows of the amendment table, for an input none of whose rows was read
(issue 10 item 4, issue 12; branch silent62).

A reader that finds no table says "no amendment table found" and the input is a success: right for
an assessment that prints none, wrong for one whose table is there but could not be read.  Session
61's unseen set (XXIII) held four such inputs (27 rows lost, exit 0, status success): a pdfminer text with
no line ends at all (``laparams=None``: the whole table on one line, which no table search met), a
pypdfium2 text whose pages were joined by blank lines, and a scan of a US-letter page.  Each
printed the table's title and column labels, or its dates, in its text; the route-specific checks
(``TABLE_NOT_READ``: item paths skipped after the title; ``LABELS_NOT_READ``: a page's words hold
the label row) look at lines or pages the reader had already cut, and a one-line text, or labels
read apart, gave them nothing to look at.

``shown_table`` looks at the whole text, whitespace removed (so lines and pages cut anywhere, or not
at all, read the same): the title 変更箇所, the column labels (``PRINTED_LABELS``) and the dates
printed after the first of them.  An input shows the table when its text holds
``MIN_PRINTED_LABELS`` labels, ``MIN_OWN_LABELS`` of them the table's own, or the title and
``SHOWN_DATES_MIN`` dates after it; read to 0 rows, it is partial with ``SHOWN_NOT_READ``.

A text may show the table backwards: pdfplumber and pdfminer lay out a page turned with
``/Rotate 270`` (``qpdf --rotate=+270``; branch webcopy64, samples/office-webcopy64) with each
printed line's characters last to first (``所箇更変）２添別（``, ``日更変``), so the text is also
looked at read from its end (``ShownTable.backwards``).

Dates wrapped in a narrow 変更日 column, one piece a line before the other columns' text (a Word
table with vertical labels through pdfplumber, set XXVIII t05), are no date once the whitespace
is removed: the dates opening lines beside a 提出時期 (``row_signs.line_opening_dates``, branch
honest67) count when there are more of them.  Such a text's rows are not read (no reader
turns it back): the note says the text is backwards and that another extractor (pypdf, PyMuPDF,
pdftotext, pypdfium2 read such a page upright) or the PDF itself gives the table.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from piatable.models import PageWords

from .dates import DATE
from .grid.unread_pages import MIN_OWN_LABELS, MIN_PRINTED_LABELS, OWN_LABELS, PRINTED_LABELS
from .row_signs import line_opening_dates

# The table's title, whitespace removed (（別添２）変更箇所, （別添3）変更箇所, 変更箇所).
TITLE_WORD = "変更箇所"
# Dates a text must print after the title to show the table when its labels were not read (an
# OCR misread of the label row): a table prints a date a row, a contents page or a cover none
# after the title (a contents line names the title with a page number).
SHOWN_DATES_MIN = 2
# The note of an input whose text shows the table while none of its rows was read.
SHOWN_NOT_READ = "the input's text shows the amendment table ({what}) but none of its rows could be read"
# What the note adds for a text that shows the table only read backwards.
BACKWARDS_NOTE = (
    "; the text prints each line's characters last to first (a page turned with /Rotate, as"
    " pdfplumber and pdfminer lay it out): pypdf, PyMuPDF, pdftotext or the PDF itself read it upright"
)
_SPACE = regex.compile(r"\s+")


@dataclass(frozen=True)
class ShownTable:
    """What a text shows of the table: its title (``TITLE_WORD``), the column labels of
    ``PRINTED_LABELS`` it holds, and how many dates (``dates.DATE``) it prints after the first of
    the title and labels."""

    title: bool
    labels: tuple[str, ...]
    dates: int
    backwards: bool = False

    def shows_table(self) -> bool:
        """Whether the text shows the table (module notes)."""
        own = [label for label in self.labels if label in OWN_LABELS]
        by_labels = len(self.labels) >= MIN_PRINTED_LABELS and len(own) >= MIN_OWN_LABELS
        return by_labels or (self.title and self.dates >= SHOWN_DATES_MIN)

    def what(self) -> str:
        """What was seen, for a note: ``the title 変更箇所, the column labels 変更日 / 提出時期, 7 dates``."""
        parts = [f"the title {TITLE_WORD}"] if self.title else []
        if self.labels:
            parts.append("the column labels " + " / ".join(self.labels))
        if self.dates:
            parts.append(f"{self.dates} dates")
        return ", ".join(parts)


def shown_table(text: str) -> ShownTable:
    """What ``text`` (a whole input's text, or its pages' words joined) shows of the table, all
    whitespace (line ends, form feeds, spaces) removed first; read backwards (``backwards``: a
    page turned with /Rotate 270, module notes) when only so does it show the table."""
    flat = _SPACE.sub("", text)
    shown = _shown_in(flat)
    if shown.title or shown.labels:
        # Dates wrapped in a narrow 変更日 column, a piece opening each line before the other
        # columns' text (``令和７`` / ``年１⽉`` / ``２０⽇``): no date once whitespace is removed.
        opening = line_opening_dates(text)
        if opening > shown.dates:
            shown = ShownTable(shown.title, shown.labels, opening)
    if not shown.shows_table() and (backwards := _shown_in(flat[::-1])).shows_table():
        return ShownTable(backwards.title, backwards.labels, backwards.dates, backwards=True)
    return shown


def _shown_in(flat: str) -> ShownTable:
    starts = [i for i in (flat.find(TITLE_WORD), *(flat.find(label) for label in OWN_LABELS)) if i >= 0]
    labels = tuple(label for label in PRINTED_LABELS if label in flat)
    dates = sum(1 for _ in DATE.finditer(flat, min(starts))) if starts else 0
    return ShownTable(TITLE_WORD in flat, labels, dates)


def shown_not_read_note(text: str) -> str | None:
    """``SHOWN_NOT_READ`` for an input none of whose rows was read when its ``text`` shows the
    table (``ShownTable.shows_table``), else None."""
    shown = shown_table(text)
    if not shown.shows_table():
        return None
    return SHOWN_NOT_READ.format(what=shown.what()) + (BACKWARDS_NOTE if shown.backwards else "")


def pages_shown_note(pages: list[PageWords]) -> str | None:
    """``shown_not_read_note`` of the pages' words in their order (a text layer's or OCR's), for a
    PDF or a scan none of whose rows was read although its label row was not found whole."""
    return shown_not_read_note("\n".join(w.text for page in pages for w in page.words))
