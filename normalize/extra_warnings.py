"""The ``column_guess`` warnings of columns beyond the six that no reader set apart, one call a
reading (``place_column``, ``extra_columns``, ``extra_layout``): which columns may have left a
value in a row's cells, and the doubt on each row."""

from __future__ import annotations

from piatable.models import RawRow

from .browser_furniture import furniture_doubts
from .extra_columns import extra_column_doubts, extra_columns_of, unsure_columns
from .extra_layout import layout_unsure_columns
from .glued_days import glued_day_doubts
from .group_rows import group_doubts
from .heading_under_row import heading_under_row_doubts
from .place_column import warn_unsure_places
from .ruby_lines import ruby_doubts
from .split_echo import split_echo_doubts
from .table_parting import parting_doubts
from .watermark_lines import watermark_doubts


def warn_extra_columns(
    rows: list[RawRow], notes: list[str], layout: bool = False, remarks: bool = False, whole: bool = True
) -> None:
    """Give ``rows`` the doubts of a place column whose references were not all told apart
    (``place_column.warn_unsure_places``), and each row the doubt of every extra column
    ``notes`` name whose values may be in its cells.  For a text read in one part (``whole``), the
    columns whose values were set aside one a row are left out, and with ``remarks`` (a 備考
    column after 説明 read) those after 説明 (``unsure_columns``); a text read in several parts
    keeps them all (its rows were not counted whole).  ``layout``: rows read from
    ``-layout``-like text, where only the columns whose pieces were all set apart by place are
    left out (``layout_unsure_columns``): pdfplumber's plain text placed in columns by guess
    keeps its rows warned though its values were set aside one a row (its cells' places are a
    guess: office-extracols63's Calc rows read wrong so)."""
    warn_unsure_places(rows, notes)
    watermark_doubts(rows, notes)  # a watermark word cut out of a cell's line
    furniture_doubts(rows, notes)  # a browser's print header / footer cut out of a cell's line
    parting_doubts(rows, notes)  # a line reading as a paragraph between two tables left in a cell
    group_doubts(rows, notes)  # a line reading as a group row's label left in a cell
    ruby_doubts(rows, notes)  # a reading cut from a line's edge, a kana line that may be ruby
    glued_day_doubts(rows, notes)  # a page / row number read as a date's last digit
    heading_under_row_doubts(rows)  # a heading between rows read into the date / item cells
    split_echo_doubts(rows)  # one cell's line parted between two cells, another cell repeating it
    if layout:
        columns = layout_unsure_columns(notes)
    else:
        columns = unsure_columns(notes, len(rows), remarks) if whole else extra_columns_of(notes)
    named = extra_columns_of(notes)
    for row in rows if named else ():
        # A row paired column by column (pdfminer, plain pdftotext) keeps every column's doubt:
        # its values set aside one a row do not show its cells were paired right (a Writer
        # table's 担当課 second, office-extracols63).
        paired = any(d.kind == "column_order" for d in row.doubts)
        row.doubts.extend(extra_column_doubts(row, named if paired else columns))
