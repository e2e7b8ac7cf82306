"""Small types and helpers shared by the grid modules: the result, one page's rows, the number of
columns, page furniture and section headings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from piatable.models import COLUMNS, RawRow, Word
from piatable.vocabulary import is_page_number, is_title

from ..dates import is_date_head, is_date_line, parse_date
from .lines import Line

if TYPE_CHECKING:
    from .column_order import ColumnMove
    from .sub_columns import Strips

N_COLS = len(COLUMNS)
# Columns whose cells a producer merges over rows (date, timing, explanation): one merged over a
# page break is printed once, so the rows under it on the next page take its value.
MERGED_COLUMNS = (0, 4, 5)
# Columns a row has of its own (項目, 変更前, 変更後): closed at a page's foot, its last row ended.
ROW_OWN = (1, 2, 3)


@dataclass(slots=True)
class GridResult:
    """Rows of the table, notes for the user, how many words could not be placed in a cell, and
    how many rows hold what looks like two rows (two dates or 項目 paths)."""

    rows: list[RawRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unplaced: int = 0
    merged_rows: int = 0
    # Layout text: 提出時期 printed beyond the rows read (``timings_count``): rows lost.
    rows_beyond: int = 0
    # Ruled pages whose field column is ruled as several, one named by no label (``sub_columns``).
    unread_columns: int = 0

    def in_part(self) -> bool:
        """Whether the table was read only in part: text placed in no cell, rows read as one,
        rows beyond those read, or a column no label names read into a field."""
        return bool(self.unplaced or self.merged_rows or self.rows_beyond or self.unread_columns)


@dataclass(slots=True)
class PageRows:
    """The rows of one page: per row, column index → its lines; whether each row holds a merged
    cell; the column boundaries used (seven, in page units) and whether the page was ruled."""

    rows: list[dict[int, list[Line]]]
    merged: list[bool]
    header_seen: bool
    bounds: list[float]
    ruled: bool
    unplaced: int = 0
    notes: list[str] = field(default_factory=list)
    # Words of a numbering or page column beside the six (``side_numbers``): set aside.
    side_numbers: list[str] = field(default_factory=list)
    # Vertical alignment of cells ("top", "centre", "bottom") when rows are anchored at dates;
    # None until a page with two or more dates decides it for the pages after it.
    align: str | None = None
    # Layout text: whether the previous page's last row was read again with this page, and
    # every line the page's columns received (to check that each one lands in a row).
    carried: bool = False
    lines: list[Line] = field(default_factory=list)
    # Ruled pages: per row, column index → (first, end) rows of the cell span it lies in (a
    # merged cell spans several rows; end is exclusive), empty cells included.
    spans: list[dict[int, tuple[int, int]]] = field(default_factory=list)
    # Anchored rows: row index → why the rows it was given to are in doubt (a merged value or
    # a row's lines that fit another date about as well: a ``row_split_guess``).
    doubts: dict[int, str] = field(default_factory=dict)
    # Layout text: whether the page's offsets were read as character counts (else as display
    # columns): a page without a header reads its offsets as the page before did.
    by_chars: bool | None = None
    # Ruled pages: the columns whose last cell a ruling closes at the table's foot (a row a
    # spreadsheet never breaks over a page; a merged cell cut by the break stays open).
    foot_closed: tuple[int, ...] = ()
    # Columns printed in another order than the form's, moved into it (``column_order``): the
    # move, carried to the next page when that page prints no label row.
    move: ColumnMove | None = None
    # Ruled pages: an extra column's (label, left wall, right wall) whose words were set aside
    # (``place_words``), carried to the next page when that page prints no label row.
    extra_span: tuple[str, float, float, str] | None = None
    # Ruled pages: field columns ruled as several (column → ``sub_columns.Strips``): 項目 over
    # 大項目 | 中項目・小項目, or a column no label names inside a field's.
    strips: dict[int, Strips] = field(default_factory=dict)
    # Sub-columns of a field's column that no label names (``sub_columns.join_parts``).
    unread_columns: int = 0
    # Layout text: why the held-back row is in doubt when this page moved a cell's tail to it
    # (``page_carry.take_tail``).
    tail_doubt: str | None = None
    # Layout text: row → merged columns (提出時期, 説明) it takes from the row above: rows at the
    # top of the page, above the page's first printed value of a top-aligned column (a merged
    # cell opened on the page before, whose text LibreOffice prints there only).
    carried_cols: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # Layout text: rows read apart from a neighbour sharing its merged 項目 / 提出時期 / 説明 by a
    # blank line across their 変更前 and 変更後 (``pair_rows``): two printed rows, no cut in doubt.
    parted: set[int] = field(default_factory=set)
    # Ruled pages: words printed beside the table's columns that no cell took (``overflow_text``).
    beside: list[Word] = field(default_factory=list)
    # Ruled pages: id of a run's end word → the characters clipped away that continue it there.
    clipped_runs: dict[int, str] = field(default_factory=dict)


def is_furniture(text: str) -> bool:
    """True for page furniture: the table's title or a page number, not table text."""
    t = text.strip()
    return is_title(t) or is_page_number(t)


def is_furniture_at(lines: list[Line], k: int) -> bool:
    """``is_furniture`` for ``lines[k]`` (a page's printed lines, top to bottom), but for the rest
    of a date a narrow 変更日 column wrapped, which may read as a page number (``２０２０/`` /
    ``１/２０``, set XX t11: the line was left out as furniture, in no note, the date unparsed):
    a line printed at the same offset right under a line whose first word is a date's head that
    it completes."""
    ln = lines[k]
    if not is_furniture(ln.text):
        return False
    if k == 0 or not is_page_number(ln.text.strip()):
        return True
    prev = lines[k - 1]
    head = prev.text.split()[0] if prev.text.split() else ""
    tail = ln.text.strip()
    return not (
        prev.page == ln.page
        and abs(prev.x0 - ln.x0) <= 1.0
        and is_date_head(head)
        and parse_date(head + tail) is not None
        and is_date_line(head + tail)
    )


def cell_text(lines: list[Line] | None) -> str:
    """The text of a cell's lines joined without separators, stripped ("" for no lines)."""
    return "".join(ln.text for ln in lines or []).strip()


def covered_length(intervals: list[tuple[float, float]], a: float, b: float) -> float:
    """Length of [a, b] covered by the union of the intervals (page units): how much of a row's
    height or a column's width the ruling segments drawn there cover."""
    total, end = 0.0, a
    for x0, x1 in sorted((max(x0, a), min(x1, b)) for x0, x1 in intervals if x1 > a and x0 < b):
        if x1 > end:
            total += x1 - max(x0, end)
            end = x1
    return total
