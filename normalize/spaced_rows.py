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
before cell of a row that says it adds its item (``_is_addition``: an after cell opening or
ending with (上記を)新規追加 / 削除, an explanation ending with 追加 / 新設), which has none.  Measured on
samples/office-spaced23 (tuning; rows aligned as tools/eval_office.py does): see the README's
hygiene section for how many wrong and right rows it warns.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

TEXT_FIELDS = ("before", "after", "explanation")
# An after cell that says the item is new (or gone), at its start or its end, or an explanation
# that names an addition (…に伴う追加, …の新設), explains an empty before cell: an addition has none.
_ADDED_OR_REMOVED = regex.compile(r"^\s*(?:上記を)?(?:新規追加|削除)|(?:上記を)?新規追加\s*$")
_ADDITION_EXPLAINED = regex.compile(r"(?:追加|新設)[。.]?\s*$", regex.MULTILINE)

WHY = (
    "the text was spaced out and its own single spaces cannot be told from the spacing's: the"
    " {empty} cell is empty, its text may be run into this cell"
)


def _is_addition(row: RawRow) -> bool:
    """The row says it adds (or removes) its item: its empty before cell is no lost text."""
    after = "".join(cl.text for cl in row.cells["after"])
    explanation = "\n".join(cl.text for cl in row.cells["explanation"])
    return bool(_ADDED_OR_REMOVED.search(after) or _ADDITION_EXPLAINED.search(explanation))


def lost_space_doubts(row: RawRow) -> list[Doubt]:
    """``column_guess`` on each filled text cell of a row with an empty one (module docstring)."""
    filled = [f for f in TEXT_FIELDS if any(cl.text.strip() for cl in row.cells.get(f, ()))]
    empty = [f for f in TEXT_FIELDS if f not in filled]
    if empty == ["before"] and _is_addition(row):
        return []
    if not filled or not empty:
        return []
    return [Doubt("column_guess", f, WHY.format(empty=" / ".join(empty))) for f in filled]
