"""A row's one-line cells, its 変更日 and 提出時期, put in its raw row (moved out of ``passone``,
used by it and by ``twophase``)."""

from __future__ import annotations

from collections.abc import Sequence

from piatable.models import CellLine, RawRow


def put_date_and_timing(
    row: RawRow, date: CellLine | None, timing: CellLine | None, listed: Sequence[CellLine] = ()
) -> None:
    """A pass-1 row's date and timing (its own or the row above's, a merged cell's): the timing
    as a line of its own (a shared one is copied); ``timing_missing`` without one.  ``listed``:
    the dates printed above ``date`` in its cell, a line each (``listed_dates``), its first lines."""
    if date is not None:
        row.cells["change_date"] = [*listed, date]
    if timing is not None:
        row.cells["timing"] = [CellLine(timing.text, timing.page, timing.line_no)]
    else:
        row.flags.append("timing_missing")
