"""Rows of a spaced-out text whose cells the spacing may have run together (issue 10, branch
spaced23).

Text copied from document-sharing sites prints a space between characters.  Where the spacing
left the text's own single spaces looking like its own (``spacing_evidence.own_spaces_lost``: spaced
between non-space or Japanese characters only), a space that parted two cells printed side by
side on one line of pypdfium2 or ``pdftotext -raw`` text (``市民課 市民生活部 組織改正``) went
with the rest, and the reader takes the line for one cell: the after cell holds the before and
the after (``国民健康保険情報ファイル国民健康保険情報ファイル``), the explanation is empty, or
新規追加 opens the explanation.

Such a row is left with an empty text cell (before, after or explanation) beside a filled one.
Here each such row gets ``column_guess`` on its filled text cells, unless the empty cell is the
before cell of an after cell that opens with 新規追加 / 削除 (which say why it is empty).  Measured on
samples/office-spaced23 (tuning; rows aligned as tools/eval_office.py does): see the README's
hygiene section for how many wrong and right rows it warns.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

TEXT_FIELDS = ("before", "after", "explanation")
# An after cell that says the item is new (or gone) explains its empty before cell.
_ADDED_OR_REMOVED = regex.compile(r"^\s*(?:上記を)?(?:新規追加|削除)")

WHY = (
    "the text was spaced out and its own single spaces cannot be told from the spacing's: the"
    " {empty} cell is empty, its text may be run into this cell"
)


def lost_space_doubts(row: RawRow) -> list[Doubt]:
    """``column_guess`` on each filled text cell of a row with an empty one (module docstring)."""
    filled = [f for f in TEXT_FIELDS if any(cl.text.strip() for cl in row.cells.get(f, ()))]
    empty = [f for f in TEXT_FIELDS if f not in filled]
    if empty == ["before"] and _ADDED_OR_REMOVED.match("".join(cl.text for cl in row.cells["after"])):
        return []
    if not filled or not empty:
        return []
    return [Doubt("column_guess", f, WHY.format(empty=" / ".join(empty))) for f in filled]
