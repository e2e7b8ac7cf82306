"""Whether a line's cell openings can stand under the header's column labels.

A column label lies inside its column's header cell (centred or at its start), so the column's
text opens at or left of the label's start; ``pdftotext -layout`` moves a line by a character or
two.  A line whose pieces open right of the labels of the columns they would be read as (a
Calc cell wrapped at a full-width space, ``番号法第９条第１項   別表の９４の項``, seen as two cells
of a row whose 変更前 is empty) does not show where the columns start (set XIV t03, rows 0–1).
"""

from __future__ import annotations

from collections.abc import Sequence

# Text columns a cell may open right of its column label's start (pdftotext's placement jitter).
LABEL_START_SLACK = 3.0
# Text columns a cell may open left of the end of the label before its column's (the same jitter).
LABEL_END_SLACK = 1.0


def opens_under_labels(
    x0s: Sequence[float], labels: dict[int, tuple[float, float]] | None, slack: float = LABEL_START_SLACK
) -> bool:
    """True when no opening ``x0s[k]`` (column ``k``'s, in the labels' units) stands more than
    ``slack`` right of column ``k``'s label start, nor one of 変更前 or a later column more than
    ``LABEL_END_SLACK`` left of the end of the label before it (that label lies in the column
    before: a 項目 printed over sub-columns under one centred label prints its 小項目 left of
    the label's end, and a 小項目 run up to the 変更前 text reads as six cells, set XXXI t04);
    without labels every line passes."""
    if not labels:
        return True
    return all(k not in labels or x <= labels[k][0] + slack for k, x in enumerate(x0s)) and all(
        k < 2 or k - 1 not in labels or x >= labels[k - 1][1] - LABEL_END_SLACK for k, x in enumerate(x0s)
    )
