"""A pdfplumber ``extract_text()`` line's fragment that is two cells' lines glued (``plumber_text``
places the line's readings with it cut): pdfplumber puts no space between two cells when the
left one's line fills it to its edge (the gap is under ``x_tolerance``).  Widths are display
widths (``normalize.chars.display_width``); columns are ``plumber_text``'s indices.
"""

from __future__ import annotations

from collections.abc import Callable

from piatable.extract.plumber_cells import cut_at
from piatable.normalize.chars import display_width

DATE, ITEM, BEFORE, AFTER, TIMING = range(5)  # plumber_text's column indices
# Display width a fragment may pass its column's known width by (○, ※ and the like are drawn
# narrower or wider than their display width; plumber_text's width test too).
WIDTH_SLACK = 2
COST_GLUED_CUT = 1.0  # a fragment cut in two where a text column's width ends (two cells glued)
COST_CUT_ELSEWHERE = 1.0  # ... its left piece given to a column of another width


def glued_cuts(
    frags: list[str], widths: dict[int, int], max_fragments: int, whole: Callable[[str], bool]
) -> list[tuple[list[str], float, tuple[int, int] | None]]:
    """The line's fragments as printed (no extra cost), and with one fragment wider than any
    column cut where a text column's width ends (``COST_GLUED_CUT``): pdfplumber puts no space
    between two cells when the left one's line fills it to its edge (the gap is under
    ``x_tolerance``), so ``…証明書の発行・住民票の…`` may be two cells' lines glued.  Each with
    the cut (the left piece's index, the width cut at), or None.  A fragment ``whole`` says is
    one cell's (a heading of the forms, or a wrapped one's first line: ``７．評価実施機関における担``)
    is not cut: the 項目 column is wider than the widths known so far (set XIV's t08, Gnumeric
    11 pt, whose item lines are the widest fragments of the table)."""
    out: list[tuple[list[str], float, tuple[int, int] | None]] = [(frags, 0.0, None)]
    text_widths = sorted({w for c, w in widths.items() if c in (ITEM, BEFORE, AFTER) and w})
    if not text_widths or len(frags) >= max_fragments:
        return out
    widest = max(w for c, w in widths.items() if c not in (DATE, TIMING))
    for i, frag in enumerate(frags):
        if display_width(frag) <= widest + WIDTH_SLACK or whole(frag):
            continue
        for width in text_widths:
            at = cut_at(frag, width)
            if 0 < at < len(frag):
                out.append(([*frags[:i], frag[:at], frag[at:], *frags[i + 1 :]], COST_GLUED_CUT, (i, width)))
    return out


def cut_cost(cut: tuple[int, int] | None, cols: tuple[int, ...], widths: dict[int, int]) -> float:
    """``COST_CUT_ELSEWHERE`` when a glued fragment's left piece goes to a column whose width is
    not the one it was cut at (the left cell's line filled its own column: that is why the two
    were glued)."""
    if cut is None:
        return 0.0
    i, width = cut
    return 0.0 if widths.get(cols[i]) == width else COST_CUT_ELSEWHERE
