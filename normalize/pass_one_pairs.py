"""The wrapped lines of a row whose before and after cells Calc printed in pass 1 (issues 10 and
12, branch raw49; new user's set IX c2).

When a row's before and after fit one line each, Calc prints them with the row's date and timing
in pass 1 (``passone``), and pass 2 holds only the row's item and, when it wraps or has two
paragraphs, its explanation::

    2023/4/1                                       ← pass 1 (cells valigned apart: own lines)
    総務部 情報政策課 総務部 デジタル推進課
    事後
    Ⅰ基本情報 / ６．評価実施機関における担当部署
    ①部署 組織改編に伴う変更                      ← pass 2: item, then the explanation
    重要な変更に当たらない

The row's reading (``singlepass.split_row_scored``) may still take the explanation's first
paragraph for before / after lines; those lines were given to the item, and the explanation kept
only its second paragraph.  What the text gives honestly: no before / after line is in pass 2, so
such lines are the item's last or the explanation's first.  When the row has an explanation in
pass 2, those after the last that reads as a heading of the form (``items.heading_score`` at
``ITEM_LIKE_SCORE`` or more: ``移転先２``, ``①法令上の根拠``) open the explanation; that one and
those above it stay the item's.

With the explanation in pass 1 as well, wrapped lines that read as no heading are a before or
after cell Calc drew in pass 2 (a wrapped or rich-text cell): then the two pieces of one printed
line pass 1 gave as before and after are one cell with a space inside (``市民生活部　市民課``; the
extractors part a line's pieces at a space, full-width or not), read as the before cell as
``passone.text_columns`` reads a lone piece, and the row says so (``column_guess``) — when the
wrapped lines open as the two pieces joined do, further than the pieces open alike (the other
cell of an edit: ``市民生活部 市民課`` → ``市民生活部 市民窓口課``); lines of rows printed under a
merged item (``untaken_timings``) do not.
"""

from __future__ import annotations

from piatable.models import CellLine, Doubt

from .crowded_values import SHARED_OPENING_MIN, shared_opening
from .items import heading_score
from .rejoin import same_printed_line

# A wrapped line this much like a heading of the form is the item's.
ITEM_LIKE_SCORE = 0.5
ONE_CELL_WHY = (
    "two pieces of one pass-1 line read as one cell (a space inside it), the wrapped lines as the"
    " other: which of before / after pass 1 printed is a guess"
)


def _rewrites(left: str, right: str, body_lines: list[CellLine]) -> bool:
    """The wrapped lines open as the two pieces joined do, over more characters than the pieces
    open alike (``市民生活部 市民課`` → ``市民生活部 市民窓口課``): the one cell and its changed
    text."""
    shared = shared_opening(f"{left} {right}", " ".join(cl.text for cl in body_lines))
    return shared >= SHARED_OPENING_MIN and shared > shared_opening(left, right)


def beside_pair(
    cells: list[list[CellLine]], put: dict[str, CellLine], body_lines: list[CellLine]
) -> tuple[list[list[CellLine]], list[Doubt]]:
    """The row's cells (item, before, after, explanation) with pass 1's before and after
    (``put``) and the wrapped lines read as before / after (``body_lines``) given to the
    explanation or the item, or pass 1's two pieces read as one cell (see the module's
    docstring); and the doubts of that reading."""
    k = len(body_lines)
    if "explanation" not in put and cells[3]:
        like = [m + 1 for m, cl in enumerate(body_lines) if heading_score(cl.text) >= ITEM_LIKE_SCORE]
        k = max(like, default=0)
    elif (
        "explanation" in put
        and body_lines
        and same_printed_line(put["before"], put["after"])
        and all(heading_score(cl.text) < ITEM_LIKE_SCORE for cl in body_lines)
        and _rewrites(put["before"].text, put["after"].text, body_lines)
    ):
        one = CellLine(f"{put['before'].text} {put['after'].text}", put["before"].page, put["before"].line_no)
        return [cells[0], [one], body_lines, cells[3]], [Doubt("column_guess", "before", ONE_CELL_WHY)]
    return [cells[0] + body_lines[:k], [put["before"]], [put["after"]], body_lines[k:] + cells[3]], []
