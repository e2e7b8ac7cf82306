"""Which of two readings of one flattened text to keep: rows read in order, or column by column.

A stream text may give its cells row by row (the seed's extractor, pypdfium2, ``pdftotext -raw``
of Writer tables) or one column after another (pdfminer and plain ``pdftotext`` emit text boxes
separated by blank lines).  ``stream`` builds both readings when the text does not settle it; this
module scores them by what the rows look like (``plausibility``), by how much of the region's text
they place twice or not at all (``misplaced``), and by how many of the region's row openings (date
lines, item paths) they leave without a row (``conservation.rowless_share``).
"""

from __future__ import annotations

from dataclasses import dataclass

from piatable.models import CellLine, Doubt, RawRow
from piatable.vocabulary import TIMING

from .conservation import rowless_share
from .dates import is_date_line
from .items import opens_item

# Plausibility given to the column-by-column reading of text made of blank-line separated boxes.
BOXED_TEXT_LEAD = 0.25
# ... and the margin it must win by on text without such boxes (one box per page: a poor fit).
UNBOXED_TEXT_MARGIN = 0.1


def plausibility(rows: list[RawRow]) -> float:
    """How much rows look like amendment rows: an item path opening a section, a timing, an
    explanation, some before/after text.  Used to choose between two readings of one text."""
    if not rows:
        return 0.0
    score = 0.0
    for r in rows:
        item = r.cells["item"]
        score += bool(item) and opens_item(item[0].text)
        score += bool(r.cells["timing"]) and "timing_missing" not in r.flags
        score += bool(r.cells["explanation"])
        score += bool(r.cells["before"] or r.cells["after"])
        score -= "unplaced_text" in r.flags
    return score / (4 * len(rows))


def misplaced(rows: list[RawRow], region: list[CellLine]) -> float:
    """Share of the region's characters that ``rows`` hold more than once or not at all, merged
    cells filled into the rows they cover (date, timing, explanation of rows flagged
    ``merged_cell_filled``) aside: a reading that places text twice, or leaves it out, is the
    less plausible one."""
    total = sum(len(cl.text) for cl in region)
    if not total:
        return 0.0
    placed = 0
    shared: set[tuple[int | None, int | None, str]] = set()
    for r in rows:
        filled = "merged_cell_filled" in r.flags
        for key, cells in r.cells.items():
            if filled and key in ("change_date", "timing", "explanation"):
                shared.update((cl.page, cl.line_no, cl.text) for cl in cells)
            else:
                placed += sum(len(cl.text) for cl in cells)
    placed += sum(len(t) for _, _, t in shared)
    return abs(placed - total) / total


def column_order_wins(
    in_order: list[RawRow],
    region: list[CellLine],
    boxed: list[RawRow],
    boxed_region: list[CellLine],
    boxed_text: bool,
) -> bool:
    """Whether the column-order reading ``boxed`` (of ``boxed_region``, the region without its
    label boxes) is kept over the in-order reading ``in_order`` (of ``region``).

    Each reading scores its ``plausibility`` less the share of the region's row openings it
    leaves rowless; the in-order one also loses what it places twice or not at all
    (``misplaced``) on boxed text, where the column-order reading starts ``BOXED_TEXT_LEAD``
    ahead.  On text without boxes the column-order reading must win by ``UNBOXED_TEXT_MARGIN``.
    """
    lead = BOXED_TEXT_LEAD if boxed_text else -UNBOXED_TEXT_MARGIN
    twice = misplaced(in_order, region) if lead > 0 else 0.0
    # A reading is less plausible by the share of date lines and item paths it leaves rowless.
    boxed_score = plausibility(boxed) - rowless_share([cl.text for cl in boxed_region], boxed)
    in_order_score = plausibility(in_order) - twice - rowless_share([cl.text for cl in region], in_order)
    return bool(boxed) and boxed_score + lead > in_order_score


# Cells that tell two readings' rows apart (``flag_undecided``): all six, whitespace aside.
SIX_CELLS = ("change_date", "item", "before", "after", "timing", "explanation")
# Cells where a date or a 提出時期 may stand as a value of the row rather than open it.
VALUE_CELLS = ("item", "before", "after")
# The cells that make a row a row: a date or timing in a row holding none of them is unplaced.
BODY_CELLS = ("item", "before", "after", "explanation")


def _position(cl: CellLine) -> tuple[int | None, int | None]:
    return (cl.page, cl.line_no)


