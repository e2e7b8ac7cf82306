"""A merged 提出時期 taken across a row that prints its own (row-ordered text, issue 12).

A row-ordered text (Writer / AbiWord through ``pdftotext -raw`` or pypdfium2) prints a merged
cell once; ``stream._blocks`` hands a row without a timing of its own the timing of its date
group's first row with one, or of the row above.  A merged cell spans a run of adjacent rows,
so when a row between the two prints a timing of its own, the merged cell cannot span both:
the timing taken is a guess (the row's own may be printed elsewhere, or be another merged
cell's).  Measured on every third -raw / pypdfium2 text of the committed samples (1359 texts,
branch rightwarn58): the 6 rows so taken were all wrong, no right row was; on every fifth, of
the 232 rows whose explanation the widths told from a merged one, the 6 so taken were wrong,
1 of them unwarned before.  ``samples/office-rightwarn58`` rw58-writer-top -raw: rows under a
merged 事後 given the 事前 printed beside a row above, across a row printing its own 事前.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from piatable.models import CellLine, Doubt

# Why such a row's timing is in doubt.
TIMING_ACROSS_WHY = (
    "the merged 提出時期 taken from a row above another row that prints its own: a merged cell"
    " spans adjacent rows, so this row's may be printed elsewhere"
)


class _Shares(Protocol):
    timing: CellLine | None
    shared_rest: bool


def timing_across_doubts(blocks: Sequence[_Shares]) -> list[list[Doubt]]:
    """The doubts of each block, in order (blocks are the rows in reading order): a
    ``column_guess`` on ``timing`` for a block that shares the timing of a block with its own
    (``shared_rest``: the same ``CellLine`` object) across a block that prints another timing of
    its own between them; none for the others."""
    owners = {id(b.timing): k for k, b in enumerate(blocks) if b.timing is not None and not b.shared_rest}
    doubts: list[list[Doubt]] = [[] for _ in blocks]
    for k, b in enumerate(blocks):
        if not b.shared_rest or b.timing is None or id(b.timing) not in owners:
            continue
        src = owners[id(b.timing)]
        between = blocks[min(k, src) + 1 : max(k, src)]
        if any(o.timing is not None and not o.shared_rest for o in between):
            doubts[k].append(Doubt("column_guess", "timing", TIMING_ACROSS_WHY))
    return doubts
