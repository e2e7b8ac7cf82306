"""OCR dates that break the table's order: a misread digit of a date that still parses.

An amendment table lists its changes in the order they were made, oldest first or newest first
(``make_office_samples.printed_rows``: both).  A date whose digit tesseract misread (set XXV's
s12: 2020-12-14 read 2025-12-14 on both rows of that date, between rows of 2017-08-08 and
2023-01-24) still parses and is plausible, so the date checks pass it; but it no longer lies
between the dates of the rows around it.  Such a date gets an ``ocr_suspect:change_date`` doubt:
the rows that print it are read, the digit is in doubt (no digit is rewritten: which one is wrong,
and into what, the order alone does not say).

The rows' dates are taken as runs of equal dates (a date printed on several rows is one step of
the order), dates the date checks find implausible left out.  The table's direction is that of
most of its steps between runs (none on a tie).  A middle run is out of order when it does not
lie between the runs on either side of it, and those two step the table's way (or the table has
no direction: set XXV's s12, 2017 / 2025 / 2023): a misread run makes its neighbours' steps look
wrong too, against the table's way, and those are not flagged.  The first and the last run have
one neighbour: judged only when the table has a direction and ``MIN_RUNS_FOR_ENDS`` runs, they
are out of order when they lie on the wrong side of the run next to them.
"""

from __future__ import annotations

import itertools

from piatable.normalize.dates import parse_date

from .date_repairs import plausible_date

# At least this many runs of dates for a middle run to be judged (two runs set no order), and
# this many for an end run (one neighbour: the two runs after it and the table's own direction,
# most of its steps, must agree).
MIN_RUNS = 3
MIN_RUNS_FOR_ENDS = 4
WHY = "the date breaks the order of the dates on the rows around it: a digit misread?"


def _runs(dates: list[str | None]) -> list[tuple[str, list[int]]]:
    """(date, indexes of the rows) for each run of equal dates, rows without one skipped."""
    runs: list[tuple[str, list[int]]] = []
    for k, d in enumerate(dates):
        if d is None:
            continue
        if runs and runs[-1][0] == d:
            runs[-1][1].append(k)
        else:
            runs.append((d, [k]))
    return runs


def _direction(dates: list[str]) -> int:
    """1 when more steps of ``dates`` rise than fall, -1 when more fall, 0 on a tie."""
    rises = sum(a < b for a, b in itertools.pairwise(dates))
    falls = sum(a > b for a, b in itertools.pairwise(dates))
    return (rises > falls) - (falls > rises)


def out_of_order(dates: list[str | None]) -> set[int]:
    """Indexes into ``dates`` (ISO ``YYYY-MM-DD`` per row, None where a row has none) of the rows
    whose date breaks the order the rows around it keep (module docstring)."""
    runs = _runs(dates)
    out: set[int] = set()
    if len(runs) < MIN_RUNS:
        return out
    order = [d for d, _ in runs]
    most = _direction(order)
    for i, (d, rows) in enumerate(runs):
        if 0 < i < len(runs) - 1:
            a, b = order[i - 1], order[i + 1]
            local = 1 if a < b else -1
            wrong = a != b and not (min(a, b) < d < max(a, b)) and most in (0, local)
        elif most and len(runs) >= MIN_RUNS_FOR_ENDS:
            # The end run's neighbour and the next run step the table's way; the end run is on
            # the wrong side of its neighbour.
            a, b = (order[1], order[2]) if i == 0 else (order[-2], order[-3])
            step = (1 if a < b else -1) * (1 if i == 0 else -1)
            wrong = step == most and (d > a if (i == 0) == (most > 0) else d < a)
        else:
            wrong = False
        if wrong:
            out.update(rows)
    return out


def date_order_suspects(date_texts: list[str]) -> set[int]:
    """Indexes of the rows (``date_texts``: each row's 変更日 cell as read, "" for none) whose
    date breaks the order of the rows around it (``out_of_order``); an implausible date
    (``date_repairs.plausible_date``: flagged by the date checks) takes no part in the order."""
    return out_of_order([parse_date(t) if t and plausible_date(t) else None for t in date_texts])
