"""Rows of a ruled block parted in one text column only: a stroke under a line of 変更前 / 変更後
taken for a row ruling?  (Issue 12, branch cols61.)

A horizontal stroke under a line of text is an underline (``ruled.mark_decorations``) when it
lies on the run of text above it; one that starts a hair left of the run's first glyph box (set
XXII t02, Chromium: a red underline from the pen's origin, 0.001 pt left of the slack past 生's
ink box) is kept as a ruling, and a row whose 変更後 it underlines is read as two rows sharing
every other cell (``merged_cell_filled``), unwarned.  A table merges 変更日, 項目, 提出時期 and 説明
over rows, and may merge one of 変更前 / 変更後; a block whose every column but one of 変更前 /
変更後 is merged over the same rows is rare in a table and is what such a stroke makes, so its
rows are warned ``row_split_guess`` (``lone_split_doubts``).
"""

from __future__ import annotations

# The text columns (変更前, 変更後) a stroke under a line may part.
TEXT_COLUMNS = (2, 3)

WHY = (
    "rows {first}-{last} share every cell but {label}, which a horizontal stroke parts: it may be"
    " an underline under a line of text, read as a row ruling (one row read as two)"
)
_LABELS = {2: "変更前", 3: "変更後"}


def lone_split_doubts(spans: list[dict[int, tuple[int, int]]]) -> dict[int, str]:
    """Row index → why, for the rows of ``spans`` (``PageRows.spans``: column → (first row, end
    row) of its cell) whose cells all span the same block of two or more rows but one, of
    ``TEXT_COLUMNS``, which is one row high."""
    out: dict[int, str] = {}
    for r, cols in enumerate(spans):
        own = [c for c, (a, b) in cols.items() if b - a == 1]
        blocks = {(a, b) for c, (a, b) in cols.items() if b - a > 1}
        if len(own) == 1 and own[0] in TEXT_COLUMNS and len(blocks) == 1 and len(cols) > 2:
            first, last = next(iter(blocks))
            out[r] = WHY.format(first=first + 1, last=last, label=_LABELS[own[0]])
    return out
