"""Doubts on rows read from a table whose cells were merged over rows (text without rulings):
where a value printed once was filled into the rows it seemed to cover (``merged_cell_filled``),
a row the runs left without an explanation shows the runs may have gone wrong (issue 10,
branch layout21: Calc explanations merged over rows, -layout text).
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import Doubt, Record

# Why a blank explanation in a table of merged explanations is in doubt.
BLANK_BESIDE_MERGED_WHY = (
    "its explanation is blank while the table's explanations are merged over rows (one was "
    "filled into the rows it covers): the merged explanations may have gone to the wrong rows"
)


def blank_beside_merged(records: list[Record], out: list[list[Doubt]]) -> None:
    """``row_split_guess`` on a row with a blank explanation that took another merged value (its
    date or 提出時期: ``merged_cell_filled``) in a table where an explanation was printed once
    for several rows (a row ``merged_cell_filled`` whose explanation is the
    row's next to it).  Every change says why; without rulings a merged explanation is given
    to the rows its position suggests, and a row left blank beside such runs is where the runs
    went wrong (a centred merged explanation read into the rows above or below its own)."""
    merged = any(
        "merged_cell_filled" in b.flags and b.explanation.strip() and a.explanation == b.explanation
        for a, b in pairwise(records)
    )
    if not merged:
        return
    for k, r in enumerate(records):
        if r.explanation.strip() or "merged_cell_filled" not in r.flags:
            continue  # a row printing its own date and 提出時期 may leave its 説明 blank
        if not any(d.kind == "row_split_guess" for d in out[k]):
            out[k].append(Doubt("row_split_guess", "explanation", BLANK_BESIDE_MERGED_WHY))
