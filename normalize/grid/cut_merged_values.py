"""A merged value cut between two rows in layout text, joined back (set XXXIV w06).

A 説明 merged over a date group and centred in the group's band prints in the middle of the
rows, so in ``pdftotext -layout`` text its lines stand beside two rows: the lines above the
second row's first line go to the first row and the rest to the second
(``…特定個人情報の漏えいその他`` | ``の事態を発生させるリスクを…``).  Where the column is merged
(some rows print no value of it), two consecutive rows' values whose lines follow each other
(at most one blank line between), the first's last line reading on into the second's first (a
next line opening with hiragana, which no cell opens with, or a full line that wraps on:
``Line.runs_on`` / ``Line.wraps_on``, ending no reason: ``vocabulary.EXPLANATION_ENDING``), are
one value: both rows hold all its lines, so the merged fill (``merged_fill.merged_runs``) reads
it as one value and gives it whole to every row it covers.
"""

from __future__ import annotations

import itertools

import regex

from piatable.vocabulary import EXPLANATION_ENDING

from .common import cell_text
from .lines import Line

# Two values are one when the second's first line stands at most this many line heights below
# the first's last line's foot: one blank line at most between them (-layout text prints a
# cell's lines a blank line apart where other cells' lines stand between, such as a date
# centred in its group).
CONTIGUOUS_EM = 1.5
_ENDS_SENTENCE = regex.compile(r"[。．.)）」』]$")
_OPENS_ON = regex.compile(r"^[\p{Hiragana}ー、，]")


def reads_on(last: Line, nxt: Line, hy: float) -> bool:
    """Whether ``nxt`` (a line of the next row's cell) continues ``last`` (the last line of the
    row above's cell): at most one blank line between them, ``last`` ends no sentence, and
    ``nxt`` opens with hiragana or ``last`` wraps on into it ending no reason."""
    if nxt.top - last.bottom > CONTIGUOUS_EM * hy:
        return False
    text, head = last.text.strip(), nxt.text.strip()
    if not text or not head or _ENDS_SENTENCE.search(text):
        return False
    if _OPENS_ON.match(head):
        return True
    # A full line ending as a reason ends (…条ずれの修正: office-layout23) ends its value.
    return (last.runs_on or last.wraps_on) and not EXPLANATION_ENDING.search(text)


def join_cut_values(rows: list[dict[int, list[Line]]], first: int, c: int, hy: float) -> list[int]:
    """Rows (from ``first`` on) whose column-``c`` value is one merged value cut between them and
    the next row with a value: both given the joined lines (the same list), so the value is read
    as one.  Only where the column is merged (a row from ``first`` on prints no value of it).
    Returns the rows joined (the first of each pair and its partner)."""
    idx = [k for k in range(first, len(rows)) if any(rows[k].get(col) for col in (1, 2, 3))]
    have = [k for k in idx if cell_text(rows[k].get(c))]
    if not have or len(have) >= len(idx):
        return []
    joined: list[int] = []

    def key(lines: list[Line] | None) -> tuple[int, ...]:
        return tuple(id(ln) for ln in lines or [])

    for a, b in itertools.pairwise(have):
        la, lb = rows[a][c], rows[b][c]
        if key(la) == key(lb) or not reads_on(la[-1], lb[0], hy):
            continue
        parts, both = {key(la), key(lb)}, [*la, *lb]
        for k in range(first, len(rows)):  # every row holding either part (a shared one too)
            if key(rows[k].get(c)) in parts:
                rows[k][c] = list(both)
        joined += [a, b]
    return joined
