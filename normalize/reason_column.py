"""A column of prose after 説明 that says why the entry changed or under what law (変更理由 / 理由
/ 根拠 / 根拠法令 …: ``vocabulary.REASON_COLUMN_LABELS``), in flattened text read without
positions (pypdfium2, ``pdftotext -raw`` / plain, pdfminer, pypdf, PyMuPDF).

Set XXVI's Writer table with a 変更理由 column (and ※ notes under it) and its portrait Calc table
with a 根拠 column were read right from their PDFs (the words right of the explanation's ruling
set aside and counted in a note), and in every flattened text the extra column's cell was read
into the explanation, at confidence 0.93 with no flag: row-ordered text prints a row's reason
right after its explanation, on lines of its own (``…による修正`` / ``番号法の改正に伴い条項が
ずれたため``) or one space after the explanation's line, and column-ordered text prints the
column's cells after the explanation's.  Unlike a short remark (備考 ``要確認``: ``extra_cells``),
such a cell ends as an explanation does (``…のため``, ``…による``) or reads as one of its lines
(``番号法第19条第8号``), so neither its words nor the line widths tell where the explanation
ends: the label is taken out of the label row (``extra_cells.strip_remark_label`` looks for it
after the explanation's label; ``extra_columns.strip_extra_labels`` where Calc's two-pass text
prints it elsewhere in the label row), the text's note names it, and every row whose explanation
holds text is flagged ``column_guess`` (``reason_doubts``).  A row whose reason cell is empty
is flagged too: the text does not show which cells are empty.

Text of the layout kind sets the column's pieces aside by place (``grid/remark_column``, the 備考
reader, which takes every tail label of ``row_numbers.TAIL_LABELS``).
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow
from piatable.vocabulary import REASON_COLUMN_LABELS

from .chars import without_whitespace

REASON_LABELS = frozenset(REASON_COLUMN_LABELS)
REASON_WHY = (
    "the label row names a {label} column after the explanation: flattened text prints its cells"
    " as further lines of the explanation, which its words cannot tell apart; the explanation may"
    " end with it"
)


def is_reason_label(label: str) -> bool:
    """Whether ``label`` (whitespace inside allowed) names a reason or legal-basis column."""
    return without_whitespace(label) in REASON_LABELS


def reason_doubts(row: RawRow, label: str) -> list[Doubt]:
    """The ``column_guess`` doubt of a row whose explanation holds text, the label row naming a
    reason column ``label`` after the explanation; none for a row with no explanation."""
    if not any(cl.text.strip() for cl in row.cells.get("explanation", [])):
        return []
    return [Doubt("column_guess", "explanation", REASON_WHY.format(label=label))]
