"""A record printed over two sheet rows, read back as one (branch tworow69, set XXX).

An author whose cell text is too long for one spreadsheet row goes on in the next sheet row:
that row prints no 変更日, 項目 nor 提出時期 of its own and holds the rest of 変更前 / 変更後 /
説明 (one, two or all three).  The grid reads it as a row of its own: on a ruled page with empty
date, item and timing (a ``timing_missing`` row of text fragments), in layout text with the
values above copied in as if merged (``merged_cell_filled``).

A row under merged cells (a new change sharing a merged 変更日 / 項目 / 提出時期 with the row
above) looks alike.  What tells them apart, by the cells' text:

* the row continues the row above where one of its cells opens mid-phrase (a particle, 、, a
  dependent word: ``phrase_openings.starts_mid_phrase``) or the cell above it stops open (its
  last line ends no sentence, value or bracket, and the cell is more than one line: a value of
  one line, ``市民部市民課``, ends with no 。 and is whole);
* a change prints its own 変更前 and 変更後: a row holding text in only one of them (or in the
  説明 only) continues the row above, unless that cell closes as a change's cell does
  (上記を新規追加, 新規追加, 削除: an added or deleted change of its own) or the 説明 alone reads
  as a reason (a row of only an explanation beside a merged date, ``lone_explanations``);
* on a ruled page a row under merged cells has their values filled in; a row whose 変更日, 項目
  and 提出時期 are all empty with its 変更前 and 変更後 both its own is a continuation only by the
  ruling's lack of a merge: joined, in doubt (``row_split_guess``).

Every column holding the row's text must hold text in the row above too (a cell is continued,
never begun, in the next sheet row).  A row so joined is the row above's; a join the text does not
settle carries ``row_split_guess`` with the reason (``JOIN_GUESS_WHY``).
"""

from __future__ import annotations

from typing import Protocol

import regex

from piatable.vocabulary import EXPLANATION_ENDING

from ..chars import RUNNING_PARTICLES, SENTENCE_END
from ..phrase_openings import starts_mid_phrase
from .common import cell_text
from .lines import Line

DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)
ANCHORS = (DATE, ITEM, TIMING)
TEXT_COLUMNS = (BEFORE, AFTER, EXPLANATION)
# How a change's own 変更前 / 変更後 cell ends when the change adds or deletes a whole entry.
_CHANGE_MARK_END = regex.compile(r"(?:新規追加|追加|削除|記載なし|該当なし|なし)[。.]?\s*$")
# What a closed line of a text cell ends with besides a sentence's end: a closing bracket.
_CLOSED_ENDINGS = frozenset("）)」』］]＞>】")

JOIN_WHY = "printed over two sheet rows: the next row, with no 変更日, 項目 nor 提出時期 of its own, continues its {cells}"
JOIN_GUESS_WHY = (
    "the next sheet row, with no 変更日, 項目 nor 提出時期 of its own, was read as the rest of this "
    "row's {cells}; a change of its own under merged cells would print so too"
)
_NAMES = {BEFORE: "変更前", AFTER: "変更後", EXPLANATION: "説明"}


class GridRow(Protocol):
    """What this module needs of a grid row (``rows._Row``)."""

    cells: dict[int, list[Line]]
    page_start: int
    page_end: int
    flags: list[str]
    doubt: str | None
    table: int


def _own(row: GridRow, above: GridRow, c: int) -> str:
    """The row's own text in column ``c``: "" when empty or the same as the row above's (a merged
    cell's value copied in)."""
    text = cell_text(row.cells.get(c))
    return "" if text == cell_text(above.cells.get(c)) else text


def _stops_open(lines: list[Line]) -> bool:
    """The cell's last line ends no sentence, bracket or change mark and the cell has two lines
    or more (one line may be a whole value printed without 。), or it ends on a particle or 、
    (``組織改正に``: no value ends so)."""
    last = lines[-1].text.rstrip(" \u3000") if lines else ""
    if last[-1:] in RUNNING_PARTICLES or last[-1:] == "、":
        return True
    if len(lines) < 2:
        return False
    return bool(last) and last[-1] not in SENTENCE_END and last[-1] not in _CLOSED_ENDINGS and not (
        _CHANGE_MARK_END.search(last) or EXPLANATION_ENDING.search(last)
    )


def continuation_of(row: GridRow, above: GridRow) -> tuple[list[int], bool] | None:
    """The columns of ``row`` that continue ``above``'s cells and whether the text settles it
    (True) or the join is a guess (False); None when ``row`` is a row of its own."""
    if row.table != above.table or any(_own(row, above, c) for c in ANCHORS):
        return None
    own = [c for c in TEXT_COLUMNS if _own(row, above, c)]
    if not own or any(not cell_text(above.cells.get(c)) for c in own):
        return None
    opens = any(
        _stops_open(above.cells[c]) or starts_mid_phrase(cell_text(row.cells.get(c))) for c in own
    )
    if opens:
        return own, True
    body = [c for c in own if c in (BEFORE, AFTER)]
    if len(body) == 1 and not _CHANGE_MARK_END.search(cell_text(row.cells.get(body[0]))):
        return own, EXPLANATION not in own
    if not body:
        return None  # an explanation alone beside merged cells: a row of its own (explonly19)
    unfilled = all(not cell_text(row.cells.get(c)) for c in ANCHORS)
    if len(body) == 2 and unfilled and "merged_cell_filled" not in row.flags:
        return own, False
    return None


def join_continued_rows(rows: list[GridRow]) -> None:
    """Join each row that continues the row above into it (``continuation_of``), in place: its
    own 変更前 / 変更後 / 説明 lines appended to the row above's cells, its pages added."""
    k = 1
    while k < len(rows):
        row, above = rows[k], rows[k - 1]
        found = continuation_of(row, above)
        if found is None:
            k += 1
            continue
        own, settled = found
        for c in own:
            above.cells[c] = [*above.cells.get(c, []), *row.cells[c]]
        above.page_end = max(above.page_end, row.page_end)
        if not settled:
            cells = " / ".join(_NAMES[c] for c in own)
            above.doubt = above.doubt or JOIN_GUESS_WHY.format(cells=cells)
        del rows[k]
