"""Section numerals typed in ASCII letters (``II特定個人情報ファイルの概要``) read as the numerals
Ⅰ…Ⅵ the forms print.

A body that types its sections with Latin letters I, II, III … instead of the Roman-numeral
characters prints no section opening the readers of flattened text count rows by (a date merged
over rows leaves the section as a row's only start): session 42's new user had a table of 9 rows
read as 1 from its pypdfium2 and ``pdftotext -raw`` texts.  A line (or a piece after a space)
opening with I, II, III, IV, V or VI, then at most a space or a full stop, then the opening of
a section's heading of the forms (``HEADING_OPENING_CHARS`` of the lexicon's section-level lines,
every form's) has its letters replaced; no other I or V is touched.  The records' 項目 cells get
the letters back (``keep_printed_letters``): the text as printed, as the PDF reader gives it.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import Record
from piatable.vocabulary import SECTION_NUMERALS

from .heading_lexicon import lexicon_lines

# A section heading's first characters that must follow the letters (a heading may wrap right
# after them in a narrow 項目 cell: ``III特定個人情報ファイルの取扱いプロセ`` / ``スにおける…``).
HEADING_OPENING_CHARS = 4
# The numeral each run of ASCII letters stands for.
ASCII_NUMERALS = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ"}


@lru_cache(maxsize=2)
def _pattern(letters: bool = True) -> regex.Pattern[str]:
    """ASCII numerals (longest first; ``letters`` False: the numerals Ⅰ…Ⅵ) before a section
    heading of any form, at a line's start or after a space."""
    headings = sorted(
        {
            parts[0][:HEADING_OPENING_CHARS]
            for _, level, parts in lexicon_lines()
            if parts and level.split(":")[-1] in SECTION_NUMERALS
        },
        key=len,
        reverse=True,
    )
    numerals = "|".join(sorted(ASCII_NUMERALS, key=len, reverse=True)) if letters else "[ⅠⅡⅢⅣⅤⅥ]"
    openings = "|".join(map(regex.escape, headings))
    return regex.compile(rf"(?m)(?:^|(?<=[ 　]))(?P<numeral>{numerals})(?P<gap>[ 　．.]?)(?=(?:{openings}))")


def section_numerals(text: str) -> tuple[str, int]:
    """``text`` with its ASCII section numerals read (module docstring) and how many were."""
    if "I" not in text and "V" not in text:
        return text, 0
    count = 0

    def numeral(m: regex.Match[str]) -> str:
        nonlocal count
        count += 1
        return ASCII_NUMERALS[m.group("numeral")] + m.group("gap")

    return _pattern().sub(numeral, text), count


# The note of a text whose numerals were read (after their count).
NUMERALS_NOTE = "{n} section numerals typed in ASCII letters (II) were read as Ⅰ…Ⅵ"
_LETTERS = {v: k for k, v in ASCII_NUMERALS.items()}


def printed_letters(text: str) -> str:
    """``text`` (a record's 項目 cell) with the numerals ``section_numerals`` read put back as the
    letters the document typed: the cells keep the text as printed, as a PDF's reader gives it
    (``item_key`` reads II as Ⅱ itself)."""
    return _pattern(False).sub(lambda m: _LETTERS[m.group("numeral")] + m.group("gap"), text)


def keep_printed_letters(records: list[Record]) -> None:
    """Every record's 項目 cell (``item``, ``item_path``) with ``printed_letters``; call only on
    the records of a text whose numerals ``section_numerals`` read."""
    for record in records:
        record.item = printed_letters(record.item)
        record.item_path = [printed_letters(p) for p in record.item_path]
