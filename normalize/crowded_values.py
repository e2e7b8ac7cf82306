"""One-line before / after cells of Calc's pass 1 whose own spaces split them into more pieces.

In ``pdftotext -raw`` text a full-width space inside a cell comes out as a half-width one, the
same as the gap between two cells on one baseline; pypdfium2 keeps it full-width.  A pass-1
line (``passone``: a row's one-line cells, row by row) whose before and after cells hold such
spaces then reads as more text pieces than a row has between its date and its timing::

    2023.4.1 健康福祉部 保険年金課 健康福祉部 国保年金課 事後 組織改編に伴う変更
             └──── before ─────┘ └──── after ──────┘

and the pass-1 alignment hands the spare pieces to the rows below, shifting every later row's
item by one (issues 10 and 12, new user's set IX c4: Calc, A3 landscape, 8 pt).  What the line
gives honestly: Calc prints a row's one-line cells in column order, so the text pieces between a
date (or the line's start) and a timing on one printed line are the before and the after cell
(the item is never printed in pass 1 unless it is an attachment label: ``pass_one_items``); a
row has no third cell there.  Such a run of three or more pieces is joined into two: where the
after cell repeats the before cell's opening (an edit keeps the words it does not change:
``健康福祉部 保険年金課`` → ``健康福祉部 国保年金課``), at the cut whose two halves share the
longest opening; otherwise at the cut nearest the middle of the text, and that cut is a guess
(``column_guess`` on the row, ``CROWDED_WHY``: a flag, where ``cut_guess`` would only lower
the confidence).  No text is dropped: the pieces are joined with the space that parted them.
"""

from __future__ import annotations

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from .dates import is_date_line
from .rejoin import same_printed_line

# Text pieces a row prints between its date and its timing in pass 1: the before and after cell.
VALUE_PIECES = 2
# The after cell repeats the before cell's opening over at least this many characters (spaces
# aside) for the cut there to be taken as told by the text.
SHARED_OPENING_MIN = 2
# Why a row's before / after cut among pass 1's pieces is a guess.
CROWDED_WHY = (
    "the one-line before and after cells were printed on one line with spaces inside them"
    " (pdftotext -raw prints a full-width space as a half-width one): where before ends is a guess"
)


def _is_text(cl: CellLine) -> bool:
    return not (is_date_line(cl.text) and not cl.cell_date) and not TIMING.match(cl.text)


def shared_opening(left: str, right: str) -> int:
    """Characters (spaces aside) the two texts open with alike."""
    a, b = "".join(left.split()), "".join(right.split())
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _cut(run: list[CellLine]) -> tuple[int, bool]:
    """Where a run of text pieces splits into before and after (pieces before the cut) and
    whether that cut is a guess."""
    texts = [cl.text for cl in run]
    shared = [shared_opening(" ".join(texts[:i]), " ".join(texts[i:])) for i in range(1, len(texts))]
    best = max(shared)
    if best >= SHARED_OPENING_MIN and shared.count(best) == 1:
        return shared.index(best) + 1, False
    total = sum(len(t) for t in texts)
    spans = [abs(2 * sum(len(t) for t in texts[:i]) - total) for i in range(1, len(texts))]
    return spans.index(min(spans)) + 1, True


def _joined(run: list[CellLine]) -> CellLine:
    first = run[0]
    return CellLine(" ".join(cl.text for cl in run), first.page, first.line_no)


def join_crowded_values(singles: list[CellLine]) -> tuple[list[CellLine], set[tuple]]:
    """``singles`` (pass 1's pieces, in order) with each run of more than ``VALUE_PIECES`` text
    pieces between a date or a line's start and a timing, all on one printed line, joined into
    a before and an after piece, and each such piece of three or more words (the spaces inside
    one piece) cut where the after half repeats the before half's opening; and the (page,
    line_no) of the printed lines cut by guess."""
    out: list[CellLine] = []
    guessed: set[tuple] = set()
    k = 0
    while k < len(singles):
        cl = singles[k]
        opens = not out or not same_printed_line(out[-1], cl) or not _is_text(out[-1])
        if not (_is_text(cl) and opens):
            out.append(cl)
            k += 1
            continue
        end = k
        while (
            end + 1 < len(singles)
            and _is_text(singles[end + 1])
            and same_printed_line(singles[end], singles[end + 1])
        ):
            end += 1
        run = singles[k : end + 1]
        closed = end + 1 < len(singles) and same_printed_line(singles[end], singles[end + 1])
        before_timing = closed and bool(TIMING.match(singles[end + 1].text))
        # ... or a whole printed line of text pieces whose row's timing opens the next printed
        # line (the one-line cells of a tall row set at other heights: before / after at its
        # top, the timing and the explanation below them; set X C5).
        whole_line = k == 0 or not same_printed_line(singles[k - 1], cl)
        timing_below = end + 1 < len(singles) and not closed and bool(TIMING.match(singles[end + 1].text))
        before_timing = before_timing or (whole_line and timing_below)
        words = [CellLine(w, cl.page, cl.line_no) for w in cl.text.split()] if len(run) == 1 else []
        if len(run) > VALUE_PIECES and before_timing:
            cut, guess = _cut(run)
            out += [_joined(run[:cut]), _joined(run[cut:])]
            if guess:
                guessed.add((cl.page, cl.line_no))
        elif len(words) > VALUE_PIECES and before_timing and not _cut(words)[1]:
            # One piece of three or more words whose second half repeats the first's opening:
            # the before and the after cell (the cut told by the text, as above).
            cut = _cut(words)[0]
            out += [_joined(words[:cut]), _joined(words[cut:])]
        else:
            out += run
        k = end + 1
    return out, guessed
