"""Text whose lines are a PDF's text boxes joined by two spaces (a script over ``pdftohtml -xml``).

``pdftohtml -i -xml`` writes each text box of a page with its ``top`` and ``left``; a quick
script joins the boxes that share a top into one line, two spaces between them (set XVII's
``pdftohtml-xml`` texts: 0 of 52 rows right, session 56).  Such a line keeps the boxes' order but
not their places: an empty cell leaves no gap, a date or 事前/事後 centred in a tall row stands on
a line of its own at the row's middle, and a cell's wrapped lines share lines with whatever other
cell's lines have the same top.  No extractor prints this (pdftohtml's users hold its XML or
HTML, which keep the places); the columns cannot be told from it, so it is read as row-ordered
text with a note saying why its cells may be mixed (``JOINED_BOXES_NOTE``), not read otherwise.

It is told by its separators: at least ``MIN_JOINED_SHARE`` of its lines hold a run of exactly
two spaces between text, at most ``MAX_WIDE_SHARE`` hold a longer run or open with a space (a
``-layout`` text pads its columns with runs of many spaces), and its two-space joins are more
than its one-space ones (other extractors join words with one space; a spaced-out text sets one
between every two characters and two between its words).
"""

from __future__ import annotations

import regex

# Share of the text's non-blank lines that hold two-space joins, and the fewest such lines.
MIN_JOINED_SHARE = 0.3
MIN_JOINED_LINES = 10
# Share of the non-blank lines that may hold a longer run of spaces (a box that holds its own).
MAX_WIDE_SHARE = 0.05
JOINED_BOXES_NOTE = (
    "the text's lines are pieces joined by two spaces without their places (as a script joining"
    " pdftohtml -xml text boxes by their tops writes them): empty cells leave no gap and a centred"
    " date or 事前/事後 stands on a line of its own, so cells were read by order only and may be"
    " mixed; the PDF, pdftotext -layout or pdftohtml's XML keep the columns"
)

_JOIN = regex.compile(r"\S  \S")
_JOINS = regex.compile(r"(?<=\S)  (?=\S)")
_SINGLES = regex.compile(r"(?<=\S) (?=\S)")
_WIDE = regex.compile(r"\S {3,}\S|^ ")


def joined_boxes_note(text: str) -> str | None:
    """``JOINED_BOXES_NOTE`` when ``text`` is such a text, else None."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    wide = sum(_WIDE.search(ln) is not None for ln in lines)
    if wide > MAX_WIDE_SHARE * len(lines):
        return None
    joined = sum(_JOIN.search(ln) is not None for ln in lines)
    if joined < MIN_JOINED_LINES or joined < MIN_JOINED_SHARE * len(lines):
        return None
    if len(_JOINS.findall(text)) <= len(_SINGLES.findall(text)):
        return None
    return JOINED_BOXES_NOTE