def unplaced_openings(region: list[CellLine], rows: list[RawRow]) -> tuple[int, int]:
    """(date lines, 提出時期 lines) of ``region`` that open no row and belong to none.

    A date line opens a row when it is a row's 変更日, a 提出時期 (``TIMING``: 事前 / 事後 alone on
    its line) when it is a row's timing; either belongs to a row as a value of its item, before or
    after cell.  Lines are told by where they were printed (page, line), so a cell merged over
    rows and filled into each counts once, and a date whose pieces a reading joined counts by its
    first piece.  Every row prints its date and timing unless merged, so a reading that leaves
    such lines out has lost rows or run them into other cells."""
    opened: set[tuple[int | None, int | None]] = set()
    for r in rows:
        if not any(r.cells.get(key) for key in BODY_CELLS):
            continue
        for key in ("change_date", "timing", *VALUE_CELLS):
            opened.update(_position(cl) for cl in r.cells.get(key, []))
    dates = sum(1 for cl in region if is_date_line(cl.text) and _position(cl) not in opened)
    timings = sum(1 for cl in region if TIMING.match(cl.text) and _position(cl) not in opened)
    return dates, timings


@dataclass(frozen=True, slots=True)
class TwoPhaseVerdict:
    """Which reading of boxed text to keep when the two-phase order was found in it.

    ``column_order``: keep the column-order reading; ``decided``: the text told the readings apart
    (one left fewer date / 提出時期 lines unplaced); ``why``: the counts, in words."""

    column_order: bool
    decided: bool
    why: str


def two_phase_or_columns(
    two_phase: list[RawRow], columns: list[RawRow], region: list[CellLine]
) -> TwoPhaseVerdict:
    """The reading of boxed text (pdfminer, plain ``pdftotext``) to keep when ``twophase`` found
    its order in it: the one that leaves fewer of the region's date and 提出時期 lines unplaced
    (``unplaced_openings``); on a tie the two-phase one, undecided.

    Text boxes printed column by column look like Calc's two-pass order (a column of one-line
    dates and timings, then the wrapped cells): read so, the timings open rows of their own that
    hold nothing else and the rows with items get none (LibreOffice tables on the tuning sets:
    office-boxes44, office-warn43, office-narrow25, office-raw23, office-values44 pdfminer texts,
    up to 9 of 9 timings so left), while the column-order reading places them all.  Where both
    place every such line, the text does not tell which reading is right."""
    if not columns:
        return TwoPhaseVerdict(False, True, "no column-order reading")
    pd, pt = unplaced_openings(region, two_phase)
    cd, ct = unplaced_openings(region, columns)
    counts = (
        f"read in two passes, {pd} date and {pt} 提出時期 lines were in no row with cells;"
        f" read column by column, {cd} and {ct}"
    )
    if cd + ct == pd + pt:
        return TwoPhaseVerdict(False, False, counts)
    return TwoPhaseVerdict(cd + ct < pd + pt, True, counts)


def _squashed(row: RawRow) -> tuple[str, ...]:
    return tuple("".join("".join(cl.text.split()) for cl in row.cells.get(key, [])) for key in SIX_CELLS)


def _no_other_body(row: tuple[str, ...], other: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether the reading not kept reads the body of ``row`` (squashed cells) as no change at
    all: ``row`` prints an item and a before or after, and the rows of ``other`` (squashed rows
    by item) with that item hold no before and no after, the same text as ``row``'s before, after
    and explanation all in their explanation (an empty change, which is no amendment row: that
    reading cut nothing where this one found the cells)."""
    item, body = row[1], "".join(row[2:4]) + row[5]
    alike = other.get(item, [])
    return (
        bool(item)
        and any(row[2:4])
        and bool(alike)
        and all(not o[2] and not o[3] and o[5] == body for o in alike)
    )


def flag_undecided(rows: list[RawRow], other: list[RawRow], why: str) -> int:
    """``column_guess`` on each of ``rows`` that ``other`` (the reading not kept) reads otherwise
    (no row of it has the same six cells, whitespace aside), with ``why``: the text did not tell
    the two readings apart.  The rows both readings agree on are left alone, and so are rows the
    other reading reads as an empty change holding the same text in its explanation
    (``_no_other_body``; branch calib66, issue 12: office-newline56's PyMuPDF block texts, right
    rows warned by this doubt alone).  How many flagged."""
    agreed = {_squashed(r) for r in other}
    by_item: dict[str, list[tuple[str, ...]]] = {}
    for o in other:
        sq = _squashed(o)
        by_item.setdefault(sq[1], []).append(sq)
    flagged = 0
    for r in rows:
        sq = _squashed(r)
        if sq not in agreed and not _no_other_body(sq, by_item):
            r.doubts.append(Doubt("column_guess", None, why))
            flagged += 1
    return flagged
