"""Rows under a merged 変更日 in flattened text that prints more 提出時期 than rows were read.

A 変更日 merged over a block of rows prints once; a 項目 merged over a run of rows inside that
block prints once too.  Read without positions (pypdfium2 ``get_text_range``, ``pdftotext
-raw``, pdfplumber, pypdf), the rows after the first of such a run print neither a date nor a
section to open them, so the stream reader runs them into a neighbour and hands the rest of
the block's cells out one row off (set XXIII: 10 rows of a Calc and a Writer table wrong, none
warned; ``samples/office-merged62``).  Every row prints its own 提出時期 there, so the table
region printing more of them than rows were read (``conservation.timings_beyond_rows``) says
rows ran together; so do rows read holding a date or 提出時期 alone (Calc's two-pass text gives
a row for each printed 提出時期, and the wrapped cells of rows under a merged 項目 went to other
rows).  Which ones the text does not say, but only rows under a merged date can (a row printing
its own date opens where it is printed).

``doubt_undated_runs`` gives ``row_split_guess``, in such a text, to the rows under a date printed
once for several rows (a run: its first row with the date, the rows after it printing none or
the same printed date filled in) where rows ran together: a row whose text cells hold a 提出時期
alone on a line (the next row's, read into it), and every row with text of a run holding a row of
a date or 提出時期 alone (which row took its cells is not printed).  Doubting a whole run for a
row holding another's 提出時期 warned most right rows of Writer tables whose runs are 10 rows
and more.  Measured on ``samples/heldout-merged62`` (never tuned
on): see README, ``row_split_guess``.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow
from piatable.vocabulary import TIMING

from .conservation import timings_beyond_rows

# The cells a row's text is read into (a 提出時期 alone there is another row's).
TEXT_CELLS = ("item", "before", "after", "explanation")

# Rows (a run's first and those after it) a run of one printed date needs to be doubted.
UNDATED_RUN_MIN_ROWS = 2
UNDATED_RUN_WHY = (
    "the table prints {n} more 提出時期 than rows were read whole (rows lost, or holding a date or "
    "提出時期 alone), and this row is under a 変更日 printed once for several rows (merged): rows "
    "under it (a merged 項目 printing once too) may have run together or taken a neighbour's cells"
)


def _date_lines(row: RawRow) -> tuple:
    """Where the row's 変更日 was printed (page, line of each line), or () when it prints none."""
    return tuple((cl.page, cl.line_no, cl.text) for cl in row.cells.get("change_date", []) if cl.text.strip())


def undated_runs(rows: list[RawRow]) -> list[list[int]]:
    """The runs of row indexes that share one printed date: a row printing a date and the rows
    after it printing none or the very same printed date (filled from it), ``UNDATED_RUN_MIN_ROWS``
    rows or more (rows before the first printed date are a run of their own: a date merged over a
    page break)."""
    runs: list[list[int]] = []
    last: tuple = ()
    for k, row in enumerate(rows):
        own = _date_lines(row)
        if not runs or (own and own != last):
            runs.append([k])
        else:
            runs[-1].append(k)
        last = own or last
    return [run for run in runs if len(run) >= UNDATED_RUN_MIN_ROWS]


def contentless_rows(rows: list[RawRow]) -> int:
    """How many rows hold a 変更日 or 提出時期 alone (no item, before, after or explanation
    line): a one-line cell whose row's wrapped cells were read into other rows (Calc's two-pass
    text, ``row_counts.EMPTY_ROWS_NOTE``)."""
    return sum(not any(row.cells.get(f) for f in TEXT_CELLS) for row in rows)


def _holds_anchor(row: RawRow) -> bool:
    """Whether a text cell of the row holds a 提出時期 alone on a line (another row's anchor: the
    row ran into the next one)."""
    return any(TIMING.match(cl.text) for f in TEXT_CELLS for cl in row.cells.get(f, []))


def doubt_undated_runs(rows: list[RawRow], region: list[str], *, row_ordered: bool = True) -> int:
    """Add a ``row_split_guess`` doubt to the rows of ``undated_runs`` that ran together (module
    notes), when the table ``region`` (its lines' texts) prints more 提出時期 than rows were read
    (``conservation.timings_beyond_rows``, asked before the records are made from the rows) or rows
    holding a date or 提出時期 alone were read (``contentless_rows``: their cells went to other
    rows): a row one of whose text cells holds a 提出時期 alone on a line (``_holds_anchor``), and
    every row holding text of a run that holds a row of a date or 提出時期 alone.  Returns how
    many rows hold another row's 提出時期 alone in a text cell (``_holds_anchor``): 提出時期 the rows
    read do not count (``conservation.timings_beyond_rows`` takes them for cell values), which the
    pipeline adds to the region's surplus so that the document is partial with its note.
    ``rows`` are one text part's rows in reading order; ruled rows (a grid's) are left alone, and
    so are rows read in column order (``row_ordered`` False: pdfminer, plain ``pdftotext``; their
    own checks)."""
    if not row_ordered:
        return 0
    held = sum(_holds_anchor(row) for row in rows if not row.ruled)
    surplus = timings_beyond_rows(region, rows) + contentless_rows(rows) + held
    if surplus <= 0:
        return held
    why = UNDATED_RUN_WHY.format(n=surplus)
    doubt: set[int] = set()
    for run in undated_runs(rows):
        if any(contentless_rows([rows[k]]) for k in run):
            doubt.update(run)  # which of the run's rows took the lone date's cells is not printed
        doubt.update(k for k in run if _holds_anchor(rows[k]))  # it ran into the next row
    for k in sorted(doubt):
        if rows[k].ruled or contentless_rows([rows[k]]):
            continue
        rows[k].doubts.append(Doubt("row_split_guess", None, why))
    return held
