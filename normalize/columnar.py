"""Rows from text whose extractor emitted whole columns one after another.

pdfminer, ``pdftotext -raw`` and pypdfium2 often give all dates, then all items, and so on.  The
dates and timings can still be paired with rows in order; the rest is kept, in order, in the
cells it most plausibly belongs to, with low confidence and a flag, never silently dropped.
"""

from __future__ import annotations

from piatable.extract.locate import TIMING
from piatable.models import CellLine, RawRow

from .dates import is_date_line

COLUMN_ORDER_CONFIDENCE = 0.2


def column_order_rows(lines: list[CellLine]) -> list[RawRow]:
    dates = [cl for cl in lines if is_date_line(cl.text)]
    timings = [cl for cl in lines if TIMING.match(cl.text)]
    rest = [cl for cl in lines if not is_date_line(cl.text) and not TIMING.match(cl.text)]
    rows: list[RawRow] = []
    for k, d in enumerate(dates):
        row = RawRow()
        row.cells["change_date"] = [d]
        if k < len(timings):
            row.cells["timing"] = [timings[k]]
        row.confidence = COLUMN_ORDER_CONFIDENCE
        row.flags.append("column_order")
        rows.append(row)
    if rows and rest:
        rows[0].cells["explanation"] = rest
        rows[0].flags.append("unplaced_text")
    return rows
