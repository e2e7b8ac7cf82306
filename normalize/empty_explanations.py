"""A 説明 column left empty on every row, in Calc's two-pass text (``twophase``; issue 10, set XI
c6_noexpl, branch spill50).

In ``pdftotext -raw`` and pypdfium2 text of a Calc sheet, a row's wrapped cells follow one
another (item, before, after, explanation) and nothing marks where the after cell ends.  Where
the explanation column holds text, its lines wrap at its own width and it opens as a cell opens;
where the column is empty on every row, the reader still cuts an "explanation" off each after
cell: the after cell's last lines, as wide as its others, and one of them often opening mid-phrase
(``で定めるもの``, ``を求める。``: the after cell's sentence goes on).  Every such row was wrong.

The text shows the column empty when, over the rows read:

* the explanation's chosen wrap width is the before / after cells' (within
  ``EMPTY_WIDTH_SLACK_UNITS``): by width nothing tells the explanation's lines from the after
  cell's;
* at least ``EMPTY_MIN_ROWS`` rows cut an explanation off, and none of those reads as a reason
  (``reason_tails.reads_as_reason``) or holds a stock sentence on the change's weight
  (``EXPLANATION_PHRASES``), as explanations do;
* at least one of them runs on from the after cell: it opens mid-phrase (a hiragana, a closing
  bracket or punctuation: no cell opens so; LibreOffice applies no kinsoku), or the after cell's
  last line fills its column and ends no sentence (the cell wrapped there).

Then the rows are read with no explanation in their wrapped lines.  A single row, or rows whose
cut explanations read as explanations, decide nothing: the reading is left as it was.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine
from piatable.settings import Settings
from piatable.vocabulary import EXPLANATION_PHRASES

from .chars import display_width
from .reason_tails import FULL_LINE_SLACK_UNITS, SENTENCE_ENDS, reads_as_reason
from .singlepass import split_row_scored
from .tokenizer import Tokenizer

# The explanation's wrap width within this many display units of the body's: no narrower column.
EMPTY_WIDTH_SLACK_UNITS = 2
# Rows with an explanation cut off that must agree before the column is read as empty.
EMPTY_MIN_ROWS = 3
# What opens a line in the middle of a phrase: no cell's first line opens so.
_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー]")


def _explanation_like(lines: list[CellLine]) -> bool:
    text = "".join(cl.text for cl in lines)
    squashed = regex.sub(r"[\s　]+", "", text)
    if any(phrase in squashed for phrase in EXPLANATION_PHRASES):
        return True
    return reads_as_reason(text) or any(reads_as_reason(cl.text) for cl in lines)


def explanation_column_empty(
    blocks: list[list[CellLine]], narrow: int, body: int, expl: int, settings: Settings, tok: Tokenizer
) -> bool:
    """Whether the rows' wrapped lines ``blocks`` (item width ``narrow``, before / after width
    ``body``, chosen explanation width ``expl``, display units) hold no explanation at all (see
    the module's rules)."""
    if expl < body - EMPTY_WIDTH_SLACK_UNITS:
        return False
    cut: list[list[CellLine]] = []
    ran_on = False
    for lines in blocks:
        if not lines:
            continue
        cells = split_row_scored(lines, narrow, body, settings, tok, expl, strict=True)[0]
        if cells[3]:
            cut.append(cells[3])
            ran_on = ran_on or _runs_on(cells[2], cells[3], body)
    if len(cut) < EMPTY_MIN_ROWS or any(_explanation_like(lines) for lines in cut):
        return False
    return ran_on


def _runs_on(after: list[CellLine], expl: list[CellLine], body: int) -> bool:
    """The cut explanation goes on with the after cell's sentence: it opens mid-phrase, or the
    after cell's last line fills the column (within ``FULL_LINE_SLACK_UNITS``) and ends no
    sentence (``…ネットワークシステ`` / ``ム）``: the cell wrapped there)."""
    if _MID_PHRASE.match(expl[0].text):
        return True
    if not after:
        return False
    last = after[-1].text.rstrip()
    return display_width(last) >= body - FULL_LINE_SLACK_UNITS and last[-1:] not in SENTENCE_ENDS
