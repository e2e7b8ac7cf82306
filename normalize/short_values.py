"""Part the row-ordered text's first body line when it opens with a one-word before/after value.

In ``pdftotext -raw`` and pypdfium2 text of a table whose cells are top-aligned (LibreOffice Calc
and Writer), each cell's first line shares one printed line, a space between the cells.  Where
the before (or after) cell is one short value (``紙``, ``有``, ``無``, ``なし``, ``10``), that value
opens the row's first body line and the text after it is the next cells' first lines
(``無 有``, ``10 20 入手方法の追加``, ``紙 電子記録媒体（フラッシュメモリを除く。）``).  The row's cut
(``partition``, ``twophase``) reads the line as one cell's: the short value is lost into the after
cell or the explanation and the before cell is left empty (issue 10, short43: a new user's Calc
tables).

``mend_short_values`` parts that line at its spaces (or takes the pieces the extractor parted it
into already) when its first piece is a short value (``SHORT_VALUE_MAX_CHARS`` characters at
most of kanji, kana or digits, no paragraph marker such as ``ア`` or ``・``, which open a list
inside one cell; a digit on one side of the space only with a digit on the other, as Writer's
text parts a number from its words: ``1,000 人以上``, ``番号法第 19 条``) and the before cell holds no
other text: the first piece becomes the before cell, the next the after cell's first line, a
third (if any) the explanation's first line; the row's other lines keep their cells. The row
gets a ``cut_guess`` doubt (the cut was inferred).  A line opening with a lone mark
(``○ 住民基本台帳に…``: a one-mark cell, or a bullet of one cell's list) is left as it is, with a
``column_guess`` and a confidence of at most ``AMBIGUOUS_CONFIDENCE``.  Measured with
``tools/eval_office.py`` on ``samples/office-short43`` (tuning) and ``samples/heldout-short43``.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import MENDED_CUT_STRENGTH, SHORT_VALUE_MAX_CHARS

from .chars import starts_paragraph
from .paired_values import same_printed_line
from .passone import AMBIGUOUS_CONFIDENCE

# A one-word value: kanji, kana, digits (with a thousands comma), ○ or ×.
_SHORT = regex.compile(
    rf"^[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}ー々0-9０-９,，○×]{{1,{SHORT_VALUE_MAX_CHARS}}}$"
)
# A lone mark (``○``, ``×``): a whole one-mark cell or a bullet.
_LONE_MARK = regex.compile(r"^[○◯×]$")
MARK_WHY = "a lone mark ({}) opens the row's first body line: a one-mark cell or a bullet, not told apart"
_DIGIT = regex.compile(r"^[0-9０-９]$")
_SPACES = regex.compile(r"(?<=\S) +(?=\S)")
WHY = "a one-word value ({}) opens the row's first body line: parted into before, after and explanation"
_BODY = ("before", "after", "explanation")


def is_short_value(piece: str) -> bool:
    """Whether ``piece`` reads as a whole one-word cell value (see the module notes)."""
    return bool(_SHORT.match(piece)) and not starts_paragraph(piece)


def _first_body(row: RawRow) -> tuple[str, int] | None:
    """The field holding the row's first body line, and the number of fields before it that are
    empty (all of them must be: the line opens the body)."""
    for k, field in enumerate(_BODY):
        if row.cells[field]:
            return field, k
    return None


def mend_short_values(row: RawRow) -> None:
    """Part the row's first body line (in place) when it opens with a short value a space apart
    from more text and the before cell holds nothing else (see the module notes)."""
    found = _first_body(row)
    if found is None:
        return
    field, _ = found
    lines = row.cells[field]
    first = lines[0]
    pieces = _SPACES.split(first.text.strip(), maxsplit=2)
    taken = 1
    while len(pieces) < 3 and taken < len(lines) and same_printed_line(first, lines[taken]):
        pieces.append(lines[taken].text.strip())  # the extractor parted the line already
        taken += 1
    if len(pieces) >= 2 and _LONE_MARK.match(pieces[0]):
        # ``○ 住民基本台帳に…``: a one-mark value beside the next cell, or a bullet of one cell's
        # list; the text does not tell, so the row says so.
        row.doubts.append(Doubt("column_guess", field, MARK_WHY.format(pieces[0])))
        row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
        return
    if len(pieces) < 2 or not is_short_value(pieces[0]) or starts_paragraph(first.text.strip()):
        return
    if bool(_DIGIT.match(pieces[0][-1])) != bool(_DIGIT.match(pieces[1][:1])):
        return  # ``1,000 人以上``, ``番号法第 19``: a number the extractor parted from its words
    if field == "before" and (len(lines) > 1 and not row.cells["after"]):
        return  # a before cell of several lines and no after: its own text, not a shared line

    def line(text: str) -> CellLine:
        return CellLine(text, first.page, first.line_no, False, first.conf)

    rest = lines[taken:]
    before = [line(pieces[0])]
    after: list[CellLine] = [line(pieces[1])]
    explanation = list(row.cells["explanation"]) if field != "explanation" else []
    if len(pieces) == 3:
        explanation = [line(pieces[2]), *explanation]
    if field == "before":
        after += rest + row.cells["after"]
    elif field == "after":
        after += rest
    else:
        explanation += rest
    row.cells["before"], row.cells["after"], row.cells["explanation"] = before, after, explanation
    row.doubts.append(Doubt("cut_guess", "before", WHY.format(pieces[0]), MENDED_CUT_STRENGTH))
