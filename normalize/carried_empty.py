"""Cells left empty ("same as above") that the reader filled from the row above (issues 10, 12).

A reader of text without a grid gives a row whose 変更日 (or 提出時期) prints nothing the value
printed beside the row above (``merged_cell_filled``): a merged cell's, which every row it
covers takes.  But a table may leave the cell empty instead, and that row's value is "" (set
XIV: Calc t02 and AbiWord t09 leave 変更日 cells empty, Calc t03 提出時期 cells; the PDFs, whose
rulings close each cell, read them empty).

Where the text positions cannot tell the two apart (``carried_guess.py``), the table itself
can: a table that merges a column's cells merges rows of one value into one cell, so it never
prints one value twice in rows that follow on each other.  When a column of a table does
(two runs of rows, each run given one printed value, the second run starting on the row after
the first ends, the same value, both printed on one page), the table writes that column row
by row, and a row given the value printed beside another row had its own cell left empty: it
takes "".  The table is the document's run of rows (``normalize_rows`` is called per part).

Ruled rows are left alone (the rulings decide), and so are rows whose printed value stands
on another page than the row (a merged cell across a page break prints once).  Measured on
set XIV and the sample pairs office-carry53 / heldout-carry53 (README, branch carry53).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from piatable.models import CellLine, Doubt, RawRow

from .carried_guess import runs_of

# Whether a run beside another printing its value again is decided empty-celled (its rows'
# values "") rather than doubted.  Off: set XIII's Calc table merges a date over two rows right
# after a row printing the same date (``carried_empties``), which reads as set XIV's empty cells.
DECIDE = False
# The reader's flag on a row it gave a value printed beside another row.
FILLED = "merged_cell_filled"
# The columns whose empty cells a reader fills from the row above, and each one's partner:
# the other one-line cell a row prints level with its own value.
FIELDS: tuple[str, ...] = ("timing", "change_date")  # 提出時期 first: ``_leaves_timings_empty``
OTHER = {"change_date": "timing", "timing": "change_date"}
# The flags of a value that may be an empty cell's (the text cannot tell).
DOUBT_FLAGS = {"change_date": "date_carried_guess", "timing": "timing_carried_guess"}
WHY_DOUBT = (
    "the table prints one {label} twice in rows that follow on each other (it does not merge "
    "that column by value), and this row was given the {label} printed beside another row: a "
    "merged cell, or this row's cell left empty?"
)
LABELS = {"change_date": "変更日", "timing": "提出時期"}


def _key(row: RawRow, field: str) -> tuple[object, ...]:
    """What identifies the printed value a row was given: its lines' places in the text (a
    reader filling a cell copies the lines above, positioned or not), else the line objects."""
    out: list[object] = []
    for cl in row.cells.get(field) or []:
        if cl.page is not None and cl.line_no is not None:
            out.append((cl.page, cl.line_no, cl.text))
        else:
            out.append(id(cl))
    return tuple(out)


def value_runs(rows: Sequence[RawRow], field: str) -> list[list[int]]:
    """Runs of consecutive rows given one printed value of ``field`` (rows printing none, and
    rows given nothing, are runs of their own): ``carried_guess.runs_of`` by ``_key``."""
    return runs_of(rows, lambda row: _key(row, field))


def _text(row: RawRow, field: str) -> str:
    return "".join("".join(cl.text.split()) for cl in row.cells.get(field) or [])


def _page(lines: list[CellLine]) -> int | None:
    return next((cl.page for cl in lines if cl.page is not None), None)


def _equal_runs(rows: Sequence[RawRow], a: list[int], b: list[int], field: str) -> bool:
    """Whether two runs were given one value of ``field`` printed twice on one page."""
    first, second = rows[a[0]], rows[b[0]]
    if first.ruled or second.ruled:
        return False
    va = _text(first, field)
    if not va or va != _text(second, field):
        return False
    pa = _page(first.cells.get(field) or [])
    return pa is not None and pa == _page(second.cells.get(field) or [])


def prints_row_by_row(rows: Sequence[RawRow], runs: list[list[int]], field: str) -> bool:
    """True when two runs that follow on each other (``value_runs``) were given one value
    printed twice on one page: the table writes ``field`` row by row (it does not always merge
    its cells by value)."""
    return any(_equal_runs(rows, a, b, field) for a, b in itertools.pairwise(runs))


def _lines(row: RawRow, field: str) -> set[tuple[int, int]]:
    return {
        (cl.page, cl.line_no)
        for cl in row.cells.get(field) or []
        if cl.page is not None and cl.line_no is not None
    }


def _level_with_own(rows: Sequence[RawRow], run: list[int], field: str) -> bool:
    """Whether the value of ``field`` given the run stands on a text line of its first row's
    other one-line cell (変更日 ↔ 提出時期, ``OTHER``), printed by that row alone: level with that
    row, as a row's own cell prints (a cell merged over the rows and centred or set at their
    foot stands apart from the first row's cells; one set at their top stays in doubt)."""
    first = rows[run[0]]
    other = OTHER[field]
    mine = _key(first, other)
    if not mine or _key(rows[run[1]], other) == mine:
        return False
    if run[0] > 0 and _key(rows[run[0] - 1], other) == mine:
        return False
    return bool(_lines(first, field) & _lines(first, other))


