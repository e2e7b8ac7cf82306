"""The ``column_guess`` warnings of columns beyond the six that no reader set apart, one call a
reading (``place_column``, ``extra_columns``, ``extra_layout``): which columns may have left a
value in a row's cells, and the doubt on each row."""

from __future__ import annotations

from piatable.models import RawRow
from piatable.vocabulary import extra_column_role

from .browser_furniture import furniture_doubts
from .extra_columns import extra_column_doubts, extra_columns_of, unsure_columns
from .extra_layout import layout_unsure_columns
from .glued_days import glued_day_doubts
from .group_rows import group_doubts
from .items import is_form_heading, opens_item
from .place_column import warn_unsure_places
from .ruby_lines import ruby_doubts
from .table_parting import parting_doubts
from .watermark_lines import watermark_doubts


def warn_extra_columns(
    rows: list[RawRow],
    notes: list[str],
    layout: bool = False,
    remarks: bool = False,
    whole: bool = True,
    parted: frozenset[int] = frozenset(),
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
    guess: office-extracols63's Calc rows read wrong so).  ``parted``: the pages whose 項目 the
    layout reader read by sub-column (``grid.layout_item_parts``): a row printed on them only
    whose item opens with a whole section heading of the form (its 大項目 read whole,
    ``_read_by_sub_column``) keeps no doubt of the item path's own columns (大項目, 小項目: role
    ``item_part``)."""
    warn_unsure_places(rows, notes)
    watermark_doubts(rows, notes)  # a watermark word cut out of a cell's line
    furniture_doubts(rows, notes)  # a browser's print header / footer cut out of a cell's line
    parting_doubts(rows, notes)  # a line reading as a paragraph between two tables left in a cell
    group_doubts(rows, notes)  # a line reading as a group row's label left in a cell
    ruby_doubts(rows, notes)  # a reading cut from a line's edge, a kana line that may be ruby
    glued_day_doubts(rows, notes)  # a page / row number read as a date's last digit
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
        own = named if paired else columns
        if _read_by_sub_column(row, parted):
            own = [c for c in own if extra_column_role(c[0]) != "item_part"]
        row.doubts.extend(extra_column_doubts(row, own))


def _read_by_sub_column(row: RawRow, parted: frozenset[int]) -> bool:
    """Whether ``row`` lies on pages whose 項目 was read by sub-column (``parted``) and its item's
    first line (the 大項目 sub-column's text, joined) is a whole section heading of the form
    (``Ⅰ基本情報``; not ``Ⅲ特定個人情報ファイルの取扱い`` torn by a neighbour's, nor a 小項目 alone
    under a 大項目 merged over rows and printed on one of them only: twocol69's samples)."""
    if row.page_start not in parted or row.page_end not in parted or not row.cells["item"]:
        return False
    first = "".join(row.cells["item"][0].text.split())
    return opens_item(first) and is_form_heading(first)
