"""An explanation's wrapped first line read as the 変更後 cell's last line: given back.

Row-ordered text of a Calc table with blank separator rows (set XXIX t04: pypdfium2, pypdf,
``-raw``, a PDFium viewer's copy) printed a row's after cell and then its explanation, one line
each, and the reader cut them a line late: after ``…完全消去を行う。`` / ``マイナポータルからの転出届の受付``,
explanation ``開始に伴う追加`` (conf 0.892, no warning).  The line's width tells whose it is:
it is as wide as the explanation column wraps (the commonest width of the table's explanation
lines that are not their cell's last, ``column_wrap_width``: the reader's estimate
``RawRow.widths`` took the after column's for it in t04) and narrower than the after column's;
it opens a paragraph after a line closing a sentence (。), and it ends none.  Such a line is
moved to the head of the explanation, wrapped into its first paragraph, and the row keeps a
confidence-only ``cut_guess`` saying so.

Only for rows of flattened text read without positions and not paired column by column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from piatable.models import Doubt, RawRow

from .chars import display_width

# How near (display units) the line's width is to the explanation column's wrap width.
WIDTH_SLACK = 1.0
# Lines that must show the explanation column's wrap width before it is trusted.
MIN_WRAPPED_LINES = 3
# The after column is wider than the explanation's by this much at least (display units).
MIN_WIDTH_GAP = 4.0
# What ends a sentence or a reason (the line must end none).
_ENDS = ("。", "）", ")", "」")
WHY = (
    "the after cell's last line ({text}) is as wide as the explanation column wraps ({width:.0f}"
    " units), opens after a sentence and ends none: read as the explanation's wrapped first line"
)


def column_wrap_width(rows: list[RawRow], column: str) -> int | None:
    """The commonest display width (``MIN_WRAPPED_LINES`` lines at least, widths a unit apart
    counted together) of ``column``'s lines in ``rows`` that are not their cell's last (a wrapped
    line is as wide as its column lets it be), or None."""
    widths = Counter(display_width(cl.text.strip()) for r in rows for cl in r.cells[column][:-1])
    best = max(widths, key=lambda w: (widths[w] + widths[w + 1], w), default=None)
    if best is None or widths[best] + widths[best + 1] < MIN_WRAPPED_LINES:
        return None
    return best + 1 if widths[best + 1] > widths[best] else best


def give_back_explanation_heads(rows: list[RawRow]) -> None:
    """``give_back_explanation_head`` of each row of a table, the columns' wrap widths measured
    on the table's rows of flattened text read without positions."""
    plain = [r for r in rows if not r.positioned and not any(d.kind == "column_order" for d in r.doubts)]
    e_width, a_width = column_wrap_width(plain, "explanation"), column_wrap_width(plain, "after")
    if e_width is None or a_width is None:
        return
    for row in plain:
        give_back_explanation_head(row, e_width, a_width)


def give_back_explanation_head(row: RawRow, e_width: float, a_width: float) -> None:
    """Move the after cell's last line of ``row`` to the head of its explanation when the module
    notes' evidence says it is the explanation's (``e_width`` / ``a_width``: the explanation's and
    the after column's wrap widths, display units), adding a ``cut_guess`` doubt; else nothing."""
    after, expl = row.cells["after"], row.cells["explanation"]
    if not e_width or not a_width or a_width - e_width < MIN_WIDTH_GAP or len(after) < 2 or not expl:
        return
    last, above = after[-1].text.strip(), after[-2].text.strip()
    if not last or not above.endswith("。") or last.endswith(_ENDS):
        return
    if abs(display_width(last) - e_width) > WIDTH_SLACK:
        return
    first = expl[0].text.strip()
    if not first or first.endswith("。"):
        return
    row.cells["after"] = after[:-1]
    row.cells["explanation"] = [replace(after[-1], wraps=True), *expl]
    row.doubts.append(Doubt("cut_guess", "explanation", WHY.format(text=last, width=e_width)))
