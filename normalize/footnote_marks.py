"""Footnote marks ``※N`` printed apart from their number (set XXXII u08, branch roworder71).

A cell may end with a reference to a note printed under the table (``①法令上の根拠※２``,
``…移行するため※１``).  When the ※ is set in a fallback font (the cell's font lacks it: LibreOffice
draws it in DejaVu Sans, raised a little), it is a text object of its own, and row-ordered
extractors print it away from its number: pypdfium2 after the number (``①法令上の根拠 ２※``),
pypdf and pdf.js at the line's start (``※行するため １``, ``① ※法令上の根拠 ２``), ``pdftotext
-raw`` on a line of its own before the number's line (``※`` / ``行するため １``, ``① ※`` /
``法令上の根拠 ２``), PyMuPDF on a line of its own with the number on a line of its own after the
text (``※`` / ``行するため`` / ``１``).  Read as printed, ``２※`` becomes a before cell of its own
and the mark is lost from its cell (set XXXII: 9 rows unwarned).  ``place_footnote_marks`` puts
each such ※ back before its number, where the cell printed it.  A ※ followed by its number
(``※１ 令和６年度の…``, ``※ 　１ …``: the note itself) is never moved.
"""

from __future__ import annotations

import regex

_NUM = r"[0-9０-９]{1,2}"
_SP = r"[ 　]"
# A heading's circled number left before a mark printed at the start of its line (``① ※``).
_LEAD = r"[①-⑳]?"
# pypdfium2: the number, then the mark, at the line's end, a space before them.
_MARK_AFTER = regex.compile(rf"^(?P<text>.*\S){_SP}+(?P<num>{_NUM})※$")
# pypdf, pdf.js: the mark at the line's start (after a circled number), the number at its end.
_MARK_FIRST = regex.compile(
    rf"^(?P<lead>{_LEAD}){_SP}*※(?!{_SP}*[0-9０-９])(?P<text>.*?\S){_SP}+(?P<num>{_NUM})$"
)
# pdftotext -raw: the mark alone at a line's end (after a circled number or nothing) …
_MARK_ALONE = regex.compile(rf"^(?P<lead>{_LEAD}){_SP}*※{_SP}*$")
# … and the next line's number at its end, a space before it.
_NUMBER_LAST = regex.compile(rf"^(?P<text>.*?\S){_SP}+(?P<num>{_NUM})$")
# PyMuPDF: the number alone on the line after the text.
_NUMBER_ALONE = regex.compile(rf"^{_SP}*(?P<num>{_NUM}){_SP}*$")


def _joined(lead: str, text: str, num: str) -> str:
    return f"{lead}{text}※{num}"


def _mended(lines: list[str], k: int, out: list[str]) -> tuple[str, int] | None:
    """The line a mark printed apart from its number at ``lines[k]`` makes with its number, and
    how many lines it takes (one to three; a circled number alone on the line before, already in
    ``out``, is taken from there); None when ``lines[k]`` holds no such mark."""
    line = lines[k].rstrip()
    if m := _MARK_AFTER.match(line):
        return _joined("", m["text"], m["num"]), 1
    if m := _MARK_FIRST.match(line):
        return _joined(m["lead"], m["text"], m["num"]), 1
    alone = _MARK_ALONE.match(line)
    if not alone or k + 1 >= len(lines) or "※" in lines[k + 1]:
        return None
    nxt = lines[k + 1].strip()
    if n := _NUMBER_LAST.match(nxt):
        return _joined(alone["lead"], n["text"], n["num"]), 2
    n = _NUMBER_ALONE.match(lines[k + 2]) if k + 2 < len(lines) else None
    if not nxt or n is None:
        return None
    lead = alone["lead"]
    if not lead and out and regex.fullmatch(rf"{_SP}*[①-⑳]{_SP}*", out[-1]):
        lead = out.pop().strip()  # PyMuPDF: ``①`` / ``※`` / ``法令上の根拠`` / ``２``
    return _joined(lead, nxt, n["num"]), 3


def place_footnote_marks(text: str) -> tuple[str, int]:
    """(``text`` with each ※ printed away from its number put back before it, how many marks
    moved); the orders of the module notes, on one line or on two or three lines in a row."""
    if "※" not in text:
        return text, 0
    lines, out, moved, k = text.split("\n"), [], 0, 0
    while k < len(lines):
        mended = _mended(lines, k, out)
        if mended is None:
            out.append(lines[k])
            k += 1
            continue
        out.append(mended[0])
        moved, k = moved + 1, k + mended[1]
    return "\n".join(out), moved