def _own_date(rows: Sequence[RawRow], k: int) -> bool:
    """Whether row ``k`` prints a 変更日 of its own (not the one given the row above): a table
    that merges 提出時期 cells merges them with the dates beside them more often than across
    rows printing their own."""
    here = _key(rows[k], "change_date")
    return bool(here) and (k == 0 or here != _key(rows[k - 1], "change_date"))


def _filled(rows: Sequence[RawRow], run: list[int], field: str) -> list[int]:
    """The rows of a run the reader says it gave the value printed beside the first
    (``FILLED``: two rows' values read off one line are no copy); ruled rows never; for
    提出時期 only rows printing their own 変更日 (``_own_date``)."""
    return [
        k
        for k in run[1:]
        if not rows[k].ruled and FILLED in rows[k].flags and (field != "timing" or _own_date(rows, k))
    ]


def _leaves_timings_empty(rows: Sequence[RawRow], doubted: dict[int, list[str]]) -> bool:
    """True when a row printing a 変更日 of its own was given the 提出時期 printed beside another
    row (a 提出時期 doubt of ``carried_empties``, in ``doubted``): the table leaves cells empty
    "same as above" rather than merging them with the dates beside them, so its rows given a
    date printed beside another row may have left their 変更日 empty too (branch carry54: a
    Chromium table that never prints one date twice, office-chromium54 cr54-em-municipal, its
    empty 変更日 cells filled unwarned in every text; a merged 提出時期 that crosses rows
    printing their own dates is doubted by the rule already).  Only rows read without positions
    take it: in -layout text (positions: ``carried_guess.py``) it warned 7 right rows of
    office-chromium54 for 1 wrong one."""
    return any("timing" in fields and not rows[k].ruled for k, fields in doubted.items())


def carried_empties(rows: Sequence[RawRow]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """(decided, doubted): row → the fields (``FIELDS``) of the rows given a value printed beside
    another row (``_filled``) whose own cell was empty, and of those that may be.

    In a table that prints one value twice in runs that follow on each other somewhere
    (``prints_row_by_row``), every run of rows given one printed value is in doubt (its rows
    after the first, ``_filled``).  With ``DECIDE`` a run is decided empty-celled when a run
    beside it prints the same value again on the same page (a merged cell would have covered
    both), a 提出時期 (two values only: neighbouring merged cells often hold the same) when its
    value also stands level with its first row's own 変更日 (``_level_with_own``).  Measured
    and left (README, branch carry53): set XIV's empty cells were read right so, but set XIII's
    Calc table merges a date over rows 12-13 right after row 11 printing the same date, and
    its row 13 turned wrong; deciding also the runs whose value stands level with the first
    row's own other cell (a table printing one value twice anywhere) turned 5 right rows of
    that table wrong in -layout and pdfplumber text (a merged cell set at the top of its rows
    and a row's own date over empty cells print alike)."""
    decided: dict[int, list[str]] = {}
    doubted: dict[int, list[str]] = {}
    for field in FIELDS:
        runs = value_runs(rows, field)
        twice = prints_row_by_row(rows, runs, field)
        if not twice and not (field == "change_date" and _leaves_timings_empty(rows, doubted)):
            continue
        for i, run in enumerate(runs):
            if len(run) < 2 or not _text(rows[run[0]], field):
                continue
            beside = (i > 0 and _equal_runs(rows, runs[i - 1], run, field)) or (
                i + 1 < len(runs) and _equal_runs(rows, run, runs[i + 1], field)
            )
            sure = DECIDE and beside and (field != "timing" or _level_with_own(rows, run, field))
            for k in _filled(rows, run, field):
                if twice or not rows[k].positioned:
                    (decided if sure else doubted).setdefault(k, []).append(field)
    return decided, doubted


def empty_carried_cells(rows: Sequence[RawRow]) -> dict[int, list[str]]:
    """Empty the cells ``carried_empties`` decides (the row's value becomes ""), in place, and
    add a doubt (``DOUBT_FLAGS``) to those it cannot tell; returns the emptied (row → fields)."""
    decided, doubted = carried_empties(rows)
    for k, fields in decided.items():
        for field in fields:
            rows[k].cells[field] = []
    for k, fields in doubted.items():
        for field in fields:
            why = WHY_DOUBT.format(label=LABELS[field])
            rows[k].doubts.append(Doubt(DOUBT_FLAGS[field], field, why))
    return decided
