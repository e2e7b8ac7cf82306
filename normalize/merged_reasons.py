"""Rows under a 提出時期 and 説明 merged over several rows, in Calc's two-pass text (issue 10).

A user who writes one timing and one explanation for a run of rows merges the two cells over
the run.  Calc draws a merged cell once, with the run's first row: the timing in pass 1 (it fits
one line), the explanation with the first row's wrapped cells.  The later rows of the run print
neither, so their wrapped lines hold an item, a before and an after only.  Read as rows with an
explanation of their own, their last lines (the after cell's, or the item's last heading) became
an explanation and every other cell moved by one, or an empty explanation was left in the row.

A row that shares the timing of the row above (``merged_cell_filled``) is read again without an
explanation; when that reading is about as good (``MERGED_REASON_SLACK``) and the explanation the
first reading found does not end as an explanation ends, the row shares the explanation of the
row above, flagged ``merged_cell_filled``, with the doubt ``cut_guess`` (its own explanation may
be short and plain).
"""

from __future__ import annotations

from piatable.models import CellLine, Doubt, RawRow
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES

# A row under a merged timing is read without an explanation when that costs at most this much
# more than its best reading with one (cost units of ``split_row_scored``; an empty explanation
# costs ``singlepass.EMPTY_EXPLANATION_COST``).
MERGED_REASON_SLACK = 1.0
MERGED_REASON_WHY = (
    "the row shares the timing of the row above and its lines read as well without an explanation:"
    " the explanation merged above is shared"
)


def ends_as_reason(lines: list[CellLine]) -> bool:
    """Whether the cell's text ends as a 提出時期に係る説明 does (…に伴う修正, 重大な変更に該当しない)."""
    text = "".join(cl.text for cl in lines).strip().rstrip("。．")
    if not text:
        return False
    return any(text.endswith(s) for s in EXPLANATION_PHRASES) or bool(EXPLANATION_ENDING.search(text))


def reads_without_reason(own: list[CellLine], cost_with: float, cost_without: float) -> bool:
    """Whether a row under a merged timing holds no explanation of its own: ``own`` (the
    explanation its best reading found) is empty, or does not end as an explanation ends while
    the reading without one costs little more (``MERGED_REASON_SLACK``)."""
    if not own:
        return True
    return not ends_as_reason(own) and cost_without <= cost_with + MERGED_REASON_SLACK


def share_reason(row: RawRow, above: RawRow | None) -> bool:
    """Give ``row`` the explanation of the row above (a merged cell, copied) with the flag
    ``merged_cell_filled`` and a ``cut_guess`` doubt; False when the row above has none."""
    if above is None or not above.cells["explanation"]:
        return False
    row.cells["explanation"] = [CellLine(cl.text, cl.page, cl.line_no) for cl in above.cells["explanation"]]
    row.flags.append("merged_cell_filled")
    row.doubts.append(Doubt("cut_guess", "explanation", MERGED_REASON_WHY))
    return True
