"""OCR evidence that a cell was misread: its text breaks its column's grammar.

Each column of the amendment table has a vocabulary: 変更日 is a date, 提出時期 is 事前 or 事後,
a 項目 opens with the form's numbering (Ⅰ…Ⅵ, １．, ①), and no cell of these forms holds the
glyphs tesseract makes of table lines, stains or a character it could not read (``|``, ``~``,
``_``, ``\\`` …), nor ASCII letters standing where a Roman numeral belongs (``HI``, ``II``
for Ⅱ, Ⅲ).  A row whose OCR text breaks that is flagged ``ocr_suspect:<field>`` (the
confidence then takes ``quality.penalty_ocr_suspect``): the evidence is kept on the row so that
the confidence machinery can weigh it with the rest.
"""

from __future__ import annotations

import regex

from piatable.models import RawRow
from piatable.normalize.dates import DATE_LINE, parse_date

# Glyphs no cell of an amendment table prints but tesseract produces from rulings, specks and
# characters it could not read.
STRAY_GLYPHS = regex.compile(r"[|~_\\^`{}¦§¨¬°±¶×÷■□▲△▼▽◆◇○●◎★☆]")
# Upper-case ASCII letters standing where the form's Roman numerals are (a heading's opening):
# Ⅱ read as II, HI, Il, 1I …
ASCII_NUMERAL = regex.compile(r"^\s*[IVXHLl1|]{1,4}\s*(?=\p{Han}|\p{Katakana}|\p{Hiragana})")
# Latin capitals wedged between Japanese characters (ビSSアン): a line tesseract made up.
WEDGED_LATIN = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}])[A-Z]{1,3}(?=[\p{Han}\p{Hiragana}\p{Katakana}])"
)
TIMINGS = frozenset({"事前", "事後"})
_WS = regex.compile(r"\s+")


def suspect_fields(row: RawRow) -> list[str]:
    """The columns of a row whose OCR text breaks the column's grammar (empty cells aside:
    those are flagged by the record checks)."""
    out: list[str] = []
    for column in ("change_date", "item", "before", "after", "timing", "explanation"):
        lines = [cl.text for cl in row.cells.get(column, [])]
        text = "".join(lines)
        flat = _WS.sub("", text)
        if not flat:
            continue
        bad = bool(STRAY_GLYPHS.search(flat) or WEDGED_LATIN.search(flat))
        if column == "change_date":
            bad = bad or not DATE_LINE.match(flat) or parse_date(flat) is None
        elif column == "timing":
            bad = bad or flat not in TIMINGS
        elif column == "item":
            bad = bad or any(ASCII_NUMERAL.match(line) for line in lines)
        if bad:
            out.append(column)
    return out


def flag_suspects(rows: list[RawRow]) -> list[str]:
    """``ocr_suspect:<field>`` added to each row whose OCR text breaks a column's grammar (in
    place); a note counting them."""
    count = 0
    for row in rows:
        fields = suspect_fields(row)
        for f in fields:
            if f"ocr_suspect:{f}" not in row.flags:
                row.flags.append(f"ocr_suspect:{f}")
        count += bool(fields)
    return (
        [f"{count} OCR row(s) with a cell that breaks its column's grammar (flag ocr_suspect)"]
        if count
        else []
    )
