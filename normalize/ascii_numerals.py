"""Section numerals typed in ASCII letters (``II特定個人情報ファイルの概要``) read as the numerals
Ⅰ…Ⅵ the forms print.

A body that types its sections with Latin letters I, II, III … instead of the Roman-numeral
characters prints no section opening the readers of flattened text count rows by (a date merged
over rows leaves the section as a row's only start): session 42's new user had a table of 9 rows
read as 1 from its pypdfium2 and ``pdftotext -raw`` texts.  A line (or a piece after a space)
opening with I, II, III, IV, V or VI, then at most a space or a full stop, then the opening of
a section's heading of the forms (``HEADING_OPENING_CHARS`` of the lexicon's section-level lines,
every form's) has its letters replaced; no other I or V is touched.  The records' 項目 cells get
the letters back (``keep_printed_letters``): the text as printed, as the PDF reader gives it.  A
text may print both (a body typed ``II`` in some cells and Ⅱ in others): each numeral of a cell
is matched to the printing it was read from (``read_section_numerals`` lists them in text order
with the text after each), and only a typed one gets its letters back.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
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
# Letters typed full-width (ＩＩ) as the ASCII ones.
_FULL_LETTERS = str.maketrans("ＩＶ", "IV")
# A numeral an extractor split into the numerals Ⅰ and Ⅴ it looks like (``ⅠⅠ``, ``Ⅰ Ⅰ``, ``ⅠⅤ``):
# no one types these, the form prints the numeral.
_SPLIT_PARTS = str.maketrans({"Ⅰ": "I", "Ⅴ": "V", " ": None, "　": None})
_SPLIT = "|".join(
    ("[ 　]?" if set(letters) == {"I"} else "").join(letters.replace("I", "Ⅰ").replace("V", "Ⅴ"))
    for letters in sorted(ASCII_NUMERALS, key=len, reverse=True)
    if len(letters) > 1
)


@lru_cache(maxsize=3)
def _pattern(letters: bool | None = True) -> regex.Pattern[str]:
    """Section numerals before a section heading of any form: typed in letters (ASCII or
    full-width, longest first; at a line's start or after a space) with ``letters`` True, the
    numerals Ⅰ…Ⅵ with False, and with None these, the letters and the split numerals
    (``_SPLIT``)."""
    headings = sorted(
        {
            parts[0][:HEADING_OPENING_CHARS]
            for _, level, parts in lexicon_lines()
            if parts and level.split(":")[-1] in SECTION_NUMERALS
        },
        key=len,
        reverse=True,
    )
    ascii_letters = "|".join(sorted(ASCII_NUMERALS, key=len, reverse=True))
    typed = f"(?:^|(?<=[ 　]))(?:{ascii_letters}|{ascii_letters.translate(_TO_FULL)})"
    # A numeral printed as such opens a section wherever it stands (an extractor may glue it to
    # the cell before); one typed in letters only at a line's start or after a space.
    numerals = typed if letters else "[ⅠⅡⅢⅣⅤⅥ]" if letters is False else f"{typed}|{_SPLIT}|[ⅠⅡⅢⅣⅤⅥ]"
    openings = "|".join(map(regex.escape, headings))
    return regex.compile(rf"(?m)(?P<numeral>{numerals})(?P<gap>[ 　．.]?)(?=(?:{openings}))")


_TO_FULL = str.maketrans("IV", "ＩＶ")


def section_numerals(text: str) -> tuple[str, int]:
    """``text`` with its section numerals typed in letters or split read (module docstring) and
    how many were."""
    text, _, count = read_section_numerals(text)
    return text, count


@dataclass(frozen=True, slots=True)
class NumeralPrinting:
    """One section numeral before a section heading in a text, in text order: the numeral
    (Ⅰ…Ⅵ), the letters the text typed for it (``II``, ``ＩＩ``; "" when it printed a numeral),
    and the text right after it as read (its first ``CONTEXT_CHARS`` characters, no white space)
    that tells it from another printing of the same heading (a row's item cell runs on past the
    heading, the body's heading does not)."""

    numeral: str
    typed: str
    after: str


# How much of the text after a numeral is kept to find which printing a 項目 cell was read from.
CONTEXT_CHARS = 40
_SPACES = regex.compile(r"\s+")


def _numeral_of(printed: str) -> tuple[str, str]:
    """The numeral Ⅰ…Ⅵ a printing stands for, and the letters typed ("" for a numeral, whole
    or split)."""
    if len(printed) == 1 and printed in "ⅠⅡⅢⅣⅤⅥ":
        return printed, ""
    letters = printed.translate(_FULL_LETTERS)
    if letters in ASCII_NUMERALS:
        return ASCII_NUMERALS[letters], printed
    return ASCII_NUMERALS[printed.translate(_SPLIT_PARTS)], ""


# A column gap of a -layout line: the cell's text ends there, another column's begins.
_COLUMN_GAP = regex.compile(r"[ 　]{2,}")


def _context(after: str) -> str:
    """The text after a numeral that its cell holds, as far as the text shows it: up to a column
    gap on its line (-layout text, whose next lines hold other cells too), else on over its lines
    (the cell's lines follow each other); white space removed, ``CONTEXT_CHARS`` at most."""
    line = after.split("\n", 1)[0]
    gap = _COLUMN_GAP.search(line)
    return _SPACES.sub("", line[: gap.start()] if gap else after)[:CONTEXT_CHARS]


def read_section_numerals(text: str) -> tuple[str, tuple[NumeralPrinting, ...], int]:
    """``text`` with its section numerals typed in letters or split read as Ⅰ…Ⅵ (module
    docstring); every section numeral before a heading in it, in text order, when some were
    typed in letters (none otherwise: nothing to put back); and how many were read."""
    if not regex.search("[IVＩＶⅠⅤ]", text):
        return text, (), 0
    pieces: list[str] = []
    found: list[tuple[str, str, int]] = []  # (numeral, letters typed, its end in the new text)
    at = length = count = 0
    for m in _pattern(None).finditer(text):
        numeral, typed = _numeral_of(m.group("numeral"))
        pieces.append(text[at : m.start("numeral")])
        length += m.start("numeral") - at + 1
        pieces.append(numeral)
        at = m.end("numeral")
        found.append((numeral, typed, length))
        count += m.group("numeral") != numeral
    if not count:
        return text, (), 0
    pieces.append(text[at:])
    new = "".join(pieces)
    if not any(typed for _, typed, _ in found):
        return new, (), count
    return (
        new,
        tuple(
            NumeralPrinting(n, typed, _context(new[end : end + 2 * CONTEXT_CHARS])) for n, typed, end in found
        ),
        count,
    )


# The note of a text whose numerals were read (after their count).
NUMERALS_NOTE = "{n} section numerals typed in ASCII letters (II) or split (Ⅰ Ⅰ) were read as Ⅰ…Ⅵ"


def printed_letters(text: str, printings: tuple[NumeralPrinting, ...], cursor: int = 0) -> tuple[str, int]:
    """``text`` (a record's 項目 cell, read from a text whose numerals ``read_section_numerals``
    read) with each numeral that the text typed in letters put back as those letters: the cells
    keep the text as printed, as a PDF's reader gives it (``item_key`` reads II as Ⅱ itself); a
    numeral the text printed as Ⅰ…Ⅵ stays.  Which printing a numeral of the cell was read from:
    the one of the same numeral whose following text shares most with the cell's (``_shared``;
    the first from ``cursor`` on, the printing after the previous cell's, on a tie); returns the
    new cursor."""

    def letters(m: regex.Match[str]) -> str:
        nonlocal cursor
        after = _SPACES.sub("", text[m.end("numeral") :])[:CONTEXT_CHARS]
        best, best_shared = None, -1
        order = [*range(cursor, len(printings)), *range(cursor)]
        for k in order:
            p = printings[k]
            if p.numeral != m.group("numeral"):
                continue
            shared = _shared(p.after, after)
            if shared > best_shared:
                best, best_shared = k, shared
        if best is None:
            return m.group(0)
        cursor = best + 1
        return (printings[best].typed or m.group("numeral")) + m.group("gap")

    return _pattern(False).sub(letters, text), cursor


def _shared(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share in order (the matching blocks of ``difflib``):
    a cell's text and the text after its printing share most, lines of other cells between
    them (a date's tail ``日`` in column-ordered text) aside."""
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def keep_printed_letters(records: list[Record], printings: tuple[NumeralPrinting, ...]) -> None:
    """Every record's 項目 cell (``item``, ``item_path``) with ``printed_letters``, the records in
    text order; ``printings`` are the text's (``read_section_numerals``)."""
    cursor = 0
    for record in records:
        start = cursor
        record.item, cursor = printed_letters(record.item, printings, start)
        record.item_path = [printed_letters(p, printings, start)[0] for p in record.item_path]
