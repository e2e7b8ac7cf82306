"""Item lines that OCR read as a heading of the form are kept as read.

The character corrections (``corrections.fix_confusions``'s look-alikes, 人/入 among them) judge a
character by the dictionary's reading of its context, and a heading of the form is no sentence:
``①入手元`` and ``８．人手を介在させる作業`` are both headings the forms print, and the dictionary
preferred ``人手元`` and ``入手を介在``, writing a right read wrong.  A line whose text after its
numbering is (with spaces and ※ aside) one of the form's headings as printed
(``item_lines.printed_headings``) keeps that text; only its numbering may be corrected (``@入手方法``
→ ``②入手方法``).  Found by wrapping every expected item cell of the samples at each place and
correcting it (tools/bench_ocr_corrections.py measures the corrections on the scans).
"""

from __future__ import annotations

import regex

from .item_lines import printed_headings, strip_numbering

_NOT_HEADING_TEXT = regex.compile(r"\s+|※")


def heading_text(line: str) -> str:
    """``line``'s heading text: without its numbering (Ⅱ, ３．, ①), white space and ※."""
    return _NOT_HEADING_TEXT.sub("", strip_numbering(line.strip()))


def _read_as_heading(read: list[str]) -> list[bool]:
    """For each line of ``read``: whether it holds a heading of the form, alone or wrapped with
    the line after or before it (①入 / 手元)."""
    headings = printed_headings()
    texts = [heading_text(line) for line in read]
    out = [len(t) >= 2 and t in headings for t in texts]
    for k in range(len(read) - 1):
        nxt = _NOT_HEADING_TEXT.sub("", read[k + 1])
        if texts[k] and nxt and nxt == texts[k + 1] and texts[k] + nxt in headings:
            out[k] = out[k + 1] = True
    return out


def keep_read_headings(read: list[str], fixed: list[str]) -> list[str]:
    """``fixed`` (the corrected lines of an item cell, one per line of ``read``) with each line
    that ``read`` holds as a heading of the form, alone or wrapped over two lines, given back its
    text as read after the corrected numbering.  Line counts that differ: ``fixed`` unchanged."""
    if len(read) != len(fixed):
        return fixed
    out = []
    for was, now, heading in zip(read, fixed, _read_as_heading(read), strict=True):
        if heading and heading_text(now) != heading_text(was):
            stripped = now.strip()
            numbering = stripped[: len(stripped) - len(strip_numbering(stripped))]
            now = now.replace(stripped, numbering + strip_numbering(was.strip()), 1) if stripped else was
        out.append(now)
    return out
