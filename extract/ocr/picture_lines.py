"""A line read from a picture in a cell: a diagram's boxes and arrows read as strokes, dropped.

A cell may hold a small picture under its text (a box-and-arrow diagram of the system under
``（システム構成は下図のとおり）``).  Tesseract reads its boxes' sides and arrows as the Latin
letters made of straight strokes, spaced as the boxes stand: ``IHHH I``, ``HH I`` (set XXXIII
n08's scan, two rows, unwarned at confidence 0.72).  No line of a before, after or explanation
cell of the form is made of such letters alone: a line of at least ``MIN_STROKES`` of them
(``STROKES``: I, H, l, |, brackets and bars) and nothing else but spaces is dropped; the row is
flagged ``ocr_corrected`` with what was dropped (its evidence), and the document's note counts
the lines.  Item cells are left alone (Ⅱ, Ⅲ read II, III open their headings).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

FIELDS = ("before", "after", "explanation")
STROKES = "IHl|[]=_"
MIN_STROKES = 3
_PICTURE = regex.compile(rf"^[{regex.escape(STROKES)}\s]+$")


def is_picture_line(text: str) -> bool:
    """Whether ``text`` is made of stroke letters alone, at least ``MIN_STROKES`` of them."""
    return bool(_PICTURE.match(text)) and sum(not ch.isspace() for ch in text) >= MIN_STROKES


def drop_picture_lines(rows: list[RawRow]) -> int:
    """Drop the lines read from pictures (module notes) from OCR rows' text cells, in place; the
    number of lines dropped."""
    dropped = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            gone = [cl.text.strip() for cl in lines if is_picture_line(cl.text)]
            if not gone:
                continue
            row.cells[f] = [cl for cl in lines if not is_picture_line(cl.text)]
            row.add_flag("ocr_corrected")
            what = "a line {!r} of stroke letters alone dropped as read from a picture"
            row.doubts += [Doubt("ocr_corrected", f, what.format(text), 0.0) for text in gone]
            dropped += len(gone)
    return dropped
