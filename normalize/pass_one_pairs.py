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
"""

from __future__ import annotations

from piatable.models import CellLine

from .items import heading_score

# A wrapped line this much like a heading of the form is the item's.
ITEM_LIKE_SCORE = 0.5


def beside_pair(cells: list[list[CellLine]], put: dict[str, CellLine], body_lines: list[CellLine]) -> list:
    """The row's cells (item, before, after, explanation) with pass 1's before and after
    (``put``) and the wrapped lines read as before / after (``body_lines``) given to the
    explanation or the item (see the module's docstring)."""
    k = len(body_lines)
    if "explanation" not in put and cells[3]:
        like = [m + 1 for m, cl in enumerate(body_lines) if heading_score(cl.text) >= ITEM_LIKE_SCORE]
        k = max(like, default=0)
    return [cells[0] + body_lines[:k], [put["before"]], [put["after"]], body_lines[k:] + cells[3]]
