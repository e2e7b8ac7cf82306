"""A 変更日 cell that lists two dates, a line each: one row, not two, in text without rulings.

An item changed twice may keep both changes' dates in its 変更日 cell, typed on two lines
(Calc, Alt+Enter: ``2019/10/1`` / ``2025/3/14``; set XX t14).  Read without rulings (layout
text, PyMuPDF ``sort=True``, pdfplumber ``layout=True``), the second date opens a row of its own
(``date_spans`` gives every date its anchor), and the row is cut in two: its 項目 path and its
before / after sentences split between the two (13 rows for 11, warned ``item_key_guess``).

Here a date is taken as the second line of the date above it (their spans joined) when all of
these hold, else it opens its row as before:

* both are whole dates (each a line of its own, or wrapped in a narrow column: ``2017/6`` /
  ``/1`` / ``2021/4`` / ``/1``), the second opening on the very next printed line;
* the row above prints its 提出時期 level with its date (its cells read at the top), and the
  second date's line prints none (a row of its own would print its 提出時期 there too);
* the second date's line opens no 項目 path (a section Ⅰ…Ⅵ, the cover, a （別紙）): a row's
  item opens with one; what stands there goes on with the path above (``２．基本情報``).

A table whose 提出時期 is merged over rows and whose items print no section could meet all of
these with two rows: ``lost_lines.flag_merged_rows`` still counts the row's paths and 提出時期.
"""

from __future__ import annotations

from piatable.vocabulary import ITEM_OPENING

from ..dates import is_date_line
from ..line_dates import listed_dates
from .lines import Line
from .wrapped_timing import is_timing_piece

# Columns of the grid: 変更日, 項目, 提出時期.
_DATE, _ITEM, _TIMING = 0, 1, 4


def _level(lines: list[Line], top: float, bottom: float) -> list[Line]:
    """The lines of ``lines`` printed level with the band ``top``–``bottom`` (they overlap it)."""
    return [ln for ln in lines if ln.top < bottom and ln.bottom > top]


def _next_line(above: Line, below: Line, hy: float) -> bool:
    """``below`` is printed on the line right under ``above`` (line numbers where text has them)."""
    if above.line_no is not None and below.line_no is not None and above.page == below.page:
        return below.line_no == above.line_no + 1
    return above.page == below.page and 0 <= below.top - above.bottom < hy / 2


def listed_date_spans(
    cols: dict[int, list[Line]], spans: list[tuple[float, float]], hy: float
) -> list[tuple[float, float]]:
    """``spans`` (one per printed date, top to bottom: ``date_spans``) with each date that is the
    second of a cell listing two joined to the span above (module notes)."""
    dates = [ln for ln in cols.get(_DATE, []) if ln.text.strip()]
    timings = cols.get(_TIMING, [])
    items = cols.get(_ITEM, [])
    out: list[tuple[float, float]] = []
    for top, bottom in spans:
        if out and _second_date(dates, timings, items, out[-1], (top, bottom), hy):
            out[-1] = (out[-1][0], bottom)
        else:
            out.append((top, bottom))
    return out


def _second_date(
    dates: list[Line],
    timings: list[Line],
    items: list[Line],
    above: tuple[float, float],
    span: tuple[float, float],
    hy: float,
) -> bool:
    first = _level(dates, *above)
    here = _level(dates, *span)
    if not first or not here or len(listed_dates([ln.text.strip() for ln in first])) > 1:
        return False  # a span already joined lists its dates: two per cell at most
    whole = [is_date_line("".join(ln.text.strip() for ln in lines)) for lines in (first, here)]
    if not all(whole) or not _next_line(first[-1], here[0], hy):
        return False
    if not any(is_timing_piece(ln.text.strip()) for ln in _level(timings, first[0].top, first[0].bottom)):
        return False
    if _level(timings, here[0].top, here[-1].bottom):
        return False
    return not any(ITEM_OPENING.match(ln.text) for ln in _level(items, here[0].top, here[-1].bottom))
