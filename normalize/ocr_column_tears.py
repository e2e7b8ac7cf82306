"""Text of one cell read into its neighbour across the column ruling between them (issue 12):
checks for ``ocr_suspect:<field>`` on an OCR record's before, after and explanation cells.

A glyph that touches the ruling, or a line that runs up to it, is cut where the grid's column
boundary falls, and the OCR reads the cut on both sides or on the wrong side:

* ``echo``: the before cell ends with one kanji or kana that the after cell opens with
  (``新規上`` beside ``上記を新規追加``): the after's first glyph read twice;
* ``torn number``: a cell ends with a digit and the cell right of it opens with 万 or 億
  (``…未満1`` beside ``万人以上…`` for 10万人以上): a number cut at the ruling, its digits
  on the left, its unit on the right.

None in the samples' truth rows (1,651 distinct tables); set XX's scans (t04, t14) each had one
wrong row, unwarned.  Only for OCR rows (normalize/evidence.ocr_doubts, through ``ocr_glyphs``).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# The large units a number of these tables is written with (10万人以上100万人未満): a cell's
# text never opens with one (万一 / 万が一 aside).
_UNIT_OPENING = regex.compile(r"^[万億](?![一が])")
_DIGITS = "0123456789０１２３４５６７８９"


def column_tear_doubts(record: Record) -> list[Doubt]:
    """``ocr_suspect`` doubts on the cells a glyph or a number was read across their ruling."""
    out: list[Doubt] = []
    before, after = (record.before or "").rstrip(), (record.after or "").lstrip()
    if len(before) >= 2 and after and before[-1] == after[0] and _JAPANESE.match(before[-2]):
        if _JAPANESE.match(after[0]):
            why = f"the before cell ends with the after cell's first glyph ({before[-6:]!r} | {after[:6]!r})"
            out.append(Doubt("ocr_suspect", "before", why))
    pairs = (("before", "after"), ("after", "explanation"))
    for left, right in pairs:
        a, b = (getattr(record, left) or "").rstrip(), (getattr(record, right) or "").lstrip()
        if a[-1:] and a[-1] in _DIGITS and _UNIT_OPENING.match(b):
            why = f"a number cut at the ruling: {left} ends {a[-6:]!r}, {right} opens {b[:6]!r}"
            out += [Doubt("ocr_suspect", left, why), Doubt("ocr_suspect", right, why)]
    return out
