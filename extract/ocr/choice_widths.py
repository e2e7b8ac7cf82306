"""Digits of a form's count answer in the width the forms print them: half.

The forms ask for counts by choices printed in brackets (``[ 50人以上100人未満 ]``,
``[ 10万人以上30万人未満 ]``, ``[ 1,000人以上1万人未満 ]``), and every such answer of the
samples' truth documents (1,171 of them) prints its digits half width.  Tesseract measures a
digit's width from its neighbours and reads some of them full width (``[５０人以上100人未満]``).
An answer in brackets that is wholly a count choice (numbers with 人 / 万人, 以上 / 未満) has its
digits written half width; the line is flagged ``ocr_corrected`` with what was read.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines

# A count choice in brackets: one or two counts (digits of either width, a thousands comma, 万),
# each with 人, joined by 以上 and closed by 以上 or 未満.
_COUNT = r"[0-9０-９][0-9０-９,，]*万?人"
CHOICE = regex.compile(rf"\[[ \u3000]*{_COUNT}(?:以上(?:{_COUNT}未満)?|未満)[ \u3000]*\]")
_HALF = str.maketrans("０１２３４５６７８９，", "0123456789,")
FIELDS = ("before", "after")


def half_width_choice(text: str) -> str:
    """``text`` with the digits of each bracketed count choice half width."""
    return CHOICE.sub(lambda m: m.group(0).translate(_HALF), text)


def half_width_choices(rows: list[RawRow]) -> int:
    """``half_width_choice`` on every line of the before and after cells of OCR rows (in place);
    the number of lines changed."""
    changed = 0
    for row in rows:
        for f in FIELDS:
            lines = row.cells.get(f) or []
            changed += rewrite_lines(row, lines, [half_width_choice(cl.text) for cl in lines])
    return changed
