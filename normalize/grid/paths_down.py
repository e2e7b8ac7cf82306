"""Rows anchored at dates printed centred or at the foot of their cells: a 項目 path printed
above its row's date but grouped with the row above goes down to its row.
"""

from __future__ import annotations

from piatable.vocabulary import ITEM_OPENING

from .lines import Line


def _opens_section(lines: list[Line] | None) -> bool:
    return bool(lines) and bool(ITEM_OPENING.match(lines[0].text.strip()))  # type: ignore[index]


def paths_down(rows: list[dict[int, list[Line]]], spans: list[tuple[float, float]], mode: str) -> None:
    """Cells centred or at the foot of their rows: a row's 項目 printed above its date may be
    grouped with the row above, whose 項目 then holds a second section path (Ⅰ…Ⅵ) while the
    row's own 項目 opens with no section.  The last path goes down to the row below, with it
    (cells at the foot: whatever the row above holds below its own date, the foot of that row)
    the lines of the other text columns printed beside or below the path.  ``rows[r + 1]``
    holds date ``r``'s lines (``spans[r]``); ``rows[0]`` the row continued from the page before."""
    for r in range(-1, len(spans) - 1):
        here, below = rows[r + 1], rows[r + 2]
        item, nxt = here.get(1, []), below.get(1, [])
        heads = [i for i, ln in enumerate(item) if ITEM_OPENING.match(ln.text.strip())]
        if len(heads) < 2 or not nxt or _opens_section(nxt):
            continue
        block = item[heads[-1] :]
        if block[-1].bottom > spans[r + 1][0] or (r >= 0 and block[0].top < spans[r][1] and mode == "bottom"):
            continue  # the path does not stand between the two dates
        here[1] = item[: heads[-1]]
        below[1] = block + nxt
        if mode != "bottom":
            continue
        edge = block[0].top
        for c in (2, 3, 5):
            lines = here.get(c, [])
            moved = [ln for ln in lines if ln.top >= edge and (r < 0 or ln.top > spans[r][1])]
            if moved and len(moved) < len(lines):
                here[c] = [ln for ln in lines if ln not in moved]
                below[c] = moved + below.get(c, [])
