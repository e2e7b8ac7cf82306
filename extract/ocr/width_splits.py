"""One string read in two widths in one row: a doubt, not a correction (issue 12, session 56).

An amendment's 変更前 and 変更後 repeat each other, and a string they both print (a postcode
``〒０１２－３４５６``, a law's ``第48号``, a system's ``eLTAX``) is typed once and copied: the
same width in both.  Tesseract measures each occurrence's width from its own ink, and the width
steps (``widths``, ``number_widths``, ``word_widths``) may settle the two occurrences in two
widths (set XVII's ``t06…300dpi-grey.tif``: ``〒０１２－３４５６`` in 変更前, ``〒012-3456`` in 変更後,
the table printing both full width; the row carried ``ocr_corrected`` only).  Nothing on the
page says which is right (a table may print either width, and both in one cell), so neither is
rewritten: the row gets an ``ocr_suspect`` doubt on the 変更後 cell, and the note says which
string.

A string here is a run of at least ``MIN_CHARS`` letters and digits (joined by hyphens or
dashes), read wholly in one width; two runs are the same string when they are equal under
NFKC with the dashes made one.  On the committed samples' truth no row prints one such string in
two widths in its 変更前 and 変更後 (``tests/test_width_splits.py`` counts them).
"""

from __future__ import annotations

import unicodedata

import regex

from piatable.models import Doubt, RawRow

# Letters and digits, joined by hyphens and dashes (－ ‐ ー − read for a printed hyphen).
_RUN = regex.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+(?:[-－‐ー−][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+)*")
_ALNUM = regex.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")
_FULL = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]")
_DASHES = str.maketrans({"ー": "-", "‐": "-", "−": "-"})
# A run of fewer letters and digits is too common to be one copied string (１回, 2年, ID).
MIN_CHARS = 4


def runs(text: str) -> dict[str, set[bool]]:
    """{the run's key: the widths it is read in (True full)} of ``text``'s runs of at least
    ``MIN_CHARS`` letters and digits read wholly in one width."""
    out: dict[str, set[bool]] = {}
    for m in _RUN.finditer(text):
        chars = _ALNUM.findall(m.group(0))
        if len(chars) < MIN_CHARS:
            continue
        full = [bool(_FULL.match(c)) for c in chars]
        if all(full) or not any(full):
            key = unicodedata.normalize("NFKC", m.group(0)).translate(_DASHES).casefold()
            out.setdefault(key, set()).add(full[0])
    return out


def flag_width_splits(rows: list[RawRow]) -> list[str]:
    """Rows (in place) whose 変更前 and 変更後 read one string in two widths get an
    ``ocr_suspect`` doubt on 変更後; a note naming how many."""
    flagged = 0
    for row in rows:
        before = runs("".join(cl.text for cl in row.cells.get("before") or []))
        after = runs("".join(cl.text for cl in row.cells.get("after") or []))
        split = sorted(k for k in before.keys() & after.keys() if len(before[k] | after[k]) > 1)
        if split:
            why = f"{split[0]!r} read in two widths in 変更前 and 変更後 (one is misread)"
            row.doubts.append(Doubt("ocr_suspect", "after", why))
            flagged += 1
    if not flagged:
        return []
    return [f"{flagged} OCR row(s) read one string in two widths in 変更前 and 変更後 (ocr_suspect)"]
