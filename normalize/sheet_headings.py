"""A spreadsheet's printed row and column headings (Calc "print row and column headers", Excel
"print headings"; set XXVIII t01, branch spaced67): set aside, with a note.

A sheet printed with its headings carries a strip of column letters over the table
(``A B C D E F``: one line of single capital letters, in order, a letter per column) and the
sheet's row numbers down the left edge (``1``, ``2``, ``3`` …), on every page.  Read as text,
the letters became a 14th row (提出時期 ``E``) or the tail of a cell (項目 ending ``A``), and the
numbers a cell's lines (説明 ``1⏎2⏎3``).

- ``strip_sheet_headings`` (texts): the column strip is a line of three or more single capital
  letters in order from A (``A B C D E F``, however spaced), or lone-letter lines holding A, B, C
  and D at least (one extractor prints a letter a line, another scatters them among the labels);
  such lines go.  Only when a strip was found, the row numbers go too: a lone-number line, or
  a number opening a line before a space, that carries on the count of row numbers (not seen
  yet, at most ``ROW_STEP_MAX`` past the highest seen: Calc prints them in order, a reader may
  shuffle a few).  Before a column gap the number is blanked (the columns keep their places).
- ``strip_column_letters`` (PDF characters): a line whose every character is a capital letter
  standing alone (``LONE_GAP_EM`` from any other of the line), reading A, B, C … left to right.
  The row numbers of such a sheet are already set aside as a numbering column.
"""

from __future__ import annotations

import re
from itertools import pairwise

from piatable.models import Word

# Fewest letters, in order from A, that make a printed column-heading strip on one line.
STRIP_MIN_LETTERS = 3
# Fewest of A, B, C, D … printed as lone-letter lines that make one (scattered over the text).
LONE_MIN_LETTERS = 4
# A row number carries on the count when it is at most this much past the highest seen.
ROW_STEP_MAX = 4
# A PDF character stands alone when no other character of its line is nearer than this (ems).
LONE_GAP_EM = 1.0

_STRIP_LINE = re.compile(r"[ \t\u3000]*([A-Z](?:[ \t\u3000]+[A-Z])+)[ \t\u3000]*")
_LONE_LETTER = re.compile(r"[ \t\u3000]*([A-Z])[ \t\u3000]*")
_ROW_NUMBER = re.compile(r"([ \t\u3000]*)([1-9][0-9]{0,3})(?:[ \t\u3000]*$|([ \t\u3000]+)(?=\S))")

NOTE = (
    "the sheet's printed row and column headings were set aside, not a field: "
    "{letters} column-letter lines ({span}) and {numbers} row numbers"
)
PDF_NOTE = "page {page}: the sheet's printed column headings ({span}) were set aside, not a field"


def _in_order(letters: list[str]) -> bool:
    """``letters`` read A, B, C … with none left out."""
    return letters == [chr(ord("A") + k) for k in range(len(letters))]


def strip_sheet_headings(text: str) -> tuple[str, list[str]]:
    """``text`` (lines by ``\\n``, pages by ``\\f``) less its printed sheet headings, and a
    note; unchanged, with no note, when it has no column-letter strip.  A row number opening a
    line before two spaces or more is blanked with spaces (the line's columns keep their
    places); before one space it is cut."""
    lines = text.split("\n")
    strip: set[int] = set()
    lone: dict[int, str] = {}
    for k, ln in enumerate(lines):
        body = ln.lstrip("\f")
        if m := _STRIP_LINE.fullmatch(body):
            letters = m.group(1).split()
            if len(letters) >= STRIP_MIN_LETTERS and _in_order(letters):
                strip.add(k)
        elif m := _LONE_LETTER.fullmatch(body):
            lone[k] = m.group(1)
    found = set(lone.values())
    if all(chr(ord("A") + k) in found for k in range(LONE_MIN_LETTERS)):
        top = max(k for k in range(26) if all(chr(ord("A") + j) in found for j in range(k + 1)))
        strip |= {k for k, c in lone.items() if ord(c) - ord("A") <= top}
    if not strip:
        return text, []
    letters = sorted({c for k in strip for c in lines[k].split() if len(c) == 1})
    seen: set[int] = set()
    out: list[str] = []
    removed = 0
    after = False  # the line before was the strip's or a row number's, set aside
    for k, ln in enumerate(lines):
        lead = ln[: len(ln) - len(ln.lstrip("\f"))]
        body = ln[len(lead) :]
        if k in strip:
            after = True
            if lead:
                out.append(lead)
            continue
        m = _ROW_NUMBER.match(body)
        n = int(m.group(2)) if m else 0
        alone = bool(m) and not body[m.end() :].strip()
        # A number alone right under the strip or another row number is one too, even one seen
        # before (the label row repeated on each page prints its own row number again).
        if m and ((n not in seen and n <= max(seen, default=0) + ROW_STEP_MAX) or (alone and after)):
            seen.add(n)
            removed += 1
            after = alone
            if alone:
                if lead:
                    out.append(lead)
                continue
            cut = " " * m.end() if len(m.group(3) or "") >= 2 else ""
            out.append(lead + cut + body[m.end() :])
            continue
        after = False
        out.append(ln)
    span = f"{letters[0]}–{letters[-1]}" if letters else "letters"
    note = NOTE.format(letters=len(strip), span=span, numbers=removed)
    return "\n".join(out), [note]


def strip_column_letters(words: list[Word], page: int) -> tuple[list[Word], list[str]]:
    """``words`` (a PDF page's characters, points) less a printed column-letter strip, and a
    note; unchanged when the page has none."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        if w.text.strip():
            lines.setdefault(round((w.top + w.bottom) / 2), []).append(w)
    drop: set[int] = set()
    spans: list[str] = []
    for row in _merge_near(lines):
        row.sort(key=lambda w: w.x0)
        if len(row) < STRIP_MIN_LETTERS or not _in_order([w.text for w in row]):
            continue
        em = max(w.bottom - w.top for w in row)
        if all(b.x0 - a.x1 >= LONE_GAP_EM * em for a, b in pairwise(row)):
            drop |= {id(w) for w in row}
            spans.append(f"{row[0].text}–{row[-1].text}")
    if not drop:
        return words, []
    kept = [w for w in words if id(w) not in drop]
    return kept, [PDF_NOTE.format(page=page, span=", ".join(spans))]


def _merge_near(lines: dict[int, list[Word]]) -> list[list[Word]]:
    """Characters grouped by line: centres a point or so apart are one line."""
    out: list[list[Word]] = []
    last: int | None = None
    for key in sorted(lines):
        if last is not None and key - last <= 1:
            out[-1].extend(lines[key])
        else:
            out.append(list(lines[key]))
        last = key
    return out
