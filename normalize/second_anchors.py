"""Rows under a merged 項目 and a merged 変更日 in row-ordered text: a second 提出時期 opens a row.

Writer draws a table row by row, cell by cell; a cell merged over rows (vMerge) prints once, in
its first row.  Under a 変更日 merged over a block and a 項目 merged over a run inside it, the
rows after the run's first print neither a date nor a section (Ⅰ…Ⅵ) to open them, only their
own before, after, 提出時期 and explanation.  ``stream._blocks`` opens rows at dates and
sections, so such a row ran into the row above: its lines after the row above's explanation,
its 提出時期 a second anchor among them, and every later cell one row off (set XXIII: 10 rows of
a Writer and a Calc table wrong, unwarned; ``samples/office-merged62``).

Each row prints one 提出時期, so a second one alone on a line after a row's anchor is the next
row's.  Between the two anchors stand the row's explanation and the next row's body; where one
ends, the text shows by the explanation column: the row's explanation lines fit its width
(``expl_width``, the widest width the blocks' first explanation lines share), and its last line
ends as a reason ends (``EXPLANATION_ENDING``: …による修正, …に該当しない; not 削除 / 上記を
新規追加, which close an after cell) at a hard break: no soft wrap into the next line, or a next
line too wide for the column (the next row's body, which no explanation line runs into).  The cut
is the last such line before a line too wide for the column (the next row's before or after)
or before the anchor, and never before a stock sentence of the column (``重大な変更に該当しない``:
the explanation's second paragraph).  Where another line before it could end the explanation
as well (``explanation_ends`` gives more than one cut), both rows get ``row_split_guess``
(``CUT_DOUBT_WHY``): the text does not decide.  No such line: the lines are left as they are
(the row stays one, and ``undated_runs`` warns it where the 提出時期 outnumber the rows).

The rows so opened print no 項目 of their own when the item is merged: ``stream`` carries the
row above's item into them (``merged_cell_filled``, as the readers fill every merged cell).
"""

from __future__ import annotations

from piatable.models import CellLine
from piatable.settings import RejoinSettings
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES, TIMING

from .chars import display_width
from .partition import ADDITION_MARKERS, DELETION_MARKERS
from .rejoin import is_soft_break, same_printed_line
from .tokenizer import Tokenizer

# Display units an explanation line may run wider than the column's width (half-width
# characters and a closing bracket leave lines a unit or two over).
EXPLANATION_SLACK_UNITS = 2
CUT_DOUBT_WHY = (
    "a second 提出時期 opened a row under a merged 項目, but the explanation before it could end "
    "at more than one line: where this row and its neighbour part is a guess"
)
# Lines a stock sentence of the explanation column wraps over at most.
STOCK_SENTENCE_LINES = 3


def is_anchor(cl: CellLine) -> bool:
    """Whether ``cl`` is a 提出時期 alone on its line (``事前`` / ``事後``)."""
    return bool(TIMING.match(cl.text))


def _ends_reason(lines: list[CellLine]) -> bool:
    """Whether ``lines`` (an explanation's, joined: a reason wrapped …の変 / 更) end as a reason
    ends, their last line no closing word of an after cell (削除, 上記を新規追加)."""
    last = lines[-1].text.strip()
    if ADDITION_MARKERS.match(last) or DELETION_MARKERS.match(last):
        return False
    return bool(EXPLANATION_ENDING.search("".join(cl.text.strip() for cl in lines)))


def _opens_stock_sentence(lines: list[CellLine]) -> bool:
    """Whether ``lines`` open with a stock sentence of the explanation column (重大な変更に該当
    しない, 特定個人情報保護評価の再実施には該当しない: ``EXPLANATION_PHRASES``), wrapped or not:
    an explanation's second paragraph, never a before or after cell's opening."""
    head = "".join("".join(cl.text.split()) for cl in lines[:STOCK_SENTENCE_LINES])
    return head.startswith(EXPLANATION_PHRASES)


def explanation_end(
    lines: list[CellLine], expl_width: int, rejoin: RejoinSettings, tokenizer: Tokenizer | None
) -> int | None:
    """Where the explanation opening ``lines`` ends and the next row's body begins (1 to
    len(lines) - 1), or None when the text does not show it (module notes).  ``lines`` are a
    row's lines after its anchor up to the next row's anchor; ``expl_width`` is in display
    units (0: unknown, no cut)."""
    cuts = explanation_ends(lines, expl_width, rejoin, tokenizer)
    return cuts[0] if cuts else None


def explanation_ends(
    lines: list[CellLine], expl_width: int, rejoin: RejoinSettings, tokenizer: Tokenizer | None
) -> list[int]:
    """Every cut ``explanation_end`` would take, the one it takes first (the last line that
    ends a reason, module notes): more than one means the text leaves the cut in doubt (a
    reason ending inside the explanation, or the next row's first lines ending as one does)."""
    cuts: list[int] = []
    if expl_width <= 0 or len(lines) < 2:
        return cuts
    limit, wide = len(lines) - 1, False
    for k, cl in enumerate(lines):
        if display_width(cl.text) > expl_width + EXPLANATION_SLACK_UNITS:
            limit, wide = min(limit, k), k <= limit
            break
    for c in range(limit, 0, -1):
        prev, nxt = lines[c - 1], lines[c]
        if not _ends_reason(lines[:c]) or same_printed_line(prev, nxt) or _opens_stock_sentence(lines[c:]):
            continue
        # A line too wide for the explanation column is no wrap of it (the next row's body),
        # nor is the line after one ending a reason whole (…による修正).
        whole = EXPLANATION_ENDING.search(prev.text.strip()) or (wide and c == limit)
        if not whole and is_soft_break(prev, nxt, expl_width, rejoin, tokenizer):
            continue
        cuts.append(c)
    return cuts
