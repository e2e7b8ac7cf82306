"""A row taken into a merged explanation above while it prints its own (Writer, row-ordered
text; issues 10 and 12, branch raw46).

LibreOffice Writer prints a merged 提出時期に係る説明 once, in the first row it covers.  In
``pdftotext -raw`` and pypdfium2 text a row whose cells are one line each prints them on one
line (``保険年金課長 国保年金課長 組織改正による役職名の変更``); where the row opens a new merged
explanation (its rows below print none), the reader may read the whole line as the after cell
and hand the row, and the rows below it, the explanation merged above (``merged_cell_filled``).

``mend_own_reasons``: a row filled so (its explanation the very printed lines of a row above)
whose after cell's last line ends, a cell gap apart, with a piece that reads wholly as a reason
(``reason_tails``: …による役職名の変更) takes that piece as its explanation; the rows below it
filled from the same printed lines take it too (a merged cell covers consecutive rows: the rows
under a row that opens a new explanation cannot share the one above it).  Each row mended gets
a weak ``cut_guess`` naming the move; the rest of the line stays in the after cell, where the
mends after this one (``paired_values``) part it into before and after.

Measured on the row-ordered texts of the tuning sets: it mends a Writer group of 3 rows
(office-raw23 writer2-raw23-kokuho, both texts) and two rows of samples/office writer-juki.
"""

from __future__ import annotations

from dataclasses import replace

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH

from .reason_tails import REASON_MAX_LINES, reads_as_reason
from .shared_line_checks import CELL_GAP

FILLED = "merged_cell_filled"
OWN_WHY = "the after cell's line ended, a cell gap apart, with a reason: the row's own explanation"
BELOW_WHY = "the explanation of the row above, which printed its own, taken for this row too"


def _positions(row: RawRow) -> list[tuple[int | None, int | None]]:
    return [(cl.page, cl.line_no) for cl in row.cells["explanation"]]


def _reason_beside(after: list[CellLine]) -> tuple[int, str, str] | None:
    """``(j, head, piece)`` when the after cell's last ``j`` lines (at most
    ``REASON_MAX_LINES``) end with a reason set a cell gap apart on the first of them (``head``:
    the text before the gap, ``piece`` after it, the later lines going on with the piece)."""
    for j in range(1, min(REASON_MAX_LINES, len(after)) + 1):
        text = after[-j].text.strip()
        gaps = list(CELL_GAP.finditer(text))
        if not gaps:
            continue
        head, piece = text[: gaps[-1].start()], text[gaps[-1].end() :]
        rest = "".join(cl.text.strip() for cl in after[len(after) - j + 1 :])
        if head.strip() and reads_as_reason(piece + rest):
            return j, head, piece
        return None
    return None


def mend_own_reasons(rows: list[RawRow]) -> None:
    """Give a row its own explanation printed beside its after cell, and the rows below that
    shared the explanation above it (see the module notes); in place."""
    for k in range(1, len(rows)):
        row = rows[k]
        if row.positioned or row.ruled or FILLED not in row.flags:
            continue
        shared = _positions(row)
        if not shared or any(p[1] is None for p in shared):
            continue
        if not any(_positions(above) == shared for above in rows[:k]):
            continue
        after = row.cells["after"]
        found = _reason_beside(after)
        if found is None:
            continue
        j, head, piece = found
        own = [replace(after[-j], text=piece), *after[len(after) - j + 1 :]]
        after[-j:] = [replace(after[-j], text=head)]
        row.cells["explanation"] = own
        row.flags.remove(FILLED)
        row.doubts.append(Doubt("cut_guess", "explanation", OWN_WHY, MENDED_CUT_STRENGTH))
        for below in rows[k + 1 :]:
            if FILLED not in below.flags or _positions(below) != shared:
                break
            below.cells["explanation"] = list(own)
            below.doubts.append(Doubt("cut_guess", "explanation", BELOW_WHY, MENDED_CUT_STRENGTH))
