"""The forms' placeholders □□ and △△ (□□村, △△町) put back where tesseract read them as letters.

The sample forms name a municipality by a placeholder of two marks before its suffix (○○市,
□□村, △△町).  Tesseract reads the square as the kanji 口 or the katakana ロ (set XXV's t08:
every □□村 of its OCR'd page read ロロ村 or 口口村, 2 rows wrong with no warning), and the
triangle, when its ink is too broken for ``triangles.restore_triangles``, as Ａ (s01: ＡＡ町).

* A run of two or more squares' look-alikes (``SQUARE_READS``, at least one of them a letter)
  right before a municipality's suffix (``MUNICIPALITY``), after no kana or kanji (窓口 is a
  word; a placeholder follows a bracket, a postcode, a comma or the cell's edge), is the
  placeholder □□: 口口 and ロロ are no words, and no municipality is named so.
* A run of triangles' look-alikes (``TRIANGLE_READS``) so placed is △△ only when the document
  prints △△ before that suffix elsewhere (its OCR read the mark there): Ａ is also a letter
  that anonymises a name (Ａ市).  Otherwise it stays as read and ``suspect_placeholder`` says
  so (``suspects.suspect_fields``: ``ocr_suspect:<field>``).
"""

from __future__ import annotations

import regex

from piatable.models import RawRow

from .rewrites import rewrite_lines

# A municipality's (or prefecture's) suffix after its name.
MUNICIPALITY = "市町村区郡都道府県"
# What tesseract reads the forms' □ and △ as (triangles.LOOKALIKES: へ ヘ 人 ム ハ A Ａ).
SQUARE_READS = "口ロ"
TRIANGLE_READS = "ＡAへヘ人ムハ"
_TEXT_COLUMNS = ("item", "before", "after", "explanation")
_NOT_AFTER_WORD = r"(?<![\p{Han}\p{Hiragana}\p{Katakana}ー])"
_SQUARE_RUN = regex.compile(
    rf"{_NOT_AFTER_WORD}(?=[□{SQUARE_READS}]*[{SQUARE_READS}])[□{SQUARE_READS}]{{2,}}(?=[{MUNICIPALITY}])"
)
_TRIANGLE_RUN = regex.compile(
    rf"{_NOT_AFTER_WORD}(?=[△{TRIANGLE_READS}]*[{TRIANGLE_READS}])[△{TRIANGLE_READS}]{{2,}}(?=([{MUNICIPALITY}]))"
)
_PRINTED_TRIANGLES = regex.compile(rf"△{{2,}}(?=([{MUNICIPALITY}]))")


def mend_square_reads(line: str) -> str:
    """``line`` with each run of squares' look-alikes before a municipality's suffix written □□
    (module docstring)."""
    return _SQUARE_RUN.sub(lambda m: "□" * len(m.group(0)), line)


def suspect_placeholder(flat: str) -> str:
    """Why a cell's whitespace-free text holds a placeholder misread ("" when it does not): a run
    of triangles' look-alikes before a municipality's suffix (ＡＡ町) that no print of △△
    elsewhere in the document put right."""
    m = _TRIANGLE_RUN.search(flat)
    return f"{m.group(0)!r} before {m.group(1)!r}: the placeholder △△ misread?" if m else ""


def mend_placeholder_reads(rows: list[RawRow]) -> int:
    """The rows' cell lines (in place) with squares' look-alikes before a suffix written □□
    (``mend_square_reads``) and triangles' written △△ where the document prints △△ before the
    same suffix; the number of lines changed (rows changed are flagged ``ocr_corrected``)."""
    suffixes = {
        m.group(1)
        for row in rows
        for column in _TEXT_COLUMNS
        for cl in row.cells.get(column) or []
        for m in _PRINTED_TRIANGLES.finditer(cl.text)
    }

    def triangles(m: regex.Match) -> str:
        return "△" * len(m.group(0)) if m.group(1) in suffixes else m.group(0)

    changed = 0
    for row in rows:
        for column in _TEXT_COLUMNS:
            lines = row.cells.get(column) or []
            texts = [_TRIANGLE_RUN.sub(triangles, mend_square_reads(cl.text)) for cl in lines]
            changed += rewrite_lines(row, lines, texts)
    return changed
