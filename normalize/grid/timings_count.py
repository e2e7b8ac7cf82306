"""Layout text: more 提出時期 printed than rows read means rows were lost or run together.

Each row prints its 提出時期 (事前 / 事後) once, or none where the cell is merged over rows (one
word for several rows), so a table region printing more of them than there are rows holds rows
the reader did not make.  The stream reader counts so (``conservation.timings_beyond_rows``);
the ``-layout`` grid only flagged a row holding two (``lost_lines.flag_merged_rows``), which misses
rows whose cells went to the wrong columns: heldout-twodates59's PyMuPDF sort=True text of a Calc
table (its second page's label row glued to the first page's last line, the page's columns read
wrong: 5 rows of 7, every 事前 / 事後 of page 2 in the 項目 column, status success).

Counted: words that are a 提出時期 alone (``事前``, ``事 後``, ``[ 事前 ]``) in the rows' 変更日,
項目 and 提出時期 cells, and lines of the explanation that are one, against the rows read (PyMuPDF
sort=True prints a row's 提出時期 in its neighbour's explanation: heldout-flow55, office-newline56).
Not counted: the 変更前 / 変更後 cells (a change of the 提出時期 itself prints one as a value), and
an explanation's line that is a sentence's word wrapped alone (``…評価書の提出は`` / ``事前``:
office-lastline58): the line above ends inside a sentence (kana, 、) and the line is the cell's
last or the next goes on with kana.  A sentence's 事前に is no word of its own.  A row holding two
in its 提出時期 cell is flagged apart (``lost_lines.flag_merged_rows``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from piatable.vocabulary import TIMING, TIMING_CHOICE

if TYPE_CHECKING:
    from .rows import _Row

# Columns whose lines are counted: 変更日, 項目, 提出時期 (0-based grid columns).
COUNTED_COLUMNS = (0, 1, 4)
# The explanation's column, whose lines count when they are a 提出時期 not inside a sentence.
EXPLANATION = 5
# A line ending inside a sentence, and a line going on with one.
_ENDS_IN_SENTENCE = regex.compile(r"[\p{Hiragana}、]\s*$")
_GOES_ON = regex.compile(r"^\s*[\p{Hiragana}、。）]")

NOTE = (
    "the table region prints {n} more 提出時期 (事前 / 事後) than rows were read; rows may be"
    " missing or run together"
)


def _is_timing(text: str) -> bool:
    return bool(TIMING.match(text) or TIMING_CHOICE.match(text))


def _in_sentence(texts: list[str], k: int) -> bool:
    """Line ``k`` of a cell is a word of the sentence the line above wraps."""
    above = k > 0 and bool(_ENDS_IN_SENTENCE.search(texts[k - 1]))
    return above and (k + 1 == len(texts) or bool(_GOES_ON.match(texts[k + 1])))


def timings_beyond_layout_rows(rows: list[_Row]) -> int:
    """How many more 提出時期 the rows' cells print than there are rows (module docstring); 0 when
    no more."""
    lines = [ln for r in rows for c in COUNTED_COLUMNS for ln in r.cells.get(c, [])]
    printed = sum(_is_timing(w.text) for ln in lines for w in ln.words)
    for r in rows:
        texts = [ln.text for ln in r.cells.get(EXPLANATION, [])]
        printed += sum(_is_timing(t) and not _in_sentence(texts, k) for k, t in enumerate(texts))
    return max(0, printed - len(rows))
