"""A 提出時期 cut by a page or column break: 事 at the foot of one part, 前 / 後 at the top of the next.

A 提出時期 column so narrow that 事後 wraps to 事 / 後 (one character a line) leaves, when the row
breaks over a page or over the columns of a page printed in columns (``side_halves``; set XXVIII
t03, Writer), 事 as the last row's timing on one part and 後 atop the next, with the rest of the
row's item beside it.  The top row's own item would make it a row of its own (``rows._take_row``
joins a dateless top row only when it has no item or no timing); a timing that completes the row
above's into 事前 / 事後 shows it is the rest of that row.  So does a check box completing the row
above's (Writer breaking a row between the two options: ``☑事前`` at the foot of one page,
``□事後`` atop the next with the item's tail and the explanation's last paragraph; set XXXI t05).

Shapes: cells are ``{column index: [Line, ...]}`` (``grid.common``), the timing a string.
"""

from __future__ import annotations

from ..chars import without_whitespace
from ..timing_boxes import halves_of_one_choice
from .common import cell_text

# The two timings and the column that prints them.
TIMINGS = ("事前", "事後")
TIMING_COLUMN = 4


def completes_timing(rows: list, timing: str) -> bool:
    """Whether ``timing`` (the top row's 提出時期 text) completes the 提出時期 of the last row of
    ``rows`` (rows with ``cells``) into 事前 or 事後, neither being one alone."""
    if not rows:
        return False
    above = rows[-1].cells
    head = without_whitespace(cell_text(above.get(TIMING_COLUMN)))
    tail = without_whitespace(timing)
    if not head or not tail:
        return False
    return (head not in TIMINGS and head + tail in TIMINGS) or halves_of_one_choice(head, tail)
