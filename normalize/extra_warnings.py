"""The ``column_guess`` warnings of columns beyond the six that no reader set apart, one call a
reading (``place_column``, ``extra_columns``, ``extra_layout``): which columns may have left a
value in a row's cells, and the doubt on each row."""

from __future__ import annotations

from piatable.models import RawRow

from .extra_columns import extra_column_doubts, extra_columns_of, unsure_columns
from .extra_layout import layout_unsure_columns
from .place_column import warn_unsure_places


def warn_extra_columns(
    rows: list[RawRow], notes: list[str], layout: bool = False, remarks: bool = False, whole: bool = True
) -> None:
    """Give ``rows`` the doubts of a place column whose references were not all told apart
    (``place_column.warn_unsure_places``), and each row the doubt of every extra column
    ``notes`` name whose values may be in its cells.  For a text read in one part (``whole``), the
    columns whose values were set aside one a row are left out, and with ``remarks`` (a 備考
    column after 説明 read) those after 説明 (``unsure_columns``); a text read in several parts
    keeps them all (its rows were not counted whole).  ``layout``: rows read from
    ``-layout``-like text, where the columns whose pieces were all set apart by place are left
    out too (``layout_unsure_columns``)."""
    warn_unsure_places(rows, notes)
    columns = unsure_columns(notes, len(rows), remarks) if whole else extra_columns_of(notes)
    if layout:
        columns = [c for c in columns if c in layout_unsure_columns(notes)]
    for row in rows if columns else ():
        row.doubts.extend(extra_column_doubts(row, columns))
