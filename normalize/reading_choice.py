"""Which of two readings of one flattened text to keep: rows read in order, or column by column.

A stream text may give its cells row by row (the seed's extractor, pypdfium2, ``pdftotext -raw``
of Writer tables) or one column after another (pdfminer and plain ``pdftotext`` emit text boxes
separated by blank lines).  ``stream`` builds both readings when the text does not settle it; this
module scores them by what the rows look like (``plausibility``), by how much of the region's text
they place twice or not at all (``misplaced``), and by how many of the region's row openings (date
lines, item paths) they leave without a row (``conservation.rowless_share``).
"""

from __future__ import annotations

from piatable.models import CellLine, RawRow

from .conservation import rowless_share
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
